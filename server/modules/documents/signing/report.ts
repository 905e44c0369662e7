/**
 * The verification result in Vietnamese words, shared by `congvu document verify` and the API/screen:
 * who signed, for which agency, when (Vietnam time), whether the signature is valid, whether the file
 * changed after signing, and whether the certificate chains to the Congvu root.
 */
import type { SignatureReport, VerifyResult } from './verify';

/** "05/12/2026 14:30:00 (giờ Việt Nam)". */
export function viTime(iso: string | undefined): string {
  if (!iso) return 'không rõ';
  const v = new Date(new Date(iso).getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(v.getUTCDate())}/${p(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${p(v.getUTCHours())}:${p(v.getUTCMinutes())}:${p(v.getUTCSeconds())} (giờ Việt Nam)`;
}

export function signatureLinesVi(s: SignatureReport, opts: { caHint?: string } = {}): string[] {
  const lines = [`Chữ ký ${s.index}: ${s.name ?? '(không ghi tên người ký)'}`];
  const agency = [s.certificate?.commonName, s.certificate?.organization].filter(Boolean).join(', ');
  lines.push(`  Cơ quan (chứng thư): ${agency || 'không rõ'}${s.certificate?.issuer ? ` — cấp bởi ${s.certificate.issuer}` : ''}`);
  lines.push(`  Thời điểm ký: ${viTime(s.signingTime)}`);
  if (s.reason) lines.push(`  Lý do: ${s.reason}`);
  if (s.location) lines.push(`  Địa điểm: ${s.location}`);
  lines.push(`  Chữ ký số: ${s.cryptoValid ? 'hợp lệ' : 'KHÔNG HỢP LỆ'}${s.pades ? ' (PAdES)' : ''}`);
  lines.push(
    `  Nội dung: ${!s.cryptoValid ? 'ĐÃ BỊ THAY ĐỔI hoặc không kiểm tra được' : s.changedAfterSigning ? 'ĐÃ BỊ THAY ĐỔI SAU KHI KÝ' : s.coversWholeFile ? 'không thay đổi từ khi ký' : 'không thay đổi từ khi ký (sau đó chỉ có thêm chữ ký)'}`,
  );
  lines.push(
    `  Nguồn gốc chứng thư: ${s.trusted === null ? `chưa kiểm tra${opts.caHint ? ` (${opts.caHint})` : ''}` : s.trusted ? 'tin cậy (do CA gốc Congvu cấp)' : 'KHÔNG TIN CẬY (không do CA gốc Congvu cấp)'}`,
  );
  for (const p of s.problems) lines.push(`  ! ${p}`);
  return lines;
}

/** One line: "HỢP LỆ — …", "KHÔNG HỢP LỆ." or "tệp không có chữ ký số." */
export function conclusionVi(r: VerifyResult): string {
  if (r.signatures.length === 0) return 'Kết luận: tệp không có chữ ký số.';
  if (!r.valid) return 'Kết luận: KHÔNG HỢP LỆ.';
  const unchecked = r.signatures.some((s) => s.trusted === null);
  return `Kết luận: HỢP LỆ — tất cả chữ ký hợp lệ và tệp không bị thay đổi sau khi ký${unchecked ? ' (chưa kiểm tra nguồn gốc chứng thư)' : ''}.`;
}

export function verificationLinesVi(r: VerifyResult, opts: { caHint?: string } = {}): string[] {
  return [...r.signatures.flatMap((s) => signatureLinesVi(s, opts)), conclusionVi(r)];
}
