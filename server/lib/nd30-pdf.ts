/**
 * PDF documents in the Nghị định 30/2020 layout, from the same document model as the DOCX
 * (nd30-docx.ts): A4, margins 20/20/30/15 mm, in Tinos — the Times New Roman-compatible font
 * with every Vietnamese glyph.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { placeAndDate, type Nd30Document, type Nd30TableCell } from './nd30-docx';

const require = createRequire(import.meta.url);
const MM = 72 / 25.4;

/** Tinos (metric-compatible with Times New Roman, with Vietnamese), shipped as an npm dependency. */
function fonts(): { name: string; files: Record<string, string> } {
  const dir = path.dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
  return {
    name: 'Tinos',
    files: {
      normal: path.join(dir, '400Regular', 'Tinos_400Regular.ttf'),
      bold: path.join(dir, '700Bold', 'Tinos_700Bold.ttf'),
      italics: path.join(dir, '400Regular_Italic', 'Tinos_400Regular_Italic.ttf'),
      bolditalics: path.join(dir, '700Bold_Italic', 'Tinos_700Bold_Italic.ttf'),
    },
  };
}

type Content = Record<string, unknown> | string;

function cell(c: Nd30TableCell, header: boolean): Content {
  return {
    text: c.text,
    bold: c.bold ?? header,
    alignment: c.align ?? 'center',
    ...(c.colSpan ? { colSpan: c.colSpan } : {}),
    ...(c.rowSpan ? { rowSpan: c.rowSpan } : {}),
    fontSize: 11,
  };
}

/** Rows for pdfmake, which needs an empty placeholder for every cell covered by a column or row span. */
function expandRows(rows: Nd30TableCell[][], header: boolean, width: number): Content[][] {
  const pending = new Array<number>(width).fill(0);
  return rows.map((row) => {
    const out: Content[] = [];
    let next = 0;
    for (let col = 0; col < width; ) {
      if (pending[col]! > 0) {
        pending[col]!--;
        out.push('');
        col++;
        continue;
      }
      const c = row[next++];
      if (!c) {
        out.push('');
        col++;
        continue;
      }
      out.push(cell(c, header));
      const span = c.colSpan ?? 1;
      for (let k = 0; k < span; k++) {
        if (c.rowSpan && c.rowSpan > 1) pending[col + k] = c.rowSpan - 1;
        if (k > 0) out.push('');
      }
      col += span;
    }
    return out;
  });
}

export async function renderNd30Pdf(doc: Nd30Document): Promise<Buffer> {
  const pdfmake = require('pdfmake') as {
    setFonts(f: unknown): void;
    setUrlAccessPolicy(f: (url: string) => boolean): void;
    setLocalAccessPolicy(f: (p: string) => boolean): void;
    createPdf(d: unknown): { getBuffer(): Promise<Buffer> };
  };
  const f = fonts();
  pdfmake.setFonts({ [f.name]: f.files });
  // Documents never load anything but the font files.
  const allowed = new Set(Object.values(f.files));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => allowed.has(p));
  const body: Content[] = [];
  body.push({
    columns: [
      {
        width: '40%',
        stack: [
          ...(doc.parentAgency ? [{ text: doc.parentAgency.toUpperCase(), fontSize: 12 }] : []),
          { text: doc.agency.toUpperCase(), bold: true, fontSize: 12 },
          { text: '―――――', fontSize: 8 },
          { text: doc.number, fontSize: 13 },
        ],
        alignment: 'center',
      },
      {
        width: '60%',
        stack: [
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, fontSize: 12 },
          { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, fontSize: 13 },
          { text: '―――――――――――――――', fontSize: 8 },
          { text: placeAndDate(doc.place, doc.date), italics: true, fontSize: 13 },
        ],
        alignment: 'center',
      },
    ],
  });
  body.push({ text: doc.title.toUpperCase(), bold: true, fontSize: 14, alignment: 'center', margin: [0, 12, 0, 0] });
  body.push({ text: doc.subject, bold: true, fontSize: 14, alignment: 'center' });
  if (doc.subtitle) body.push({ text: doc.subtitle, italics: true, fontSize: 13, alignment: 'center' });
  for (const p of doc.paragraphs ?? []) body.push({ text: p, fontSize: 14, alignment: 'justify', leadingIndent: 12.7 * MM, margin: [0, 6, 0, 0] });
  if (doc.table) {
    const width = doc.table.widths.length;
    const headerRows = expandRows(doc.table.header, true, width);
    const rows = expandRows(doc.table.rows, false, width);
    body.push({
      margin: [0, 10, 0, 0],
      table: { headerRows: headerRows.length, widths: doc.table.widths.map((w) => `${w}%`), body: [...headerRows, ...rows] },
    });
  }
  body.push({
    margin: [0, 16, 0, 0],
    columns: [
      {
        width: '50%',
        stack: [{ text: 'Nơi nhận:', bold: true, italics: true, fontSize: 12 }, ...(doc.recipients ?? []).map((r) => ({ text: r, fontSize: 11 }))],
      },
      {
        width: '50%',
        alignment: 'center',
        stack: doc.signer
          ? [
              ...(doc.signer.authority ? [{ text: doc.signer.authority.toUpperCase(), bold: true, fontSize: 13 }] : []),
              { text: doc.signer.position.toUpperCase(), bold: true, fontSize: 13 },
              { text: ' ', margin: [0, 40, 0, 0] },
              { text: doc.signer.name, bold: true, fontSize: 13 },
            ]
          : [],
      },
    ],
  });
  const definition = {
    pageSize: 'A4',
    pageOrientation: doc.landscape ? 'landscape' : 'portrait',
    pageMargins: [30 * MM, 20 * MM, 15 * MM, 20 * MM],
    defaultStyle: { font: f.name, fontSize: 13 },
    info: { title: `${doc.title} ${doc.subject}`, creator: 'Congvu' },
    content: body,
  };
  return pdfmake.createPdf(definition).getBuffer();
}
