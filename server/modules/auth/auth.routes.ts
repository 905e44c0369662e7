import { createRoute } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  ChangePasswordRequest,
  LoginRequest,
  MeResponse,
  TotpConfirmRequest,
  TotpConfirmResponse,
  TotpDisableRequest,
  TotpSetupRequest,
  TotpSetupResponse,
  TotpStatus,
} from '../../../shared/contracts/auth';
import { OkSchema } from '../../../shared/contracts/common';
import type { CurrentUser, Deps } from '../../lib/context';
import { createRouter, jsonBody, requireUser, responses } from '../../lib/http';
import { AppError } from '../../lib/errors';
import { allowedActions, changePassword, describeGrants, login, logout } from './auth.service';
import { SESSION_COOKIE } from './auth.middleware';
import { clientIp } from '../../lib/client-ip';
import { DEVICE_COOKIE, DEVICE_MAX_AGE_SECONDS } from './device';
import { totpRequiredFor } from './totp';
import { confirmTotp, disableTotp, setupTotp, totpStatus } from './totp.service';

async function meBody(deps: Deps, user: CurrentUser, csrfToken: string): Promise<MeResponse> {
  return {
    user: {
      id: user.userId,
      username: user.username,
      displayName: user.displayName,
      personId: user.personId,
      unitId: user.unitId,
      agencyId: user.agencyId,
      mustChangePassword: user.mustChangePassword,
      totpEnabled: !!user.totpEnabled,
      totpRequired: totpRequiredFor(user.grants),
      locale: user.locale,
    },
    grants: await describeGrants(deps.db, user),
    actions: allowedActions(user),
    csrfToken,
    serverTime: deps.clock.now().toISOString(),
  };
}

export function authRoutes(deps: Deps) {
  const app = createRouter();
  const secure = deps.config.PUBLIC_URL.startsWith('https:');

  app.openapi(
    createRoute({ method: 'post', path: '/login', tags: ['auth'], summary: 'Đăng nhập', request: jsonBody(LoginRequest), responses: responses(MeResponse) }),
    async (c) => {
      const body = c.req.valid('json');
      const result = await login(deps, { ...body, ip: clientIp(c), userAgent: c.req.header('user-agent'), device: getCookie(c, DEVICE_COOKIE) });
      setCookie(c, SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure,
        path: '/',
        maxAge: Math.min(deps.config.SESSION_MAX_HOURS * 3600, 400 * 86_400),
      });
      // Only the login reads it.
      setCookie(c, DEVICE_COOKIE, result.deviceCookie, { httpOnly: true, sameSite: 'Lax', secure, path: '/api/auth', maxAge: DEVICE_MAX_AGE_SECONDS });
      return c.json(await meBody(deps, result.user, result.session.csrfToken), 200);
    },
  );

  app.openapi(createRoute({ method: 'post', path: '/logout', tags: ['auth'], summary: 'Đăng xuất', responses: responses(OkSchema) }), async (c) => {
    const session = c.get('session');
    if (session) await logout(deps, session);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(createRoute({ method: 'get', path: '/me', tags: ['auth'], summary: 'Người dùng hiện tại', responses: responses(MeResponse) }), async (c) => {
    const user = requireUser(c);
    return c.json(await meBody(deps, user, c.get('session')!.csrfToken), 200);
  });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/password',
      tags: ['auth'],
      summary: 'Đổi mật khẩu',
      request: jsonBody(ChangePasswordRequest),
      responses: responses(OkSchema),
    }),
    async (c) => {
      const user = requireUser(c);
      const session = c.get('session');
      if (!session) throw new AppError('UNAUTHENTICATED');
      await changePassword(deps, user, session, c.req.valid('json'));
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/totp', tags: ['auth'], summary: 'Trạng thái xác thực hai bước', responses: responses(TotpStatus) }),
    async (c) => c.json(await totpStatus(deps, requireUser(c)), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/totp/setup',
      tags: ['auth'],
      summary: 'Tạo khóa bí mật và mã QR cho ứng dụng xác thực',
      request: jsonBody(TotpSetupRequest),
      responses: responses(TotpSetupResponse),
    }),
    async (c) => c.json(await setupTotp(deps, requireUser(c), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/totp/confirm',
      tags: ['auth'],
      summary: 'Xác nhận mã để bật xác thực hai bước (trả về mã khôi phục một lần)',
      request: jsonBody(TotpConfirmRequest),
      responses: responses(TotpConfirmResponse),
    }),
    async (c) => {
      const session = c.get('session');
      if (!session) throw new AppError('UNAUTHENTICATED');
      return c.json(await confirmTotp(deps, requireUser(c), session, c.req.valid('json')), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/totp/disable',
      tags: ['auth'],
      summary: 'Tắt xác thực hai bước (vai trò không bắt buộc)',
      request: jsonBody(TotpDisableRequest),
      responses: responses(TotpStatus),
    }),
    async (c) => c.json(await disableTotp(deps, requireUser(c), c.req.valid('json')), 200),
  );
  return app;
}
