/**
 * Types of the work activity format, version 1 (../shared/formats/activity.md), and the time
 * helpers every reader of it needs. Pure, isomorphic (server, web app, CLI).
 *
 * Times are ISO 8601 strings; a time without an offset is Asia/Ho_Chi_Minh local time (UTC+7, no
 * DST). The *day* of a time is its calendar date in Asia/Ho_Chi_Minh. Times are parsed by hand
 * (no `Date` per value) because an import can hold millions of actions.
 */
import { VN_OFFSET_MINUTES } from '../dates';

export const ACTIVITY_FORMAT = 'congvu.activity/1' as const;

/** ISO date `YYYY-MM-DD`. */
export type IsoDate = string;
/** ISO 8601 date-time, e.g. `2021-07-20T09:12:00+07:00` (no offset = Asia/Ho_Chi_Minh). */
export type IsoDateTime = string;

/** A task (nhiệm vụ, công việc) given to one person. */
export interface ActivityTask {
  id: string;
  title: string;
  assigneeId: string;
  assignedAt: IsoDateTime;
  /** Optional (not every source system has deadlines); not used by Phụ lục 2. */
  dueDate?: IsoDate;
  /** Absent while the task is open. */
  finishedAt?: IsoDateTime;
}

/** Kinds Congvu itself writes. A source system may use other words: any kind except `view` is processing. */
export const KNOWN_ACTION_KINDS = ['view', 'comment', 'status', 'attach', 'forward', 'draft', 'finish'] as const;
export type KnownActionKind = (typeof KNOWN_ACTION_KINDS)[number];

/** One action of a person on a task on the e-office system. */
export interface ActivityAction {
  taskId: string;
  personId: string;
  at: IsoDateTime;
  /** `view`, `comment`, `status`, `attach`, `forward`, `draft`, `finish` or another word of the source system. */
  kind: string;
}

export interface Activity {
  format: typeof ACTIVITY_FORMAT;
  tasks: ActivityTask[];
  actions: ActivityAction[];
}

/** Every kind except `view` is processing (xử lý công việc). */
export function isProcessingKind(kind: string): boolean {
  return kind !== 'view';
}

// ---------------------------------------------------------------------------------------------
// Errors and results
// ---------------------------------------------------------------------------------------------

/** A problem in a JSON document: `path` is the JSON path of the bad value (`$` = the document). */
export interface JsonIssue {
  path: string;
  /** Vietnamese, for people. */
  message: string;
}

/** A problem in a CSV file. `row` counts like a spreadsheet (header = row 1); `column` is e.g. `D (assignedAt)`. */
export interface CsvIssue {
  file: string;
  row: number | null;
  column: string | null;
  /** Vietnamese, for people. */
  message: string;
}

/**
 * All-or-nothing: a value only when the whole input is valid. Same shape as the roster parsers'
 * `Result` (roster/format.ts): `issues` lists at most `MAX_REPORTED_ISSUES`, `omitted` counts the others.
 */
export type ParseResult<T, I> = { ok: true; value: T; warnings?: I[] } | { ok: false; issues: I[]; omitted: number };

/**
 * Message of the warning for a task finished before it was assigned (clocks of two systems differ):
 * the format asks for no order, the task counts by its day of assignment and its day of finishing.
 */
export function finishedBeforeAssignedMessage(finishedAt: string, assignedAt: string): string {
  return (
    `Thời điểm hoàn thành ${JSON.stringify(finishedAt)} trước thời điểm giao việc ${JSON.stringify(assignedAt)} ` +
    '(đồng hồ của các hệ thống có thể lệch nhau): vẫn tính theo ngày giao và ngày hoàn thành'
  );
}

/** How many issues a parser keeps (a broken file of millions of rows must not produce millions of messages). */
export const MAX_REPORTED_ISSUES = 100;

// ---------------------------------------------------------------------------------------------
// Time helpers (hand-written: one call per action, millions of actions)
// ---------------------------------------------------------------------------------------------

/** Days since 1970-01-01 of a proleptic Gregorian date (integer arithmetic, H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Value of the 2-digit number at `i`, or -1. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  // Written so that NaN (past the end of the string) fails too.
  if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9)) return -1;
  return a * 10 + b;
}

/**
 * Minutes since 1970-01-01T00:00Z of an ISO 8601 date-time, or `NaN` when it is not one.
 * Accepted: `YYYY-MM-DDTHH:MM[:SS[.fff…]][Z|±HH:MM|±HHMM|±HH]`, `T` or a space between date and
 * time; no offset = Asia/Ho_Chi_Minh (UTC+7). Seconds are checked but dropped: offsets are whole
 * minutes, so they never move a time across midnight.
 */
