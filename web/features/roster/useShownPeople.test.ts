// @vitest-environment happy-dom
/** The people the roster editor shows: search by name, pages of GRID_PAGE_SIZE in the grid's order (leaders first), a new search back to page 1. */
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { UnitGridResponse } from '../../../shared/contracts/roster';
import { GRID_PAGE_SIZE, useShownPeople } from './useShownPeople';

afterEach(cleanup);

type GridPerson = UnitGridResponse['people'][number];

const staff = (i: number): GridPerson => ({ id: `p${i}`, fullName: `Nguyễn Văn Số ${i}`, role: 'staff', canWorkFromHome: true });
const head: GridPerson = { id: 'head', fullName: 'Trần Thị Hà', role: 'head', canWorkFromHome: true };

function gridOf(people: GridPerson[]): UnitGridResponse {
  return { people } as unknown as UnitGridResponse;
}

describe('useShownPeople', () => {
  it('pages the grid by GRID_PAGE_SIZE with the leaders first; one page keeps the grid as it is', () => {
    const people = [...Array.from({ length: GRID_PAGE_SIZE + 10 }, (_, i) => staff(i)), head];
    const { result } = renderHook(() => useShownPeople(gridOf(people)));
    expect(result.current.gridShown.pages).toBe(2);
    expect(result.current.pagedGrid.people).toHaveLength(GRID_PAGE_SIZE);
    expect(result.current.pagedGrid.people[0]!.id).toBe('head');
    act(() => result.current.setGridPage(1));
    expect(result.current.pagedGrid.people.map((p) => p.id)).toEqual(people.slice(GRID_PAGE_SIZE - 1, GRID_PAGE_SIZE + 10).map((p) => p.id));

    const small = gridOf([staff(1), staff(2)]);
    const one = renderHook(() => useShownPeople(small));
    expect(one.result.current.pagedGrid).toBe(small);
    expect(one.result.current.shownGrid).toBe(small);
  });

  it('shows the people whose name matches without accents, and a new search turns back to the first page', () => {
    const people = [...Array.from({ length: GRID_PAGE_SIZE + 10 }, (_, i) => staff(i)), head];
    const { result } = renderHook(() => useShownPeople(gridOf(people)));
    act(() => result.current.setGridPage(1));
    expect(result.current.gridShown.page).toBe(1);
    act(() => result.current.setQuery('tran thi ha'));
    expect(result.current.query).toBe('tran thi ha');
    expect(result.current.shownPeople.map((p) => p.id)).toEqual(['head']);
    expect(result.current.shownGrid.people.map((p) => p.id)).toEqual(['head']);
    expect(result.current.gridShown.page).toBe(0);
  });
});
