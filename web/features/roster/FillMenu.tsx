/** The grid's menus by row and by day (fill with a mode, clear) and the mode swatch their items show. */
import { ActionIcon, Menu, Tooltip } from '@mantine/core';
import { IconDots, IconDotsVertical, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Mode } from '../../../shared/domain/roster/format';
import { ALL_MODES, MODE_LETTER } from './format';
import { modeStyle } from './parts';

/** The letter of a mode in its colours, as the cells show it (menu items). */
export function ModeSwatch({ mode }: { mode: Mode }) {
  return (
    <span
      style={{
        ...modeStyle(mode),
        display: 'inline-flex',
        width: 30,
        height: 20,
        alignItems: 'center',
        justifyContent: 'center',
        fontWeight: 700,
        borderRadius: 3,
        fontSize: 12,
      }}
    >
      {MODE_LETTER[mode]}
    </span>
  );
}

function FillMenu({ label, onFill, title, horizontal = false }: { label: string; title: string; onFill: (mode: Mode | null) => void; horizontal?: boolean }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <Tooltip label={label} openDelay={400} withArrow>
          <ActionIcon variant="subtle" color="gray" size={horizontal ? 'xs' : 'sm'} aria-label={label}>
            {horizontal ? <IconDots size={14} aria-hidden /> : <IconDotsVertical size={14} aria-hidden />}
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{title}</Menu.Label>
        {ALL_MODES.map((m) => (
          <Menu.Item key={m} leftSection={<ModeSwatch mode={m} />} onClick={() => onFill(m)}>
            {t('roster.grid.fillWith', { mode: t(`roster.modes.${m}.word`) })}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item leftSection={<IconTrash size={16} aria-hidden />} onClick={() => onFill(null)}>
          {t('roster.grid.clear')}
        </Menu.Item>
        <Menu.Label>{t('roster.grid.keepsPinned')}</Menu.Label>
      </Menu.Dropdown>
    </Menu>
  );
}

export function RowFillMenu({ name, onFill }: { name: string; onFill: (mode: Mode | null) => void }) {
  const { t } = useTranslation();
  const label = t('roster.grid.rowMenu', { name });
  return <FillMenu label={label} title={label} onFill={onFill} />;
}

export function DayFillMenu({ label, onFill }: { date: string; label: string; onFill: (mode: Mode | null) => void }) {
  const { t } = useTranslation();
  const text = t('roster.grid.dayMenu', { day: label });
  return <FillMenu label={text} title={text} onFill={onFill} horizontal />;
}
