/**
 * The documents journey in a real browser (issue 9): at SNV Ninh Thuận the văn thư registers an
 * incoming document with its PDF and submits it to the Director; the Director sends it to a unit
 * (directive, deadline); the unit head assigns it to a specialist; the specialist drafts the reply
 * (recipient: LĐTBXH Đắk Nông, signer: the Director) and submits it; the unit head initials it; the
 * Office returns it twice for format with reasons (the specialist edits the draft in between: a new
 * version with its differences); the second return escalates it (the agency's threshold is set to one
 * return for the test), which the Director sees on the home page and on the document; it then goes
 * through format check, the Director's signature (own name), numbering and issuance; the văn thư of
 * LĐTBXH Đắk Nông finds it in their Văn bản đến. The lists and the detail are also opened at 360 px:
 * no horizontal scroll, the main action visible without scrolling.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatDateVi, vnDateOf } from '../../shared/domain/dates';
import { apiGet, launchBrowser, openAs, startServer, webBuilt, type Actor, type E2eServer } from './support';

const AGENCY = 'SNV Ninh Thuận';
const OTHER = 'LĐTBXH Đắk Nông';
const TODAY = vnDateOf(Date.now());
const IN_SUBJECT = 'V/v rà soát, báo cáo số liệu công chức làm việc tại nhà đợt 3';
const IN_NUMBER = '3456/UBND-VX';
const DIRECTIVE = 'Giao Phòng chủ trì tham mưu văn bản trả lời, trình trước hạn.';
const OUT_SUBJECT = 'V/v báo cáo số liệu công chức làm việc tại nhà đợt 3';
const RETURN_1 = 'Sai thể thức: thiếu "Nơi nhận" và "Lưu: VT".';
const RETURN_2 = 'Trích yếu chưa đúng mẫu công văn trả lời.';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

let server: E2eServer;
let browser: Browser;
const actors: Actor[] = [];

beforeAll(async () => {
  expect(webBuilt(), 'build the web app first (npm run test:e2e)').toBe(true);
  server = await startServer('documents', { SESSION_IDLE_MINUTES: '600' });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const a of actors) await a.context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

async function as(role: string, viewport?: { width: number; height: number }): Promise<Actor> {
  const a = await openAs(browser, server.base, server.login(role), viewport ? { viewport } : {});
  actors.push(a);
  return a;
}

function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Điều hướng chính' });
}

/** A write with the page's session (setup only). */
async function pageSend<T>(page: Page, method: string, p: string, body: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = await (await fetch('/api/auth/me')).json();
      const res = await fetch(url, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    { method, url: `/api${p}`, body },
  ) as Promise<T>;
}

/** Chooses an option of a Mantine Select / MultiSelect (typing first when it is searchable); `exact` matches the whole option. */
async function pick(page: Page, combobox: ReturnType<Page['getByRole']>, text: string, exact = true) {
  await combobox.click();
  if ((await combobox.getAttribute('readonly')) === null) await combobox.fill(text);
  const option = exact ? page.getByRole('option', { name: text, exact: true }) : page.getByRole('option').filter({ hasText: text }).first();
  await option.click();
}

