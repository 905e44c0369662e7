/**
 * Pages of a unit's people (the phone day view, 20 a page; the desktop grid, 50 a page): "Người 1–20 trong
 * 160" and the page buttons, named for screen readers.
 */
import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Page } from './search';

export function PeopleRange({ shown }: { shown: Page<unknown> }) {
  const { t } = useTranslation();
  if (shown.pages <= 1) return null;
  return (
    <Text size="sm" fw={500} aria-live="polite">
      {t('roster.find.range', { from: shown.from, to: shown.to, total: shown.total })}
    </Text>
  );
}

export function PeoplePager({ shown, onPage, siblings = 0 }: { shown: Page<unknown>; onPage: (page: number) => void; siblings?: number }) {
  const { t } = useTranslation();
  if (shown.pages <= 1) return null;
  return (
    <Group component="nav" aria-label={t('roster.find.pages')} justify="center">
      <Pagination
        total={shown.pages}
        value={shown.page + 1}
        onChange={(p) => onPage(p - 1)}
        size="md"
        siblings={siblings}
        boundaries={1}
        getItemProps={(p) => ({ 'aria-label': t('roster.find.pageItem', { page: p }) })}
        getControlProps={(control) =>
          control === 'previous' ? { 'aria-label': t('roster.find.previous') } : control === 'next' ? { 'aria-label': t('roster.find.next') } : {}
        }
      />
    </Group>
  );
}
