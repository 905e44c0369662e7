/**
 * Contracts of the leave module (issue 10, PRODUCT.md E1-E2): requests a person makes and leaders approve
 * in order — leave (nghỉ phép năm, nghỉ ốm, việc riêng, không lương), business trips (công tác) and asking to
 * come to the office for urgent work (Hải Dương's plan) — annual leave balances, and acting approvers
 * (ủy quyền) while a leader is away. One approval machinery for every kind: the steps of a kind are pure
 * rules (shared/domain/leave/workflow.ts); each decision is signed by the agency key so that
 * `congvu leave verify` and GET /api/leave/requests/:id/verify can check it later.
 */
import { z } from 'zod';
import { IdSchema, IsoDateSchema, VersionSchema } from './common';

/** annual: nghỉ phép năm; sick: nghỉ ốm; personal: nghỉ việc riêng (kết hôn, tang…); unpaid: nghỉ không lương;
 *  trip: đi công tác; office: đăng ký lên cơ quan làm việc đột xuất. */
export const REQUEST_KINDS = ['annual', 'sick', 'personal', 'unpaid', 'trip', 'office'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const LEAVE_KINDS = ['annual', 'sick', 'personal', 'unpaid'] as const satisfies readonly RequestKind[];

export const REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * Who decides a step: the person's unit head, the Chief of Office (a trip out of the province goes to the Director
 * through the Office, S4 §1), the agency's Director, or the province above (a Director's own leave).
 */
export const STEP_ROLES = ['unit_head', 'office', 'director', 'province'] as const;
export type StepRole = (typeof STEP_ROLES)[number];

// ---------------------------------------------------------------- requests

export const RequestCreate = z
  .object({
    kind: z.enum(REQUEST_KINDS),
    fromDate: IsoDateSchema,
    toDate: IsoDateSchema,
    reason: z.string().trim().min(3, 'Nhập lý do (ít nhất 3 ký tự).').max(1000),
    /** Business trip: where to (required for a trip). */
    destination: z.string().trim().min(2).max(300).optional(),
    /** Business trip: outside the province (đi ngoài tỉnh). */
    outOfProvince: z.boolean().optional(),
    /** The Office or a unit head files it for someone else (recorded as such); default: oneself. */
    personId: IdSchema.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.toDate < v.fromDate) ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.' });
    if (v.kind === 'trip' && !v.destination) ctx.addIssue({ code: 'custom', path: ['destination'], message: 'Nhập nơi đi công tác.' });
    if (v.kind !== 'trip' && (v.destination !== undefined || v.outOfProvince !== undefined))
      ctx.addIssue({ code: 'custom', path: ['destination'], message: 'Chỉ đơn đi công tác có nơi đến.' });
  });
export type RequestCreate = z.infer<typeof RequestCreate>;

export const SignatureCheckView = z.object({
  /** The signed record still matches the request and the decision, and the agency key verifies it. */
  valid: z.boolean(),
  algorithm: z.string(),
  keyFingerprint: z.string(),
  /** Why it does not verify, in Vietnamese (null when valid). */
  problem: z.string().nullable(),
});
export type SignatureCheckView = z.infer<typeof SignatureCheckView>;

export const RequestStepView = z.object({
  order: z.number().int(),
  role: z.enum(STEP_ROLES),
  /** Who decided (or, while pending, who is expected to: the leader, or their acting deputy). */
  approverPersonId: z.string().nullable(),
  approverName: z.string().nullable(),
  /** When the decider acted for a leader (ủy quyền): that leader's name. */
  actingForName: z.string().nullable(),
  decision: z.enum(['approved', 'rejected']).nullable(),
  comment: z.string().nullable(),
  decidedAt: z.string().nullable(),
  signature: SignatureCheckView.nullable(),
});
export type RequestStepView = z.infer<typeof RequestStepView>;

