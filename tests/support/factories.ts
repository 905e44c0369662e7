/**
 * Factories: each builds what it needs (an agency for a unit, a unit for a person), so tests are
 * isolated by organisation and never need truncation.
 */
import type { AppRole } from '../../shared/domain/permissions';
import type { PersonRole, UnitKind } from '../../shared/domain/roster/format';
import type { Db } from '../../server/db/client';
import { agencies, people, units } from '../../server/modules/org/org.table';
import { roleGrants, users } from '../../server/modules/auth/auth.table';
import { hashPassword } from '../../server/modules/auth/password';
import { encryptText } from '../../server/modules/auth/secret';
import { totpRequiredFor } from '../../server/modules/auth/totp';
import { parseConfig } from '../../server/config';
import { eq } from 'drizzle-orm';

export const TEST_PASSWORD = 'Matkhau@Congvu2021';
/** The TOTP secret of accounts built with a role that requires two-factor login (TestClient.login computes the codes). */
export const TEST_TOTP_SECRET = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';
const testConfig = parseConfig({ NODE_ENV: 'test', SEED_DEMO: '0' });
let hashed: Promise<string> | undefined;
const passwordHash = () => (hashed ??= hashPassword(TEST_PASSWORD));

let seq = 0;
const next = (p: string) => `${p}${++seq}${Math.random().toString(36).slice(2, 6)}`;

export async function buildAgency(db: Db, o: { id?: string; name?: string; parentId?: string | null; district?: string } = {}) {
  const id = o.id ?? next('ag');
  let path = `/${id}/`;
  if (o.parentId) {
    const [parent] = await db.select().from(agencies).where(eq(agencies.id, o.parentId));
    path = `${parent!.path}${id}/`;
  }
  const [row] = await db
    .insert(agencies)
    .values({
      id,
      parentId: o.parentId ?? null,
      path,
      name: o.name ?? `Sở Thử nghiệm ${id}`,
      kind: o.parentId ? 'department' : 'province',
      district: o.district ?? 'Phan Rang-Tháp Chàm',
      code: 'STN',
    })
    .returning();
  return row!;
}

export async function buildUnit(db: Db, o: { id?: string; agencyId?: string; name?: string; kind?: UnitKind } = {}) {
  const agencyId = o.agencyId ?? (await buildAgency(db)).id;
  const id = o.id ?? next('u');
  const [row] = await db
    .insert(units)
    .values({ id, agencyId, name: o.name ?? `Phòng ${id}`, kind: o.kind ?? 'department' })
    .returning();
  return row!;
}

export async function buildPerson(
  db: Db,
  o: { id?: string; unitId?: string; fullName?: string; position?: PersonRole; hasComputer?: boolean; hasEofficeAccess?: boolean } = {},
) {
  const unit = o.unitId ? (await db.select().from(units).where(eq(units.id, o.unitId)))[0]! : await buildUnit(db);
  const id = o.id ?? next('p');
  const [row] = await db
    .insert(people)
    .values({
      id,
      agencyId: unit.agencyId,
      unitId: unit.id,
      fullName: o.fullName ?? `Nguyễn Văn ${id}`,
      position: o.position ?? 'staff',
      hasComputer: o.hasComputer ?? true,
      hasEofficeAccess: o.hasEofficeAccess ?? true,
    })
    .returning();
  return row!;
}

/**
 * An account with role grants. `roles` default to staff in the person's unit. Unit roles are scoped to
 * the person's unit, agency roles to the person's agency (or `agencyId`).
 */
export async function buildUser(
  db: Db,
  o: {
    username?: string;
    personId?: string;
    roles?: AppRole[];
    agencyId?: string;
    unitId?: string;
    displayName?: string;
    totp?: boolean;
    mustChangePassword?: boolean;
  } = {},
) {
  const person = o.personId ? (await db.select().from(people).where(eq(people.id, o.personId)))[0] : undefined;
  const username = o.username ?? next('user');
  const id = next('usr');
  const roles = o.roles ?? ['staff'];
  // Roles that require two-factor login are enrolled with TEST_TOTP_SECRET (unless `totp: false`).
  const totp = o.totp ?? totpRequiredFor(roles.map((role) => ({ role })));
  await db.insert(users).values({
    id,
    username,
    personId: person?.id ?? null,
    displayName: o.displayName ?? person?.fullName ?? username,
    passwordHash: await passwordHash(),
    mustChangePassword: o.mustChangePassword ?? false,
    ...(totp ? { totpSecret: encryptText(testConfig, TEST_TOTP_SECRET), totpEnabledAt: new Date('2021-01-01T00:00:00Z') } : {}),
  });
  for (const role of roles) {
    const agencyId = o.agencyId ?? person?.agencyId;
    if (!agencyId) throw new Error('buildUser: agencyId or personId needed');
    const unitScoped = role === 'staff' || role === 'unit_head' || role === 'unit_deputy';
    await db.insert(roleGrants).values({ id: next('g'), userId: id, role, agencyId, unitId: unitScoped ? (o.unitId ?? person?.unitId ?? null) : null });
  }
  return { id, username, password: TEST_PASSWORD, personId: person?.id ?? null };
}
