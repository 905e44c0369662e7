/**
 * "Ai ở đâu" (unit heads, deputies, Office, Director): the people of a unit or of the whole agency
 * with their mode of the day, check-in per session, availability and open summons; counts on top;
 * the "Chưa điểm danh quá 30 phút" list highlighted; "Triệu tập" for a person at home. Refreshed
 * every minute. `/presence/missing?unitId=&date=` (the unit head's notification) opens it on the
 * missing list.
 */
import { Badge, Button, Chip, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconSearch, IconSpeakerphone } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardCounts, BoardPerson, BoardResponse, MissingResponse } from '../../../shared/contracts/presence';
import { isIsoDate, vnDateOf } from '../../../shared/domain/dates';
import { sessionWindow, type PresenceStatus, type Session } from '../../../shared/domain/presence';
import { formatDate } from '../../components/dates';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock, QueryState } from '../../components/QueryState';
import { useSession } from '../auth/session';
import { DateField } from '../calendar/fields';
import { formatDateText, parseDateText } from '../calendar/dateText';
import { ModeChip } from '../roster/parts';
import { useBoard, useMissing, type BoardScope } from './api';
import { BOARD_FILTERS, canSummon, filterBoardPeople, hhmm, isBoardFilter, isOpenSummons, summonsTimeText, type BoardFilter } from './model';
import { BoardCell, SummonsStatusBadge } from './parts';
import { SummonsModal, type SummonTarget } from './SummonsModal';
import { ScopeBar, usePresenceScope } from './useScope';

const sessionLength = (hours: BoardResponse['hours'], session: Session) => {
  const w = sessionWindow(hours, session);
  return w.end - w.start;
};

/** Outlined, dark shades: readable on white and on the striped rows. */
/** Missing people listed before "show all". */
const MISSING_SHOWN = 8;

const STATUS_COLOR: Record<PresenceStatus, string> = { ready: 'teal.9', in_meeting: 'blue.9', away: 'gray.8' };

