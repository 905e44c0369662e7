/**
 * Finding people in a unit's roster (a 160-person unit on a phone): accent-insensitive name search
 * ("nguyen van" finds "Nguyễn Văn An", "đ" is "d"), pages of people, and the people concerned by the rule
 * violations (the summary shown above the grid). Pure functions, no React.
 */

/** Lower case, without Vietnamese diacritics (đ → d), spaces collapsed. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Does a name match the search? Every word typed starts a word of the name, in any order, accents and
 * case ignored: "nguyen van", "van an", "ng an" all find "Nguyễn Văn An". An empty search matches all.
 */
export function nameMatches(fullName: string, query: string): boolean {
  const words = foldName(query).split(' ').filter(Boolean);
  if (!words.length) return true;
  const nameWords = foldName(fullName).split(' ');
  return words.every((w) => nameWords.some((n) => n.startsWith(w)));
}

/** The people whose name matches the search, in their order. */
export function filterByName<P extends { fullName: string }>(people: readonly P[], query: string): P[] {
  return people.filter((p) => nameMatches(p.fullName, query));
}

export interface Page<T> {
  items: T[];
  /** 0-based, clamped to the pages there are. */
  page: number;
  pages: number;
  /** 1-based positions of the first and last item shown (0, 0 when empty). */
  from: number;
  to: number;
  total: number;
}

/** One page of `size` items (the last page when `page` is past the end). */
export function pageOf<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const slice = items.slice(p * size, p * size + size);
  return { items: slice, page: p, pages, from: slice.length ? p * size + 1 : 0, to: p * size + slice.length, total: items.length };
}

/** The page on which the item at `index` is. */
export function pageOfIndex(index: number, size: number): number {
  return index < 0 ? 0 : Math.floor(index / size);
}

export interface PersonViolations {
  personId: string;
  fullName: string;
  block: number;
  warn: number;
}

/**
 * The people concerned by violations, the most blocking first (then by name): the summary above the grid.
 * Violations of a unit or a day without a person are counted apart (`other`).
 */
export function peopleInViolation(
  violations: readonly { personId?: string | null; severity: 'block' | 'warn' }[],
  people: readonly { id: string; fullName: string }[],
): { people: PersonViolations[]; other: { block: number; warn: number } } {
  const byId = new Map(people.map((p) => [p.id, p.fullName]));
  const out = new Map<string, PersonViolations>();
  const other = { block: 0, warn: 0 };
  for (const v of violations) {
    const name = v.personId ? byId.get(v.personId) : undefined;
    if (!v.personId || name === undefined) {
      other[v.severity] += 1;
      continue;
    }
    const row = out.get(v.personId) ?? { personId: v.personId, fullName: name, block: 0, warn: 0 };
    row[v.severity] += 1;
    out.set(v.personId, row);
  }
  return {
    people: [...out.values()].sort((a, b) => b.block - a.block || b.warn - a.warn || a.fullName.localeCompare(b.fullName, 'vi')),
    other,
  };
}
