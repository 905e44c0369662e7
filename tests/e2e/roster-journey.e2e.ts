/**
 * The roster journey in a real browser (C1-C5): a unit head fills the unit's roster for the period
 * being registered, sees a violation, fixes it and sends it to the Office; the Office compiles; the
 * Director approves; a staff member sees the days in "Lịch của tôi"; the Office downloads Phụ lục 1
 * (XLSX) and its rows are the people at home on each date.
 *
 * The server runs as a child process on a free port with a fresh PGlite folder and the demo data; the
 * demo logins are read from what it prints (./support.ts). The web app must be built first
 * (`npm run test:e2e` does it). Chromium: /usr/bin/chromium or CHROMIUM_PATH.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, apiSession, launchBrowser, openAs, startServer, webBuilt, type Actor, type E2eServer } from './support';

const AGENCY = 'SNV Ninh Thuận';

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  expect(webBuilt(), 'build the web app first (npm run test:e2e)').toBe(true);
  server = await startServer('roster');
  expect(server.logins.length).toBeGreaterThan(5);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const login = (role: string) => server.login(role);

/** A browser context logged in as the demo login of `role` (Vietnamese UI, Vietnam's time zone). */
function as(role: string, viewport = { width: 1280, height: 800 }): Promise<Actor> {
  return openAs(browser, server.base, login(role), { viewport });
}

interface Grid {
  status: string;
  version: number | null;
}

const MODE_WORDS: Record<string, string> = {
  'làm việc tại cơ quan': 'onsite',
  'làm việc tại nhà': 'wfh',
  'nghỉ phép': 'leave',
  'đi công tác': 'business_trip',
};
const SHORT_WORD: Record<string, string> = { onsite: 'Tại cơ quan', wfh: 'Tại nhà', leave: 'Nghỉ phép', business_trip: 'Công tác' };

