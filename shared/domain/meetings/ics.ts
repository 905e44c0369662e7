/**
 * iCalendar (RFC 5545) for meetings (issue 10, PRODUCT.md I1): the invitation e-mailed to attendees
 * (METHOD:REQUEST, or METHOD:CANCEL when the meeting is cancelled, RFC 5546) and the calendar feed that
 * Outlook and phone calendars subscribe to (METHOD:PUBLISH). Pure text building, no I/O.
 *
 * - Times are written in UTC (`20210716T070000Z`), so no VTIMEZONE is needed and every client shows the
 *   right instant in its own zone.
 * - TEXT values escape `\`, `;`, `,` and newlines; parameter values (CN) are quoted when needed.
 * - Lines are folded at 75 octets counting UTF-8 bytes, never inside a character (Vietnamese text has
 *   2- and 3-byte characters), and end with CRLF.
 */

export type IcsMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';
export type IcsPartstat = 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED';

export interface IcsPerson {
  name: string;
  email: string;
}

export interface IcsAttendee extends IcsPerson {
  partstat: IcsPartstat;
  /** CHAIR for the chair of the meeting, else REQ-PARTICIPANT. */
  role?: 'CHAIR' | 'REQ-PARTICIPANT';
}

export interface IcsEvent {
  /** Stable per meeting (same UID in every update and in the cancel). */
  uid: string;
  /** Incremented at every change the attendees must see (RFC 5545 SEQUENCE). */
  sequence: number;
  /** When this text was made. */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  location?: string | null;
  url?: string | null;
  description?: string | null;
  organizer?: IcsPerson | null;
  attendees?: IcsAttendee[];
  status: 'CONFIRMED' | 'CANCELLED';
  /** A reminder this many minutes before the start (VALARM, ACTION:DISPLAY). */
  alarmMinutes?: number | null;
}

export interface IcsCalendar {
  method: IcsMethod;
  events: IcsEvent[];
  /** The calendar's name shown by subscribing clients (X-WR-CALNAME). */
  name?: string;
}

export const ICS_PRODID = '-//Congvu//Lich hop//VI';
const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** `20210716T070000Z` */
export function icsDateTime(d: Date): string {
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** Escapes a TEXT value (RFC 5545 §3.3.11); control characters other than newlines are dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/** A parameter value (e.g. CN): no control characters or DQUOTE; quoted when it holds `:`, `;` or `,`. */
export function paramValue(value: string): string {
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/"/g, "'");
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

function utf8Length(ch: string): number {
  const c = ch.codePointAt(0)!;
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line: at most 75 octets per physical line (the leading space of a continuation
 * counts), breaking only between characters (code points), joined with CRLF + space.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const n = utf8Length(ch);
    if (octets + n > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const mailto = (email: string) => `mailto:${email.replace(/[\s"<>]/g, '')}`;

function eventLines(e: IcsEvent, method: IcsMethod): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(e.uid)}`,
    `SEQUENCE:${Math.max(0, Math.trunc(e.sequence))}`,
    `DTSTAMP:${icsDateTime(e.stamp)}`,
    `DTSTART:${icsDateTime(e.start)}`,
    `DTEND:${icsDateTime(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.url) lines.push(`URL:${e.url.replace(/[\s"<>\\]/g, '')}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.organizer) lines.push(`ORGANIZER;CN=${paramValue(e.organizer.name)}:${mailto(e.organizer.email)}`);
  if (method !== 'PUBLISH') {
    for (const a of e.attendees ?? []) {
      const rsvp = method === 'REQUEST' && a.partstat === 'NEEDS-ACTION' ? 'TRUE' : 'FALSE';
      lines.push(`ATTENDEE;CN=${paramValue(a.name)};ROLE=${a.role ?? 'REQ-PARTICIPANT'};PARTSTAT=${a.partstat};RSVP=${rsvp}:${mailto(a.email)}`);
    }
  }
  lines.push(`STATUS:${e.status}`);
  if (e.alarmMinutes && e.status !== 'CANCELLED') {
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(e.summary)}`,
      `TRIGGER:-PT${Math.max(0, Math.trunc(e.alarmMinutes))}M`,
      'END:VALARM',
    );
  }
  lines.push('END:VEVENT');
  return lines;
}

/** The whole VCALENDAR text, folded, with CRLF line ends (also after the last line). */
export function buildCalendar(cal: IcsCalendar): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${ICS_PRODID}`, 'CALSCALE:GREGORIAN', `METHOD:${cal.method}`];
  if (cal.name) lines.push(`X-WR-CALNAME:${escapeText(cal.name)}`, 'X-WR-TIMEZONE:Asia/Ho_Chi_Minh');
  if (cal.method === 'PUBLISH') lines.push('REFRESH-INTERVAL;VALUE=DURATION:PT15M', 'X-PUBLISHED-TTL:PT15M');
  for (const e of cal.events) lines.push(...eventLines(e, cal.method));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
