/** Shapes of the daily reports (agency snapshot at 16:00, province report at 17:00), shared by server and web. */
import type { Appendix2Report } from './activity/appendix2';

export const AGENCY_REPORT_FORMAT = 'congvu.report.agency/1';
export const PROVINCE_REPORT_FORMAT = 'congvu.report.province/1';

/** Names of the agencies, units and people of a report, for display and exports. */
export interface ReportNames {
  agencies: Record<string, string>;
  units: Record<string, string>;
  people: Record<string, string>;
}

export interface FlagRow {
  personId: string;
  unitId: string;
  agencyId: string;
  wfhDays: number;
  assigned: number;
  processed: number;
  /** How many tasks were open on the person's home days. */
  openTaskCount?: number;
  /** Open tasks on the person's home days (evidence), at most 10. */
  openTasks?: { id: string; title: string; dueDate: string | null }[];
  /** The home days of the period (evidence). */
  homeDays?: string[];
}

export interface AgencyReportContent {
  format: typeof AGENCY_REPORT_FORMAT;
  agencyId: string;
  date: string;
  generatedAt: string;
  /** True when produced after the report time (a server was down): "lập bù". */
  late: boolean;
  note: string | null;
  appendix2: Appendix2Report;
  names: ReportNames;
  presence: { atHome: number; checkedIn: number };
  flags: { noProcessing: FlagRow[]; commendation: FlagRow[] };
}

export interface ProvinceReportContent {
  format: typeof PROVINCE_REPORT_FORMAT;
  rootId: string;
  date: string;
  generatedAt: string;
  late: boolean;
  /** Agencies that sent their 16:00 report, with their frozen totals and the hash of the snapshot. */
  received: { agencyId: string; frozenAt: string; hash: string; totals: Appendix2Report['totals'] }[];
  /** Agencies expected to report that day that sent nothing. */
  missing: string[];
  appendix2: Appendix2Report;
  names: ReportNames;
  flags: { noProcessing: FlagRow[]; commendation: FlagRow[] };
}
