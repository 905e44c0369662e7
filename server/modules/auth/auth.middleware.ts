/** Session cookie → current user; CSRF protection of every state-changing request. */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { timingSafeEqual } from 'node:crypto';
import type { AppEnv, Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { requestLanguage } from '../../lib/request-lang';
import { resolveSession } from './auth.service';
import { totpRequiredFor } from './totp';

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
        // The request's language (the web sends its UI language) decides the language of computed texts such
        // as rule violations; a copy, since the resolved user is shared through the session cache.
        const lang = requestLanguage(c.req.header('accept-language'));
        c.set('user', lang && lang !== resolved.user.locale ? { ...resolved.user, locale: lang } : resolved.user);
        c.set('session', resolved.session);
        const limit = sessionLimit(resolved.user);
        if (limit && !OPEN_WHEN_LIMITED.some(([m, p]) => (m === '*' || m === c.req.method) && (p.endsWith('/') ? c.req.path.startsWith(p) : c.req.path === p)))
          throw new AppError(limit);
      }
    }
    await next();
  };
}

/**
 * A session with a temporary password can only change it; an account whose roles require two-factor login
 * and has not enrolled can only enrol. Everything else answers 403 with the code saying what to do first.
 */
export function sessionLimit(user: {
  mustChangePassword: boolean;
  totpEnabled?: boolean;
  grants: { role: string }[];
}): 'PASSWORD_CHANGE_REQUIRED' | 'TOTP_ENROLMENT_REQUIRED' | null {
  if (user.mustChangePassword) return 'PASSWORD_CHANGE_REQUIRED';
  if (!user.totpEnabled && totpRequiredFor(user.grants as never)) return 'TOTP_ENROLMENT_REQUIRED';
  return null;
}

/** What a limited session may still call ([method or *, exact path or prefix ending in /]). */
const OPEN_WHEN_LIMITED: readonly (readonly [string, string])[] = [
  ['GET', '/api/auth/me'],
  ['POST', '/api/auth/password'],
  ['POST', '/api/auth/logout'],
  ['POST', '/api/auth/login'],
  ['GET', '/api/auth/totp'],
  ['POST', '/api/auth/totp/setup'],
  ['POST', '/api/auth/totp/confirm'],
  ['GET', '/api/health'],
  ['GET', '/api/openapi.json'],
];

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `scheme://host[:port]` of a URL, or null. */
function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * Is a state-changing request from our own pages? A browser sends `Origin` on every POST/PUT/PATCH/DELETE
 * made by script: it must be the public origin (PUBLIC_URL) or the origin the request was sent to (its
 * Host, for a deployment reached under another name, or the dev server's proxy). Without Origin, an old
 * browser's `Sec-Fetch-Site: cross-site` is refused. Requests with neither (CLI, scripts, tests) pass here
 * and still need the CSRF token once logged in.
 */
export function sameOrigin(headers: { origin?: string; host?: string; forwardedHost?: string; secFetchSite?: string }, publicOrigin: string | null): boolean {
  const origin = headers.origin;
  if (origin !== undefined) {
    const o = originOf(origin);
    if (!o) return false; // "null" (sandboxed frame, file:), or garbage
    if (publicOrigin && o === publicOrigin) return true;
    // Behind a reverse proxy the Host may be the upstream's; X-Forwarded-Host cannot be set by a cross-site
    // page (it is not a header a form or a simple request may carry), so it is as good as Host here.
    const host = new URL(o).host;
    const hosts = [headers.host, ...(headers.forwardedHost ?? '').split(',')].map((h) => h?.trim().toLowerCase()).filter(Boolean);
    return hosts.includes(host);
  }
  return headers.secFetchSite !== 'cross-site';
}

/**
 * CSRF: a state-changing request must come from our own origin (Origin header, else Sec-Fetch-Site), be JSON
 * or multipart sent by script (a cross-site form cannot set these with our SameSite cookie), and, once
 * logged in, carry the session's token in `X-CSRF-Token`.
 */
export function csrfMiddleware(opts: { publicUrl?: string } = {}): MiddlewareHandler<AppEnv> {
  const publicOrigin = opts.publicUrl ? originOf(opts.publicUrl) : null;
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    if (
      !sameOrigin(
        {
          origin: c.req.header('origin'),
          host: c.req.header('host') ?? new URL(c.req.url).host,
          forwardedHost: c.req.header('x-forwarded-host'),
          secFetchSite: c.req.header('sec-fetch-site'),
        },
        publicOrigin,
      )
    ) {
      throw new AppError('CSRF', 'Yêu cầu bị từ chối: không gửi từ trang của hệ thống (Origin không hợp lệ).');
    }
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    if (
      !type.startsWith('application/json') &&
      !type.startsWith('multipart/form-data') &&
      !type.startsWith('application/octet-stream') &&
      c.req.header('content-length') !== '0' &&
      c.req.method !== 'DELETE'
    ) {
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
