/**
 * Exports of Phụ lục 2 and of the province report (G3): XLSX with the seed's layout (merged header
 * "Kết quả xử lý công việc tại nhà" over "Có xử lý công việc trên TDO / Không xử lý công việc trên TDO",
 * each with Số lượng and Tỷ lệ), and PDF and DOCX in the Nghị định 30 layout.
 */
import ExcelJS from 'exceljs';
import type { Appendix2Report } from '../../../shared/domain/activity/appendix2';
import { appendix2Lines, formatRatio, lineCells, type TableLine } from '../../../shared/domain/activity/appendix2-table';
import { formatDateVi } from '../../../shared/domain/dates';
import { renderNd30Docx, type Nd30Document, type Nd30TableCell } from '../../lib/nd30-docx';
import { renderNd30Pdf } from '../../lib/nd30-pdf';
import type { ReportNames } from '../../../shared/domain/reports';

export interface ReportMeta {
  /** Issuing agency (the agency, or the Inspectorate of Sở Nội vụ for the province report). */
  agencyName: string;
  parentName?: string;
  code?: string | null;
  place: string;
  /** Date of the document (ISO). */
  date: string;
  title: string;
  subject: string;
  signer?: { authority?: string; position: string; name: string };
  recipients?: string[];
  /** Agencies that sent nothing (province report). */
  missing?: string[];
  /** Agencies without an approved roster covering the day (province report; counted among those that sent nothing). */
  noRoster?: string[];
  /** SHA-256 of a frozen snapshot, printed so that a copy can be checked against the system. */
  hash?: string;
}

/** "80,0%" (Vietnamese decimal comma), "—" when there is nothing to divide (shared with the screens). */
export const ratioVi = (r: number | null) => formatRatio(r);

const HEADER = {
  stt: 'Stt',
  name: 'Họ và tên cán bộ, công chức, viên chức làm việc tại nhà',
  assigned: 'Tổng số nhiệm vụ được giao khi làm việc tại nhà trong kỳ báo cáo',
  result: 'Kết quả xử lý công việc tại nhà trong kỳ báo cáo',
  processed: 'Có xử lý công việc trên TDO',
  notProcessed: 'Không xử lý công việc trên TDO',
  count: 'Số lượng',
  ratio: 'Tỷ lệ',
};

/** The lines of the table: each agency ("1 Sở …" with its totals), its people ("1.1 …"), then the total — as the screens show them. */
export function reportLines(report: Appendix2Report, names: ReportNames): TableLine[] {
  return appendix2Lines(report, names, 'agency', 'Tổng cộng');
}

const period = (r: Appendix2Report) => (r.from === r.to ? `ngày ${formatDateVi(r.from)}` : `từ ${formatDateVi(r.from)} đến ${formatDateVi(r.to)}`);

