/**
 * WFH policies (B1-B4), pure helpers shared by the server and the web app: defaults of a policy,
 * the cross-field checks (period, working hours, report times), the severity of each rule and
 * Vietnamese descriptions of the rules ("Tối thiểu 50% làm việc tại nhà mỗi ngày (toàn cơ quan)").
 * Pure and isomorphic (no I/O).
 */
import { formatDateVi } from './dates';
import { RULE_IDS, type Policy, type RuleId } from './roster/format';
import { ROLE_VI, percentVi } from './roster/messages';

export const SEVERITIES = ['block', 'warn'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Defaults of the optional fields of a policy (same as the table's). Seed 000: 07:00-11:30, 13:30-17:00; seed 002: 16:00, 17:00. */
export const POLICY_DEFAULTS = {
  morningStart: '07:00',
  morningEnd: '11:30',
  afternoonStart: '13:30',
  afternoonEnd: '17:00',
  registrationLeadDays: 1,
  agencyReportTime: '16:00',
  provinceReportTime: '17:00',
} as const;

/** `HH:MM` on the 24 h clock. */
export const HHMM_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
export const isHhmm = (v: unknown): v is string => typeof v === 'string' && HHMM_PATTERN.test(v);

/** Every rule id of the roster format with its severity: `block` unless the policy says otherwise. */
export function fullSeverity(partial: Partial<Record<string, Severity>> | null | undefined): Record<RuleId, Severity> {
  const out = {} as Record<RuleId, Severity>;
  for (const id of RULE_IDS) out[id] = partial?.[id] === 'warn' ? 'warn' : 'block';
  return out;
}

/** Vietnamese name of each rule id (severity table, violation lists). */
export const RULE_LABELS_VI: Record<RuleId, string> = {
  agency_min_leaders_onsite: 'Số lãnh đạo cơ quan tối thiểu làm việc tại cơ quan',
  always_onsite_role: 'Chức vụ luôn làm việc tại cơ quan',
  duty_not_onsite: 'Người trực phải làm việc tại cơ quan',
  fixed_day_changed: 'Ngày đã cố định không được thay đổi',
  missing_assignment: 'Mỗi người có đúng một chế độ làm việc mỗi ngày',
  role_min_onsite_share: 'Tỷ lệ ngày làm việc tại cơ quan tối thiểu theo chức vụ',
  unit_min_leaders_onsite: 'Số lãnh đạo đơn vị tối thiểu làm việc tại cơ quan',
  unit_min_people_onsite: 'Số người tối thiểu làm việc tại cơ quan của mỗi đơn vị',
  wfh_not_eligible: 'Chỉ người đủ điều kiện mới làm việc tại nhà',
  wfh_share_max: 'Tỷ lệ làm việc tại nhà tối đa',
  wfh_share_min: 'Tỷ lệ làm việc tại nhà tối thiểu',
};

export interface RuleDescription {
  /** The rule checked, or null for what is a goal only (`wfhShare.target`). */
  rule: RuleId | null;
  text: string;
}

const scopeVi = (scope: 'agency' | 'unit') => (scope === 'agency' ? 'toàn cơ quan' : 'từng đơn vị');

/**
 * One Vietnamese sentence per rule that the policy sets (absent or null fields set nothing), in the
 * order of the format's `policy` object.
 */
export function describePolicyRules(rules: Policy): RuleDescription[] {
  const out: RuleDescription[] = [];
  const ws = rules.wfhShare;
  if (ws) {
    const where = scopeVi(ws.scope);
    if (ws.min != null) out.push({ rule: 'wfh_share_min', text: `Tối thiểu ${percentVi(ws.min)} làm việc tại nhà mỗi ngày (${where})` });
    if (ws.max != null) out.push({ rule: 'wfh_share_max', text: `Tối đa ${percentVi(ws.max)} làm việc tại nhà mỗi ngày (${where})` });
    if (ws.target != null) out.push({ rule: null, text: `Mục tiêu ${percentVi(ws.target)} làm việc tại nhà mỗi ngày khi lập lịch tự động (${where})` });
  }
  const mo = rules.minOnSitePerUnit;
  if (mo?.people != null) out.push({ rule: 'unit_min_people_onsite', text: `Mỗi đơn vị có ít nhất ${mo.people} người làm việc tại cơ quan mỗi ngày` });
  if (mo?.leaders != null)
    out.push({ rule: 'unit_min_leaders_onsite', text: `Mỗi đơn vị có ít nhất ${mo.leaders} lãnh đạo đơn vị làm việc tại cơ quan mỗi ngày` });
  if (rules.minAgencyLeadersOnSite != null) {
    out.push({
      rule: 'agency_min_leaders_onsite',
      text: `Ít nhất ${rules.minAgencyLeadersOnSite} lãnh đạo cơ quan (Giám đốc, Phó Giám đốc) làm việc tại cơ quan mỗi ngày`,
    });
  }
  if (rules.alwaysOnSiteRoles?.length) {
    out.push({ rule: 'always_onsite_role', text: `Luôn làm việc tại cơ quan (100%): ${rules.alwaysOnSiteRoles.map((r) => ROLE_VI[r]).join(', ')}` });
  }
  for (const [role, share] of Object.entries(rules.minOnSiteShareByRole ?? {})) {
    if (share == null) continue;
    out.push({
      rule: 'role_min_onsite_share',
      text: `${ROLE_VI[role as keyof typeof ROLE_VI]}: làm việc tại cơ quan tối thiểu ${percentVi(share)} số ngày làm việc`,
    });
  }
  if (rules.requireEligibilityForWfh) {
    out.push({ rule: 'wfh_not_eligible', text: 'Chỉ người có máy tính và tài khoản văn phòng điện tử mới được làm việc tại nhà' });
  }
  return out;
}

/** The fields of a policy that the cross-field checks read (after defaults). */
export interface PolicyTimes {
  validFrom: string;
  validTo: string | null;
  morningStart: string;
  morningEnd: string;
  afternoonStart: string;
  afternoonEnd: string;
  agencyReportTime: string;
  provinceReportTime: string;
}

/**
 * Checks that need several fields: the period is not reversed, the sessions are in order
 * (morning start < morning end ≤ afternoon start < afternoon end) and agencies report before the
 * province compiles. Paths are field names of the policy; the issue is on the later field.
 */
export function policyCrossIssues(p: PolicyTimes): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (p.validTo !== null && p.validTo < p.validFrom) {
    issues.push({ path: 'validTo', message: `Ngày hết hiệu lực ${formatDateVi(p.validTo)} trước ngày bắt đầu ${formatDateVi(p.validFrom)}.` });
  }
  const order: [keyof PolicyTimes, keyof PolicyTimes, boolean, string][] = [
    ['morningStart', 'morningEnd', true, 'Giờ kết thúc buổi sáng phải sau giờ bắt đầu buổi sáng.'],
    ['morningEnd', 'afternoonStart', false, 'Buổi chiều phải bắt đầu sau khi buổi sáng kết thúc.'],
    ['afternoonStart', 'afternoonEnd', true, 'Giờ kết thúc buổi chiều phải sau giờ bắt đầu buổi chiều.'],
    ['agencyReportTime', 'provinceReportTime', true, 'Giờ báo cáo của cơ quan phải trước giờ tổng hợp báo cáo của tỉnh.'],
  ];
  for (const [a, b, strict, message] of order) {
    const x = p[a] as string;
    const y = p[b] as string;
    if (!isHhmm(x) || !isHhmm(y)) continue;
    if (strict ? x >= y : x > y) issues.push({ path: b, message });
  }
  return issues;
}

export type PolicyStatus = 'upcoming' | 'in_effect' | 'ended';

/** Whether a policy is in effect on a date (open-ended when `validTo` is null). */
export function policyStatusOn(p: { validFrom: string; validTo: string | null }, date: string): PolicyStatus {
  if (p.validFrom > date) return 'upcoming';
  if (p.validTo !== null && p.validTo < date) return 'ended';
  return 'in_effect';
}
