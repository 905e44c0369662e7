import { describe, expect, it } from 'vitest';
import { advance, clampCursor, commandOf, moveCursor } from './keyboard';

describe('key → command', () => {
  it('maps C / N / P / T to the four modes, Shift to the whole row', () => {
    expect(commandOf({ key: 'c' })).toEqual({ kind: 'set', mode: 'onsite', scope: 'cell' });
    expect(commandOf({ key: 'N' })).toEqual({ kind: 'set', mode: 'wfh', scope: 'cell' });
    expect(commandOf({ key: 'p' })).toEqual({ kind: 'set', mode: 'leave', scope: 'cell' });
    expect(commandOf({ key: 'T', shiftKey: true })).toEqual({ kind: 'set', mode: 'business_trip', scope: 'row' });
  });

  it('reads the physical key when an input method hides the letter (Telex)', () => {
    expect(commandOf({ key: 'Process', code: 'KeyN' })).toEqual({ kind: 'set', mode: 'wfh', scope: 'cell' });
  });

  it('maps arrows, Home/End, Space, Delete, Enter and Ctrl+Z', () => {
    expect(commandOf({ key: 'ArrowLeft' })).toEqual({ kind: 'move', rows: 0, cols: -1 });
    expect(commandOf({ key: 'ArrowDown' })).toEqual({ kind: 'move', rows: 1, cols: 0 });
    expect(commandOf({ key: 'Home' })).toEqual({ kind: 'rowStart' });
    expect(commandOf({ key: ' ' })).toEqual({ kind: 'pin' });
    expect(commandOf({ key: 'Backspace' })).toEqual({ kind: 'clear' });
    expect(commandOf({ key: 'Enter' })).toEqual({ kind: 'menu' });
    expect(commandOf({ key: 'z', ctrlKey: true })).toEqual({ kind: 'undo' });
    expect(commandOf({ key: 'z', metaKey: true })).toEqual({ kind: 'undo' });
  });

  it('leaves other keys and shortcuts to the browser', () => {
    expect(commandOf({ key: 'Tab' })).toBeNull();
    expect(commandOf({ key: 'x' })).toBeNull();
    expect(commandOf({ key: 'c', ctrlKey: true })).toBeNull();
    expect(commandOf({ key: 'n', altKey: true })).toBeNull();
  });
});

describe('cursor', () => {
  const editable = [true, false, true, true];
  it('moves, skips holiday columns and stops at the edges', () => {
    expect(moveCursor({ row: 0, col: 0 }, { kind: 'move', rows: 0, cols: 1 }, 3, editable)).toEqual({ row: 0, col: 2 });
    expect(moveCursor({ row: 0, col: 2 }, { kind: 'move', rows: 0, cols: -1 }, 3, editable)).toEqual({ row: 0, col: 0 });
    expect(moveCursor({ row: 0, col: 0 }, { kind: 'move', rows: 0, cols: -1 }, 3, editable)).toEqual({ row: 0, col: 0 });
    expect(moveCursor({ row: 2, col: 3 }, { kind: 'move', rows: 1, cols: 0 }, 3, editable)).toEqual({ row: 2, col: 3 });
    expect(moveCursor({ row: 0, col: 3 }, { kind: 'move', rows: -1, cols: 0 }, 3, editable)).toEqual({ row: 0, col: 3 });
  });

  it('goes to the first and last working day of the row', () => {
    expect(moveCursor({ row: 1, col: 2 }, { kind: 'rowStart' }, 3, [false, true, true, false])).toEqual({ row: 1, col: 1 });
    expect(moveCursor({ row: 1, col: 1 }, { kind: 'rowEnd' }, 3, [false, true, true, false])).toEqual({ row: 1, col: 2 });
  });

  it('advances to the next working day after typing, and stays at the end', () => {
    expect(advance({ row: 0, col: 0 }, editable)).toEqual({ row: 0, col: 2 });
    expect(advance({ row: 0, col: 3 }, editable)).toEqual({ row: 0, col: 3 });
  });

  it('clamps a cursor into the grid and off holiday columns', () => {
    expect(clampCursor({ row: 9, col: 1 }, 3, editable)).toEqual({ row: 2, col: 2 });
    expect(clampCursor({ row: 0, col: 7 }, 3, [true, true, false])).toEqual({ row: 0, col: 1 });
  });
});
