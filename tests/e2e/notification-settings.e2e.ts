/**
 * Cài đặt thông báo in a real browser on a 360 px phone (issue 10 item 6): the Chief of Office opens it from
 * the bell, chooses the daily digest, adds a chat-group webhook (the secret shown once), presses "Gửi thử",
 * and a real HTTP receiver verifies the signed test with nothing but that secret. No horizontal scroll, no
 * serious accessibility finding.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report, scan } from './a11y-scan';
import { launchBrowser, openAs, startServer, webBuilt, type E2eServer } from './support';

let server: E2eServer;
let browser: Browser;
let receiver: Server;
let receiverUrl: string;
const hits: { headers: IncomingHttpHeaders; raw: string }[] = [];

function verified(h: { headers: IncomingHttpHeaders; raw: string }, secret: string): boolean {
  const ts = String(h.headers['x-congvu-timestamp'] ?? '');
  if (Math.abs(Date.now() / 1000 - Number(ts)) > 300) return false;
  const expected = `sha256=${createHmac('sha256', secret).update(`${ts}.${h.raw}`).digest('hex')}`;
  const got = String(h.headers['x-congvu-signature'] ?? '');
  return got.length === expected.length && timingSafeEqual(Buffer.from(got), Buffer.from(expected));
}

beforeAll(async () => {
  expect(webBuilt(), 'build the web app first (npm run test:e2e)').toBe(true);
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/zalo-bridge`;
  server = await startServer('notification-settings');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise<void>((r) => receiver.close(() => r()));
});

describe('Cài đặt thông báo', () => {
  it('the Office chooses the digest and adds a chat-group webhook whose test a receiver verifies, at 360 px', async () => {
    const office = server.logins.find((l) => l.role.startsWith('Chánh Văn phòng · '))!;
    const { context, page, errors } = await openAs(browser, server.base, office, { viewport: { width: 360, height: 740 } });
    await page.getByRole('button', { name: /^Thông báo/ }).click();
    await page.getByRole('button', { name: 'Cài đặt thông báo' }).click();
    await page.getByRole('heading', { name: 'Cài đặt thông báo', level: 1 }).waitFor();

    await page.getByRole('radio', { name: 'Tóm tắt hằng ngày' }).check();
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await page.getByText('Đã lưu cài đặt thông báo.').waitFor();
    const prefs = await page.evaluate(async () => (await fetch('/api/notifications/prefs')).json());
    expect(prefs.email).toBe('digest');

    await page.getByRole('button', { name: 'Thêm kênh' }).click();
    await page.getByRole('textbox', { name: 'Tên kênh' }).fill('Nhóm Zalo Văn phòng');
    await page.getByRole('textbox', { name: /Địa chỉ nhận/ }).fill(receiverUrl);
    await page.getByRole('button', { name: 'Tạo kênh' }).click();
    const secret = (await page.getByTestId('webhook-secret').textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    expect(await page.getByRole('button', { name: 'Sao chép khóa' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const findings = await scan(page, 'Cài đặt thông báo (360 px)');
    expect(findings, report(findings)).toEqual([]);
    await page.getByRole('button', { name: 'Tôi đã lưu khóa' }).click();
    expect(await page.getByText(secret).count()).toBe(0);

    await page.getByRole('group', { name: 'Thao tác với kênh Nhóm Zalo Văn phòng' }).getByRole('button', { name: 'Gửi thử' }).click();
    await page.getByText('Máy nhận đã nhận tin thử (HTTP 204).').waitFor();
    expect(hits).toHaveLength(1);
    expect(verified(hits[0]!, secret)).toBe(true);
    expect(JSON.parse(hits[0]!.raw)).toMatchObject({ kind: 'test', title: 'Tin nhắn thử từ Congvu' });
    await page.getByText(/Lần gửi gần nhất .*: thành công/).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
    await context.close();
  });
});
