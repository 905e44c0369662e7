/** The roster grid's head: the day row (holidays named, a fill menu per day) and the count rows (at home, on site, required on site). */
import { Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { shortDayLabelVi } from '../../../shared/domain/dates';
import type { DayCount } from '../../../shared/domain/roster/check';
import type { Mode } from '../../../shared/domain/roster/format';
import { DayFillMenu } from './FillMenu';
import type { gridColumns } from './grid';
import { CELL_W, HOLIDAY_BG, NAME_W, SEVERITY_BG, SEVERITY_FG, stickyName } from './gridLayout';
import type { Severity } from './liveCheck';

export function RosterGridHead({
  columns,
  countOf,
  dayHeaderColor,
  editable,
  onFillDay,
}: {
  columns: ReturnType<typeof gridColumns>;
  countOf: ReadonlyMap<string, DayCount>;
  dayHeaderColor: (date: string) => Severity | undefined;
  editable: boolean;
  onFillDay: (date: string, mode: Mode | null) => void;
}) {
  const { t } = useTranslation();
  const dayLabel = (date: string) => shortDayLabelVi(date);
  return (
    <thead style={{ position: 'sticky', top: 0, zIndex: 3, background: 'var(--mantine-color-body)' }}>
      <tr>
        <th
          scope="col"
          style={{
            ...stickyName,
            zIndex: 4,
            minWidth: NAME_W,
            textAlign: 'left',
            padding: '4px 8px',
            borderBottom: '1px solid var(--mantine-color-gray-3)',
          }}
        >
          {t('roster.grid.person')}
        </th>
        {columns.map((c) => (
          <th
            key={c.date}
            scope="col"
            style={{
              minWidth: CELL_W,
              padding: '2px',
              fontWeight: 600,
              fontSize: 12,
              whiteSpace: 'nowrap',
              background: c.workday ? undefined : HOLIDAY_BG,
              borderBottom: '1px solid var(--mantine-color-gray-3)',
            }}
            title={c.holiday ? t('roster.grid.holidayNamed', { name: c.holiday }) : undefined}
          >
            <Stack gap={0} align="center">
              <span>{dayLabel(c.date)}</span>
              {c.workday && editable ? <DayFillMenu date={c.date} label={dayLabel(c.date)} onFill={(mode) => onFillDay(c.date, mode)} /> : null}
            </Stack>
            {c.holiday !== null ? (
              <Text size="10px" c="dimmed" fw={500} lh={1.1} style={{ whiteSpace: 'normal', maxWidth: CELL_W + 10 }}>
                {c.holiday || t('roster.grid.holiday')}
              </Text>
            ) : null}
          </th>
        ))}
      </tr>
      {(['atHome', 'onSite', 'required'] as const).map((kind) => (
        <tr key={kind}>
          <th
            scope="row"
            style={{ ...stickyName, zIndex: 4, textAlign: 'left', padding: '2px 8px', fontWeight: 500, fontSize: 12, color: 'var(--mantine-color-gray-7)' }}
          >
            {kind === 'atHome' ? t('roster.grid.countAtHome') : kind === 'onSite' ? t('roster.grid.countOnSite') : t('roster.grid.countRequired')}
          </th>
          {columns.map((c) => {
            if (!c.workday) return <td key={c.date} style={{ background: HOLIDAY_BG }} />;
            const n = countOf.get(c.date);
            const s = dayHeaderColor(c.date);
            const value = !n ? '' : kind === 'atHome' ? n.atHome : kind === 'onSite' ? n.onSite : n.requiredOnSite;
            const hint = n
              ? t('roster.grid.countHint', { day: dayLabel(c.date), atHome: n.atHome, onSite: n.onSite, required: n.requiredOnSite }) +
                (s ? ` — ${s === 'block' ? t('roster.grid.dayHasBlock') : t('roster.grid.dayHasWarn')}` : '')
              : '';
            const broken =
              s &&
              (kind === 'onSite'
                ? n && n.onSite < n.requiredOnSite
                : kind === 'atHome'
                  ? n && (n.atHome < n.minAtHome || (n.maxAtHome !== null && n.atHome > n.maxAtHome))
                  : false);
            return (
              <td
                key={c.date}
                title={hint}
                style={{
                  textAlign: 'center',
                  fontSize: 12,
                  padding: '1px 2px',
                  fontWeight: broken ? 700 : 500,
                  background: s ? SEVERITY_BG[s] : undefined,
                  color: s ? SEVERITY_FG[s] : undefined,
                }}
              >
                <span aria-hidden>{value}</span>
                {kind === 'required' && s ? <IconAlertTriangle size={11} aria-hidden style={{ marginLeft: 2, verticalAlign: -1 }} /> : null}
                <VisuallyHidden>{kind === 'atHome' ? hint : ''}</VisuallyHidden>
              </td>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}
