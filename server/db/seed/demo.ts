/**
 * Demo data (GitHub issue 2, item 3): on an empty database, `npm start` seeds a realistic province from
 * the seed plans — Sở LĐTBXH and Sở TT&TT of Thanh Hóa, Sở Nội vụ of Ninh Thuận, Sở Tài chính of Hải
 * Dương, Sở LĐTBXH of Đắk Nông — with their units, people, accounts for every role, the policy each plan
 * states (made current), the duty rota, this week's approved roster and next week's registration in
 * progress. Returns the demo logins to print, or null when the database already holds agencies.
 */
import { sql } from 'drizzle-orm';
import { addDays, vnDateOf } from '../../../shared/domain/dates';
import type { Deps } from '../../lib/context';
import type { Db } from '../client';
import { agencies } from '../../modules/org/org.table';
import { roleGrants, users } from '../../modules/auth/auth.table';
import { hashPassword } from '../../modules/auth/password';
import { encryptText } from '../../modules/auth/secret';
import { otpauthUrl, TOTP_REQUIRED_ROLES } from '../../modules/auth/totp';
import { DEMO_AGENCIES, DEMO_ROOTS, type RootSpec } from './agencies';
import { buildAgencyBundle, type AgencyBundle, type SeedContext, type SeedPerson } from './build';
import { mondayOf, weekOf } from './weeks';
import { UniqueNames } from './names';
import { addCounts, countAgencies, emptyCounts, insertChunks, loadCalendarOverrides, writeBundles, type WriteCounts } from './write';

export interface DemoLogin {
  /** Vietnamese label of the role and agency, e.g. "Trưởng phòng · LĐTBXH Đắk Nông". */
  role: string;
  username: string;
  password: string;
  name?: string;
}

/** The shared password of every seeded account (12+ characters, as the password policy asks of new ones). */
export const DEMO_PASSWORD = 'Congvu@2021!';
/** Seed of the demo's random choices (names, eligibility, rosters): the same province every time. */
export const DEMO_SEED = 20210716;
export const DEMO_ADMIN_USERNAME = 'admin';
/**
 * The published TOTP secret of every demo account whose role requires two-factor login (admin, province,
 * directors, deputies, IT): a DEMO secret, printed by `npm start`, never to be used for real accounts.
 */
export const DEMO_TOTP_SECRET = 'CONGVUDEMOSECRETCONGVUDEMOSECRET';
export const demoTotpUrl = () => otpauthUrl('demo', DEMO_TOTP_SECRET);

/** Units whose head, deputy and one staff member are listed among the demo logins. */
const FOCUS_UNIT: Record<string, string> = { 'nt-snv': 'tcbm', 'dn-sldtbxh': 'ldvl' };
/** Short agency names of the login labels (kept within the 34 columns server/main.ts prints). */
const LOGIN_LABEL: Record<string, string> = {
  'th-sldtbxh': 'LĐTBXH Thanh Hóa',
  'th-stttt': 'TT&TT Thanh Hóa',
  'nt-snv': 'SNV Ninh Thuận',
  'hd-stc': 'STC Hải Dương',
  'dn-sldtbxh': 'LĐTBXH Đắk Nông',
};
/** Agencies with a login for every role (the others: director, Chief of Office, a head and a staff member). */
const FULL_LOGINS = new Set(['nt-snv', 'dn-sldtbxh']);

export function rootRow(r: RootSpec) {
  return {
    id: r.id,
    parentId: null,
    path: `/${r.id}/`,
    name: r.name,
    shortName: r.shortName,
    code: 'UBND',
    kind: 'province',
    district: r.district,
    province: r.province,
    address: `${r.district.startsWith('TP ') ? r.district : `TP ${r.district}`}, tỉnh ${r.province}`,
    sortOrder: r.sortOrder,
  };
}

/** An account without a person that administers the given roots. */
export async function writeAdmin(
  tx: Db,
  o: { id: string; username: string; displayName: string; passwordHash: string; roots: string[]; now: Date },
): Promise<void> {
  await insertChunks(tx, users, [
    {
      id: o.id,
      username: o.username,
      personId: null,
      displayName: o.displayName,
      passwordHash: o.passwordHash,
      mustChangePassword: false,
      createdAt: o.now,
      passwordChangedAt: o.now,
    },
  ]);
  await insertChunks(
    tx,
    roleGrants,
    o.roots.map((root, i) => ({ id: `${o.id}-g${i + 1}`, userId: o.id, role: 'admin', agencyId: root, unitId: null })),
  );
}

export interface DemoSeedResult {
  logins: DemoLogin[];
  bundles: AgencyBundle[];
  counts: WriteCounts;
}

/** Seeds the demo province when the agencies table is empty; null (and nothing written) otherwise. */
export async function seedDemoIfEmpty(deps: Deps): Promise<DemoLogin[] | null> {
  const result = await seedDemo(deps);
  return result?.logins ?? null;
}

