/**
 * The state of the unit roster editor (pure reducer): the last saved cells (base), the current cells
 * with their undo history, the server version, and what a newer server version did to unsaved edits.
 *
 * - `server`: a newer grid arrived (after a save, or "Tải lại" after a version conflict). Unsaved edits
 *   are rebased on it, never dropped; the notice says how many were kept.
 * - `replace`: the server rewrote the cells on purpose (copy of the previous period, generator): the
 *   grid becomes exactly the server's.
 * - `edit`: one change; edits of the same `stroke` (a mouse drag) are one undo step.
 * - `saved`: the cells that were sent are the new base; edits made while saving stay unsaved.
 */
import type { GridCell } from '../../../shared/contracts/roster';
import { cellMapOf, changedCells, historyOf, pushEdit, rebase, undo, type CellMap, type History } from './grid';

export interface EditorState {
  base: CellMap;
  history: History;
  /** Version of the unit roster on the server (0: none yet). */
  version: number;
  stroke: string | null;
  /** Set when a newer version was loaded under unsaved edits. */
  rebased: { kept: number; overlapping: string[] } | null;
}

export type EditorAction =
  | { type: 'server'; cells: readonly GridCell[]; version: number | null }
  | { type: 'replace'; cells: readonly GridCell[]; version: number | null }
  | { type: 'edit'; edit: (m: CellMap) => CellMap; stroke?: string }
  | { type: 'undo' }
  | { type: 'saved'; sent: CellMap; version: number }
  | { type: 'dismissRebased' };

export const initialEditorState: EditorState = { base: {}, history: historyOf({}), version: 0, stroke: null, rebased: null };

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'server': {
      const newBase = cellMapOf(action.cells);
      const r = rebase(state.base, state.history.present, newBase);
      return {
        base: newBase,
        history: historyOf(r.kept ? r.cells : newBase),
        version: action.version ?? 0,
        stroke: null,
        rebased: r.kept && state.version !== (action.version ?? 0) ? { kept: r.kept, overlapping: r.overlapping } : null,
      };
    }
    case 'replace': {
      const cells = cellMapOf(action.cells);
      return { base: cells, history: historyOf(cells), version: action.version ?? 0, stroke: null, rebased: null };
    }
    case 'edit': {
      const present = state.history.present;
      const next = action.edit(present);
      if (next === present) return state;
      if (action.stroke && action.stroke === state.stroke) return { ...state, history: { past: state.history.past, present: next } };
      return { ...state, history: pushEdit(state.history, next), stroke: action.stroke ?? null };
    }
    case 'undo':
      return { ...state, history: undo(state.history), stroke: null };
    case 'saved':
      return { ...state, base: action.sent, version: action.version, rebased: null };
    case 'dismissRebased':
      return { ...state, rebased: null };
  }
}

/** The current cells. */
export const currentCells = (s: EditorState): CellMap => s.history.present;
/** Cells to save now. */
export const pendingCells = (s: EditorState) => changedCells(s.base, s.history.present);
