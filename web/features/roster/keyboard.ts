/**
 * Keyboard of the roster grid (pure): which command a key press means, and where the cursor goes.
 * Arrows move; C / N / P / T set CQ / N / P / CT and step to the next day (Shift: the whole row);
 * Space pins; Delete clears; Enter opens the cell's menu; Ctrl+Z undoes.
 */
import type { Mode } from '../../../shared/domain/roster/format';

export type GridCommand =
  | { kind: 'move'; rows: number; cols: number }
  | { kind: 'rowStart' }
  | { kind: 'rowEnd' }
  | { kind: 'set'; mode: Mode; scope: 'cell' | 'row' }
  | { kind: 'clear' }
  | { kind: 'pin' }
  | { kind: 'menu' }
  | { kind: 'undo' };

export interface KeyLike {
  key: string;
  /** Physical key (`KeyC`): used when an input method (Telex, VNI) hides the letter. */
  code?: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** Letter → mode: C tại cơ quan, N tại nhà, P nghỉ phép, T công tác. */
export const MODE_KEYS: Readonly<Record<string, Mode>> = { c: 'onsite', n: 'wfh', p: 'leave', t: 'business_trip' };
/** The key of each mode, for hints and menus. */
export const KEY_OF_MODE: Readonly<Record<Mode, string>> = { onsite: 'C', wfh: 'N', leave: 'P', business_trip: 'T' };

function letterOf(e: KeyLike): string | null {
  if (e.key.length === 1) return e.key.toLowerCase();
  const m = /^Key([A-Z])$/.exec(e.code ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

/** The grid command of a key press, or null (the browser keeps the key: Tab, Ctrl+C…). */
export function commandOf(e: KeyLike): GridCommand | null {
  if (e.ctrlKey || e.metaKey) {
    return !e.altKey && !e.shiftKey && letterOf(e) === 'z' ? { kind: 'undo' } : null;
  }
  if (e.altKey) return null;
  switch (e.key) {
    case 'ArrowUp':
      return { kind: 'move', rows: -1, cols: 0 };
    case 'ArrowDown':
      return { kind: 'move', rows: 1, cols: 0 };
    case 'ArrowLeft':
      return { kind: 'move', rows: 0, cols: -1 };
    case 'ArrowRight':
      return { kind: 'move', rows: 0, cols: 1 };
    case 'Home':
      return { kind: 'rowStart' };
    case 'End':
      return { kind: 'rowEnd' };
    case ' ':
    case 'Spacebar':
      return { kind: 'pin' };
    case 'Delete':
    case 'Backspace':
      return { kind: 'clear' };
    case 'Enter':
    case 'F2':
      return { kind: 'menu' };
  }
  const letter = letterOf(e);
  const mode = letter ? MODE_KEYS[letter] : undefined;
  if (mode) return { kind: 'set', mode, scope: e.shiftKey ? 'row' : 'cell' };
  return null;
}

export interface Cursor {
  row: number;
  col: number;
}

function stepCol(col: number, dir: 1 | -1, editable: readonly boolean[]): number {
  for (let c = col + dir; c >= 0 && c < editable.length; c += dir) if (editable[c]) return c;
  return col;
}

function firstEditable(editable: readonly boolean[]): number {
  const i = editable.indexOf(true);
  return Math.max(i, 0);
}

function lastEditable(editable: readonly boolean[]): number {
  const i = editable.lastIndexOf(true);
  return Math.max(i, 0);
}

/**
 * The cursor after a movement command, inside `rows` rows; columns that are not editable (holidays)
 * are skipped. Other commands leave the cursor where it is.
 */
export function moveCursor(cur: Cursor, cmd: GridCommand, rows: number, editable: readonly boolean[]): Cursor {
  const clampRow = (r: number) => Math.max(0, Math.min(rows - 1, r));
  switch (cmd.kind) {
    case 'move': {
      let col = cur.col;
      if (cmd.cols) col = stepCol(cur.col, cmd.cols > 0 ? 1 : -1, editable);
      return { row: clampRow(cur.row + cmd.rows), col };
    }
    case 'rowStart':
      return { row: cur.row, col: firstEditable(editable) };
    case 'rowEnd':
      return { row: cur.row, col: lastEditable(editable) };
    default:
      return cur;
  }
}

/** After typing a mode: the next working day of the row, or the same cell at the end of the row. */
export function advance(cur: Cursor, editable: readonly boolean[]): Cursor {
  return { row: cur.row, col: stepCol(cur.col, 1, editable) };
}

/** A valid cursor for a grid (e.g. after the people or days changed). */
export function clampCursor(cur: Cursor, rows: number, editable: readonly boolean[]): Cursor {
  const row = Math.max(0, Math.min(rows - 1, cur.row));
  let col = Math.max(0, Math.min(editable.length - 1, cur.col));
  if (!editable[col]) col = stepCol(col, 1, editable) !== col ? stepCol(col, 1, editable) : stepCol(col, -1, editable);
  return { row, col };
}
