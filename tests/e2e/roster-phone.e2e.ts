/**
 * A 160-person unit's roster on a phone (issue 11, item 5): the violations summary comes before the
 * people, the day view shows 20 people per page (not a 20,000 px page), and typing a name in "Tìm theo
 * tên" (without accents) leaves only that person's row. The unit of the demo's "Trưởng phòng · SNV Ninh
 * Thuận" is filled to 160 people through the API first. On a desktop the grid shows 50 people a page and a
 * violation shown turns to the page of its person.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldName } from '../../web/features/roster/search';
import { apiSession, launchBrowser, openAs, startServer, webBuilt, type E2eServer } from './support';

const HEAD = 'Trưởng phòng · SNV Ninh Thuận';
const TARGET = 'Hoàng Thị Xuyến';
const SIZE = 160;

let server: E2eServer;
let browser: Browser;
let agencyId = '';
let periodId = '';

beforeAll(async () => {
  expect(webBuilt(), 'build the web app first (npm run test:e2e)').toBe(true);
  server = await startServer('roster-phone');
  browser = await launchBrowser();

  const head = server.login(HEAD);
  const h = await apiSession(server.base, head.username, head.password);
  const me = (await h.get('/auth/me')).body as { grants: { role: string; agencyId: string; unitId: string | null }[] };
  const grant = me.grants.find((g) => g.role === 'unit_head')!;
  agencyId = grant.agencyId;
  const periods = (await h.get(`/roster/periods?agencyId=${agencyId}`)).body.periods as { id: string; status: string; fromDate: string }[];
  periodId = periods.filter((p) => p.status === 'collecting').sort((a, b) => (a.fromDate < b.fromDate ? -1 : 1))[0]!.id;

  const admin = server.login('Quản trị hệ thống (admin)');
  const a = await apiSession(server.base, admin.username, admin.password);
  const people = (await a.get(`/org/people?agencyId=${agencyId}`)).body.people as { unitId: string; fullName: string }[];
  const inUnit = people.filter((p) => p.unitId === grant.unitId);
  const add = [TARGET, ...Array.from({ length: SIZE - inUnit.length - 1 }, (_, i) => `Cán bộ Thử ${String(i + 1).padStart(3, '0')}`)];
  for (const fullName of add) {
    const res = await a.post('/org/people', { unitId: grant.unitId, fullName, position: 'staff', hasComputer: true, hasEofficeAccess: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  // Nobody else of the unit answers the search typed below.
  expect([...inUnit.map((p) => p.fullName), ...add].filter((n) => foldName(n).startsWith('hoang thi xuyen'))).toEqual([TARGET]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a 160-person unit roster on a 360 px phone', () => {
  it('shows the violations first, 20 people per page, and finds a person by name without accents', async () => {
    const { context, page, errors } = await openAs(browser, server.base, server.login(HEAD), { viewport: { width: 360, height: 740 } });
    try {
      await page.goto(`${server.base}/roster/unit?period=${periodId}`);
      const rows = page.locator('.roster-seg');
      await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(20);
      expect(await page.getByText(`Người 1–20 trong ${SIZE}`).count()).toBe(1);
      expect(await page.getByRole('navigation', { name: 'Trang danh sách người' }).count()).toBe(1);

      // The summary of the violations is above the people (the empty registration breaks rules).
      const digest = page.getByTestId('violation-digest');
      const heading = await digest.getByRole('heading').innerText();
      expect(heading).toMatch(/^Tóm tắt vi phạm: \d+ vi phạm$/);
      expect(Number(/(\d+) vi phạm$/.exec(heading)![1])).toBeGreaterThan(0);
      const digestBox = (await digest.boundingBox())!;
      const firstRow = (await rows.first().boundingBox())!;
      expect(digestBox.y + digestBox.height).toBeLessThan(firstRow.y);

      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      console.log(`roster-phone: ${SIZE} people at 360 px, page height ${height} px (20 per page)`);
      expect(width, 'no horizontal scroll at 360 px').toBeLessThanOrEqual(360);

      // The next page holds the next people.
      const firstName = await rows.first().getAttribute('aria-label');
      await page.getByRole('button', { name: 'Trang 2' }).click();
      await expect.poll(() => page.getByText(`Người 21–40 trong ${SIZE}`).count()).toBe(1);
      expect(await rows.first().getAttribute('aria-label')).not.toBe(firstName);

      // Search without accents: only that person's row is left.
      await page.getByLabel('Tìm theo tên').fill('hoang thi xuyen');
      await expect.poll(() => rows.count()).toBe(1);
      expect(await rows.first().getAttribute('aria-label')).toContain(TARGET);
      expect(await page.getByText(`Đang hiện 1/${SIZE} người`).count()).toBe(1);
      await page.getByRole('button', { name: 'Xóa tìm kiếm' }).click();
      await expect.poll(() => rows.count()).toBe(20);

      // A person of the summary filters the roster to them.
      const person = digest.locator('button[data-person]').first();
      const name = (await person.innerText()).replace(/ · \d+$/, '');
      await person.click();
      expect(await page.getByLabel('Tìm theo tên').inputValue()).toBe(name);
      await expect.poll(async () => (await rows.allInnerTexts()).length).toBeGreaterThan(0);
      for (const label of await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))) expect(label).toContain(name);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the same unit on a desktop', () => {
  it('shows 50 people a page, counts for the whole unit, and a violation shown turns to its person’s page', async () => {
    const { context, page, errors } = await openAs(browser, server.base, server.login(HEAD), { viewport: { width: 1280, height: 900 } });
    const names = async () => (await rows.allInnerTexts()).map((t) => t.split('\n')[0]!.trim());
    const rows = page.locator('table tbody th[scope="row"]');
    try {
      await page.goto(`${server.base}/roster/unit?period=${periodId}`);
      await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(50);
      expect(await page.getByText(`Người 1–50 trong ${SIZE}`).count()).toBe(1);
      const firstPage = await names();
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      console.log(`roster-phone: ${SIZE} people at 1280 px, page height ${height} px (50 per page)`);

      await page.getByRole('navigation', { name: 'Trang danh sách người' }).getByRole('button', { name: 'Trang 4' }).click();
      await expect.poll(() => rows.count()).toBe(SIZE - 150);
      expect(await page.getByText(`Người 151–160 trong ${SIZE}`).count()).toBe(1);
      const lastPage = await names();
      expect(lastPage.filter((n) => firstPage.includes(n))).toEqual([]);

      // A violation of someone on page 1 (the empty registration leaves everyone unassigned): showing it turns the grid to page 1.
      const labels = await page
        .getByRole('button', { name: /— Xem các ô liên quan$/ })
        .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      const index = labels.findIndex((l) => firstPage.some((n) => l.startsWith(n)));
      expect(index, labels.join('\n')).toBeGreaterThanOrEqual(0);
      await page
        .getByRole('button', { name: /— Xem các ô liên quan$/ })
        .nth(index)
        .click();
      await expect.poll(() => page.getByText(`Người 1–50 trong ${SIZE}`).count()).toBe(1);
      expect(await names()).toEqual(firstPage);

      // Searching looks through every page: a person of page 4 is found from page 1.
      await page.getByLabel('Tìm theo tên').fill(lastPage[0]!);
      await expect.poll(() => rows.count()).toBe(1);
      expect(await names()).toEqual([lastPage[0]]);
      expect(await page.getByRole('navigation', { name: 'Trang danh sách người' }).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
