/**
 * The leave journey in a real browser (issue 10, items 1, 5, 8): a staff member asks for annual leave on
 * two days of the approved roster week; the unit head approves it from "Chờ tôi duyệt" with one tap; the
 * Director approves it on the request; the request shows two valid signatures; "Lịch của tôi" and the
 * unit's roster show "Nghỉ phép" on those days; the unit head's bell tells them. Then, on a 360 px phone,
 * the staff member asks to come to the office on a day at home and the unit head agrees with one tap: the
 * day shows "Tại cơ quan". Last, the unit head names the deputy as acting approver (the deputy's home shows
 * the banner) and revokes it.
 *
 * The server runs with NODE_ENV=test and a test clock set to 07:30 on the Monday of the demo's approved
 * week (the demo seeds this week's roster approved and published), so the days asked are still ahead.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWorkday } from '../../shared/domain/calendar';
import { addDays, vnDateOf, weekday } from '../../shared/domain/dates';
import { apiGet, launchBrowser, openAs, startServer, testClock, webBuilt, type Actor, type E2eServer } from './support';

const AGENCY = 'SNV Ninh Thuận';
/** The pages load their data on a shared, busy machine: wait up to 15 s for a state to show. */
const POLL = { timeout: 15_000 };
const STAFF = `Chuyên viên · ${AGENCY}`;
const HEAD = `Trưởng phòng · ${AGENCY}`;
const DIRECTOR = `Giám đốc · ${AGENCY}`;

/** The Monday of this week in Vietnam, or of a later week whose days are all working days (no holiday in the way). */
function monday(): string {
  const today = vnDateOf(Date.now());
  let m = addDays(today, -((weekday(today) + 6) % 7));
  for (let i = 0; i < 8; i++, m = addDays(m, 7)) if ([0, 1, 2, 3, 4].every((d) => isWorkday(addDays(m, d)))) return m;
  return m;
}

const MONDAY = monday();
const WEEK = [0, 1, 2, 3, 4].map((d) => addDays(MONDAY, d));
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

interface ScheduleDay {
  date: string;
  mode: string | null;
}

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  expect(webBuilt(), 'build the web app first (npm run test:e2e)').toBe(true);
  server = await startServer('leave', { NODE_ENV: 'test', TEST_CLOCK: `${MONDAY}T07:30:00+07:00`, SESSION_IDLE_MINUTES: '600' });
  expect(server.logins.length).toBeGreaterThan(5);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function as(role: string, viewport = { width: 1280, height: 800 }): Promise<Actor> {
  return openAs(browser, server.base, server.login(role), { viewport, clock: await testClock.now(server.base) });
}

/** Chooses an option of a Mantine Select by its label. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** With LEAVE_SHOTS=<folder>, saves a screenshot of the page there (to look at the screens; no assertion). */
async function shot(page: Page, name: string) {
  if (process.env.LEAVE_SHOTS) await page.screenshot({ path: `${process.env.LEAVE_SHOTS}/${name}.png`, fullPage: true });
}

/** The day of "Lịch của tôi" (a list item with the date dd/mm/yyyy). */
function dayItem(page: Page, iso: string) {
  return page
    .locator('li')
    .filter({ hasText: dmy(iso) })
    .first();
}

