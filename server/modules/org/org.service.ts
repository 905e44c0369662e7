/** Organisation: agencies (a tree), units and people, with scope checks on every read and write. */
import { and, asc, count, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { FOLD_FROM, FOLD_TO, foldVi } from '../../../shared/domain/text';
import { scopesFor } from '../../../shared/domain/permissions';
import { canWorkFromHome } from '../../../shared/domain/org';
import type { AgencyView, PersonCreate, PersonUpdate, PersonView, UnitView } from '../../../shared/contracts/org';
import type { CurrentUser, Deps } from '../../lib/context';
import type { Db } from '../../db/client';
import { AppError, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { agencyTarget, assertCan, personTarget, unitTarget } from '../../lib/scope';
import { users } from '../auth/auth.table';
import { agencies, people, units } from './org.table';

type AgencyRow = typeof agencies.$inferSelect;
type PersonRow = typeof people.$inferSelect;

export const presentAgency = (a: AgencyRow): AgencyView => ({
  id: a.id,
  parentId: a.parentId,
  path: a.path,
  name: a.name,
  shortName: a.shortName,
  code: a.code,
  kind: a.kind as AgencyView['kind'],
  district: a.district,
  province: a.province,
  address: a.address,
  version: a.version,
});

export function presentPerson(p: PersonRow, unitName: string, hasAccount: boolean): PersonView {
  return {
    id: p.id,
    agencyId: p.agencyId,
    unitId: p.unitId,
    unitName,
    fullName: p.fullName,
    position: p.position as PersonView['position'],
    title: p.title,
    email: p.email,
    phone: p.phone,
    hasComputer: p.hasComputer,
    hasEofficeAccess: p.hasEofficeAccess,
    canWorkFromHome: canWorkFromHome(p),
    homeWorkplace: p.homeWorkplace,
    residenceArea: p.residenceArea,
    active: p.active,
    hasAccount,
    version: p.version,
  };
}

/** Agencies the user can see: their own agencies, and whole subtrees for province and admin roles. */
export async function listAgencies(deps: Deps, user: CurrentUser): Promise<AgencyView[]> {
  const conds: SQL[] = [];
  const ids = new Set(user.grants.map((g) => g.agencyId));
  if (ids.size) conds.push(inArray(agencies.id, [...ids]));
  for (const p of scopesFor(user, 'org.read').agencyPaths) conds.push(like(agencies.path, `${p}%`));
  if (!conds.length) return [];
  const rows = await deps.db
    .select()
    .from(agencies)
    .where(or(...conds))
    .orderBy(asc(agencies.path), asc(agencies.sortOrder));
  return rows.map(presentAgency);
}

export async function getAgency(deps: Deps, user: CurrentUser, id: string): Promise<AgencyView> {
  const target = await agencyTarget(deps.db, id);
  if (!user.grants.some((g) => g.agencyId === id)) assertCan(user, 'org.read', target);
  const [row] = await deps.db.select().from(agencies).where(eq(agencies.id, id));
  return presentAgency(row!);
}

export async function createAgency(
  deps: Deps,
  user: CurrentUser,
  input: {
    id?: string;
    parentId: string | null;
    name: string;
    shortName?: string | null;
    code?: string | null;
    kind: string;
    district?: string | null;
    province?: string | null;
    address?: string | null;
  },
): Promise<AgencyView> {
  const id = input.id ?? newId('ag');
  let path = `/${id}/`;
  if (input.parentId) {
    const parent = await agencyTarget(deps.db, input.parentId);
    assertCan(user, 'org.manage', parent);
    if (!user.grants.some((g) => g.role === 'admin')) throw new AppError('FORBIDDEN', 'Chỉ quản trị hệ thống được thêm cơ quan.');
    path = `${parent.agencyPath}${id}/`;
  } else if (!user.grants.some((g) => g.role === 'admin' && g.agencyPath.split('/').length <= 3)) {
    throw new AppError('FORBIDDEN', 'Chỉ quản trị cấp cao nhất được thêm cơ quan gốc.');
  }
  return deps.db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, id));
    if (exists) throw new AppError('CONFLICT', `Mã cơ quan "${id}" đã được dùng.`, { issues: [{ path: 'body.id', message: 'Mã đã được dùng.' }] });
    const [row] = await tx
      .insert(agencies)
      .values({
        id,
        parentId: input.parentId,
        path,
        name: input.name,
        shortName: input.shortName ?? null,
        code: input.code ?? null,
        kind: input.kind,
        district: input.district ?? null,
        province: input.province ?? null,
        address: input.address ?? null,
      })
      .returning();
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'org.agency_created',
      entity: 'agency',
      entityId: id,
      agencyId: id,
      data: { name: input.name, parentId: input.parentId },
    });
    return presentAgency(row!);
  });
}

