/**
 * A roster's assignments as columns (a worker thread builds them from a big file and hands them over
 * without copying millions of objects). Pure. Order is kept: where a person has two assignments on a
 * day, the later one counts, as with the array.
 */
import { dayNumber, isIsoDate } from '../dates';
import type { Roster } from './format';

/** `day` of an assignment whose date is not a calendar date. */
export const NO_DAY = -2147483648;

export interface CompactRoster {
  count: number;
  /** Assignment i is of `personKeys[personRef[i]]`. */
  personKeys: string[];
  personRef: Int32Array;
  /** Day number (days since 1970-01-01) of assignment i, or NO_DAY. */
  day: Int32Array;
  /** 1 when assignment i is `wfh`. */
  wfh: Uint8Array;
}

export function compactRoster(roster: Roster): CompactRoster {
  const n = roster.assignments.length;
  const personKeys: string[] = [];
  const index = new Map<string, number>();
  const personRef = new Int32Array(n);
  const day = new Int32Array(n);
  const wfh = new Uint8Array(n);
  const days = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const a = roster.assignments[i]!;
    let k = index.get(a.personId);
    if (k === undefined) {
      k = personKeys.length;
      personKeys.push(a.personId);
      index.set(a.personId, k);
    }
    personRef[i] = k;
    let d = days.get(a.date);
    if (d === undefined) {
      d = isIsoDate(a.date) ? dayNumber(a.date) : NO_DAY;
      days.set(a.date, d);
    }
    day[i] = d;
    wfh[i] = a.mode === 'wfh' ? 1 : 0;
  }
  return { count: n, personKeys, personRef, day, wfh };
}
