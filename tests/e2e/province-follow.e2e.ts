/**
 * The province follows the agencies' plans in a real browser, on a phone (360 px): the province sets
 * the deadline of Phụ lục 1 for this week, the Office of an agency sends its Phụ lục 1 from its home
 * page, the province sees it on time in "Theo dõi phương án các cơ quan", filters the agencies without
 * an approved roster and reminds an agency. No home page shows a placeholder card.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, launchBrowser, openAs, startServer, webBuilt, type E2eServer } from './support';

let server: E2eServer;
let browser: Browser;
const PHONE = { width: 360, height: 740 };

beforeAll(async () => {
  expect(webBuilt(), 'build the web app first (npm run test:e2e)').toBe(true);
  server = await startServer('follow');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function noHorizontalScroll(page: Page) {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scroll).toBeLessThanOrEqual(client);
}

describe('province follow of Phụ lục 1 (360 px)', () => {
  let rootId = '';

  it('the province sets this week’s deadline', async () => {
    const province = server.login('Cấp tỉnh · Thanh tra Sở Nội vụ');
    const s = await apiSession(server.base, province.username, province.password);
    const me = (await s.get('/auth/me')).body;
    const agencies = (await s.get('/org/agencies')).body.agencies as { id: string; path: string }[];
    rootId = agencies.find((a) => a.id === me.user.agencyId)!.path.split('/')[1]!;
    const follow = (await s.get(`/reports/follow?rootId=${rootId}&date=${new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)}`)).body;
    const deadline = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const res = await s.put('/reports/appendix1/deadlines', { rootId, fromDate: follow.from, toDate: follow.to, deadline });
    expect(res.status).toBe(200);
  });

  it('the Office sends Phụ lục 1 from its home page; no card is a placeholder', async () => {
    const office = server.login('Chánh Văn phòng · SNV Ninh Thuận');
    const s = await apiSession(server.base, office.username, office.password);
    const me = (await s.get('/auth/me')).body;
    const periods = (await s.get(`/reports/appendix1/agency?agencyId=${me.user.agencyId}`)).body.periods as {
      fromDate: string;
      toDate: string;
      toSend: boolean;
      deadline: unknown;
    }[];
    // This week's approved roster of the demo, under the deadline just set.
    const target = periods.find((p) => p.toSend && p.deadline);
    expect(target, JSON.stringify(periods)).toBeTruthy();
    const vi = (iso: string) => iso.split('-').reverse().join('/');
    const { context, page, errors } = await openAs(browser, server.base, office, { viewport: PHONE });
    try {
      await page.goto(`${server.base}/`);
      const card = page.locator('section', { has: page.getByRole('heading', { name: 'Phụ lục 1 gửi tỉnh' }) });
      await card.waitFor();
      await card.getByText('Hạn gửi tỉnh:').first().waitFor();
      await card.getByRole('button', { name: `Gửi Phụ lục 1 kỳ ${vi(target!.fromDate)} – ${vi(target!.toDate)} lên tỉnh` }).click();
      await card
        .getByText(/Đã gửi lúc/)
        .first()
        .waitFor();
      await page.getByRole('heading', { name: 'Đơn vị chưa gửi lịch' }).waitFor();
      await page.getByRole('heading', { name: 'Báo cáo 16:00' }).waitFor();
      expect(await page.getByText('Đang xây dựng').count()).toBe(0);
      await noHorizontalScroll(page);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the province sees it on time, filters agencies without a roster and reminds an agency', async () => {
    const { context, page, errors } = await openAs(browser, server.base, server.login('Cấp tỉnh · Thanh tra Sở Nội vụ'), { viewport: PHONE });
    try {
      await page.goto(`${server.base}/`);
      await page.getByRole('heading', { name: 'Phương án của các cơ quan' }).waitFor();
      await page.getByText(/Phụ lục 1 tuần này: [1-9]\d*\/\d+ cơ quan đã gửi/).waitFor();
      expect(await page.getByText('Đang xây dựng').count()).toBe(0);
      await page
        .locator('section', { has: page.getByRole('heading', { name: 'Phương án của các cơ quan' }) })
        .getByRole('link', { name: 'Theo dõi phương án các cơ quan' })
        .first() // one per province; the user's own province first
        .click();
      await page.getByRole('heading', { name: 'Theo dõi phương án các cơ quan', level: 2 }).waitFor();
      await page.getByText(/^Hạn gửi Phụ lục 1: \d\d:\d\d \d\d\/\d\d\/\d{4} — gửi Sở Nội vụ, Sở Thông tin và Truyền thông$/).waitFor();
      const snv = page.locator('li', { hasText: 'Sở Nội vụ' }).first();
      await snv.getByText('Phụ lục 1: Đúng hạn').waitFor();
      await noHorizontalScroll(page);
      // "Chưa có lịch": only agencies without an approved roster stay listed.
      await page.getByText(/^Chưa có lịch \(\d+\)$/).click();
      const shown = await page.locator('main li').count();
      const noRosterBadges = await page.locator('main li', { hasText: 'Chưa có lịch được phê duyệt' }).count();
      expect(shown).toBe(noRosterBadges);
      await page.getByText(/^Tất cả \(\d+\)$/).click();
      // "Nhắc tất cả" only while some agency has not sent; "Nhắc" one agency always.
      const notSent = Number((await page.getByText(/^Chưa gửi \(\d+\)$/).textContent())!.match(/\d+/)![0]);
      expect(await page.getByRole('button', { name: 'Nhắc tất cả cơ quan chưa gửi' }).isDisabled()).toBe(notSent === 0);
      await snv.getByRole('button', { name: /^Nhắc / }).click();
      await page.getByText('Đã nhắc 1 cơ quan', { exact: false }).waitFor();
      await noHorizontalScroll(page);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
