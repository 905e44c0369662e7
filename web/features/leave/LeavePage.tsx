/**
 * Đơn từ (/leave/*): tabs "Đơn của tôi" (/leave), "Chờ tôi duyệt" (/leave/to-decide, with a count and
 * one-tap "Duyệt"), "Đơn vị" / "Cơ quan" for readers, "Phép năm" (/leave/balances), "Ủy quyền"
 * (/leave/acting); "Tạo đơn" (/leave/new); a request (/leave/:id, also /leave/requests/:id from a
 * notification). Unknown tabs go to the first tab the user has.
 */
import { Badge, Button, Group, Select, Stack, Tabs, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { REQUEST_STATUSES } from '../../../shared/contracts/leave';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useSession } from '../auth/session';
import { ActingTab } from './ActingTab';
import { useRequests, type RequestBox } from './api';
import { BalancesTab } from './BalancesTab';
import { KIND_ORDER, sortRequests, TAB_BOX, TAB_PATHS, tabOfPath, tabsFor, type LeaveTab } from './model';
import { NewRequestPage } from './NewRequestPage';
import { RequestRow } from './parts';
import { RequestDetailPage } from './RequestDetailPage';

export default function LeavePage() {
  return (
    <Routes>
      <Route path="new" element={<NewRequestPage />} />
      <Route path="requests/:id" element={<RequestDetailPage />} />
      <Route path="to-decide" element={<TabbedPage />} />
      <Route path="unit" element={<TabbedPage />} />
      <Route path="agency" element={<TabbedPage />} />
      <Route path="balances" element={<TabbedPage />} />
      <Route path="acting" element={<TabbedPage />} />
      <Route path=":id" element={<RequestDetailPage />} />
      <Route path="*" element={<TabbedPage />} />
    </Routes>
  );
}

function TabbedPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const hasPerson = !!session.user.personId;
  const waiting = useRequests({ box: 'to_decide', status: 'pending' }, { enabled: hasPerson, refetchInterval: 60_000 });
  const toDecideCount = waiting.data?.total ?? 0;
  const tabs = tabsFor({ hasPerson, grants: session.grants, can: session.can, toDecideCount });
  const asked = tabOfPath(pathname);
  if (!asked || !tabs.includes(asked)) {
    const fallback = tabs[0];
    if (!fallback) return <Header canCreate={false} />;
    if (asked === fallback || pathname === TAB_PATHS[fallback]) return <Header canCreate={false} />;
    return <Navigate to={TAB_PATHS[fallback]} replace />;
  }
  const canCreate = hasPerson && session.can('leave.request');
  return (
    <>
      <Header canCreate={canCreate} />
      <Tabs value={asked} onChange={(v) => v && navigate(TAB_PATHS[v as LeaveTab])} keepMounted={false}>
        <Tabs.List aria-label={t('leave.tabs.label')} mb="md" style={{ flexWrap: 'wrap' }}>
          {tabs.map((tab) => (
            <Tabs.Tab
              key={tab}
              value={tab}
              rightSection={
                tab === 'toDecide' && toDecideCount > 0 ? (
                  <Badge size="sm" color="red" variant="filled" circle={toDecideCount < 10}>
                    {toDecideCount}
                  </Badge>
                ) : null
              }
            >
              {t(`leave.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Panel key={tab} value={tab}>
            {tab === asked ? <TabContent tab={tab} /> : null}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}

function Header({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <PageHeader
      title={t('nav.leave')}
      description={user.personId ? t('leave.description') : t('leave.noPerson')}
      actions={
        canCreate ? (
          <Button component={Link} to="/leave/new" leftSection={<IconPlus size={18} aria-hidden />}>
            {t('leave.list.newRequest')}
          </Button>
        ) : null
      }
    />
  );
}

function TabContent({ tab }: { tab: LeaveTab }) {
  switch (tab) {
    case 'balances':
      return <BalancesTab />;
    case 'acting':
      return <ActingTab />;
    default:
      return <RequestsTab box={TAB_BOX[tab]} tab={tab} />;
  }
}

function RequestsTab({ box, tab }: { box: RequestBox; tab: 'mine' | 'toDecide' | 'unit' | 'agency' }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>(box === 'to_decide' ? 'pending' : '');
  const [kind, setKind] = useState<string>('');
  const list = useRequests({ box, status: status || undefined, kind: kind || undefined });
  return (
    <Stack gap="md">
      {box !== 'to_decide' ? (
        <Group gap="sm" wrap="wrap" align="flex-end">
          <Select
            label={t('leave.list.filterStatus')}
            value={status}
            onChange={(v) => setStatus(v ?? '')}
            data={[{ value: '', label: t('leave.list.all') }, ...REQUEST_STATUSES.map((s) => ({ value: s, label: t(`leave.status.${s}`) }))]}
            allowDeselect={false}
            w={{ base: '100%', xs: 200 }}
          />
          <Select
            label={t('leave.list.filterKind')}
            value={kind}
            onChange={(v) => setKind(v ?? '')}
            data={[{ value: '', label: t('leave.list.all') }, ...KIND_ORDER.map((k) => ({ value: k, label: t(`leave.kinds.${k}`) }))]}
            allowDeselect={false}
            w={{ base: '100%', xs: 240 }}
          />
        </Group>
      ) : null}
      <QueryState query={list} skeletonRows={4}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t(`leave.list.empty.${tab}`)} />
          ) : (
            <Stack gap="xs">
              <Text size="sm" c="dark.6">
                {t('leave.list.total', { count: data.total })}
              </Text>
              <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {sortRequests(data.items, box).map((r) => (
                  <RequestRow key={r.id} request={r} showPerson={box !== 'mine'} oneTap={box === 'to_decide'} />
                ))}
              </Stack>
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
