/**
 * Pure helpers of the policy screens: percentages ↔ shares with exact decimals, the policy form ↔
 * the API (create body, update body, from a PolicyView), the server's issue paths ↔ form fields,
 * and which agencies a user may give a policy to.
 */
import type { AgencyView } from '../../../shared/contracts/org';
import type { PolicyCreate, PolicyRules, PolicyUpdate, PolicyView } from '../../../shared/contracts/policy';
import { PERMISSIONS, type AppRole } from '../../../shared/domain/permissions';
import { POLICY_DEFAULTS, fullSeverity, type Severity } from '../../../shared/domain/policy';
import { ROLES, type PersonRole, type RuleId } from '../../../shared/domain/roster/format';
import { formatDateText, parseDateText, parseTimeText } from '../calendar/dateText';

/** 50 → 0.5, 28.5 → 0.285, 57 → 0.57: the share as the decimal people mean (no 0.5700000000000001). */
export function percentToShare(percent: number): number {
  return Number((percent / 100).toPrecision(12));
}

/** 0.57 → 57 (not 56.99999999999999), 0.285 → 28.5. */
export function shareToPercent(share: number): number {
  return Number((share * 100).toPrecision(12));
}

/** A number input's value: a number, or '' for an empty box. */
export type Num = number | '';
const num = (v: number | null | undefined): Num => (typeof v === 'number' ? v : '');
const pct = (v: number | null | undefined): Num => (typeof v === 'number' ? shareToPercent(v) : '');

/** Rules whose parameters the form edits (the format's `policy` object), each with an on/off switch. */
export interface RulesForm {
  wfhShare: { on: boolean; scope: 'agency' | 'unit'; min: Num; target: Num; max: Num };
  minOnSitePerUnit: { on: boolean; people: Num; leaders: Num };
  minAgencyLeadersOnSite: { on: boolean; value: Num };
  alwaysOnSiteRoles: { on: boolean; roles: PersonRole[] };
  minOnSiteShareByRole: { on: boolean; shares: Record<PersonRole, Num> };
  requireEligibilityForWfh: { on: boolean };
}

/** Values of the policy form: texts as typed (dates dd/mm/yyyy, times HH:MM), percentages for shares. */
export interface PolicyFormValues {
  ownerAgencyId: string;
  title: string;
  docNumber: string;
  docDate: string;
  issuer: string;
  validFrom: string;
  openEnded: boolean;
  validTo: string;
  scopeAgencyIds: string[];
  scopeDistricts: string[];
  rules: RulesForm;
  severity: Record<RuleId, Severity>;
  morningStart: string;
  morningEnd: string;
  afternoonStart: string;
  afternoonEnd: string;
  deadlineDate: string;
  deadlineTime: string;
  registrationLeadDays: Num;
  agencyReportTime: string;
  provinceReportTime: string;
  notes: string;
}

const noShares = (): Record<PersonRole, Num> => Object.fromEntries(ROLES.map((r) => [r, ''])) as Record<PersonRole, Num>;

/** A new policy: open-ended from today, default hours and report times, every rule off (with example parameters ready). */
export function emptyPolicyForm(ownerAgencyId: string, today: string): PolicyFormValues {
  return {
    ownerAgencyId,
    title: '',
    docNumber: '',
    docDate: '',
    issuer: '',
    validFrom: formatDateText(today),
    openEnded: true,
    validTo: '',
    scopeAgencyIds: [],
    scopeDistricts: [],
    rules: {
      wfhShare: { on: false, scope: 'agency', min: 50, target: '', max: '' },
      minOnSitePerUnit: { on: false, people: 1, leaders: '' },
      minAgencyLeadersOnSite: { on: false, value: 1 },
      alwaysOnSiteRoles: { on: false, roles: ['director', 'chief_of_office'] },
      minOnSiteShareByRole: { on: false, shares: { ...noShares(), head: 50, deputy_head: 50 } },
      requireEligibilityForWfh: { on: false },
    },
    severity: fullSeverity({}),
    morningStart: POLICY_DEFAULTS.morningStart,
    morningEnd: POLICY_DEFAULTS.morningEnd,
    afternoonStart: POLICY_DEFAULTS.afternoonStart,
    afternoonEnd: POLICY_DEFAULTS.afternoonEnd,
    deadlineDate: '',
    deadlineTime: '',
    registrationLeadDays: POLICY_DEFAULTS.registrationLeadDays,
    agencyReportTime: POLICY_DEFAULTS.agencyReportTime,
    provinceReportTime: POLICY_DEFAULTS.provinceReportTime,
    notes: '',
  };
}

