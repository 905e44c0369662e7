/** What the report screens may show to the user: the agencies they read and the provinces they compile. */
import { createContext, useContext } from 'react';
import type { AgencyView } from '../../../shared/contracts/org';
import { defaultAgencyId, type AgencyOption } from '../org/model';
import { useUrlParams } from '../../lib/useUrlParams';

export interface ReportScope {
  /** Agencies whose reports the user reads (report.read), in tree order. */
  agencies: AgencyView[];
  options: AgencyOption[];
  /** The user's own agency when it is one of them. */
  ownAgencyId: string | null;
  /** Provinces the user compiles (report.province). */
  roots: { id: string; name: string }[];
}

export const ReportScopeContext = createContext<ReportScope | null>(null);

export function useReportScope(): ReportScope {
  const s = useContext(ReportScopeContext);
  if (!s) throw new Error('useReportScope() outside the reports page.');
  return s;
}

/** The URL's query and a function that changes some of its parameters (null removes one). */
export const useReportParams = useUrlParams;

/** The agency of the URL (`agencyId`) when the user reads it, else their own, else the first readable. */
export function useAgencyChoice(params: URLSearchParams): string | null {
  const scope = useReportScope();
  return defaultAgencyId(scope.options, params.get('agencyId'), scope.ownAgencyId);
}
