/**
 * Vocabulary of văn bản đến / đi (NĐ 30/2020/NĐ-CP): document types with their abbreviations
 * (Phụ lục III), urgency, secrecy, signing authority forms, registers. Pure, isomorphic.
 */

export const DOCUMENT_DIRECTIONS = ['in', 'out'] as const;
export type DocumentDirection = (typeof DOCUMENT_DIRECTIONS)[number];

/** Độ khẩn: thường < khẩn < thượng khẩn < hỏa tốc. */
export const URGENCIES = ['normal', 'khan', 'thuong_khan', 'hoa_toc'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABELS_VI: Record<Urgency, string> = { normal: 'Thường', khan: 'Khẩn', thuong_khan: 'Thượng khẩn', hoa_toc: 'Hỏa tốc' };

/** Độ mật: `none` for an ordinary document; the others are state secrets (only a register entry). */
export const SECRECY_LEVELS = ['none', 'mat', 'toi_mat', 'tuyet_mat'] as const;
export type Secrecy = (typeof SECRECY_LEVELS)[number];
export const SECRECY_LABELS_VI: Record<Secrecy, string> = { none: 'Không mật', mat: 'Mật', toi_mat: 'Tối mật', tuyet_mat: 'Tuyệt mật' };
export const isSecret = (s: Secrecy | string | null | undefined): boolean => !!s && s !== 'none';

/**
 * Registers (sổ đăng ký): one number sequence per agency, register and calendar year. Secret documents
 * have their own sequences.
 */
export const REGISTERS = ['den', 'di', 'mat_den', 'mat_di'] as const;
export type Register = (typeof REGISTERS)[number];
export const REGISTER_LABELS_VI: Record<Register, string> = {
  den: 'Sổ đăng ký văn bản đến',
  di: 'Sổ đăng ký văn bản đi',
  mat_den: 'Sổ đăng ký văn bản mật đến',
  mat_di: 'Sổ đăng ký văn bản mật đi',
};
export function registerOf(direction: DocumentDirection, secrecy: Secrecy): Register {
  if (isSecret(secrecy)) return direction === 'in' ? 'mat_den' : 'mat_di';
  return direction === 'in' ? 'den' : 'di';
}

/** Document types (Điều 7, Phụ lục III). Công văn has no abbreviation (`code` null). */
export const DOC_TYPES = {
  cong_van: { label: 'Công văn', code: null },
  quyet_dinh: { label: 'Quyết định', code: 'QĐ' },
  chi_thi: { label: 'Chỉ thị', code: 'CT' },
  quy_che: { label: 'Quy chế', code: 'QC' },
  quy_dinh: { label: 'Quy định', code: 'QyĐ' },
  thong_bao: { label: 'Thông báo', code: 'TB' },
  huong_dan: { label: 'Hướng dẫn', code: 'HD' },
  chuong_trinh: { label: 'Chương trình', code: 'CTr' },
  ke_hoach: { label: 'Kế hoạch', code: 'KH' },
  phuong_an: { label: 'Phương án', code: 'PA' },
  de_an: { label: 'Đề án', code: 'ĐA' },
  bao_cao: { label: 'Báo cáo', code: 'BC' },
  bien_ban: { label: 'Biên bản', code: 'BB' },
  to_trinh: { label: 'Tờ trình', code: 'TTr' },
  cong_dien: { label: 'Công điện', code: 'CĐ' },
  giay_moi: { label: 'Giấy mời', code: 'GM' },
  giay_uy_quyen: { label: 'Giấy ủy quyền', code: 'GUQ' },
  giay_nghi_phep: { label: 'Giấy nghỉ phép', code: 'GNP' },
  giay_gioi_thieu: { label: 'Giấy giới thiệu', code: 'GGT' },
} as const satisfies Record<string, { label: string; code: string | null }>;
export type DocType = keyof typeof DOC_TYPES;
export const DOC_TYPE_KEYS = Object.keys(DOC_TYPES) as [DocType, ...DocType[]];

/**
 * Signing authority (thẩm quyền ký, Phụ lục I §II.7b): `head` the head signs in their own name;
 * `kt` a deputy signs for the head (KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC); `tl` by order (thừa lệnh);
 * `tuq` by written delegation (thừa ủy quyền); `tm` on behalf of a collective; `q` acting head.
 */
export const SIGNING_AUTHORITIES = ['head', 'kt', 'tl', 'tuq', 'tm', 'q'] as const;
export type SigningAuthority = (typeof SIGNING_AUTHORITIES)[number];
export const SIGNING_PREFIX: Record<SigningAuthority, string> = { head: '', kt: 'KT.', tl: 'TL.', tuq: 'TUQ.', tm: 'TM.', q: 'Q.' };

/**
 * The signature block lines (uppercase authority line, then the position line), e.g.
 * `kt` + "Giám đốc" + "Phó Giám đốc" → ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"].
 */
export function signatureBlock(authority: SigningAuthority, headTitle: string, signerTitle: string): string[] {
  const up = (s: string) => s.toLocaleUpperCase('vi');
  if (authority === 'head') return [up(headTitle)];
  if (authority === 'q') return [`Q. ${up(headTitle)}`];
  return [`${SIGNING_PREFIX[authority]} ${up(headTitle)}`, up(signerTitle)];
}

/** Placeholder shown instead of the subject of a secret document (its content never enters Congvu). */
export const SECRET_PLACEHOLDER_VI = 'Văn bản mật — nội dung xử lý ngoài hệ thống';
