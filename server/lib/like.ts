/** LIKE patterns: the user's text matched literally (%, _ and \ escaped; PostgreSQL's default escape is \). */
export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);
