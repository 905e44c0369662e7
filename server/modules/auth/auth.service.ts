/**
 * Accounts and sessions: login with rate limiting, session lookup, logout, password change.
 * Sessions live in the database so that app servers stay stateless.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { ACTIONS, canSomewhere, type AppRole, type Grant } from '../../../shared/domain/permissions';
import { arrayLiteral, preparedRows, queryRows, type Db } from '../../db/client';
import { batcherPer, createBatcher } from '../../lib/batcher';
import type { CurrentUser, Deps, SessionInfo } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { randomToken } from '../../lib/ids';
import { agencies, people, units } from '../org/org.table';
import { sessions, totpRecoveryCodes, users } from './auth.table';
import { deviceWith, readDevice } from './device';
import { dummyPasswordHash, hashPassword, passwordProblems, verifyPassword } from './password';
import { decryptText } from './secret';
import { clearKeys, purgeThrottle, releaseAttempt, reserveAttempt } from './throttle';
import { hashRecoveryCode, matchTotp, stepOf } from './totp';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface LoginResult {
  token: string;
  session: SessionInfo;
  user: CurrentUser;
  /** The known-device cookie to set (signed). */
  deviceCookie: string;
}

export interface LoginInput {
  username: string;
  password: string;
  /** The 6-digit code of the authenticator app, when the account uses two-factor login. */
  totp?: string;
  /** Or one of its single-use recovery codes. */
  recoveryCode?: string;
  ip: string;
  userAgent?: string;
  /** The known-device cookie sent by the browser, if any. */
  device?: string;
}

function lockedError(retryAfterSeconds: number): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new AppError('RATE_LIMITED', `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`, { retryAfterSeconds });
}

/**
 * Login: throttle (an attempt is recorded atomically BEFORE argon2, see throttle.ts), password, then the
 * second factor when the account has one. Keys: from a known device of the account, that device's own
 * window; otherwise the account's and the address's (wider: an agency's NAT). Wrong second-factor codes
 * have their own window per account.
 */
/** The agency of an account's person (null for accounts without one): its sign-ins go to that agency's audit log, which its Office reads. */
async function agencyOfUser(db: Db, userId: string | null | undefined): Promise<string | null> {
  if (!userId) return null;
  const [row] = await db
    .select({ agencyId: people.agencyId })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .where(eq(users.id, userId))
    .limit(1);
  return row?.agencyId ?? null;
}

export async function login(deps: Deps, input: LoginInput): Promise<LoginResult> {
  const { db, clock, config, audit } = deps;
  const now = clock.now();
  const username = input.username.trim().toLowerCase();
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  const device = readDevice(config, input.device);
  const knownDevice = !!(user && device?.users.includes(user.id));
  const max = config.LOGIN_MAX_FAILURES;
  const keys = knownDevice
    ? [{ key: `dev:${device!.id}:${username}`, limit: max }]
    : [
        { key: `user:${username}`, limit: max },
        { key: `ip:${input.ip}`, limit: max * 4 },
      ];
  const reservation = await reserveAttempt(db, keys, now);
  if (!reservation.allowed) {
    await releaseAttempt(db, reservation.reserved, now);
    await audit(db, {
      actorUserId: user?.id ?? null,
      action: 'auth.login_locked',
      entity: 'user',
      entityId: user?.id ?? null,
      data: { username, ip: input.ip, knownDevice },
    });
    throw lockedError(reservation.retryAfterSeconds);
  }
  // An unknown account costs the same verification as a known one (no timing difference).
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : await verifyPassword(await dummyPasswordHash(), input.password).then(() => false);
  if (!user || !ok || user.disabled) {
    // The reserved slots stay: they are the failures.
    await audit(db, {
      actorUserId: user?.id ?? null,
      action: 'auth.login_failed',
      entity: 'user',
      entityId: user?.id ?? null,
      agencyId: await agencyOfUser(db, user?.id),
      data: { username, ip: input.ip, reason: !user || !ok ? 'password' : 'disabled' },
    });
    throw new AppError('UNAUTHENTICATED', user?.disabled && ok ? 'Tài khoản đã bị khóa. Liên hệ Tổ CNTT.' : 'Tên đăng nhập hoặc mật khẩu không đúng.');
  }
  // The password was right: this attempt is not a failure.
  await releaseAttempt(db, reservation.reserved, now);
  let method: 'password' | 'totp' | 'recovery_code' = 'password';
  if (user.totpSecret) {
    method = await checkSecondFactor(deps, { id: user.id, username, totpSecret: user.totpSecret, totpLastStep: user.totpLastStep }, input, now);
  }
  const token = randomToken();
  const session: SessionInfo = { tokenHash: sha256(token), userId: user.id, csrfToken: randomToken(24) };
  const agencyId = await agencyOfUser(db, user.id);
  await db.transaction(async (tx) => {
    // A login from a new device clears the account's failures; one from a known device only its own
    // (failures from elsewhere keep locking whoever made them).
    await clearKeys(tx, [knownDevice ? `dev:${device!.id}:${username}` : `user:${username}`]);
    await tx.insert(sessions).values({
      ...session,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + config.SESSION_MAX_HOURS * 3_600_000),
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      ip: input.ip,
    });
    await audit(tx, { actorUserId: user.id, action: 'auth.login', entity: 'user', entityId: user.id, agencyId, data: { ip: input.ip, method, knownDevice } });
  });
  const current = await loadCurrentUser(db, user.id);
  if (!current) throw new AppError('UNAUTHENTICATED');
  return { token, session, user: current, deviceCookie: deviceWith(config, device, user.id) };
}

