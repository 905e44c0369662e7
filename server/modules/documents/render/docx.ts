/**
 * The outgoing document as DOCX in the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I): A4 portrait,
 * Times New Roman, margins 20/20/30/15 mm, page numbers centred at the top from page 2.
 * Heading table: cơ quan chủ quản / CƠ QUAN BAN HÀNH with a short rule | Quốc hiệu / Tiêu ngữ underlined;
 * Số/ký hiệu (and "V/v …" of a công văn) | địa danh, ngày tháng năm (italic). Then tên loại and trích yếu
 * with a short rule (or "Kính gửi:" of a công văn), the justified body, and the footer table:
 * Nơi nhận | signing form, position, space for the signature, name.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import { shortRuleLength } from './fonts';
import { QUOC_HIEU, TIEU_NGU, URGENCY_LABEL, checkView, dateLine, isCongVan, numberLine, recipientLines, signerLines, urgencyOf, vvLine } from './layout';
import type { OutgoingDocumentView } from './types';

const FONT = 'Times New Roman';
/** Text width of A4 with margins 30 (left) and 15 (right) mm, and the heading columns. */
export const PAGE = { widthMm: 210, heightMm: 297, top: 20, bottom: 20, left: 30, right: 15 } as const;
const TEXT_MM = PAGE.widthMm - PAGE.left - PAGE.right;
const LEFT_MM = 66;
const RIGHT_MM = TEXT_MM - LEFT_MM;
const PT_PER_MM = 72 / 25.4;
const twipOfPt = (pt: number) => Math.round(pt * 20);

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
interface RunOpts {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  underline?: boolean;
}
const run = (text: string, o: RunOpts = {}) =>
  new TextRun({
    text,
    font: FONT,
    size: (o.size ?? 13) * 2,
    bold: o.bold,
    italics: o.italics,
    underline: o.underline ? { type: UnderlineType.SINGLE } : undefined,
  });
const para = (children: TextRun[], o: { align?: Align; before?: number; after?: number } = {}) =>
  new Paragraph({ children, alignment: o.align ?? AlignmentType.CENTER, spacing: { before: twipOfPt(o.before ?? 0), after: twipOfPt(o.after ?? 0) } });

/** A centred horizontal rule `lengthPt` long in a cell `cellMm` wide: an empty paragraph with a bottom border between indents. */
function rule(lengthPt: number, cellMm: number, after = 0): Paragraph {
  const cellPt = cellMm * PT_PER_MM;
  const indent = twipOfPt(Math.max(0, (cellPt - lengthPt) / 2));
  return new Paragraph({
    children: [run('', { size: 2 })],
    indent: { left: indent, right: indent },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    spacing: { before: 0, after: twipOfPt(after), line: 60, lineRule: LineRuleType.EXACT },
  });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const cellOf = (children: Paragraph[], mm: number) =>
  new TableCell({
    children,
    width: { size: convertMillimetersToTwip(mm), type: WidthType.DXA },
    borders: noBorders,
    verticalAlign: VerticalAlign.TOP,
    margins: { left: 0, right: 0 },
  });
const twoColumns = (rows: [Paragraph[], Paragraph[]][], leftMm: number, rightMm: number) =>
  new Table({
    width: { size: convertMillimetersToTwip(leftMm + rightMm), type: WidthType.DXA },
    columnWidths: [convertMillimetersToTwip(leftMm), convertMillimetersToTwip(rightMm)],
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: rows.map(([l, r]) => new TableRow({ children: [cellOf(l, leftMm), cellOf(r, rightMm)] })),
  });

function heading(doc: OutgoingDocumentView): Table {
  const agency = doc.agency.trim().toLocaleUpperCase('vi');
  const leftTop = [
    ...(doc.parentAgency?.trim() ? [para([run(doc.parentAgency.trim().toLocaleUpperCase('vi'), { size: 12 })])] : []),
    para([run(agency, { bold: true, size: 12 })]),
    rule(shortRuleLength(agency, 12, LEFT_MM * PT_PER_MM), LEFT_MM),
  ];
  const rightTop = [para([run(QUOC_HIEU, { bold: true, size: 12 })]), para([run(TIEU_NGU, { bold: true, size: 13, underline: true })])];
  const urgency = urgencyOf(doc.urgency);
  const red = { style: BorderStyle.SINGLE, size: 8, color: 'D00000', space: 1 };
  const stamp = urgency
    ? [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: twipOfPt(6) },
          border: { top: red, bottom: red, left: red, right: red },
          indent: { left: convertMillimetersToTwip(18), right: convertMillimetersToTwip(18) },
          children: [new TextRun({ text: URGENCY_LABEL[urgency], font: FONT, size: 26, bold: true, color: 'D00000' })],
        }),
      ]
    : [];
  const leftBottom = [
    para([run(numberLine(doc), { size: 13 })], { before: 6 }),
    ...(isCongVan(doc) ? [para([run(vvLine(doc), { size: 12 })], { before: 3 })] : []),
    ...stamp,
  ];
  const rightBottom = [para([run(dateLine(doc), { italics: true, size: 14 })], { before: 6 })];
  return twoColumns(
    [
      [leftTop, rightTop],
      [leftBottom, rightBottom],
    ],
    LEFT_MM,
    RIGHT_MM,
  );
}