export function timeToUtcMinutes(s: string): number {
  const n = s.length;
  if (n < 16) return NaN;
  // Date part.
  const y1 = two(s, 0);
  const y2 = two(s, 2);
  if (y1 < 0 || y2 < 0 || s.charCodeAt(4) !== 45 /* - */ || s.charCodeAt(7) !== 45) return NaN;
  const y = y1 * 100 + y2;
  const mo = two(s, 5);
  const d = two(s, 8);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return NaN;
  const sep = s.charCodeAt(10);
  if (sep !== 84 /* T */ && sep !== 32 /* space */) return NaN;
  // Time part.
  const h = two(s, 11);
  const mi = two(s, 14);
  if (h < 0 || h > 23 || s.charCodeAt(13) !== 58 /* : */ || mi < 0 || mi > 59) return NaN;
  let i = 16;
  if (i < n && s.charCodeAt(i) === 58) {
    const sec = two(s, i + 1);
    if (sec < 0 || sec > 59) return NaN;
    i += 3;
    if (i < n && s.charCodeAt(i) === 46 /* . */) {
      i++;
      const start = i;
      while (i < n) {
        const c = s.charCodeAt(i);
        if (c < 48 || c > 57) break;
        i++;
      }
      if (i === start) return NaN;
    }
  }
  // Offset.
  let offset: number;
  if (i === n) {
    offset = VN_OFFSET_MINUTES;
  } else {
    const c = s.charCodeAt(i);
    if (c === 90 /* Z */ && i + 1 === n) {
      offset = 0;
    } else if (c === 43 /* + */ || c === 45 /* - */) {
      const oh = two(s, i + 1);
      if (oh < 0 || oh > 23) return NaN;
      let om = 0;
      const rest = n - (i + 3);
      if (rest === 3 && s.charCodeAt(i + 3) === 58) om = two(s, i + 4);
      else if (rest === 2) om = two(s, i + 3);
      else if (rest !== 0) return NaN;
      if (om < 0 || om > 59) return NaN;
      offset = (c === 45 ? -1 : 1) * (oh * 60 + om);
    } else {
      return NaN;
    }
  }
  return daysFromCivil(y, mo, d) * 1440 + h * 60 + mi - offset;
}

/** Byte i of [start, end) of `b`, NaN past the end (as `charCodeAt`). */
function codeAt(b: Uint8Array, start: number, end: number, i: number): number {
  return start + i < end ? b[start + i]! : NaN;
}

/** `two` on bytes [start, end). */
function twoAt(b: Uint8Array, start: number, end: number, i: number): number {
  const x = codeAt(b, start, end, i) - 48;
  const y = codeAt(b, start, end, i + 1) - 48;
  if (!(x >= 0 && x <= 9 && y >= 0 && y <= 9)) return -1;
  return x * 10 + y;
}

/**
 * `timeToUtcMinutes` of the ASCII bytes [start, end) of `b` — the same code on bytes (reading a
 * big activity file without making a string of every time). Tested equal to it.
 */
export function timeBytesToUtcMinutes(b: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n < 16) return NaN;
  // Date part.
  const y1 = twoAt(b, start, end, 0);
  const y2 = twoAt(b, start, end, 2);
  if (y1 < 0 || y2 < 0 || codeAt(b, start, end, 4) !== 45 /* - */ || codeAt(b, start, end, 7) !== 45) return NaN;
  const y = y1 * 100 + y2;
  const mo = twoAt(b, start, end, 5);
  const d = twoAt(b, start, end, 8);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return NaN;
  const sep = codeAt(b, start, end, 10);
  if (sep !== 84 /* T */ && sep !== 32 /* space */) return NaN;
  // Time part.
  const h = twoAt(b, start, end, 11);
  const mi = twoAt(b, start, end, 14);
  if (h < 0 || h > 23 || codeAt(b, start, end, 13) !== 58 /* : */ || mi < 0 || mi > 59) return NaN;
  let i = 16;
  if (i < n && codeAt(b, start, end, i) === 58) {
    const sec = twoAt(b, start, end, i + 1);
    if (sec < 0 || sec > 59) return NaN;
    i += 3;
    if (i < n && codeAt(b, start, end, i) === 46 /* . */) {
      i++;
      const digits = i;
      while (i < n) {
        const c = codeAt(b, start, end, i);
        if (c < 48 || c > 57) break;
        i++;
      }
      if (i === digits) return NaN;
    }
  }
  // Offset.
  let offset: number;
  if (i === n) {
    offset = VN_OFFSET_MINUTES;
  } else {
    const c = codeAt(b, start, end, i);
    if (c === 90 /* Z */ && i + 1 === n) {
      offset = 0;
    } else if (c === 43 /* + */ || c === 45 /* - */) {
      const oh = twoAt(b, start, end, i + 1);
      if (oh < 0 || oh > 23) return NaN;
      let om = 0;
      const rest = n - (i + 3);
      if (rest === 3 && codeAt(b, start, end, i + 3) === 58) om = twoAt(b, start, end, i + 4);
      else if (rest === 2) om = twoAt(b, start, end, i + 3);
      else if (rest !== 0) return NaN;
      if (om < 0 || om > 59) return NaN;
      offset = (c === 45 ? -1 : 1) * (oh * 60 + om);
    } else {
      return NaN;
    }
  }
  return daysFromCivil(y, mo, d) * 1440 + h * 60 + mi - offset;
}

/** Day number (days since 1970-01-01, as `dates.ts` `dayNumber`) in Asia/Ho_Chi_Minh of minutes since the epoch. */
export function vnDayOfUtcMinutes(minutes: number): number {
  return Math.floor((minutes + VN_OFFSET_MINUTES) / 1440);
}

/** Day number in Asia/Ho_Chi_Minh of an ISO 8601 date-time, or `NaN` when it is not one. */
export function vnDayNumberOfTime(s: string): number {
  const m = timeToUtcMinutes(s);
  return Number.isNaN(m) ? NaN : vnDayOfUtcMinutes(m);
}

/** True for an ISO 8601 date-time this format accepts. */
export function isIsoDateTime(value: unknown): value is IsoDateTime {
  return typeof value === 'string' && !Number.isNaN(timeToUtcMinutes(value));
}
