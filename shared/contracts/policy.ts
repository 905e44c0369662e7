/**
 * Contracts of the policy module (B1-B4). `rules` is exactly the `policy` object of the roster
 * format (../formats/roster.md): unknown fields are rejected, shares are in [0, 1] and
 * min ≤ target ≤ max, the same decisions as shared/domain/roster/parse.ts (its tests cross-check them).
 */
import { z } from 'zod';
import { POLICY_DEFAULTS, SEVERITIES, HHMM_PATTERN, policyCrossIssues } from '../domain/policy';
import { isIsoDate } from '../domain/dates';
import { ROLES, RULE_IDS } from '../domain/roster/format';
import { percentVi } from '../domain/roster/messages';
import { CalendarDateSchema } from './calendar';
import { IdSchema, VersionSchema } from './common';

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();

const SHARE_MESSAGE = 'Tỷ lệ phải là một số từ 0 đến 1 (ví dụ 0.5 là 50%).';
const COUNT_MESSAGE = 'Phải là một số nguyên không âm.';
const Share = z.number({ error: SHARE_MESSAGE }).min(0, SHARE_MESSAGE).max(1, SHARE_MESSAGE);
const Count = z.number({ error: COUNT_MESSAGE }).int(COUNT_MESSAGE).min(0, COUNT_MESSAGE);
const nullable = <T extends z.ZodType>(t: T) => t.nullable().optional();

const SHARE_NAMES_VI = { min: 'tối thiểu', target: 'mục tiêu', max: 'tối đa' } as const;

export const WfhShareSchema = z
  .object({
    scope: z.enum(['agency', 'unit'], { error: 'Phạm vi tính tỷ lệ phải là "agency" (toàn cơ quan) hoặc "unit" (từng đơn vị).' }),
    min: nullable(Share),
    target: nullable(Share),
    max: nullable(Share),
  })
  .strict()
  .superRefine((ws, ctx) => {
    // min ≤ target ≤ max among those present; the issue is on the larger-named field (as parse.ts).
    const present = (['min', 'target', 'max'] as const).filter((k) => typeof ws[k] === 'number');
    for (let i = 1; i < present.length; i++) {
      for (let j = 0; j < i; j++) {
        const lo = present[j]!;
        const hi = present[i]!;
        if (ws[lo]! > ws[hi]!) {
          ctx.addIssue({
            code: 'custom',
            path: [hi],
            message: `Tỷ lệ ${SHARE_NAMES_VI[hi]} (${percentVi(ws[hi]!)}) phải lớn hơn hoặc bằng tỷ lệ ${SHARE_NAMES_VI[lo]} (${percentVi(ws[lo]!)}).`,
          });
        }
      }
    }
  });

const uniqueItems = (what: string) => (list: readonly string[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  list.forEach((v, i) => {
    if (seen.has(v)) ctx.addIssue({ code: 'custom', path: [i], message: `${what} "${v}" bị lặp lại.` });
    seen.add(v);
  });
};

/** The `policy` object of congvu.roster/1, validated strictly. */
export const PolicyRulesSchema = z
  .object({
    wfhShare: nullable(WfhShareSchema),
    minOnSitePerUnit: nullable(z.object({ people: nullable(Count), leaders: nullable(Count) }).strict()),
    minAgencyLeadersOnSite: nullable(Count),
    alwaysOnSiteRoles: nullable(z.array(z.enum(ROLES, { error: `Chức vụ phải là một trong: ${ROLES.join(', ')}.` })).superRefine(uniqueItems('Chức vụ'))),
    minOnSiteShareByRole: nullable(z.partialRecord(z.enum(ROLES), Share)),
    requireEligibilityForWfh: nullable(z.boolean({ error: 'Phải là true hoặc false.' })),
  })
  .strict();
export type PolicyRules = z.infer<typeof PolicyRulesSchema>;

export const SeveritySchema = z.partialRecord(z.enum(RULE_IDS), z.enum(SEVERITIES, { error: 'Mức độ phải là "block" (chặn) hoặc "warn" (cảnh báo).' }));

const HHMM_MESSAGE = 'Giờ phải có dạng HH:MM (24 giờ), ví dụ 07:30.';
export const HhmmSchema = z.string().regex(HHMM_PATTERN, HHMM_MESSAGE);
/** A local (Asia/Ho_Chi_Minh) date and time `YYYY-MM-DDTHH:MM`, e.g. "2021-08-10T08:00". */
export const LocalDateTimeSchema = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/.test(v) && isIsoDate(v.slice(0, 10)), {
  message: 'Thời hạn phải có dạng YYYY-MM-DDTHH:MM, ví dụ 2021-08-10T08:00.',
});

