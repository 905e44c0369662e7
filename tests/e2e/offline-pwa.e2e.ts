/**
 * The app without a connection (issue 11, item 7), in a real browser:
 * - it is an installable web app: the manifest (not index.html) with its icons, a service worker that
 *   controls the page and serves the app shell when the network is gone;
 * - a change made offline is not silently greyed: the banner says the connection is lost and lists what
 *   is waiting ("Điểm danh"); nothing reaches the server until the connection is back; then the change is
 *   sent by itself, the banner says so, and the server has it exactly once.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWorkday } from '../../shared/domain/calendar/holidays';
import { addDays, vnDateOf } from '../../shared/domain/dates';
import { apiSession, launchBrowser, openAs, startServer, testClock, webBuilt, type E2eServer, type Login } from './support';

function workingDay(): string {
  let d = vnDateOf(Date.now());
  for (let i = 0; i < 14 && !isWorkday(d); i++) d = addDays(d, -1);
  return d;
}

const DAY = workingDay();

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  expect(webBuilt(), 'build the web app first (npm run test:e2e)').toBe(true);
  server = await startServer('offline', { NODE_ENV: 'test', TEST_CLOCK: `${DAY}T09:10:00+07:00`, SESSION_IDLE_MINUTES: '600' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface PresenceMe {
  mode: string | null;
  currentSession: string | null;
  sessions: { session: string; checkin: unknown | null }[];
}

describe('offline: installable app, changes kept and sent when the connection is back', () => {
  it('serves the manifest, the icons and the service worker as what they are', async () => {
    const manifest = await fetch(`${server.base}/manifest.webmanifest`);
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('content-type')).toContain('application/manifest+json');
    const m = (await manifest.json()) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; purpose?: string }[];
    };
    expect(m).toMatchObject({ short_name: 'Congvu', start_url: '/', display: 'standalone' });
    for (const size of ['192x192', '512x512']) {
      const icon = m.icons.find((i) => i.sizes === size && i.src.endsWith('.png'))!;
      const res = await fetch(`${server.base}${icon.src}`);
      expect(res.headers.get('content-type')).toBe('image/png');
      const bytes = new Uint8Array(await res.arrayBuffer());
      // PNG signature and the width in the IHDR chunk.
      expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
      expect(new DataView(bytes.buffer).getUint32(16)).toBe(Number(size.split('x')[0]));
    }
    expect(m.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    const sw = await fetch(`${server.base}/sw.js`);
    expect(sw.headers.get('content-type')).toContain('javascript');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
  });

  let who: Login | undefined;
  it('a check-in made offline waits, is listed, and is sent once when the connection is back', async () => {
    // A person of the demo at home today who has not checked in for the morning.
    for (const login of server.logins.filter((l) => l.role.startsWith('Chuyên viên · '))) {
      const s = await apiSession(server.base, login.username, login.password);
      const me = (await s.get('/presence/me')).body as PresenceMe;
      if (me.mode === 'wfh' && me.currentSession === 'morning' && !me.sessions.find((x) => x.session === 'morning')?.checkin) {
        who = login;
        break;
      }
    }
    expect(who, `a Chuyên viên at home on ${DAY}`).toBeTruthy();
    const check = await apiSession(server.base, who!.username, who!.password);

    const { context, page, errors } = await openAs(browser, server.base, who!, { clock: await testClock.now(server.base) });
    // The service worker installs and takes control of the page.
    const controlled = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      return !!reg.active && !!navigator.serviceWorker.controller;
    });
    expect(controlled).toBe(true);
    expect(await page.locator('link[rel=manifest]').getAttribute('href')).toBe('/manifest.webmanifest');

    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Điểm danh' }).click();
    const morning = page.getByRole('region', { name: 'Buổi sáng' });
    const button = morning.getByRole('button', { name: 'Điểm danh buổi sáng' });
    await button.waitFor();

    await context.setOffline(true);
    const banner = page.getByTestId('offline-banner');
    await banner.getByText('Mất kết nối mạng').waitFor();
    await button.click();
    await banner.getByText('1 thay đổi đang chờ gửi, sẽ tự gửi khi có mạng lại:').waitFor();
    await banner.getByRole('listitem').filter({ hasText: 'Điểm danh' }).waitFor();
    // Nothing reached the server.
    expect(((await check.get('/presence/me')).body as PresenceMe).sessions.find((x) => x.session === 'morning')!.checkin).toBeNull();

    // Without a connection, the app shell still opens from the service worker.
    const other = await context.newPage();
    const res = await other.goto(`${server.base}/tasks`);
    expect(res?.fromServiceWorker()).toBe(true);
    expect(await other.locator('#root').count()).toBe(1);
    await other.close();

    await context.setOffline(false);
    await page.getByTestId('online-again').getByText('Đã có mạng lại và đã gửi 1 thay đổi.').waitFor();
    await morning.getByText(/^Đã điểm danh lúc \d\d:\d\d$/).waitFor();
    const after = (await check.get('/presence/me')).body as PresenceMe;
    expect(after.sessions.find((x) => x.session === 'morning')!.checkin).not.toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('on a phone, a person at home checks in from the home page with one tap, the button in the first screen', async () => {
    let someone: Login | undefined;
    for (const login of server.logins.filter((l) => l.username !== who?.username && !l.role.startsWith('Quản trị') && !l.role.startsWith('Cấp tỉnh'))) {
      const me = (await (await apiSession(server.base, login.username, login.password)).get('/presence/me')).body as PresenceMe;
      if (me.mode === 'wfh' && me.currentSession === 'morning' && !me.sessions.find((x) => x.session === 'morning')?.checkin) {
        someone = login;
        break;
      }
    }
    expect(someone, `another demo login at home on ${DAY}, not checked in`).toBeTruthy();
    const { context, page, errors } = await openAs(browser, server.base, someone!, {
      viewport: { width: 360, height: 740 },
      clock: await testClock.now(server.base),
    });
    const button = page.getByTestId('checkin-now').getByRole('button', { name: 'Điểm danh buổi sáng' });
    await button.waitFor();
    const box = (await button.boundingBox())!;
    // Above the bottom bar (64 px) of a 740 px screen, without scrolling.
    expect(box.y + box.height).toBeLessThanOrEqual(740 - 64);
    await button.click();
    await page
      .getByText(/^Đã điểm danh buổi sáng lúc \d\d:\d\d\.$/)
      .first()
      .waitFor();
    await page.getByTestId('checkin-now').waitFor({ state: 'detached' });
    const after = (await (await apiSession(server.base, someone!.username, someone!.password)).get('/presence/me')).body as PresenceMe;
    expect(after.sessions.find((x) => x.session === 'morning')!.checkin).not.toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('after the session ends on the server, the login page says so', async () => {
    const { context, page } = await openAs(browser, server.base, who!, { clock: await testClock.now(server.base) });
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Công việc' }).click();
    // The password is changed from another device: the server ends this browser's session.
    const other = await apiSession(server.base, who!.username, who!.password);
    expect((await other.post('/auth/password', { currentPassword: who!.password, newPassword: 'Congvu@2026!Moi' })).status).toBe(200);
    await page.reload();
    await page.waitForURL((u) => u.pathname === '/login');
    await page
      .getByTestId('session-expired')
      .getByText(/Phiên làm việc đã kết thúc/)
      .waitFor();
    // Logging in again works (the new password).
    await page.locator('input[name=username]').fill(who!.username);
    await page.locator('input[name=password]').fill('Congvu@2026!Moi');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await context.close();
  });
});