/** The second factor of an account that has one: a TOTP code (never the same step twice) or a recovery code. */
async function checkSecondFactor(
  deps: Deps,
  user: { id: string; username: string; totpSecret: string; totpLastStep: number | null },
  input: LoginInput,
  now: Date,
): Promise<'totp' | 'recovery_code'> {
  const { db, config, audit } = deps;
  const totp = input.totp?.trim();
  const recovery = input.recoveryCode?.trim();
  if (!totp && !recovery) throw new AppError('TOTP_REQUIRED');
  const key = { key: `totp:${user.id}`, limit: config.LOGIN_MAX_FAILURES };
  const reservation = await reserveAttempt(db, [key], now);
  if (!reservation.allowed) {
    await audit(db, { actorUserId: user.id, action: 'auth.login_locked', entity: 'user', entityId: user.id, data: { ip: input.ip, factor: 'totp' } });
    throw lockedError(reservation.retryAfterSeconds);
  }
  let method: 'totp' | 'recovery_code' | null = null;
  if (totp) {
    const step = await matchTotp(decryptText(config, user.totpSecret), totp, now);
    // Accepted once: the update succeeds only if no later-or-equal step was used (unless the clock went back).
    if (step !== null) {
      const current = stepOf(now);
      const [updated] = await db
        .update(users)
        .set({ totpLastStep: step })
        .where(and(eq(users.id, user.id), sql`(${users.totpLastStep} is null or ${users.totpLastStep} < ${step} or ${users.totpLastStep} > ${current + 1})`))
        .returning({ id: users.id });
      if (updated) method = 'totp';
    }
  } else if (recovery) {
    const [used] = await db
      .update(totpRecoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(totpRecoveryCodes.userId, user.id), eq(totpRecoveryCodes.codeHash, hashRecoveryCode(recovery)), isNull(totpRecoveryCodes.usedAt)))
      .returning({ id: totpRecoveryCodes.id });
    if (used) {
      method = 'recovery_code';
      const [left] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(totpRecoveryCodes)
        .where(and(eq(totpRecoveryCodes.userId, user.id), isNull(totpRecoveryCodes.usedAt)));
      await audit(db, {
        actorUserId: user.id,
        action: 'auth.totp_recovery_code_used',
        entity: 'user',
        entityId: user.id,
        data: { ip: input.ip, left: left?.n ?? 0 },
      });
    }
  }
  if (!method) {
    await audit(db, {
      actorUserId: user.id,
      action: 'auth.login_failed',
      entity: 'user',
      entityId: user.id,
      data: { username: user.username, ip: input.ip, reason: totp ? 'totp' : 'recovery_code' },
    });
    const message = totp ? 'Mã xác thực không đúng, đã hết hạn hoặc đã được dùng.' : 'Mã khôi phục không đúng hoặc đã được dùng.';
    throw new AppError('TOTP_REQUIRED', message, { issues: [{ path: totp ? 'body.totp' : 'body.recoveryCode', message }] });
  }
  await clearKeys(db, [key.key]);
  return method;
}

