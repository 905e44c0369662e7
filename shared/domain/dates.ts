/**
 * Date helpers on ISO calendar dates (`YYYY-MM-DD`), with no time zone arithmetic:
 * a calendar date is a day number (days since 1970-01-01). Times are Asia/Ho_Chi_Minh (UTC+7, no DST).
 */
export const VN_OFFSET_MINUTES = 7 * 60;
const DAY_MS = 86_400_000;

/** Day number (days since 1970-01-01) of an ISO date. */
export function dayNumber(iso: string): number {
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;
}

/** ISO date of a day number. */
export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return (((dayNumber(iso) + 4) % 7) + 7) % 7;
}

/** Inclusive list of ISO dates from `from` to `to`. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let n = dayNumber(from), end = dayNumber(to); n <= end; n++) out.push(fromDayNumber(n));
  return out;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  return fromDayNumber(dayNumber(value)) === value;
}

/** `dd/mm/yyyy`, as Vietnamese agencies write dates. */
export function formatDateVi(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** `T2 19/07` style short label (Thứ hai … Chủ nhật). */
export function shortDayLabelVi(iso: string): string {
  const w = weekday(iso);
  const name = w === 0 ? 'CN' : `T${w + 1}`;
  return `${name} ${iso.slice(8, 10)}/${iso.slice(5, 7)}`;
}

/** The calendar date in Asia/Ho_Chi_Minh of an instant. */
export function vnDateOf(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(ms + VN_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/** Minutes since midnight in Asia/Ho_Chi_Minh of an instant. */
export function vnMinutesOf(instant: Date | number): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const local = new Date(ms + VN_OFFSET_MINUTES * 60_000);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
}

/** The instant of a local Asia/Ho_Chi_Minh date and `HH:MM` time. */
export function vnInstant(iso: string, hhmm: string): Date {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(dayNumber(iso) * DAY_MS + ((h ?? 0) * 60 + (m ?? 0) - VN_OFFSET_MINUTES) * 60_000);
}
