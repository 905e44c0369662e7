import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import { buildPerson, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import { notify } from './notify';

let t: TestApp;
let c: TestClient;
let userId: string;
let personId: string;
beforeAll(async () => {
  t = await createTestApp();
  personId = (await buildPerson(t.deps.db, { fullName: 'Phan Thị Nga' })).id;
  const u = await buildUser(t.deps.db, { personId, username: 'nga.pt' });
  userId = u.id;
  c = t.client('10.70.0.1');
  await c.login(u.username, TEST_PASSWORD);
});
afterAll(() => t.close());

/** Reads server-sent events from a streaming response until `until` returns true or time runs out. */
async function readEvents(res: Response, until: (events: { event: string; id?: string; data: string }[]) => boolean, ms = 8000) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: { event: string; id?: string; data: string }[] = [];
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && !until(events)) {
    const { value, done } = await Promise.race([
      reader.read(),
      new Promise<{ value: undefined; done: true }>((r) => setTimeout(() => r({ value: undefined, done: true }), deadline - Date.now())),
    ]);
    if (done || !value) break;
    buffer += decoder.decode(value, { stream: true });
    let i: number;
    while ((i = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, i);
      buffer = buffer.slice(i + 2);
      const e: { event: string; id?: string; data: string } = { event: 'message', data: '' };
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) e.event = line.slice(6).trim();
        else if (line.startsWith('id:')) e.id = line.slice(3).trim();
        else if (line.startsWith('data:')) e.data += line.slice(5).trim();
      }
      events.push(e);
    }
  }
  await reader.cancel();
  return events;
}

const stream = (headers: Record<string, string> = {}) => t.app.request('/api/notifications/stream', { headers: { cookie: (c as any).cookie, ...headers } });

describe('notifications', () => {
  it('lists, counts unread and marks read', async () => {
    await notify(t.deps.db, t.deps.clock, { personIds: [personId], kind: 'test', title: 'Có lịch trực ngày mai', link: '/duty' });
    const list = await c.get('/api/notifications');
    expect(list.body.unread).toBe(1);
    expect(list.body.notifications[0]).toMatchObject({ title: 'Có lịch trực ngày mai', link: '/duty', readAt: null });
    expect((await c.post(`/api/notifications/${list.body.notifications[0].id}/read`)).status).toBe(200);
    expect((await c.get('/api/notifications')).body.unread).toBe(0);
    expect((await t.client('10.70.0.2').get('/api/notifications')).status).toBe(401);
  });

  it('delivers a new notification live on the stream, without reloading', async () => {
    const res = await stream();
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    setTimeout(() => {
      t.clock.advance(1000);
      void notify(t.deps.db, t.deps.clock, { userIds: [userId], kind: 'summons', title: 'Triệu tập về cơ quan lúc 15:00' });
    }, 300);
    const events = await readEvents(res, (ev) => ev.some((e) => e.event === 'notification'));
    expect(events[0]!.event).toBe('ready');
    const n = events.find((e) => e.event === 'notification')!;
    expect(JSON.parse(n.data).title).toBe('Triệu tập về cơ quan lúc 15:00');
    expect(n.id).toBe(JSON.parse(n.data).id);
  });

  it('resumes after the last event id on reconnection', async () => {
    t.clock.advance(1000);
    await notify(t.deps.db, t.deps.clock, { userIds: [userId], kind: 'a', title: 'Thứ nhất' });
    const first = (await c.get('/api/notifications')).body.notifications.find((x: any) => x.title === 'Thứ nhất');
    t.clock.advance(1000);
    await notify(t.deps.db, t.deps.clock, { userIds: [userId], kind: 'b', title: 'Thứ hai' });
    const events = await readEvents(await stream({ 'last-event-id': first.id }), (ev) => ev.some((e) => e.event === 'notification'));
    expect(events.filter((e) => e.event === 'notification').map((e) => JSON.parse(e.data).title)).toEqual(['Thứ hai']);
  });
});