type SessionRow = ActorRow & { token_hash: string; s_user_id: string; csrf_token: string; last_seen_at: string | Date; expires_at: string | Date };

/** Sessions missing from the cache are read together: one query for the requests of a moment. */
const sessionRows = batcherPer((db: Db) =>
  createBatcher<string, SessionRow | undefined>(
    async (hashes) => {
      const rows = await preparedRows<SessionRow>(
        db,
        'congvu_sessions_by_hash',
        `select s.token_hash, s.user_id as s_user_id, s.csrf_token, s.last_seen_at, s.expires_at, x.*
       from sessions s join lateral (${ACTOR_SELECT} where u.id = s.user_id) x on true
       where s.token_hash = any($1::text[])`,
        [arrayLiteral([...new Set(hashes)])],
      );
      const byHash = new Map(rows.map((r) => [r.token_hash, r]));
      return hashes.map((h) => byHash.get(h));
    },
    { maxBatch: 500, maxInFlight: 2 },
  ),
);

/** The session of a cookie token, if valid; refreshes its idle timer at most once a minute. */
export async function resolveSession(deps: Deps, token: string): Promise<{ session: SessionInfo; user: CurrentUser } | null> {
  const { db, clock, config } = deps;
  const tokenHash = sha256(token);
  const now = clock.now();
  const cache = deps.caches.sessions;
  const cached = cache.get(tokenHash, now.getTime());
  if (cached) return { session: cached.session, user: cached.user };
  const row = await sessionRows(db)(tokenHash);
  if (!row) return null;
  const expiresAt = new Date(row.expires_at).getTime();
  let lastSeen = new Date(row.last_seen_at).getTime();
  const idleLimit = lastSeen + config.SESSION_IDLE_MINUTES * 60_000;
  if (expiresAt <= now.getTime() || idleLimit <= now.getTime()) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  if (now.getTime() - lastSeen > 60_000) {
    // The idle timer moves at most once a minute, written in batches: the request does not wait for it.
    cache.touchLater(db, tokenHash, now);
    lastSeen = now.getTime();
  }
  const user = toCurrentUser(row);
  if (!user) return null;
  const session = { tokenHash, userId: row.s_user_id, csrfToken: row.csrf_token };
  cache.set(tokenHash, { session, user, expiresAt, idleLimit: lastSeen + config.SESSION_IDLE_MINUTES * 60_000, cachedAt: now.getTime() });
  return { session, user };
}

export async function logout(deps: Deps, session: SessionInfo): Promise<void> {
  deps.caches.sessions.forgetToken(session.tokenHash);
  const agencyId = await agencyOfUser(deps.db, session.userId);
  await deps.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, session.tokenHash));
    await deps.audit(tx, { actorUserId: session.userId, action: 'auth.logout', entity: 'user', entityId: session.userId, agencyId });
  });
}

export async function changePassword(
  deps: Deps,
  user: CurrentUser,
  session: SessionInfo,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const { db, clock, audit } = deps;
  const [row] = await db.select().from(users).where(eq(users.id, user.userId)).limit(1);
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new AppError('VALIDATION', 'Mật khẩu hiện tại không đúng.', { issues: [{ path: 'body.currentPassword', message: 'Mật khẩu hiện tại không đúng.' }] });
  }
  const problem = passwordProblems(input.newPassword, row.username);
  if (problem) throw new AppError('VALIDATION', problem, { issues: [{ path: 'body.newPassword', message: problem }] });
  if (input.newPassword === input.currentPassword) {
    const m = 'Mật khẩu mới phải khác mật khẩu hiện tại.';
    throw new AppError('VALIDATION', m, { issues: [{ path: 'body.newPassword', message: m }] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  deps.caches.sessions.forget(row.id);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: clock.now(), version: row.version + 1 })
      .where(eq(users.id, row.id));
    // Other sessions of the account end; this one stays.
    const others = await tx.select({ t: sessions.tokenHash }).from(sessions).where(eq(sessions.userId, row.id));
    const toDrop = others.map((o) => o.t).filter((t) => t !== session.tokenHash);
    if (toDrop.length) await tx.delete(sessions).where(inArray(sessions.tokenHash, toDrop));
    await audit(tx, { actorUserId: row.id, action: 'auth.password_changed', entity: 'user', entityId: row.id, agencyId: await agencyOfUser(tx, row.id) });
  });
}

