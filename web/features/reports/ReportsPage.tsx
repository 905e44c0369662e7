/**
 * Báo cáo (/reports/*): the 16:00 report of an agency (/reports/daily, also /reports?agencyId=&date= from
 * the notifications), Phụ lục 2 for a period (/reports/appendix2?agencyId=&from=&to=), the dashboard
 * (/reports/dashboard?agencyId=) and, for the province (Sở Nội vụ / Thanh tra), the province summary
 * (/reports/province?rootId=&date=). Each tab shows what the user's role may read.
 */
import { Alert, Tabs } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconLock } from '@tabler/icons-react';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import type { AgencyView } from '../../../shared/contracts/org';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { LoadingBlock, QueryState } from '../../components/QueryState';
import { useSession } from '../auth/session';
import { useAgencies } from '../org/api';
import { agencyOptions } from '../org/model';
import { Appendix2View } from './Appendix2View';
import { DailyView } from './DailyView';
import { ProvinceView } from './ProvinceView';
import { ProvinceFollowView, ProvinceSubNav } from './ProvinceFollowView';
import { carriedParams, defaultTab, ownProvinceFirst, provinceRoots, reportAgencies, reportTabs, tabOfPath, TAB_PATHS, type ReportTab } from './model';
import { ReportScopeContext, type ReportScope } from './scope';

export default function ReportsPage() {
  const agencies = useAgencies();
  return <QueryState query={agencies}>{(list) => <ReportsWorkspace agencies={list} />}</QueryState>;
}

/** The charts (recharts) load only with the dashboard. */
const DashboardView = lazy(() => import('./DashboardView'));

function ReportsWorkspace({ agencies }: { agencies: AgencyView[] }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const scope: ReportScope = useMemo(() => {
    const readable = reportAgencies(session.grants, agencies);
    const own = session.user.agencyId ?? session.grants.find((g) => readable.some((a) => a.id === g.agencyId))?.agencyId ?? null;
    const ownPath = agencies.find((a) => a.id === (session.user.agencyId ?? own))?.path ?? null;
    return { agencies: readable, options: agencyOptions(readable), ownAgencyId: own, roots: ownProvinceFirst(provinceRoots(session.grants), ownPath) };
  }, [agencies, session]);
  const tabs = reportTabs(session.can, scope.agencies.length > 0);
  const current = tabOfPath(location.pathname, search);
  const first = defaultTab(session.roles, tabs);
  const title = current ? t(`reports.tabs.${current}`) : t('nav.reports');
  const header = <PageHeader title={t('nav.reports')} description={t('reports.description')} />;
  useDocumentTitle(current ? `${title} – ${t('nav.reports')} – ${t('common.titleSuffix')}` : '');

  if (!first) {
    return (
      <>
        {header}
        <EmptyState title={t('reports.noScope')} />
      </>
    );
  }

  const guard = (tab: ReportTab, el: ReactNode) =>
    tabs.includes(tab) ? (
      el
    ) : (
      <Alert color="red" variant="light" icon={<IconLock aria-hidden />} title={t('common.forbidden')}>
        {t('common.forbiddenText')}
      </Alert>
    );

  const routes = (
    <Routes>
      <Route
        index
        element={search.get('agencyId') && tabs.includes('daily') ? <DailyView /> : <Navigate to={`${TAB_PATHS[first]}${location.search}`} replace />}
      />
      <Route path="daily" element={guard('daily', <DailyView />)} />
      <Route path="appendix2" element={guard('appendix2', <Appendix2View />)} />
      <Route
        path="dashboard"
        element={guard(
          'dashboard',
          <Suspense fallback={<LoadingBlock rows={6} />}>
            <DashboardView />
          </Suspense>,
        )}
      />
      <Route
        path="province"
        element={guard(
          'province',
          <>
            <ProvinceSubNav />
            <ProvinceView />
          </>,
        )}
      />
      <Route
        path="province/follow"
        element={guard(
          'province',
          <>
            <ProvinceSubNav />
            <ProvinceFollowView />
          </>,
        )}
      />
      <Route path="*" element={<Navigate to="/reports" replace />} />
    </Routes>
  );

  return (
    <ReportScopeContext.Provider value={scope}>
      {header}
      {tabs.length > 1 ? (
        <Tabs
          value={current}
          onChange={(v) => {
            const tab = v as ReportTab | null;
            if (tab) navigate(`/reports/${TAB_PATHS[tab]}${carriedParams(tab, search)}`);
          }}
          keepMounted={false}
        >
          <Tabs.List aria-label={t('reports.tabsLabel')} mb="md">
            {tabs.map((tab) => (
              <Tabs.Tab key={tab} value={tab}>
                {t(`reports.tabs.${tab}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Panel key={tab} value={tab}>
              {tab === current ? routes : null}
            </Tabs.Panel>
          ))}
          {current === null || !tabs.includes(current) ? routes : null}
        </Tabs>
      ) : (
        routes
      )}
    </ReportScopeContext.Provider>
  );
}
