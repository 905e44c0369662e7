/**
 * The accountability journey in a real browser (issue 4, part 8): a unit head assigns a task to a
 * person working at home and summons another one; the person at home checks in for the afternoon and
 * works on the task (Nhận việc → Đang xử lý, a comment); the summoned person acknowledges the red
 * summons on the home page; at 16:00 (the test clock is moved and the scheduler run) the agency's
 * report reaches the province user with the counts the system computes, on screen and in the XLSX
 * export of the province report.
 *
 * The server runs with NODE_ENV=test and a test clock (TEST_CLOCK, POST /api/test/clock and
 * /api/test/tick) at 13:10 of a working day of the current week; the demo seed builds "this week"
 * around that day. Each browser context starts its own clock at the server's time, so the web app's
 * "today" is the server's. Sessions outlive the clock moves (SESSION_IDLE_MINUTES=600).
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWorkday } from '../../shared/domain/calendar/holidays';
import { addDays, formatDateVi, vnDateOf } from '../../shared/domain/dates';
import { apiSession, launchBrowser, openAs, startServer, testClock, webBuilt, type Actor, type ApiSession, type E2eServer, type Login } from './support';

/** A working day of the current week in Vietnam: today, or the last working day before it. */
function workingDay(): string {
  let d = vnDateOf(Date.now());
  for (let i = 0; i < 14 && !isWorkday(d); i++) d = addDays(d, -1);
  return d;
}

const DAY = workingDay();
const at = (hhmm: string) => `${DAY}T${hhmm}:00+07:00`;
const TASK_TITLE = 'Rà soát hồ sơ đề nghị tinh giản biên chế đợt 2';
const COMMENT = 'Đã rà soát 12/15 hồ sơ, còn 3 hồ sơ chờ bổ sung minh chứng.';
const SUMMONS_REASON = 'Ký hồ sơ tinh giản biên chế gửi UBND tỉnh';
const SUMMONS_TIME = '15:00';

/** formatRatio of web/features/reports/model.ts: 100 → "100,0%", null → "—". */
const ratioText = (r: number | null) => (r === null ? '—' : `${r.toFixed(1).replace('.', ',')}%`);

interface Appendix2Row {
  personId: string;
  unitId: string;
  wfhDays: number;
  assigned: number;
  processed: number;
  processedRatio: number | null;
  notProcessed: number;
  notProcessedRatio: number | null;
}

interface DailyReport {
  frozen: boolean;
  frozenAt: string | null;
  content: { appendix2: { agencies: { agencyId: string; rows: Appendix2Row[] }[] }; presence: { atHome: number; checkedIn: number } };
}

interface Person {
  personId: string;
  fullName: string;
  login: Login;
}

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  expect(webBuilt(), 'build the web app first (npm run test:e2e)').toBe(true);
  server = await startServer('accountability', { NODE_ENV: 'test', TEST_CLOCK: at('13:10'), SESSION_IDLE_MINUTES: '600' });
  expect(server.logins.length).toBeGreaterThan(5);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A logged-in browser whose clock is the server's. */
async function as(who: Login): Promise<Actor> {
  return openAs(browser, server.base, who, { clock: await testClock.now(server.base) });
}

function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Điều hướng chính' });
}

/** The notification toast with this text (Mantine notifications). */
async function toast(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor();
}

