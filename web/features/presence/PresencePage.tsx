/**
 * Điểm danh (/presence/*). Everyone: "Của tôi" (/presence). Leaders with presence.read: "Ai ở đâu"
 * (/presence/board, also /presence/missing?unitId=&date= from the unit head's notification) and
 * "Triệu tập" (/presence/summons). Unit heads and the Office (health.read): "Khai báo y tế của đơn
 * vị" (/presence/health). `/presence/summons/{id}` (notification link) opens the summons: one's own
 * on "Của tôi", a unit's on "Triệu tập". Any other sub-path falls back to the nearest tab.
 */
import { Tabs } from '@mantine/core';
import { IconHeartbeat, IconListDetails, IconSpeakerphone, IconUserCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { LoadingBlock } from '../../components/QueryState';
import { useSession } from '../auth/session';
import { useMySummons, useServerNow } from './api';
import { BoardTab } from './BoardTab';
import { HealthTab } from './HealthTab';
import { presenceTabOf, summonsIdOf, type PresenceTab } from './model';
import { MyPresence } from './MyPresence';
import { SummonsTab } from './SummonsTab';

const TAB_PATH: Record<PresenceTab, string> = { mine: '/presence', board: '/presence/board', summons: '/presence/summons', health: '/presence/health' };

export default function PresencePage() {
  const { t } = useTranslation();
  const session = useSession();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  useServerNow(); // warm the server clock used by the summons and health defaults
  const hasPerson = !!session.user.personId;
  const canRead = session.can('presence.read');
  const canHealth = session.can('health.read');
  const tabs: { value: PresenceTab; label: string; icon: ReactNode }[] = [
    ...(hasPerson ? [{ value: 'mine' as const, label: t('presence.tabs.mine'), icon: <IconUserCheck size={18} aria-hidden /> }] : []),
    ...(canRead
      ? [
          { value: 'board' as const, label: t('presence.tabs.board'), icon: <IconListDetails size={18} aria-hidden /> },
          { value: 'summons' as const, label: t('presence.tabs.summons'), icon: <IconSpeakerphone size={18} aria-hidden /> },
        ]
      : []),
    ...(canHealth ? [{ value: 'health' as const, label: t('presence.tabs.health'), icon: <IconHeartbeat size={18} aria-hidden /> }] : []),
  ];
  const asked = presenceTabOf(pathname);
  const summonsId = summonsIdOf(pathname);
  const known = /^\/presence(\/(board|missing|summons(\/[^/]+)?|health))?\/?$/.test(pathname);

  // Unknown sub-paths and tabs the user may not open go to the nearest screen, never a 404.
  if (!known || !tabs.some((x) => x.value === asked)) {
    if (summonsId && hasPerson) return <SummonsFromLink id={summonsId} canRead={false} />;
    const fallback = tabs.find((x) => x.value === asked) ?? tabs[0];
    if (!fallback) return <Header />;
    return <Navigate to={`${TAB_PATH[fallback.value]}${search}`} replace />;
  }

  const content = (tab: PresenceTab) => {
    switch (tab) {
      case 'board':
        return <BoardTab focusMissing={pathname.startsWith('/presence/missing')} />;
      case 'summons':
        return summonsId ? <SummonsFromLink id={summonsId} canRead={canRead} /> : <SummonsTab />;
      case 'health':
        return <HealthTab />;
      default:
        return <MyPresence />;
    }
  };

  if (tabs.length <= 1) {
    return (
      <>
        <Header />
        {content(asked)}
      </>
    );
  }

  return (
    <>
      <Header />
      <Tabs value={asked} onChange={(v) => v && navigate(TAB_PATH[v as PresenceTab])} keepMounted={false}>
        <Tabs.List aria-label={t('presence.tabs.label')} mb="md">
          {tabs.map((x) => (
            <Tabs.Tab key={x.value} value={x.value} leftSection={x.icon}>
              {x.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((x) => (
          <Tabs.Panel key={x.value} value={x.value}>
            {x.value === asked ? content(x.value) : null}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}

function Header() {
  const { t } = useTranslation();
  const { user } = useSession();
  return <PageHeader title={t('nav.presence')} description={user.personId ? t('presence.description') : t('presence.noPerson')} />;
}

/**
 * `/presence/summons/{id}`: the person summoned sees it on "Của tôi" (even once cancelled); a leader
 * sees it highlighted in the unit's list.
 */
function SummonsFromLink({ id, canRead }: { id: string; canRead: boolean }) {
  const { user } = useSession();
  const mine = useMySummons({ enabled: !!user.personId });
  if (user.personId && mine.isPending) return <LoadingBlock rows={4} />;
  const own = mine.data?.find((s) => s.id === id) ?? null;
  if (own) {
    return (
      <>
        {canRead ? null : <Header />}
        <MyPresence highlight={own} />
      </>
    );
  }
  if (canRead) return <SummonsTab highlightId={id} />;
  return (
    <>
      <Header />
      <NotFoundSummons />
      <MyPresence />
    </>
  );
}

function NotFoundSummons() {
  const { t } = useTranslation();
  return <EmptyState title={t('presence.summons.notFound')} />;
}
