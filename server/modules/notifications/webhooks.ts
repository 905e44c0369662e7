/**
 * Chat-group webhooks (J3, issue 10 item 6): the Office or IT of an agency registers endpoints (a bot
 * bridging to a Zalo OA or Telegram group); `notify()` puts one delivery per endpoint and event in
 * `webhook_outbox`; this worker POSTs them signed with HMAC-SHA256 (docs/WEBHOOKS.md).
 *
 * Delivery: a worker claims due rows with `FOR UPDATE SKIP LOCKED` and leases them (next attempt pushed
 * past the request timeout) in a short transaction, then sends outside any transaction; several app
 * servers never send one row at the same time. A 2xx within 10 s is a success; anything else is retried
 * with a growing delay (same delivery id), up to MAX_ATTEMPTS.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { and, asc, count, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { WebhookCreate, WebhookCreated, WebhookPatch, WebhookTestResult, WebhookView } from '../../../shared/contracts/notifications';
import { categoryOf, signatureBase, webhookUrlProblem } from '../../../shared/domain/notifications';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError, invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { agencyTarget, assertCan, hiddenNotFound } from '../../lib/scope';
import { decryptText, encryptText } from '../auth/secret';
import { agencies, units } from '../org/org.table';
import { type WebhookPayload, webhookEndpoints, webhookOutbox } from './notifications.table';

export const MAX_ATTEMPTS = 10;
export const DELIVERY_TIMEOUT_MS = 10_000;
/** Delay before retry n (1-based): 30 s, 1 min, 2 min … at most 6 h. */
export const retryDelayMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);

type EndpointRow = typeof webhookEndpoints.$inferSelect;

/** http:// is accepted only to this machine and never in production (docs/WEBHOOKS.md). */
const urlRule = (deps: Deps) => ({ allowHttpLocalhost: deps.config.NODE_ENV !== 'production' });

function checkUrl(deps: Deps, url: string, path: string) {
  const problem = webhookUrlProblem(url, urlRule(deps));
  if (problem) throw invalid(path, problem);
}

async function present(db: Db, rows: EndpointRow[]): Promise<WebhookView[]> {
  if (!rows.length) return [];
  const unitIds = [...new Set(rows.map((r) => r.unitId).filter((u): u is string => !!u))];
  const unitNames = new Map(
    unitIds.length ? (await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds))).map((u) => [u.id, u.name]) : [],
  );
  const pending = new Map(
    (
      await db
        .select({ endpointId: webhookOutbox.endpointId, n: count() })
        .from(webhookOutbox)
        .where(
          and(
            inArray(
              webhookOutbox.endpointId,
              rows.map((r) => r.id),
            ),
            isNull(webhookOutbox.deliveredAt),
            sql`${webhookOutbox.attempts} < ${MAX_ATTEMPTS}`,
          ),
        )
        .groupBy(webhookOutbox.endpointId)
    ).map((r) => [r.endpointId, Number(r.n)]),
  );
  return rows.map((r) => ({
    id: r.id,
    agencyId: r.agencyId,
    unitId: r.unitId,
    unitName: r.unitId ? (unitNames.get(r.unitId) ?? null) : null,
    name: r.name,
    url: r.url,
    categories: r.categories,
    enabled: r.enabled,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    lastDeliveryAt: r.lastDeliveryAt?.toISOString() ?? null,
    lastDeliveryOk: r.lastDeliveryOk,
    lastError: r.lastError,
    pending: pending.get(r.id) ?? 0,
  }));
}

/** The endpoint, if the actor may manage the webhooks of its agency (else the hidden 404). */
async function loadEndpoint(deps: Deps, user: CurrentUser, id: string): Promise<EndpointRow> {
  const [row] = await deps.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).limit(1);
  if (!row) throw hiddenNotFound();
  const target = await agencyTarget(deps.db, row.agencyId);
  assertCan(user, 'org.manage', target);
  return row;
}

export async function listWebhooks(deps: Deps, user: CurrentUser, agencyId: string): Promise<WebhookView[]> {
  assertCan(user, 'org.manage', await agencyTarget(deps.db, agencyId));
  const rows = await deps.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.agencyId, agencyId)).orderBy(asc(webhookEndpoints.createdAt));
  return present(deps.db, rows);
}

