/**
 * Just enough PDF reading and writing for signatures by incremental update (ISO 32000-1 §7.5.6): the
 * cross-reference tables (classic, as pdfmake/pdfkit write them and as this signer appends them), an
 * object's text, the first page, PDF text strings and dates.
 */

export class PdfFormatError extends Error {}

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

export interface XrefInfo {
  offsets: Map<number, number>;
  size: number;
  root: string;
  info?: string;
  id?: string;
  /** Offset of the last cross-reference table. */
  startxref: number;
}

function dictValue(dict: string, key: string): string | undefined {
  const m = new RegExp(`/${key}\\s*(\\d+\\s+\\d+\\s+R|\\[[^\\]]*\\]|\\d+)`).exec(dict);
  return m?.[1];
}

/** Reads the cross-reference tables from the last one back through /Prev (newest entry of each object wins). */
export function readXref(pdf: Buffer): XrefInfo {
  const tail = latin1(pdf.subarray(Math.max(0, pdf.length - 1024)));
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!m) throw new PdfFormatError('Không tìm thấy startxref ở cuối tệp PDF.');
  const startxref = Number(m[1]);
  const offsets = new Map<number, number>();
  let trailer: string | undefined;
  const seen = new Set<number>();
  for (let pos: number | undefined = startxref; pos !== undefined; ) {
    if (seen.has(pos) || pos >= pdf.length) throw new PdfFormatError('Bảng xref không hợp lệ.');
    seen.add(pos);
    const head = latin1(pdf.subarray(pos, pos + 4));
    if (head !== 'xref') throw new PdfFormatError('Tệp PDF dùng xref stream (chưa được hỗ trợ khi ký).');
    const end = pdf.indexOf('trailer', pos, 'latin1');
    if (end < 0) throw new PdfFormatError('Thiếu trailer sau bảng xref.');
    const lines = latin1(pdf.subarray(pos + 4, end))
      .split(/\r\n|\r|\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    for (let i = 0; i < lines.length; ) {
      const [first, count] = lines[i]!.split(/\s+/).map(Number);
      i++;
      for (let k = 0; k < count!; k++, i++) {
        const [off, , kind] = lines[i]!.split(/\s+/);
        if (kind === 'n' && !offsets.has(first! + k)) offsets.set(first! + k, Number(off));
      }
    }
    const tEnd = pdf.indexOf('startxref', end, 'latin1');
    const t = latin1(pdf.subarray(end, tEnd < 0 ? end + 2048 : tEnd));
    trailer ??= t;
    const prev = dictValue(t, 'Prev');
    pos = prev ? Number(prev) : undefined;
  }
  const root = dictValue(trailer!, 'Root');
  if (!root) throw new PdfFormatError('Trailer không có /Root.');
  const idMatch = /\/ID\s*(\[[^\]]*\])/.exec(trailer!);
  return { offsets, size: Number(dictValue(trailer!, 'Size') ?? 0), root, info: dictValue(trailer!, 'Info'), id: idMatch?.[1], startxref };
}

export const refNumber = (ref: string) => Number(ref.trim().split(/\s+/)[0]);

/** The text between "N 0 obj" and "endobj" of object N (dictionaries only: the signer never rewrites streams). */
export function objectText(pdf: Buffer, xref: XrefInfo, num: number): string {
  const off = xref.offsets.get(num);
  if (off === undefined) throw new PdfFormatError(`Không tìm thấy đối tượng ${num} trong xref.`);
  const end = pdf.indexOf('endobj', off, 'latin1');
  const text = latin1(pdf.subarray(off, end));
  const head = /^\s*\d+\s+\d+\s+obj/.exec(text);
  if (!head) throw new PdfFormatError(`Đối tượng ${num} không nằm ở vị trí ghi trong xref.`);
  return text.slice(head[0].length).trim();
}

