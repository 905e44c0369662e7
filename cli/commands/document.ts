/**
 * `congvu document verify FILE.pdf [--ca CA.pem] [--json]`: lists the digital signatures of a PDF — who signed,
 * for which agency, when, whether each signature is valid and whether the file changed after signing — and,
 * with --ca (the installation's Congvu root certificate, PEM), whether the certificates chain to it.
 * Exit 0 when there is at least one signature and every one is valid, unchanged (and trusted with --ca);
 * 3 when a signature is invalid, the file changed, the certificate is untrusted or there is no signature;
 * 2 on bad arguments or an unreadable file.
 */
import { readFile } from 'node:fs/promises';
import { verifyPdf, type SignatureReport } from '../../server/modules/documents/signing/verify';
import { EXIT, type CliIo } from '../io';

const USAGE = 'Cách dùng: congvu document verify TỆP.pdf [--ca CA.pem] [--json]';

function invalid(io: CliIo, message: string): number {
  io.stderr(`${message}\n${USAGE}\n`);
  return EXIT.invalid;
}

async function read(file: string, io: CliIo): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const detail = code === 'ENOENT' ? 'không tìm thấy tệp' : code === 'EISDIR' ? 'đây là một thư mục' : code === 'EACCES' ? 'không có quyền đọc' : (err as Error).message;
    io.stderr(`${file}: ${detail}\n`);
    return undefined;
  }
}

/** "05/12/2026 14:30:00 (giờ Việt Nam)". */
function viTime(iso: string | undefined): string {
  if (!iso) return 'không rõ';
  const v = new Date(new Date(iso).getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(v.getUTCDate())}/${p(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${p(v.getUTCHours())}:${p(v.getUTCMinutes())}:${p(v.getUTCSeconds())} (giờ Việt Nam)`;
}

function describe(s: SignatureReport): string {
  const lines = [`Chữ ký ${s.index}: ${s.name ?? '(không ghi tên người ký)'}`];
  const agency = [s.certificate?.commonName, s.certificate?.organization].filter(Boolean).join(', ');
  lines.push(`  Cơ quan (chứng thư): ${agency || 'không rõ'}${s.certificate?.issuer ? ` — cấp bởi ${s.certificate.issuer}` : ''}`);
  lines.push(`  Thời điểm ký: ${viTime(s.signingTime)}`);
  if (s.reason) lines.push(`  Lý do: ${s.reason}`);
  if (s.location) lines.push(`  Địa điểm: ${s.location}`);
  lines.push(`  Chữ ký số: ${s.cryptoValid ? 'hợp lệ' : 'KHÔNG HỢP LỆ'}${s.pades ? ' (PAdES)' : ''}`);
  lines.push(`  Nội dung: ${!s.cryptoValid ? 'ĐÃ BỊ THAY ĐỔI hoặc không kiểm tra được' : s.changedAfterSigning ? 'ĐÃ BỊ THAY ĐỔI SAU KHI KÝ' : s.coversWholeFile ? 'không thay đổi từ khi ký' : 'không thay đổi từ khi ký (sau đó chỉ có thêm chữ ký)'}`);
  lines.push(`  Nguồn gốc chứng thư: ${s.trusted === null ? 'chưa kiểm tra (dùng --ca CA.pem)' : s.trusted ? 'tin cậy (CA gốc Congvu đã cho)' : 'KHÔNG TIN CẬY (không do CA đã cho cấp)'}`);
  for (const p of s.problems) lines.push(`  ! ${p}`);
  return `${lines.join('\n')}\n`;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const files: string[] = [];
  let caFile: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--ca') {
      caFile = args[++i];
      if (!caFile) return invalid(io, 'Thiếu tên tệp sau --ca.');
    } else if (arg.startsWith('--ca=')) caFile = arg.slice(5);
    else if (arg === '--json') json = true;
    else if (arg.startsWith('--')) return invalid(io, `Tùy chọn không được hỗ trợ: ${arg}`);
    else files.push(arg);
  }
  if (files.length !== 1) return invalid(io, files.length === 0 ? 'Thiếu tệp PDF cần kiểm tra.' : `Thừa tham số: ${files.slice(1).join(' ')}`);
  const file = files[0]!;
  const pdf = await read(file, io);
  if (!pdf) return EXIT.invalid;
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
    io.stderr(`${file}: không phải tệp PDF.\n`);
    return EXIT.invalid;
  }
  let trustedRoots: string[] | undefined;
  if (caFile) {
    const ca = await read(caFile, io);
    if (!ca) return EXIT.invalid;
    if (!ca.toString('utf8').includes('-----BEGIN CERTIFICATE-----')) {
      io.stderr(`${caFile}: không phải chứng thư PEM.\n`);
      return EXIT.invalid;
    }
    trustedRoots = [ca.toString('utf8')];
  }
  let result: ReturnType<typeof verifyPdf>;
  try {
    result = verifyPdf(pdf, { trustedRoots });
  } catch (err) {
    io.stderr(`${caFile ?? file}: không đọc được (${(err as Error).message}).\n`);
    return EXIT.invalid;
  }
  if (json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else {
    io.stdout(`Tệp: ${file} (${result.signatures.length} chữ ký)\n`);
    for (const s of result.signatures) io.stdout(describe(s));
    io.stdout(
      result.signatures.length === 0
        ? 'Kết luận: tệp không có chữ ký số.\n'
        : result.valid
          ? `Kết luận: HỢP LỆ — tất cả chữ ký hợp lệ và tệp không bị thay đổi sau khi ký${trustedRoots ? '' : ' (chưa kiểm tra nguồn gốc chứng thư)'}.\n`
          : 'Kết luận: KHÔNG HỢP LỆ.\n',
    );
  }
  return result.valid ? EXIT.ok : EXIT.violations;
}
