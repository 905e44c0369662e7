import { describe, expect, it } from 'vitest';
import {
  cellAt,
  cellKey,
  cellMapOf,
  changedCells,
  fillColumn,
  fillRow,
  gridColumns,
  groupByRole,
  historyOf,
  isDirty,
  nextMode,
  parseCellKey,
  pushEdit,
  rebase,
  rosterOf,
  setModes,
  togglePin,
  undo,
} from './grid';

const D1 = '2021-07-19';
const D2 = '2021-07-20';
const D3 = '2021-07-21';
const base = cellMapOf([
  { personId: 'p1', date: D1, mode: 'onsite', pinned: false },
  { personId: 'p1', date: D2, mode: 'wfh', pinned: true },
  { personId: 'p2', date: D1, mode: 'wfh', pinned: false },
]);

describe('cell keys', () => {
  it('round-trips person ids that contain the separator character of dates', () => {
    expect(parseCellKey(cellKey('nt-snv-p022', D1))).toEqual({ personId: 'nt-snv-p022', date: D1 });
    expect(parseCellKey(cellKey('a|b', D2))).toEqual({ personId: 'a|b', date: D2 });
  });
});

describe('editing cells', () => {
  it('sets a mode, keeps the pin, and returns the same map when nothing changes', () => {
    const next = setModes(base, [cellKey('p1', D2)], 'leave');
    expect(cellAt(next, 'p1', D2)).toEqual({ mode: 'leave', pinned: true });
    expect(cellAt(base, 'p1', D2).mode).toBe('wfh');
    expect(setModes(base, [cellKey('p1', D1)], 'onsite')).toBe(base);
  });

  it('clearing a cell removes it (and its pin)', () => {
    const next = setModes(base, [cellKey('p1', D2)], null);
    expect(cellKey('p1', D2) in next).toBe(false);
    expect(cellAt(next, 'p1', D2)).toEqual({ mode: null, pinned: false });
  });

  it('pins only cells that have a mode', () => {
    expect(cellAt(togglePin(base, cellKey('p1', D1)), 'p1', D1).pinned).toBe(true);
    expect(cellAt(togglePin(base, cellKey('p1', D2)), 'p1', D2).pinned).toBe(false);
    expect(togglePin(base, cellKey('p3', D1))).toBe(base);
  });

  it('fills a row and a day without touching pinned cells', () => {
    const row = fillRow(base, 'p1', [D1, D2, D3], 'business_trip');
    expect([D1, D2, D3].map((d) => cellAt(row, 'p1', d).mode)).toEqual(['business_trip', 'wfh', 'business_trip']);
    const col = fillColumn(base, ['p1', 'p2', 'p3'], D2, 'onsite');
    expect(['p1', 'p2', 'p3'].map((p) => cellAt(col, p, D2).mode)).toEqual(['wfh', 'onsite', 'onsite']);
  });

  it('cycles empty → CQ → N → P → CT → empty', () => {
    const seen = [null as ReturnType<typeof nextMode>];
    for (let i = 0; i < 5; i++) seen.push(nextMode(seen[seen.length - 1]!));
    expect(seen).toEqual([null, 'onsite', 'wfh', 'leave', 'business_trip', null]);
  });
});

describe('cells to save', () => {
  it('lists only changed cells: new modes, pin changes and cleared cells (mode null)', () => {
    let cur = setModes(base, [cellKey('p2', D2)], 'onsite');
    cur = togglePin(cur, cellKey('p1', D1));
    cur = setModes(cur, [cellKey('p2', D1)], null);
    expect(changedCells(base, cur)).toEqual([
      { personId: 'p1', date: D1, mode: 'onsite', pinned: true },
      { personId: 'p2', date: D1, mode: null },
      { personId: 'p2', date: D2, mode: 'onsite', pinned: false },
    ]);
    expect(isDirty(base, cur)).toBe(true);
  });

  it('an edit undone by hand is not a change', () => {
    const cur = setModes(setModes(base, [cellKey('p1', D1)], 'wfh'), [cellKey('p1', D1)], 'onsite');
    expect(changedCells(base, cur)).toEqual([]);
    expect(isDirty(base, cur)).toBe(false);
  });
});

