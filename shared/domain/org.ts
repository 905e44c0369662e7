/** Organisation vocabulary: positions, unit kinds and their Vietnamese names (pure). */
import { ROLES, UNIT_KINDS, type PersonRole, type UnitKind } from './roster/format';
import { ROLE_VI } from './roster/messages';

/** Vietnamese names of positions (the same words as the roster messages). */
export const POSITION_LABELS_VI: Record<PersonRole, string> = ROLE_VI;

export const UNIT_KIND_LABELS_VI: Record<UnitKind, string> = {
  board: 'Ban Giám đốc',
  office: 'Văn phòng',
  inspectorate: 'Thanh tra',
  department: 'Phòng chuyên môn',
  center: 'Trung tâm, đơn vị trực thuộc',
};

export const AGENCY_KINDS = ['province', 'department', 'district', 'commune', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export const AGENCY_KIND_LABELS_VI: Record<AgencyKind, string> = {
  province: 'UBND tỉnh',
  department: 'Sở, ban, ngành',
  district: 'UBND huyện',
  commune: 'UBND xã, phường',
  other: 'Cơ quan khác',
};

/**
 * The head of an agency as written in a signature block (NĐ 30 "TL. GIÁM ĐỐC"): a Sở has a Giám đốc, a UBND (tỉnh,
 * huyện, xã) a Chủ tịch. In capitals, as the block writes it.
 */
export function agencyHeadTitle(kind: AgencyKind | string | null | undefined): string {
  return kind === 'province' || kind === 'district' || kind === 'commune' ? 'CHỦ TỊCH' : 'GIÁM ĐỐC';
}

/**
 * A person's title for a signature block when the agency did not write one: a unit head is a Chánh Thanh tra in
 * an Inspectorate, a Chánh Văn phòng in an office, a Trưởng phòng elsewhere.
 */
export function positionTitle(position: PersonRole, unitKind: UnitKind | string | null | undefined): string {
  if (unitKind === 'inspectorate' && (position === 'head' || position === 'deputy_head'))
    return position === 'head' ? 'Chánh Thanh tra' : 'Phó Chánh Thanh tra';
  return POSITION_LABELS_VI[position];
}

/** Leaders first (Ban Giám đốc, then unit leaders), then staff: the order of roster rows. */
export const POSITION_ORDER: Record<PersonRole, number> = Object.fromEntries(ROLES.map((r, i) => [r, i])) as Record<PersonRole, number>;

const norm = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/** A position from a code (`head`) or its Vietnamese name (`Trưởng phòng`), as typed in a spreadsheet. */
export function parsePosition(value: string): PersonRole | null {
  const v = norm(value);
  if ((ROLES as readonly string[]).includes(v)) return v as PersonRole;
  for (const [code, label] of Object.entries(POSITION_LABELS_VI)) if (norm(label) === v) return code as PersonRole;
  const aliases: Record<string, PersonRole> = {
    'phó giám đốc sở': 'deputy_director',
    'giám đốc sở': 'director',
    'chánh văn phòng sở': 'chief_of_office',
    'phó chánh văn phòng sở': 'deputy_chief_of_office',
    'chánh thanh tra': 'head',
    'phó chánh thanh tra': 'deputy_head',
    'trưởng phòng': 'head',
    'phó trưởng phòng': 'deputy_head',
    'chuyên viên': 'staff',
    'viên chức': 'staff',
    'công chức': 'staff',
    'người lao động': 'staff',
    'nhân viên': 'staff',
    'kế toán': 'staff',
    'văn thư': 'staff',
  };
  return aliases[v] ?? null;
}

export function isUnitKind(v: string): v is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(v);
}

/** A person may work from home only with a computer and e-office access (seed 004). */
export function canWorkFromHome(p: { hasComputer: boolean; hasEofficeAccess: boolean }): boolean {
  return p.hasComputer && p.hasEofficeAccess;
}

/**
 * Vietnamese order of names: by given name (the last word), then by the full name — the way agency
 * lists are sorted ("Nguyễn Thị An" before "Đỗ Minh Châu").
 */
export function compareVietnameseNames(a: string, b: string): number {
  const given = (s: string) => s.trim().split(/\s+/).pop() ?? '';
  return given(a).localeCompare(given(b), 'vi') || a.localeCompare(b, 'vi');
}