export async function updateAgency(deps: Deps, user: CurrentUser, id: string, input: Record<string, unknown> & { version: number }): Promise<AgencyView> {
  const target = await agencyTarget(deps.db, id);
  assertCan(user, 'org.manage', target);
  const { version, ...changes } = input;
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(agencies)
      .set({ ...(changes as Partial<AgencyRow>), version: version + 1 })
      .where(and(eq(agencies.id, id), eq(agencies.version, version)))
      .returning();
    if (!row) throw new AppError('VERSION_CONFLICT');
    await deps.audit(tx, { actorUserId: user.userId, action: 'org.agency_updated', entity: 'agency', entityId: id, agencyId: id, data: changes });
    return presentAgency(row);
  });
}

export async function listUnits(deps: Deps, user: CurrentUser, agencyId: string): Promise<UnitView[]> {
  const target = await agencyTarget(deps.db, agencyId);
  // Everyone may see the unit list of their own agency (names only); people lists are scoped separately.
  if (!user.grants.some((g) => g.agencyId === agencyId)) assertCan(user, 'org.read', target);
  const rows = await deps.db
    .select({ unit: units, peopleCount: sql<number>`(select count(*)::int from people p where p.unit_id = "units"."id" and p.active)` })
    .from(units)
    .where(eq(units.agencyId, agencyId))
    .orderBy(asc(units.sortOrder), asc(units.name));
  return rows.map(({ unit, peopleCount }) => ({
    id: unit.id,
    agencyId: unit.agencyId,
    name: unit.name,
    kind: unit.kind as UnitView['kind'],
    sortOrder: unit.sortOrder,
    peopleCount: Number(peopleCount),
    version: unit.version,
  }));
}

export async function createUnit(
  deps: Deps,
  user: CurrentUser,
  agencyId: string,
  input: { name: string; kind: string; sortOrder?: number },
): Promise<UnitView> {
  const target = await agencyTarget(deps.db, agencyId);
  assertCan(user, 'org.manage', target);
  return deps.db.transaction(async (tx) => {
    const id = newId('u');
    const [row] = await tx
      .insert(units)
      .values({ id, agencyId, name: input.name, kind: input.kind, sortOrder: input.sortOrder ?? 100 })
      .returning();
    await deps.audit(tx, { actorUserId: user.userId, action: 'org.unit_created', entity: 'unit', entityId: id, agencyId, data: input });
    return { id, agencyId, name: row!.name, kind: row!.kind as UnitView['kind'], sortOrder: row!.sortOrder, peopleCount: 0, version: row!.version };
  });
}

export async function updateUnit(
  deps: Deps,
  user: CurrentUser,
  unitId: string,
  input: { name?: string; kind?: string; sortOrder?: number; version: number },
): Promise<UnitView> {
  const target = await unitTarget(deps.db, unitId);
  assertCan(user, 'org.manage', target);
  const { version, ...changes } = input;
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(units)
      .set({ ...changes, version: version + 1 })
      .where(and(eq(units.id, unitId), eq(units.version, version)))
      .returning();
    if (!row) throw new AppError('VERSION_CONFLICT');
    await deps.audit(tx, { actorUserId: user.userId, action: 'org.unit_updated', entity: 'unit', entityId: unitId, agencyId: row.agencyId, data: changes });
    const [c] = await tx
      .select({ n: count() })
      .from(people)
      .where(and(eq(people.unitId, unitId), eq(people.active, true)));
    return {
      id: row.id,
      agencyId: row.agencyId,
      name: row.name,
      kind: row.kind as UnitView['kind'],
      sortOrder: row.sortOrder,
      peopleCount: Number(c?.n ?? 0),
      version: row.version,
    };
  });
}

/** SQL condition for the people an actor may read. */
function peopleScope(user: CurrentUser): SQL | undefined {
  const s = scopesFor(user, 'org.read');
  const conds: SQL[] = [];
  if (s.unitIds.length) conds.push(inArray(people.unitId, s.unitIds));
  if (s.agencyIds.length) conds.push(inArray(people.agencyId, s.agencyIds));
  for (const p of s.agencyPaths) conds.push(sql`${people.agencyId} in (select ${agencies.id} from ${agencies} where ${agencies.path} like ${`${p}%`})`);
  return conds.length ? or(...conds) : undefined;
}

