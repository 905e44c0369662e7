/** Session cookie → current user; CSRF protection of every state-changing request. */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { timingSafeEqual } from 'node:crypto';
import type { AppEnv, Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { resolveSession } from './auth.service';

export const SESSION_COOKIE = 'congvu_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionMiddleware(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null);
    c.set('session', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const resolved = await resolveSession(deps, token);
      if (resolved) {
        c.set('user', resolved.user);
        c.set('session', resolved.session);
      }
    }
    await next();
  };
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * CSRF: a state-changing request must be JSON or multipart sent by script (a cross-site form cannot set
 * these with our SameSite cookie), and, once logged in, carry the session's token in `X-CSRF-Token`.
 */
export function csrfMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    if (!type.startsWith('application/json') && !type.startsWith('multipart/form-data') && !type.startsWith('application/octet-stream') && c.req.header('content-length') !== '0' && c.req.method !== 'DELETE') {
      throw new AppError('CSRF', 'Yêu cầu phải gửi dạng JSON.');
    }
    const session = c.get('session');
    if (session) {
      const sent = c.req.header('x-csrf-token') ?? '';
      if (!sent || !equal(sent, session.csrfToken)) throw new AppError('CSRF');
    }
    return next();
  };
}
