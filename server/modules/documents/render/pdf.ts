/**
 * The outgoing document as PDF (pdfmake, font Tinos = Times New Roman metrics with Vietnamese glyphs) in
 * the same Nghị định 30/2020 layout and with the same words as the DOCX (docx.ts, layout.ts). The PDF
 * uses a classic cross-reference table, which the signer (../signing) extends by incremental updates.
 */
import { createRequire } from 'node:module';
import { shortRuleLength, textWidth, tinosFiles } from './fonts';
import { QUOC_HIEU, TIEU_NGU, URGENCY_LABEL, checkView, dateLine, isCongVan, numberLine, recipientLines, signerLines, urgencyOf, vvLine } from './layout';
import type { OutgoingDocumentView } from './types';

const require = createRequire(import.meta.url);
const MM = 72 / 25.4;
const PAGE = { top: 20, bottom: 20, left: 30, right: 15 };
const TEXT = (210 - PAGE.left - PAGE.right) * MM;
const LEFT = 66 * MM;
const RIGHT = TEXT - LEFT;

type Content = Record<string, unknown>;

/** A horizontal rule `length` long, centred in its column (pdfmake centres a canvas by its drawn width). */
const line = (length: number, y = 1): Content => ({
  alignment: 'center',
  canvas: [{ type: 'line', x1: 0, y1: y, x2: length, y2: y, lineWidth: 0.6 }],
});

function heading(doc: OutgoingDocumentView): Content[] {
  const agency = doc.agency.trim().toLocaleUpperCase('vi');
  return [
    {
      columns: [
        {
          width: LEFT,
          alignment: 'center',
          stack: [
            ...(doc.parentAgency?.trim() ? [{ text: doc.parentAgency.trim().toLocaleUpperCase('vi'), fontSize: 12 }] : []),
            { text: agency, bold: true, fontSize: 12 },
            line(shortRuleLength(agency, 12, LEFT), 3),
          ],
        },
        {
          width: RIGHT,
          alignment: 'center',
          stack: [
            { text: QUOC_HIEU, bold: true, fontSize: 12 },
            { text: TIEU_NGU, bold: true, fontSize: 13 },
            line(textWidth(TIEU_NGU, { size: 13, bold: true }), 1.5),
          ],
        },
      ],
    },
    {
      margin: [0, 6, 0, 0],
      columns: [
        {
          width: LEFT,
          alignment: 'center',
          stack: [
            { text: numberLine(doc), fontSize: 13 },
            ...(isCongVan(doc) ? [{ text: vvLine(doc), fontSize: 12, margin: [0, 3, 0, 0] }] : []),
            ...urgencyStamp(doc),
          ],
        },
        { width: RIGHT, alignment: 'center', text: dateLine(doc), italics: true, fontSize: 14 },
      ],
    },
  ];
}

/** Độ khẩn (box 10b, under the số/ký hiệu): bold upper-case in a red frame. */
function urgencyStamp(doc: OutgoingDocumentView): Content[] {
  const urgency = urgencyOf(doc.urgency);
  if (!urgency) return [];
  const redFrame = { hLineColor: () => '#d00000', vLineColor: () => '#d00000', hLineWidth: () => 1, vLineWidth: () => 1 };
  return [
    {
      margin: [0, 6, 0, 0],
      columns: [
        { width: '*', text: '' },
        {
          width: 'auto',
          table: { body: [[{ text: URGENCY_LABEL[urgency], bold: true, fontSize: 13, color: '#d00000', margin: [6, 0, 6, 0] }]] },
          layout: redFrame,
        },
        { width: '*', text: '' },
      ],
    },
  ];
}

