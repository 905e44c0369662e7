/** Contracts of the roster module: periods, unit grids, workflow, schedule, interchange. */
import { z } from 'zod';
import { MODES, PREFERENCES, ROLES, RULE_IDS, UNIT_KINDS, type ResolvedInstance, type Roster, type RosterInstance } from '../domain/roster/format';
import { PERIOD_STATUSES, UNIT_ROSTER_STATUSES } from '../domain/roster/workflow';
import { IdSchema, IsoDateSchema, IsoDateTimeSchema, VersionSchema } from './common';

export const ModeSchema = z.enum(MODES);
export const Severity = z.enum(['block', 'warn']);

export const ViolationView = z.object({
  rule: z.enum(RULE_IDS),
  date: z.string().optional(),
  agencyId: z.string().optional(),
  unitId: z.string().optional(),
  personId: z.string().optional(),
  message: z.string(),
  severity: Severity,
});
export type ViolationView = z.infer<typeof ViolationView>;

// ---------------------------------------------------------------- interchange (formats/roster.md), loose: the domain parser checks the details

const ModeRecord = z.record(z.string(), z.enum(MODES));
export const RosterInstanceSchema = z
  .looseObject({
    format: z.string().describe('congvu.roster/1'),
    period: z.looseObject({ from: z.string(), to: z.string() }),
    workdays: z.array(z.string()).optional(),
    agencies: z.array(z.looseObject({ id: z.string(), name: z.string(), district: z.string().optional() })),
    units: z.array(z.looseObject({ id: z.string(), agencyId: z.string(), name: z.string(), kind: z.string() })),
    people: z.array(
      z.looseObject({
        id: z.string(),
        name: z.string(),
        unitId: z.string(),
        role: z.string(),
        canWorkFromHome: z.boolean(),
        fixed: ModeRecord.optional(),
        duties: z.array(z.string()).optional(),
        prefers: z.record(z.string(), z.string()).optional(),
      }),
    ),
    policy: z.looseObject({}),
  })
  .describe('Tệp đơn vị/cơ quan congvu.roster/1 (formats/roster.md)');
export const RosterAssignmentsSchema = z
  .looseObject({
    format: z.string().describe('congvu.assignments/1'),
    assignments: z.array(z.looseObject({ personId: z.string(), date: z.string(), mode: z.string() })),
  })
  .describe('Lịch congvu.assignments/1 (formats/roster.md)');

export const PeriodView = z.object({
  id: z.string(),
  agencyId: z.string(),
  fromDate: z.string(),
  toDate: z.string(),
  deadline: z.string().nullable(),
  status: z.enum(PERIOD_STATUSES),
  approvedVersion: z.number(),
  approvedAt: z.string().nullable(),
  workdays: z.array(z.string()),
  policyId: z.string().nullable(),
  version: z.number(),
});
export type PeriodView = z.infer<typeof PeriodView>;
export const PeriodList = z.object({ periods: z.array(PeriodView) });
export const PeriodCreate = z
  .object({
    agencyId: IdSchema,
    fromDate: IsoDateSchema,
    toDate: IsoDateSchema,
    /** Instant (ISO 8601); default from the policy: 08:00 a few days before the period. */
    deadline: IsoDateTimeSchema.optional(),
  })
  .strict();

export const UnitStatusRow = z.object({
  unitId: z.string(),
  unitName: z.string(),
  unitKind: z.enum(UNIT_KINDS),
  people: z.number(),
  status: z.enum(UNIT_ROSTER_STATUSES),
  submittedAt: z.string().nullable(),
  returnComment: z.string().nullable(),
  late: z.boolean(),
  blocking: z.number(),
  warnings: z.number(),
  version: z.number().nullable(),
});
export type UnitStatusRow = z.infer<typeof UnitStatusRow>;

export const PeriodStatusResponse = z.object({
  period: PeriodView,
  units: z.array(UnitStatusRow),
  /** The compiled check of the whole agency (exact agency rules). */
  violations: z.array(ViolationView),
  late: z.array(z.object({ unitId: z.string(), unitName: z.string() })),
});
export type PeriodStatusResponse = z.infer<typeof PeriodStatusResponse>;

export const GridPerson = z.object({
  id: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  canWorkFromHome: z.boolean(),
});
export const GridCell = z.object({ personId: z.string(), date: z.string(), mode: ModeSchema, pinned: z.boolean() });
export type GridCell = z.infer<typeof GridCell>;

export const UnitGridResponse = z.object({
  period: PeriodView,
  unit: z.object({ id: z.string(), name: z.string(), kind: z.enum(UNIT_KINDS), agencyId: z.string() }),
  status: z.enum(UNIT_ROSTER_STATUSES),
  version: z.number().nullable(),
  returnComment: z.string().nullable(),
  people: z.array(GridPerson),
  holidays: z.array(z.object({ date: z.string(), name: z.string() })),
  cells: z.array(GridCell),
  duties: z.array(z.object({ personId: z.string(), date: z.string(), kind: z.string() })),
  wishes: z.array(z.object({ personId: z.string(), date: z.string(), preference: z.enum(PREFERENCES) })),
  /** The instance of the unit view (congvu.roster/1), for the live check in the browser. */
  instance: RosterInstanceSchema as unknown as z.ZodType<ResolvedInstance>,
  severity: z.record(z.string(), Severity),
  /** Scope of the policy's WFH share: an agency-wide share is advice inside a unit (checked at compile). */
  wfhShareScope: z.enum(['agency', 'unit']).nullable(),
  policy: z.object({ id: z.string(), title: z.string(), docNumber: z.string().nullable() }).nullable(),
  violations: z.array(ViolationView),
  editable: z.boolean(),
  canSubmit: z.boolean(),
});
export type UnitGridResponse = z.infer<typeof UnitGridResponse>;

