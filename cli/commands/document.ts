/**
 * `congvu document verify FILE.pdf [--ca CA.pem] [--json]`: lists the digital signatures of a PDF — who signed,
 * for which agency, when, whether each signature is valid and whether the file changed after signing — and,
 * with --ca (the installation's Congvu root certificate, PEM), whether the certificates chain to it.
 * Exit 0 when there is at least one signature and every one is valid, unchanged (and trusted with --ca);
 * 3 when a signature is invalid, the file changed, the certificate is untrusted or there is no signature;
 * 2 on bad arguments or an unreadable file.
 */
import { readFile } from 'node:fs/promises';
import { verificationLinesVi } from '../../server/modules/documents/signing/report';
import { verifyPdf } from '../../server/modules/documents/signing/verify';
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
    const detail =
      code === 'ENOENT' ? 'không tìm thấy tệp' : code === 'EISDIR' ? 'đây là một thư mục' : code === 'EACCES' ? 'không có quyền đọc' : (err as Error).message;
    io.stderr(`${file}: ${detail}\n`);
    return undefined;
  }
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
    io.stdout(`${verificationLinesVi(result, { caHint: 'dùng --ca CA.pem' }).join('\n')}\n`);
  }
  return result.valid ? EXIT.ok : EXIT.violations;
}
