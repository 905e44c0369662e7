/** Who the seeded people are: staff titles by unit kind, leader positions and titles, jobs without a computer, the app roles of a position. */
import type { AppRole } from '../../../shared/domain/permissions';
import type { PersonRole, UnitKind } from '../../../shared/domain/roster/format';
import type { UnitSpec } from './build';

const STAFF_TITLES: Record<UnitKind, readonly string[]> = {
  board: [],
  office: [
    'Văn thư',
    'Kế toán',
    'Chuyên viên',
    'Lái xe',
    'Chuyên viên',
    'Thủ quỹ',
    'Chuyên viên',
    'Bảo vệ',
    'Chuyên viên',
    'Lái xe',
    'Nhân viên phục vụ',
    'Chuyên viên',
  ],
  inspectorate: ['Thanh tra viên chính', 'Thanh tra viên', 'Thanh tra viên', 'Chuyên viên', 'Thanh tra viên'],
  department: ['Chuyên viên chính', 'Chuyên viên', 'Chuyên viên', 'Chuyên viên', 'Chuyên viên chính', 'Chuyên viên', 'Cán sự'],
  center: ['Kế toán', 'Viên chức', 'Viên chức', 'Chuyên viên', 'Viên chức', 'Nhân viên', 'Viên chức', 'Chuyên viên'],
};

/** Jobs done without a computer: these people cannot work from home (seed 004). */
export const NO_COMPUTER_TITLES = new Set(['Lái xe', 'Bảo vệ', 'Nhân viên phục vụ']);

const LEADERS: Record<UnitKind, { head: PersonRole; deputy: PersonRole; headTitle: string; deputyTitle: string }> = {
  board: { head: 'director', deputy: 'deputy_director', headTitle: 'Giám đốc Sở', deputyTitle: 'Phó Giám đốc Sở' },
  office: { head: 'chief_of_office', deputy: 'deputy_chief_of_office', headTitle: 'Chánh Văn phòng', deputyTitle: 'Phó Chánh Văn phòng' },
  inspectorate: { head: 'head', deputy: 'deputy_head', headTitle: 'Chánh Thanh tra', deputyTitle: 'Phó Chánh Thanh tra' },
  department: { head: 'head', deputy: 'deputy_head', headTitle: 'Trưởng phòng', deputyTitle: 'Phó Trưởng phòng' },
  center: { head: 'center_director', deputy: 'deputy_center_director', headTitle: 'Giám đốc Trung tâm', deputyTitle: 'Phó Giám đốc Trung tâm' },
};

export const UNIT_HEAD_POSITIONS = new Set<PersonRole>(['head', 'chief_of_office', 'center_director']);
const UNIT_DEPUTY_POSITIONS = new Set<PersonRole>(['deputy_head', 'deputy_chief_of_office', 'deputy_center_director']);
export const LEADER_POSITIONS = new Set<PersonRole>(['director', 'deputy_director', ...UNIT_HEAD_POSITIONS, ...UNIT_DEPUTY_POSITIONS]);

function defaultDeputies(kind: UnitKind, size: number): number {
  if (kind === 'board') return size - 1;
  if (size <= 2) return 0;
  if (kind === 'office' || kind === 'center') return size >= 10 ? 2 : 1;
  return size >= 8 ? 2 : 1;
}

/** Positions and titles of a unit's people, leaders first. */
export function unitPositions(u: UnitSpec): { position: PersonRole; title: string }[] {
  const l = LEADERS[u.kind];
  const deputies = Math.min(u.deputies ?? defaultDeputies(u.kind, u.size), u.size - 1);
  const out: { position: PersonRole; title: string }[] = [{ position: l.head, title: u.headTitle ?? l.headTitle }];
  for (let i = 0; i < deputies; i++) out.push({ position: l.deputy, title: u.deputyTitle ?? l.deputyTitle });
  const titles = u.staffTitles ?? STAFF_TITLES[u.kind];
  for (let i = 0; out.length < u.size; i++) out.push({ position: 'staff', title: titles.length ? titles[i % titles.length] : 'Chuyên viên' });
  return out;
}

export function appRolesOf(p: { position: PersonRole; clerk: boolean; it: boolean; province: boolean }): AppRole[] {
  const roles: AppRole[] = ['staff'];
  if (UNIT_HEAD_POSITIONS.has(p.position)) roles.push('unit_head');
  if (UNIT_DEPUTY_POSITIONS.has(p.position)) roles.push('unit_deputy');
  if (p.position === 'chief_of_office' || p.position === 'deputy_chief_of_office' || p.clerk) roles.push('office');
  // The Director heads Ban Giám đốc and registers its roster (with the deputies); the board is a unit like the others.
  if (p.position === 'director') roles.push('director', 'unit_head');
  if (p.position === 'deputy_director') roles.push('deputy_director', 'unit_deputy');
  if (p.it) roles.push('it');
  if (p.province) roles.push('province');
  return roles;
}

export const UNIT_ROLES = new Set<AppRole>(['staff', 'unit_head', 'unit_deputy']);