const PolicyFields = z
  .object({
    ownerAgencyId: IdSchema,
    title: text(300).min(3, 'Nhập tên phương án.'),
    /** Số hiệu văn bản, e.g. "2215/SNV-TCBM". */
    docNumber: optionalText(60),
    docDate: nullable(CalendarDateSchema),
    issuer: optionalText(200),
    validFrom: CalendarDateSchema,
    /** null = đến khi có thông báo mới. */
    validTo: nullable(CalendarDateSchema),
    scopeAgencyIds: z.array(IdSchema).max(1000).superRefine(uniqueItems('Cơ quan')).optional(),
    scopeDistricts: z.array(text(100).min(1, 'Nhập tên địa bàn.')).max(200).superRefine(uniqueItems('Địa bàn')).optional(),
    rules: PolicyRulesSchema,
    severity: SeveritySchema.optional(),
    morningStart: HhmmSchema.optional(),
    morningEnd: HhmmSchema.optional(),
    afternoonStart: HhmmSchema.optional(),
    afternoonEnd: HhmmSchema.optional(),
    registrationDeadline: nullable(LocalDateTimeSchema),
    registrationLeadDays: z.number().int('Phải là số nguyên.').min(0, 'Không được âm.').max(60, 'Tối đa 60 ngày.').optional(),
    agencyReportTime: HhmmSchema.optional(),
    provinceReportTime: HhmmSchema.optional(),
    notes: optionalText(4000),
  })
  .strict();

export const PolicyCreate = PolicyFields.superRefine((p, ctx) => {
  const issues = policyCrossIssues({
    validFrom: p.validFrom,
    validTo: p.validTo ?? null,
    morningStart: p.morningStart ?? POLICY_DEFAULTS.morningStart,
    morningEnd: p.morningEnd ?? POLICY_DEFAULTS.morningEnd,
    afternoonStart: p.afternoonStart ?? POLICY_DEFAULTS.afternoonStart,
    afternoonEnd: p.afternoonEnd ?? POLICY_DEFAULTS.afternoonEnd,
    agencyReportTime: p.agencyReportTime ?? POLICY_DEFAULTS.agencyReportTime,
    provinceReportTime: p.provinceReportTime ?? POLICY_DEFAULTS.provinceReportTime,
  });
  for (const i of issues) ctx.addIssue({ code: 'custom', path: [i.path], message: i.message });
});
export type PolicyCreate = z.infer<typeof PolicyCreate>;

/** A partial change; the cross-field checks run on the result (server side). The owner never changes. */
export const PolicyUpdate = PolicyFields.omit({ ownerAgencyId: true }).partial().extend({ version: VersionSchema }).strict();
export type PolicyUpdate = z.infer<typeof PolicyUpdate>;

/** Ends a policy: it applies until `validTo` included. */
export const PolicyEnd = z.object({ validTo: CalendarDateSchema, version: VersionSchema }).strict();
export type PolicyEnd = z.infer<typeof PolicyEnd>;

export const PolicyView = z.object({
  id: z.string(),
  ownerAgencyId: z.string(),
  ownerAgencyName: z.string(),
  title: z.string(),
  docNumber: z.string().nullable(),
  docDate: z.string().nullable(),
  issuer: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  /** On today's date (Asia/Ho_Chi_Minh). */
  status: z.enum(['upcoming', 'in_effect', 'ended']),
  scopeAgencyIds: z.array(z.string()),
  scopeDistricts: z.array(z.string()),
  rules: PolicyRulesSchema,
  /** Every rule id of the format, `block` unless set to `warn`. */
  severity: z.record(z.string(), z.enum(SEVERITIES)),
  /** Vietnamese sentences describing the rules, for people. */
  descriptions: z.array(z.object({ rule: z.enum(RULE_IDS).nullable(), text: z.string() })),
  morningStart: z.string(),
  morningEnd: z.string(),
  afternoonStart: z.string(),
  afternoonEnd: z.string(),
  registrationDeadline: z.string().nullable(),
  registrationLeadDays: z.number(),
  agencyReportTime: z.string(),
  provinceReportTime: z.string(),
  notes: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PolicyView = z.infer<typeof PolicyView>;
export const PolicyList = z.object({ policies: z.array(PolicyView) });

export const PolicyListQuery = z.object({ agencyId: IdSchema.optional() });
export const ActivePolicyQuery = z.object({ agencyId: IdSchema, date: CalendarDateSchema.optional() });
export const ActivePolicyResult = z.object({
  policy: PolicyView.nullable(),
  /** How the policy reaches the agency: named in its scope, through an ancestor, or by district. */
  match: z.enum(['agency', 'ancestor', 'district']).nullable(),
  date: z.string(),
});
