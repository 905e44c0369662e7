/** The body's building blocks of the roster grid: one cell (a button with its marks) and a role group's heading row above its people. */
import { memo, type KeyboardEvent, type PointerEvent } from 'react';
import type { Mode, Preference } from '../../../shared/domain/roster/format';
import { MODE_LETTER } from './format';
import { CELL_H, CELL_W } from './gridLayout';
import { DutyMark, modeStyle, PinMark, WishMark } from './parts';

export interface CellProps {
  k: string;
  row: number;
  col: number;
  label: string;
  mode: Mode | null;
  pinned: boolean;
  duty: string | null;
  wish: Preference | null;
  focusable: boolean;
  highlighted: boolean;
  editable: boolean;
  onKeyDown: (e: KeyboardEvent<HTMLButtonElement>, row: number, col: number) => void;
  onActivate: (row: number, col: number, el: HTMLElement) => void;
  onPaintStart: (e: PointerEvent<HTMLButtonElement>, row: number, col: number) => void;
  onPaintEnter: (row: number, col: number) => void;
  onFocusCell: (row: number, col: number) => void;
}

export const Cell = memo(function Cell(p: CellProps) {
  return (
    <td style={{ padding: 2, width: CELL_W, minWidth: CELL_W, height: CELL_H }}>
      <button
        type="button"
        className="roster-cell"
        data-cell={`${p.row}:${p.col}`}
        data-key={p.k}
        data-highlighted={p.highlighted || undefined}
        tabIndex={p.focusable ? 0 : -1}
        aria-label={p.label}
        aria-disabled={p.editable ? undefined : true}
        onKeyDown={(e) => p.onKeyDown(e, p.row, p.col)}
        onClick={(e) => p.onActivate(p.row, p.col, e.currentTarget)}
        onPointerDown={(e) => p.onPaintStart(e, p.row, p.col)}
        onPointerEnter={() => p.onPaintEnter(p.row, p.col)}
        onFocus={() => p.onFocusCell(p.row, p.col)}
        style={{ ...modeStyle(p.mode), width: '100%', height: CELL_H - 4 }}
      >
        <span aria-hidden style={{ fontWeight: 700, fontSize: 14 }}>
          {p.mode ? MODE_LETTER[p.mode] : '·'}
        </span>
        {p.duty ? (
          <span className="roster-cell__mark roster-cell__mark--duty">
            <DutyMark title={p.duty} />
          </span>
        ) : null}
        {p.pinned ? (
          <span className="roster-cell__mark roster-cell__mark--pin">
            <PinMark />
          </span>
        ) : null}
        {p.wish ? (
          <span className="roster-cell__mark roster-cell__mark--wish">
            <WishMark wish={p.wish} />
          </span>
        ) : null}
      </button>
    </td>
  );
});

export function GroupRows<P>({
  title,
  nCols,
  people,
  firstRow,
  render,
}: {
  title: string;
  nCols: number;
  people: P[];
  firstRow: number;
  render: (p: P, row: number) => React.ReactNode;
}) {
  return (
    <>
      <tr>
        <th
          colSpan={nCols + 1}
          scope="colgroup"
          style={{
            textAlign: 'left',
            padding: '6px 8px 2px',
            fontSize: 12,
            fontWeight: 700,
            textTransform: 'uppercase',
            letterSpacing: 0.3,
            color: 'var(--mantine-color-gray-7)',
            background: 'var(--mantine-color-gray-0)',
          }}
        >
          <span style={{ position: 'sticky', left: 8 }}>{title}</span>
        </th>
      </tr>
      {people.map((p, i) => render(p, firstRow + i))}
    </>
  );
}
