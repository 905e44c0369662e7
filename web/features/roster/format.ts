/**
 * Display helpers of the roster screens (pure): mode letters, period labels, the lines of a
 * difference ("Nguyễn Thị An — 21/07: tại nhà → nghỉ phép"), dd/mm/yyyy input, the deadline instant.
 */
import type { PeriodView } from '../../../shared/contracts/roster';
import { fromDayNumber, dayNumber, formatDateVi, isIsoDate } from '../../../shared/domain/dates';
import { MODES, type Mode } from '../../../shared/domain/roster/format';

/** The letter of a mode in the grid (the same in every language: they are the agencies' codes). */
export const MODE_LETTER: Readonly<Record<Mode, string>> = { onsite: 'CQ', wfh: 'N', leave: 'P', business_trip: 'CT' };

/** Mantine colour of a mode (the letter and the border style carry the meaning too). */
export const MODE_COLOR: Readonly<Record<Mode, string>> = { onsite: 'blue', wfh: 'green', leave: 'orange', business_trip: 'grape' };

/** Border style per mode, so that a black-and-white print still tells them apart. */
export const MODE_BORDER: Readonly<Record<Mode, 'solid' | 'double' | 'dashed' | 'dotted'>> = {
  onsite: 'solid',
  wfh: 'double',
  leave: 'dashed',
  business_trip: 'dotted',
};

export const ALL_MODES: readonly Mode[] = MODES;

export function isMode(v: unknown): v is Mode {
  return typeof v === 'string' && (MODES as readonly string[]).includes(v);
}

/** `30/11/2026 – 04/12/2026`. */
export function periodRange(p: Pick<PeriodView, 'fromDate' | 'toDate'>): string {
  return `${formatDateVi(p.fromDate)} – ${formatDateVi(p.toDate)}`;
}

/** `21/07` of an ISO date. */
export function dayMonth(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;
}

export interface DiffWords {
  /** Short words of each mode: "tại nhà", "tại cơ quan", "nghỉ phép", "công tác". */
  modes: Readonly<Record<Mode, string>>;
  /** The word for no assignment ("chưa phân công"). */
  none: string;
}

/** `Nguyễn Thị An — 21/07: tại nhà → nghỉ phép`. */
export function diffLine(d: { fullName: string; date: string; from: Mode | null; to: Mode | null }, words: DiffWords): string {
  const w = (m: Mode | null) => (m ? words.modes[m] : words.none);
  return `${d.fullName} — ${dayMonth(d.date)}: ${w(d.from)} → ${w(d.to)}`;
}

/**
 * A date typed as `dd/mm/yyyy` (also `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy` or ISO) → ISO, or null when
 * it is not a real date.
 */
export function parseDateVi(text: string): string | null {
  const s = text.trim();
  if (isIsoDate(s)) return s;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** `8:00` / `08:00` / `8h` → `08:00`, or null. 24 h clock. */
export function parseTime(text: string): string | null {
  const m = /^(\d{1,2})(?::|h)?(\d{2})?h?$/i.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** The instant of a local date and time in Asia/Ho_Chi_Minh, as ISO 8601 with its offset. */
export function vnDateTimeIso(date: string, time: string): string {
  return `${date}T${time}:00+07:00`;
}

/**
 * The period to show first: the earliest one not approved yet that has not ended (the one to work on
 * now), else the newest.
 */
export function defaultPeriod<P extends Pick<PeriodView, 'id' | 'status' | 'fromDate' | 'toDate'>>(periods: readonly P[], today: string): P | null {
  if (!periods.length) return null;
  const open = periods
    .filter((p) => p.status !== 'approved' && p.toDate >= today)
    .sort((a, b) => (a.fromDate < b.fromDate ? -1 : a.fromDate > b.fromDate ? 1 : 0));
  return open[0] ?? [...periods].sort((a, b) => (a.fromDate < b.fromDate ? 1 : a.fromDate > b.fromDate ? -1 : 0))[0]!;
}

/** Monday of the week of an ISO date. */
export function mondayOf(iso: string): string {
  const n = dayNumber(iso);
  const w = (((n + 4) % 7) + 7) % 7; // 0 = Sunday
  return fromDayNumber(n - ((w + 6) % 7));
}