describe('roster journey: unit head → Office → Director → staff, Phụ lục 1', () => {
  let agencyId = '';
  let periodId = '';
  let workdays: string[] = [];
  /** person name → date → mode, as the unit head left the grid. */
  const headGrid = new Map<string, Map<string, string>>();
  let unitId = '';

  it('a unit head fills the roster, sees a violation, fixes it and sends it to the Office', async () => {
    const { context, page, errors } = await as(`Trưởng phòng · ${AGENCY}`);
    const me = await apiGet<{ grants: { role: string; agencyId: string; unitId: string | null }[] }>(page, '/auth/me');
    const head = me.grants.find((g) => g.role === 'unit_head')!;
    agencyId = head.agencyId;
    unitId = head.unitId!;
    const { periods } = await apiGet<{ periods: { id: string; status: string; fromDate: string; toDate: string; workdays: string[] }[] }>(
      page,
      `/roster/periods?agencyId=${agencyId}`,
    );
    const open = periods.filter((p) => p.status === 'collecting').sort((a, b) => (a.fromDate < b.fromDate ? -1 : 1))[0]!;
    expect(open, 'the demo has a period being registered').toBeTruthy();
    periodId = open.id;
    workdays = open.workdays;

    await page.goto(`${server.base}/roster/unit?period=${periodId}`);
    const cells = page.locator('button.roster-cell');
    await expect.poll(() => cells.count()).toBeGreaterThan(0);
    const rows = (await cells.count()) / workdays.length;

    // Row by row with the keyboard: Shift+C fills the row "tại cơ quan", then N on one day for staff.
    await cells.first().focus();
    for (let r = 0; r < rows; r++) {
      await page.keyboard.press('Home');
      await page.keyboard.press('Shift+C');
      if (r >= 2) {
        for (let d = 0; d < r % workdays.length; d++) await page.keyboard.press('ArrowRight');
        await page.keyboard.press('n');
      }
      await page.keyboard.press('ArrowDown');
    }
    // One cell left empty: a blocking violation, and "Gửi Văn phòng" is not possible.
    await cells.last().focus();
    await page.keyboard.press('Delete');
    const blocking = page.locator('li[data-severity="block"]');
    await expect.poll(() => blocking.count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('li[data-rule="missing_assignment"]').count()).toBe(1);
    expect(await page.locator('li[data-rule="missing_assignment"]').innerText()).toContain('chưa được phân công');
    expect(await page.getByRole('button', { name: 'Gửi Văn phòng' }).isDisabled()).toBe(true);

    // Fix every blocking violation from the list: it focuses the cell, C puts the person on site.
    for (let i = 0; i < 20 && (await blocking.count()) > 0; i++) {
      await blocking.first().getByRole('button').click();
      await page.keyboard.press('c');
    }
    expect(await blocking.count()).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: 'Gửi Văn phòng' }).isDisabled()).toBe(false);

    // What the grid says now (aria-labels "Name, T2 30/11: làm việc tại nhà, …").
    for (const label of await cells.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))) {
      const m = /^(.+), (?:T\d|CN) (\d\d)\/(\d\d): ([^,]+)/.exec(label);
      expect(m, label).toBeTruthy();
      const date = workdays.find((d) => d.slice(8, 10) === m![2] && d.slice(5, 7) === m![3])!;
      const mode = MODE_WORDS[m![4]!];
      expect(mode, label).toBeTruthy();
      if (!headGrid.has(m![1]!)) headGrid.set(m![1]!, new Map());
      headGrid.get(m![1]!)!.set(date, mode!);
    }

    await page.getByRole('button', { name: 'Gửi Văn phòng' }).click();
    await page
      .getByText(/Đã gửi lịch của đơn vị cho Văn phòng|Đã gửi Văn phòng, kèm/)
      .first()
      .waitFor();
    await expect.poll(async () => (await apiGet<Grid>(page, `/roster/periods/${periodId}/units/${unitId}`)).status).toBe('submitted');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the other units send theirs (each by its own head, through the API)', async () => {
    const admin = login('Quản trị hệ thống (admin)');
    const a = await apiSession(server.base, admin.username, admin.password);
    const people = (await a.get(`/org/people?agencyId=${agencyId}`)).body.people as { id: string; unitId: string; position: string; hasAccount: boolean }[];
    const accounts = new Map<string, { username: string; grants: { role: string; unitId: string | null }[] }>();
    for (const p of people.filter((x) => x.hasAccount)) accounts.set(p.id, (await a.get(`/org/people/${p.id}/account`)).body.account);
    for (const unit of [...new Set(people.map((p) => p.unitId))]) {
      if (unit === unitId) continue;
      const members = people.filter((p) => p.unitId === unit);
      let head = members
        .map((p) => accounts.get(p.id))
        .find((acc) => acc?.grants.some((g) => (g.role === 'unit_head' || g.role === 'unit_deputy') && g.unitId === unit));
      if (!head) {
        // Nobody registers the Ban Giám đốc's roster in the demo data (no unit grant there): the admin
        // lets the Director do it, or the agency could never be compiled.
        const leader = members.find((p) => p.position === 'director') ?? members[0]!;
        const acc = accounts.get(leader.id)!;
        const roles = [...new Set([...acc.grants.map((g) => g.role), 'unit_head'])];
        expect((await a.put(`/org/people/${leader.id}/account`, { username: acc.username, roles })).status).toBe(200);
        head = acc;
      }
      const s = await apiSession(server.base, head.username, login(`Trưởng phòng · ${AGENCY}`).password);
      let grid = (await s.get(`/roster/periods/${periodId}/units/${unit}`)).body as Grid;
      if (grid.status === 'submitted') continue;
      expect((await s.post(`/roster/periods/${periodId}/units/${unit}/generate`, { version: grid.version ?? 0 })).status).toBe(200);
      grid = (await s.get(`/roster/periods/${periodId}/units/${unit}`)).body as Grid;
      const sent = await s.post(`/roster/periods/${periodId}/units/${unit}/submit`, { version: grid.version });
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    }
  });

  it('the Office compiles and submits the agency roster for approval', async () => {
    const { context, page, errors } = await as(`Chánh Văn phòng · ${AGENCY}`);
    await page.goto(`${server.base}/roster/agency?period=${periodId}`);
    await page.getByText(/Đã gửi \d+\/\d+ đơn vị/).waitFor();
    await page.getByRole('button', { name: 'Tổng hợp, trình phê duyệt' }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Tổng hợp, trình phê duyệt' }).click();
    await page.getByText('Đã tổng hợp và trình lãnh đạo phê duyệt.').first().waitFor();
    await page.getByText('Lịch đã được tổng hợp và đang chờ lãnh đạo phê duyệt.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the Director approves it', async () => {
    const { context, page, errors } = await as(`Giám đốc · ${AGENCY}`);
    await page.goto(`${server.base}/approvals`);
    const card = page.getByRole('region', { name: /Lịch làm việc .* – / }).first();
    await card.getByText('Theo ngày, toàn cơ quan').waitFor();
    await card.getByRole('button', { name: 'Phê duyệt' }).click();
    await page.getByRole('dialog').getByLabel('Ý kiến (không bắt buộc)').fill('Đồng ý, công bố lịch.');
    await page.getByRole('dialog').getByRole('button', { name: 'Phê duyệt' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã phê duyệt phiên bản 1' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a staff member of the unit sees the approved days in "Lịch của tôi"', async () => {
    const { context, page, errors } = await as(`Chuyên viên · ${AGENCY}`);
    const me = await apiGet<{ user: { displayName: string } }>(page, '/auth/me');
    const mine = headGrid.get(me.user.displayName);
    expect(mine, `${me.user.displayName} is in the unit the head filled`).toBeTruthy();
    await page.goto(`${server.base}/my-schedule?from=${workdays[0]}`);
    await page
      .getByRole('heading', { name: /^Tuần / })
      .first()
      .waitFor();
    for (const date of workdays) {
      const [y, m, d] = date.split('-');
      const day = page
        .locator('li')
        .filter({ hasText: `${d}/${m}/${y}` })
        .first();
      await expect.poll(() => day.innerText()).toContain(SHORT_WORD[mine!.get(date)!]!);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the Office downloads Phụ lục 1 (XLSX): one row per date with the people at home', async () => {
    const { context, page, errors } = await as(`Chánh Văn phòng · ${AGENCY}`);
    await page.goto(`${server.base}/roster/agency?period=${periodId}`);
    await page.getByText('Bản đã phê duyệt', { exact: true }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Phụ lục 1 (XLSX)' }).click()]);
    const file = path.join(server.dataDir, 'phu-luc-1.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    const rows: { n: number; names: string[] }[] = [];
    ws.eachRow((row, i) => {
      if (i > 4)
        rows.push({
          n: Number(row.getCell(1).value),
          // One name per line; a namesake in the agency is followed by "(unit)" (server/modules/roster/appendix1.ts).
          names: String(row.getCell(3).value ?? '')
            .split('\n')
            .filter(Boolean)
            .map((n) => n.replace(/ \(.*\)$/, ''))
            .sort(),
        });
    });
    // Expected: the approved roster's people at home on each working day.
    const exported = await apiGet<{
      instance: { people: { id: string; name: string }[] };
      roster: { assignments: { personId: string; date: string; mode: string }[] };
    }>(page, `/roster/periods/${periodId}/export`);
    const name = new Map(exported.instance.people.map((p) => [p.id, p.name]));
    expect(rows.map((r) => r.n)).toEqual(workdays.map((_, i) => i + 1));
    workdays.forEach((date, i) => {
      const atHome = exported.roster.assignments
        .filter((a) => a.date === date && a.mode === 'wfh')
        .map((a) => name.get(a.personId)!)
        .sort();
      expect(rows[i]!.names, date).toEqual(atHome);
      // The unit head's "tại nhà" cells are in it.
      for (const [person, days] of headGrid) if (days.get(date) === 'wfh') expect(rows[i]!.names, `${person} ${date}`).toContain(person);
    });
    expect(rows.some((r) => r.names.length > 0)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the unit head is told before changing the approved roster that it becomes version 2 and needs approval again', async () => {
    const { context, page, errors } = await as(`Trưởng phòng · ${AGENCY}`);
    await page.goto(`${server.base}/roster/unit?period=${periodId}`);
    const banner = page.getByTestId('approved-version');
    await banner.getByText('Lịch đã được phê duyệt — phiên bản 1').waitFor();
    expect(await banner.innerText()).toContain('thay đổi thành bản nháp phiên bản 2');
    const cells = page.locator('button.roster-cell');
    await expect.poll(() => cells.count()).toBeGreaterThan(0);
    const before = await cells.first().getAttribute('aria-label');
    const key = before?.includes('làm việc tại nhà') ? 'c' : 'n';
    // The first edit asks first; "Hủy" changes nothing.
    await cells.first().focus();
    await page.keyboard.press(key);
    const dialog = page.getByRole('dialog', { name: 'Sửa lịch đã phê duyệt?' });
    await dialog.getByText(/Thay đổi sẽ tạo phiên bản 2, phải gửi lại Văn phòng/).waitFor();
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await cells.first().getAttribute('aria-label')).toBe(before);
    // Confirmed, the edit applies and the banner says which version is being made.
    await cells.first().focus();
    await page.keyboard.press(key);
    await dialog.getByRole('button', { name: 'Sửa, tạo phiên bản mới' }).click();
    await expect.poll(() => cells.first().getAttribute('aria-label')).not.toBe(before);
    await banner.getByText(/Bạn đang sửa thành phiên bản 2 \(bản nháp\)/).waitFor();
    // Nothing is saved until "Lưu": the approved schedule is untouched.
    expect((await apiGet<Grid>(page, `/roster/periods/${periodId}/units/${unitId}`)).status).toBe('approved');
    expect(errors).toEqual([]);
    await context.close();
  });
});