/** Same as seedDemoIfEmpty, with the built bundles and row counts (tests, CLI summary). */
export async function seedDemo(deps: Deps): Promise<DemoSeedResult | null> {
  const { db, clock, audit } = deps;
  if ((await countAgencies(db)) > 0) return null;
  const now = clock.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD); // once: ~50 ms of argon2id, shared by every account
  const overrides = await loadCalendarOverrides(db);
  const monday = mondayOf(vnDateOf(now));
  const ctx: SeedContext = {
    now,
    passwordHash,
    current: weekOf(monday, overrides),
    next: weekOf(addDays(monday, 7), overrides),
    validFrom: addDays(monday, -7),
    usernames: new UniqueNames(),
    emails: new UniqueNames(),
    seed: DEMO_SEED,
    strict: true,
  };
  ctx.usernames.add(DEMO_ADMIN_USERNAME);
  // Everything is built (and every roster solved) before the first write.
  const bundles = DEMO_AGENCIES.map((spec) => buildAgencyBundle(spec, ctx));

  let counts = emptyCounts();
  const started = await db.transaction(async (tx) => {
    // Two app servers starting on one empty database: only the first seeds.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('congvu:seed'))`);
    if ((await countAgencies(tx)) > 0) return false;
    counts.agencies += await insertChunks(tx, agencies, DEMO_ROOTS.map(rootRow));
    await writeAdmin(tx, {
      id: 'u-admin',
      username: DEMO_ADMIN_USERNAME,
      displayName: 'Quản trị hệ thống',
      passwordHash,
      roots: DEMO_ROOTS.map((r) => r.id),
      now,
    });
    counts.users += 1;
    counts.grants += DEMO_ROOTS.length;
    for (const r of DEMO_ROOTS) await audit(tx, { action: 'seed.demo', entity: 'agency', entityId: r.id, agencyId: r.id, data: { name: r.name } });
    return true;
  });
  if (!started) return null;
  for (const b of bundles) {
    await db.transaction(async (tx) => {
      counts = addCounts(counts, await writeBundles(tx, [b]));
      await audit(tx, {
        action: 'seed.demo',
        entity: 'agency',
        entityId: b.agency.id,
        agencyId: b.agency.id,
        data: { name: b.agency.name, people: b.people.length, units: b.units.length },
      });
    });
  }
  // Documents (issue 9): registers, drafts at each step, one issued to another agency, one secret entry.
  const { seedDemoDocuments } = await import('../../modules/documents/documents.seed');
  await seedDemoDocuments(deps, bundles);
  // Leave, business trips, asking to come to the office, an acting assignment (issue 10).
  await (await import('../../modules/leave/leave.seed')).seedDemoLeave(deps, bundles);
  // Demo accounts that must use two-factor login are enrolled with the published demo secret.
  await db.execute(
    sql`update users set totp_secret = ${encryptText(deps.config, DEMO_TOTP_SECRET)}, totp_enabled_at = ${now.toISOString()}::timestamptz
        where id in (select user_id from role_grants where role = any(${`{${TOTP_REQUIRED_ROLES.join(',')}}`}::text[]))`,
  );
  return { logins: demoLogins(bundles), bundles, counts };
}

function demoLogins(bundles: AgencyBundle[]): DemoLogin[] {
  const out: DemoLogin[] = [{ role: 'Quản trị hệ thống (admin)', username: DEMO_ADMIN_USERNAME, password: DEMO_PASSWORD, name: 'Quản trị hệ thống' }];
  const login = (role: string, p: SeedPerson | undefined) => {
    if (p) out.push({ role, username: p.username, password: DEMO_PASSWORD, name: p.row.fullName });
  };
  const province = bundles.flatMap((b) => b.people).find((p) => p.province);
  login('Cấp tỉnh · Thanh tra Sở Nội vụ', province);
  for (const b of bundles) {
    const short = LOGIN_LABEL[b.agency.id] ?? b.agency.shortName ?? b.agency.name;
    const first = (f: (p: SeedPerson) => boolean) => b.people.find(f);
    const focusKey = FOCUS_UNIT[b.agency.id] ?? b.spec.units.find((u) => u.kind === 'department')!.key;
    const inFocus = (p: SeedPerson) => p.unitKey === focusKey;
    login(
      `Giám đốc · ${short}`,
      first((p) => p.position === 'director'),
    );
    if (FULL_LOGINS.has(b.agency.id))
      login(
        `Phó Giám đốc · ${short}`,
        first((p) => p.position === 'deputy_director'),
      );
    login(
      `Chánh Văn phòng · ${short}`,
      first((p) => p.position === 'chief_of_office'),
    );
    if (FULL_LOGINS.has(b.agency.id)) {
      login(
        `Văn thư · ${short}`,
        first((p) => p.clerk),
      );
      login(
        `Tổ CNTT · ${short}`,
        first((p) => p.it),
      );
    }
    login(
      `Trưởng phòng · ${short}`,
      first((p) => inFocus(p) && p.position === 'head'),
    );
    if (FULL_LOGINS.has(b.agency.id))
      login(
        `Phó Trưởng phòng · ${short}`,
        first((p) => inFocus(p) && p.position === 'deputy_head'),
      );
    login(
      `Chuyên viên · ${short}`,
      first((p) => inFocus(p) && p.position === 'staff' && p.canWfh && !p.it),
    );
  }
  return out;
}