describe('rebase after a version conflict', () => {
  it('keeps every local edit on the newer version and reports the cells both changed', () => {
    const mine = setModes(setModes(base, [cellKey('p1', D1)], 'leave'), [cellKey('p2', D3)], 'wfh');
    // Someone else changed p1 D1 (to wfh) and p2 D2 (new), in the meantime.
    const theirs = setModes(setModes(base, [cellKey('p1', D1)], 'wfh'), [cellKey('p2', D2)], 'onsite');
    const r = rebase(base, mine, theirs);
    expect(cellAt(r.cells, 'p1', D1).mode).toBe('leave');
    expect(cellAt(r.cells, 'p2', D3).mode).toBe('wfh');
    expect(cellAt(r.cells, 'p2', D2).mode).toBe('onsite');
    expect(r.overlapping).toEqual([cellKey('p1', D1)]);
    expect(r.kept).toBe(2);
    expect(changedCells(theirs, r.cells).map((c) => `${c.personId} ${c.date} ${c.mode}`)).toEqual([`p1 ${D1} leave`, `p2 ${D3} wfh`]);
  });

  it('without local edits it is just the newer version', () => {
    const theirs = setModes(base, [cellKey('p2', D2)], 'onsite');
    const r = rebase(base, base, theirs);
    expect(r.cells).toEqual(theirs);
    expect(r.kept).toBe(0);
  });
});

describe('grid layout', () => {
  it('adds weekday holidays as greyed columns in date order, not weekend ones', () => {
    const cols = gridColumns(
      ['2021-08-30', '2021-08-31', '2021-09-03'],
      [
        { date: '2021-09-01', name: 'Nghỉ Quốc khánh' },
        { date: '2021-09-02', name: 'Quốc khánh' },
        { date: '2021-09-04', name: 'Thứ Bảy' },
      ],
    );
    expect(cols.map((c) => [c.date, c.workday, c.holiday])).toEqual([
      ['2021-08-30', true, null],
      ['2021-08-31', true, null],
      ['2021-09-01', false, 'Nghỉ Quốc khánh'],
      ['2021-09-02', false, 'Quốc khánh'],
      ['2021-09-03', true, null],
    ]);
  });

  it('groups leaders first (agency and unit leaders), then staff, keeping the order', () => {
    const groups = groupByRole([
      { id: 'a', role: 'staff' as const },
      { id: 'b', role: 'head' as const },
      { id: 'c', role: 'director' as const },
      { id: 'd', role: 'staff' as const },
    ]);
    expect(groups.map((g) => [g.group, g.people.map((p) => p.id)])).toEqual([
      ['leaders', ['b', 'c']],
      ['staff', ['a', 'd']],
    ]);
  });

  it('turns the grid into roster assignments of the working days only', () => {
    const r = rosterOf(setModes(base, [cellKey('p1', '2021-07-24')], 'onsite'), [D1, D2]);
    expect(r.assignments.sort((a, b) => (a.personId + a.date < b.personId + b.date ? -1 : 1))).toEqual([
      { personId: 'p1', date: D1, mode: 'onsite' },
      { personId: 'p1', date: D2, mode: 'wfh' },
      { personId: 'p2', date: D1, mode: 'wfh' },
    ]);
  });
});

describe('undo history', () => {
  it('undoes edits in reverse order and ignores no-op edits', () => {
    let h = historyOf(base);
    const a = setModes(base, [cellKey('p1', D1)], 'wfh');
    h = pushEdit(h, a);
    h = pushEdit(h, a);
    const b = setModes(a, [cellKey('p2', D1)], 'leave');
    h = pushEdit(h, b);
    expect(h.past).toHaveLength(2);
    h = undo(h);
    expect(h.present).toBe(a);
    h = undo(undo(h));
    expect(h.present).toBe(base);
  });

  it('keeps at most the given number of steps', () => {
    let h = historyOf(base);
    for (let i = 0; i < 5; i++) h = pushEdit(h, setModes(h.present, [cellKey('p9', D1)], i % 2 ? 'wfh' : 'onsite'), 3);
    expect(h.past).toHaveLength(3);
  });
});