export async function listPeople(
  deps: Deps,
  user: CurrentUser,
  q: { agencyId?: string; unitId?: string; q?: string; includeInactive?: boolean },
): Promise<{ people: PersonView[]; total: number }> {
  const scope = peopleScope(user);
  if (!scope) throw new AppError('FORBIDDEN');
  if (q.unitId) assertCan(user, 'org.read', await unitTarget(deps.db, q.unitId));
  else if (q.agencyId) assertCan(user, 'org.read', await agencyTarget(deps.db, q.agencyId));
  const conds: SQL[] = [scope];
  if (q.agencyId) conds.push(eq(people.agencyId, q.agencyId));
  if (q.unitId) conds.push(eq(people.unitId, q.unitId));
  if (!q.includeInactive) conds.push(eq(people.active, true));
  if (q.q) conds.push(sql`translate(${people.fullName}, ${FOLD_FROM}, ${FOLD_TO}) like ${`%${foldVi(q.q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  const rows = await deps.db
    .select({ person: people, unitName: units.name, userId: users.id })
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .leftJoin(users, eq(users.personId, people.id))
    .where(and(...conds))
    .orderBy(asc(units.sortOrder), asc(people.sortOrder), asc(people.fullName))
    .limit(5000);
  const list = rows.map((r) => presentPerson(r.person, r.unitName, !!r.userId));
  return { people: list, total: list.length };
}

export async function getPerson(deps: Deps, user: CurrentUser, id: string): Promise<PersonView> {
  const target = await personTarget(deps.db, id);
  if (user.personId !== id) assertCan(user, 'org.read', target);
  const [r] = await deps.db
    .select({ person: people, unitName: units.name, userId: users.id })
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .leftJoin(users, eq(users.personId, people.id))
    .where(eq(people.id, id));
  if (!r) throw notFound('cán bộ');
  return presentPerson(r.person, r.unitName, !!r.userId);
}

async function assertEmailFree(db: Db, email: string | null | undefined, exceptId?: string) {
  if (!email) return;
  const [other] = await db.select({ id: people.id }).from(people).where(eq(people.email, email));
  if (other && other.id !== exceptId)
    throw new AppError('CONFLICT', 'Email đã được dùng cho người khác.', { issues: [{ path: 'body.email', message: 'Email đã được dùng cho người khác.' }] });
}

export async function createPerson(deps: Deps, user: CurrentUser, input: PersonCreate): Promise<PersonView> {
  const target = await unitTarget(deps.db, input.unitId);
  assertCan(user, 'org.manage', target);
  await assertEmailFree(deps.db, input.email);
  return deps.db.transaction(async (tx) => {
    const id = newId('p');
    const now = deps.clock.now();
    const [row] = await tx
      .insert(people)
      .values({
        id,
        agencyId: target.agencyId,
        unitId: input.unitId,
        fullName: input.fullName,
        position: input.position,
        title: input.title ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        hasComputer: input.hasComputer,
        hasEofficeAccess: input.hasEofficeAccess,
        homeWorkplace: input.homeWorkplace ?? null,
        residenceArea: input.residenceArea ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'org.person_created',
      entity: 'person',
      entityId: id,
      agencyId: target.agencyId,
      data: { fullName: input.fullName, unitId: input.unitId },
    });
    const [u] = await tx.select({ name: units.name }).from(units).where(eq(units.id, input.unitId));
    return presentPerson(row!, u!.name, false);
  });
}

export async function updatePerson(deps: Deps, user: CurrentUser, id: string, input: PersonUpdate): Promise<PersonView> {
  const target = await personTarget(deps.db, id);
  assertCan(user, 'org.manage', target);
  const { version, ...changes } = input;
  let agencyId = target.agencyId;
  if (changes.unitId && changes.unitId !== target.unitId) {
    const to = await unitTarget(deps.db, changes.unitId);
    assertCan(user, 'org.manage', to);
    agencyId = to.agencyId;
  }
  if (changes.email !== undefined) await assertEmailFree(deps.db, changes.email, id);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(people)
      .set({ ...changes, agencyId, version: version + 1, updatedAt: deps.clock.now() })
      .where(and(eq(people.id, id), eq(people.version, version)))
      .returning();
    if (!row) throw new AppError('VERSION_CONFLICT');
    await deps.audit(tx, { actorUserId: user.userId, action: 'org.person_updated', entity: 'person', entityId: id, agencyId, data: changes });
    const [u] = await tx.select({ name: units.name }).from(units).where(eq(units.id, row.unitId));
    const [acc] = await tx.select({ id: users.id }).from(users).where(eq(users.personId, id));
    return presentPerson(row, u!.name, !!acc);
  });
}