/** The first page's object number (Catalog → Pages → Kids[0], down the tree). */
export function firstPage(pdf: Buffer, xref: XrefInfo): number {
  const catalog = objectText(pdf, xref, refNumber(xref.root));
  let node = dictValue(catalog, 'Pages');
  for (let depth = 0; node && depth < 32; depth++) {
    const text = objectText(pdf, xref, refNumber(node));
    if (/\/Type\s*\/Page\b(?!s)/.test(text)) return refNumber(node);
    const kids = dictValue(text, 'Kids');
    const first = kids && /(\d+\s+\d+\s+R)/.exec(kids)?.[1];
    node = first ?? undefined;
  }
  throw new PdfFormatError('Không tìm thấy trang đầu tiên.');
}

/** Inserts `ref` into the array `/key [...]` of a dictionary, or adds `/key [ref]` before its closing ">>". */
export function addToArray(dict: string, key: string, ref: string): string {
  const m = new RegExp(`/${key}\\s*\\[`).exec(dict);
  if (m) {
    const close = dict.indexOf(']', m.index);
    return `${dict.slice(0, close).trimEnd()} ${ref}${dict.slice(close)}`;
  }
  if (new RegExp(`/${key}\\s*\\d+\\s+\\d+\\s+R`).test(dict)) throw new PdfFormatError(`/${key} gián tiếp chưa được hỗ trợ khi ký.`);
  return addEntry(dict, `/${key} [${ref}]`);
}

/** Adds an entry before the dictionary's last ">>". */
export function addEntry(dict: string, entry: string): string {
  const close = dict.lastIndexOf('>>');
  return `${dict.slice(0, close).trimEnd()}\n${entry}\n>>`;
}

export { dictValue };

/** A PDF text string: ASCII as a literal string, anything else as UTF-16BE with a byte-order mark, in hex. */
export function pdfString(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  const b = Buffer.from(s, 'utf16le').swap16();
  return `<FEFF${b.toString('hex').toUpperCase()}>`;
}

/** Reads the value of `/key` as a text string (literal or hex; UTF-16BE with BOM, UTF-8 with BOM, or PDFDocEncoding≈Latin-1). */
export function readTextString(dict: string, key: string): string | undefined {
  const at = new RegExp(`/${key}\\s*([(<])`).exec(dict);
  if (!at) return undefined;
  let bytes: Buffer;
  let i = at.index + at[0].length;
  if (at[1] === '<') {
    const end = dict.indexOf('>', i);
    bytes = Buffer.from(dict.slice(i, end).replace(/\s+/g, ''), 'hex');
  } else {
    const out: number[] = [];
    let depth = 1;
    const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
    for (; i < dict.length && depth > 0; i++) {
      const c = dict[i]!;
      if (c === '\\') {
        const n = dict[++i]!;
        if (n in esc) out.push(esc[n]!);
        else if (/[0-7]/.test(n)) {
          let oct = n;
          while (oct.length < 3 && /[0-7]/.test(dict[i + 1] ?? '')) oct += dict[++i];
          out.push(parseInt(oct, 8) & 0xff);
        } else if (n === '\r' || n === '\n') {
          if (n === '\r' && dict[i + 1] === '\n') i++;
        } else out.push(n.charCodeAt(0));
        continue;
      }
      if (c === '(') depth++;
      if (c === ')' && --depth === 0) break;
      out.push(c.charCodeAt(0) & 0xff);
    }
    bytes = Buffer.from(out);
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  return bytes.toString('latin1');
}

/** "D:20261205143000+07'00'" in Vietnam time (UTC+7, no daylight saving). */
export function pdfDate(d: Date): string {
  const v = new Date(d.getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `D:${v.getUTCFullYear()}${p(v.getUTCMonth() + 1)}${p(v.getUTCDate())}${p(v.getUTCHours())}${p(v.getUTCMinutes())}${p(v.getUTCSeconds())}+07'00'`;
}

/** Parses a PDF date "D:YYYYMMDDHHmmSS+HH'mm'" (parts after the year optional) to a Date. */
export function parsePdfDate(s: string | undefined): Date | undefined {
  const m = s && /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(\d{2})?'?(\d{2})?'?)?/.exec(s.trim());
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', sign, oh = '00', om = '00'] = m;
  const utc = Date.UTC(+y!, +mo - 1, +d, +h, +mi, +se);
  const offset = sign === '+' || sign === '-' ? (sign === '+' ? 1 : -1) * (+oh * 60 + +om) * 60_000 : 0;
  return new Date(utc - offset);
}
