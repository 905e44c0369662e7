/** Text search without diacritics, as Vietnamese users type ("bien che" finds "Biên chế"). Pure. */

const LOWER = 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ';
const BASE = 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd';

/** The characters folded by `foldVi` and their replacements, for the same folding in SQL (`translate`). */
export const FOLD_FROM = `${LOWER}${LOWER.toUpperCase()}ABCDEFGHIJKLMNOPQRSTUVWXYZ`;
export const FOLD_TO = `${BASE}${BASE}abcdefghijklmnopqrstuvwxyz`;

const MAP = new Map<string, string>([...FOLD_FROM].map((c, i) => [c, FOLD_TO[i]!]));

/** Lowercase without Vietnamese diacritics: "Phòng Tổ chức, Biên chế" → "phong to chuc, bien che". */
export function foldVi(text: string): string {
  let out = '';
  for (const c of text.normalize('NFC')) out += MAP.get(c) ?? c.toLowerCase();
  return out;
}
