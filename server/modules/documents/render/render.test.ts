import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors';
import { renderOutgoingDocx } from './docx';
import { dateLine, numberLine, signerLines } from './layout';
import { renderOutgoingPdf } from './pdf';
import { SAMPLE_CONG_VAN, SAMPLE_QUYET_DINH } from './sample';
import type { OutgoingDocumentView } from './types';

/** The paragraphs of word/document.xml as plain text, each with its XML (to look at run properties). */
async function docxParagraphs(buf: Buffer): Promise<{ text: string; xml: string }[]> {
  const xml = await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    xml: m[0],
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }));
}
const find = (ps: { text: string; xml: string }[], text: string) => {
  const p = ps.find((x) => x.text === text);
  if (!p) throw new Error(`paragraph not found: ${text}\n${ps.map((x) => x.text).join('\n')}`);
  return p;
};
async function pdfText(buf: Buffer): Promise<{ text: string; pages: string[] }> {
  const r = await new PDFParse({ data: new Uint8Array(buf) }).getText();
  return { text: r.text, pages: r.pages.map((p) => p.text) };
}

describe('NĐ 30 text of the slots', () => {
  it('writes the date in words with day below 10 and months 1-2 zero-padded', () => {
    expect(dateLine({ place: 'Ninh Thuận', date: '2026-12-05' })).toBe('Ninh Thuận, ngày 05 tháng 12 năm 2026');
    expect(dateLine({ place: 'Hà Nội', date: '2026-01-09' })).toBe('Hà Nội, ngày 09 tháng 01 năm 2026');
    expect(dateLine({ place: 'Hà Nội', date: '2026-02-28' })).toBe('Hà Nội, ngày 28 tháng 02 năm 2026');
    expect(dateLine({ place: 'Hà Nội', date: '2026-03-10' })).toBe('Hà Nội, ngày 10 tháng 3 năm 2026');
    expect(dateLine({ place: 'Hà Nội', date: null, year: 2027 })).toBe('Hà Nội, ngày      tháng      năm 2027');
  });
  it('writes the number with a leading zero below 10, and a blank number before issue', () => {
    expect(numberLine({ number: 5, notation: 'BNV-VP' })).toBe('Số: 05/BNV-VP');
    expect(numberLine({ number: 2215, notation: 'SNV-TCBM' })).toBe('Số: 2215/SNV-TCBM');
    expect(numberLine({ number: null, notation: 'SNV-TCBM' })).toBe('Số:      /SNV-TCBM');
  });
  it('writes the signing forms KT., TL., TUQ., TM., Q. and the head in their own name', () => {
    expect(signerLines({ form: 'KT', onBehalfOf: 'Giám đốc', position: 'Phó Giám đốc', name: 'x' })).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
    expect(signerLines({ form: 'TL', onBehalfOf: 'Giám đốc', position: 'Chánh Văn phòng', name: 'x' })).toEqual(['TL. GIÁM ĐỐC', 'CHÁNH VĂN PHÒNG']);
    expect(signerLines({ form: 'TUQ', onBehalfOf: 'Chủ tịch', position: 'Giám đốc Sở Nội vụ', name: 'x' })).toEqual(['TUQ. CHỦ TỊCH', 'GIÁM ĐỐC SỞ NỘI VỤ']);
    expect(signerLines({ form: 'TM', onBehalfOf: 'Ủy ban nhân dân', position: 'Chủ tịch', name: 'x' })).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
    expect(signerLines({ form: 'Q', position: 'Giám đốc', name: 'x' })).toEqual(['Q. GIÁM ĐỐC']);
    expect(signerLines({ position: 'Giám đốc', name: 'x' })).toEqual(['GIÁM ĐỐC']);
  });
  it("accepts the documents module's vocabulary: 'kt', 'head', 'q' and urgencies 'khan', 'normal'", () => {
    expect(signerLines({ form: 'kt', onBehalfOf: 'Giám đốc', position: 'Phó Giám đốc', name: 'x' })).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
    expect(signerLines({ form: 'head', position: 'Giám đốc', name: 'x' })).toEqual(['GIÁM ĐỐC']);
    expect(signerLines({ form: 'q', position: 'Giám đốc', name: 'x' })).toEqual(['Q. GIÁM ĐỐC']);
  });
  it('refuses a bad view with a VALIDATION error naming the field (never a crash)', async () => {
    const bad = (patch: Partial<OutgoingDocumentView>) => renderOutgoingPdf({ ...SAMPLE_CONG_VAN, ...patch });
    await expect(bad({ date: '2026-13-01' })).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: 'date' }] });
    await expect(bad({ number: 0 })).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: 'number' }] });
    await expect(bad({ urgency: 'rat_khan' as never })).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: 'urgency' }] });
    await expect(bad({ notation: 'SNV TCBM' })).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: 'notation' }] });
    await expect(renderOutgoingDocx({ ...SAMPLE_CONG_VAN, signer: { form: 'KT', position: 'Phó Giám đốc', name: 'A' } })).rejects.toBeInstanceOf(AppError);
  });
});

