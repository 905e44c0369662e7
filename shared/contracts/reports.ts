/** Contracts of the reports module (Phụ lục 2, 16:00 and 17:00 reports, flags, exports). */
import { z } from 'zod';
import type { Appendix2Report } from '../domain/activity/appendix2';
import type { AgencyReportContent, FlagRow, ProvinceReportContent, ReportNames } from '../domain/reports';
import { IdSchema, IsoDateSchema } from './common';

export const Appendix2Query = z.object({ agencyId: IdSchema.optional(), rootId: IdSchema.optional(), from: IsoDateSchema, to: IsoDateSchema });
export const Appendix2Response = z.object({
  report: z.custom<Appendix2Report>(),
  names: z.custom<ReportNames>(),
  flags: z.object({ noProcessing: z.array(z.custom<FlagRow>()), commendation: z.array(z.custom<FlagRow>()) }),
});
export type Appendix2Response = z.infer<typeof Appendix2Response>;

export const DailyQuery = z.object({ agencyId: IdSchema, date: IsoDateSchema });
export const AgencyDailyResponse = z.object({ frozen: z.boolean(), frozenAt: z.string().nullable(), hash: z.string().nullable(), content: z.custom<AgencyReportContent>() });
export type AgencyDailyResponse = z.infer<typeof AgencyDailyResponse>;

export const ProvinceQuery = z.object({ rootId: IdSchema, date: IsoDateSchema });
export const ProvinceDailyResponse = z.object({ frozen: z.boolean(), frozenAt: z.string().nullable(), hash: z.string().nullable(), content: z.custom<ProvinceReportContent>() });
export type ProvinceDailyResponse = z.infer<typeof ProvinceDailyResponse>;

export const NoteRequest = z.object({ note: z.string().trim().min(1, 'Nhập ghi chú.').max(2000) }).strict();

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
