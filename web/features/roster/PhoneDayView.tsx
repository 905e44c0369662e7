/**
 * The roster on a phone (≤ 600 px): one working day at a time (previous/next buttons, swipe), the
 * day's counts, and each person with a segmented control CQ / N / P / CT. Usable at 360 px. A large unit
 * shows a page of people at a time (20 by default), so 160 people are not a 20,000 px page.
 */
import { ActionIcon, Badge, Box, Button, Group, Paper, SegmentedControl, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconChevronLeft, IconChevronRight, IconPin, IconPinFilled } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitGridResponse, ViolationView } from '../../../shared/contracts/roster';
import { shortDayLabelVi } from '../../../shared/domain/dates';
import type { DayCount } from '../../../shared/domain/roster/check';
import type { Mode } from '../../../shared/domain/roster/format';
import { cellAt, cellKey, groupByRole, setModes, togglePin, type CellMap } from './grid';
import { ALL_MODES, isMode, MODE_LETTER } from './format';
import { severityBy } from './liveCheck';
import { PeoplePager, PeopleRange } from './PeoplePager';
import { pageOf, pageOfIndex } from './search';
import type { Edit } from './RosterGrid';
import { ViolationList } from './ViolationList';
import './roster.css';

export interface PhoneDayViewProps {
  grid: Pick<UnitGridResponse, 'people' | 'holidays' | 'duties' | 'wishes' | 'period' | 'unit'>;
  cells: CellMap;
  counts: readonly DayCount[];
  violations: readonly ViolationView[];
  editable: boolean;
  onEdit?: (edit: Edit) => void;
  /** Show this day (a new object each time). */
  dayRequest?: { date: string } | null;
  highlighted?: ReadonlySet<string>;
  /** People per page. */
  pageSize?: number;
}

