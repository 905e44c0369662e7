/**
 * Pure helpers of the presence screens: what a session card says, which summons are open, the
 * default time of a summons, who may summon or cancel where, the scopes a leader can look at,
 * the board's filters and the tab of a path. No I/O, no clock: "now" is always passed in.
 */
import type { GrantView } from '../../../shared/contracts/auth';
import type { BoardPerson, SessionCheckinView, SummonsView } from '../../../shared/contracts/presence';
import { addDays, vnDateOf, vnInstant, vnMinutesOf } from '../../../shared/domain/dates';
import { PERMISSIONS, type Action } from '../../../shared/domain/permissions';
import type { CheckinPlace, Session } from '../../../shared/domain/presence';
import { stripDiacritics } from '../org/model';

// ---------------------------------------------------------------- my sessions

/** What a session card of the person at home says. */
export type CheckinLine =
  | { kind: 'checkedIn'; at: string; lateMinutes: number; place: CheckinPlace; otherPlace: string | null; reason: string | null }
  /** Check-in open, on time still possible. */
  | { kind: 'due' }
  /** Started, not checked in yet (still possible until the end). */
  | { kind: 'late'; start: string }
  | { kind: 'upcoming'; opensAt: string }
  | { kind: 'missed' }
  | { kind: 'notRequired' };

export function checkinLine(s: SessionCheckinView): CheckinLine {
  if (s.checkin) {
    const c = s.checkin;
    return { kind: 'checkedIn', at: c.at, lateMinutes: c.lateMinutes, place: c.place, otherPlace: c.otherPlace, reason: c.reason };
  }
  switch (s.state) {
    case 'due':
      return { kind: 'due' };
    case 'late':
      return { kind: 'late', start: s.start };
    case 'upcoming':
      return { kind: 'upcoming', opensAt: s.opensAt };
    case 'missed':
      return { kind: 'missed' };
    default:
      // 'checked_in' without its check-in cannot happen; 'not_required' for a day not at home.
      return { kind: 'notRequired' };
  }
}

/** The check-in button of a session is active (the server accepts a check-in now). */
export function canCheckIn(s: Pick<SessionCheckinView, 'state' | 'checkin'>): boolean {
  return !s.checkin && (s.state === 'due' || s.state === 'late');
}

/** The body of a check-in: the registered place, or another place with its reason (trimmed). */
export function checkinBody(
  session: Session,
  place: CheckinPlace,
  otherPlace: string,
  reason: string,
): { session: Session; place: CheckinPlace; otherPlace?: string; reason?: string } {
  if (place === 'registered') return { session, place };
  const where = otherPlace.trim();
  return { session, place, ...(where ? { otherPlace: where } : {}), reason: reason.trim() };
}

/** The reason of a check-in from another place is long enough (the server wants 3 characters). */
export function otherReasonValid(reason: string): boolean {
  return reason.trim().length >= 3;
}

// ---------------------------------------------------------------- summons

/** Awaiting the person's acknowledgement (pending, or escalated to the unit head). */
export function isOpenSummons(s: Pick<SummonsView, 'status'>): boolean {
  return s.status === 'pending' || s.status === 'escalated';
}

/** Open summons first (soonest time first), then the acknowledged ones, then the declined, then the cancelled. */
export function sortSummons<T extends Pick<SummonsView, 'status' | 'requiredAt'>>(list: readonly T[]): T[] {
  const rank = (s: T) => (isOpenSummons(s) ? 0 : s.status === 'acknowledged' ? 1 : s.status === 'declined' ? 2 : 3);
  return [...list].sort((a, b) => rank(a) - rank(b) || a.requiredAt.localeCompare(b.requiredAt));
}

