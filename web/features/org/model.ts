/** Pure helpers of the organisation screens: agency tree order, person form values, accounts. */
import type { AgencyView, PersonCreate, PersonUpdate, PersonView } from '../../../shared/contracts/org';
import type { AppRole } from '../../../shared/domain/permissions';
import type { PersonRole } from '../../../shared/domain/roster/format';

export interface AgencyOption {
  value: string;
  label: string;
  /** 0 for the top visible agencies, +1 per level below. */
  depth: number;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/**
 * Agencies in tree order (parents before children, siblings by name) with their depth, from the
 * materialised paths (`/root/child/`). An agency whose parent is not visible is a root.
 */
export function agencyOptions(agencies: readonly AgencyView[]): AgencyOption[] {
  const ids = new Set(agencies.map((a) => a.id));
  const children = new Map<string | null, AgencyView[]>();
  for (const a of agencies) {
    const parent = a.parentId && ids.has(a.parentId) ? a.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(a);
    children.set(parent, list);
  }
  const out: AgencyOption[] = [];
  const walk = (parent: string | null, depth: number) => {
    const list = (children.get(parent) ?? []).slice().sort((x, y) => collator.compare(x.name, y.name));
    for (const a of list) {
      out.push({ value: a.id, label: a.name, depth });
      walk(a.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The agency to show first: the one asked for, else the user's own, else the first visible. */
export function defaultAgencyId(options: readonly AgencyOption[], wanted: string | null, own: string | null): string | null {
  if (wanted && options.some((o) => o.value === wanted)) return wanted;
  if (own && options.some((o) => o.value === own)) return own;
  return options[0]?.value ?? null;
}

/** Why a person cannot work from home (empty when they can). */
export function wfhMissing(p: Pick<PersonView, 'hasComputer' | 'hasEofficeAccess'>): Array<'computer' | 'eoffice'> {
  const out: Array<'computer' | 'eoffice'> = [];
  if (!p.hasComputer) out.push('computer');
  if (!p.hasEofficeAccess) out.push('eoffice');
  return out;
}

/** Values of the person form (strings for text inputs; empty = not given). */
export interface PersonFormValues {
  unitId: string;
  fullName: string;
  position: PersonRole;
  title: string;
  email: string;
  phone: string;
  hasComputer: boolean;
  hasEofficeAccess: boolean;
  homeWorkplace: string;
  residenceArea: string;
  active: boolean;
}

export function emptyPersonForm(unitId: string): PersonFormValues {
  return {
    unitId,
    fullName: '',
    position: 'staff',
    title: '',
    email: '',
    phone: '',
    hasComputer: true,
    hasEofficeAccess: true,
    homeWorkplace: '',
    residenceArea: '',
    active: true,
  };
}

export function personToForm(p: PersonView): PersonFormValues {
  return {
    unitId: p.unitId,
    fullName: p.fullName,
    position: p.position,
    title: p.title ?? '',
    email: p.email ?? '',
    phone: p.phone ?? '',
    hasComputer: p.hasComputer,
    hasEofficeAccess: p.hasEofficeAccess,
    homeWorkplace: p.homeWorkplace ?? '',
    residenceArea: p.residenceArea ?? '',
    active: p.active,
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export function formToCreate(v: PersonFormValues): PersonCreate {
  return {
    unitId: v.unitId,
    fullName: v.fullName.trim().replace(/\s+/g, ' '),
    position: v.position,
    title: orNull(v.title),
    email: orNull(v.email),
    phone: orNull(v.phone),
    hasComputer: v.hasComputer,
    hasEofficeAccess: v.hasEofficeAccess,
    homeWorkplace: orNull(v.homeWorkplace),
    residenceArea: orNull(v.residenceArea),
  };
}

/** Only the fields that changed, with the version read (optimistic locking). */
export function formToUpdate(v: PersonFormValues, base: PersonView): PersonUpdate {
  const next = formToCreate(v);
  const before = formToCreate(personToForm(base));
  const out: PersonUpdate = { version: base.version };
  for (const key of Object.keys(next) as Array<keyof PersonCreate>) {
    if (next[key] !== before[key]) (out as Record<string, unknown>)[key] = next[key];
  }
  if (v.active !== base.active) out.active = v.active;
  return out;
}

/** Roles an account gets by default from the person's position (staff always). */
export function defaultRolesFor(position: PersonRole): AppRole[] {
  switch (position) {
    case 'director':
      return ['staff', 'director'];
    case 'deputy_director':
      return ['staff', 'deputy_director'];
    case 'chief_of_office':
    case 'deputy_chief_of_office':
      return ['staff', 'office'];
    case 'head':
    case 'center_director':
      return ['staff', 'unit_head'];
    case 'deputy_head':
    case 'deputy_center_director':
      return ['staff', 'unit_deputy'];
    default:
      return ['staff'];
  }
}

/** Vietnamese letters without their marks (đ → d). */
export function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** The usual agency username: given name + initials of the other names ("Nguyễn Văn An" → "annv"). */
export function suggestUsername(fullName: string): string {
  const parts = stripDiacritics(fullName)
    .toLowerCase()
    .replace(/[^a-z\s]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (parts.length === 0) return '';
  const given = parts[parts.length - 1]!;
  return `${given}${parts
    .slice(0, -1)
    .map((p) => p[0])
    .join('')}`;
}
