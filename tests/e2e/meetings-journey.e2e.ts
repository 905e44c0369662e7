/**
 * The meetings journey in a real browser (issue 10 item 4, PRODUCT.md I1): a unit head invites people to
 * an online meeting through "Lịch họp → Mời họp"; a staff member sees it on the home card "Cuộc họp hôm
 * nay" on a phone (360 px), opens it and answers "Tham dự"; the invitation e-mail arrives at a real SMTP
 * server (the server child process sends its outbox there through SMTP_URL) and its invite.ics parses
 * with ical.js; the staff member makes a calendar link ("Đăng ký lịch vào Outlook/điện thoại") and the
 * URL shown in the page, fetched without a session, is an iCalendar feed that contains the meeting.
 *
 * The server runs with NODE_ENV=test and a test clock at 08:30 of a working day (the browser's clock
 * starts at the server's time), with the scheduler on so that /api/test/tick sends the e-mail outbox.
 */
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWorkday } from '../../shared/domain/calendar/holidays';
import { addDays, formatDateVi, vnDateOf } from '../../shared/domain/dates';
import { apiSession, launchBrowser, openAs, startServer, testClock, webBuilt, type E2eServer } from './support';

function workingDay(): string {
  let d = vnDateOf(Date.now());
  for (let i = 0; i < 14 && !isWorkday(d); i++) d = addDays(d, -1);
  return d;
}

const DAY = workingDay();
const at = (hhmm: string) => `${DAY}T${hhmm}:00+07:00`;
const AGENCY = 'SNV Ninh Thuận';
const TITLE = 'Họp trực tuyến triển khai phương án làm việc tại nhà, tuần này';
const URL_ = 'https://meet.snv.ninhthuan.gov.vn/trien-khai-phuong-an';

interface Mail {
  to: string;
  subject: string;
  ics: string | null;
}
const mails: Mail[] = [];
let smtp: SMTPServer;
let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  expect(webBuilt(), 'build the web app first (npm run test:e2e)').toBe(true);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        const ics = mail.attachments.find((a) => a.filename === 'invite.ics');
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          subject: mail.subject ?? '',
          ics: ics ? ics.content.toString('utf8') : null,
        });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const port = (smtp.server.address() as { port: number }).port;
  server = await startServer('meetings', {
    NODE_ENV: 'test',
    TEST_CLOCK: at('08:30'),
    SESSION_IDLE_MINUTES: '600',
    SCHEDULER: '1',
    SMTP_URL: `smtp://127.0.0.1:${port}`,
  });
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise<void>((r) => smtp?.close(() => r()));
});

async function noHorizontalScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

