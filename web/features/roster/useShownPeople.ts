/** The people a unit's roster shows: the search by name and the desktop grid's pages of GRID_PAGE_SIZE people. */
import { useMemo, useState } from 'react';
import type { UnitGridResponse } from '../../../shared/contracts/roster';
import { groupByRole } from './grid';
import { filterByName, pageOf } from './search';

/** People per page of the desktop grid. */
export const GRID_PAGE_SIZE = 50;

export function useShownPeople(grid: UnitGridResponse) {
  // Search by name (accent-insensitive): the grid or the day view shows the matching people only.
  const [query, setQueryText] = useState('');
  const shownPeople = useMemo(() => filterByName(grid.people, query), [grid.people, query]);
  const shownGrid = useMemo(() => (shownPeople.length === grid.people.length ? grid : { ...grid, people: shownPeople }), [grid, shownPeople]);
  // The desktop grid in pages of GRID_PAGE_SIZE people, in the grid's order (leaders first): a large unit
  // stays a screen or two tall; a violation shown turns to the page of its person.
  const ordered = useMemo(() => groupByRole(shownPeople).flatMap((g) => g.people), [shownPeople]);
  const [gridPage, setGridPage] = useState(0);
  /** Another search: the grid back to its first page. */
  const setQuery = (q: string) => {
    setQueryText(q);
    setGridPage(0);
  };
  const gridShown = pageOf(ordered, gridPage, GRID_PAGE_SIZE);
  const pagedGrid = useMemo(() => (gridShown.pages > 1 ? { ...shownGrid, people: gridShown.items } : shownGrid), [shownGrid, gridShown.pages, gridShown.items]);
  return { query, setQuery, shownPeople, shownGrid, ordered, setGridPage, gridShown, pagedGrid };
}
