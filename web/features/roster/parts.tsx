/** Small shared pieces of the roster screens: mode chips, status badges, the deadline, the legend. */
import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconBuilding, IconHome, IconPinFilled, IconShieldFilled } from '@tabler/icons-react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodView } from '../../../shared/contracts/roster';
import type { Mode, Preference } from '../../../shared/domain/roster/format';
import type { PeriodStatus, UnitRosterStatus } from '../../../shared/domain/roster/workflow';
import { formatDateTime } from '../../components/dates';
import { MODE_BORDER, MODE_COLOR, MODE_LETTER } from './format';

/** Colours and border style of a mode; the letter is the main signal (black and white prints). */
export function modeStyle(mode: Mode | null): CSSProperties {
  if (!mode) {
    return { background: 'var(--mantine-color-body)', color: 'var(--mantine-color-gray-7)', border: '1px dashed var(--mantine-color-gray-5)' };
  }
  const c = MODE_COLOR[mode];
  const style = MODE_BORDER[mode];
  return {
    background: `var(--mantine-color-${c}-1)`,
    color: `var(--mantine-color-${c}-9)`,
    border: `${style === 'double' ? 3 : 2}px ${style} var(--mantine-color-${c}-7)`,
  };
}

/** A mode as a small chip: letter (+ words when `withLabel`). */
export function ModeChip({ mode, withLabel = false, size = 'sm' }: { mode: Mode | null; withLabel?: boolean; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  const label = mode ? t(`roster.modes.${mode}.short`) : t('roster.notPublished');
  const fz = size === 'xs' ? 11 : size === 'sm' ? 13 : 15;
  return (
    <Group gap={6} wrap="nowrap" component="span">
      <span
        aria-hidden={withLabel ? true : undefined}
        aria-label={withLabel ? undefined : label}
        role={withLabel ? undefined : 'img'}
        style={{
          ...modeStyle(mode),
          display: 'inline-flex',
          alignItems: 'center',
          justifyContent: 'center',
          minWidth: size === 'md' ? 40 : 30,
          height: size === 'md' ? 28 : 22,
          padding: '0 4px',
          borderRadius: 4,
          fontWeight: 700,
          fontSize: fz,
          lineHeight: 1,
          boxSizing: 'border-box',
        }}
      >
        {mode ? MODE_LETTER[mode] : '–'}
      </span>
      {withLabel ? (
        <Text span size={size} fw={500}>
          {label}
        </Text>
      ) : null}
    </Group>
  );
}

const UNIT_STATUS_COLOR: Record<UnitRosterStatus, string> = {
  none: 'gray',
  draft: 'blue',
  submitted: 'teal',
  returned: 'red',
  compiled: 'violet',
  approved: 'green',
};
const PERIOD_STATUS_COLOR: Record<PeriodStatus, string> = { collecting: 'blue', compiled: 'violet', approved: 'green' };

export function UnitStatusBadge({ status }: { status: UnitRosterStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={UNIT_STATUS_COLOR[status]} variant={status === 'none' ? 'outline' : 'light'}>
      {t(`roster.unitStatus.${status}`)}
    </Badge>
  );
}

export function PeriodStatusBadge({ status }: { status: PeriodStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={PERIOD_STATUS_COLOR[status]} variant="light">
      {t(`roster.periodStatus.${status}`)}
    </Badge>
  );
}

export function LateBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
      {t('roster.period.late')}
    </Badge>
  );
}

/** "Hạn đăng ký: 08:00 10/08/2021", red with "Quá hạn" when passed and `lateIfPassed`. */
export function DeadlineText({
  period,
  lateIfPassed = false,
  now = Date.now(),
}: {
  period: Pick<PeriodView, 'deadline'>;
  lateIfPassed?: boolean;
  now?: number;
}) {
  const { t } = useTranslation();
  if (!period.deadline) return <Text size="sm">{t('roster.period.noDeadline')}</Text>;
  const passed = Date.parse(period.deadline) < now;
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" fw={500} c={passed && lateIfPassed ? 'red.8' : undefined}>
        {t('roster.period.deadline', { time: formatDateTime(period.deadline) })}
      </Text>
      {passed && lateIfPassed ? <LateBadge /> : null}
    </Group>
  );
}

/** Small marks inside a cell. */
export function DutyMark({ title }: { title: string }) {
  return (
    <Tooltip label={title} withArrow openDelay={300}>
      <IconShieldFilled size={11} aria-hidden style={{ color: 'var(--mantine-color-red-8)' }} />
    </Tooltip>
  );
}
export function PinMark() {
  return <IconPinFilled size={11} aria-hidden style={{ color: 'var(--mantine-color-dark-6)' }} />;
}
export function WishMark({ wish }: { wish: Preference }) {
  const Icon = wish === 'wfh' ? IconHome : IconBuilding;
  return <Icon size={11} aria-hidden stroke={2} style={{ color: 'var(--mantine-color-gray-7)' }} />;
}

/** The legend of the grid: four modes, duty, pin, wishes, holidays. */
export function GridLegend() {
  const { t } = useTranslation();
  const item = (node: React.ReactNode, label: string) => (
    <Group gap={6} wrap="nowrap" component="li">
      {node}
      <Text span size="xs">
        {label}
      </Text>
    </Group>
  );
  return (
    <Group gap="md" wrap="wrap" component="ul" aria-label={t('roster.grid.legend')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {(['onsite', 'wfh', 'leave', 'business_trip'] as const).map((m) => item(<ModeChip mode={m} size="xs" withLabel={false} />, t(`roster.modes.${m}.short`)))}
      {item(<IconShieldFilled size={12} aria-hidden style={{ color: 'var(--mantine-color-red-8)' }} />, t('roster.grid.legendDuty'))}
      {item(<IconPinFilled size={12} aria-hidden />, t('roster.grid.legendPinned'))}
      {item(
        <Group gap={2} wrap="nowrap">
          <IconHome size={12} aria-hidden />
          <IconBuilding size={12} aria-hidden />
        </Group>,
        t('roster.grid.legendWish'),
      )}
      {item(
        <span
          aria-hidden
          style={{
            display: 'inline-block',
            width: 22,
            height: 14,
            background: 'repeating-linear-gradient(45deg, var(--mantine-color-gray-3) 0 4px, var(--mantine-color-gray-1) 4px 8px)',
            border: '1px solid var(--mantine-color-gray-4)',
          }}
        />,
        t('roster.grid.legendHoliday'),
      )}
    </Group>
  );
}
