/**
 * The filters of a list screen (documents, tasks) as a search landmark: on a wide screen the search and
 * the filters in a grid, with the clear button under them; on a phone the search, then a "Bộ lọc (N)"
 * button that opens the other filters. Also the search box they share and its text kept in the address.
 */
import { Button, Collapse, Group, Paper, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch, IconX } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';

export interface FilterBarProps {
  /** The landmark's name and the phone's toggle button text. */
  label: string;
  compact: boolean;
  /** The id of the collapsed part on a phone. */
  moreId: string;
  search: ReactNode;
  /** The other filters (grid cells on a wide screen). */
  filters: ReactNode;
  /** A filter kept out of the grid (a switch): under it on the left on a wide screen, last of the filters on a phone. */
  extra?: ReactNode;
  /** How many filters other than the search are set (shown on the phone's button). */
  moreCount: number;
  /** The clear button ("Xóa bộ lọc"), null when nothing is set. */
  clear: { label: string; onClear: () => void } | null;
  /** Grid columns on a large screen. */
  lgCols: number;
}

export function FilterBar({ label, compact, moreId, search, filters, extra, moreCount, clear: clearing, lgCols }: FilterBarProps) {
  const [open, setOpen] = useState(false);
  const clear = clearing ? (
    <Button variant="subtle" size="compact-sm" leftSection={<IconX size={14} aria-hidden />} onClick={clearing.onClear}>
      {clearing.label}
    </Button>
  ) : null;
  if (compact) {
    return (
      <Stack gap="xs" role="search" aria-label={label}>
        {search}
        <Group justify="space-between" gap="xs">
          <Button
            variant="default"
            size="compact-md"
            leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls={moreId}
          >
            {label}
            {moreCount ? ` (${moreCount})` : ''}
          </Button>
          {clear}
        </Group>
        <Collapse expanded={open} id={moreId}>
          <Stack gap="xs">
            {filters}
            {extra}
          </Stack>
        </Collapse>
      </Stack>
    );
  }
  return (
    <Paper withBorder p="sm" role="search" aria-label={label}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: lgCols }} spacing="sm" verticalSpacing="xs">
        {search}
        {filters}
      </SimpleGrid>
      {extra ? (
        <Group justify="space-between" mt="sm" gap="xs">
          {extra}
          {clear}
        </Group>
      ) : clear ? (
        <Group justify="flex-end" mt="sm">
          {clear}
        </Group>
      ) : null}
    </Paper>
  );
}

/**
 * The text of a search box kept in the address: what is typed goes to `commit` once it settles (350 ms,
 * only when it differs from `current` but for spaces), and a change of `current` from elsewhere (clear,
 * back button) shows in the box.
 */
export function useSearchText(current: string, commit: (typed: string) => void): [string, (text: string) => void] {
  const [text, setText] = useState(current);
  const [debounced] = useDebouncedValue(text, 350);
  useEffect(() => {
    if (debounced.trim() !== current.trim()) commit(debounced);
    // Only when the typed text settles.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  useEffect(() => setText((cur) => (cur.trim() === current.trim() ? cur : current)), [current]);
  return [text, setText];
}

/** The search box of a filter bar. */
export function SearchInput({ label, placeholder, value, onChange }: { label: string; placeholder: string; value: string; onChange: (v: string) => void }) {
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      leftSection={<IconSearch size={16} aria-hidden />}
      type="search"
      maxLength={200}
    />
  );
}