describe('renderOutgoingDocx', () => {
  it('lays out a công văn in the NĐ 30 layout: heading, số, V/v, date, Kính gửi, body, Nơi nhận, signer', async () => {
    const ps = await docxParagraphs(await renderOutgoingDocx(SAMPLE_CONG_VAN));
    const texts = ps.map((p) => p.text);
    // Heading: parent agency not bold, agency upper-case bold; Quốc hiệu bold; Tiêu ngữ bold and underlined.
    expect(find(ps, 'UBND TỈNH NINH THUẬN').xml).not.toContain('<w:b/>');
    expect(find(ps, 'SỞ NỘI VỤ').xml).toContain('<w:b/>');
    expect(find(ps, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').xml).toContain('<w:b/>');
    expect(find(ps, 'Độc lập - Tự do - Hạnh phúc').xml).toMatch(/<w:u w:val="single"\/>/);
    // A short rule (a bordered empty paragraph) under the agency name.
    const agencyAt = texts.indexOf('SỞ NỘI VỤ');
    expect(ps[agencyAt + 1]!.xml).toContain('<w:bottom w:val="single"');
    expect(find(ps, 'Số: 123/SNV-TCBM').xml).toContain('<w:sz w:val="26"/>');
    expect(find(ps, 'V/v tổ chức làm việc tại nhà trong thời gian phòng, chống dịch').xml).toContain('<w:sz w:val="24"/>');
    expect(find(ps, 'Ninh Thuận, ngày 05 tháng 12 năm 2026').xml).toContain('<w:i/>');
    expect(texts).toContain('Kính gửi: Các phòng, đơn vị thuộc Sở');
    // Body: justified, first-line indent 1.27 cm, 14 pt.
    const first = find(ps, SAMPLE_CONG_VAN.body[0]!);
    expect(first.xml).toContain('<w:jc w:val="both"/>');
    expect(first.xml).toMatch(/w:firstLine="72\d"/);
    expect(first.xml).toContain('<w:sz w:val="28"/>');
    // Footer: Nơi nhận bold italic 12 pt, recipients 11 pt; signing form, position and name bold.
    const noiNhan = find(ps, 'Nơi nhận:').xml;
    expect(noiNhan).toContain('<w:b/>');
    expect(noiNhan).toContain('<w:i/>');
    expect(noiNhan).toContain('<w:sz w:val="24"/>');
    expect(find(ps, '- Lưu: VT, TCBM.').xml).toContain('<w:sz w:val="22"/>');
    expect(find(ps, 'KT. GIÁM ĐỐC').xml).toContain('<w:b/>');
    expect(find(ps, 'PHÓ GIÁM ĐỐC').xml).toContain('<w:b/>');
    expect(find(ps, 'Nguyễn Văn An').xml).toContain('<w:b/>');
    // Order of the slots.
    const order = [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số: 123/SNV-TCBM',
      'Kính gửi: Các phòng, đơn vị thuộc Sở',
      SAMPLE_CONG_VAN.body[4]!,
      'Nơi nhận:',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Nguyễn Văn An',
    ];
    const at = order.map((t) => texts.indexOf(t));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('lists several addressees under "Kính gửi:" one a line', async () => {
    const view = { ...SAMPLE_CONG_VAN, addressees: ['Sở Tài chính;', 'Sở Kế hoạch và Đầu tư.'] };
    const texts = (await docxParagraphs(await renderOutgoingDocx(view))).map((p) => p.text);
    const at = texts.indexOf('Kính gửi:');
    expect(texts.slice(at, at + 3)).toEqual(['Kính gửi:', '- Sở Tài chính;', '- Sở Kế hoạch và Đầu tư.']);
    const pdf = (await pdfText(await renderOutgoingPdf(view))).text;
    expect(pdf).toMatch(/Kính gửi:\s+- Sở Tài chính;\s+- Sở Kế hoạch và Đầu tư\./);
  });

  it('uses A4, margins 20/20/30/15 mm and Times New Roman', async () => {
    const zip = await JSZip.loadAsync(await renderOutgoingDocx(SAMPLE_QUYET_DINH));
    const xml = await zip.file('word/document.xml')!.async('string');
    // Twips (1/20 pt), rounded down by the docx package: A4 = 11906 × 16838; 20 mm = 1134; 30 mm = 1701; 15 mm = 850.
    expect(xml).toMatch(/<w:pgSz w:w="1190[56]" w:h="1683[78]"/);
    expect(xml).toMatch(/<w:pgMar w:top="113[34]" w:right="85[01]" w:bottom="113[34]" w:left="170[01]"/);
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toContain('<w:titlePg/>');
  });

  it('prints tên loại and trích yếu of a quyết định (no V/v) with TL. and a blank number before issue', async () => {
    const ps = await docxParagraphs(await renderOutgoingDocx({ ...SAMPLE_QUYET_DINH, number: null, date: null, year: 2026 }));
    const texts = ps.map((p) => p.text);
    expect(find(ps, 'QUYẾT ĐỊNH').xml).toContain('<w:sz w:val="28"/>');
    expect(find(ps, 'Ban hành Quy chế làm việc tại nhà của Sở Nội vụ').xml).toContain('<w:b/>');
    expect(texts.some((t) => t.startsWith('V/v'))).toBe(false);
    expect(texts).toContain('Số:      /QĐ-SNV');
    expect(texts).toContain('Ninh Thuận, ngày      tháng      năm 2026');
    expect(texts).toContain('TL. GIÁM ĐỐC');
    expect(texts).toContain('CHÁNH VĂN PHÒNG');
  });
});

describe('renderOutgoingPdf', () => {
  const dir = mkdtempSync(join(tmpdir(), 'congvu-render-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints every slot of the công văn, in order, in the PDF text', async () => {
    const { text } = await pdfText(await renderOutgoingPdf(SAMPLE_CONG_VAN));
    const flat = text.replace(/\s+/g, ' ');
    const order = [
      'UBND TỈNH NINH THUẬN',
      'SỞ NỘI VỤ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 123/SNV-TCBM',
      'Ninh Thuận, ngày 05 tháng 12 năm 2026',
      'V/v tổ chức làm việc tại nhà trong thời gian phòng, chống dịch',
      'Kính gửi: Các phòng, đơn vị thuộc Sở',
      'Thực hiện Chỉ thị số 12/CT-UBND',
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu: VT, TCBM.',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Nguyễn Văn An',
    ];
    for (const t of order) expect(flat, t).toContain(t);
    // The heading's two columns come out interleaved line by line; the rest is in reading order.
    const tail = order.slice(7).map((t) => flat.indexOf(t));
    expect([...tail].sort((a, b) => a - b)).toEqual(tail);
    expect(flat.indexOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBeLessThan(flat.indexOf('Kính gửi'));
  });

  it('prints the urgency stamp (độ khẩn) under the số, and none for an ordinary document', async () => {
    const urgent = (await pdfText(await renderOutgoingPdf({ ...SAMPLE_CONG_VAN, urgency: 'thuong_khan' }))).text;
    expect(urgent).toContain('THƯỢNG KHẨN');
    expect(urgent.indexOf('THƯỢNG KHẨN')).toBeGreaterThan(urgent.indexOf('Số: 123/SNV-TCBM'));
    expect(urgent.indexOf('THƯỢNG KHẨN')).toBeLessThan(urgent.indexOf('Kính gửi'));
    expect((await pdfText(await renderOutgoingPdf({ ...SAMPLE_CONG_VAN, urgency: 'normal' }))).text).not.toContain('KHẨN');
    const ps = await docxParagraphs(await renderOutgoingDocx({ ...SAMPLE_CONG_VAN, urgency: 'HOA_TOC' }));
    expect(find(ps, 'HỎA TỐC').xml).toContain('w:color w:val="D00000"');
  });

  it('prints the signature note (blue) in the signature space, between the position and the name', async () => {
    const view = { ...SAMPLE_CONG_VAN, signatureNote: ['Đã ký số', '05/12/2026 14:30'] };
    const flat = (await pdfText(await renderOutgoingPdf(view))).text.replace(/\s+/g, ' ');
    expect(flat).toMatch(/PHÓ GIÁM ĐỐC Đã ký số 05\/12\/2026 14:30 Nguyễn Văn An/);
    const ps = await docxParagraphs(await renderOutgoingDocx(view));
    expect(find(ps, 'Đã ký số').xml).toContain('<w:color w:val="1F3FBF"/>');
    expect((await pdfText(await renderOutgoingPdf(SAMPLE_CONG_VAN))).text).not.toContain('Đã ký số');
  });

  it('numbers pages from page 2, centred at the top, and keeps the signature block together', async () => {
    const long = {
      ...SAMPLE_QUYET_DINH,
      body: Array.from({ length: 30 }, (_, i) => `Điều ${i + 1}. ${'Nội dung quy định chi tiết của điều này. '.repeat(4)}`),
    };
    const { pages } = await pdfText(await renderOutgoingPdf(long));
    expect(pages.length).toBeGreaterThan(1);
    const lines = (p: string) => p.split('\n').map((l) => l.trim());
    expect(lines(pages[0]!)).not.toContain('1');
    expect(lines(pages[1]!)).toContain('2');
    const last = pages[pages.length - 1]!;
    expect(last).toContain('TL. GIÁM ĐỐC');
    expect(last).toContain('Trần Thị Bình');
  });

  it('renders page 1 to a PNG with pdftoppm so a person can look at it (skipped without poppler-utils)', async (ctx) => {
    try {
      execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    } catch {
      ctx.skip('pdftoppm absent: apt-get install -y poppler-utils to render the PDF to an image');
    }
    const pdf = join(dir, 'van-ban-di.pdf');
    writeFileSync(pdf, await renderOutgoingPdf(SAMPLE_CONG_VAN));
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, 'van-ban-di')]);
    const png = readFileSync(join(dir, 'van-ban-di.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // A4 portrait at 50 dpi: 413.4 × 584.6 pixels, rounded up by pdftoppm.
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(413);
    expect(png.readUInt32BE(16)).toBeLessThanOrEqual(414);
    expect(png.readUInt32BE(20)).toBe(585);
  });
});
