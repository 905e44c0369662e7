/**
 * Notification channels (issue 10 item 6): each person's choices, e-mails through a real SMTP server
 * (immediate and the daily digest), chat-group webhooks POSTed to a real HTTP receiver that checks the
 * HMAC signature and the timestamp with nothing but the secret shown at creation.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import { auditLog } from '../audit/audit.table';
import { people } from '../org/org.table';
import { runDailyDigest } from './digest';
import { createTransport, sendPendingEmails } from './mailer';
import { webhookEndpoints, webhookOutbox } from './notifications.table';
import { notify } from './notify';
import { deliverPendingWebhooks } from './webhooks';

let t: TestApp;
const P: Record<string, string> = {};
const U: Record<string, string> = {};
const C: Record<string, TestClient> = {};
let agencyA: string;
let agencyB: string;

// ---------------------------------------------------------------- a real SMTP server
const received: { to: string; subject: string; text: string }[] = [];
let smtp: SMTPServer;
let smtpPort: number;
const sendMail = () => sendPendingEmails(t.deps, createTransport(`smtp://127.0.0.1:${smtpPort}`));

// ---------------------------------------------------------------- a real HTTP receiver (a chat bot's bridge)
interface Hit {
  headers: IncomingHttpHeaders;
  raw: string;
  verified: boolean;
  answered: number;
}
const hits: Hit[] = [];
let receiver: Server;
let receiverUrl: string;
let receiverSecret = '';
let failNext = 0;
/** What a receiver does, knowing only the secret: HMAC of "<timestamp>.<raw body>", timestamp within 5 minutes. */
function verify(headers: IncomingHttpHeaders, raw: string, secret: string, nowMs: number): boolean {
  const ts = String(headers['x-congvu-timestamp'] ?? '');
  const sig = String(headers['x-congvu-signature'] ?? '');
  if (!/^\d+$/.test(ts) || Math.abs(nowMs / 1000 - Number(ts)) > 300) return false;
  const expected = `sha256=${createHmac('sha256', secret).update(`${ts}.${raw}`).digest('hex')}`;
  return sig.length === expected.length && timingSafeEqual(Buffer.from(sig), Buffer.from(expected));
}

beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_URL: 'https://congvu.ninhthuan.gov.vn', SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '9000' } });
  const db = t.deps.db;
  agencyA = (await buildAgency(db, { name: 'Sở Tư pháp' })).id;
  agencyB = (await buildAgency(db, { name: 'Sở Y tế' })).id;
  U.a1 = (await buildUnit(db, { agencyId: agencyA, name: 'Văn phòng Sở', kind: 'office' })).id;
  U.a2 = (await buildUnit(db, { agencyId: agencyA, name: 'Phòng Hành chính tư pháp' })).id;
  U.b1 = (await buildUnit(db, { agencyId: agencyB, name: 'Văn phòng Sở', kind: 'office' })).id;
  const person = async (key: string, unitId: string, fullName: string, email: string | null, roles: ('staff' | 'office')[] = ['staff']) => {
    P[key] = (await buildPerson(db, { unitId, fullName })).id;
    if (email) await db.update(people).set({ email }).where(eq(people.id, P[key]!));
    const u = await buildUser(db, { personId: P[key]!, roles, username: `ch-${key.toLowerCase()}` });
    C[key] = t.client(`10.61.0.${Object.keys(C).length + 1}`);
    const r = await C[key]!.login(u.username, TEST_PASSWORD);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  await person('office', U.a1!, 'Nguyễn Văn Chánh', 'chanh.nv@stp.gov.vn', ['staff', 'office']);
  await person('lan', U.a1!, 'Trần Thị Lan', 'lan.tt@stp.gov.vn');
  await person('hoa', U.a1!, 'Lê Thị Hoa', 'hoa.lt@stp.gov.vn');
  await person('quiet', U.a1!, 'Phạm Văn Im', 'im.pv@stp.gov.vn');
  await person('minh', U.a2!, 'Đỗ Văn Minh', null);
  await person('officeB', U.b1!, 'Hồ Thị Yến', null, ['staff', 'office']);

  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), subject: mail.subject ?? '', text: mail.text ?? '' });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  smtpPort = (smtp.server.address() as { port: number }).port;

  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const verified = verify(req.headers, raw, receiverSecret, t.clock.now().getTime());
      const answered = !verified ? 401 : failNext > 0 ? (failNext--, 500) : 204;
      hits.push({ headers: req.headers, raw, verified, answered });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/congvu`;
});
afterAll(async () => {
  await new Promise<void>((r) => smtp.close(() => r()));
  await new Promise<void>((r) => receiver.close(() => r()));
  await t.close();
});

describe('channel preferences', () => {
  it('shows the defaults, saves a choice once (a repeat is the same), refuses a stale version and bad input', async () => {
    const first = await C.hoa!.get('/api/notifications/prefs');
    expect(first.body).toEqual({ email: 'immediate', chat: true, mutedCategories: [], version: 0, hasEmailAddress: true });
    const body = { email: 'digest', chat: true, mutedCategories: [], version: 0 };
    const saved = await C.hoa!.put('/api/notifications/prefs', body);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ email: 'digest', version: 1 });
    expect((await C.hoa!.put('/api/notifications/prefs', body)).body.version).toBe(1);
    const stale = await C.hoa!.put('/api/notifications/prefs', { ...body, email: 'off' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    const bad = await C.hoa!.put('/api/notifications/prefs', { ...body, email: 'sometimes', version: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('body.email');
    expect((await C.minh!.get('/api/notifications/prefs')).body.hasEmailAddress).toBe(false);
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'notification.prefs_saved'));
    expect(audit).toHaveLength(1);
    // Lan turns e-mail off; Im keeps e-mail but mutes tasks and leaves chat groups.
    expect((await C.lan!.put('/api/notifications/prefs', { email: 'off', chat: true, mutedCategories: [], version: 0 })).status).toBe(200);
    expect((await C.quiet!.put('/api/notifications/prefs', { email: 'immediate', chat: false, mutedCategories: ['tasks'], version: 0 })).status).toBe(200);
  });
});

describe('e-mail through a real SMTP server', () => {
  it('sends an immediate e-mail only to people who want it; e-mail off, digest or a muted category send none now', async () => {
    await notify(t.deps.db, t.deps.clock, {
      personIds: [P.office!, P.lan!, P.hoa!, P.quiet!, P.minh!],
      kind: 'task.assigned',
      title: 'Giao việc: rà soát hồ sơ lý lịch tư pháp',
      body: 'Hạn 20/07/2021.',
      link: '/tasks/t1',
      email: true,
    });
    received.length = 0;
    expect((await sendMail()).sent).toBe(1);
    expect(received.map((m) => m.to)).toEqual(['chanh.nv@stp.gov.vn']);
    expect(received[0]!.subject).toBe('[Congvu] Giao việc: rà soát hồ sơ lý lịch tư pháp');
    // The link opens from a mail client: the public address of the app, not a path.
    expect(received[0]!.text.trim().split('\n').at(-1)).toBe('https://congvu.ninhthuan.gov.vn/tasks/t1');
    // Muted tasks do not mute the roster.
    await notify(t.deps.db, t.deps.clock, { personIds: [P.quiet!, P.lan!], kind: 'roster_returned', title: 'Lịch bị trả lại', email: true });
    received.length = 0;
    await sendMail();
    expect(received.map((m) => m.to)).toEqual(['im.pv@stp.gov.vn']);
  });

  it('sends one digest at 17:30 of a working day listing the day, unread first; never twice; nothing on an empty day', async () => {
    // Hoa chose the digest (above) and already has the 09:00 task of the previous test.
    t.clock.set('2021-07-16T10:15:00+07:00');
    await notify(t.deps.db, t.deps.clock, { personIds: [P.hoa!], kind: 'roster_approved', title: 'Lịch làm việc kỳ 19/07 – 23/07/2021 đã được phê duyệt' });
    t.clock.set('2021-07-16T14:05:00+07:00');
    await notify(t.deps.db, t.deps.clock, { personIds: [P.hoa!], kind: 'summons', title: 'Triệu tập về cơ quan lúc 15:00', link: '/presence' });
    const list = (await C.hoa!.get('/api/notifications')).body.notifications;
    const approved = list.find((n: { title: string }) => n.title.startsWith('Lịch làm việc'));
    expect((await C.hoa!.post(`/api/notifications/${approved.id}/read`)).status).toBe(200);

    t.clock.set('2021-07-16T17:00:00+07:00');
    expect((await runDailyDigest(t.deps)).ran).toBe(false);
    t.clock.set('2021-07-16T17:31:00+07:00');
    expect(await runDailyDigest(t.deps)).toEqual({ ran: true, sent: 1 });
    expect((await runDailyDigest(t.deps)).ran).toBe(false);
    received.length = 0;
    await sendMail();
    expect(received).toHaveLength(1);
    const digest = received[0]!;
    expect(digest.to).toBe('hoa.lt@stp.gov.vn');
    expect(digest.subject).toBe('[Congvu] Tóm tắt thông báo ngày 16/07/2021 (2 chưa đọc)');
    const order = ['Triệu tập về cơ quan lúc 15:00', 'Giao việc: rà soát hồ sơ lý lịch tư pháp', 'Lịch làm việc kỳ 19/07 – 23/07/2021 đã được phê duyệt'].map(
      (s) => digest.text.indexOf(s),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(digest.text.indexOf('CHƯA ĐỌC (2)')).toBeLessThan(digest.text.indexOf('ĐÃ ĐỌC (1)'));
    expect(order[2]).toBeGreaterThan(digest.text.indexOf('ĐÃ ĐỌC (1)'));
    expect(digest.text).toContain('https://congvu.ninhthuan.gov.vn/presence');
    // Monday: nothing happened for Hoa since Friday's digest → no e-mail.
    t.clock.set('2021-07-19T17:40:00+07:00');
    expect(await runDailyDigest(t.deps)).toEqual({ ran: true, sent: 0 });
    received.length = 0;
    await sendMail();
    expect(received).toHaveLength(0);
  });
});

describe('chat-group webhooks', () => {
  let hookId: string;
  let version: number;

  it('the Office adds an endpoint: the secret is shown once; bad URLs are refused with the field path', async () => {
    const bad = await C.office!.post('/api/notifications/webhooks', {
      agencyId: agencyA,
      name: 'Nhóm Zalo',
      url: 'http://bot.example.vn/x',
      categories: ['roster'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('body.url');
    expect((await C.office!.post('/api/notifications/webhooks', { agencyId: agencyA, name: 'Nhóm', url: receiverUrl, categories: [] })).status).toBe(400);
    const res = await C.office!.post('/api/notifications/webhooks', {
      agencyId: agencyA,
      name: 'Nhóm Zalo Sở Tư pháp',
      url: receiverUrl,
      categories: ['roster', 'tasks'],
    });
    expect(res.status).toBe(200);
    expect(res.body.secret).toMatch(/^whsec_/);
    receiverSecret = res.body.secret;
    hookId = res.body.id;
    version = res.body.version;
    const list = await C.office!.get(`/api/notifications/webhooks?agencyId=${agencyA}`);
    expect(list.body.webhooks).toHaveLength(1);
    expect(list.body.webhooks[0]).not.toHaveProperty('secret');
    expect(JSON.stringify(list.body)).not.toContain(receiverSecret);
  });

  it('delivers a signed POST the receiver verifies with the secret alone; people with the chat channel off are not named; a tampered body fails', async () => {
    t.clock.set('2021-07-20T09:00:00+07:00');
    await notify(t.deps.db, t.deps.clock, {
      personIds: [P.office!, P.quiet!],
      kind: 'roster_submitted',
      title: 'Văn phòng Sở đã gửi lịch làm việc kỳ 19/07/2021 – 23/07/2021',
      link: '/roster/agency?period=per1',
    });
    hits.length = 0;
    expect(await deliverPendingWebhooks(t.deps)).toEqual({ delivered: 1, failed: 0 });
    expect(hits).toHaveLength(1);
    const hit = hits[0]!;
    expect(hit.verified).toBe(true);
    expect(hit.headers['x-congvu-event']).toBe('roster_submitted');
    expect(hit.headers['x-congvu-delivery']).toMatch(/^whd/);
    const body = JSON.parse(hit.raw);
    expect(body).toMatchObject({
      kind: 'roster_submitted',
      category: 'roster',
      title: 'Văn phòng Sở đã gửi lịch làm việc kỳ 19/07/2021 – 23/07/2021',
      link: 'https://congvu.ninhthuan.gov.vn/roster/agency?period=per1',
      agency: { id: agencyA, name: 'Sở Tư pháp' },
      recipients: ['Nguyễn Văn Chánh'],
    });
    expect(Object.keys(body).sort()).toEqual(['agency', 'body', 'category', 'createdAt', 'id', 'kind', 'link', 'recipients', 'title', 'unit']);
    // The same request with one changed character in the body: the receiver refuses it.
    const tampered = await fetch(receiverUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-congvu-timestamp': String(hit.headers['x-congvu-timestamp']),
        'x-congvu-signature': String(hit.headers['x-congvu-signature']),
      },
      body: hit.raw.replace('Nguyễn Văn Chánh', 'Nguyễn Văn Chính'),
    });
    expect(tampered.status).toBe(401);
    // A replay 6 minutes later (same body, same signature) is refused by the timestamp check.
    t.clock.advance(6 * 60_000);
    expect(verify(hit.headers, hit.raw, receiverSecret, t.clock.now().getTime())).toBe(false);
    expect((await deliverPendingWebhooks(t.deps)).delivered).toBe(0);
  });

  it('filters by category and by unit, and posts an event once even when announced twice', async () => {
    const unitHook = await C.office!.post('/api/notifications/webhooks', {
      agencyId: agencyA,
      unitId: U.a2,
      name: 'Nhóm Telegram phòng HCTP',
      url: receiverUrl,
      categories: ['documents', 'tasks'],
    });
    expect(unitHook.status).toBe(200);
    const before = (await t.deps.db.select().from(webhookOutbox)).length;
    // Documents: not taken by the agency hook; the unit hook takes them only for its unit's people.
    await notify(t.deps.db, t.deps.clock, { personIds: [P.office!], kind: 'document.assigned', title: 'Văn bản đến mới' });
    expect((await t.deps.db.select().from(webhookOutbox)).length).toBe(before);
    await notify(t.deps.db, t.deps.clock, { personIds: [P.minh!], kind: 'task.assigned', title: 'Giao việc', eventId: 'evt-fixed' });
    await notify(t.deps.db, t.deps.clock, { personIds: [P.minh!], kind: 'task.assigned', title: 'Giao việc', eventId: 'evt-fixed' });
    const rows = await t.deps.db.select().from(webhookOutbox).where(eq(webhookOutbox.eventId, 'evt-fixed'));
    expect(rows.map((r) => r.endpointId).sort()).toEqual([hookId, unitHook.body.id].sort());
    expect(rows.find((r) => r.endpointId === unitHook.body.id)!.payload.unit).toEqual({ id: U.a2, name: 'Phòng Hành chính tư pháp' });
    await t.deps.db.delete(webhookOutbox).where(eq(webhookOutbox.eventId, 'evt-fixed'));
    expect((await C.office!.delete(`/api/notifications/webhooks/${unitHook.body.id}`)).status).toBe(200);
  });

  it('a receiver answering 500 gets the same delivery again later, delivered once', async () => {
    await notify(t.deps.db, t.deps.clock, { personIds: [P.office!], kind: 'roster_compiled', title: 'Lịch chờ phê duyệt' });
    hits.length = 0;
    failNext = 1;
    expect(await deliverPendingWebhooks(t.deps)).toEqual({ delivered: 0, failed: 1 });
    const [row] = await t.deps.db
      .select()
      .from(webhookOutbox)
      .where(eq(webhookOutbox.id, String(hits[0]!.headers['x-congvu-delivery'])));
    expect(row).toMatchObject({ attempts: 1, deliveredAt: null, lastStatus: 500 });
    expect(row!.lastError).toContain('500');
    const [endpoint] = await t.deps.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, hookId));
    expect(endpoint!.lastDeliveryOk).toBe(false);
    // Not yet due: nothing is sent.
    expect(await deliverPendingWebhooks(t.deps)).toEqual({ delivered: 0, failed: 0 });
    t.clock.advance(2 * 60_000);
    expect(await deliverPendingWebhooks(t.deps)).toEqual({ delivered: 1, failed: 0 });
    expect(hits.map((h) => [h.headers['x-congvu-delivery'], h.answered])).toEqual([
      [row!.id, 500],
      [row!.id, 204],
    ]);
    t.clock.advance(60 * 60_000);
    expect(await deliverPendingWebhooks(t.deps)).toEqual({ delivered: 0, failed: 0 });
    const list = await C.office!.get(`/api/notifications/webhooks?agencyId=${agencyA}`);
    expect(list.body.webhooks[0]).toMatchObject({ lastDeliveryOk: true, lastError: null, pending: 0 });
  });

  it('"Gửi thử" reports the receiver answer; a switched-off endpoint gets nothing; stale versions conflict', async () => {
    hits.length = 0;
    const test = await C.office!.post(`/api/notifications/webhooks/${hookId}/test`);
    expect(test.status).toBe(200);
    expect(test.body).toMatchObject({ ok: true, status: 204, error: null });
    expect(hits[0]!.verified).toBe(true);
    expect(JSON.parse(hits[0]!.raw).kind).toBe('test');
    const off = await C.office!.patch(`/api/notifications/webhooks/${hookId}`, { version, enabled: false });
    expect(off.status).toBe(200);
    expect((await C.office!.patch(`/api/notifications/webhooks/${hookId}`, { version, enabled: true })).status).toBe(409);
    const before = (await t.deps.db.select().from(webhookOutbox)).length;
    await notify(t.deps.db, t.deps.clock, { personIds: [P.office!], kind: 'roster_compiled', title: 'Lịch chờ phê duyệt' });
    expect((await t.deps.db.select().from(webhookOutbox)).length).toBe(before);
    // A receiver that cannot be reached: the test says so.
    const moved = await C.office!.patch(`/api/notifications/webhooks/${hookId}`, { version: off.body.version, url: 'http://127.0.0.1:9/closed' });
    expect(moved.status).toBe(200);
    const failed = await C.office!.post(`/api/notifications/webhooks/${hookId}/test`);
    expect(failed.body.ok).toBe(false);
    expect(failed.body.error).toContain('Không kết nối được');
  });

  it("another agency's Office cannot see or manage these webhooks (404); staff of the agency may not (403)", async () => {
    expect((await C.officeB!.get(`/api/notifications/webhooks?agencyId=${agencyA}`)).status).toBe(404);
    expect((await C.officeB!.patch(`/api/notifications/webhooks/${hookId}`, { version: 3, enabled: true })).status).toBe(404);
    expect((await C.officeB!.post(`/api/notifications/webhooks/${hookId}/test`)).status).toBe(404);
    expect((await C.officeB!.delete(`/api/notifications/webhooks/${hookId}`)).status).toBe(404);
    expect((await C.officeB!.post('/api/notifications/webhooks', { agencyId: agencyA, name: 'X', url: receiverUrl, categories: ['roster'] })).status).toBe(404);
    expect((await C.officeB!.get(`/api/notifications/webhooks?agencyId=${agencyB}`)).body.webhooks).toEqual([]);
    expect((await C.lan!.get(`/api/notifications/webhooks?agencyId=${agencyA}`)).status).toBe(403);
    expect((await C.office!.delete('/api/notifications/webhooks/khong-co')).status).toBe(404);
  });
});
