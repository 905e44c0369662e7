/**
 * Secret documents (văn bản mật, Luật BVBMNN): Congvu keeps only a content-free register entry. Any
 * content (trích yếu, body text, files) is refused with an explanation. Pure: the server checks every
 * path with it (create, update, attach, import, issuance to another agency), the web warns with it.
 */
import { isSecret, SECRECY_LABELS_VI, type Secrecy } from './vocab';

export const SECRET_CONTENT_MESSAGE_VI =
  'Văn bản mật chỉ được vào sổ đăng ký trên Congvu (số, ngày, cơ quan ban hành, độ mật, người xử lý). Không được đưa trích yếu, nội dung hay tệp của văn bản mật lên hệ thống kết nối mạng (Luật Bảo vệ bí mật nhà nước, Điều 5); văn bản được Văn phòng chuyển bản giấy.';

/** Fields of a request that carry content. */
export const CONTENT_FIELDS = ['subject', 'body', 'file', 'files', 'content'] as const;

/** The content fields present in `input` of a document with `secrecy` (empty when allowed). */
export function secretContentFields(secrecy: Secrecy | string | null | undefined, input: Record<string, unknown>): string[] {
  if (!isSecret(secrecy)) return [];
  return CONTENT_FIELDS.filter((f) => {
    const v = input[f];
    if (v === undefined || v === null) return false;
    if (typeof v === 'string') return v.trim().length > 0;
    if (Array.isArray(v)) return v.length > 0;
    return true;
  });
}

export function secretLabel(secrecy: Secrecy): string {
  return SECRECY_LABELS_VI[secrecy];
}
