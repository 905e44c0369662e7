/**
 * Pieces shared by the report screens: the Phụ lục 2 table (seed 002 layout), the flags (xem xét xử lý,
 * đề xuất khen thưởng), export buttons, the day and period pickers, the frozen / preview status, figures.
 */
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Code,
  CopyButton,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import {
  IconCheck,
  IconChevronLeft,
  IconChevronRight,
  IconCopy,
  IconEye,
  IconFileSpreadsheet,
  IconFileTypeDocx,
  IconFileTypePdf,
  IconLock,
} from '@tabler/icons-react';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Appendix2Report } from '../../../shared/domain/activity/appendix2';
import type { FlagRow, ReportNames } from '../../../shared/domain/reports';
import { formatDate, formatDateTime, vnDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateText, parseDateText } from '../calendar/dateText';
import { DateField } from '../calendar/fields';
import { EXPORT_FORMATS, type ExportFormat } from './api';
import { useReportParams, useReportScope } from './scope';
import { appendix2Lines, dateParam, formatRatio, PERIOD_PRESETS, periodOfPreset, presetOf, shortHash, stepWorkday, type TableLine } from './model';

// ------------------------------------------------------------------ table

export interface Appendix2TableProps {
  report: Appendix2Report;
  names: ReportNames;
  groupBy: 'unit' | 'agency';
  /** Visible caption above the table (also its accessible name). */
  caption: string;
  /** A link for a group line (e.g. an agency's 16:00 report in the province table). */
  groupLink?: (line: TableLine) => string | null;
  /** What an empty table means here (default: nobody worked from home in the period). */
  emptyText?: string;
}

const num: React.CSSProperties = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' };

/**
 * Phụ lục 2 as in seed 002: Stt, Họ và tên, Tổng số nhiệm vụ được giao, then "Kết quả xử lý công việc
 * tại nhà" over "Có xử lý công việc trên TDO" and "Không xử lý công việc trên TDO", each with Số lượng
 * and Tỷ lệ. Group lines (units or agencies) carry their totals; the last line is the total. The table
 * scrolls sideways inside its own frame on a phone.
 */
