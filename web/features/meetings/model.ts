/** Pure helpers of the meetings screens: the form's payload, today / upcoming grouping. */
import type { InPersonReason, MeetingCreate, MeetingKind, MeetingSummary, MeetingView } from '../../../shared/contracts/meetings';
import { vnDateOf, vnMinutesOf } from '../../../shared/domain/dates';
import { formatDateText, parseDateText, parseTimeText } from '../calendar/dateText';

export interface MeetingForm {
  title: string;
  kind: MeetingKind;
  dateText: string;
  startText: string;
  endText: string;
  place: string;
  onlineUrl: string;
  agenda: string;
  attendeePersonIds: string[];
  chairPersonId: string;
  documentIdsText: string;
  inPersonReason: InPersonReason | '';
  inPersonNote: string;
}

export const emptyForm = (dateIso: string): MeetingForm => ({
  title: '',
  kind: 'online',
  dateText: formatDateText(dateIso),
  startText: '',
  endText: '',
  place: '',
  onlineUrl: '',
  agenda: '',
  attendeePersonIds: [],
  chairPersonId: '',
  documentIdsText: '',
  inPersonReason: '',
  inPersonNote: '',
});

const hhmm = (iso: string) => {
  const m = vnMinutesOf(Date.parse(iso));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/** The form of an existing meeting (to edit it). */
export function formOf(m: MeetingView): MeetingForm {
  return {
    title: m.title,
    kind: m.kind,
    dateText: formatDateText(vnDateOf(Date.parse(m.startAt))),
    startText: hhmm(m.startAt),
    endText: hhmm(m.endAt),
    place: m.place ?? '',
    onlineUrl: m.onlineUrl ?? '',
    agenda: m.agenda ?? '',
    attendeePersonIds: m.attendees.filter((a) => !a.actingForName).map((a) => a.personId),
    chairPersonId: m.chairPersonId ?? '',
    documentIdsText: m.documents.map((d) => d.id).join('\n'),
    inPersonReason: m.inPersonReason ?? '',
    inPersonNote: m.inPersonNote ?? '',
  };
}

/** `2021-07-20` + `14:00` → `2021-07-20T14:00:00+07:00` (Vietnam time); null when either is not valid. */
export function instantOf(dateText: string, timeText: string): string | null {
  const d = parseDateText(dateText);
  const t = parseTimeText(timeText);
  return d && t ? `${d}T${t}:00+07:00` : null;
}

/** The request body of the form (the server validates it again and answers with field paths). */
export function payloadOf(f: MeetingForm): MeetingCreate {
  const online = f.kind === 'online';
  const docs = f.documentIdsText
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    title: f.title.trim(),
    kind: f.kind,
    startAt: instantOf(f.dateText, f.startText) ?? f.startText,
    endAt: instantOf(f.dateText, f.endText) ?? f.endText,
    ...(f.place.trim() && !online ? { place: f.place.trim() } : {}),
    ...(online && f.onlineUrl.trim() ? { onlineUrl: f.onlineUrl.trim() } : {}),
    ...(f.agenda.trim() ? { agenda: f.agenda.trim() } : {}),
    attendeePersonIds: f.attendeePersonIds,
    ...(f.chairPersonId ? { chairPersonId: f.chairPersonId } : {}),
    ...(docs.length ? { documentIds: docs } : {}),
    ...(!online && f.inPersonReason ? { inPersonReason: f.inPersonReason } : {}),
    ...(!online && f.inPersonReason && f.inPersonNote.trim() ? { inPersonNote: f.inPersonNote.trim() } : {}),
  };
}

/** Meetings of today (Vietnam) first, then the later ones; each group by start time. */
export function splitToday<T extends Pick<MeetingSummary, 'startAt' | 'endAt'>>(list: T[], today: string): { today: T[]; upcoming: T[] } {
  const sorted = [...list].sort((a, b) => a.startAt.localeCompare(b.startAt));
  return {
    today: sorted.filter((m) => vnDateOf(Date.parse(m.startAt)) <= today && vnDateOf(Date.parse(m.endAt)) >= today),
    upcoming: sorted.filter((m) => vnDateOf(Date.parse(m.startAt)) > today),
  };
}