export async function appendix2Xlsx(report: Appendix2Report, names: ReportNames, meta: ReportMeta): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Congvu';
  const ws = wb.addWorksheet('Phụ lục 2');
  ws.columns = [{ width: 7 }, { width: 38 }, { width: 20 }, { width: 12 }, { width: 10 }, { width: 12 }, { width: 10 }];
  const font = { name: 'Times New Roman', size: 12 };
  ws.mergeCells('A1:G1');
  ws.getCell('A1').value = meta.title.toUpperCase();
  ws.mergeCells('A2:G2');
  ws.getCell('A2').value = meta.subject;
  ws.mergeCells('A3:G3');
  ws.getCell('A3').value = `${meta.agencyName} — ${period(report)}`;
  for (const r of [1, 2, 3]) {
    ws.getRow(r).font = { ...font, bold: r < 3, italic: r === 3, size: r === 1 ? 14 : 12 };
    ws.getRow(r).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  // Header: rows 5-7.
  ws.mergeCells('A5:A7');
  ws.getCell('A5').value = HEADER.stt;
  ws.mergeCells('B5:B7');
  ws.getCell('B5').value = HEADER.name;
  ws.mergeCells('C5:C7');
  ws.getCell('C5').value = HEADER.assigned;
  ws.mergeCells('D5:G5');
  ws.getCell('D5').value = HEADER.result;
  ws.mergeCells('D6:E6');
  ws.getCell('D6').value = HEADER.processed;
  ws.mergeCells('F6:G6');
  ws.getCell('F6').value = HEADER.notProcessed;
  ws.getCell('D7').value = HEADER.count;
  ws.getCell('E7').value = HEADER.ratio;
  ws.getCell('F7').value = HEADER.count;
  ws.getCell('G7').value = HEADER.ratio;
  for (let r = 5; r <= 7; r++) {
    ws.getRow(r).font = { ...font, bold: true };
    ws.getRow(r).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  ws.getRow(5).height = 30;
  ws.getRow(6).height = 30;
  for (const line of reportLines(report, names)) {
    const c = line.counts;
    const row = ws.addRow([line.stt, line.name, c.assigned, c.processed, formatRatio(c.processedRatio), c.notProcessed, formatRatio(c.notProcessedRatio)]);
    row.font = { ...font, bold: line.kind !== 'person' };
    row.getCell(2).alignment = { wrapText: true };
    for (const col of [1, 3, 4, 5, 6, 7]) row.getCell(col).alignment = { horizontal: 'center' };
  }
  for (let r = 5; r <= ws.rowCount; r++)
    for (let c = 1; c <= 7; c++)
      ws.getCell(r, c).border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  if (meta.missing?.length) {
    ws.addRow([]);
    const r = ws.addRow(['', `Cơ quan chưa gửi báo cáo: ${meta.missing.join('; ')}`]);
    r.font = { ...font, italic: true };
  }
  if (meta.noRoster?.length) {
    const r = ws.addRow(['', `Cơ quan chưa có lịch làm việc được phê duyệt: ${meta.noRoster.join('; ')}`]);
    r.font = { ...font, italic: true };
  }
  if (meta.hash) {
    const r = ws.addRow(['', `Mã kiểm tra (SHA-256) của bản đã chốt: ${meta.hash}`]);
    r.font = { ...font, italic: true, size: 10 };
  }
  ws.views = [{ state: 'frozen', ySplit: 7 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function appendix2Document(report: Appendix2Report, names: ReportNames, meta: ReportMeta): Nd30Document {
  const header: Nd30TableCell[][] = [
    [
      { text: HEADER.stt, rowSpan: 3 },
      { text: HEADER.name, rowSpan: 3 },
      { text: HEADER.assigned, rowSpan: 3 },
      { text: HEADER.result, colSpan: 4 },
    ],
    [
      { text: HEADER.processed, colSpan: 2 },
      { text: HEADER.notProcessed, colSpan: 2 },
    ],
    [{ text: HEADER.count }, { text: HEADER.ratio }, { text: HEADER.count }, { text: HEADER.ratio }],
  ];
  const rows: Nd30TableCell[][] = reportLines(report, names).map((l) => {
    const bold = l.kind !== 'person';
    return lineCells(l).map((text, i) => (i === 1 ? { text, bold, align: 'left' as const } : { text, bold }));
  });
  return {
    parentAgency: meta.parentName,
    agency: meta.agencyName,
    number: `Số:      /BC-${meta.code ?? ''}`.replace(/-$/, ''),
    place: meta.place,
    date: meta.date,
    title: meta.title,
    subject: meta.subject,
    subtitle: `(${period(report).replace(/^./, (c) => c.toUpperCase())})`,
    paragraphs: [
      ...(meta.missing?.length ? [`Cơ quan chưa gửi báo cáo: ${meta.missing.join('; ')}.`] : []),
      ...(meta.noRoster?.length ? [`Cơ quan chưa có lịch làm việc được phê duyệt: ${meta.noRoster.join('; ')}.`] : []),
      ...(meta.hash ? [`Mã kiểm tra (SHA-256) của bản đã chốt: ${meta.hash}.`] : []),
    ],
    table: { widths: [7, 33, 16, 11, 11, 11, 11], header, rows },
    recipients: meta.recipients ?? ['- Như trên;', '- Lưu: VT.'],
    signer: meta.signer,
    landscape: true,
  };
}

export const appendix2Docx = (report: Appendix2Report, names: ReportNames, meta: ReportMeta) => renderNd30Docx(appendix2Document(report, names, meta));
export const appendix2Pdf = (report: Appendix2Report, names: ReportNames, meta: ReportMeta) => renderNd30Pdf(appendix2Document(report, names, meta));