export function Appendix2Table({ report, names, groupBy, caption, groupLink, emptyText }: Appendix2TableProps) {
  const { t } = useTranslation();
  const captionId = useId();
  const lines = appendix2Lines(report, names, groupBy, t('reports.table.total'));
  return (
    <Stack gap={4}>
      <Text id={captionId} fw={600} size="sm">
        {caption}
      </Text>
      <Text size="xs" c="dimmed" hiddenFrom="sm">
        {t('reports.table.scrollHint')}
      </Text>
      <Box
        role="region"
        aria-labelledby={captionId}
        tabIndex={0}
        style={{ overflowX: 'auto', maxWidth: '100%', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-sm)' }}
      >
        <Table withColumnBorders verticalSpacing={6} horizontalSpacing="sm" miw={680} fz="sm" aria-labelledby={captionId}>
          <Table.Thead bg="var(--mantine-color-gray-0)">
            <Table.Tr>
              <Table.Th rowSpan={3} scope="col" w={56} ta="center">
                {t('reports.table.stt')}
              </Table.Th>
              <Table.Th rowSpan={3} scope="col" ta="center">
                {t('reports.table.name')}
              </Table.Th>
              <Table.Th rowSpan={3} scope="col" w={120} ta="center">
                {t('reports.table.assigned')}
              </Table.Th>
              <Table.Th colSpan={4} scope="colgroup" ta="center">
                {t('reports.table.result')}
              </Table.Th>
            </Table.Tr>
            <Table.Tr>
              <Table.Th colSpan={2} scope="colgroup" ta="center">
                {t('reports.table.processed')}
              </Table.Th>
              <Table.Th colSpan={2} scope="colgroup" ta="center">
                {t('reports.table.notProcessed')}
              </Table.Th>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="col" w={84} ta="center">
                {t('reports.table.count')}
              </Table.Th>
              <Table.Th scope="col" w={84} ta="center">
                {t('reports.table.ratio')}
              </Table.Th>
              <Table.Th scope="col" w={84} ta="center">
                {t('reports.table.count')}
              </Table.Th>
              <Table.Th scope="col" w={84} ta="center">
                {t('reports.table.ratio')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line) => {
              const c = line.counts;
              const strong = line.kind !== 'person';
              const bg = line.kind === 'group' ? 'var(--mantine-color-blue-0)' : line.kind === 'total' ? 'var(--mantine-color-gray-1)' : undefined;
              const link = line.kind === 'group' ? groupLink?.(line) : null;
              return (
                <Table.Tr key={line.key} bg={bg} fw={strong ? 700 : undefined}>
                  <Table.Td ta="center">{line.stt}</Table.Td>
                  <Table.Th scope="row" fw={strong ? 700 : 400} style={{ minWidth: 180 }}>
                    {link ? (
                      <Anchor component={Link} to={link} fw={700} size="sm">
                        {line.name}
                      </Anchor>
                    ) : (
                      line.name
                    )}
                  </Table.Th>
                  <Table.Td style={num}>{c.assigned}</Table.Td>
                  <Table.Td style={num}>{c.processed}</Table.Td>
                  <Table.Td style={num}>{formatRatio(c.processedRatio)}</Table.Td>
                  <Table.Td style={num} c={line.kind === 'person' && c.assigned > 0 && c.processed === 0 ? 'red.9' : undefined}>
                    {c.notProcessed}
                  </Table.Td>
                  <Table.Td style={num}>{formatRatio(c.notProcessedRatio)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Box>
      {lines.length === 1 ? (
        <Text size="sm" c="dimmed" data-testid="appendix2-empty">
          {emptyText ?? t('reports.table.empty')}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('reports.table.tdoNote')}
      </Text>
    </Stack>
  );
}

// ------------------------------------------------------------------ figures

export interface Figure {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  color?: string;
}

/** A row of key figures (label above, big number below); two per row on a phone. */
export function Figures({ items }: { items: Figure[] }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: items.length > 4 ? 5 : items.length }} spacing="sm" component="dl" m={0}>
      {items.map((f) => (
        <Paper key={f.label} withBorder p="sm">
          <Text component="dt" size="xs" c="dimmed" fw={600}>
            {f.label}
          </Text>
          <Text component="dd" m={0} fz="xl" fw={700} c={f.color} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {f.value}
          </Text>
          {f.hint ? (
            <Text size="xs" c="dimmed">
              {f.hint}
            </Text>
          ) : null}
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** Figures of a Phụ lục 2 report: people at home, (extra), assigned, processed (ratio), not processed (ratio). */
export function Appendix2Figures({ report, people, extra = [] }: { report: Appendix2Report; people: number; extra?: Figure[] }) {
  const { t } = useTranslation();
  const c = report.totals;
  return (
    <Figures
      items={[
        { label: t('reports.summary.people'), value: people },
        ...extra,
        { label: t('reports.summary.assigned'), value: c.assigned },
        { label: t('reports.summary.processed'), value: `${c.processed} · ${formatRatio(c.processedRatio)}`, color: 'green.9' },
        {
          label: t('reports.summary.notProcessed'),
          value: `${c.notProcessed} · ${formatRatio(c.notProcessedRatio)}`,
          color: c.notProcessed > 0 ? 'red.9' : undefined,
        },
      ]}
    />
  );
}

// ------------------------------------------------------------------ status

/** "Đã chốt lúc …" with the short hash (copyable), or "Xem trước". */
export function FrozenStatus({
  frozen,
  frozenAt,
  hash,
  generatedAt,
  late,
  kind,
}: {
  frozen: boolean;
  frozenAt: string | null;
  hash: string | null;
  generatedAt: string;
  late: boolean;
  kind: 'daily' | 'provinceView';
}) {
  const { t } = useTranslation();
  if (!frozen) {
    return (
      <Alert variant="light" color="yellow" role="status" icon={<IconEye aria-hidden />} title={t(`reports.${kind}.preview`)}>
        <Text size="sm">{t(`reports.${kind}.previewLong`, { time: formatDateTime(generatedAt) })}</Text>
      </Alert>
    );
  }
  const time = formatDateTime(frozenAt!);
  return (
    <Alert variant="light" color="green" role="status" icon={<IconLock aria-hidden />} title={t(`reports.${kind}.frozen`, { time })}>
      <Stack gap={6}>
        <Text size="sm">{t(`reports.${kind}.frozenLong`, { time })}</Text>
        {hash ? <HashLine hash={hash} /> : null}
        {late ? (
          <Group gap={6}>
            <Badge color="orange" variant="light">
              {t('reports.daily.late')}
            </Badge>
            <Text size="xs">{t('reports.daily.lateHint')}</Text>
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** `Mã kiểm tra: 5b8f338e2af2` (the full hash in the title and the copy button). */
export function HashLine({ hash, withLabel = true }: { hash: string; withLabel?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      {withLabel ? (
        <Text size="sm" title={t('reports.daily.hashHint')}>
          {t('reports.daily.hash')}:
        </Text>
      ) : null}
      <Code title={hash}>{shortHash(hash)}</Code>
      <CopyButton value={hash}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('common.copied') : t('reports.daily.copyHash')} withArrow>
            <ActionIcon variant="subtle" color={copied ? 'green' : 'gray'} onClick={copy} aria-label={t('reports.daily.copyHash')} size="sm">
              {copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

// ------------------------------------------------------------------ exports

const EXPORT_ICONS = { xlsx: IconFileSpreadsheet, pdf: IconFileTypePdf, docx: IconFileTypeDocx } as const;

/** XLSX / PDF / DOCX buttons; each downloads through api.download and says what was saved. */
export function ExportButtons({ run, disabled }: { run: (format: ExportFormat) => Promise<string>; disabled?: boolean }) {
  const { t } = useTranslation();
  const m = useMutation({ mutationFn: run, onSuccess: (file) => notifications.show({ color: 'green', message: t('reports.export.done', { file }) }) });
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap" role="group" aria-label={t('reports.export.label')}>
        {EXPORT_FORMATS.map((f) => {
          const Icon = EXPORT_ICONS[f];
          return (
            <Button
              key={f}
              variant="default"
              size="sm"
              disabled={disabled}
              leftSection={<Icon size={18} aria-hidden />}
              loading={m.isPending && m.variables === f}
              onClick={() => m.mutate(f)}
            >
              {t(`reports.export.${f}`)}
            </Button>
          );
        })}
      </Group>
      {m.error ? <ErrorAlert error={m.error} title={t('reports.export.failed')} /> : null}
    </Stack>
  );
}

// ------------------------------------------------------------------ pickers

/** A date typed dd/mm/yyyy (or picked), with the previous / next working day and today. */
export function DayPicker({ value, onChange, today, label }: { value: string; onChange: (iso: string) => void; today: string; label: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(formatDateText(value));
  useEffect(() => setText(formatDateText(value)), [value]);
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Group gap={4} align="flex-end" wrap="nowrap">
        <ActionIcon variant="default" size={36} onClick={() => onChange(stepWorkday(value, -1))} aria-label={t('reports.prevDay')}>
          <IconChevronLeft size={18} aria-hidden />
        </ActionIcon>
        <DateField
          label={label}
          value={text}
          w={170}
          onChange={(s) => {
            setText(s);
            const iso = parseDateText(s);
            if (iso) onChange(iso);
          }}
        />
        <ActionIcon variant="default" size={36} onClick={() => onChange(stepWorkday(value, 1))} aria-label={t('reports.nextDay')}>
          <IconChevronRight size={18} aria-hidden />
        </ActionIcon>
      </Group>
      <Button variant="default" onClick={() => onChange(today)} disabled={value === today}>
        {t('reports.today')}
      </Button>
    </Group>
  );
}

/** The province of the URL (`rootId`, else the first the user compiles) and its day (`date`, else today). */
export function useProvinceChoice() {
  const scope = useReportScope();
  const [params, update] = useReportParams();
  const today = vnDate();
  const asked = params.get('rootId');
  const rootId = scope.roots.find((r) => r.id === asked)?.id ?? scope.roots[0]?.id ?? null;
  const date = dateParam(params.get('date'), today);
  const root = scope.roots.find((r) => r.id === rootId);
  return { roots: scope.roots, rootId, root, date, today, update };
}

/** The province (a choice only when the user compiles several) and the day, both kept in the URL (today is left out). */
export function ProvinceDayPicker({ choice, dateLabel }: { choice: ReturnType<typeof useProvinceChoice>; dateLabel: string }) {
  const { t } = useTranslation();
  const { roots, rootId, date, today, update } = choice;
  return (
    <Stack gap="sm">
      {roots.length > 1 ? (
        <Select
          label={t('reports.province')}
          data={roots.map((r) => ({ value: r.id, label: r.name }))}
          value={rootId}
          onChange={(v) => v && update({ rootId: v })}
          allowDeselect={false}
          maw={560}
          w="100%"
        />
      ) : null}
      <DayPicker label={dateLabel} value={date} today={today} onChange={(d) => update({ date: d === today ? null : d, rootId })} />
    </Stack>
  );
}

/** A period: presets (today, this week, last week, this month) and from / to dates. */
export function PeriodPicker({ from, to, today, onChange }: { from: string; to: string; today: string; onChange: (p: { from: string; to: string }) => void }) {
  const { t } = useTranslation();
  const [fromText, setFromText] = useState(formatDateText(from));
  const [toText, setToText] = useState(formatDateText(to));
  useEffect(() => setFromText(formatDateText(from)), [from]);
  useEffect(() => setToText(formatDateText(to)), [to]);
  const active = presetOf({ from, to }, today);
  const fIso = parseDateText(fromText);
  const tIso = parseDateText(toText);
  const reversed = !!fIso && !!tIso && fIso > tIso;
  const apply = (f: string, tt: string) => {
    const a = parseDateText(f);
    const b = parseDateText(tt);
    if (a && b && a <= b) onChange({ from: a, to: b });
  };
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap" role="group" aria-label={t('reports.periodLabel')}>
        {PERIOD_PRESETS.map((p) => (
          <Button
            key={p}
            size="xs"
            variant={active === p ? 'filled' : 'default'}
            aria-pressed={active === p}
            onClick={() => onChange(periodOfPreset(p, today))}
          >
            {t(`reports.presets.${p}`)}
          </Button>
        ))}
      </Group>
      <Group gap="sm" align="flex-start" wrap="wrap">
        <DateField
          label={t('reports.from')}
          value={fromText}
          w={170}
          onChange={(s) => {
            setFromText(s);
            apply(s, toText);
          }}
        />
        <DateField
          label={t('reports.to')}
          value={toText}
          w={170}
          error={reversed ? t('reports.periodInvalid') : undefined}
          onChange={(s) => {
            setToText(s);
            apply(fromText, s);
          }}
        />
      </Group>
    </Stack>
  );
}

/** `Ngày 24/11/2026` or `Từ 19/07/2021 đến 30/07/2021`. */
export function usePeriodText() {
  const { t } = useTranslation();
  return (from: string, to: string) =>
    from === to ? t('reports.periodDay', { date: formatDate(from) }) : t('reports.periodRange', { from: formatDate(from), to: formatDate(to) });
}

// ------------------------------------------------------------------ flags

/** The two lists of seed 002: people to review (§1.5, with the evidence) and people to commend (§6). */
export function FlagsPanel({
  flags,
  names,
  withAgency,
  level = 3,
}: {
  flags: { noProcessing: FlagRow[]; commendation: FlagRow[] };
  names: ReportNames;
  withAgency?: boolean;
  level?: 3 | 4;
}) {
  const { t } = useTranslation();
  const place = (f: FlagRow) => [names.units[f.unitId] ?? f.unitId, withAgency ? (names.agencies[f.agencyId] ?? f.agencyId) : null].filter(Boolean).join(' · ');
  const person = (f: FlagRow, color: 'red' | 'green') => (
    <>
      <Text fw={700}>{names.people[f.personId] ?? f.personId}</Text>
      <Text size="sm" c="dimmed">
        {place(f)}
      </Text>
      <Text size="sm" c={`${color}.9`} fw={600}>
        {t('reports.flags.counts', { processed: f.processed, assigned: f.assigned })}
      </Text>
    </>
  );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <FlagList kind="noProcessing" color="red" level={level} rows={flags.noProcessing} list="ul" gap="sm">
        {(f) => (
          <>
            {person(f, 'red')}
            {f.homeDays?.length ? (
              <Text size="sm" mt={4}>
                <Text span fw={600}>
                  {t('reports.flags.homeDays')}:
                </Text>{' '}
                {f.homeDays.map(formatDate).join(', ')}
              </Text>
            ) : null}
            {f.openTasks ? (
              <Box mt={4}>
                <Text size="sm" fw={600}>
                  {t('reports.flags.openTasks')}:
                </Text>
                {f.openTasks.length === 0 ? (
                  <Text size="sm">{t('reports.flags.noOpenTasks')}</Text>
                ) : (
                  <List size="sm" spacing={2}>
                    {f.openTasks.map((task) => (
                      <List.Item key={task.id}>
                        <Anchor component={Link} to={`/tasks/${encodeURIComponent(task.id)}`} size="sm">
                          {task.title}
                        </Anchor>{' '}
                        <Text span size="xs" c="dimmed">
                          ({task.dueDate ? t('reports.flags.due', { date: formatDate(task.dueDate) }) : t('reports.flags.noDue')})
                        </Text>
                      </List.Item>
                    ))}
                  </List>
                )}
                {f.openTasks.length >= 10 ? (
                  <Text size="xs" c="dimmed">
                    {t('reports.flags.moreTasks')}
                  </Text>
                ) : null}
              </Box>
            ) : null}
          </>
        )}
      </FlagList>
      <FlagList kind="commendation" color="green" level={level} rows={flags.commendation} list="ol" gap="xs">
        {(f) => person(f, 'green')}
      </FlagList>
    </SimpleGrid>
  );
}

/** One list of flagged people in its section: title with the count, the hint, "nobody" or one card per person. */
function FlagList({
  kind,
  color,
  level,
  rows,
  list,
  gap,
  children,
}: {
  kind: 'noProcessing' | 'commendation';
  color: 'red' | 'green';
  level: 3 | 4;
  rows: FlagRow[];
  list: 'ul' | 'ol';
  gap: 'sm' | 'xs';
  children: (f: FlagRow) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Group gap="xs" mb={4}>
        <Title order={level} fz="h5" id={id}>
          {t(`reports.flags.${kind}`)}
        </Title>
        <Badge color={rows.length ? color : 'gray'} variant="light">
          {rows.length}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t(`reports.flags.${kind}Hint`)}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm">{t(`reports.flags.${kind}Empty`)}</Text>
      ) : (
        <Stack gap={gap} component={list} p={0} m={0} style={{ listStyle: 'none' }}>
          {rows.map((f) => (
            <Paper key={`${f.agencyId}:${f.personId}`} component="li" withBorder p="sm" style={{ borderLeft: `4px solid var(--mantine-color-${color}-7)` }}>
              {children(f)}
            </Paper>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
