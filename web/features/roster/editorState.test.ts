import { describe, expect, it } from 'vitest';
import { cellAt, cellKey, setModes } from './grid';
import { currentCells, editorReducer, initialEditorState, pendingCells, type EditorState } from './editorState';

const D = '2021-07-19';
const server = (version: number, modes: Record<string, 'onsite' | 'wfh'>) => ({
  type: 'server' as const,
  version,
  cells: Object.entries(modes).map(([personId, mode]) => ({ personId, date: D, mode, pinned: false })),
});
const edit = (personId: string, mode: 'onsite' | 'wfh' | 'leave', stroke?: string) => ({
  type: 'edit' as const,
  stroke,
  edit: (m: EditorState['base']) => setModes(m, [cellKey(personId, D)], mode),
});

describe('roster editor state', () => {
  it('loads the server grid, then tracks unsaved edits', () => {
    let s = editorReducer(initialEditorState, server(1, { a: 'onsite', b: 'wfh' }));
    expect(pendingCells(s)).toEqual([]);
    expect(s.rebased).toBeNull();
    s = editorReducer(s, edit('a', 'leave'));
    expect(pendingCells(s)).toEqual([{ personId: 'a', date: D, mode: 'leave', pinned: false }]);
  });

  it('never drops unsaved edits when a newer version arrives (reload after a conflict)', () => {
    let s = editorReducer(initialEditorState, server(1, { a: 'onsite', b: 'wfh' }));
    s = editorReducer(s, edit('a', 'leave'));
    s = editorReducer(s, server(2, { a: 'wfh', b: 'onsite' }));
    expect(s.version).toBe(2);
    expect(cellAt(currentCells(s), 'a', D).mode).toBe('leave');
    expect(cellAt(currentCells(s), 'b', D).mode).toBe('onsite');
    expect(s.rebased).toEqual({ kept: 1, overlapping: [cellKey('a', D)] });
    expect(pendingCells(s)).toEqual([{ personId: 'a', date: D, mode: 'leave', pinned: false }]);
  });

  it('after a save, edits made while saving stay unsaved and the version moves on', () => {
    let s = editorReducer(initialEditorState, server(1, { a: 'onsite' }));
    s = editorReducer(s, edit('a', 'wfh'));
    const sent = currentCells(s);
    s = editorReducer(s, edit('b', 'onsite'));
    s = editorReducer(s, { type: 'saved', sent, version: 2 });
    expect(s.version).toBe(2);
    expect(pendingCells(s)).toEqual([{ personId: 'b', date: D, mode: 'onsite', pinned: false }]);
    // The refetch of the same version keeps them and is not a "rebase" notice.
    s = editorReducer(s, server(2, { a: 'wfh' }));
    expect(pendingCells(s)).toHaveLength(1);
    expect(s.rebased).toBeNull();
  });

  it('replaces everything when the server rewrote the cells (copy, generate)', () => {
    let s = editorReducer(initialEditorState, server(1, { a: 'onsite' }));
    s = editorReducer(s, edit('a', 'wfh'));
    s = editorReducer(s, { type: 'replace', version: 3, cells: [{ personId: 'a', date: D, mode: 'leave', pinned: true }] });
    expect(pendingCells(s)).toEqual([]);
    expect(cellAt(currentCells(s), 'a', D)).toEqual({ mode: 'leave', pinned: true });
  });

  it('groups the edits of one drag into one undo step', () => {
    let s = editorReducer(initialEditorState, server(1, {}));
    s = editorReducer(s, edit('a', 'wfh', 'drag-1'));
    s = editorReducer(s, edit('b', 'wfh', 'drag-1'));
    s = editorReducer(s, edit('c', 'wfh', 'drag-1'));
    s = editorReducer(s, edit('d', 'onsite'));
    s = editorReducer(s, { type: 'undo' });
    expect(pendingCells(s).map((c) => c.personId)).toEqual(['a', 'b', 'c']);
    s = editorReducer(s, { type: 'undo' });
    expect(pendingCells(s)).toEqual([]);
  });

  it('ignores edits that change nothing', () => {
    const s = editorReducer(initialEditorState, server(1, { a: 'onsite' }));
    expect(editorReducer(s, edit('a', 'onsite' as 'onsite'))).toBe(s);
  });
});