describe('accountability journey: check-in, tasks, summons, the 16:00 report at the province', () => {
  let head: Login;
  let office: ApiSession;
  let agencyId = '';
  let agencyName = '';
  let rootId = '';
  let rootName = '';
  /** Gets the task, checks in and works on it. */
  let worker: Person;
  /** Is summoned to the office. */
  let summoned: Person;
  let before: Appendix2Row;

  it('finds a unit head of the demo whose unit has people at home today', async () => {
    const admin = server.login('Quản trị hệ thống (admin)');
    const a = await apiSession(server.base, admin.username, admin.password);
    const agencies = (await a.get('/org/agencies')).body.agencies as { id: string; path: string; name: string }[];
    const province = server.login('Cấp tỉnh · Thanh tra Sở Nội vụ');
    const provinceMe = (await (await apiSession(server.base, province.username, province.password)).get('/auth/me')).body;
    const rootOf = (agency: string) => agencies.find((x) => x.id === agency)!.path.split('/')[1]!;
    const ownRoot = rootOf(provinceMe.user.agencyId);
    interface Candidate {
      login: Login;
      agencyId: string;
      atHome: { personId: string; fullName: string }[];
    }
    const viable: Candidate[] = [];
    for (const candidate of server.logins.filter((l) => /^(Trưởng phòng|Phó Trưởng phòng) · /.test(l.role))) {
      const s = await apiSession(server.base, candidate.username, candidate.password);
      const me = (await s.get('/auth/me')).body;
      const grant = me.grants.find((g: { role: string }) => g.role === 'unit_head' || g.role === 'unit_deputy');
      if (!grant?.unitId) continue;
      const today = (await s.get(`/roster/today?unitId=${grant.unitId}`)).body as {
        date: string;
        units: { people: { personId: string; fullName: string; role: string; mode: string | null }[] }[];
      };
      expect(today.date).toBe(DAY);
      // Staff members first (their pages have no leader tabs).
      const atHome = today.units
        .flatMap((u) => u.people)
        .filter((p) => p.mode === 'wfh' && p.personId !== me.user.personId)
        .sort((x, y) => Number(y.role === 'staff') - Number(x.role === 'staff'));
      if (atHome.length >= 2) viable.push({ login: candidate, agencyId: grant.agencyId, atHome });
    }
    // A head of the province user's own province (the province summary opens on it), a Trưởng phòng if possible.
    const own = viable.filter((c) => rootOf(c.agencyId) === ownRoot);
    const chosen = own.find((c) => c.login.role.startsWith('Trưởng phòng')) ?? own[0] ?? viable[0];
    expect(chosen, `a unit head with two people at home on ${DAY}`).toBeTruthy();
    head = chosen!.login;
    agencyId = chosen!.agencyId;
    agencyName = agencies.find((x) => x.id === agencyId)!.name;
    rootId = rootOf(agencyId);
    rootName = agencies.find((x) => x.id === rootId)!.name;
    const people: Person[] = [];
    for (const p of chosen!.atHome.slice(0, 2)) {
      const account = (await a.get(`/org/people/${p.personId}/account`)).body.account as { username: string };
      people.push({ personId: p.personId, fullName: p.fullName, login: { role: p.fullName, username: account.username, password: head.password } });
    }
    [worker, summoned] = people as [Person, Person];
    const officeLogin = server.login(`Chánh Văn phòng · ${head.role.split(' · ')[1]}`);
    office = await apiSession(server.base, officeLogin.username, officeLogin.password);
    // The system's figures before the journey: the worker's line of today's 16:00 report (preview).
    const preview = (await office.get(`/reports/daily?agencyId=${agencyId}&date=${DAY}`)).body as DailyReport;
    expect(preview.frozen).toBe(false);
    before = preview.content.appendix2.agencies.flatMap((x) => x.rows).find((r) => r.personId === worker.personId)!;
    expect(before, 'the worker is in the report: at home today').toBeTruthy();
  });

  it('the unit head assigns a task to a person at home, with a deadline, and summons another', async () => {
    const { context, page, errors } = await as(head);
    const deadline = addDays(DAY, 3);

    await mainNav(page).getByRole('link', { name: 'Công việc' }).click();
    await page.getByRole('button', { name: 'Giao việc' }).click();
    const dialog = page.getByRole('dialog', { name: 'Giao việc' });
    await dialog.getByRole('textbox', { name: 'Tên việc / trích yếu' }).fill(TASK_TITLE);
    await dialog.getByRole('textbox', { name: 'Nội dung, yêu cầu' }).fill('Đối chiếu hồ sơ với Nghị định 108/2014/NĐ-CP, báo cáo trước hạn.');
    const lead = dialog.getByRole('combobox', { name: 'Người chủ trì' });
    await expect.poll(() => lead.isEnabled()).toBe(true);
    await lead.click();
    await lead.fill(worker.fullName);
    await page.getByRole('option', { name: worker.fullName, exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Hạn xử lý' }).fill(formatDateVi(deadline));
    await dialog.getByRole('radio', { name: 'Cao' }).check();
    await dialog.getByRole('button', { name: 'Giao việc' }).click();
    await toast(page, `Đã giao việc “${TASK_TITLE}” cho ${worker.fullName}.`);
    await dialog.waitFor({ state: 'hidden' });

    // The task is in "Việc tôi giao" with its lead and deadline.
    await page.getByRole('tab', { name: 'Việc tôi giao' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `Mở công việc: ${TASK_TITLE}` }) });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain(worker.fullName);
    expect(await row.innerText()).toContain(formatDateVi(deadline));

    // Điểm danh → Ai ở đâu → Triệu tập the other person at home.
    await mainNav(page).getByRole('link', { name: 'Điểm danh' }).click();
    await page.getByRole('tab', { name: 'Ai ở đâu' }).click();
    // The person's line of the unit's table (the "Chưa điểm danh quá 30 phút" list above may offer it too).
    const summonedRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${summoned.fullName}`) }) });
    await summonedRow.getByRole('button', { name: `Triệu tập ${summoned.fullName} về cơ quan` }).click();
    const modal = page.getByRole('dialog', { name: 'Triệu tập về cơ quan' });
    await modal.getByText(`Người được triệu tập: ${summoned.fullName}`).waitFor();
    await modal.getByRole('textbox', { name: 'Lý do triệu tập' }).fill(SUMMONS_REASON);
    expect(await modal.getByRole('textbox', { name: 'Ngày có mặt' }).inputValue()).toBe(formatDateVi(DAY));
    await modal.getByRole('textbox', { name: 'Giờ có mặt (24 giờ)' }).fill(SUMMONS_TIME);
    await modal.getByRole('button', { name: 'Gửi lệnh triệu tập' }).click();
    await toast(page, `Đã gửi lệnh triệu tập đến ${summoned.fullName}.`);
    await modal.waitFor({ state: 'hidden' });
    // The board shows the open summons on the person's line.
    await expect.poll(() => summonedRow.innerText()).toMatch(new RegExp(`Chờ xác nhận\\s+${SUMMONS_TIME}`));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the person at home checks in for the afternoon, receives the task, starts it and comments', async () => {
    await testClock.set(server.base, at('13:25'));
    const { context, page, errors } = await as(worker.login);

    await mainNav(page).getByRole('link', { name: 'Điểm danh' }).click();
    const afternoon = page.getByRole('region', { name: 'Buổi chiều' });
    await afternoon.getByText('Chưa điểm danh').waitFor();
    await afternoon.getByRole('button', { name: 'Điểm danh buổi chiều' }).click();
    await toast(page, /^Đã điểm danh buổi chiều lúc 13:2\d\.$/);
    await afternoon.getByText(/^Đã điểm danh lúc 13:2\d$/).waitFor();
    await afternoon.getByText('Đúng giờ').waitFor();
    expect(await afternoon.getByRole('button', { name: 'Điểm danh buổi chiều' }).count()).toBe(0);

    await mainNav(page).getByRole('link', { name: 'Công việc' }).click();
    // A staff member has one list, "Việc của tôi" (no tabs).
    await page.getByRole('link', { name: `Mở công việc: ${TASK_TITLE}` }).click();
    await page.getByRole('heading', { name: TASK_TITLE }).waitFor();
    const actions = page.getByRole('group', { name: 'Thao tác' });
    await actions.getByRole('button', { name: 'Nhận việc' }).click();
    await toast(page, 'Đã nhận việc.');
    await actions.getByRole('button', { name: 'Bắt đầu xử lý' }).click();
    await toast(page, 'Đã chuyển sang Đang xử lý.');
    const status = page.getByRole('region', { name: 'Trạng thái' });
    await status.getByText('Đang xử lý', { exact: true }).waitFor();

    await page.getByRole('textbox', { name: 'Ý kiến của bạn' }).fill(COMMENT);
    await page.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await toast(page, 'Đã gửi ý kiến.');
    await page.getByRole('region', { name: 'Ý kiến, trao đổi (1)' }).waitFor();
    // The timeline: the comment and the status changes, each by the worker.
    const timeline = page.getByRole('region', { name: 'Diễn biến xử lý' });
    const comment = timeline.getByRole('listitem').filter({ hasText: COMMENT });
    await comment.waitFor();
    expect((await comment.innerText()).replace(/\s+/g, ' ')).toContain(`Ý kiến · ${worker.fullName}`);
    await timeline.getByRole('listitem').filter({ hasText: 'Mới giao → Đã nhận' }).waitFor();
    await timeline.getByRole('listitem').filter({ hasText: 'Đã nhận → Đang xử lý' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the summoned person sees the red summons on the home page and acknowledges it', async () => {
    const { context, page, errors } = await as(summoned.login);
    const banner = page.getByRole('alert').filter({ hasText: `Triệu tập: có mặt tại cơ quan lúc ${SUMMONS_TIME}` });
    await banner.waitFor();
    expect(await banner.innerText()).toContain(`Lý do: ${SUMMONS_REASON}`);
    await banner.getByRole('button', { name: `Xác nhận đã nhận lệnh triệu tập có mặt lúc ${SUMMONS_TIME}` }).click();
    await toast(page, `Đã xác nhận lệnh triệu tập. Hãy có mặt tại cơ quan lúc ${SUMMONS_TIME}.`);
    // No open summons left: the red banner is gone from the home page.
    await banner.waitFor({ state: 'detached' });
    // On Điểm danh it stays as an acknowledged reminder.
    await mainNav(page).getByRole('link', { name: 'Điểm danh' }).click();
    const kept = page.getByRole('status').filter({ hasText: `Triệu tập: có mặt tại cơ quan lúc ${SUMMONS_TIME}` });
    await kept.getByText(/^Bạn đã nhận lúc \d\d:\d\d /).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('at 16:00 the agency report is frozen and reaches the province user with the counts of the system', async () => {
    // What the system computes before the freeze: the worker processed the new task.
    const live = (await office.get(`/reports/daily?agencyId=${agencyId}&date=${DAY}`)).body as DailyReport;
    const liveRow = live.content.appendix2.agencies.flatMap((x) => x.rows).find((r) => r.personId === worker.personId)!;
    expect(liveRow.assigned).toBe(before.assigned + 1);
    expect(liveRow.processed).toBe(before.processed + 1);

    await testClock.set(server.base, at('16:01'));
    const tick = await testClock.tick(server.base);
    expect(tick.errors).toEqual([]);
    expect(tick.ran).toContain(`agency-report:${agencyId}:${DAY}`);

    // The expected figures: the frozen report as the Office reads it through the API.
    const frozen = (await office.get(`/reports/daily?agencyId=${agencyId}&date=${DAY}`)).body as DailyReport;
    expect(frozen.frozen).toBe(true);
    const expected = frozen.content.appendix2.agencies.flatMap((x) => x.rows).find((r) => r.personId === worker.personId)!;
    expect(expected).toEqual(liveRow);
    expect(expected.processed).toBeGreaterThanOrEqual(1);
    expect(expected.assigned).toBeGreaterThanOrEqual(expected.processed);

    const { context, page, errors } = await as(server.login('Cấp tỉnh · Thanh tra Sở Nội vụ'));
    await mainNav(page).getByRole('link', { name: 'Báo cáo' }).click();
    await page.getByRole('tab', { name: 'Tổng hợp tỉnh', selected: true }).waitFor();
    const province = page.getByRole('combobox', { name: 'Tỉnh' });
    if ((await province.count()) > 0 && (await province.inputValue()) !== rootName) {
      await province.click();
      await page.getByRole('option', { name: rootName, exact: true }).click();
    }
    await page.getByRole('heading', { name: `Tổng hợp báo cáo của tỉnh ngày ${formatDateVi(DAY)}` }).waitFor();
    const submissions = page.getByRole('region', { name: 'Báo cáo 16:00 của các cơ quan' });
    const sent = submissions.getByRole('listitem').filter({ has: page.getByRole('link', { name: agencyName, exact: true }) });
    await sent.waitFor();
    expect(await sent.innerText()).toContain(`Gửi lúc 16:01 ${formatDateVi(DAY)}`);

    // Its 16:00 report: frozen, with the worker's line exactly as the system computed it.
    await sent.getByRole('link', { name: agencyName, exact: true }).click();
    await page.getByRole('heading', { name: `Báo cáo 16:00 ngày ${formatDateVi(DAY)}` }).waitFor();
    await page
      .getByText(`Đã chốt lúc 16:01 ${formatDateVi(DAY)}`)
      .first()
      .waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: worker.fullName, exact: true }) });
    await expect.poll(() => row.count()).toBe(1);
    const cells = (await row.getByRole('cell').allInnerTexts()).map((s) => s.trim());
    // Stt, then: assigned, processed, ratio, not processed, ratio.
    expect(cells.slice(1)).toEqual([
      String(expected.assigned),
      String(expected.processed),
      ratioText(expected.processedRatio),
      String(expected.notProcessed),
      ratioText(expected.notProcessedRatio),
    ]);
    // Everything assigned was processed (the demo seeds no other task): "100,0%".
    if (expected.processed === expected.assigned) expect(cells[3]).toBe('100,0%');
    // The check-in figure of the report (the worker checked in).
    expect(frozen.content.presence.checkedIn).toBeGreaterThanOrEqual(1);
    await page.getByText(`${frozen.content.presence.checkedIn}/${frozen.content.presence.atHome} người`).first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the XLSX export of the province report has the worker’s line with the same counts', async () => {
    const frozen = (await office.get(`/reports/daily?agencyId=${agencyId}&date=${DAY}`)).body as DailyReport;
    const expected = frozen.content.appendix2.agencies.flatMap((x) => x.rows).find((r) => r.personId === worker.personId)!;

    const { context, page, errors } = await as(server.login('Cấp tỉnh · Thanh tra Sở Nội vụ'));
    await page.goto(`${server.base}/reports/province?rootId=${rootId}&date=${DAY}`);
    const report = page.getByRole('region', { name: 'Báo cáo tổng hợp 17:00' });
    await report.getByRole('row').filter({ hasText: agencyName }).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), report.getByRole('button', { name: 'Xuất XLSX' }).click()]);
    const file = path.join(server.dataDir, download.suggestedFilename());
    await download.saveAs(file);
    expect(path.extname(file)).toBe('.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    const lines: unknown[][] = [];
    ws.eachRow((r, i) => {
      if (i > 7) lines.push([1, 2, 3, 4, 5, 6, 7].map((c) => r.getCell(c).value));
    });
    const agencyAt = lines.findIndex((l) => l[1] === agencyName);
    expect(agencyAt, `${agencyName} in the export`).toBeGreaterThanOrEqual(0);
    const mine = lines.filter((l) => l[1] === worker.fullName);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.slice(2)).toEqual([
      expected.assigned,
      expected.processed,
      ratioText(expected.processedRatio),
      expected.notProcessed,
      ratioText(expected.notProcessedRatio),
    ]);
    // The worker's line is under the agency's line.
    expect(lines.indexOf(mine[0]!)).toBeGreaterThan(agencyAt);
    expect(errors).toEqual([]);
    await context.close();
  });
});