function titleBlock(doc: OutgoingDocumentView): Paragraph[] {
  const out: Paragraph[] = [];
  if (isCongVan(doc)) {
    const to = (doc.addressees ?? []).map((a) => a.trim()).filter(Boolean);
    if (to.length === 1) out.push(para([run(`Kính gửi: ${to[0]}`, { size: 14 })], { before: 18, after: 6 }));
    else if (to.length > 1) {
      out.push(para([run('Kính gửi:', { size: 14 })], { before: 18 }));
      out.push(
        ...to.map(
          (a, i) =>
            new Paragraph({
              children: [run(`- ${a}`, { size: 14 })],
              indent: { left: convertMillimetersToTwip(45) },
              spacing: { after: i === to.length - 1 ? twipOfPt(6) : 0 },
            }),
        ),
      );
    } else out.push(para([run('', { size: 6 })], { after: 12 }));
    return out;
  }
  const subject = doc.subject.trim();
  out.push(para([run(doc.typeName!.trim().toLocaleUpperCase('vi'), { bold: true, size: 14 })], { before: 18 }));
  out.push(para([run(subject, { bold: true, size: 14 })]));
  out.push(rule(shortRuleLength(subject, 14, TEXT_MM * PT_PER_MM), TEXT_MM, 12));
  return out;
}

function body(doc: OutgoingDocumentView): Paragraph[] {
  return doc.body.map(
    (p) =>
      new Paragraph({
        children: p.split('\n').map((line, i) => new TextRun({ text: line, font: FONT, size: 28, break: i > 0 ? 1 : undefined })),
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: convertMillimetersToTwip(12.7) },
        spacing: { before: twipOfPt(6), after: 0, line: 276, lineRule: LineRuleType.AUTO },
      }),
  );
}

function footer(doc: OutgoingDocumentView): Table {
  const left = [
    new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 12 })], spacing: { before: twipOfPt(12) } }),
    ...recipientLines(doc).map((r) => new Paragraph({ children: [run(r, { size: 11 })] })),
  ];
  const lines = signerLines(doc.signer);
  const right = [
    ...lines.map((l, i) => para([run(l, { bold: true, size: 13 })], { before: i === 0 ? 12 : 0 })),
    // Space for the signature image and the seal (Phụ lục I §II.7c, 8).
    ...(doc.signatureNote?.length
      ? doc.signatureNote.map(
          (l, i, all) =>
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [new TextRun({ text: l, font: FONT, size: 20, color: '1F3FBF' })],
              spacing: {
                before: i === 0 ? convertMillimetersToTwip(6) : 0,
                after: i === all.length - 1 ? Math.max(0, convertMillimetersToTwip(20) - all.length * 230) : 0,
              },
            }),
        )
      : [
          new Paragraph({
            children: [run('', { size: 13 })],
            spacing: { before: 0, after: 0, line: convertMillimetersToTwip(26), lineRule: LineRuleType.EXACT },
          }),
        ]),
    para([run(doc.signer.name.trim(), { bold: true, size: 14 })]),
  ];
  const half = TEXT_MM / 2;
  return twoColumns([[left, right]], half - 5, half + 5);
}

export async function renderOutgoingDocx(doc: OutgoingDocumentView): Promise<Buffer> {
  checkView(doc);
  const children: (Paragraph | Table)[] = [];
  if (doc.draft) children.push(para([run('DỰ THẢO', { bold: true, size: 13 })], { align: AlignmentType.RIGHT, after: 6 }));
  children.push(heading(doc), ...titleBlock(doc), ...body(doc), footer(doc));
  const pageNumber = new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 26 })] })],
  });
  const document = new Document({
    creator: 'Congvu',
    title: isCongVan(doc) ? `${numberLine(doc)} ${vvLine(doc)}` : `${doc.typeName} ${doc.subject}`,
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: convertMillimetersToTwip(PAGE.widthMm), height: convertMillimetersToTwip(PAGE.heightMm) },
            margin: {
              top: convertMillimetersToTwip(PAGE.top),
              bottom: convertMillimetersToTwip(PAGE.bottom),
              left: convertMillimetersToTwip(PAGE.left),
              right: convertMillimetersToTwip(PAGE.right),
              header: convertMillimetersToTwip(10),
            },
          },
        },
        headers: { default: pageNumber, first: new Header({ children: [new Paragraph({ children: [] })] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
