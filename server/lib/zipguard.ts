/**
 * Guard for uploaded XLSX/DOCX files (ZIP archives) before a library inflates them (issue 8, item 4).
 *
 * 1. The central directory is read (nothing inflated): too many entries, a total declared uncompressed
 *    size over the limit, an absurd compression ratio, ZIP64, encryption or an unknown method → refused.
 * 2. Declared sizes can lie: every entry is then really inflated (asynchronously, off the main thread)
 *    with a byte cap equal to its declared size and to what is left of the total budget; an entry that
 *    inflates to more is refused. Nothing is kept: the library reads the same bytes afterwards, and they
 *    are now known to expand to at most the checked total.
 */
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { AppError } from './errors';

const inflateRawAsync = promisify(inflateRaw);

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the uncompressed sizes. */
  maxTotalBytes: number;
  /** Uncompressed / compressed, checked for entries above 1 MB uncompressed. */
  maxRatio: number;
}

export const OFFICE_ZIP_LIMITS: ZipLimits = { maxEntries: 2000, maxTotalBytes: 50 * 1024 * 1024, maxRatio: 200 };

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's data (after its local header). */
  dataOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function refuse(kind: string, message: string, code: 'VALIDATION' | 'PAYLOAD_TOO_LARGE' = 'VALIDATION'): never {
  const full = `Tệp ${kind} không hợp lệ: ${message}`;
  throw new AppError(code, full, { issues: [{ path: 'body', message: full }] });
}

/** Reads the central directory (and each local header's length) without inflating anything. */
export function readZipDirectory(buf: Uint8Array, limits: ZipLimits = OFFICE_ZIP_LIMITS, kind = 'XLSX'): ZipEntry[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const bad = (message: string): never => refuse(kind, message);
  if (buf.length < 22) bad('không phải tệp nén ZIP.');
  // The end-of-central-directory record is in the last 22 + 65535 bytes (its comment is at most 64 KB).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) bad('không phải tệp nén ZIP (thiếu mục lục).');
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) refuse(kind, 'tệp ZIP64 quá lớn, không được hỗ trợ.', 'PAYLOAD_TOO_LARGE');
  if (count > limits.maxEntries) refuse(kind, `có ${count} tệp con, vượt quá giới hạn ${limits.maxEntries}.`, 'PAYLOAD_TOO_LARGE');
  if (cdOffset + cdSize > eocd) bad('mục lục của tệp nén bị hỏng.');

  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL) bad('mục lục của tệp nén bị hỏng.');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    const name = Buffer.from(buf.buffer, buf.byteOffset + p + 46, Math.min(nameLen, Math.max(0, eocd - p - 46))).toString('utf8');
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) bad(`tệp con "${name.slice(0, 100)}" được mã hóa.`);
    if (method !== 0 && method !== 8) bad(`tệp con "${name.slice(0, 100)}" dùng kiểu nén không được hỗ trợ.`);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff)
      refuse(kind, 'tệp ZIP64 quá lớn, không được hỗ trợ.', 'PAYLOAD_TOO_LARGE');
    if (method === 0 && size !== compressedSize) bad('mục lục của tệp nén bị hỏng.');
    total += size;
    if (total > limits.maxTotalBytes)
      refuse(kind, `dung lượng sau khi giải nén vượt quá ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB.`, 'PAYLOAD_TOO_LARGE');
    if (size > 1024 * 1024 && size > compressedSize * limits.maxRatio)
      refuse(kind, `tệp con "${name.slice(0, 100)}" có tỉ lệ nén bất thường (nghi là "bom nén").`, 'PAYLOAD_TOO_LARGE');
    if (localOffset + 30 > buf.length || view.getUint32(localOffset, true) !== LOCAL) bad('tệp nén bị hỏng.');
    const dataOffset = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataOffset + compressedSize > buf.length) bad('tệp nén bị cắt ngang.');
    entries.push({ name, method, compressedSize, size, dataOffset });
  }
  return entries;
}

/**
 * Checks an uploaded Office file (XLSX or DOCX) before it is parsed: the directory, then the real
 * inflation of every entry with a byte cap. Throws a 400/413 AppError with a Vietnamese message.
 */
export async function guardOfficeZip(buf: Uint8Array, kind: 'XLSX' | 'DOCX' = 'XLSX', limits: ZipLimits = OFFICE_ZIP_LIMITS): Promise<void> {
  const entries = readZipDirectory(buf, limits, kind);
  let budget = limits.maxTotalBytes;
  for (const e of entries) {
    if (e.method === 0) {
      budget -= e.size;
      continue;
    }
    const cap = Math.min(e.size, budget);
    let out: Buffer;
    try {
      // maxOutputLength makes zlib stop (RangeError) instead of allocating what a lying entry expands to.
      out = await inflateRawAsync(buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize), { maxOutputLength: Math.max(1, cap) });
    } catch (err) {
      if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        refuse(kind, `tệp con "${e.name.slice(0, 100)}" giải nén ra nhiều hơn kích thước khai báo (nghi là "bom nén").`, 'PAYLOAD_TOO_LARGE');
      }
      refuse(kind, `tệp con "${e.name.slice(0, 100)}" bị hỏng, không giải nén được.`);
    }
    if (out.length > cap) refuse(kind, `tệp con "${e.name.slice(0, 100)}" giải nén ra nhiều hơn kích thước khai báo (nghi là "bom nén").`, 'PAYLOAD_TOO_LARGE');
    budget -= out.length;
  }
}
