/**
 * The presence tick, called every minute by the scheduler (server/modules/jobs/scheduler.ts):
 *  - 15 minutes after a session starts, a reminder to each person at home not checked in;
 *  - 30 minutes after, the person is listed for the unit head (presence_alerts kind `missing`) and the
 *    unit's heads and deputies are notified (one notification per unit with the names);
 *  - a summons pending for 30 minutes is escalated to the unit head (and its caller is told);
 *  - expired health declarations are deleted.
 * Exactly once, across ticks and app servers: each alert is a row of presence_alerts with a unique key
 * (person, day, session, kind), inserted with ON CONFLICT DO NOTHING … RETURNING in the transaction of
 * its notification, and only the rows actually inserted are notified; a summons is escalated by an
 * UPDATE … WHERE status = 'pending' RETURNING. Set-based: one statement finds and records the people
 * at home without a check-in for a session (all agencies sharing the same hours at once).
 */
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { formatDateVi, vnDateOf, vnMinutesOf } from '../../../shared/domain/dates';
import {
  alertsDue,
  hhmmOf,
  SESSION_LABELS_VI,
  sessionWindow,
  SUMMONS_ESCALATE_AFTER_MINUTES,
  type AlertKind,
  type Session,
  type WorkingHours,
} from '../../../shared/domain/presence';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Deps } from '../../lib/context';
import { notify } from '../notifications/notify';
import { agencies, people } from '../org/org.table';
import { pickPolicy } from '../policy/policy.resolve';
import { policies } from '../policy/policy.table';
import { hoursOfPolicy, purgeExpiredHealth, unitLeaderUsers } from './presence.service';
import { presenceAlerts, summons } from './presence.table';

export interface PresenceTickResult {
  reminders: number;
  missing: number;
  escalated: number;
  purged: number;
}

const NOTIFY_CHUNK = 2000;
/** Agencies per statement (bound parameters stay far below the protocol's 65,535). */
const AGENCY_CHUNK = 5000;
const NAMES_IN_MESSAGE = 20;

function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * Takes a transaction-scoped advisory lock if free. Two servers ticking at the same minute: one does
 * the work, the other skips it (and would find nothing new anyway).
 */
export async function tryTickLock(tx: Db, key: string): Promise<boolean> {
  const [row] = rowsOf<{ ok: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext(${key})) as ok`));
  return row?.ok === true;
}

const hoursKey = (h: WorkingHours) => `${h.morningStart}-${h.morningEnd}-${h.afternoonStart}-${h.afternoonEnd}`;

interface DueGroup {
  session: Session;
  kind: AlertKind;
  hours: WorkingHours;
  agencyIds: string[];
}

/**
 * Which agencies have which alerts due now, grouped by session, kind and working hours (usually one or
 * two groups). Agencies are loaded only when some policy's hours make an alert due at this minute.
 */
async function dueGroups(db: Db, date: string, minutes: number): Promise<DueGroup[]> {
  const active = await db
    .select()
    .from(policies)
    .where(and(lte(policies.validFrom, date), sql`(${policies.validTo} is null or ${policies.validTo} >= ${date})`));
  const candidateHours = [hoursOfPolicy(null), ...active.map(hoursOfPolicy)];
  if (!candidateHours.some((h) => alertsDue(h, minutes).length > 0)) return [];
  const agencyRows = await db.select({ id: agencies.id, path: agencies.path, district: agencies.district }).from(agencies);
  const groups = new Map<string, DueGroup>();
  for (const a of agencyRows) {
    const hours = hoursOfPolicy(pickPolicy(active, a, date));
    for (const { session, kind } of alertsDue(hours, minutes)) {
      const key = `${session}|${kind}|${hoursKey(hours)}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { session, kind, hours, agencyIds: [] }));
      g.agencyIds.push(a.id);
    }
  }
  return [...groups.values()];
}

interface AlertedRow {
  person_id: string;
  unit_id: string;
  agency_id: string;
  full_name: string;
}

/**
 * Records `kind` for every active person at home on `date` in the agencies, not checked in for the
 * session and not yet alerted; returns only the rows this call inserted.
 */