export async function createWebhook(deps: Deps, user: CurrentUser, input: WebhookCreate): Promise<WebhookCreated> {
  assertCan(user, 'org.manage', await agencyTarget(deps.db, input.agencyId));
  checkUrl(deps, input.url, 'body.url');
  if (input.unitId) {
    const [u] = await deps.db.select({ agencyId: units.agencyId }).from(units).where(eq(units.id, input.unitId));
    if (!u || u.agencyId !== input.agencyId) throw invalid('body.unitId', 'Đơn vị không thuộc cơ quan này.');
  }
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const row = await deps.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(webhookEndpoints)
      .values({
        id: newId('wh'),
        agencyId: input.agencyId,
        unitId: input.unitId ?? null,
        name: input.name,
        url: input.url,
        secret: encryptText(deps.config, secret),
        categories: input.categories,
        enabled: input.enabled ?? true,
        createdAt: deps.clock.now(),
        createdBy: user.userId,
      })
      .returning();
    // The URL may carry a bot token in its path: the log keeps the host only.
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'notification.webhook_created',
      entity: 'webhook_endpoint',
      entityId: created!.id,
      agencyId: input.agencyId,
      data: { name: input.name, host: new URL(input.url).host, unitId: input.unitId ?? null, categories: input.categories },
    });
    return created!;
  });
  const [view] = await present(deps.db, [row]);
  return { ...view!, secret };
}

export async function updateWebhook(deps: Deps, user: CurrentUser, id: string, input: WebhookPatch): Promise<WebhookView> {
  const current = await loadEndpoint(deps, user, id);
  if (input.url !== undefined) checkUrl(deps, input.url, 'body.url');
  const row = await deps.db.transaction(async (tx) => {
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.categories !== undefined ? { categories: input.categories } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
    };
    const [updated] = await tx
      .update(webhookEndpoints)
      .set({ ...changes, version: sql`${webhookEndpoints.version} + 1` })
      .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.version, input.version)))
      .returning();
    if (!updated) throw new AppError('VERSION_CONFLICT');
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'notification.webhook_updated',
      entity: 'webhook_endpoint',
      entityId: id,
      agencyId: current.agencyId,
      data: {
        name: changes.name,
        host: changes.url ? new URL(changes.url).host : undefined,
        categories: changes.categories,
        enabled: changes.enabled,
      },
    });
    return updated;
  });
  return (await present(deps.db, [row]))[0]!;
}

export async function deleteWebhook(deps: Deps, user: CurrentUser, id: string): Promise<void> {
  const current = await loadEndpoint(deps, user, id);
  await deps.db.transaction(async (tx) => {
    await tx.delete(webhookOutbox).where(eq(webhookOutbox.endpointId, id));
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'notification.webhook_deleted',
      entity: 'webhook_endpoint',
      entityId: id,
      agencyId: current.agencyId,
      data: { name: current.name },
    });
  });
}

/** "Gửi thử": a test message delivered now (the answer says whether the receiver accepted it). */
export async function testWebhook(deps: Deps, user: CurrentUser, id: string): Promise<WebhookTestResult> {
  const endpoint = await loadEndpoint(deps, user, id);
  const [agency] = await deps.db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, endpoint.agencyId));
  const now = deps.clock.now();
  const eventId = newId('test');
  const row = {
    id: newId('whd'),
    endpointId: id,
    eventId,
    payload: {
      id: eventId,
      kind: 'test',
      category: categoryOf('test'),
      title: 'Tin nhắn thử từ Congvu',
      body: `Kênh "${endpoint.name}" đã kết nối với Congvu. Người gửi thử: ${user.displayName}.`,
      link: '/settings/notifications',
      agency: { id: endpoint.agencyId, name: agency?.name ?? endpoint.agencyId },
      unit: null,
      createdAt: now.toISOString(),
      recipients: [],
    } satisfies WebhookPayload,
    createdAt: now,
    attempts: 1,
    // Not retried by the worker: the person sees the answer now and may try again.
    nextAttemptAt: new Date(now.getTime() + 100 * 365 * 86400_000),
  };
  await deps.db.transaction(async (tx) => {
    await tx.insert(webhookOutbox).values(row);
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'notification.webhook_tested',
      entity: 'webhook_endpoint',
      entityId: id,
      agencyId: endpoint.agencyId,
    });
  });
  const result = await send(deps, endpoint, row.id, row.payload);
  await record(deps, endpoint.id, row.id, { ...result, attempts: 1, giveUp: true });
  return { ok: result.ok, deliveryId: row.id, status: result.status, error: result.error };
}

// ---------------------------------------------------------------- delivery

