/**
 * Presence: health declarations. Sensitive personal data: only the person, their unit head and the Office
 * read them; reads of other people's declarations are audited without their content; deleted after the retention period.
 */
import { and, asc, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { HealthList, HealthPut, HealthView } from '../../../shared/contracts/presence';
import { addDays, datesBetween, vnDateOf } from '../../../shared/domain/dates';
import { healthDeleteAfter } from '../../../shared/domain/presence';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { assertCan, personTarget, unitTarget } from '../../lib/scope';
import { people } from '../org/org.table';
import { healthDeclarations } from './presence.table';
import { requirePersonId, hoursFor } from './presence.common';
const HEALTH_MAX_RANGE_DAYS = 92;
const HEALTH_BACKDATE_DAYS = 7;

// ---------------------------------------------------------------- health declarations

type HealthData = { symptoms: boolean; contact: boolean; note?: string };

function presentHealth(r: typeof healthDeclarations.$inferSelect, fullName: string): HealthView {
  const d = r.data as HealthData;
  return {
    id: r.id,
    personId: r.personId,
    fullName,
    unitId: r.unitId,
    date: r.date,
    symptoms: !!d.symptoms,
    contact: !!d.contact,
    note: d.note ?? null,
    createdAt: r.createdAt.toISOString(),
    deleteAfter: r.deleteAfter,
  };
}

/** Declares one's health for a day (replaces the declaration of that day). */
export async function declareHealth(deps: Deps, user: CurrentUser, input: HealthPut): Promise<HealthView> {
  const personId = requirePersonId(user);
  const target = await personTarget(deps.db, personId);
  assertCan(user, 'health.declare', target);
  const now = deps.clock.now();
  const today = vnDateOf(now);
  const date = input.date ?? today;
  if (date > today) throw invalid('body.date', 'Không khai báo y tế cho ngày chưa đến.');
  if (date < addDays(today, -HEALTH_BACKDATE_DAYS)) throw invalid('body.date', `Chỉ khai báo bổ sung trong ${HEALTH_BACKDATE_DAYS} ngày gần nhất.`);
  const { policy } = await hoursFor(deps.db, target.agencyId, date);
  const deleteAfter = healthDeleteAfter(date, policy?.validTo ?? null, deps.config.HEALTH_RETENTION_DAYS);
  const data: HealthData = { symptoms: input.symptoms, contact: input.contact, ...(input.note ? { note: input.note } : {}) };
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(healthDeclarations)
      .values({ id: newId('hd'), personId, agencyId: target.agencyId, unitId: target.unitId, date, data, createdAt: now, deleteAfter })
      .onConflictDoUpdate({
        target: [healthDeclarations.personId, healthDeclarations.date],
        set: { data, createdAt: now, deleteAfter, unitId: target.unitId, agencyId: target.agencyId },
      })
      .returning();
    // Never the health data itself in the audit log.
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'health.declare',
      entity: 'person',
      entityId: personId,
      agencyId: target.agencyId,
      data: { date },
    });
    const [p] = await tx.select({ fullName: people.fullName }).from(people).where(eq(people.id, personId));
    return presentHealth(row!, p!.fullName);
  });
}

/**
 * Declarations of a person (oneself by default) or of a unit, in [from, to]. Others' declarations:
 * the unit head of the person's unit (health.read 'unit') and the Office (health.read 'agency') only;
 * each such read is audited (who, whose, which days, how many), never with the data.
 */
export async function readHealth(deps: Deps, user: CurrentUser, q: { personId?: string; unitId?: string; from?: string; to?: string }): Promise<HealthList> {
  const today = vnDateOf(deps.clock.now());
  const to = q.to ?? today;
  const from = q.from ?? addDays(to, -29);
  if (to < from) throw invalid('query.to', 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.');
  if (datesBetween(from, to).length > HEALTH_MAX_RANGE_DAYS) throw invalid('query.to', `Xem tối đa ${HEALTH_MAX_RANGE_DAYS} ngày mỗi lần.`);
  if (q.unitId && q.personId) throw invalid('query.unitId', 'Chọn một người hoặc một đơn vị.');

  let where: SQL;
  let audited: { entity: string; entityId: string; agencyId: string } | null = null;
  if (q.unitId) {
    const t = await unitTarget(deps.db, q.unitId);
    assertCan(user, 'health.read', t);
    where = eq(people.unitId, q.unitId);
    audited = { entity: 'unit', entityId: q.unitId, agencyId: t.agencyId };
  } else {
    const personId = q.personId ?? requirePersonId(user);
    const t = await personTarget(deps.db, personId);
    if (personId !== user.personId) {
      assertCan(user, 'health.read', t);
      audited = { entity: 'person', entityId: personId, agencyId: t.agencyId };
    }
    where = eq(healthDeclarations.personId, personId);
  }
  const read = (db: Db) =>
    db
      .select({ h: healthDeclarations, fullName: people.fullName })
      .from(healthDeclarations)
      .innerJoin(people, eq(people.id, healthDeclarations.personId))
      .where(and(where, gte(healthDeclarations.date, from), lte(healthDeclarations.date, to)))
      .orderBy(desc(healthDeclarations.date), asc(people.fullName));
  if (!audited) return { declarations: (await read(deps.db)).map((r) => presentHealth(r.h, r.fullName)) };
  const a = audited;
  return deps.db.transaction(async (tx) => {
    const rows = await read(tx);
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'health.read',
      entity: a.entity,
      entityId: a.entityId,
      agencyId: a.agencyId,
      data: { from, to, count: rows.length },
    });
    return { declarations: rows.map((r) => presentHealth(r.h, r.fullName)) };
  });
}

/** Deletes the health declarations whose retention has passed (deleteAfter before `today`). */
export async function purgeExpiredHealth(deps: Pick<Deps, 'db' | 'audit'>, today: string): Promise<number> {
  return deps.db.transaction(async (tx) => {
    // One server at a time (the others skip: nothing would be left for them).
    const locked = (await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext('presence-health-purge')) as ok`)) as unknown as { rows: { ok: boolean }[] };
    if (locked.rows[0]?.ok !== true) return 0;
    const gone = await tx.delete(healthDeclarations).where(lt(healthDeclarations.deleteAfter, today)).returning({ id: healthDeclarations.id });
    if (gone.length) await deps.audit(tx, { action: 'health.purged', entity: 'health_declarations', data: { before: today, count: gone.length } });
    return gone.length;
  });
}