async function recordAlerts(tx: Db, g: DueGroup, date: string, now: Date): Promise<AlertedRow[]> {
  const agencyList = sql.join(
    g.agencyIds.map((id) => sql`${id}`),
    sql`, `,
  );
  // One statement; `ins` is joined to people by primary key (never CTE to CTE: without statistics,
  // as on a fresh PGlite, the planner would pick a quadratic nested loop).
  const result = await tx.execute(sql`
    with ins as (
      insert into presence_alerts (id, person_id, date, session, kind, created_at)
      select 'pal_' || replace(gen_random_uuid()::text, '-', ''), s.person_id, ${date}, ${g.session}, ${g.kind}, ${now.toISOString()}::timestamptz
      from schedule s
      join people p on p.id = s.person_id
      where s.date = ${date}
        and s.mode = 'wfh'
        and s.agency_id in (${agencyList})
        and p.active
        and not exists (select 1 from checkins c where c.person_id = s.person_id and c.date = ${date} and c.session = ${g.session})
        and not exists (select 1 from presence_alerts a where a.person_id = s.person_id and a.date = ${date} and a.session = ${g.session} and a.kind = ${g.kind})
      order by s.person_id
      on conflict do nothing
      returning person_id
    )
    select p.id as person_id, p.unit_id, p.agency_id, p.full_name from ins join people p on p.id = ins.person_id
  `);
  return rowsOf<AlertedRow>(result);
}

function namesList(names: string[]): string {
  const shown = names.slice(0, NAMES_IN_MESSAGE).join(', ');
  return names.length > NAMES_IN_MESSAGE ? `${shown} và ${names.length - NAMES_IN_MESSAGE} người khác` : shown;
}

async function sendReminders(tx: Db, clock: Clock, g: DueGroup, date: string, rows: AlertedRow[]): Promise<void> {
  const start = hhmmOf(sessionWindow(g.hours, g.session).start);
  const label = SESSION_LABELS_VI[g.session];
  for (let i = 0; i < rows.length; i += NOTIFY_CHUNK) {
    await notify(tx, clock, {
      personIds: rows.slice(i, i + NOTIFY_CHUNK).map((r) => r.person_id),
      kind: 'checkin_reminder',
      title: `Nhắc điểm danh ${label} ${formatDateVi(date)}`,
      body: `Hôm nay đồng chí làm việc tại nhà nhưng chưa điểm danh ${label} (bắt đầu ${start}). Vui lòng điểm danh tại nơi đã đăng ký làm việc và giữ liên lạc trong giờ làm việc.`,
      link: '/presence',
    });
  }
}

async function sendMissing(tx: Db, clock: Clock, g: DueGroup, date: string, rows: AlertedRow[]): Promise<void> {
  const byUnit = new Map<string, AlertedRow[]>();
  for (const r of rows) byUnit.set(r.unit_id, [...(byUnit.get(r.unit_id) ?? []), r]);
  const leaders = await unitLeaderUsers(tx, [...byUnit.keys()]);
  const label = SESSION_LABELS_VI[g.session];
  const start = hhmmOf(sessionWindow(g.hours, g.session).start);
  for (const [unitId, list] of byUnit) {
    const userIds = leaders.get(unitId);
    if (!userIds?.length) continue;
    const names = list.map((r) => r.full_name).sort((a, b) => a.localeCompare(b, 'vi'));
    await notify(tx, clock, {
      userIds,
      kind: 'checkin_missing',
      title: `${list.length} người làm việc tại nhà chưa điểm danh ${label} ${formatDateVi(date)}`,
      body: `Chưa điểm danh sau 30 phút kể từ ${start}: ${namesList(names)}.`,
      link: `/presence/missing?unitId=${encodeURIComponent(unitId)}&date=${date}`,
    });
  }
}