export function PhoneDayView({ grid, cells, counts, violations, editable, onEdit, dayRequest, highlighted, pageSize = 20 }: PhoneDayViewProps) {
  const { t } = useTranslation();
  const days = grid.period.workdays;
  const [index, setIndex] = useState(0);
  const touch = useRef<{ x: number; y: number } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  // Leaders first, then staff, cut in pages; a page shows the group titles of the people it holds.
  const rows = useMemo(() => groupByRole(grid.people).flatMap((g) => g.people.map((person) => ({ group: g.group, person }))), [grid.people]);
  const [page, setPage] = useState(0);
  const shown = pageOf(rows, page, pageSize);
  const groups = useMemo(() => {
    const out: { group: (typeof rows)[number]['group']; people: (typeof rows)[number]['person'][] }[] = [];
    for (const r of shown.items) {
      const last = out[out.length - 1];
      if (last && last.group === r.group) last.people.push(r.person);
      else out.push({ group: r.group, people: [r.person] });
    }
    return out;
  }, [shown.items]);
  const sev = useMemo(() => severityBy(violations), [violations]);
  const date = days[Math.min(index, days.length - 1)];
  const peopleKey = grid.people.map((p) => p.id).join(',');

  // Another set of people (a search): back to the first page.
  useEffect(() => setPage(0), [peopleKey]);

  useEffect(() => {
    if (!dayRequest) return;
    const i = days.indexOf(dayRequest.date);
    if (i >= 0) setIndex(i);
    // The page of the first highlighted person.
    const at = highlighted ? rows.findIndex((r) => highlighted.has(cellKey(r.person.id, dayRequest.date))) : -1;
    if (at >= 0) setPage(pageOfIndex(at, pageSize));
  }, [dayRequest]);

  const goPage = (p: number) => {
    setPage(p - 1);
    listRef.current?.scrollIntoView({ block: 'start' });
  };

  if (!date) return null;
  const count = counts.find((c) => c.date === date);
  const daySeverity = sev.days.get(date);
  const dayViolations = violations.filter((v) => v.date === date);
  const go = (i: number) => {
    const next = Math.max(0, Math.min(days.length - 1, i));
    if (next === index) return;
    setIndex(next);
    headingRef.current?.focus();
  };

  const duties = new Map<string, string[]>();
  for (const d of grid.duties) if (d.date === date) duties.set(d.personId, [...(duties.get(d.personId) ?? []), d.kind]);
  const wishes = new Map(grid.wishes.filter((w) => w.date === date).map((w) => [w.personId, w.preference]));
  const label = shortDayLabelVi(date);
  const dutyLabel = (kind: string) => (['office', 'leader', 'epidemic', 'documents'].includes(kind) ? t(`roster.duty.${kind as 'office'}`) : kind);

  return (
    <Stack gap="sm">
      <Paper withBorder p="xs">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Button
            variant="default"
            size="sm"
            px="xs"
            onClick={() => go(index - 1)}
            disabled={index === 0}
            leftSection={<IconChevronLeft size={18} aria-hidden />}
            aria-label={t('roster.phone.prevDay')}
          >
            <Text span size="xs" visibleFrom="xs">
              {t('roster.phone.prevDay')}
            </Text>
          </Button>
          <Box ta="center" style={{ minWidth: 0 }}>
            <Text ref={headingRef} component="h2" fw={700} fz="lg" tabIndex={-1} aria-live="polite" style={{ outline: 'none' }}>
              {label}
            </Text>
            <Text size="xs" c="dimmed">
              {t('roster.phone.position', { index: index + 1, total: days.length })}
            </Text>
          </Box>
          <Button
            variant="default"
            size="sm"
            px="xs"
            onClick={() => go(index + 1)}
            disabled={index === days.length - 1}
            rightSection={<IconChevronRight size={18} aria-hidden />}
            aria-label={t('roster.phone.nextDay')}
          >
            <Text span size="xs" visibleFrom="xs">
              {t('roster.phone.nextDay')}
            </Text>
          </Button>
        </Group>
        {count ? (
          <Group gap={6} mt={6} justify="center" wrap="wrap" style={{ color: daySeverity === 'block' ? 'var(--mantine-color-red-9)' : undefined }}>
            {daySeverity ? <IconAlertTriangle size={16} aria-hidden /> : null}
            <Badge variant="light" color="green" c="green.9">
              {t('roster.grid.countAtHome')}: {count.atHome}
            </Badge>
            <Badge variant="light" color="blue" c="blue.9">
              {t('roster.grid.countOnSite')}: {count.onSite}
            </Badge>
            <Badge variant={daySeverity === 'block' ? 'filled' : 'light'} color={daySeverity === 'block' ? 'red' : 'gray'}>
              {t('roster.grid.countRequired')}: {count.requiredOnSite}
            </Badge>
          </Group>
        ) : null}
        <Text size="xs" c="dimmed" ta="center" mt={4}>
          {t('roster.phone.swipeHint')}
        </Text>
      </Paper>

      <PeopleRange shown={shown} />
      <Stack
        ref={listRef}
        gap="xs"
        style={{ scrollMarginTop: 70 }}
        onTouchStart={(e) => {
          const p = e.touches[0];
          touch.current = p ? { x: p.clientX, y: p.clientY } : null;
        }}
        onTouchEnd={(e) => {
          const start = touch.current;
          const p = e.changedTouches[0];
          touch.current = null;
          if (!start || !p) return;
          const dx = p.clientX - start.x;
          const dy = p.clientY - start.y;
          if (Math.abs(dx) > 60 && Math.abs(dy) < 40) go(dx < 0 ? index + 1 : index - 1);
        }}
      >
        {groups.map((g) => (
          <Stack key={g.group} gap={6} component="section" aria-label={t(`roster.grid.groups.${g.group}`)}>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed">
              {t(`roster.grid.groups.${g.group}`)}
            </Text>
            {g.people.map((person) => {
              const k = cellKey(person.id, date);
              const cell = cellAt(cells, person.id, date);
              const duty = duties.get(person.id);
              const wish = wishes.get(person.id);
              const personSev = violations.some((v) => v.personId === person.id && (v.date === date || !v.date)) ? sev.people.get(person.id) : undefined;
              return (
                <Paper key={person.id} withBorder p="xs" style={highlighted?.has(k) ? { boxShadow: '0 0 0 3px var(--mantine-color-red-7)' } : undefined}>
                  <Group justify="space-between" wrap="nowrap" gap={4} mb={6}>
                    <Box style={{ minWidth: 0 }}>
                      <Group gap={4} wrap="nowrap">
                        {personSev ? (
                          <IconAlertTriangle
                            size={14}
                            aria-hidden
                            style={{ color: personSev === 'block' ? 'var(--mantine-color-red-8)' : 'var(--mantine-color-yellow-9)', flexShrink: 0 }}
                          />
                        ) : null}
                        <Text fw={600} size="sm" truncate="end">
                          {person.fullName}
                        </Text>
                      </Group>
                      <Text size="xs" c="dimmed">
                        {t(`positions.${person.role}`)}
                      </Text>
                    </Box>
                    {editable && cell.mode ? (
                      <Tooltip label={cell.pinned ? t('roster.grid.unpin') : t('roster.grid.pin')}>
                        <ActionIcon
                          variant={cell.pinned ? 'filled' : 'default'}
                          color="dark"
                          size="lg"
                          aria-pressed={cell.pinned}
                          aria-label={`${t('roster.grid.legendPinned')}: ${person.fullName}`}
                          onClick={() => onEdit?.((m) => togglePin(m, k))}
                        >
                          {cell.pinned ? <IconPinFilled size={16} aria-hidden /> : <IconPin size={16} aria-hidden />}
                        </ActionIcon>
                      </Tooltip>
                    ) : cell.pinned ? (
                      <IconPinFilled size={14} aria-label={t('roster.grid.legendPinned')} />
                    ) : null}
                  </Group>
                  {duty || wish ? (
                    <Group gap={4} mb={6}>
                      {duty ? (
                        <Badge size="sm" color="red" variant="light" c="red.9">
                          {duty.map(dutyLabel).join(', ')}
                        </Badge>
                      ) : null}
                      {wish ? (
                        <Badge size="sm" color="gray" variant="outline">
                          {t(`roster.wish.${wish}`)}
                        </Badge>
                      ) : null}
                    </Group>
                  ) : null}
                  <SegmentedControl
                    fullWidth
                    size="sm"
                    readOnly={!editable}
                    aria-label={t('roster.phone.modeGroup', { name: person.fullName, day: label })}
                    value={cell.mode ?? ''}
                    onChange={(v) => {
                      if (isMode(v)) onEdit?.((m) => setModes(m, [k], v as Mode));
                    }}
                    className="roster-seg"
                    data-mode={cell.mode ?? 'none'}
                    data={ALL_MODES.map((m) => ({
                      value: m,
                      label: (
                        <Stack gap={0} align="center">
                          <span aria-hidden style={{ fontWeight: 700, fontSize: 14 }}>
                            {MODE_LETTER[m]}
                          </span>
                          <span aria-hidden style={{ fontSize: 10, lineHeight: 1.1 }}>
                            {t(`roster.modes.${m}.short`)}
                          </span>
                          <VisuallyHidden>{t(`roster.modes.${m}.long`)}</VisuallyHidden>
                        </Stack>
                      ),
                    }))}
                  />
                </Paper>
              );
            })}
          </Stack>
        ))}
      </Stack>
      <PeoplePager shown={shown} onPage={(p) => goPage(p + 1)} />
      {dayViolations.length ? <ViolationList violations={dayViolations} title={t('roster.phone.dayViolations')} limit={3} /> : null}
    </Stack>
  );
}