/** Clicks a workflow button of the detail page, answers its dialog (optional) and waits for the new state. */
async function step(page: Page, button: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByRole('region', { name: 'Xử lý' }).getByRole('button', { name: button, exact: true }).click();
  if (fill) {
    const dialog = page.getByRole('dialog', { name: button });
    await fill(dialog);
    await dialog.getByRole('button', { name: button, exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
  await page.getByText(`Đã thực hiện: ${button}.`).first().waitFor();
}

async function openDoc(page: Page, id: string) {
  await page.goto(`${server.base}/documents/${id}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

async function statusOf(page: Page, id: string): Promise<{ status: string; returnCount: number; escalated: boolean; version: number }> {
  return apiGet(page, `/documents/${id}`);
}

/** No horizontal page scroll at this width, and `main` (the primary action) inside the first screen. */
async function fitsPhone(page: Page, main: ReturnType<Page['getByRole']>) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  const box = await main.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y + box!.height).toBeLessThanOrEqual(740);
  expect(box!.x + box!.width).toBeLessThanOrEqual(360);
}

describe('documents journey: arrives, is assigned, answered, returned twice, escalated, signed, issued and received', () => {
  let office: Actor;
  let director: Actor;
  let head: Actor;
  let staff: Actor;
  let agencyId = '';
  let directorName = '';
  let unitName = '';
  let staffName = '';
  let inId = '';
  let outId = '';

  it('the văn thư registers the incoming document with its PDF and submits it to the Director', async () => {
    office = await as(`Văn thư · ${AGENCY}`);
    head = await as(`Trưởng phòng · ${AGENCY}`);
    staff = await as(`Chuyên viên · ${AGENCY}`);
    const me = await apiGet<{ user: { agencyId: string } }>(office.page, '/auth/me');
    agencyId = me.user.agencyId;
    const headMe = await apiGet<{ user: { unitId: string } }>(head.page, '/auth/me');
    const staffMe = await apiGet<{ user: { displayName: string } }>(staff.page, '/auth/me');
    staffName = staffMe.user.displayName;
    const units = await apiGet<{ units: { id: string; name: string }[] }>(office.page, `/org/agencies/${agencyId}/units`);
    unitName = units.units.find((u) => u.id === headMe.user.unitId)!.name;
    const options = await apiGet<{ leaders: { fullName: string; position: string }[] }>(office.page, `/documents/options?agencyId=${agencyId}`);
    directorName = options.leaders.find((l) => l.position === 'director')!.fullName;
    // Setup: one return is the most this agency tolerates before the Director is told.
    const settings = await apiGet<Record<string, unknown>>(office.page, `/documents/settings?agencyId=${agencyId}`);
    await pageSend(office.page, 'PUT', '/documents/settings', { agencyId, maxReturns: 1, stepDays: Number(settings.stepDays), unitCodes: settings.unitCodes });

    const { page, errors } = office;
    await mainNav(page).getByRole('link', { name: 'Văn bản đến' }).click();
    await page.getByRole('heading', { name: 'Văn bản đến', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Vào sổ văn bản đến' }).click();
    await page.getByRole('textbox', { name: 'Cơ quan ban hành' }).fill('UBND tỉnh Ninh Thuận');
    await page.getByRole('textbox', { name: 'Số, ký hiệu văn bản' }).fill(IN_NUMBER);
    await page.getByRole('textbox', { name: 'Ngày văn bản' }).fill(formatDateVi(addDays(TODAY, -2)));
    await page.getByRole('textbox', { name: 'Hạn xử lý' }).fill(formatDateVi(addDays(TODAY, 7)));
    await pick(page, page.getByRole('combobox', { name: 'Độ khẩn' }), 'Khẩn');
    // A secret document hides the content and file fields and says why.
    await pick(page, page.getByRole('combobox', { name: 'Độ mật' }), 'Mật');
    await page.getByText('Văn bản mật: chỉ vào sổ đăng ký').waitFor();
    expect(await page.getByRole('textbox', { name: 'Trích yếu' }).count()).toBe(0);
    expect(await page.locator('input[type=file]').count()).toBe(0);
    await pick(page, page.getByRole('combobox', { name: 'Độ mật' }), 'Không mật');
    await page.getByRole('textbox', { name: 'Trích yếu' }).fill(IN_SUBJECT);
    await page.locator('input[type=file]').setInputFiles({ name: 'CV-3456-UBND-VX.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Vào sổ', exact: true }).click();
    await page.getByRole('heading', { name: IN_SUBJECT, level: 1 }).waitFor();
    inId = new URL(page.url()).pathname.split('/').pop()!;
    await page
      .getByText(/Đã vào sổ văn bản đến, số đến \d+\./)
      .first()
      .waitFor();
    await page.getByRole('region', { name: 'Tệp văn bản' }).getByText('CV-3456-UBND-VX.pdf').waitFor();

    await step(page, 'Trình lãnh đạo', async (dialog) => pick(page, dialog.getByRole('combobox', { name: 'Trình lãnh đạo' }), directorName, false));
    expect((await statusOf(page, inId)).status).toBe('submitted');

    // The register list finds it without diacritics.
    await page.goto(`${server.base}/documents/incoming`);
    await page.getByRole('searchbox', { name: 'Tìm văn bản' }).fill('ra soat so lieu cong chuc dot 3');
    await page
      .getByRole('link', { name: `Mở văn bản ${IN_SUBJECT}` })
      .first()
      .waitFor();
    expect(errors).toEqual([]);
  });

  it('the Director sends it to the unit, the unit head assigns it to a specialist', async () => {
    director = await as(`Giám đốc · ${AGENCY}`);
    const { page } = director;
    await mainNav(page).getByRole('link', { name: 'Chờ tôi xử lý / ký' }).click();
    await page
      .getByRole('link', { name: `Mở văn bản ${IN_SUBJECT}` })
      .first()
      .click();
    await page.getByRole('heading', { name: IN_SUBJECT, level: 1 }).waitFor();
    await step(page, 'Cho ý kiến chỉ đạo, chuyển đơn vị', async (dialog) => {
      await dialog.getByRole('textbox', { name: 'Ý kiến chỉ đạo' }).fill(DIRECTIVE);
      await pick(page, dialog.getByRole('combobox', { name: 'Đơn vị chủ trì' }), unitName);
      await dialog.getByRole('textbox', { name: 'Hạn xử lý' }).fill(formatDateVi(addDays(TODAY, 5)));
    });
    expect((await statusOf(page, inId)).status).toBe('directed');

    await openDoc(head.page, inId);
    await head.page.getByText(DIRECTIVE).first().waitFor();
    await step(head.page, 'Giao xử lý', async (dialog) => pick(head.page, dialog.getByRole('combobox', { name: 'Người chủ trì xử lý' }), staffName, false));
    expect((await statusOf(head.page, inId)).status).toBe('assigned');
    expect(director.errors.concat(head.errors)).toEqual([]);
  });

  it('the specialist drafts the reply to the other agency and submits it; the unit head initials it', async () => {
    const { page } = staff;
    await mainNav(page).getByRole('link', { name: 'Chờ tôi xử lý / ký' }).click();
    await page
      .getByRole('link', { name: `Mở văn bản ${IN_SUBJECT}` })
      .first()
      .click();
    await page.getByRole('link', { name: 'Soạn văn bản trả lời' }).click();
    await page.getByRole('heading', { name: 'Soạn dự thảo văn bản đi' }).waitFor();
    await page.getByRole('textbox', { name: 'Trích yếu' }).fill(OUT_SUBJECT);
    await page
      .getByRole('textbox', { name: 'Nội dung dự thảo' })
      .fill('Kính gửi: Sở Lao động - Thương binh và Xã hội tỉnh Đắk Nông.\nSở Nội vụ báo cáo số liệu như sau: ...');
    const others = await apiGet<{ agencies: { id: string; name: string }[] }>(page, `/documents/options?agencyId=${agencyId}`);
    const target = others.agencies.find((a) => a.name.includes('Lao động') && a.name.includes('Đắk Nông'))!;
    await pick(page, page.getByRole('combobox', { name: 'Nơi nhận trên Congvu' }).or(page.getByRole('textbox', { name: 'Nơi nhận trên Congvu' })), target.name);
    await page.keyboard.press('Escape');
    await pick(page, page.getByRole('combobox', { name: 'Người ký' }), directorName, false);
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await page.getByRole('heading', { name: OUT_SUBJECT, level: 1 }).waitFor();
    outId = new URL(page.url()).pathname.split('/').pop()!;
    await step(page, 'Trình ký nháy');

    await openDoc(head.page, outId);
    await step(head.page, 'Ký nháy');
    expect((await statusOf(head.page, outId)).status).toBe('pending_format');
    expect(staff.errors.concat(head.errors)).toEqual([]);
  });

  it('the Office returns it twice for format with reasons; the second return escalates it to the Director', async () => {
    // First return.
    await openDoc(office.page, outId);
    await step(office.page, 'Trả lại (sai thể thức)', async (dialog) => {
      // The reason is required.
      await dialog.getByRole('button', { name: 'Trả lại (sai thể thức)', exact: true }).click();
      await dialog.getByText('Nhập lý do (ít nhất 3 ký tự).').waitFor();
      await dialog.getByRole('textbox', { name: 'Lý do' }).fill(RETURN_1);
    });
    await office.page.getByText('Đã trả lại 1 lần').first().waitFor();

    // The specialist sees the reason, edits the draft (a new version) and submits it again.
    await openDoc(staff.page, outId);
    await staff.page.getByRole('region', { name: 'Diễn biến xử lý' }).getByText(RETURN_1).waitFor();
    await staff.page.getByRole('link', { name: 'Sửa dự thảo' }).click();
    const body = staff.page.getByRole('textbox', { name: 'Nội dung dự thảo' });
    await body.fill(`${await body.inputValue()}\nNơi nhận:\n- Như trên;\n- Lưu: VT, TCBM.`);
    await staff.page.getByRole('textbox', { name: 'Nội dung thay đổi (ghi vào phiên bản)' }).fill('Bổ sung nơi nhận theo ý kiến Văn phòng');
    await staff.page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await staff.page.getByRole('heading', { name: OUT_SUBJECT, level: 1 }).waitFor();
    const versions = staff.page.getByRole('region', { name: 'Các phiên bản dự thảo' });
    await versions.getByText('Phiên bản 2', { exact: false }).waitFor();
    await versions.getByText('- Lưu: VT, TCBM.').waitFor();
    await step(staff.page, 'Trình ký nháy');
    await openDoc(head.page, outId);
    await step(head.page, 'Ký nháy');

    // Second return: escalated.
    await openDoc(office.page, outId);
    await step(office.page, 'Trả lại (sai thể thức)', async (dialog) => dialog.getByRole('textbox', { name: 'Lý do' }).fill(RETURN_2));
    await office.page.getByText('Đã trả lại 2 lần').first().waitFor();
    const doc = await statusOf(office.page, outId);
    expect(doc).toMatchObject({ status: 'returned', returnCount: 2, escalated: true });
    expect(office.errors).toEqual([]);
  });

  it('the Director sees it on the home page as late and escalated, and on the document', async () => {
    const { page, errors } = director;
    await page.goto(`${server.base}/`);
    const card = page.getByRole('region', { name: 'Chờ tôi ký / Văn bản bị chậm' });
    await card.getByText(/văn bản bị chậm, chuyển lên Giám đốc/).waitFor();
    const late = card.getByRole('region', { name: 'Văn bản bị chậm', exact: true });
    await late.getByRole('link', { name: OUT_SUBJECT }).waitFor();
    await late.getByText('Bị trả lại nhiều lần').first().waitFor();
    await late.getByRole('link', { name: OUT_SUBJECT }).click();
    await page.getByText('Văn bản đã chuyển lên Giám đốc').waitFor();
    const timeline = page.getByRole('region', { name: 'Diễn biến xử lý' });
    await timeline.getByText(RETURN_1).waitFor();
    await timeline.getByText(RETURN_2).waitFor();
    await timeline.getByText('Chuyển lên Giám đốc').first().waitFor();
    expect(errors).toEqual([]);
  });

  it('it is corrected, format-checked, signed by the Director, numbered and issued', async () => {
    await openDoc(staff.page, outId);
    await step(staff.page, 'Trình ký nháy');
    await openDoc(head.page, outId);
    await step(head.page, 'Ký nháy');
    await openDoc(office.page, outId);
    await step(office.page, 'Thẩm định thể thức');

    // The Director's home lists it as waiting for signature.
    const { page } = director;
    await page.goto(`${server.base}/`);
    await page.getByRole('region', { name: 'Chờ tôi ký', exact: true }).getByRole('link', { name: OUT_SUBJECT }).click();
    await step(page, 'Ký ban hành', async (dialog) => {
      expect(await dialog.getByRole('combobox', { name: 'Hình thức ký' }).inputValue()).toContain('Giám đốc ký');
    });
    expect((await statusOf(page, outId)).status).toBe('signed');

    await openDoc(office.page, outId);
    await step(office.page, 'Cấp số, ban hành', async (dialog) => {
      await dialog.getByText('Cấp số tiếp theo của sổ văn bản đi').waitFor();
    });
    const issued = await apiGet<{ status: string; numberText: string; recipients: { receivedDocumentId: string | null }[] }>(
      office.page,
      `/documents/${outId}`,
    );
    expect(issued.status).toBe('issued');
    expect(issued.numberText).toMatch(/^\d+\/\S+/);
    expect(issued.recipients.some((r) => r.receivedDocumentId)).toBe(true);
    await office.page.getByText(issued.numberText).first().waitFor();
    // The link to the document in the NĐ 30 layout gives its PDF.
    const preview = office.page.getByRole('link', { name: 'Xem bản PDF theo thể thức NĐ 30' });
    const href = (await preview.getAttribute('href'))!;
    const pdf = await office.page.evaluate(async (url) => {
      const res = await fetch(url);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { status: res.status, type: res.headers.get('content-type'), magic: String.fromCharCode(...bytes.slice(0, 5)) };
    }, href);
    expect(pdf).toEqual({ status: 200, type: 'application/pdf', magic: '%PDF-' });
    expect(office.errors.concat(director.errors, staff.errors, head.errors)).toEqual([]);
  });

  it('the other agency receives it in its Văn bản đến', async () => {
    const { page, errors } = await as(`Văn thư · ${OTHER}`);
    await mainNav(page).getByRole('link', { name: 'Văn bản đến' }).click();
    await page.getByRole('searchbox', { name: 'Tìm văn bản' }).fill('bao cao so lieu cong chuc lam viec tai nha dot 3');
    await page
      .getByRole('link', { name: `Mở văn bản ${OUT_SUBJECT}` })
      .first()
      .click();
    await page.getByRole('heading', { name: OUT_SUBJECT, level: 1 }).waitFor();
    await page.getByText('Nhận qua Congvu từ cơ quan khác').waitFor();
    // The received copy is the issued PDF: the Director's digital signature, then the agency's (cấp số và ban
    // hành), each checked on the page.
    const signature = page.getByRole('region', { name: 'Chữ ký số' });
    await signature.getByText('Hợp lệ: chữ ký đúng và tệp không bị thay đổi sau khi ký.').waitFor();
    const director = signature.getByRole('article', { name: 'Chữ ký 1' });
    await director.getByText(directorName).first().waitFor();
    await director.getByText('Chứng thư tin cậy (CA Congvu)').waitFor();
    const agencySignature = signature.getByRole('article', { name: 'Chữ ký 2' });
    await agencySignature.getByText('Cấp số và ban hành', { exact: false }).waitFor();
    await agencySignature.getByText('Chứng thư tin cậy (CA Congvu)').waitFor();
    expect(errors).toEqual([]);
  });

  it('works at 360 px: lists and the document without horizontal scroll, the main action in the first screen', async () => {
    const phone = await as(`Văn thư · ${AGENCY}`, { width: 360, height: 740 });
    const { page, errors } = phone;
    await page.goto(`${server.base}/documents/incoming`);
    await page
      .getByRole('link', { name: `Mở văn bản ${IN_SUBJECT}` })
      .first()
      .waitFor();
    await fitsPhone(page, page.getByRole('link', { name: 'Vào sổ văn bản đến' }));
    await page.goto(`${server.base}/documents/outgoing?view=register`);
    await page
      .getByRole('link', { name: `Mở văn bản ${OUT_SUBJECT}` })
      .first()
      .waitFor();
    await fitsPhone(page, page.getByRole('button', { name: 'Xuất sổ đăng ký (XLSX)' }));
    // The register export downloads an XLSX file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất sổ đăng ký (XLSX)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await page.goto(`${server.base}/documents/${outId}`);
    await page.getByRole('heading', { name: OUT_SUBJECT, level: 1 }).waitFor();
    await fitsPhone(page, page.getByRole('button', { name: 'Hủy cấp số, thu hồi' }));
    expect(errors).toEqual([]);
  });
});