describe('meetings journey: invitation in the app, by e-mail (ICS) and in a calendar feed', () => {
  let meetingId = '';
  let staffName = '';

  it('a unit head invites the staff member’s unit to an online meeting through the form', async () => {
    const staff = await apiSession(server.base, server.login(`Chuyên viên · ${AGENCY}`).username, server.login(`Chuyên viên · ${AGENCY}`).password);
    const me = (await staff.get('/auth/me')).body as { user: { displayName: string; personId: string } };
    staffName = me.user.displayName;
    const { context, page, errors } = await openAs(browser, server.base, server.login(`Trưởng phòng · ${AGENCY}`), { clock: await testClock.now(server.base) });
    const invitees = (await page.evaluate(async () => (await fetch('/api/meetings/invitees')).json())) as {
      people: { personId: string; unitName: string }[];
    };
    const staffUnit = invitees.people.find((p) => p.personId === me.user.personId)!.unitName;

    await page.goto(`${server.base}/meetings`);
    await page.getByRole('link', { name: 'Mời họp' }).click();
    await page.getByRole('heading', { name: 'Mời họp' }).waitFor();
    await page.getByRole('textbox', { name: 'Tên cuộc họp' }).fill(TITLE);
    expect(await page.getByRole('textbox', { name: 'Ngày họp' }).inputValue()).toBe(formatDateVi(DAY));
    await page.getByRole('textbox', { name: 'Giờ bắt đầu' }).fill('14:00');
    await page.getByRole('textbox', { name: 'Giờ kết thúc' }).fill('15:00');
    await page.getByRole('textbox', { name: 'Đường dẫn phòng họp trực tuyến' }).fill(URL_);
    // Pick the staff member's unit in the attendee picker and invite the whole unit.
    await page.getByRole('button', { name: 'Mời cả đơn vị' }).waitFor();
    await page.getByRole('combobox', { name: 'Đơn vị', exact: true }).click();
    await page.getByRole('option', { name: staffUnit, exact: true }).click();
    await page.getByRole('button', { name: 'Mời cả đơn vị' }).click();
    await page.getByText(staffName, { exact: false }).first().waitFor();
    const [created] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/meetings' && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Gửi thư mời' }).click(),
    ]);
    expect(created.status(), await created.text()).toBe(200);
    meetingId = ((await created.json()) as { id: string }).id;
    await page.waitForURL((u) => u.pathname === `/meetings/${meetingId}`);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await expect.poll(() => page.getByText(staffName).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('on a phone the staff member sees it on the home card, opens it and answers “Tham dự”', async () => {
    const { context, page, errors } = await openAs(browser, server.base, server.login(`Chuyên viên · ${AGENCY}`), {
      viewport: { width: 360, height: 740 },
      clock: await testClock.now(server.base),
    });
    await page.goto(`${server.base}/`);
    const card = page.getByRole('link', { name: new RegExp(`14:00–15:00 · ${TITLE}`) });
    await card.waitFor();
    await noHorizontalScroll(page);
    await card.click();
    await page.waitForURL((u) => u.pathname === `/meetings/${meetingId}`);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    const accept = page.getByRole('button', { name: 'Tham dự', exact: true });
    await accept.waitFor();
    expect(await accept.isVisible()).toBe(true);
    await accept.click();
    await page.getByText('Bạn đã trả lời: Tham dự').waitFor();
    await noHorizontalScroll(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the invitation e-mail reaches the SMTP server with an invite.ics that ical.js reads', async () => {
    await expect
      .poll(
        async () => {
          await testClock.tick(server.base);
          return mails.filter((m) => m.subject.includes(TITLE)).length;
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBeGreaterThan(0);
    const mail = mails.find((m) => m.subject.includes(TITLE) && m.ics)!;
    expect(mail.subject).toContain('Mời họp');
    const comp = new ICAL.Component(ICAL.parse(mail.ics!));
    expect(comp.getFirstPropertyValue('method')).toBe('REQUEST');
    const event = new ICAL.Event(comp.getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe(`${meetingId}@congvu`);
    expect(event.summary).toBe(TITLE);
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(at('14:00')).toISOString());
    expect(event.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toContain(`mailto:${mail.to.toLowerCase()}`);
  });

  it('the feed URL shown on the page, fetched without a session, is a calendar with the meeting', async () => {
    const { context, page } = await openAs(browser, server.base, server.login(`Chuyên viên · ${AGENCY}`), {
      viewport: { width: 360, height: 740 },
      clock: await testClock.now(server.base),
    });
    await page.goto(`${server.base}/meetings`);
    await page.getByRole('heading', { name: 'Đăng ký lịch vào Outlook/điện thoại' }).waitFor();
    await page.getByRole('button', { name: 'Tạo đường dẫn', exact: true }).click();
    const httpsInput = page.getByLabel('Đường dẫn https');
    await httpsInput.waitFor();
    const shown = await httpsInput.inputValue();
    expect(await page.getByLabel('Đường dẫn webcal (điện thoại)').inputValue()).toMatch(/^webcal:\/\//);
    await noHorizontalScroll(page);
    // The page shows the configured public address; the test server listens on its own port.
    const res = await fetch(`${server.base}${new URL(shown).pathname}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const comp = new ICAL.Component(ICAL.parse(await res.text()));
    expect(comp.getFirstPropertyValue('method')).toBe('PUBLISH');
    const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const mine = events.find((e) => e.uid === `${meetingId}@congvu`);
    expect(mine?.summary).toBe(TITLE);
    // "Tạo đường dẫn mới": the old URL stops working.
    await page.getByRole('button', { name: 'Tạo đường dẫn mới' }).click();
    await expect.poll(() => httpsInput.inputValue()).not.toBe(shown);
    expect((await fetch(`${server.base}${new URL(shown).pathname}`)).status).toBe(404);
    await context.close();
  });
});
