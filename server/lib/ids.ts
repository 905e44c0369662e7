import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A random id such as `per_k3j9x0a1b2c3d4e5`, optionally with a readable prefix. */
export function newId(prefix?: string): string {
  const bytes = randomBytes(16);
  let s = '';
  for (let i = 0; i < 16; i++) s += ALPHABET[bytes[i]! % 36];
  return prefix ? `${prefix}_${s}` : s;
}

/** A URL-safe random token (sessions, CSRF). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