export function sign(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(signatureBase(timestamp, rawBody)).digest('hex')}`;
}

/** The JSON body of a delivery: the stored payload with the link made absolute. */
export function deliveryBody(deps: Pick<Deps, 'config'>, payload: WebhookPayload): string {
  const base = deps.config.PUBLIC_URL.replace(/\/+$/, '');
  return JSON.stringify({ ...payload, link: payload.link ? `${base}${payload.link.startsWith('/') ? '' : '/'}${payload.link}` : null });
}

interface SendResult {
  ok: boolean;
  status: number | null;
  error: string | null;
}

async function send(deps: Deps, endpoint: EndpointRow, deliveryId: string, payload: WebhookPayload): Promise<SendResult> {
  const body = deliveryBody(deps, payload);
  const timestamp = String(Math.floor(deps.clock.now().getTime() / 1000));
  try {
    const res = await fetch(endpoint.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Congvu-Webhook/1',
        'x-congvu-event': payload.kind,
        'x-congvu-delivery': deliveryId,
        'x-congvu-timestamp': timestamp,
        'x-congvu-signature': sign(decryptText(deps.config, endpoint.secret), timestamp, body),
      },
      body,
    });
    await res.body?.cancel().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, error: null };
    return { ok: false, status: res.status, error: `Máy nhận trả lời HTTP ${res.status}.` };
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    const message =
      name === 'TimeoutError' || name === 'AbortError'
        ? `Máy nhận không trả lời trong ${DELIVERY_TIMEOUT_MS / 1000} giây.`
        : `Không kết nối được máy nhận (${describeCause(err)}).`;
    return { ok: false, status: null, error: message };
  }
}

/** The network reason of a failed fetch (ECONNREFUSED, ENOTFOUND…), never a URL or a token. */
function describeCause(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' && /^[A-Z_]{2,40}$/.test(cause.code) ? cause.code : 'lỗi mạng';
}

async function record(deps: Deps, endpointId: string, deliveryId: string, r: SendResult & { attempts: number; giveUp?: boolean }) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx
      .update(webhookOutbox)
      .set(
        r.ok
          ? { deliveredAt: now, attempts: r.attempts, lastStatus: r.status, lastError: null }
          : {
              attempts: r.giveUp ? Math.max(r.attempts, MAX_ATTEMPTS) : r.attempts,
              lastStatus: r.status,
              lastError: r.error,
              nextAttemptAt: new Date(now.getTime() + retryDelayMs(r.attempts)),
            },
      )
      .where(eq(webhookOutbox.id, deliveryId));
    await tx
      .update(webhookEndpoints)
      .set({ lastDeliveryAt: now, lastDeliveryOk: r.ok, lastError: r.ok ? null : r.error })
      .where(eq(webhookEndpoints.id, endpointId));
  });
}

/**
 * Sends the due deliveries (tick task "webhooks"). Claims a batch in a short transaction (SKIP LOCKED,
 * leased past the timeout), sends them, records each result: delivered, or retried later with the same id.
 */
export async function deliverPendingWebhooks(deps: Deps, opts: { batch?: number } = {}): Promise<{ delivered: number; failed: number }> {
  const now = deps.clock.now();
  const batch = opts.batch ?? 20;
  // Sent one after another: the lease covers the whole batch timing out, so no other server takes them meanwhile.
  const leaseMs = batch * DELIVERY_TIMEOUT_MS + 60_000;
  const claimed = await deps.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(webhookOutbox)
      .where(and(isNull(webhookOutbox.deliveredAt), lte(webhookOutbox.nextAttemptAt, now), sql`${webhookOutbox.attempts} < ${MAX_ATTEMPTS}`))
      .orderBy(asc(webhookOutbox.nextAttemptAt), asc(webhookOutbox.createdAt))
      .limit(batch)
      .for('update', { skipLocked: true });
    if (rows.length)
      await tx
        .update(webhookOutbox)
        .set({ nextAttemptAt: new Date(now.getTime() + leaseMs) })
        .where(
          inArray(
            webhookOutbox.id,
            rows.map((r) => r.id),
          ),
        );
    return rows;
  });
  if (!claimed.length) return { delivered: 0, failed: 0 };
  const endpoints = new Map(
    (
      await deps.db
        .select()
        .from(webhookEndpoints)
        .where(inArray(webhookEndpoints.id, [...new Set(claimed.map((r) => r.endpointId))]))
    ).map((e) => [e.id, e]),
  );
  let delivered = 0;
  let failed = 0;
  for (const row of claimed) {
    const endpoint = endpoints.get(row.endpointId);
    if (!endpoint?.enabled) {
      // A removed or switched-off channel: the delivery is dropped (not retried).
      await deps.db.update(webhookOutbox).set({ attempts: MAX_ATTEMPTS, lastError: 'Kênh đã bị tắt hoặc xóa.' }).where(eq(webhookOutbox.id, row.id));
      failed++;
      continue;
    }
    const result = await send(deps, endpoint, row.id, row.payload);
    await record(deps, endpoint.id, row.id, { ...result, attempts: row.attempts + 1 });
    if (result.ok) delivered++;
    else failed++;
  }
  return { delivered, failed };
}
