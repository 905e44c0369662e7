/**
 * Tinos, the Times New Roman-compatible font with every Vietnamese glyph (npm @expo-google-fonts/tinos):
 * its files for pdfmake, and text widths (same metrics as Times New Roman) so that the DOCX and the PDF
 * can draw the short rules of Nghị định 30 (under the agency name and the trích yếu) at the right length.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export interface TinosFiles {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

let files: TinosFiles | undefined;
export function tinosFiles(): TinosFiles {
  if (files) return files;
  const dir = path.dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
  files = {
    normal: path.join(dir, '400Regular', 'Tinos_400Regular.ttf'),
    bold: path.join(dir, '700Bold', 'Tinos_700Bold.ttf'),
    italics: path.join(dir, '400Regular_Italic', 'Tinos_400Regular_Italic.ttf'),
    bolditalics: path.join(dir, '700Bold_Italic', 'Tinos_700Bold_Italic.ttf'),
  };
  return files;
}

interface Measurer {
  font(file: string): Measurer;
  fontSize(size: number): Measurer;
  widthOfString(text: string): number;
}
let measurer: Measurer | undefined;

/** Width in points of one line of text in Tinos (= Times New Roman). */
export function textWidth(text: string, o: { size: number; bold?: boolean; italics?: boolean }): number {
  if (!measurer) {
    const PDFDocument = require('pdfkit') as new (opts: { autoFirstPage: boolean }) => Measurer;
    measurer = new PDFDocument({ autoFirstPage: false });
  }
  const f = tinosFiles();
  const file = o.bold ? (o.italics ? f.bolditalics : f.bold) : o.italics ? f.italics : f.normal;
  return measurer.font(file).fontSize(o.size).widthOfString(text);
}

/** NĐ 30: the rule under the agency name and under the trích yếu is 1/3 to 1/2 as long as the (bold) line above. */
export function shortRuleLength(text: string, size: number, maxPt: number): number {
  const line = Math.min(textWidth(text, { size, bold: true }), maxPt);
  return Math.max(line * 0.45, 40);
}
