/**
 * The text of a received PDF or DOCX, for full-text search (folded into `documents.search_text`). Best
 * effort: a scanned PDF without a text layer, a damaged file or a file over the limits gives "" and the
 * document stays searchable by its register data. Never called for a secret document (no file exists).
 */
import { guardOfficeZip } from '../../lib/zipguard';

const MAX_TEXT = 200_000;

export async function extractText(bytes: Uint8Array, mime: string): Promise<string> {
  try {
    if (mime === 'application/pdf') {
      const { PDFParse } = await import('pdf-parse');
      const parser = new PDFParse({ data: new Uint8Array(bytes) });
      try {
        return (await parser.getText()).text.slice(0, MAX_TEXT);
      } finally {
        await parser.destroy?.();
      }
    }
    // A zip bomb is not expanded: directory and real inflation capped (lib/zipguard.ts); refused → "".
    await guardOfficeZip(bytes, 'DOCX');
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(bytes);
    const entry = zip.file('word/document.xml');
    // A zip bomb is not expanded: the declared size of the one entry read is checked first.
    const size = (entry as unknown as { _data?: { uncompressedSize?: number } } | null)?._data?.uncompressedSize ?? 0;
    if (!entry || size > 50 * 1024 * 1024) return '';
    const xml = await entry.async('string');
    return xml
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
      .slice(0, MAX_TEXT);
  } catch {
    return '';
  }
}