export const SaveCellsRequest = z
  .object({
    version: z.number().int().min(0),
    cells: z.array(z.object({ personId: IdSchema, date: IsoDateSchema, mode: ModeSchema.nullable(), pinned: z.boolean().optional() }).strict()).max(5000),
  })
  .strict();
export type SaveCellsRequest = z.infer<typeof SaveCellsRequest>;

export const SaveResult = z.object({ version: z.number(), status: z.enum(UNIT_ROSTER_STATUSES), violations: z.array(ViolationView) });
export type SaveResult = z.infer<typeof SaveResult>;

export const VersionRequest = z.object({ version: VersionSchema }).strict();
/** "Nhắc đơn vị": all units not sent, or these. */
export const RemindRequest = z.object({ unitIds: z.array(IdSchema).min(1).max(200).optional() }).strict();
export const RemindResponse = z.object({ reminded: z.array(z.object({ unitId: z.string(), unitName: z.string(), recipients: z.number() })) });
export type RemindResponse = z.infer<typeof RemindResponse>;
export const ReturnRequest = z.object({ version: VersionSchema, comment: z.string().trim().min(3, 'Nhập lý do trả lại.').max(2000) }).strict();

export const DiffRow = z.object({
  personId: z.string(),
  fullName: z.string(),
  unitName: z.string(),
  date: z.string(),
  from: ModeSchema.nullable(),
  to: ModeSchema.nullable(),
});
export const RosterVersionView = z.object({
  version: z.number(),
  approvedAt: z.string(),
  approvedBy: z.string(),
  changes: z.number(),
  comment: z.string().nullable(),
});
export const DiffResponse = z.object({ baseVersion: z.number(), diff: z.array(DiffRow), versions: z.array(RosterVersionView) });
export type DiffResponse = z.infer<typeof DiffResponse>;

export const ScheduleDay = z.object({
  date: z.string(),
  mode: ModeSchema.nullable(),
  duties: z.array(z.string()),
  holiday: z.string().nullable(),
});
export const MyScheduleResponse = z.object({
  personId: z.string(),
  from: z.string(),
  to: z.string(),
  days: z.array(ScheduleDay),
  hours: z.object({ morningStart: z.string(), morningEnd: z.string(), afternoonStart: z.string(), afternoonEnd: z.string() }).nullable(),
});
export type MyScheduleResponse = z.infer<typeof MyScheduleResponse>;

export const TodayResponse = z.object({
  date: z.string(),
  units: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      people: z.array(
        z.object({
          personId: z.string(),
          fullName: z.string(),
          role: z.enum(ROLES),
          mode: ModeSchema.nullable(),
          duty: z.array(z.string()),
          /** Meetings of the day (Vietnam time); the title only when the viewer may read the meeting. */
          meetings: z.array(z.object({ startAt: z.string(), endAt: z.string(), title: z.string().nullable() })).optional(),
          /** On a business trip: where to, from the approved request. */
          destination: z.string().nullable().optional(),
        }),
      ),
    }),
  ),
});
export type TodayResponse = z.infer<typeof TodayResponse>;

export const WishesRequest = z
  .object({
    wishes: z.array(z.object({ date: IsoDateSchema, preference: z.enum(PREFERENCES).nullable(), note: z.string().max(300).optional() }).strict()).max(100),
  })
  .strict();
export const WishesResponse = z.object({
  wishes: z.array(z.object({ date: z.string(), preference: z.enum(PREFERENCES), note: z.string().nullable() })),
  deadline: z.string().nullable(),
  /** The next period still open for wishes, with its working days. */
  period: z.object({ id: z.string(), fromDate: z.string(), toDate: z.string(), workdays: z.array(z.string()) }).nullable(),
});

export const CheckRequest = z.object({ instance: RosterInstanceSchema, roster: RosterAssignmentsSchema }).strict();
export const InterchangeExport = z.object({
  instance: RosterInstanceSchema as unknown as z.ZodType<RosterInstance>,
  roster: RosterAssignmentsSchema as unknown as z.ZodType<Roster>,
});
export const CheckResponse = z.object({
  violations: z.array(
    z.object({
      rule: z.string(),
      date: z.string().optional(),
      agencyId: z.string().optional(),
      unitId: z.string().optional(),
      personId: z.string().optional(),
      message: z.string(),
    }),
  ),
});

export const ImportAssignmentsResult = z.object({ units: z.number(), cells: z.number(), violations: z.array(ViolationView) });

export const GenerateResponse = z.object({
  units: z.array(z.object({ unitId: z.string(), unitName: z.string(), version: z.number(), cells: z.number() })),
  /** True when every rule holds. */
  feasible: z.boolean(),
  score: z.object({ total: z.number(), goalDeviation: z.number(), unmetPrefers: z.number(), fairness: z.number() }),
  /** The result in words' figures (shared/domain/roster/summary.ts). */
  summary: z.object({
    homePeople: z.number(),
    homeDaysMin: z.number(),
    homeDaysMax: z.number(),
    dailyShareMin: z.number().nullable(),
    dailyShareMax: z.number().nullable(),
    target: z.number().nullable(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    daysOnTarget: z.number(),
    daysCounted: z.number(),
    wishesMet: z.number(),
    wishes: z.number(),
  }),
  /** Why some rules cannot hold (Vietnamese), when not feasible. */
  explanations: z.array(
    z.object({ rule: z.string(), date: z.string().optional(), unitId: z.string().optional(), personId: z.string().optional(), message: z.string() }),
  ),
  violations: z.array(ViolationView),
  ms: z.number(),
});
export type GenerateResponse = z.infer<typeof GenerateResponse>;