function titleBlock(doc: OutgoingDocumentView): Content[] {
  const out: Content[] = [];
  if (isCongVan(doc)) {
    const to = (doc.addressees ?? []).map((a) => a.trim()).filter(Boolean);
    if (to.length === 1) out.push({ text: `Kính gửi: ${to[0]}`, fontSize: 14, alignment: 'center', margin: [0, 18, 0, 6] });
    else if (to.length > 1) {
      out.push({ text: 'Kính gửi:', fontSize: 14, alignment: 'center', margin: [0, 18, 0, 0] });
      out.push({ stack: to.map((a) => ({ text: `- ${a}`, fontSize: 14 })), margin: [45 * MM, 0, 0, 6] });
    } else out.push({ text: '', margin: [0, 12, 0, 0] });
    return out;
  }
  const subject = doc.subject.trim();
  out.push({ text: doc.typeName!.trim().toLocaleUpperCase('vi'), bold: true, fontSize: 14, alignment: 'center', margin: [0, 18, 0, 0] });
  out.push({ text: subject, bold: true, fontSize: 14, alignment: 'center' });
  out.push({ ...line(shortRuleLength(subject, 14, TEXT), 5), margin: [0, 0, 0, 12] });
  return out;
}

function footer(doc: OutgoingDocumentView): Content {
  const half = TEXT / 2;
  return {
    unbreakable: true,
    margin: [0, 12, 0, 0],
    columns: [
      {
        width: half - 5 * MM,
        stack: [{ text: 'Nơi nhận:', bold: true, italics: true, fontSize: 12 }, ...recipientLines(doc).map((r) => ({ text: r, fontSize: 11 }))],
      },
      {
        width: half + 5 * MM,
        alignment: 'center',
        stack: [
          ...signerLines(doc.signer).map((l) => ({ text: l, bold: true, fontSize: 13 })),
          // Space for the signature image and the seal (Phụ lục I §II.7c, 8).
          ...(doc.signatureNote?.length
            ? [
                {
                  stack: doc.signatureNote.map((l) => ({ text: l, fontSize: 10, color: '#1f3fbf' })),
                  margin: [0, 6 * MM, 0, 26 * MM - 6 * MM - doc.signatureNote.length * 11.5],
                },
              ]
            : [{ text: ' ', fontSize: 13, margin: [0, 26 * MM - 15, 0, 0] }]),
          { text: doc.signer.name.trim(), bold: true, fontSize: 14 },
        ],
      },
    ],
  };
}

interface PdfMake {
  setFonts(f: unknown): void;
  setUrlAccessPolicy(f: (url: string) => boolean): void;
  setLocalAccessPolicy(f: (p: string) => boolean): void;
  createPdf(d: unknown): { getBuffer(): Promise<Buffer> };
}

/** Renders the document; `creationDate` fixes the PDF's dates (reproducible output in tests). */
export async function renderOutgoingPdf(doc: OutgoingDocumentView, opts: { creationDate?: Date } = {}): Promise<Buffer> {
  checkView(doc);
  const pdfmake = require('pdfmake') as PdfMake;
  const f = tinosFiles();
  pdfmake.setFonts({ Tinos: f });
  const allowed = new Set<string>(Object.values(f));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => allowed.has(p));
  const content: Content[] = [];
  if (doc.draft) content.push({ text: 'DỰ THẢO', bold: true, fontSize: 13, alignment: 'right', margin: [0, 0, 0, 6] });
  content.push(...heading(doc), ...titleBlock(doc));
  for (const p of doc.body) content.push({ text: p, fontSize: 14, alignment: 'justify', leadingIndent: 12.7 * MM, lineHeight: 1.15, margin: [0, 6, 0, 0] });
  content.push(footer(doc));
  const title = isCongVan(doc) ? `${numberLine(doc)} ${vvLine(doc)}` : `${doc.typeName!.trim()} ${doc.subject.trim()}`;
  const definition = {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [PAGE.left * MM, PAGE.top * MM, PAGE.right * MM, PAGE.bottom * MM],
    defaultStyle: { font: 'Tinos', fontSize: 13 },
    info: { title, creator: 'Congvu', producer: 'Congvu', author: doc.agency.trim(), ...(opts.creationDate ? { creationDate: opts.creationDate } : {}) },
    // Page numbers centred at the top, none on page 1 (Phụ lục I §I).
    header: (page: number) => (page > 1 ? { text: String(page), alignment: 'center', fontSize: 13, margin: [0, 10 * MM, 0, 0] } : null),
    content,
  };
  return pdfmake.createPdf(definition).getBuffer();
}