export function BoardTab({ focusMissing = false }: { focusMissing?: boolean }) {
  const { t } = useTranslation();
  const scope = usePresenceScope('presence.read');
  const dateParam = scope.params.get('date');
  const date = dateParam && isIsoDate(dateParam) ? dateParam : null;
  const s: BoardScope = { agencyId: scope.agencyId, unitId: scope.unitId, date };
  const board = useBoard(scope.loading ? { agencyId: null, unitId: null, date: null } : s);
  const missing = useMissing(scope.loading ? { agencyId: null, unitId: null, date: null } : s);
  const [dateText, setDateText] = useState(formatDateText(date ?? ''));
  const [target, setTarget] = useState<SummonTarget | null>(null);
  useEffect(() => setDateText(formatDateText(date ?? '')), [date]);

  if (scope.none) return <EmptyState title={t('presence.scope.none')} />;

  const refresh = () => void Promise.all([board.refetch(), missing.refetch()]);
  const serverToday = board.data ? vnDateOf(Date.parse(board.data.at)) : null;

  return (
    <>
      <ScopeBar scope={scope} onRefresh={refresh} refreshing={board.isFetching || missing.isFetching}>
        <DateField
          label={t('presence.scope.date')}
          value={dateText}
          onChange={(text) => {
            setDateText(text);
            const iso = parseDateText(text);
            if (iso === '') scope.update({ date: null });
            else if (iso) scope.update({ date: iso === serverToday ? null : iso });
          }}
          w={170}
        />
        {date ? (
          <Button variant="subtle" onClick={() => scope.update({ date: null })}>
            {t('presence.scope.today')}
          </Button>
        ) : null}
      </ScopeBar>
      {scope.loading || !(scope.agencyId || scope.unitId) ? (
        <LoadingBlock rows={6} />
      ) : (
        <QueryState query={board} skeletonRows={8}>
          {(b) => (
            <Board
              board={b}
              missing={missing.data ?? null}
              missingError={missing.error}
              focusMissing={focusMissing}
              canAct={serverToday === b.date}
              onSummon={setTarget}
            />
          )}
        </QueryState>
      )}
      <SummonsModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}

interface BoardProps {
  board: BoardResponse;
  missing: MissingResponse | null;
  missingError: unknown;
  focusMissing: boolean;
  /** The board is of the server's today: summons may be sent. */
  canAct: boolean;
  onSummon: (t: SummonTarget) => void;
}

function Board({ board, missing, missingError, focusMissing, canAct, onSummon }: BoardProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<BoardFilter>('all');
  const [search, setSearch] = useState('');
  const ref = board.counts.referenceSession;
  const several = board.units.length > 1;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('presence.board.updatedAt', { time: hhmm(board.at), date: formatDate(board.date) })}
      </Text>
      <Counts counts={board.counts} />
      <MissingPanel
        missing={missing}
        error={missingError}
        focus={focusMissing}
        hours={board.hours}
        canAct={canAct}
        agencyId={board.agencyId}
        onSummon={onSummon}
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <div style={{ maxWidth: '100%' }}>
          <Text size="sm" fw={500} id="board-filter-label" mb={4}>
            {t('presence.board.filter.label')}
          </Text>
          {/* Chips wrap on a phone (a segmented control would overflow 360 px); single choice = radios. */}
          <Chip.Group multiple={false} value={filter} onChange={(v) => isBoardFilter(v) && setFilter(v)}>
            <Group gap={6} role="radiogroup" aria-labelledby="board-filter-label">
              {BOARD_FILTERS.map((f) => (
                <Chip key={f} value={f} size="sm" variant="outline">
                  {t(`presence.board.filter.${f}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </div>
        <TextInput
          label={t('presence.board.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flex: '1 1 14rem', maxWidth: 360 }}
          type="search"
        />
      </Group>
      {board.units.length === 0 ? <EmptyState title={t('presence.board.noUnits')} /> : null}
      {board.units.map((u) => {
        const people = filterBoardPeople(u.people, filter, search, ref);
        if (several && people.length === 0 && (filter !== 'all' || search)) return null;
        return (
          <Stack key={u.unitId} gap="xs" component="section" aria-labelledby={`board-unit-${u.unitId}`}>
            <Title
              order={2}
              fz="h4"
              id={`board-unit-${u.unitId}`}
              style={several ? undefined : { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
            >
              {t('presence.board.unitHeading', { name: u.unitName, count: u.counts.people })}
            </Title>
            {several ? <UnitCountsLine counts={u.counts} /> : null}
            {u.people.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('presence.board.noPeople')}
              </Text>
            ) : people.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('presence.board.noneMatch')}
              </Text>
            ) : (
              <PeopleList
                people={people}
                unitId={u.unitId}
                agencyId={board.agencyId}
                day={board.date}
                canAct={canAct}
                onSummon={onSummon}
                caption={u.unitName}
              />
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}

function Figure({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Paper withBorder p="xs" radius="sm">
      <Text fz={26} fw={700} lh={1.1} c={color}>
        {value}
      </Text>
      <Text size="sm">{label}</Text>
    </Paper>
  );
}

function Counts({ counts }: { counts: BoardCounts }) {
  const { t } = useTranslation();
  const session = counts.referenceSession ? t(`presence.sessionsLower.${counts.referenceSession}`) : '';
  return (
    <section aria-label={t('presence.board.counts.label')}>
      <SimpleGrid cols={{ base: 3, md: counts.referenceSession ? 8 : 6 }} spacing="xs">
        <Figure label={t('presence.board.counts.people')} value={counts.people} />
        <Figure label={t('presence.board.counts.onSite')} value={counts.onSite} />
        <Figure label={t('presence.board.counts.atHome')} value={counts.atHome} color="blue.9" />
        <Figure label={t('presence.board.counts.leave')} value={counts.leave} />
        <Figure label={t('presence.board.counts.businessTrip')} value={counts.businessTrip} />
        <Figure label={t('presence.board.counts.unscheduled')} value={counts.unscheduled} color={counts.unscheduled ? 'orange.9' : undefined} />
        {counts.referenceSession ? (
          <>
            <Figure label={t('presence.board.counts.checkedIn', { session })} value={counts.checkedIn} color="teal.9" />
            <Figure
              label={t('presence.board.counts.notCheckedIn', { session })}
              value={counts.notCheckedIn}
              color={counts.notCheckedIn ? 'red.9' : undefined}
            />
          </>
        ) : null}
      </SimpleGrid>
    </section>
  );
}

function UnitCountsLine({ counts }: { counts: BoardCounts }) {
  const { t } = useTranslation();
  const session = counts.referenceSession ? t(`presence.sessionsLower.${counts.referenceSession}`) : '';
  const parts = [
    `${t('presence.board.counts.onSite')}: ${counts.onSite}`,
    `${t('presence.board.counts.atHome')}: ${counts.atHome}`,
    counts.leave ? `${t('presence.board.counts.leave')}: ${counts.leave}` : null,
    counts.businessTrip ? `${t('presence.board.counts.businessTrip')}: ${counts.businessTrip}` : null,
    counts.referenceSession && counts.atHome ? `${t('presence.board.counts.notCheckedIn', { session })}: ${counts.notCheckedIn}` : null,
  ].filter(Boolean);
  return (
    <Text size="sm" c="dimmed">
      {parts.join(' · ')}
    </Text>
  );
}

interface MissingPanelProps {
  missing: MissingResponse | null;
  error: unknown;
  focus: boolean;
  hours: BoardResponse['hours'];
  canAct: boolean;
  agencyId: string;
  onSummon: (t: SummonTarget) => void;
}

function MissingPanel({ missing, error, focus, hours, canAct, agencyId, onSummon }: MissingPanelProps) {
  const { t } = useTranslation();
  const { grants, user } = useSession();
  const [all, setAll] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const focused = useRef(false);
  useEffect(() => {
    if (focus && missing && !focused.current && ref.current) {
      focused.current = true;
      ref.current.scrollIntoView({ block: 'start', behavior: 'smooth' });
      ref.current.focus({ preventScroll: true });
    }
  }, [focus, missing]);
  if (error) return <ErrorAlert error={error} />;
  if (!missing) return null;
  const list = missing.people;
  // A whole agency can have dozens: the first ones, then "show all".
  const shown = all ? list : list.slice(0, MISSING_SHOWN);
  return (
    <Paper
      ref={ref}
      id="missing"
      tabIndex={-1}
      withBorder
      p="md"
      component="section"
      aria-labelledby="missing-title"
      style={{
        scrollMarginTop: 80,
        borderColor: list.length ? 'var(--mantine-color-red-7)' : undefined,
        borderWidth: list.length ? 2 : 1,
        background: list.length ? 'var(--mantine-color-red-0)' : undefined,
      }}
    >
      <Group gap="xs" wrap="nowrap" mb={list.length ? 'xs' : 0}>
        <IconAlertTriangle size={20} color={list.length ? 'var(--mantine-color-red-8)' : 'var(--mantine-color-gray-6)'} aria-hidden style={{ flexShrink: 0 }} />
        <Title order={2} fz="h4" id="missing-title" c={list.length ? 'red.9' : undefined}>
          {t('presence.board.missing.title')}
          {list.length ? ` (${list.length})` : ''}
        </Title>
      </Group>
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('presence.board.missing.empty')}
        </Text>
      ) : (
        <Stack component="ul" gap={6} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {shown.map((p) => (
            <Group key={`${p.personId}-${p.session}`} component="li" justify="space-between" gap="xs" wrap="wrap">
              <Text size="sm" style={{ flex: '1 1 16rem' }}>
                <Text span fw={700} size="sm">
                  {p.fullName}
                </Text>
                {missing.unitId ? '' : ` – ${p.unitName}`}
                {': '}
                {p.minutesLate >= sessionLength(hours, p.session)
                  ? t('presence.board.missing.itemMissed', { session: t(`presence.sessions.${p.session}`), start: p.sessionStart })
                  : t('presence.board.missing.item', { session: t(`presence.sessions.${p.session}`), start: p.sessionStart, minutes: p.minutesLate })}
              </Text>
              {canAct && canSummon(grants, user.personId, { personId: p.personId, mode: 'wfh' }, p.unitId, agencyId) ? (
                <Button
                  size="compact-sm"
                  variant="light"
                  color="red"
                  leftSection={<IconSpeakerphone size={16} aria-hidden />}
                  onClick={() => onSummon({ personId: p.personId, fullName: p.fullName })}
                  aria-label={t('presence.board.summonPerson', { name: p.fullName })}
                >
                  {t('presence.board.summon')}
                </Button>
              ) : null}
            </Group>
          ))}
        </Stack>
      )}
      {list.length > MISSING_SHOWN ? (
        <Button variant="subtle" color="red.9" size="compact-sm" mt="xs" onClick={() => setAll((v) => !v)} aria-expanded={all}>
          {all ? t('presence.board.missing.less') : t('presence.board.missing.all', { count: list.length })}
        </Button>
      ) : null}
    </Paper>
  );
}

interface PeopleListProps {
  people: BoardPerson[];
  unitId: string;
  agencyId: string;
  day: string;
  canAct: boolean;
  onSummon: (t: SummonTarget) => void;
  caption: string;
}

function PeopleList(props: PeopleListProps) {
  const phone = useMediaQuery('(max-width: 47.99em)') ?? false;
  return phone ? <PeopleCards {...props} /> : <PeopleTable {...props} />;
}

function useSummonAllowed(unitId: string, agencyId: string) {
  const { grants, user } = useSession();
  return useMemo(() => (p: BoardPerson) => canSummon(grants, user.personId, p, unitId, agencyId), [grants, user.personId, unitId, agencyId]);
}

function StatusCell({ p }: { p: BoardPerson }) {
  const { t } = useTranslation();
  if (!p.status) {
    return (
      <Text size="sm" c="dimmed" aria-hidden>
        {t('presence.board.noStatus')}
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      <Badge color={STATUS_COLOR[p.status.status]} variant="outline" style={{ alignSelf: 'flex-start' }}>
        {t(`presence.status.values.${p.status.status}`)}
      </Badge>
      {p.status.note ? (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {p.status.note}
        </Text>
      ) : null}
    </Stack>
  );
}

function SummonsCell({
  p,
  day,
  allowed,
  canAct,
  onSummon,
}: {
  p: BoardPerson;
  day: string;
  allowed: boolean;
  canAct: boolean;
  onSummon: (t: SummonTarget) => void;
}) {
  const { t } = useTranslation();
  const open = p.summons.filter((s) => s.status !== 'cancelled');
  return (
    <Stack gap={4} align="flex-start">
      {open.map((s) => (
        <Group key={s.id} gap={6} wrap="wrap">
          <SummonsStatusBadge status={s.status} />
          <Text size="xs">{summonsTimeText(s.requiredAt, day)}</Text>
        </Group>
      ))}
      {allowed && canAct ? (
        <Button
          size="compact-sm"
          variant={open.some(isOpenSummons) ? 'subtle' : 'light'}
          color="red"
          leftSection={<IconSpeakerphone size={16} aria-hidden />}
          onClick={() => onSummon({ personId: p.personId, fullName: p.fullName })}
          aria-label={t('presence.board.summonPerson', { name: p.fullName })}
        >
          {t('presence.board.summon')}
        </Button>
      ) : null}
    </Stack>
  );
}

function PeopleTable({ people, unitId, agencyId, day, canAct, onSummon, caption }: PeopleListProps) {
  const { t } = useTranslation();
  const allowed = useSummonAllowed(unitId, agencyId);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs" withTableBorder>
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('presence.board.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('presence.board.columns.mode')}</Table.Th>
            <Table.Th scope="col">{t('presence.sessions.morning')}</Table.Th>
            <Table.Th scope="col">{t('presence.sessions.afternoon')}</Table.Th>
            <Table.Th scope="col">{t('presence.board.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('presence.board.columns.summons')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((p) => (
            <Table.Tr key={p.personId}>
              <Table.Th scope="row" fw={400}>
                <Text size="sm" fw={600}>
                  {p.fullName}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`positions.${p.position}`)}
                </Text>
              </Table.Th>
              <Table.Td>
                <ModeChip mode={p.mode} withLabel size="xs" />
              </Table.Td>
              {p.sessions.map((c) => (
                <Table.Td key={c.session}>
                  <BoardCell cell={c} />
                </Table.Td>
              ))}
              <Table.Td>
                <StatusCell p={p} />
              </Table.Td>
              <Table.Td>
                <SummonsCell p={p} day={day} allowed={allowed(p)} canAct={canAct} onSummon={onSummon} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PeopleCards({ people, unitId, agencyId, day, canAct, onSummon }: PeopleListProps) {
  const { t } = useTranslation();
  const allowed = useSummonAllowed(unitId, agencyId);
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {people.map((p) => (
        <Paper key={p.personId} withBorder p="sm" component="li">
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={700}>
                {p.fullName}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`positions.${p.position}`)}
              </Text>
            </div>
            <ModeChip mode={p.mode} withLabel size="xs" />
          </Group>
          {p.mode === 'wfh' ? (
            <SimpleGrid cols={2} spacing={4} mt={6}>
              {p.sessions.map((c) => (
                <div key={c.session}>
                  <Text size="xs" c="dimmed">
                    {t(`presence.sessions.${c.session}`)}
                  </Text>
                  <BoardCell cell={c} />
                </div>
              ))}
            </SimpleGrid>
          ) : null}
          {p.status || p.summons.length || (allowed(p) && canAct) ? (
            <Group justify="space-between" align="flex-end" mt={6} gap="xs">
              {p.status ? <StatusCell p={p} /> : <span />}
              <SummonsCell p={p} day={day} allowed={allowed(p)} canAct={canAct} onSummon={onSummon} />
            </Group>
          ) : null}
        </Paper>
      ))}
    </Stack>
  );
}
