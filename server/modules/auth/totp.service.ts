/**
 * Enrolment of two-factor login: setup (a new secret kept pending, with its QR code), confirm (a code
 * of the pending secret enables it and gives 10 recovery codes, shown once), disable (password + code,
 * only for roles that do not require it).
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { TotpConfirmResponse, TotpSetupResponse, TotpStatus } from '../../../shared/contracts/auth';
import type { CurrentUser, Deps, SessionInfo } from '../../lib/context';
import { AppError, invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { sessions, totpRecoveryCodes, users } from './auth.table';
import { verifyPassword } from './password';
import { decryptText, encryptText } from './secret';
import { clearKeys, reserveAttempt } from './throttle';
import { hashRecoveryCode, matchTotp, newRecoveryCodes, newTotpSecret, otpauthUrl, qrDataUrl, stepOf, totpRequiredFor } from './totp';

async function accountRow(deps: Deps, userId: string) {
  const [row] = await deps.db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!row) throw new AppError('UNAUTHENTICATED');
  return row;
}

export async function totpStatus(deps: Deps, user: CurrentUser): Promise<TotpStatus> {
  const row = await accountRow(deps, user.userId);
  const [left] = await deps.db
    .select({ n: sql<number>`count(*)::int` })
    .from(totpRecoveryCodes)
    .where(and(eq(totpRecoveryCodes.userId, user.userId), isNull(totpRecoveryCodes.usedAt)));
  return {
    enabled: !!row.totpEnabledAt,
    required: totpRequiredFor(user.grants),
    enabledAt: row.totpEnabledAt?.toISOString() ?? null,
    recoveryCodesLeft: row.totpEnabledAt ? (left?.n ?? 0) : 0,
  };
}

/** Attempts of codes and re-entered passwords of a logged-in account share the login's per-account window. */
async function throttled(deps: Deps, userId: string): Promise<string> {
  const key = `totp:${userId}`;
  const r = await reserveAttempt(deps.db, [{ key, limit: deps.config.LOGIN_MAX_FAILURES }], deps.clock.now());
  if (!r.allowed)
    throw new AppError('RATE_LIMITED', `Nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.max(1, Math.ceil(r.retryAfterSeconds / 60))} phút.`, {
      retryAfterSeconds: r.retryAfterSeconds,
    });
  return key;
}

export async function setupTotp(deps: Deps, user: CurrentUser, input: { password?: string }): Promise<TotpSetupResponse> {
  const row = await accountRow(deps, user.userId);
  if (row.totpEnabledAt) {
    // Replacing the authenticator of an enrolled account asks for the password again.
    if (!input.password) throw invalid('body.password', 'Nhập mật khẩu để thay ứng dụng xác thực.');
    const key = await throttled(deps, user.userId);
    if (!(await verifyPassword(row.passwordHash, input.password))) throw invalid('body.password', 'Mật khẩu không đúng.');
    await clearKeys(deps.db, [key]);
  }
  const secret = newTotpSecret();
  await deps.db
    .update(users)
    .set({ totpPendingSecret: encryptText(deps.config, secret) })
    .where(eq(users.id, user.userId));
  const url = otpauthUrl(row.username, secret);
  return { secret, otpauthUrl: url, qrDataUrl: await qrDataUrl(url) };
}

export async function confirmTotp(deps: Deps, user: CurrentUser, session: SessionInfo, input: { code: string }): Promise<TotpConfirmResponse> {
  const row = await accountRow(deps, user.userId);
  if (!row.totpPendingSecret) throw new AppError('INVALID_STATE', 'Chưa bắt đầu thiết lập: hãy tạo mã QR trước.');
  const key = await throttled(deps, user.userId);
  const now = deps.clock.now();
  const step = await matchTotp(decryptText(deps.config, row.totpPendingSecret), input.code, now);
  if (step === null) throw invalid('body.code', 'Mã xác thực không đúng hoặc đã hết hạn. Kiểm tra giờ trên điện thoại và thử mã mới.');
  const codes = newRecoveryCodes();
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: row.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: now, totpLastStep: step })
      .where(eq(users.id, user.userId));
    await tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, user.userId));
    await tx.insert(totpRecoveryCodes).values(codes.map((c) => ({ id: newId('rc'), userId: user.userId, codeHash: hashRecoveryCode(c), createdAt: now })));
    // Other sessions (opened with the password alone) end; this one stays.
    await tx.delete(sessions).where(and(eq(sessions.userId, user.userId), sql`${sessions.tokenHash} <> ${session.tokenHash}`));
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'auth.totp_enabled',
      entity: 'user',
      entityId: user.userId,
      data: { replaced: !!row.totpEnabledAt, recoveryCodes: codes.length },
    });
  });
  deps.caches.sessions.forget(user.userId);
  await clearKeys(deps.db, [key]);
  return { status: await totpStatus(deps, user), recoveryCodes: codes };
}

export async function disableTotp(deps: Deps, user: CurrentUser, input: { password: string; code: string }): Promise<TotpStatus> {
  if (totpRequiredFor(user.grants)) throw new AppError('FORBIDDEN', 'Vai trò của bạn bắt buộc xác thực hai bước: không thể tắt.');
  const row = await accountRow(deps, user.userId);
  if (!row.totpSecret || !row.totpEnabledAt) throw new AppError('INVALID_STATE', 'Tài khoản chưa bật xác thực hai bước.');
  const key = await throttled(deps, user.userId);
  if (!(await verifyPassword(row.passwordHash, input.password))) throw invalid('body.password', 'Mật khẩu không đúng.');
  const now = deps.clock.now();
  const step = await matchTotp(decryptText(deps.config, row.totpSecret), input.code, now);
  const fresh = step !== null && (row.totpLastStep === null || row.totpLastStep < step || row.totpLastStep > stepOf(now) + 1);
  if (!fresh) throw invalid('body.code', 'Mã xác thực không đúng, đã hết hạn hoặc đã được dùng.');
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, user.userId));
    await tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, user.userId));
    await deps.audit(tx, { actorUserId: user.userId, action: 'auth.totp_disabled', entity: 'user', entityId: user.userId });
  });
  deps.caches.sessions.forget(user.userId);
  await clearKeys(deps.db, [key]);
  return totpStatus(deps, { ...user, totpEnabled: false });
}
