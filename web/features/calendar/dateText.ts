/**
 * Dates and times as people type them (pure): `dd/mm/yyyy` and `HH:MM` (24 h) in the UI, ISO
 * `YYYY-MM-DD` and `HH:MM` in the API. Lenient on input (`1/6/2021`, `01-06-2021`, `01062021`,
 * `7:30`, `7h30`, `0730`), strict on output.
 */
import { isIsoDate } from '../../../shared/domain/dates';

/** `2021-05-25` → `25/05/2021`; empty for nothing. */
export function formatDateText(iso: string | null | undefined): string {
  if (!iso || !isIsoDate(iso)) return '';
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/**
 * The ISO date of a typed date: `''` for an empty text, `null` when it is not a real date.
 * Accepts d/m/yyyy with `/`, `-` or `.` separators, `ddmmyyyy`, and ISO `yyyy-mm-dd` (pasted).
 */
export function parseDateText(text: string): string | null {
  const s = text.trim();
  if (!s) return '';
  let parts: [string, string, string] | null = null; // [day, month, year]
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) parts = [match[3]!, match[2]!, match[1]!];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(s))) parts = [match[1]!, match[2]!, match[3]!];
  if (!parts) return null;
  const [d, m, y] = parts;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** The text of a typed date, normalised to `dd/mm/yyyy` when it is a date (unchanged otherwise). */
export function normaliseDateText(text: string): string {
  const iso = parseDateText(text);
  return iso ? formatDateText(iso) : text;
}

/** `HH:MM` of a typed time: `''` for an empty text, `null` when it is not a 24 h time. */
export function parseTimeText(text: string): string | null {
  const s = text.trim().toLowerCase();
  if (!s) return '';
  const match = /^(\d{1,2})(?:[:h.]?(\d{2}))?$/.exec(s) ?? /^(\d{1,2})h$/.exec(s);
  if (!match) return null;
  const h = Number(match[1]);
  const min = match[2] === undefined ? 0 : Number(match[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

export function normaliseTimeText(text: string): string {
  const t = parseTimeText(text);
  return t ? t : text;
}
