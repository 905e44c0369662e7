/**
 * In-app notifications: the list, marking as read, and a live stream (server-sent events) that reads
 * the table when a notification for its account is committed on any app server (LISTEN/NOTIFY, live.ts),
 * and every few seconds without PostgreSQL's listener (one PGlite process, tests).
 */
import { createRoute } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { OkSchema } from '../../../shared/contracts/common';
import {
  NotificationList,
  NotificationPrefsPut,
  NotificationPrefsView,
  WebhookCreate,
  WebhookCreated,
  WebhookList,
  WebhookPatch,
  WebhookQuery,
  WebhookTestResult,
  WebhookView,
} from '../../../shared/contracts/notifications';
import { IdSchema } from '../../../shared/contracts/common';
import type { Deps } from '../../lib/context';
import { createRouter, jsonBody, requireUser, responses } from '../../lib/http';
import { getPrefs, putPrefs } from './prefs';
import { createWebhook, deleteWebhook, listWebhooks, testWebhook, updateWebhook } from './webhooks';
import { liveHubOf } from './live';
import { lastSeenAt, listNotifications, markAllRead, markRead, notificationsSince, presentNotification } from './notifications.service';

export function notificationsRoutes(deps: Deps, opts: { pollMs?: number } = {}) {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['notifications'],
      summary: 'Thông báo của tôi',
      request: { query: z.object({ unread: z.enum(['0', '1']).optional() }) },
      responses: responses(NotificationList),
    }),
    async (c) => {
      const user = requireUser(c);
      return c.json(await listNotifications(deps, user, c.req.valid('query').unread === '1'), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/read',
      tags: ['notifications'],
      summary: 'Đánh dấu đã đọc',
      request: { params: z.object({ id: z.string() }) },
      responses: responses(OkSchema),
    }),
    async (c) => {
      const user = requireUser(c);
      await markRead(deps, user, c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );
  app.openapi(
    createRoute({ method: 'post', path: '/read-all', tags: ['notifications'], summary: 'Đánh dấu tất cả đã đọc', responses: responses(OkSchema) }),
    async (c) => {
      const user = requireUser(c);
      await markAllRead(deps, user);
      return c.json({ ok: true as const }, 200);
    },
  );
  // ---------------------------------------------------------------- channels (issue 10 item 6)
  app.openapi(
    createRoute({ method: 'get', path: '/prefs', tags: ['notifications'], summary: 'Cài đặt thông báo của tôi', responses: responses(NotificationPrefsView) }),
    async (c) => c.json(await getPrefs(deps, requireUser(c)), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/prefs',
      tags: ['notifications'],
      summary: 'Chọn kênh nhận thông báo (e-mail ngay / tóm tắt hằng ngày / tắt, nhóm chat)',
      request: jsonBody(NotificationPrefsPut),
      responses: responses(NotificationPrefsView),
    }),
    async (c) => c.json(await putPrefs(deps, requireUser(c), c.req.valid('json')), 200),
  );
  const WebhookParam = z.object({ id: IdSchema });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/webhooks',
      tags: ['notifications'],
      summary: 'Kênh nhóm chat (webhook) của cơ quan',
      request: { query: WebhookQuery },
      responses: responses(WebhookList),
    }),
    async (c) => c.json({ webhooks: await listWebhooks(deps, requireUser(c), c.req.valid('query').agencyId) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/webhooks',
      tags: ['notifications'],
      summary: 'Thêm kênh nhóm chat (khóa bí mật chỉ hiện một lần)',
      request: jsonBody(WebhookCreate),
      responses: responses(WebhookCreated),
    }),
    async (c) => c.json(await createWebhook(deps, requireUser(c), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/webhooks/{id}',
      tags: ['notifications'],
      summary: 'Sửa kênh nhóm chat (tên, địa chỉ, loại thông báo, bật/tắt)',
      request: { params: WebhookParam, ...jsonBody(WebhookPatch) },
      responses: responses(WebhookView),
    }),
    async (c) => c.json(await updateWebhook(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/webhooks/{id}',
      tags: ['notifications'],
      summary: 'Xóa kênh nhóm chat',
      request: { params: WebhookParam },
      responses: responses(OkSchema),
    }),
    async (c) => {
      await deleteWebhook(deps, requireUser(c), c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/webhooks/{id}/test',
      tags: ['notifications'],
      summary: 'Gửi thử một tin đến kênh nhóm chat',
      request: { params: WebhookParam },
      responses: responses(WebhookTestResult),
    }),
    async (c) => c.json(await testWebhook(deps, requireUser(c), c.req.valid('param').id), 200),
  );
  // Live stream: `event: notification` with the JSON of each new notification.
  app.get('/stream', async (c) => {
    const user = requireUser(c);
    // A reconnecting EventSource sends the id of the last notification it got: resume after it.
    const lastAt = await lastSeenAt(deps, user, c.req.header('last-event-id'));
    const hub = liveHubOf(deps.pubsub);
    // Told by the hub (NOTIFY from any app server), the stream reads at once; it re-reads anyway now and then.
    const pollMs = opts.pollMs ?? (hub ? deps.config.LIVE_FALLBACK_POLL_SECONDS * 1000 : 3000);
    return streamSSE(c, async (stream) => {
      let since = lastAt ?? deps.clock.now();
      let open = true;
      let woken = false;
      let wake: (() => void) | null = null;
      const unwatch = hub?.watch(user.userId, () => {
        woken = true;
        wake?.();
      });
      stream.onAbort(() => {
        open = false;
        unwatch?.();
        wake?.();
      });
      await stream.writeSSE({ event: 'ready', data: '{}' });
      while (open) {
        woken = false;
        const rows = await notificationsSince(deps, user, since, 50);
        for (const n of rows) {
          await stream.writeSSE({ event: 'notification', id: n.id, data: JSON.stringify(presentNotification(n)) });
          since = n.createdAt;
        }
        if (rows.length === 50 || woken || !open) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, pollMs);
          function done() {
            clearTimeout(timer);
            wake = null;
            resolve();
          }
          wake = done;
        });
      }
      unwatch?.();
    });
  });
  return app;
}