interface ActorRow {
  user_id: string;
  username: string;
  display_name: string;
  must_change_password: boolean;
  totp_enabled: boolean;
  locale: string;
  disabled: boolean;
  person_id: string | null;
  unit_id: string | null;
  agency_id: string | null;
  grants: { role: string; agencyId: string; unitId: string | null; agencyPath: string }[] | string;
}

/** The account, its person and its grants (with the paths of their agencies), in one query. */
const ACTOR_SELECT = `
  select u.id as user_id, u.username, u.display_name, u.must_change_password, u.totp_enabled_at is not null as totp_enabled, u.locale, u.disabled,
         p.id as person_id, p.unit_id, p.agency_id,
         coalesce((select json_agg(json_build_object('role', g.role, 'agencyId', g.agency_id, 'unitId', g.unit_id, 'agencyPath', a.path))
                   from role_grants g join agencies a on a.id = g.agency_id where g.user_id = u.id), '[]') as grants
  from users u left join people p on p.id = u.person_id`;
const actorSelect = sql.raw(ACTOR_SELECT);

function toCurrentUser(r: ActorRow): CurrentUser | null {
  if (r.disabled) return null;
  const raw = typeof r.grants === 'string' ? (JSON.parse(r.grants) as Exclude<ActorRow['grants'], string>) : r.grants;
  const grants: Grant[] = raw.map((g) => ({ role: g.role as AppRole, agencyId: g.agencyId, agencyPath: g.agencyPath, unitId: g.unitId }));
  return {
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    personId: r.person_id,
    unitId: r.unit_id,
    agencyId: r.agency_id ?? grants[0]?.agencyId ?? null,
    mustChangePassword: r.must_change_password,
    totpEnabled: r.totp_enabled,
    locale: r.locale,
    grants,
  };
}

/** Loads an account with its grants (and the paths of their agencies) as the actor of permission checks. */
export async function loadCurrentUser(db: Db, userId: string): Promise<CurrentUser | null> {
  const [r] = await queryRows<ActorRow>(db, sql`${actorSelect} where u.id = ${userId}`);
  return r ? toCurrentUser(r) : null;
}

/** Grants with the names the UI shows. */
export async function describeGrants(db: Db, user: CurrentUser) {
  if (user.grants.length === 0) return [];
  const agencyIds = [...new Set(user.grants.map((g) => g.agencyId))];
  const unitIds = [...new Set(user.grants.map((g) => g.unitId).filter((u): u is string => !!u))];
  const aRows = await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, agencyIds));
  const uRows = unitIds.length ? await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds)) : [];
  const aName = new Map(aRows.map((a) => [a.id, a.name]));
  const uName = new Map(uRows.map((u) => [u.id, u.name]));
  return user.grants.map((g) => ({
    role: g.role,
    agencyId: g.agencyId,
    agencyName: aName.get(g.agencyId) ?? g.agencyId,
    unitId: g.unitId ?? null,
    unitName: g.unitId ? (uName.get(g.unitId) ?? g.unitId) : null,
  }));
}

export function allowedActions(user: CurrentUser): string[] {
  return ACTIONS.filter((a) => canSomewhere(user, a));
}

/** Removes expired sessions and throttling rows whose attempts all left the window (housekeeping). */
export async function purgeExpired(deps: Deps): Promise<void> {
  const now = deps.clock.now();
  await deps.db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - deps.config.SESSION_IDLE_MINUTES * 60_000))));
  await purgeThrottle(deps.db, now);
}
