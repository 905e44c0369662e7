/**
 * DOCX documents in the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I): A4, Times New Roman,
 * margins 20/20/30/15 mm; heading with the parent agency and the agency (left), Quốc hiệu and Tiêu ngữ
 * (right), số/ký hiệu, place and date; type name and subject; body; a table; Nơi nhận and the signer.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
  type ITableCellOptions,
} from 'docx';

export interface Nd30Signer {
  /** e.g. "KT. GIÁM ĐỐC", "TL. GIÁM ĐỐC" (empty when the head signs). */
  authority?: string;
  /** e.g. "PHÓ GIÁM ĐỐC", "GIÁM ĐỐC". */
  position: string;
  name: string;
}

export interface Nd30TableCell {
  text: string;
  bold?: boolean;
  colSpan?: number;
  rowSpan?: number;
  align?: 'left' | 'center' | 'right';
}

export interface Nd30Document {
  parentAgency?: string;
  agency: string;
  /** "Số: 15/BC-SNV" (the number may be blank before issue: "Số:      /BC-SNV"). */
  number: string;
  place: string;
  /** ISO date of the document. */
  date: string;
  /** Type name, e.g. "BÁO CÁO", "PHỤ LỤC 1". */
  title: string;
  subject: string;
  /** Italic line under the subject, e.g. "(Kèm theo Công văn số …)". */
  subtitle?: string;
  paragraphs?: string[];
  table?: { header: Nd30TableCell[][]; rows: Nd30TableCell[][]; widths: number[] };
  recipients?: string[];
  signer?: Nd30Signer;
  landscape?: boolean;
}

const FONT = 'Times New Roman';
const pt = (n: number) => n * 2;
const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}) =>
  new TextRun({ text, font: FONT, size: pt(o.size ?? 13), bold: o.bold, italics: o.italics, underline: o.underline ? {} : undefined });
const para = (children: TextRun[], align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER, spacingAfter = 0) =>
  new Paragraph({ children, alignment: align, spacing: { after: spacingAfter } });

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

/** "Ninh Thuận, ngày 16 tháng 07 năm 2021" (day and months 1-2 zero-padded, Phụ lục I). */
export function placeAndDate(place: string, iso: string): string {
  const d = iso.slice(8, 10);
  const m = +iso.slice(5, 7);
  return `${place}, ngày ${d} tháng ${m < 3 ? `0${m}` : m} năm ${iso.slice(0, 4)}`;
}

function headingTable(doc: Nd30Document): Table {
  const left = [
    ...(doc.parentAgency ? [para([run(doc.parentAgency.toUpperCase(), { size: 12 })])] : []),
    para([run(doc.agency.toUpperCase(), { bold: true, size: 12 })]),
    para([run('―――――', { size: 8 })]),
    para([run(doc.number, { size: 13 })]),
  ];
  const right = [
    para([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 12 })]),
    para([run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 13 })]),
    para([run('―――――――――――――――', { size: 8 })]),
    para([run(placeAndDate(doc.place, doc.date), { italics: true, size: 13 })]),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          new TableCell({ children: left, width: { size: 40, type: WidthType.PERCENTAGE }, borders: noBorders }),
          new TableCell({ children: right, width: { size: 60, type: WidthType.PERCENTAGE }, borders: noBorders }),
        ],
      }),
    ],
  });
}

function cell(c: Nd30TableCell, width: number | undefined, header: boolean): TableCell {
  const opts: ITableCellOptions = {
    children: c.text
      .split('\n')
      .map((line) =>
        para(
          [run(line, { bold: c.bold ?? header, size: 12 })],
          c.align === 'left' ? AlignmentType.LEFT : c.align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER,
        ),
      ),
    verticalAlign: VerticalAlign.CENTER,
    columnSpan: c.colSpan,
    rowSpan: c.rowSpan,
    ...(width ? { width: { size: width, type: WidthType.PERCENTAGE } } : {}),
  };
  return new TableCell(opts);
}

function bodyTable(t: NonNullable<Nd30Document['table']>): Table {
  const rows = [
    ...t.header.map((r) => new TableRow({ tableHeader: true, children: r.map((c, i) => cell(c, c.colSpan ? undefined : t.widths[i], true)) })),
    ...t.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, t.widths[i], false)) })),
  ];
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows });
}

function footer(doc: Nd30Document): Table {
  const left = [
    new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 12 })] }),
    ...(doc.recipients ?? []).map((r) => new Paragraph({ children: [run(r, { size: 11 })] })),
  ];
  const right = doc.signer
    ? [
        ...(doc.signer.authority ? [para([run(doc.signer.authority.toUpperCase(), { bold: true, size: 13 })])] : []),
        para([run(doc.signer.position.toUpperCase(), { bold: true, size: 13 })]),
        para([run('')], AlignmentType.CENTER, 1200),
        para([run(doc.signer.name, { bold: true, size: 13 })]),
      ]
    : [para([run('')])];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          new TableCell({ children: left, width: { size: 50, type: WidthType.PERCENTAGE }, borders: noBorders }),
          new TableCell({ children: right, width: { size: 50, type: WidthType.PERCENTAGE }, borders: noBorders }),
        ],
      }),
    ],
  });
}

export async function renderNd30Docx(doc: Nd30Document): Promise<Buffer> {
  const children = [
    headingTable(doc),
    para([run('')], AlignmentType.CENTER, 120),
    para([run(doc.title.toUpperCase(), { bold: true, size: 14 })]),
    para([run(doc.subject, { bold: true, size: 14 })]),
    ...(doc.subtitle ? [para([run(doc.subtitle, { italics: true, size: 13 })])] : []),
    para([run('')], AlignmentType.CENTER, 120),
    ...(doc.paragraphs ?? []).map(
      (p) =>
        new Paragraph({
          children: [run(p, { size: 14 })],
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: convertMillimetersToTwip(12.7) },
          spacing: { after: 120, line: 300 },
        }),
    ),
    ...(doc.table ? [bodyTable(doc.table)] : []),
    para([run('')], AlignmentType.CENTER, 240),
    footer(doc),
  ];
  const document = new Document({
    creator: 'Congvu',
    title: `${doc.title} ${doc.subject}`,
    styles: { default: { document: { run: { font: FONT, size: pt(13) } } } },
    sections: [
      {
        properties: {
          page: {
            size: doc.landscape
              ? { width: convertMillimetersToTwip(297), height: convertMillimetersToTwip(210), orientation: 'landscape' as never }
              : { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(20),
              bottom: convertMillimetersToTwip(20),
              left: convertMillimetersToTwip(30),
              right: convertMillimetersToTwip(15),
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
