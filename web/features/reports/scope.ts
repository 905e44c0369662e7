/** What the report screens may show to the user: the agencies they read and the provinces they compile. */
import { createContext, useCallback, useContext } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { AgencyView } from '../../../shared/contracts/org';
import { defaultAgencyId, type AgencyOption } from '../org/model';

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
export function useReportParams() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: Record<string, string | null>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes)) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [params, update] as const;
}

/** The agency of the URL (`agencyId`) when the user reads it, else their own, else the first readable. */
export function useAgencyChoice(params: URLSearchParams): string | null {
  const scope = useReportScope();
  return defaultAgencyId(scope.options, params.get('agencyId'), scope.ownAgencyId);
}
