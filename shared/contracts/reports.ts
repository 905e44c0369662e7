/** Contracts of the reports module (Phụ lục 2, 16:00 and 17:00 reports, flags, exports). */
import { z } from 'zod';
import type { Appendix2Report } from '../domain/activity/appendix2';
import {
  AGENCY_REPORT_FORMAT,
  PROVINCE_REPORT_FORMAT,
  type AgencyReportContent,
  type FlagRow,
  type ProvinceReportContent,
  type ReportNames,
} from '../domain/reports';
import { IdSchema, IsoDateSchema, IsoDateTimeSchema, VersionSchema } from './common';

export const Appendix2Query = z.object({ agencyId: IdSchema.optional(), rootId: IdSchema.optional(), from: IsoDateSchema, to: IsoDateSchema });
// ---------------------------------------------------------------- report shapes (shared/domain/reports.ts, formats/activity.md)

const ratio = z.number().nullable().describe('Phần trăm, một chữ số thập phân; null khi không có việc được giao');
export const Appendix2CountsSchema = z.object({
  wfhDays: z.number().int().describe('Số ngày-người làm việc tại nhà'),
  assigned: z.number().int(),
  processed: z.number().int(),
  processedRatio: ratio,
  notProcessed: z.number().int(),
  notProcessedRatio: ratio,
});
export const Appendix2RowSchema = Appendix2CountsSchema.extend({ personId: z.string(), unitId: z.string() });
export const Appendix2AgencySchema = z.object({ agencyId: z.string(), rows: z.array(Appendix2RowSchema), totals: Appendix2CountsSchema });
export const Appendix2ReportSchema = z
  .object({ from: z.string(), to: z.string(), agencies: z.array(Appendix2AgencySchema), totals: Appendix2CountsSchema })
  .describe('Phụ lục 2 (formats/activity.md)') satisfies z.ZodType<Appendix2Report>;

export const ReportNamesSchema = z
  .object({ agencies: z.record(z.string(), z.string()), units: z.record(z.string(), z.string()), people: z.record(z.string(), z.string()) })
  .describe('Tên cơ quan, đơn vị, cán bộ theo mã') satisfies z.ZodType<ReportNames>;

export const FlagRowSchema = z.object({
  personId: z.string(),
  unitId: z.string(),
  agencyId: z.string(),
  wfhDays: z.number().int(),
  assigned: z.number().int(),
  processed: z.number().int(),
  openTaskCount: z.number().int().optional(),
  openTasks: z.array(z.object({ id: z.string(), title: z.string(), dueDate: z.string().nullable() })).optional(),
  homeDays: z.array(z.string()).optional(),
}) satisfies z.ZodType<FlagRow>;
const FlagsSchema = z.object({
  noProcessing: z.array(FlagRowSchema).describe('Cán bộ cần xem xét xử lý'),
  commendation: z.array(FlagRowSchema).describe('Đề xuất khen thưởng'),
});

export const AgencyReportContentSchema = z
  .object({
    format: z.literal(AGENCY_REPORT_FORMAT),
    agencyId: z.string(),
    date: z.string(),
    generatedAt: z.string(),
    late: z.boolean(),
    note: z.string().nullable(),
    appendix2: Appendix2ReportSchema,
    names: ReportNamesSchema,
    presence: z.object({ atHome: z.number().int(), checkedIn: z.number().int() }),
    flags: FlagsSchema,
  })
  .describe('Báo cáo 16:00 của cơ quan (congvu.report.agency/1)') satisfies z.ZodType<AgencyReportContent>;

export const ProvinceReportContentSchema = z
  .object({
    format: z.literal(PROVINCE_REPORT_FORMAT),
    rootId: z.string(),
    date: z.string(),
    generatedAt: z.string(),
    late: z.boolean(),
    received: z.array(z.object({ agencyId: z.string(), frozenAt: z.string(), hash: z.string(), totals: Appendix2CountsSchema })),
    missing: z.array(z.string()),
    noRoster: z.array(z.string()).optional().describe('Cơ quan chưa có lịch làm việc được phê duyệt cho ngày này (tính vào số cơ quan chưa gửi)'),
    appendix2: Appendix2ReportSchema,
    names: ReportNamesSchema,
    flags: FlagsSchema,
  })
  .describe('Báo cáo tổng hợp 17:00 của tỉnh (congvu.report.province/1)') satisfies z.ZodType<ProvinceReportContent>;

export const Appendix2Response = z.object({
  report: Appendix2ReportSchema,
  names: ReportNamesSchema,
  flags: FlagsSchema,
});
export type Appendix2Response = z.infer<typeof Appendix2Response>;

export const DailyQuery = z.object({ agencyId: IdSchema, date: IsoDateSchema });
export const AgencyDailyResponse = z.object({
  frozen: z.boolean(),
  frozenAt: z.string().nullable(),
  hash: z.string().nullable(),
  content: AgencyReportContentSchema,
});
export type AgencyDailyResponse = z.infer<typeof AgencyDailyResponse>;

export const ProvinceQuery = z.object({ rootId: IdSchema, date: IsoDateSchema });
export const ProvinceDailyResponse = z.object({
  frozen: z.boolean(),
  frozenAt: z.string().nullable(),
  hash: z.string().nullable(),
  content: ProvinceReportContentSchema,
});
export type ProvinceDailyResponse = z.infer<typeof ProvinceDailyResponse>;

/** An empty note clears it. */
export const NoteRequest = z.object({ note: z.string().trim().max(2000) }).strict();

export const SubmissionsResponse = z.object({
  date: z.string(),
  agencies: z.array(z.object({ agencyId: z.string(), name: z.string(), sentAt: z.string().nullable() })),
});
export type SubmissionsResponse = z.infer<typeof SubmissionsResponse>;

