/**
 * Date display for the UI (pure): dd/mm/yyyy, 24 h, Asia/Ho_Chi_Minh, whatever the browser's zone.
 * ISO dates (`YYYY-MM-DD`) are calendar dates; instants (Date, ms, ISO date-time strings) are shown
 * in Vietnam's time.
 */
import { formatDateVi, isIsoDate, vnDateOf, vnMinutesOf, weekday } from '../../shared/domain/dates';

export type Instant = Date | number | string;

function toMs(instant: Instant): number {
  if (typeof instant === 'number') return instant;
  if (typeof instant === 'string') return Date.parse(instant);
  return instant.getTime();
}

/** `2026-11-23` (or a date-time string starting with it) → `23/11/2026`; empty for nothing. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const day = iso.slice(0, 10);
  return isIsoDate(day) ? formatDateVi(day) : iso;
}

/** The calendar date (ISO) of an instant in Vietnam. */
export function vnDate(instant: Instant = Date.now()): string {
  return vnDateOf(toMs(instant));
}

/** `HH:mm`, 24 h, in Vietnam. */
export function formatTime(instant: Instant): string {
  const ms = toMs(instant);
  if (Number.isNaN(ms)) return '';
  const m = vnMinutesOf(ms);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** `08:00 10/08/2021`: the time first, as in "Hạn đăng ký: 08:00 10/08/2021". */
export function formatDateTime(instant: Instant): string {
  const ms = toMs(instant);
  if (Number.isNaN(ms)) return '';
  return `${formatTime(ms)} ${formatDateVi(vnDateOf(ms))}`;
}

/**
 * `Thứ Hai, 23/11/2026` with the weekday names of the UI language (index 0 = Sunday … 6 = Saturday).
 */
export function formatLongDate(iso: string, weekdayNames: readonly string[]): string {
  return `${weekdayNames[weekday(iso)] ?? ''}, ${formatDateVi(iso)}`;
}
