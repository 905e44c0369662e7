/**
 * The roster grid on a desktop (SCREENS.md "Roster grid"): people × days, grouped by role (leaders
 * first), the count bar per day above the people, holidays greyed with their name. Each cell is a
 * button (aria-label "Nguyễn Thị An, T2 19/07: làm việc tại nhà"); one cell is in the tab order at a
 * time (roving tabindex) and the keyboard of ./keyboard.ts edits it. A click picks a mode from a
 * menu, or paints the chosen mode (drag to paint several cells). The head and count rows:
 * RosterGridHead.tsx; a cell and a group's heading row: RosterGridRows.tsx; fill menus: FillMenu.tsx.
 */
import { Box, Group, Kbd, Menu, Text } from '@mantine/core';
import { IconAlertTriangle, IconPin, IconPinnedOff, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitGridResponse, ViolationView } from '../../../shared/contracts/roster';
import { shortDayLabelVi } from '../../../shared/domain/dates';
import type { DayCount } from '../../../shared/domain/roster/check';
import type { Mode, Preference } from '../../../shared/domain/roster/format';
import { cellAt, cellKey, fillColumn, fillRow, gridColumns, groupByRole, setModes, togglePin, type CellMap } from './grid';
import { ALL_MODES, MODE_LETTER, periodRange } from './format';
import { ModeSwatch, RowFillMenu } from './FillMenu';
import { CELL_W, HOLIDAY_BG, NAME_W, SEVERITY_FG, stickyName } from './gridLayout';
import { advance, clampCursor, commandOf, KEY_OF_MODE, moveCursor, type Cursor } from './keyboard';
import { severityBy, type Severity } from './liveCheck';
import { RosterGridHead } from './RosterGridHead';
import { Cell, GroupRows } from './RosterGridRows';
import './roster.css';

export type Brush = Mode | 'menu';
export type Edit = (map: CellMap) => CellMap;

export interface RosterGridProps {
  grid: Pick<UnitGridResponse, 'people' | 'holidays' | 'duties' | 'wishes' | 'period' | 'unit'>;
  cells: CellMap;
  counts: readonly DayCount[];
  violations: readonly ViolationView[];
  editable: boolean;
  brush?: Brush;
  highlighted?: ReadonlySet<string>;
  /** Move the cursor to this cell and focus it (a new object each time). */
  focusRequest?: { key: string } | null;
  /** `stroke`: edits of one drag share one undo step. */
  onEdit?: (edit: Edit, stroke?: string) => void;
  onUndo?: () => void;
}