/** The form of an existing policy (to edit it). */
export function policyToForm(p: PolicyView): PolicyFormValues {
  const r = p.rules;
  const base = emptyPolicyForm(p.ownerAgencyId, p.validFrom);
  const shares = noShares();
  for (const [role, share] of Object.entries(r.minOnSiteShareByRole ?? {})) shares[role as PersonRole] = pct(share);
  const mo = r.minOnSitePerUnit;
  return {
    ownerAgencyId: p.ownerAgencyId,
    title: p.title,
    docNumber: p.docNumber ?? '',
    docDate: formatDateText(p.docDate),
    issuer: p.issuer ?? '',
    validFrom: formatDateText(p.validFrom),
    openEnded: p.validTo === null,
    validTo: formatDateText(p.validTo),
    scopeAgencyIds: [...p.scopeAgencyIds],
    scopeDistricts: [...p.scopeDistricts],
    rules: {
      wfhShare: r.wfhShare
        ? { on: true, scope: r.wfhShare.scope, min: pct(r.wfhShare.min), target: pct(r.wfhShare.target), max: pct(r.wfhShare.max) }
        : base.rules.wfhShare,
      minOnSitePerUnit:
        mo && (mo.people != null || mo.leaders != null) ? { on: true, people: num(mo.people), leaders: num(mo.leaders) } : base.rules.minOnSitePerUnit,
      minAgencyLeadersOnSite: r.minAgencyLeadersOnSite != null ? { on: true, value: r.minAgencyLeadersOnSite } : base.rules.minAgencyLeadersOnSite,
      alwaysOnSiteRoles: r.alwaysOnSiteRoles?.length ? { on: true, roles: [...r.alwaysOnSiteRoles] } : base.rules.alwaysOnSiteRoles,
      minOnSiteShareByRole: Object.values(r.minOnSiteShareByRole ?? {}).some((v) => v != null) ? { on: true, shares } : base.rules.minOnSiteShareByRole,
      requireEligibilityForWfh: { on: r.requireEligibilityForWfh === true },
    },
    severity: fullSeverity(p.severity as Partial<Record<string, Severity>>),
    morningStart: p.morningStart,
    morningEnd: p.morningEnd,
    afternoonStart: p.afternoonStart,
    afternoonEnd: p.afternoonEnd,
    deadlineDate: formatDateText(p.registrationDeadline?.slice(0, 10)),
    deadlineTime: p.registrationDeadline?.slice(11, 16) ?? '',
    registrationLeadDays: p.registrationLeadDays,
    agencyReportTime: p.agencyReportTime,
    provinceReportTime: p.provinceReportTime,
    notes: p.notes ?? '',
  };
}

/** Why a field of the form cannot be sent (keys are the API's field paths, e.g. `rules.wfhShare.min`). */
export type FormErrorCode = 'required' | 'invalidDate' | 'invalidTime' | 'needOneShare' | 'needOneCount' | 'needOneRole' | 'percentRange' | 'countRange';
export type FormErrors = Record<string, FormErrorCode>;

type Fields = Omit<PolicyCreate, 'ownerAgencyId'>;

const isPercent = (v: Num): v is number => typeof v === 'number';
const percentOk = (v: number) => Number.isFinite(v) && v >= 0 && v <= 100;
const countOk = (v: number) => Number.isInteger(v) && v >= 0;