describe('leave journey: staff → unit head → Director → roster, and one-tap office visit at 360 px', () => {
  let staffName = '';
  let leaveDays: string[] = [];
  let officeDay = '';
  let requestId = '';
  let requestNumber = '';

  it('the staff member asks for annual leave on two days of the approved week', async () => {
    const { context, page, errors } = await as(STAFF);
    const me = await apiGet<{ user: { displayName: string } }>(page, '/auth/me');
    staffName = me.user.displayName;
    const mine = await apiGet<{ days: ScheduleDay[] }>(page, `/roster/my-schedule?from=${WEEK[0]}&to=${WEEK[4]}`);
    expect(mine.days.filter((d) => d.mode).length, 'the approved week is published').toBe(5);
    // A day at home for the office visit later; the leave takes two other consecutive days.
    officeDay = mine.days.find((d) => d.mode === 'wfh')?.date ?? '';
    expect(officeDay, 'the staff member works at home on some day of the week').not.toBe('');
    const others = WEEK.filter((d) => d !== officeDay);
    const start = others.findIndex((d, i) => others[i + 1] === addDays(d, 1));
    leaveDays = [others[start]!, others[start + 1]!];

    await page.goto(`${server.base}/leave`);
    await page.getByRole('link', { name: 'Tạo đơn' }).click();
    await page.getByRole('heading', { name: 'Tạo đơn' }).waitFor();
    await page.getByRole('textbox', { name: 'Từ ngày', exact: true }).fill(dmy(leaveDays[0]!));
    await page.getByRole('textbox', { name: 'Đến ngày', exact: true }).fill(dmy(leaveDays[1]!));
    await page.getByRole('textbox', { name: 'Lý do', exact: true }).fill('Về quê dự đám cưới em gái');
    await page.getByTestId('working-days').getByText('Số ngày làm việc: 2 ngày').waitFor();
    await page.getByText(/Phép năm \d{4} còn lại: \d+ ngày/).waitFor();
    await shot(page, 'new-request');
    await page.getByRole('button', { name: 'Gửi đơn' }).click();
    await page.waitForURL(/\/leave\/lvr/);
    requestId = new URL(page.url()).pathname.split('/').pop()!;
    const view = await apiGet<{ number: string; status: string; steps: { role: string }[] }>(page, `/leave/requests/${requestId}`);
    requestNumber = view.number;
    expect(view.status).toBe('pending');
    expect(view.steps.map((s) => s.role)).toEqual(['unit_head', 'director']);
    await page.getByRole('heading', { name: `Nghỉ phép năm – ${requestNumber}` }).waitFor();
    await page.getByText('Chờ duyệt', { exact: true }).first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the unit head approves it from "Chờ tôi duyệt" with one tap', async () => {
    const { context, page, errors } = await as(HEAD);
    await page.goto(`${server.base}/leave/to-decide`);
    const item = page.locator(`li[data-request-id="${requestId}"]`);
    await item.waitFor();
    expect(await item.innerText()).toContain(staffName);
    await item.getByRole('button', { name: `Duyệt đơn ${requestNumber} của ${staffName}` }).click();
    await page.getByText(`Đã duyệt đơn ${requestNumber} của ${staffName}.`).first().waitFor();
    // The request moves on to the Director: it no longer waits for the unit head.
    await item.waitFor({ state: 'detached' });
    const view = await apiGet<{ status: string; currentStep: number }>(page, `/leave/requests/${requestId}`);
    expect(view).toMatchObject({ status: 'pending', currentStep: 1 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the Director approves it on the request; two valid signatures and the roster effect show', async () => {
    const { context, page, errors } = await as(DIRECTOR);
    // The Director's home says what waits: the card "Đơn chờ duyệt" lists the request.
    const card = page.getByRole('region', { name: 'Đơn chờ duyệt' });
    await card.getByText(/\d+ đơn chờ bạn duyệt/).waitFor();
    expect(await card.locator(`li[data-request-id="${requestId}"]`).innerText()).toContain(staffName);
    await shot(page, 'director-home');
    await page.goto(`${server.base}/leave/to-decide`);
    await page.getByRole('link', { name: `Xem đơn ${requestNumber}` }).click();
    await page.getByRole('heading', { name: `Nghỉ phép năm – ${requestNumber}` }).waitFor();
    await page.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await page.getByText('Đã duyệt đơn.').first().waitFor();
    await expect.poll(() => page.locator('[data-signature="valid"]').count(), POLL).toBe(2);
    expect(await page.locator('[data-signature="invalid"]').count()).toBe(0);
    expect(await page.getByText('Chữ ký hợp lệ').count()).toBe(2);
    const days = page.getByTestId('roster-days');
    for (const d of leaveDays) expect(await days.innerText()).toContain(`${dmy(d)}: Nghỉ phép`);
    await page.getByRole('button', { name: 'Kiểm tra lại chữ ký' }).click();
    await page.getByText(`Tất cả chữ ký của đơn ${requestNumber} hợp lệ.`).waitFor();
    await shot(page, 'request-approved');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the staff member sees the approved request with both signatures, and "Nghỉ phép" in "Lịch của tôi"', async () => {
    const { context, page, errors } = await as(STAFF);
    await page.goto(`${server.base}/leave`);
    const item = page.locator(`li[data-request-id="${requestId}"]`);
    await item.getByText('Đã duyệt').waitFor();
    await item.getByRole('link', { name: `Xem đơn ${requestNumber}` }).click();
    await expect.poll(() => page.locator('[data-signature="valid"]').count(), POLL).toBe(2);
    await page.goto(`${server.base}/my-schedule?from=${MONDAY}`);
    await page
      .getByRole('heading', { name: /^Tuần / })
      .first()
      .waitFor();
    for (const d of leaveDays) await expect.poll(() => dayItem(page, d).innerText(), POLL).toContain('Nghỉ phép');
    // "Phép năm": the two days are taken; the card shows what is left, as the server counts it.
    const year = Number(leaveDays[0]!.slice(0, 4));
    const me = await apiGet<{ user: { personId: string } }>(page, '/auth/me');
    const { items } = await apiGet<{ items: { personId: string; taken: number; remaining: number }[] }>(
      page,
      `/leave/balances?year=${year}&personId=${me.user.personId}`,
    );
    const balance = items.find((b) => b.personId === me.user.personId)!;
    expect(balance.taken).toBeGreaterThanOrEqual(2);
    await page.goto(`${server.base}/leave/balances`);
    const mine = page.getByRole('region', { name: `Phép năm của tôi – ${year}` });
    await mine.getByText(`${balance.remaining} ngày`).first().waitFor();
    await shot(page, 'balances');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the unit's roster shows the leave and the unit head's bell tells about the request and the roster change", async () => {
    const { context, page, errors } = await as(HEAD);
    const view = await apiGet<{ rosterEffect: { violations: unknown[] } | null }>(page, `/leave/requests/${requestId}`);
    expect(view.rosterEffect).not.toBeNull();
    // The unit roster of the approved week: the staff member's cells on the leave days say "nghỉ phép".
    const me = await apiGet<{ grants: { role: string; agencyId: string }[] }>(page, '/auth/me');
    const agencyId = me.grants.find((g) => g.role === 'unit_head')!.agencyId;
    const { periods } = await apiGet<{ periods: { id: string; fromDate: string; toDate: string }[] }>(page, `/roster/periods?agencyId=${agencyId}`);
    const period = periods.find((p) => p.fromDate <= leaveDays[0]! && leaveDays[1]! <= p.toDate)!;
    expect(period, 'a period covers the leave days').toBeTruthy();
    await page.goto(`${server.base}/roster/unit?period=${period.id}`);
    await page.locator('button.roster-cell').first().waitFor();
    for (const d of leaveDays) {
      const cell = page.locator(`button.roster-cell[aria-label^="${staffName}, "][aria-label*="${dmy(d).slice(0, 5)}: "]`);
      await expect.poll(() => cell.first().getAttribute('aria-label'), POLL).toMatch(/: nghỉ phép/);
    }
    // The bell: the request that waited for them, and the rule problems if the change broke one.
    await page.getByRole('button', { name: /^Thông báo/ }).click();
    const list = page.getByRole('list', { name: /thông báo/i });
    await list
      .getByText(new RegExp(`số ${requestNumber.replace(/\//g, '\\/')} của ${staffName}`))
      .first()
      .waitFor();
    // …and that the unit's roster changed: a rule problem if the change broke one, else the update itself.
    await list
      .getByText(view.rosterEffect!.violations.length ? /vi phạm quy định sau khi duyệt đơn số/ : /Lịch của đơn vị đã cập nhật theo đơn số/)
      .first()
      .waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('at 360 px the staff member asks to come to the office and the unit head agrees with one tap', async () => {
    const phone = { width: 360, height: 740 };
    const staff = await as(STAFF, phone);
    await staff.page.goto(`${server.base}/leave/new`);
    await choose(staff.page, 'Loại đơn', 'Xin lên cơ quan làm việc');
    await staff.page.getByRole('textbox', { name: 'Từ ngày', exact: true }).fill(dmy(officeDay));
    await staff.page.getByRole('textbox', { name: 'Đến ngày', exact: true }).fill(dmy(officeDay));
    await staff.page.getByRole('textbox', { name: 'Lý do', exact: true }).fill('Lấy hồ sơ giấy để hoàn thiện báo cáo gấp');
    await shot(staff.page, 'office-request-360');
    await staff.page.getByRole('button', { name: 'Gửi đơn' }).click();
    await staff.page.waitForURL(/\/leave\/lvr/);
    const officeId = new URL(staff.page.url()).pathname.split('/').pop()!;
    const office = await apiGet<{ number: string; steps: { role: string }[] }>(staff.page, `/leave/requests/${officeId}`);
    expect(office.steps.map((s) => s.role)).toEqual(['unit_head']);

    const head = await as(HEAD, phone);
    await head.page.goto(`${server.base}/leave/to-decide`);
    const item = head.page.locator(`li[data-request-id="${officeId}"]`);
    const approve = item.getByRole('button', { name: `Duyệt đơn ${office.number} của ${staffName}` });
    await approve.waitFor();
    await approve.scrollIntoViewIfNeeded();
    await shot(head.page, 'to-decide-360');
    const box = (await approve.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(phone.width);
    expect(await head.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await approve.click();
    await head.page.getByText(`Đã duyệt đơn ${office.number} của ${staffName}.`).first().waitFor();
    expect((await apiGet<{ status: string }>(head.page, `/leave/requests/${officeId}`)).status).toBe('approved');

    await staff.page.goto(`${server.base}/my-schedule?from=${MONDAY}`);
    await staff.page
      .getByRole('heading', { name: /^Tuần / })
      .first()
      .waitFor();
    await expect.poll(() => dayItem(staff.page, officeDay).innerText(), POLL).toContain('Tại cơ quan');
    expect(await staff.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    expect(staff.errors).toEqual([]);
    expect(head.errors).toEqual([]);
    await staff.context.close();
    await head.context.close();
  });
  it('the unit head names the deputy as acting approver: the deputy sees the banner at home; the unit head revokes it', async () => {
    const deputy = await as(`Phó Trưởng phòng · ${AGENCY}`);
    const deputyName = (await apiGet<{ user: { displayName: string } }>(deputy.page, '/auth/me')).user.displayName;
    const head = await as(HEAD);
    const headName = (await apiGet<{ user: { displayName: string } }>(head.page, '/auth/me')).user.displayName;
    await head.page.goto(`${server.base}/leave/acting`);
    const who = head.page.getByRole('combobox', { name: 'Người được ủy quyền', exact: true });
    await who.click();
    await who.fill(deputyName);
    await head.page.getByRole('option').filter({ hasText: deputyName }).first().click();
    await head.page.getByRole('textbox', { name: 'Từ ngày', exact: true }).fill(dmy(WEEK[0]!));
    await head.page.getByRole('textbox', { name: 'Đến ngày', exact: true }).fill(dmy(WEEK[4]!));
    await head.page.getByRole('radio', { name: 'Duyệt đơn và lịch' }).check();
    await head.page.getByRole('button', { name: 'Ủy quyền', exact: true }).click();
    await head.page.getByText(`Đã ủy quyền cho ${deputyName}.`).first().waitFor();
    // The demo may hold other delegations of the same pair: this one is told by its dates.
    const item = head.page
      .locator('li[data-acting-id]')
      .filter({ hasText: deputyName })
      .filter({ hasText: `${dmy(WEEK[0]!)} – ${dmy(WEEK[4]!)}` })
      .first();
    await item.getByText('Đang hiệu lực').waitFor();
    await shot(head.page, 'acting');

    await deputy.page.goto(`${server.base}/`);
    const banner = deputy.page.getByTestId('acting-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain(`Đang được ủy quyền thay ${headName} đến hết ${dmy(WEEK[4]!)} (Duyệt đơn và lịch).`);

    await item.getByRole('button', { name: `Thu hồi ủy quyền cho ${deputyName}` }).click();
    await head.page.getByRole('dialog').getByRole('button', { name: 'Thu hồi', exact: true }).click();
    await head.page.getByText('Đã thu hồi ủy quyền.').first().waitFor();
    await item.getByText('Đã thu hồi').waitFor();
    await deputy.page.reload();
    await deputy.page.getByRole('heading', { name: /^Xin chào/ }).waitFor();
    await expect.poll(() => deputy.page.getByText(`Đang được ủy quyền thay ${headName} đến hết ${dmy(WEEK[4]!)}`).count(), POLL).toBe(0);
    expect(head.errors).toEqual([]);
    expect(deputy.errors).toEqual([]);
    await head.context.close();
    await deputy.context.close();
  });
});