export function RosterGrid({ grid, cells, counts, violations, editable, brush = 'menu', highlighted, focusRequest, onEdit, onUndo }: RosterGridProps) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const columns = useMemo(() => gridColumns(grid.period.workdays, grid.holidays), [grid.period.workdays, grid.holidays]);
  const editableCols = useMemo(() => columns.map((c) => c.workday), [columns]);
  const groups = useMemo(() => groupByRole(grid.people), [grid.people]);
  const rows = useMemo(() => groups.flatMap((g) => g.people), [groups]);
  const personIds = useMemo(() => rows.map((p) => p.id), [rows]);
  const workdays = grid.period.workdays;
  const countOf = useMemo(() => new Map(counts.map((c) => [c.date, c])), [counts]);
  const sev = useMemo(() => severityBy(violations), [violations]);
  const dutyOf = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const d of grid.duties) m.set(cellKey(d.personId, d.date), [...(m.get(cellKey(d.personId, d.date)) ?? []), d.kind]);
    return m;
  }, [grid.duties]);
  const wishOf = useMemo(() => new Map(grid.wishes.map((w) => [cellKey(w.personId, w.date), w.preference])), [grid.wishes]);

  const [cursor, setCursor] = useState<Cursor>(() => clampCursor({ row: 0, col: 0 }, Math.max(rows.length, 1), editableCols));
  const [menu, setMenu] = useState<{ row: number; col: number; top: number; left: number; width: number; height: number } | null>(null);
  const cursorRef = useRef(cursor);
  cursorRef.current = cursor;
  // Fewer rows (a search by name): keep the cursor on a row that exists, so one cell stays in the tab order.
  useEffect(() => setCursor((c) => clampCursor(c, Math.max(rows.length, 1), editableCols)), [rows.length, editableCols]);
  const painting = useRef<{ stroke: string; mode: Mode } | null>(null);

  const focusCell = useCallback((c: Cursor) => {
    const el = containerRef.current?.querySelector<HTMLButtonElement>(`[data-cell="${c.row}:${c.col}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }, []);

  useEffect(() => {
    if (!focusRequest) return;
    const { personId, date } = {
      personId: focusRequest.key.slice(0, focusRequest.key.lastIndexOf('|')),
      date: focusRequest.key.slice(focusRequest.key.lastIndexOf('|') + 1),
    };
    const row = personIds.indexOf(personId);
    const col = columns.findIndex((c) => c.date === date);
    if (row < 0 || col < 0) return;
    const next = { row, col };
    setCursor(next);
    requestAnimationFrame(() => focusCell(next));
  }, [focusRequest]);

  useEffect(() => {
    const stop = () => {
      painting.current = null;
    };
    window.addEventListener('pointerup', stop);
    window.addEventListener('pointercancel', stop);
    return () => {
      window.removeEventListener('pointerup', stop);
      window.removeEventListener('pointercancel', stop);
    };
  }, []);

  const keyAt = (row: number, col: number) => cellKey(personIds[row]!, columns[col]!.date);
  const dayLabel = (date: string) => shortDayLabelVi(date);

  const edit = useCallback((fn: Edit, stroke?: string) => onEdit?.(fn, stroke), [onEdit]);

  const openMenu = useCallback((row: number, col: number, el: HTMLElement) => {
    const box = containerRef.current;
    if (!box) return;
    const r = el.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    setMenu({ row, col, top: r.top - b.top + box.scrollTop, left: r.left - b.left + box.scrollLeft, width: r.width, height: r.height });
  }, []);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLButtonElement>, row: number, col: number) => {
      const cmd = commandOf(e);
      if (!cmd) return;
      const cur = { row, col };
      const key = keyAt(row, col);
      switch (cmd.kind) {
        case 'move':
        case 'rowStart':
        case 'rowEnd': {
          e.preventDefault();
          const next = moveCursor(cur, cmd, rows.length, editableCols);
          setCursor(next);
          focusCell(next);
          return;
        }
        case 'undo':
          if (!editable) return;
          e.preventDefault();
          onUndo?.();
          return;
        case 'menu':
          if (!editable) return;
          e.preventDefault();
          openMenu(row, col, e.currentTarget);
          return;
        case 'set': {
          if (!editable) return;
          e.preventDefault();
          if (cmd.scope === 'row') edit((m) => fillRow(m, personIds[row]!, workdays, cmd.mode));
          else {
            edit((m) => setModes(m, [key], cmd.mode));
            const next = advance(cur, editableCols);
            setCursor(next);
            focusCell(next);
          }
          return;
        }
        case 'pin':
          if (!editable) return;
          e.preventDefault();
          edit((m) => togglePin(m, key));
          return;
        case 'clear':
          if (!editable) return;
          e.preventDefault();
          edit((m) => setModes(m, [key], null));
          return;
      }
    },
    [rows.length, editableCols, personIds, columns, workdays, editable, edit, onUndo, openMenu, focusCell],
  );

  const onActivate = useCallback(
    (row: number, col: number, el: HTMLElement) => {
      setCursor({ row, col });
      if (!editable) return;
      if (brush === 'menu') openMenu(row, col, el);
    },
    [editable, brush, openMenu],
  );

  const onPaintStart = useCallback(
    (e: PointerEvent<HTMLButtonElement>, row: number, col: number) => {
      if (!editable || brush === 'menu' || e.button !== 0) return;
      // Touch and pen keep their native scrolling; drag-painting is for the mouse.
      const stroke = `paint-${Date.now()}`;
      if (e.pointerType === 'mouse') {
        e.currentTarget.releasePointerCapture?.(e.pointerId);
        painting.current = { stroke, mode: brush };
      }
      const key = keyAt(row, col);
      edit((m) => setModes(m, [key], brush), stroke);
    },
    [editable, brush, edit, personIds, columns],
  );

  const onPaintEnter = useCallback(
    (row: number, col: number) => {
      const p = painting.current;
      if (!p || !columns[col]?.workday) return;
      const key = keyAt(row, col);
      edit((m) => setModes(m, [key], p.mode), p.stroke);
    },
    [edit, personIds, columns],
  );

  const onFocusCell = useCallback((row: number, col: number) => {
    if (cursorRef.current.row !== row || cursorRef.current.col !== col) setCursor({ row, col });
  }, []);

  const modeLong = (m: Mode | null) => (m ? t(`roster.modes.${m}.long`) : t('roster.noMode'));
  const cellLabel = (name: string, date: string, mode: Mode | null, pinned: boolean, duty: string[] | undefined, wish: Preference | undefined) => {
    const parts = [t('roster.grid.cellLabel', { name, day: dayLabel(date), mode: modeLong(mode) })];
    // The visible letter is part of the name too (WCAG 2.5.3: "CQ" can be spoken to a voice control).
    if (mode) parts.push(MODE_LETTER[mode]);
    if (duty?.length) parts.push(`${t('roster.grid.cellDuty')} (${duty.map((k) => dutyLabel(k)).join(', ')})`);
    if (pinned) parts.push(t('roster.grid.cellPinned'));
    if (wish) parts.push(t('roster.grid.cellWish', { wish: t(`roster.modes.${wish}.long`) }));
    return parts.join(', ');
  };
  const dutyLabel = (kind: string) => (['office', 'leader', 'epidemic', 'documents'].includes(kind) ? t(`roster.duty.${kind as 'office'}`) : kind);

  const menuKey = menu ? keyAt(menu.row, menu.col) : null;
  const menuCell = menuKey ? cells[menuKey] : undefined;
  const closeMenu = (refocus = true) => {
    const at = menu;
    setMenu(null);
    if (refocus && at) requestAnimationFrame(() => focusCell({ row: at.row, col: at.col }));
  };

  const dayHeaderColor = (date: string): Severity | undefined => sev.days.get(date);
  const nCols = columns.length;

  return (
    <Box
      ref={containerRef}
      pos="relative"
      style={{
        overflow: 'auto',
        width: 'fit-content',
        maxWidth: '100%',
        maxHeight: 'calc(100dvh - 180px)',
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 4,
      }}
    >
      <table
        role="grid"
        aria-label={t('roster.grid.caption', { unit: grid.unit.name, range: periodRange(grid.period) })}
        style={{ borderCollapse: 'separate', borderSpacing: 0, fontSize: 13 }}
      >
        <RosterGridHead
          columns={columns}
          countOf={countOf}
          dayHeaderColor={dayHeaderColor}
          editable={editable}
          onFillDay={(date, mode) => edit((m) => fillColumn(m, personIds, date, mode))}
        />
        <tbody>
          {groups.map((g) => (
            <GroupRows
              key={g.group}
              title={t(`roster.grid.groups.${g.group}`)}
              nCols={nCols}
              firstRow={rows.indexOf(g.people[0]!)}
              people={g.people}
              render={(person, row) => (
                <tr key={person.id}>
                  <th
                    scope="row"
                    style={{
                      ...stickyName,
                      textAlign: 'left',
                      padding: '2px 4px 2px 8px',
                      fontWeight: 500,
                      borderTop: '1px solid var(--mantine-color-gray-2)',
                    }}
                  >
                    <Group gap={4} wrap="nowrap" justify="space-between">
                      <Box style={{ minWidth: 0 }}>
                        <Group gap={4} wrap="nowrap">
                          {sev.people.get(person.id) ? (
                            <IconAlertTriangle size={13} aria-hidden style={{ color: SEVERITY_FG[sev.people.get(person.id)!], flexShrink: 0 }} />
                          ) : null}
                          <Text size="sm" fw={500} truncate="end" maw={NAME_W - 50} title={person.fullName}>
                            {person.fullName}
                          </Text>
                        </Group>
                        <Text size="11px" c="dimmed" truncate="end" maw={NAME_W - 50}>
                          {t(`positions.${person.role}`)}
                          {!person.canWorkFromHome ? ` · ${t('roster.rules.wfh_not_eligible')}` : ''}
                        </Text>
                      </Box>
                      {editable ? <RowFillMenu name={person.fullName} onFill={(mode) => edit((m) => fillRow(m, person.id, workdays, mode))} /> : null}
                    </Group>
                  </th>
                  {columns.map((c, col) => {
                    if (!c.workday) return <td key={c.date} aria-hidden style={{ background: HOLIDAY_BG, minWidth: CELL_W }} />;
                    const k = cellKey(person.id, c.date);
                    const v = cellAt(cells, person.id, c.date);
                    const duty = dutyOf.get(k);
                    const wish = wishOf.get(k);
                    return (
                      <Cell
                        key={c.date}
                        k={k}
                        row={row}
                        col={col}
                        label={cellLabel(person.fullName, c.date, v.mode, v.pinned, duty, wish)}
                        mode={v.mode}
                        pinned={v.pinned}
                        duty={duty ? duty.map(dutyLabel).join(', ') : null}
                        wish={wish ?? null}
                        focusable={cursor.row === row && cursor.col === col}
                        highlighted={!!highlighted?.has(k)}
                        editable={editable}
                        onKeyDown={onKeyDown}
                        onActivate={onActivate}
                        onPaintStart={onPaintStart}
                        onPaintEnter={onPaintEnter}
                        onFocusCell={onFocusCell}
                      />
                    );
                  })}
                </tr>
              )}
            />
          ))}
        </tbody>
      </table>
      {menu && menuKey ? (
        // Only the pointer closes it from outside: the Enter that opened it is still going up to the document.
        <Menu
          opened
          onChange={(o) => (!o ? closeMenu() : undefined)}
          position="bottom-start"
          withinPortal
          trapFocus
          returnFocus={false}
          shadow="md"
          clickOutsideEvents={['mousedown', 'touchstart']}
        >
          <Menu.Target>
            <div aria-hidden style={{ position: 'absolute', top: menu.top, left: menu.left, width: menu.width, height: menu.height, pointerEvents: 'none' }} />
          </Menu.Target>
          <Menu.Dropdown
            aria-label={cellLabel(rows[menu.row]!.fullName, columns[menu.col]!.date, menuCell?.mode ?? null, !!menuCell?.pinned, undefined, undefined)}
          >
            {ALL_MODES.map((m) => (
              <Menu.Item
                key={m}
                leftSection={<ModeSwatch mode={m} />}
                rightSection={<Kbd size="xs">{KEY_OF_MODE[m]}</Kbd>}
                onClick={() => edit((map) => setModes(map, [menuKey], m))}
              >
                {t(`roster.modes.${m}.short`)}
              </Menu.Item>
            ))}
            <Menu.Divider />
            <Menu.Item
              leftSection={menuCell?.pinned ? <IconPinnedOff size={16} aria-hidden /> : <IconPin size={16} aria-hidden />}
              rightSection={<Kbd size="xs">Space</Kbd>}
              disabled={!menuCell?.mode}
              onClick={() => edit((map) => togglePin(map, menuKey))}
            >
              {menuCell?.pinned ? t('roster.grid.unpin') : t('roster.grid.pin')}
            </Menu.Item>
            <Menu.Item
              leftSection={<IconTrash size={16} aria-hidden />}
              rightSection={<Kbd size="xs">Del</Kbd>}
              disabled={!menuCell?.mode}
              onClick={() => edit((map) => setModes(map, [menuKey], null))}
            >
              {t('roster.grid.clear')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      ) : null}
    </Box>
  );
}