/** The rules object of the form (only the rules switched on) and what is wrong in it. */
export function formToRules(f: RulesForm, errors: FormErrors = {}): PolicyRules {
  const rules: PolicyRules = {};
  const ws = f.wfhShare;
  if (ws.on) {
    const share: NonNullable<PolicyRules['wfhShare']> = { scope: ws.scope };
    for (const k of ['min', 'target', 'max'] as const) {
      const v = ws[k];
      if (!isPercent(v)) continue;
      if (!percentOk(v)) errors[`rules.wfhShare.${k}`] = 'percentRange';
      else share[k] = percentToShare(v);
    }
    if (!isPercent(ws.min) && !isPercent(ws.target) && !isPercent(ws.max)) errors['rules.wfhShare'] = 'needOneShare';
    rules.wfhShare = share;
  }
  const mo = f.minOnSitePerUnit;
  if (mo.on) {
    const v: NonNullable<PolicyRules['minOnSitePerUnit']> = {};
    for (const k of ['people', 'leaders'] as const) {
      const n = mo[k];
      if (!isPercent(n)) continue;
      if (!countOk(n)) errors[`rules.minOnSitePerUnit.${k}`] = 'countRange';
      else v[k] = n;
    }
    if (!isPercent(mo.people) && !isPercent(mo.leaders)) errors['rules.minOnSitePerUnit'] = 'needOneCount';
    rules.minOnSitePerUnit = v;
  }
  const al = f.minAgencyLeadersOnSite;
  if (al.on) {
    if (!isPercent(al.value)) errors['rules.minAgencyLeadersOnSite'] = 'required';
    else if (!countOk(al.value)) errors['rules.minAgencyLeadersOnSite'] = 'countRange';
    else rules.minAgencyLeadersOnSite = al.value;
  }
  const ar = f.alwaysOnSiteRoles;
  if (ar.on) {
    if (!ar.roles.length) errors['rules.alwaysOnSiteRoles'] = 'needOneRole';
    rules.alwaysOnSiteRoles = ROLES.filter((r) => ar.roles.includes(r));
  }
  const rs = f.minOnSiteShareByRole;
  if (rs.on) {
    const out: Partial<Record<PersonRole, number>> = {};
    for (const role of ROLES) {
      const v = rs.shares[role];
      if (!isPercent(v)) continue;
      if (!percentOk(v)) errors[`rules.minOnSiteShareByRole.${role}`] = 'percentRange';
      else out[role] = percentToShare(v);
    }
    if (!ROLES.some((r) => isPercent(rs.shares[r]))) errors['rules.minOnSiteShareByRole'] = 'needOneRole';
    rules.minOnSiteShareByRole = out;
  }
  if (f.requireEligibilityForWfh.on) rules.requireEligibilityForWfh = true;
  return rules;
}

const textOrNull = (s: string) => (s.trim() ? s.trim() : null);

function dateField(text: string, key: string, errors: FormErrors, required: boolean): string | null {
  const iso = parseDateText(text);
  if (iso === null) errors[key] = 'invalidDate';
  else if (iso === '' && required) errors[key] = 'required';
  return iso || null;
}

function timeField(text: string, key: string, errors: FormErrors): string {
  const t = parseTimeText(text);
  if (t === null) errors[key] = 'invalidTime';
  else if (t === '') errors[key] = 'required';
  return t ?? '';
}

export type FormResult<T> = { ok: true; body: T } | { ok: false; errors: FormErrors };

/** Every field of the form as the API writes it (no owner, no version). */
function formToFields(v: PolicyFormValues): FormResult<Fields> {
  const errors: FormErrors = {};
  if (!v.title.trim()) errors.title = 'required';
  const docDate = dateField(v.docDate, 'docDate', errors, false);
  const validFrom = dateField(v.validFrom, 'validFrom', errors, true);
  const validTo = v.openEnded ? null : dateField(v.validTo, 'validTo', errors, true);
  const rules = formToRules(v.rules, errors);
  const times = {
    morningStart: timeField(v.morningStart, 'morningStart', errors),
    morningEnd: timeField(v.morningEnd, 'morningEnd', errors),
    afternoonStart: timeField(v.afternoonStart, 'afternoonStart', errors),
    afternoonEnd: timeField(v.afternoonEnd, 'afternoonEnd', errors),
    agencyReportTime: timeField(v.agencyReportTime, 'agencyReportTime', errors),
    provinceReportTime: timeField(v.provinceReportTime, 'provinceReportTime', errors),
  };
  let registrationDeadline: string | null = null;
  const dlDate = parseDateText(v.deadlineDate);
  const dlTime = parseTimeText(v.deadlineTime);
  if (dlDate === null) errors['registrationDeadline.date'] = 'invalidDate';
  if (dlTime === null) errors['registrationDeadline.time'] = 'invalidTime';
  if (dlDate && dlTime === '') errors['registrationDeadline.time'] = 'required';
  if (dlTime && dlDate === '') errors['registrationDeadline.date'] = 'required';
  if (dlDate && dlTime) registrationDeadline = `${dlDate}T${dlTime}`;
  if (v.registrationLeadDays === '') errors.registrationLeadDays = 'required';
  else if (!countOk(v.registrationLeadDays)) errors.registrationLeadDays = 'countRange';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    body: {
      title: v.title.trim(),
      docNumber: textOrNull(v.docNumber),
      docDate,
      issuer: textOrNull(v.issuer),
      validFrom: validFrom!,
      validTo,
      scopeAgencyIds: [...v.scopeAgencyIds],
      scopeDistricts: [...v.scopeDistricts],
      rules,
      severity: { ...v.severity },
      ...times,
      registrationDeadline,
      registrationLeadDays: v.registrationLeadDays as number,
      notes: textOrNull(v.notes),
    },
  };
}

