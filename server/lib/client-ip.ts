/**
 * The client's address, decided once per request: the socket's peer, or — behind reverse proxies the
 * agency runs (TRUST_PROXY = how many) — the address those proxies appended to X-Forwarded-For. Never
 * the left-most X-Forwarded-For entry, which any client can write (login throttling per address and the
 * audit log would then trust it). In-process tests have no socket: they set the header themselves.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';

/** The address `trustedProxies` hops back from the socket, per X-Forwarded-For ("client, proxy1, proxy2"). */
export function resolveClientIp(socketAddress: string | undefined, forwardedFor: string | undefined, trustedProxies: number): string {
  if (!socketAddress) return forwardedFor?.split(',')[0]?.trim() || 'local';
  if (trustedProxies <= 0 || !forwardedFor) return socketAddress;
  const hops = forwardedFor
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  // The last `trustedProxies` hops were appended by our proxies (the nearest one is the socket itself).
  return hops[hops.length - trustedProxies] ?? hops[0] ?? socketAddress;
}

export function clientIpMiddleware(trustedProxies: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let socket: string | undefined;
    try {
      socket = getConnInfo(c).remote.address;
    } catch {
      socket = undefined;
    }
    c.set('clientIp', resolveClientIp(socket, c.req.header('x-forwarded-for'), trustedProxies));
    await next();
  };
}

/** The address decided by the middleware (or the socket's, for code running without it). */
export function clientIp(c: Context): string {
  const set = (c as Context<AppEnv>).get('clientIp');
  if (set) return set;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return c.req.header('x-forwarded-for')?.split(',')[0]?.trim() ?? 'local';
  }
}
