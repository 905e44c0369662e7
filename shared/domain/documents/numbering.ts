/**
 * Số, ký hiệu of NĐ 30/2020 (Phụ lục I §II.3; Điều 15): numbers below 10 get a leading zero, "/"
 * between number and ký hiệu, "-" between groups, no spaces. Typed documents: {type}-{issuer}
 * ("15/QĐ-BNV"); công văn: {issuer}-{drafting unit} ("2215/SNV-TCBM"). Pure.
 */
import { foldVi } from '../text';
import { vnDateOf } from '../dates';
import { DOC_TYPES, type DocType } from './vocab';

/** 1 → "01", 9 → "09", 10 → "10", 123 → "123". */
export function formatDocNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Số văn bản không hợp lệ: ${n}`);
  return n < 10 ? `0${n}` : String(n);
}

const GROUP = /^[\p{L}\d]+$/u;

/** The ký hiệu: "QĐ-SNV" for a typed document, "SNV-TCBM" for a công văn (drafting unit code). */
export function composeNotation(o: { docType: DocType; agencyCode: string; unitCode?: string | null }): string {
  const type = DOC_TYPES[o.docType].code;
  const groups = type ? [type, o.agencyCode] : [o.agencyCode, o.unitCode ?? ''];
  for (const g of groups) {
    if (!GROUP.test(g)) throw new RangeError(`Ký hiệu không hợp lệ: "${g}" (chỉ gồm chữ cái và chữ số, không dấu cách).`);
  }
  return groups.join('-');
}

/** "123/SNV-TCBM". */
export function composeNumberText(n: number, notation: string): string {
  return `${formatDocNumber(n)}/${notation}`;
}

/** Parser suggested in DOMAIN.md: `^(\d{2,})\/([\p{L}\d]+(?:-[\p{L}\d]+)+)$`. */
export const NUMBER_TEXT_RE = /^(\d{2,})\/([\p{L}\d]+(?:-[\p{L}\d]+)+)$/u;
export function parseNumberText(s: string): { number: number; notation: string } | null {
  const m = NUMBER_TEXT_RE.exec(s.trim());
  if (!m) return null;
  return { number: Number(m[1]), notation: m[2]! };
}

/** The register year of an instant: the calendar year in Asia/Ho_Chi_Minh (numbers restart at 01 on 1 January). */
export function registerYear(instant: Date | number): number {
  return Number(vnDateOf(instant).slice(0, 4));
}

const SKIP = new Set(['phong', 'trung', 'tam']);

/**
 * A unit abbreviation when the agency has not set one: Văn phòng → VP, Thanh tra → TTr, Ban Giám đốc →
 * BGĐ, otherwise the initials of the name without "Phòng"/"Trung tâm" ("Phòng Tổ chức, biên chế" → TCBC).
 */
export function defaultUnitCode(name: string, kind?: string | null): string {
  if (kind === 'office') return 'VP';
  if (kind === 'inspectorate') return 'TTr';
  if (kind === 'board') return 'BGĐ';
  const words = name
    .split(/[\s,.;:()\-–—/]+/)
    .filter(Boolean)
    .filter((w, i) => !(i < 2 && SKIP.has(foldVi(w))));
  const initials = words.map((w) => (w[0] === 'đ' || w[0] === 'Đ' ? 'Đ' : foldVi(w[0] ?? '').toUpperCase())).join('');
  return initials.replace(/[^\p{L}\d]/gu, '').slice(0, 8) || 'VP';
}