/** The POST /api/policies body. */
export function formToCreate(v: PolicyFormValues): FormResult<PolicyCreate> {
  const r = formToFields(v);
  if (!r.ok) return r;
  if (!v.ownerAgencyId) return { ok: false, errors: { ownerAgencyId: 'required' } };
  return { ok: true, body: { ownerAgencyId: v.ownerAgencyId, ...r.body } };
}

/** The PATCH /api/policies/{id} body: every field (the rules replace the stored ones) with the version read. */
export function formToUpdate(v: PolicyFormValues, version: number): FormResult<PolicyUpdate> {
  const r = formToFields(v);
  if (!r.ok) return r;
  return { ok: true, body: { ...r.body, version } };
}

/** `body.rules.wfhShare.min` → `rules.wfhShare.min`; `params.id` → `id`. */
export function issueKey(path: string): string {
  return path.replace(/^(body|query|params)\.?/, '');
}

/** First message per field path of the server's issues. */
export function serverErrors(issues: readonly { path: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = issueKey(i.path);
    if (key && !(key in out)) out[key] = i.message;
  }
  return out;
}

/**
 * The message for a field from a map of errors: its own, or one of a part of it
 * (`scopeAgencyIds` shows `scopeAgencyIds[2]`; `rules.minOnSitePerUnit` shows `.people` unless the
 * field of that part shows it itself, see `exact`).
 */
export function errorAt(errors: Readonly<Record<string, string>>, key: string, exact = false): string | undefined {
  if (errors[key]) return errors[key];
  if (exact) return undefined;
  for (const [k, m] of Object.entries(errors)) if (k.startsWith(`${key}.`) || k.startsWith(`${key}[`)) return m;
  return undefined;
}

/** Agency ids where the user may manage policies: their own for agency roles, the subtree for subtree roles. */
export function manageableAgencyIds(grants: readonly { role: AppRole; agencyId: string }[], agencies: readonly Pick<AgencyView, 'id' | 'path'>[]): string[] {
  const reach = PERMISSIONS['policy.manage'];
  const ids = new Set<string>();
  for (const g of grants) {
    const r = reach[g.role];
    if (r === 'agency') ids.add(g.agencyId);
    else if (r === 'subtree') {
      const root = agencies.find((a) => a.id === g.agencyId);
      if (!root) continue;
      for (const a of agencies) if (a.path.startsWith(root.path)) ids.add(a.id);
    }
  }
  return agencies.filter((a) => ids.has(a.id)).map((a) => a.id);
}

/** May the user edit or end this policy (policy.manage on its owner)? */
export function canManagePolicy(p: Pick<PolicyView, 'ownerAgencyId'>, manageable: readonly string[]): boolean {
  return manageable.includes(p.ownerAgencyId);
}

/** Rules that the policy's parameters do not switch: always checked, only their severity is set. */
export const GENERAL_RULES: readonly RuleId[] = ['missing_assignment', 'fixed_day_changed', 'duty_not_onsite'];

/** Rules whose severity the form shows next to each rule group. */
export const RULES_OF_GROUP: Record<keyof RulesForm, readonly RuleId[]> = {
  wfhShare: ['wfh_share_min', 'wfh_share_max'],
  minOnSitePerUnit: ['unit_min_people_onsite', 'unit_min_leaders_onsite'],
  minAgencyLeadersOnSite: ['agency_min_leaders_onsite'],
  alwaysOnSiteRoles: ['always_onsite_role'],
  minOnSiteShareByRole: ['role_min_onsite_share'],
  requireEligibilityForWfh: ['wfh_not_eligible'],
};