/** `HH:MM` of an instant in Vietnam. */
export function hhmm(instant: string | number): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  const m = vnMinutesOf(ms);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** The time a summons names: `14:00` on `day` (the day shown), `14:00 25/11/2026` on another day. */
export function summonsTimeText(requiredAt: string, day: string): string {
  const ms = Date.parse(requiredAt);
  const date = vnDateOf(ms);
  if (date === day) return hhmm(ms);
  return `${hhmm(ms)} ${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/**
 * Default date and time of a new summons: at least 30 minutes from now, rounded up to the next
 * half hour (07:05 → 08:00, 07:40 → 08:30), in Vietnam's time.
 */
export function defaultSummonsWhen(nowMs: number): { date: string; time: string } {
  const step = 30 * 60_000;
  const at = Math.ceil((nowMs + step) / step) * step;
  return { date: vnDateOf(at), time: hhmm(at) };
}

/** The ISO instant of a date (`YYYY-MM-DD`) and a time (`HH:MM`) in Vietnam, null when either is missing. */
export function requiredAtIso(date: string | null, time: string | null): string | null {
  if (!date || !time || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  return vnInstant(date, time).toISOString();
}

// ---------------------------------------------------------------- permissions of the session's grants

type GrantLike = Pick<GrantView, 'role' | 'agencyId' | 'unitId'>;

/** Does one of the grants reach this unit (of this agency) for the action? ('subtree' is left to the server.) */
export function grantsReachUnit(grants: readonly GrantLike[], action: Action, unitId: string, agencyId: string): boolean {
  return grants.some((g) => {
    const reach = PERMISSIONS[action][g.role];
    if (reach === 'unit') return g.unitId === unitId;
    if (reach === 'agency') return g.agencyId === agencyId;
    return false;
  });
}

/** May the user summon this person (at home, of this unit, not oneself)? */
export function canSummon(
  grants: readonly GrantLike[],
  ownPersonId: string | null,
  p: Pick<BoardPerson, 'personId' | 'mode'>,
  unitId: string,
  agencyId: string,
): boolean {
  return p.mode === 'wfh' && p.personId !== ownPersonId && grantsReachUnit(grants, 'presence.summon', unitId, agencyId);
}

/** May the user cancel the summons (its caller, or the head of its unit; not once cancelled)? */
export function canCancelSummons(grants: readonly GrantLike[], userId: string, s: Pick<SummonsView, 'calledByUserId' | 'unitId' | 'status'>): boolean {
  if (s.status === 'cancelled') return false;
  return s.calledByUserId === userId || grants.some((g) => g.role === 'unit_head' && g.unitId === s.unitId);
}

// ---------------------------------------------------------------- scopes

export interface ScopeAgency {
  agencyId: string;
  agencyName: string;
  /** The whole agency may be read (agency or subtree reach), not only some of its units. */
  whole: boolean;
  /** Units reached by a unit-scoped grant (when not whole). */
  units: { unitId: string; unitName: string }[];
}

/**
 * The agencies and units the user may read for an action (presence.read, health.read) from the
 * grants: unit grants give their unit, agency grants the whole agency. `subtree` says an agency
 * picker of all visible agencies is needed (province, admin).
 */
export function scopesOf(
  grants: readonly (GrantLike & Pick<GrantView, 'agencyName' | 'unitName'>)[],
  action: Action,
): { agencies: ScopeAgency[]; subtree: boolean } {
  const byId = new Map<string, ScopeAgency>();
  let subtree = false;
  for (const g of grants) {
    const reach = PERMISSIONS[action][g.role];
    if (!reach || reach === 'self') continue;
    if (reach === 'subtree') {
      subtree = true;
      continue;
    }
    const a = byId.get(g.agencyId) ?? { agencyId: g.agencyId, agencyName: g.agencyName, whole: false, units: [] };
    if (reach === 'agency') a.whole = true;
    else if (reach === 'unit' && g.unitId && !a.units.some((u) => u.unitId === g.unitId)) a.units.push({ unitId: g.unitId, unitName: g.unitName ?? g.unitId });
    byId.set(g.agencyId, a);
  }
  return { agencies: [...byId.values()], subtree };
}

/**
 * The unit to show by default in an agency: the one asked for when allowed; else the whole agency
 * (null) when the user reads it and a unit is not needed; else the first unit they lead (`units`),
 * else the agency's first unit.
 */
export function defaultUnitId(
  scope: Pick<ScopeAgency, 'whole' | 'units'>,
  wanted: string | null,
  allUnitIds: readonly string[],
  needUnit = false,
): string | null {
  if (wanted && (scope.units.some((u) => u.unitId === wanted) || (scope.whole && allUnitIds.includes(wanted)))) return wanted;
  if (scope.whole && !needUnit) return null;
  if (scope.units[0]) return scope.units[0].unitId;
  return scope.whole ? (allUnitIds[0] ?? null) : null;
}

// ---------------------------------------------------------------- board

export const BOARD_FILTERS = ['all', 'atHome', 'notCheckedIn', 'summoned'] as const;
export type BoardFilter = (typeof BOARD_FILTERS)[number];

export function isBoardFilter(v: unknown): v is BoardFilter {
  return typeof v === 'string' && (BOARD_FILTERS as readonly string[]).includes(v);
}

/** Has the person (at home) not checked in for the reference session of the board? */
export function notCheckedIn(p: Pick<BoardPerson, 'mode' | 'sessions'>, referenceSession: Session | null): boolean {
  if (p.mode !== 'wfh' || !referenceSession) return false;
  return p.sessions.find((s) => s.session === referenceSession)?.state !== 'checked_in';
}

/** Lower case, no diacritics, single spaces: "Nguyễn  Văn Ân" → "nguyen van an". */
export function searchKey(s: string): string {
  return stripDiacritics(s).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The people of a board that match a filter and a name search (diacritics and case ignored). */
export function filterBoardPeople<P extends Pick<BoardPerson, 'fullName' | 'mode' | 'sessions' | 'summons'>>(
  people: readonly P[],
  filter: BoardFilter,
  search: string,
  referenceSession: Session | null,
): P[] {
  const q = searchKey(search);
  return people.filter((p) => {
    if (q && !searchKey(p.fullName).includes(q)) return false;
    switch (filter) {
      case 'atHome':
        return p.mode === 'wfh';
      case 'notCheckedIn':
        return notCheckedIn(p, referenceSession);
      case 'summoned':
        return p.summons.some(isOpenSummons);
      default:
        return true;
    }
  });
}

// ---------------------------------------------------------------- health

export const HEALTH_RANGES = ['today', 'last7', 'last30'] as const;
export type HealthRange = (typeof HEALTH_RANGES)[number];

export function isHealthRange(v: unknown): v is HealthRange {
  return typeof v === 'string' && (HEALTH_RANGES as readonly string[]).includes(v);
}

/** The `from`/`to` of a range ending `today` (inclusive). */
export function healthRangeDates(range: HealthRange, today: string): { from: string; to: string } {
  const days = range === 'today' ? 1 : range === 'last7' ? 7 : 30;
  return { from: addDays(today, -(days - 1)), to: today };
}

// ---------------------------------------------------------------- tabs and paths

export type PresenceTab = 'mine' | 'board' | 'summons' | 'health';

/**
 * The tab of a path under /presence: `/presence/board` and `/presence/missing` → board,
 * `/presence/summons[/id]` → summons, `/presence/health` → health, anything else → mine.
 */
export function presenceTabOf(pathname: string): PresenceTab {
  const rest = pathname.replace(/^\/presence\/?/, '').split('/')[0] ?? '';
  if (rest === 'board' || rest === 'missing') return 'board';
  if (rest === 'summons') return 'summons';
  if (rest === 'health') return 'health';
  return 'mine';
}

/** The summons id of `/presence/summons/{id}`, or null. */
export function summonsIdOf(pathname: string): string | null {
  const m = /^\/presence\/summons\/([^/?#]+)/.exec(pathname);
  return m ? decodeURIComponent(m[1]!) : null;
}
