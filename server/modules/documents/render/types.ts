/**
 * Input of the outgoing-document renderers (DOCX and PDF in the layout of Nghị định 30/2020/NĐ-CP,
 * Phụ lục I). The documents module maps its rows to this view; nothing here reads the database.
 * Slot numbers refer to the layout boxes of Phụ lục I §IV (1 Quốc hiệu, 2 agency, 3 số/ký hiệu, …).
 */

/** Signing forms (Phụ lục I §II.7b, Điều 13): TM. thay mặt, KT. ký thay, TL. thừa lệnh, TUQ. thừa ủy quyền, Q. quyền. */
export type SigningForm = 'TM' | 'KT' | 'TL' | 'TUQ' | 'Q';

/** Độ khẩn (Phụ lục I §III.2b): printed as a stamp above the type name / V/v line. */
export type Urgency = 'KHAN' | 'THUONG_KHAN' | 'HOA_TOC';
/** Also accepted as written in shared/domain/documents/vocab.ts ('kt', 'tl', 'head', 'khan', 'normal', …). */
export type SigningFormInput = SigningForm | Lowercase<SigningForm> | 'head';
export type UrgencyInput = Urgency | Lowercase<Urgency> | 'normal';

export interface OutgoingSignerView {
  /** Signing form; absent (or 'head') when the head of the agency signs in their own name. */
  form?: SigningFormInput | null;
  /**
   * Who the form refers to (the head or the collective), e.g. "GIÁM ĐỐC" in "KT. GIÁM ĐỐC",
   * "ỦY BAN NHÂN DÂN" in "TM. ỦY BAN NHÂN DÂN". Required with TM, KT, TL, TUQ; ignored with Q.
   */
  onBehalfOf?: string;
  /** The signer's own position, e.g. "PHÓ GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "GIÁM ĐỐC" (with Q. it becomes "Q. GIÁM ĐỐC"). */
  position: string;
  /** Full name without academic titles, e.g. "Nguyễn Văn An" (printed bold, not upper-cased). */
  name: string;
}

export interface OutgoingDocumentView {
  /** Cơ quan chủ quản (box 2, first line, not bold), e.g. "UBND TỈNH NINH THUẬN". */
  parentAgency?: string;
  /** Cơ quan ban hành (box 2, bold, underlined), e.g. "SỞ NỘI VỤ". */
  agency: string;
  /**
   * Issued number (box 3); numbers below 10 are printed with a leading zero ("05").
   * null or absent before issue: the line reads "Số:      /SNV-TCBM".
   */
  number?: number | null;
  /** Ký hiệu after the "/", e.g. "SNV-TCBM" for a công văn, "QĐ-SNV" for a quyết định. */
  notation: string;
  /** Địa danh (box 4), e.g. "Ninh Thuận". */
  place: string;
  /** ISO date YYYY-MM-DD of issue; absent before issue (the line then reads "…, ngày     tháng     năm 2026"). */
  date?: string | null;
  /** Year used for a blank date line; defaults to the current year. */
  year?: number;
  /**
   * Tên loại (box 5a), upper-cased when printed, e.g. "QUYẾT ĐỊNH", "KẾ HOẠCH", "BÁO CÁO".
   * Absent or empty for a công văn: the trích yếu is then printed as "V/v …" under the số (box 5b).
   */
  typeName?: string | null;
  /** Trích yếu: the subject, without the "V/v" prefix, e.g. "tổ chức làm việc tại nhà". */
  subject: string;
  /** Kính gửi (box 9a, công văn): one or more addressees. */
  addressees?: string[];
  /** Body (box 6): paragraphs, justified with a first-line indent. A paragraph may hold "\n" for forced line breaks. */
  body: string[];
  /** Nơi nhận (box 9b), e.g. ["Như trên;", "Lưu: VT, TCBM."]; each is printed after "- ". */
  recipients: string[];
  signer: OutgoingSignerView;
  urgency?: UrgencyInput | null;
  /**
   * Lines printed in the signature space (between the position and the name), in blue, e.g.
   * ["Đã ký số", "Nguyễn Văn An", "05/12/2026 14:30"] for the copy that is then signed digitally
   * (Phụ lục I §II.7c: the signature image sits there). Absent: the space stays blank.
   */
  signatureNote?: string[];
  /** Prints "DỰ THẢO" at the top (a draft not yet issued). */
  draft?: boolean;
}