export const ExportFormat = z.enum(['xlsx', 'pdf', 'docx']);

export const DashboardQuery = z.object({ agencyId: IdSchema, from: IsoDateSchema.optional(), to: IsoDateSchema.optional() });
const pct = z.number().nullable();
export const DashboardResponse = z.object({
  agencyId: z.string(),
  from: z.string(),
  to: z.string(),
  today: z.string(),
  days: z.array(
    z.object({
      date: z.string(),
      working: z.number(),
      atHome: z.number(),
      homeShare: pct,
      policyMin: pct,
      policyTarget: pct,
      policyMax: pct,
      checkedIn: z.number(),
      checkinRate: pct,
      assigned: z.number(),
      processed: z.number(),
      processedRatio: pct,
    }),
  ),
  units: z.array(z.object({ unitId: z.string(), unitName: z.string(), working: z.number(), atHome: z.number(), checkedIn: z.number() })),
});
export type DashboardResponse = z.infer<typeof DashboardResponse>;

// ---------------------------------------------------------------- Phụ lục 1 sent to the province (issue 10 item 7)

export const APPENDIX1_RECIPIENTS_DEFAULT = 'Sở Nội vụ, Sở Thông tin và Truyền thông';

/** The province sets (or changes) the deadline of Phụ lục 1 for a range of days; the same range again updates it. */
export const Appendix1DeadlineRequest = z
  .object({
    rootId: IdSchema,
    fromDate: IsoDateSchema,
    toDate: IsoDateSchema,
    deadline: IsoDateTimeSchema.describe('Hạn gửi Phụ lục 1 (thời điểm)'),
    recipients: z.string().trim().min(1).max(500).default(APPENDIX1_RECIPIENTS_DEFAULT),
    /** The version read, when changing an existing deadline (409 VERSION_CONFLICT when stale). */
    version: VersionSchema.optional(),
  })
  .strict();
export const Appendix1DeadlineSchema = z.object({
  id: z.string(),
  rootId: z.string(),
  fromDate: z.string(),
  toDate: z.string(),
  deadline: z.string(),
  recipients: z.string(),
  version: z.number().int(),
});
export type Appendix1Deadline = z.infer<typeof Appendix1DeadlineSchema>;

export const Appendix1SubmitRequest = z.object({ periodId: IdSchema }).strict();
export const Appendix1SubmissionSchema = z.object({
  id: z.string(),
  periodId: z.string(),
  agencyId: z.string(),
  fromDate: z.string(),
  toDate: z.string(),
  rosterVersion: z.number().int().describe('Phiên bản phê duyệt đã gửi'),
  sentAt: z.string(),
  sentBy: z.string(),
  hash: z.string().describe('SHA-256 của nội dung Phụ lục 1 đã gửi'),
  resent: z.boolean().describe('Đã gửi lại (một phiên bản phê duyệt sau)'),
});
export type Appendix1Submission = z.infer<typeof Appendix1SubmissionSchema>;

export const Appendix1AgencyQuery = z.object({ agencyId: IdSchema });
export const Appendix1AgencyResponse = z.object({
  agencyId: z.string(),
  periods: z.array(
    z.object({
      periodId: z.string(),
      fromDate: z.string(),
      toDate: z.string(),
      status: z.string(),
      approvedVersion: z.number().int(),
      deadline: Appendix1DeadlineSchema.nullable(),
      lastSent: Appendix1SubmissionSchema.nullable(),
      /** An approved version not sent yet (first sending or a new version to send again). */
      toSend: z.boolean(),
    }),
  ),
});
export type Appendix1AgencyResponse = z.infer<typeof Appendix1AgencyResponse>;

export const FollowQuery = z.object({ rootId: IdSchema, date: IsoDateSchema.describe('Một ngày của tuần cần theo dõi') });
export const FOLLOW_SENT_STATES = ['onTime', 'late', 'missing', 'pending'] as const;
export const FollowRowSchema = z.object({
  agencyId: z.string(),
  name: z.string(),
  period: z
    .object({
      periodId: z.string(),
      fromDate: z.string(),
      toDate: z.string(),
      status: z.string(),
      approvedVersion: z.number().int(),
      approvedAt: z.string().nullable(),
    })
    .nullable(),
  /** A roster approved (published) for the week. */
  published: z.boolean(),
  sent: z.enum(FOLLOW_SENT_STATES).describe('onTime: gửi đúng hạn; late: gửi sau hạn; missing: quá hạn chưa gửi; pending: chưa gửi, chưa đến hạn'),
  lastSent: Appendix1SubmissionSchema.nullable(),
  /** The approved version is newer than the one sent. */
  outdated: z.boolean(),
  homeShare: z.number().nullable().describe('Tỷ lệ ngày-người làm việc tại nhà theo lịch đã duyệt của tuần (%)'),
  lastRemindedAt: z.string().nullable(),
});
export type FollowRow = z.infer<typeof FollowRowSchema>;
export const FollowResponse = z.object({
  rootId: z.string(),
  from: z.string(),
  to: z.string(),
  now: z.string(),
  deadline: Appendix1DeadlineSchema.nullable(),
  rows: z.array(FollowRowSchema),
});
export type FollowResponse = z.infer<typeof FollowResponse>;

export const RemindRequest = z
  .object({
    rootId: IdSchema,
    date: IsoDateSchema,
    /** One agency ("Nhắc"); absent = every agency that has not sent ("Nhắc tất cả cơ quan chưa gửi"). */
    agencyId: IdSchema.optional(),
  })
  .strict();
export const RemindResponse = z.object({ agencies: z.array(z.string()), notified: z.number().int() });