export const RequestView = z.object({
  id: z.string(),
  /** Human number within the agency and year, e.g. "15/2021/ĐP". */
  number: z.string(),
  kind: z.enum(REQUEST_KINDS),
  personId: z.string(),
  personName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  agencyId: z.string(),
  fromDate: z.string(),
  toDate: z.string(),
  /** Working days the request covers (weekends and public holidays not counted). */
  workingDays: z.number(),
  reason: z.string(),
  destination: z.string().nullable(),
  outOfProvince: z.boolean(),
  status: z.enum(REQUEST_STATUSES),
  steps: z.array(RequestStepView),
  /** Index in `steps` of the step waiting for a decision (null when decided or cancelled). */
  currentStep: z.number().int().nullable(),
  /** The current user may approve or reject now (as the leader or their acting deputy). */
  canDecide: z.boolean(),
  canCancel: z.boolean(),
  /** Filed by someone else for the person (the Office, a unit head). */
  filedByName: z.string().nullable(),
  /** What approval did to the roster: the cells set, and the rule problems it left (the unit head is told). */
  rosterEffect: z
    .object({
      appliedAt: z.string(),
      days: z.array(z.object({ date: z.string(), mode: z.string() })),
      /** Days outside any registration period yet: applied when the period is created. */
      pendingDays: z.array(z.string()),
      violations: z.array(z.object({ rule: z.string(), message: z.string() })),
    })
    .nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type RequestView = z.infer<typeof RequestView>;

export const RequestListQuery = z
  .object({
    /** mine: my own; to_decide: waiting for me (as leader or acting); unit/agency: everything I may read. */
    box: z.enum(['mine', 'to_decide', 'unit', 'agency']).default('mine'),
    status: z.enum(REQUEST_STATUSES).optional(),
    kind: z.enum(REQUEST_KINDS).optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    unitId: IdSchema.optional(),
    agencyId: IdSchema.optional(),
  })
  .strict();
export type RequestListQuery = z.infer<typeof RequestListQuery>;
export const RequestListResponse = z.object({ items: z.array(RequestView), total: z.number().int() });
export type RequestListResponse = z.infer<typeof RequestListResponse>;

/** Approve or reject the current step (idempotent: the same decision again answers the request as it is). */
export const RequestDecision = z
  .object({
    decision: z.enum(['approve', 'reject']),
    comment: z.string().trim().max(1000).optional(),
    version: VersionSchema,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === 'reject' && (!v.comment || v.comment.length < 3))
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Nhập lý do không duyệt.' });
  });
export type RequestDecision = z.infer<typeof RequestDecision>;

export const RequestCancel = z.object({ version: VersionSchema, reason: z.string().trim().max(500).optional() }).strict();
export type RequestCancel = z.infer<typeof RequestCancel>;

export const RequestVerifyResponse = z.object({
  requestId: z.string(),
  number: z.string(),
  valid: z.boolean(),
  steps: z.array(
    z.object({ order: z.number().int(), approverName: z.string().nullable(), decision: z.string().nullable(), signature: SignatureCheckView.nullable() }),
  ),
});
export type RequestVerifyResponse = z.infer<typeof RequestVerifyResponse>;

// ---------------------------------------------------------------- balances

/**
 * Annual leave of one person for one year (Bộ luật Lao động 2019, Điều 113-114): 12 working days, one more per
 * full 5 years of service; days carried over from last year as the agency decides (up to a cap, usable until a date).
 */
export const LeaveBalanceView = z.object({
  personId: z.string(),
  personName: z.string(),
  year: z.number().int(),
  serviceStartDate: z.string().nullable(),
  seniorityYears: z.number().int(),
  entitlement: z.number(),
  carriedOver: z.number(),
  /** Carried-over days can be used until this date (inclusive); null: no limit. */
  carriedOverUntil: z.string().nullable(),
  taken: z.number(),
  /** In requests still waiting for approval. */
  pending: z.number(),
  remaining: z.number(),
});
export type LeaveBalanceView = z.infer<typeof LeaveBalanceView>;
export const LeaveBalanceQuery = z
  .object({
    year: z.coerce.number().int().min(1901).max(2099).optional(),
    personId: IdSchema.optional(),
    unitId: IdSchema.optional(),
    /** Everyone of an agency (the Office, the Director). */
    agencyId: IdSchema.optional(),
  })
  .strict();
export const LeaveBalanceListResponse = z.object({ items: z.array(LeaveBalanceView) });
export type LeaveBalanceListResponse = z.infer<typeof LeaveBalanceListResponse>;

/** The agency's leave settings (the Office or the Director decide). */
export const LeaveSettingsView = z.object({
  agencyId: z.string(),
  /** Days of last year's annual leave that may be carried over (0: none). */
  carryOverMaxDays: z.number().int().min(0).max(30),
  /** Carried-over days must be used by this day of the year, `MM-DD` (e.g. "03-31"); null: the whole year. */
  carryOverUntil: z
    .string()
    .regex(/^\d{2}-\d{2}$/)
    .nullable(),
  version: z.number().int(),
});
export type LeaveSettingsView = z.infer<typeof LeaveSettingsView>;
export const LeaveSettingsUpdate = LeaveSettingsView.omit({ agencyId: true }).strict();
export type LeaveSettingsUpdate = z.infer<typeof LeaveSettingsUpdate>;

/** The Office records a person's service start date (for seniority) or an opening balance. */
export const LeaveProfileUpdate = z
  .object({
    serviceStartDate: IsoDateSchema.nullable().optional(),
    /** Opening carried-over days for the current year (when the agency starts using Congvu mid-year). */
    openingCarriedOver: z.number().min(0).max(60).optional(),
    /** Annual days already taken outside Congvu this year. */
    openingTaken: z.number().min(0).max(60).optional(),
  })
  .strict();
export type LeaveProfileUpdate = z.infer<typeof LeaveProfileUpdate>;

// ---------------------------------------------------------------- acting approvers (ủy quyền)

export const ActingCreate = z
  .object({
    /** The deputy who acts for me (a deputy of my unit or agency). */
    deputyPersonId: IdSchema,
    /** The Office records it for a leader (default: oneself). */
    leaderPersonId: IdSchema.optional(),
    fromDate: IsoDateSchema,
    toDate: IsoDateSchema,
    /** approvals: requests and rosters; all: also summons and meeting invitations addressed to me. */
    scope: z.enum(['approvals', 'all']).default('all'),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.toDate < v.fromDate) ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.' });
  });
export type ActingCreate = z.infer<typeof ActingCreate>;

export const ActingView = z.object({
  id: z.string(),
  leaderPersonId: z.string(),
  leaderName: z.string(),
  deputyPersonId: z.string(),
  deputyName: z.string(),
  agencyId: z.string(),
  unitId: z.string().nullable(),
  fromDate: z.string(),
  toDate: z.string(),
  scope: z.enum(['approvals', 'all']),
  note: z.string().nullable(),
  /** active today, upcoming, ended, revoked */
  state: z.enum(['active', 'upcoming', 'ended', 'revoked']),
  createdAt: z.string(),
});
export type ActingView = z.infer<typeof ActingView>;
export const ActingListQuery = z.object({ box: z.enum(['mine', 'agency']).default('mine'), agencyId: IdSchema.optional() }).strict();
export type ActingListQuery = z.infer<typeof ActingListQuery>;
export const ActingListResponse = z.object({ items: z.array(ActingView) });
export type ActingListResponse = z.infer<typeof ActingListResponse>;
