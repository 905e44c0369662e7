/** Contracts of the reports module (Phụ lục 2, 16:00 and 17:00 reports, flags, exports). */
import { z } from 'zod';
import type { Appendix2Report } from '../domain/activity/appendix2';
import type { AgencyReportContent, FlagRow, ProvinceReportContent, ReportNames } from '../domain/reports';
import { IdSchema, IsoDateSchema } from './common';

export const Appendix2Query = z.object({ agencyId: IdSchema.optional(), rootId: IdSchema.optional(), from: IsoDateSchema, to: IsoDateSchema });
/**
 * Typed as the shared domain types; described as free-form objects in OpenAPI (zod's `custom` has no
 * JSON schema), the shapes are documented in shared/domain/reports.ts and formats/activity.md.
 */
const typed = <T>(description: string) => z.any().describe(description) as unknown as z.ZodType<T>;

export const Appendix2Response = z.object({
  report: typed<Appendix2Report>('Phụ lục 2 (formats/activity.md)'),
  names: typed<ReportNames>('Tên cơ quan, đơn vị, cán bộ theo mã'),
  flags: z.object({ noProcessing: z.array(typed<FlagRow>('Cán bộ cần xem xét xử lý')), commendation: z.array(typed<FlagRow>('Đề xuất khen thưởng')) }),
});
export type Appendix2Response = z.infer<typeof Appendix2Response>;

export const DailyQuery = z.object({ agencyId: IdSchema, date: IsoDateSchema });
export const AgencyDailyResponse = z.object({ frozen: z.boolean(), frozenAt: z.string().nullable(), hash: z.string().nullable(), content: typed<AgencyReportContent>('Báo cáo 16:00 của cơ quan (congvu.report.agency/1)') });
export type AgencyDailyResponse = z.infer<typeof AgencyDailyResponse>;

export const ProvinceQuery = z.object({ rootId: IdSchema, date: IsoDateSchema });
export const ProvinceDailyResponse = z.object({ frozen: z.boolean(), frozenAt: z.string().nullable(), hash: z.string().nullable(), content: typed<ProvinceReportContent>('Báo cáo tổng hợp 17:00 của tỉnh (congvu.report.province/1)') });
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
  days: z.array(z.object({ date: z.string(), working: z.number(), atHome: z.number(), homeShare: pct, policyMin: pct, policyTarget: pct, policyMax: pct, checkedIn: z.number(), checkinRate: pct, assigned: z.number(), processed: z.number(), processedRatio: pct })),
  units: z.array(z.object({ unitId: z.string(), unitName: z.string(), working: z.number(), atHome: z.number(), checkedIn: z.number() })),
});
export type DashboardResponse = z.infer<typeof DashboardResponse>;
