/**
 * Sessions revoked on one app server end at once on the others (issue 8): a logout, a password change
 * or reset, a disabled account or changed grants (`deps.caches.sessions.forget`) are collected during the request and,
 * after it ran (its transaction committed), sent on the `congvu_sessions` channel. The request answers
 * only once its own message came back through this server's listener (at most 1 s), i.e. once
 * PostgreSQL has signalled every listening server, which then forget their cached entries.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Deps } from './context';
import { randomToken } from './ids';
import type { PubSub } from './pubsub';
import type { Revocation, SessionCache } from './session-cache';

export const SESSIONS_CHANNEL = 'congvu_sessions';
const WAIT_MS = 1000;

/** The revocations of the request being handled (request-scoped, not a cache). */
const pending = new AsyncLocalStorage<Revocation[]>();

/** Collects the revocations of each request and tells the other servers before answering. */
export function sessionBusMiddleware(deps: Deps): MiddlewareHandler<AppEnv> {
  deps.caches.sessions.onRevoked((r) => pending.getStore()?.push(r));
  return async (_c, next) => {
    const pubsub = deps.pubsub;
    if (!pubsub) return next();
    const revoked: Revocation[] = [];
    try {
      await pending.run(revoked, next);
    } finally {
      if (revoked.length) {
        const payload = JSON.stringify({
          n: randomToken(9),
          r: revoked.slice(0, 50),
          all: revoked.length > 50 || revoked.some((r) => !r.userId && !r.tokenHash),
        });
        try {
          if (!(await pubsub.publishAndWait(SESSIONS_CHANNEL, payload, WAIT_MS))) console.warn('Phiên: chưa nhận lại thông báo thu hồi phiên sau 1 giây.');
        } catch (err) {
          console.error('Phiên: không gửi được thông báo thu hồi phiên', err);
        }
      }
    }
  };
}

/** Makes this server forget the sessions other servers revoke (and all of them after a listener gap). */
export async function listenSessionRevocations(pubsub: PubSub, sessions: SessionCache): Promise<void> {
  pubsub.onReconnect(() => sessions.forget(undefined, true));
  await pubsub.subscribe(SESSIONS_CHANNEL, (payload) => {
    let message: { r?: Revocation[]; all?: boolean };
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    if (message.all) return sessions.forget(undefined, true);
    for (const r of message.r ?? []) {
      if (r.tokenHash) sessions.forgetToken(r.tokenHash, true);
      else if (r.userId) sessions.forget(r.userId, true);
    }
  });
}
