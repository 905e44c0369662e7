/**
 * The text of each slot of an outgoing document in the Nghị định 30/2020 layout, shared by the DOCX
 * and the PDF renderers so that both print exactly the same words.
 */
import { invalid } from '../../../lib/errors';
import { placeAndDate } from '../../../lib/nd30-docx';
import type { OutgoingDocumentView, OutgoingSignerView, SigningForm, SigningFormInput, Urgency, UrgencyInput } from './types';

/** 'kt' → 'KT'; 'head', null → undefined (the head signs in their own name). */
export function signingForm(f: SigningFormInput | null | undefined): SigningForm | undefined {
  return !f || f === 'head' ? undefined : (f.toUpperCase() as SigningForm);
}
/** 'khan' → 'KHAN'; 'normal', null → undefined (no stamp). */
export function urgencyOf(u: UrgencyInput | null | undefined): Urgency | undefined {
  return !u || u === 'normal' ? undefined : (u.toUpperCase() as Urgency);
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** "Số: 05/SNV-TCBM" (numbers below 10 get a leading zero); before issue "Số:      /SNV-TCBM". */
export function numberLine(doc: Pick<OutgoingDocumentView, 'number' | 'notation'>): string {
  if (doc.number == null) return `Số:      /${doc.notation}`;
  return `Số: ${String(doc.number).padStart(2, '0')}/${doc.notation}`;
}

/** "Ninh Thuận, ngày 05 tháng 02 năm 2026" (day below 10 and months 1-2 zero-padded); a blank date before issue. */
export function dateLine(doc: Pick<OutgoingDocumentView, 'place' | 'date' | 'year'>): string {
  if (!doc.date) return `${doc.place}, ngày      tháng      năm ${doc.year ?? new Date().getFullYear()}`;
  return placeAndDate(doc.place, doc.date);
}

export function isCongVan(doc: Pick<OutgoingDocumentView, 'typeName'>): boolean {
  return !doc.typeName?.trim();
}

/** "V/v tổ chức làm việc tại nhà" (box 5b of a công văn). */
export function vvLine(doc: Pick<OutgoingDocumentView, 'subject'>): string {
  return `V/v ${doc.subject.trim()}`;
}

/** The signature block's upper lines: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], ["Q. GIÁM ĐỐC"], ["GIÁM ĐỐC"]. */
export function signerLines(s: OutgoingSignerView): string[] {
  const position = s.position.trim().toLocaleUpperCase('vi');
  const form = signingForm(s.form);
  if (form === 'Q') return [`Q. ${position}`];
  if (!form) return [position];
  return [`${form}. ${(s.onBehalfOf ?? '').trim().toLocaleUpperCase('vi')}`, position];
}

/** Each recipient after "- " (the list ends "- Lưu: VT, …."). */
export function recipientLines(doc: Pick<OutgoingDocumentView, 'recipients'>): string[] {
  return doc.recipients.map((r) => `- ${r.trim().replace(/^-\s*/, '')}`);
}

export const URGENCY_LABEL: Record<Urgency, string> = { KHAN: 'KHẨN', THUONG_KHAN: 'THƯỢNG KHẨN', HOA_TOC: 'HỎA TỐC' };

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

/** Checks the view before rendering: a bad value is a 400 with the field path, never a 500. */
export function checkView(doc: OutgoingDocumentView): void {
  if (!doc.agency?.trim()) throw invalid('agency', 'Thiếu tên cơ quan ban hành.');
  if (!doc.notation?.trim() || /\s/.test(doc.notation.trim()))
    throw invalid('notation', 'Ký hiệu văn bản không hợp lệ (không được trống hoặc chứa khoảng trắng).');
  if (doc.number != null && (!Number.isInteger(doc.number) || doc.number < 1)) throw invalid('number', 'Số văn bản phải là số nguyên dương.');
  if (doc.date != null && (!ISO_DATE.test(doc.date) || Number.isNaN(Date.parse(`${doc.date}T00:00:00Z`))))
    throw invalid('date', `Ngày văn bản không hợp lệ: "${doc.date}" (định dạng YYYY-MM-DD).`);
  if (!doc.place?.trim()) throw invalid('place', 'Thiếu địa danh.');
  if (!doc.subject?.trim()) throw invalid('subject', 'Thiếu trích yếu nội dung.');
  if (!doc.signer?.name?.trim()) throw invalid('signer.name', 'Thiếu họ tên người ký.');
  if (!doc.signer.position?.trim()) throw invalid('signer.position', 'Thiếu chức vụ người ký.');
  const form = signingForm(doc.signer.form);
  if (form && !['TM', 'KT', 'TL', 'TUQ', 'Q'].includes(form)) throw invalid('signer.form', `Hình thức ký không hợp lệ: ${doc.signer.form}.`);
  const urgency = urgencyOf(doc.urgency);
  if (urgency && !['KHAN', 'THUONG_KHAN', 'HOA_TOC'].includes(urgency)) throw invalid('urgency', `Độ khẩn không hợp lệ: ${doc.urgency}.`);
  if (form && form !== 'Q' && !doc.signer.onBehalfOf?.trim()) {
    throw invalid('signer.onBehalfOf', `Hình thức ký ${form}. cần ghi chức danh/tập thể được ký thay (ví dụ "GIÁM ĐỐC").`);
  }
}
