/**
 * The audit log screen in a real browser (issue 8): a Chief of Office opens "Nhật ký hệ thống" from the
 * menu and sees their agency's rows; a forged write sent from the page (wrong CSRF token) is refused and
 * appears at the top of the log; on a 360 px phone the log is a list of cards without horizontal scroll;
 * the admin checks the integrity of the hash chains. Logging in through the form is itself a same-origin
 * POST: the Origin check lets the browser's own requests through.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openAs, startServer, webBuilt, type E2eServer, type Login } from './support';

let server: E2eServer;
let browser: Browser;
let office: Login;

beforeAll(async () => {
  expect(webBuilt(), 'build the web app first (npm run test:e2e)').toBe(true);
  server = await startServer('audit');
  office = server.logins.find((l) => l.role.startsWith('Chánh Văn phòng · '))!;
  expect(office).toBeDefined();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Điều hướng chính' });
}

describe('Nhật ký hệ thống', () => {
  it("shows the Office its agency's log from the menu, and a refused forged write at the top", async () => {
    const { context, page, errors } = await openAs(browser, server.base, office);
    await mainNav(page).getByRole('link', { name: 'Nhật ký hệ thống' }).click();
    await page.getByRole('heading', { name: 'Nhật ký hệ thống', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Bảng nhật ký hệ thống' });
    await table.getByText('Tạo dữ liệu mẫu').first().waitFor();
    // A write from the page with a wrong token: same origin, so the Origin check passes; the token does not.
    const status = await page.evaluate(
      async () =>
        (await fetch('/api/auth/password', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': 'forged' }, body: '{}' })).status,
    );
    expect(status).toBe(403);
    await page.reload();
    const firstRow = page.getByRole('table', { name: 'Bảng nhật ký hệ thống' }).locator('tbody tr').first();
    await firstRow.getByText('Từ chối yêu cầu giả mạo (CSRF/Origin)').waitFor();
    expect(await firstRow.textContent()).toContain('/api/auth/password');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is a list of cards on a 360 px phone, without horizontal scrolling', async () => {
    const { context, page, errors } = await openAs(browser, server.base, office, { viewport: { width: 360, height: 740 } });
    await page.goto(`${server.base}/audit`);
    const cards = page.getByRole('list', { name: 'Bảng nhật ký hệ thống' });
    await cards.getByText('Tạo dữ liệu mẫu').first().waitFor();
    expect(await page.getByRole('table', { name: 'Bảng nhật ký hệ thống' }).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets the admin check the integrity of the log', async () => {
    const { context, page, errors } = await openAs(browser, server.base, server.login('Quản trị hệ thống (admin)'));
    await page.goto(`${server.base}/audit`);
    await page.getByRole('button', { name: 'Kiểm tra toàn vẹn' }).click();
    await page.getByText(/Nhật ký toàn vẹn: \d+ chuỗi, \d+ dòng/).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