/** Reminders (start + 15) and missing lists (start + 30) of the current sessions. */
export async function sendCheckinAlerts(deps: Pick<Deps, 'db'>, now: Date): Promise<{ reminders: number; missing: number }> {
  const clock: Clock = { now: () => now };
  const date = vnDateOf(now);
  const minutes = vnMinutesOf(now);
  const out = { reminders: 0, missing: 0 };
  const groups = (await dueGroups(deps.db, date, minutes)).flatMap((g) =>
    Array.from({ length: Math.ceil(g.agencyIds.length / AGENCY_CHUNK) }, (_, i) => ({
      ...g,
      agencyIds: g.agencyIds.slice(i * AGENCY_CHUNK, (i + 1) * AGENCY_CHUNK),
      part: i,
    })),
  );
  for (const g of groups) {
    const n = await deps.db.transaction(async (tx) => {
      if (!(await tryTickLock(tx, `presence-alerts:${date}:${g.session}:${g.kind}:${hoursKey(g.hours)}:${g.part}`))) return 0;
      const rows = await recordAlerts(tx, g, date, now);
      if (!rows.length) return 0;
      if (g.kind === 'reminder') await sendReminders(tx, clock, g, date, rows);
      else await sendMissing(tx, clock, g, date, rows);
      return rows.length;
    });
    if (g.kind === 'reminder') out.reminders += n;
    else out.missing += n;
  }
  return out;
}

/** Summons pending for 30 minutes → escalated, the unit head (deputies when the unit has no head) and the caller notified. */
export async function escalateSummons(deps: Pick<Deps, 'db'>, now: Date): Promise<number> {
  const clock: Clock = { now: () => now };
  const cutoff = new Date(now.getTime() - SUMMONS_ESCALATE_AFTER_MINUTES * 60_000);
  return deps.db.transaction(async (tx) => {
    if (!(await tryTickLock(tx, 'presence-summons-escalation'))) return 0;
    const rows = await tx
      .update(summons)
      .set({ status: 'escalated', escalatedAt: now })
      .where(and(eq(summons.status, 'pending'), lte(summons.createdAt, cutoff)))
      .returning();
    if (!rows.length) return 0;
    await tx
      .insert(presenceAlerts)
      .values(
        rows.map((s) => ({ id: `pal_${s.id}`, personId: s.personId, date: vnDateOf(s.createdAt), session: s.id, kind: 'summons_escalated', createdAt: now })),
      )
      .onConflictDoNothing();
    const unitIds = [...new Set(rows.map((s) => s.unitId))];
    const [heads, deputies] = await Promise.all([unitLeaderUsers(tx, unitIds, ['unit_head']), unitLeaderUsers(tx, unitIds, ['unit_deputy'])]);
    const names = new Map(
      (
        await tx
          .select({ id: people.id, fullName: people.fullName })
          .from(people)
          .where(inArray(people.id, [...new Set(rows.map((s) => s.personId))]))
      ).map((p) => [p.id, p.fullName]),
    );
    for (const s of rows) {
      const leaders = heads.get(s.unitId)?.length ? heads.get(s.unitId)! : (deputies.get(s.unitId) ?? []);
      const at = `${hhmmOf(vnMinutesOf(s.requiredAt))} ngày ${formatDateVi(vnDateOf(s.requiredAt))}`;
      await notify(tx, clock, {
        userIds: [...new Set([...leaders, s.calledByUserId])],
        kind: 'summons_escalated',
        title: `${names.get(s.personId) ?? s.personId} chưa xác nhận lệnh triệu tập sau ${SUMMONS_ESCALATE_AFTER_MINUTES} phút`,
        body: `Lệnh triệu tập có mặt tại cơ quan lúc ${at} (lý do: ${s.reason}) chưa được xác nhận. Đề nghị Trưởng phòng liên hệ trực tiếp.`,
        link: `/presence/summons/${s.id}`,
        email: true,
      });
    }
    return rows.length;
  });
}

/**
 * One minute of presence work. Each part runs in its own transaction; a failing part does not stop the
 * others (the error is thrown after they ran, for the scheduler to log).
 */
export async function runPresenceTick(deps: Deps, now: Date): Promise<PresenceTickResult> {
  const result: PresenceTickResult = { reminders: 0, missing: 0, escalated: 0, purged: 0 };
  const errors: unknown[] = [];
  const attempt = async (fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      errors.push(err);
    }
  };
  await attempt(async () => {
    Object.assign(result, await sendCheckinAlerts(deps, now));
  });
  await attempt(async () => {
    result.escalated = await escalateSummons(deps, now);
  });
  await attempt(async () => {
    result.purged = await purgeExpiredHealth(deps, vnDateOf(now));
  });
  if (errors.length === 1) throw errors[0];
  if (errors.length) throw new AggregateError(errors, 'Presence tick failed');
  return result;
}
