import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import type { Assignment, Mode, Person, ResolvedInstance, Roster } from '../roster/format';
import { computeAppendix2 } from './appendix2';
import { timeBytesToUtcMinutes, timeToUtcMinutes } from './format';
import { parseActivityText } from './parse';
import { scanActivity, scanActivitySteps } from './scan';
import { compactRoster } from '../roster/compact';

const enc = new TextEncoder();
const bytes = (s: string) => enc.encode(s);

const WEEK = ['2021-07-19', '2021-07-20', '2021-07-21', '2021-07-22', '2021-07-23'];
const PEOPLE = ['p1', 'p2', 'p3', 'p4', 'Nguyễn-5', 'p6'];

function instance(): ResolvedInstance {
  const people: Person[] = PEOPLE.map((id, i) => ({ id, name: `Người ${i}`, unitId: i % 2 ? 'u2' : 'u1', role: 'staff', canWorkFromHome: true }));
  return {
    format: 'congvu.roster/1',
    period: { from: '2021-07-19', to: '2021-07-23' },
    workdays: WEEK,
    agencies: [{ id: 'snv', name: 'Sở Nội vụ' }],
    units: [
      { id: 'u1', agencyId: 'snv', name: 'Văn phòng Sở', kind: 'office' },
      { id: 'u2', agencyId: 'snv', name: 'Phòng Công chức', kind: 'department' },
    ],
    people,
    policy: {},
  };
}

function roster(rand: () => number): Roster {
  const modes: Mode[] = ['wfh', 'wfh', 'onsite', 'leave'];
  const assignments: Assignment[] = [];
  for (const personId of PEOPLE) for (const date of WEEK) assignments.push({ personId, date, mode: modes[Math.floor(rand() * modes.length)]! });
  return { format: 'congvu.assignments/1', assignments };
}

/** A random valid activity document written in varied but valid JSON (spacing, key order, escapes, BOM). */
function randomDocument(rand: () => number): string {
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)]!;
  const ws = () => pick(['', ' ', '\n  ', '\t', '\r\n']);
  const str = (s: string) => {
    // Sometimes an escape for a letter, or \u for every character: the same string for JSON.
    const r = rand();
    if (r < 0.1) return `"${[...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`;
    if (r < 0.15) return JSON.stringify(s).replace('p', '\\u0070');
    return JSON.stringify(s);
  };
  const obj = (fields: [string, string][]) => {
    const shuffled = [...fields].sort(() => rand() - 0.5);
    return `{${ws()}${shuffled.map(([k, v]) => `${JSON.stringify(k)}${ws()}:${ws()}${v}`).join(`,${ws()}`)}${ws()}}`;
  };
  const times = [
    '2021-07-19T08:05:00+07:00',
    '2021-07-20T09:12',
    '2021-07-21 14:30:15.250',
    '2021-07-22T01:59:00Z',
    '2021-07-22T17:00:00Z',
    '2021-07-23T10:00:00+0700',
    '2021-07-18T23:59:59-01',
  ];
  const kinds = ['view', 'comment', 'status', 'xử lý', 'finish', 'view', 'vie', 'views'];
  const tasks: string[] = [];
  const ids: string[] = [];
  const nTasks = 1 + Math.floor(rand() * 12);
  for (let t = 0; t < nTasks; t++) {
    const id = `t${t}${rand() < 0.2 ? 'ă' : ''}`;
    ids.push(id);
    const fields: [string, string][] = [
      ['id', str(id)],
      ['title', str(`Công việc "số" ${t}`)],
      ['assigneeId', str(pick(PEOPLE))],
      ['assignedAt', str(pick(times.slice(0, 3)))],
    ];
    if (rand() < 0.5) fields.push(['dueDate', rand() < 0.3 ? 'null' : str('2021-07-30')]);
    if (rand() < 0.4) fields.push(['finishedAt', str(pick(times.slice(3, 6)))]);
    tasks.push(obj(fields));
  }
  const actions: string[] = [];
  const nActions = Math.floor(rand() * 40);
  for (let a = 0; a < nActions; a++) {
    actions.push(
      obj([
        ['taskId', str(pick(ids))],
        ['personId', str(pick(PEOPLE))],
        ['at', str(pick(times))],
        ['kind', str(pick(kinds))],
      ]),
    );
  }
  const root: [string, string][] = [
    ['format', str('congvu.activity/1')],
    ['tasks', `[${ws()}${tasks.join(`,${ws()}`)}${ws()}]`],
    ['actions', `[${ws()}${actions.join(`,${ws()}`)}${ws()}]`],
  ];
  return `${rand() < 0.2 ? '\uFEFF' : ''}${ws()}${obj(root)}${ws()}`;
}

describe('timeBytesToUtcMinutes', () => {
  it('reads bytes exactly as timeToUtcMinutes reads the string, valid or not', () => {
    const rand = mulberry32(7);
    const samples = [
      '2021-07-20T09:12:00+07:00',
      '2021-07-20T09:12',
      '2021-07-20 09:12:30.5Z',
      '2024-02-29T00:00-0530',
      '2021-02-29T00:00',
      '2021-07-20T24:00',
      '2021-07-20T09:12:00+07',
      '2021-07-20T09:12:00+07:0',
      '2021-07-20T09:12:60',
      '2021-07-20T09:12:00.',
      '2021-07-20',
    ];
    const chars = '0123456789-:T Z+.';
    for (let k = 0; k < 20000; k++) {
      let s = samples[k % samples.length]!;
      // Mutate: replace, drop or add a character.
      const m = Math.floor(rand() * 4);
      const at = Math.floor(rand() * (s.length + 1));
      const c = chars[Math.floor(rand() * chars.length)]!;
      if (m === 1) s = s.slice(0, at) + c + s.slice(at + 1);
      else if (m === 2) s = s.slice(0, at) + s.slice(at + 1);
      else if (m === 3) s = s.slice(0, at) + c + s.slice(at);
      // Inside a bigger buffer, with a quote after it as in a JSON file.
      const b = bytes(`xx"${s}"yy`);
      expect(timeBytesToUtcMinutes(b, 3, 3 + s.length), s).toEqual(timeToUtcMinutes(s));
    }
  });
});

describe('scanActivity (big files read from their bytes)', () => {
  it('gives the same Phụ lục 2 as JSON.parse + parseActivity on 400 random documents (and with the roster in columns)', () => {
    const rand = mulberry32(2021);
    let scanned = 0;
    for (let k = 0; k < 400; k++) {
      const doc = randomDocument(rand);
      const ordinary = parseActivityText(doc);
      expect(ordinary.ok, doc).toBe(true);
      if (!ordinary.ok) continue;
      const fast = scanActivity(bytes(doc));
      expect(fast, doc).not.toBeNull();
      scanned++;
      const inst = instance();
      const r = roster(rand);
      // A later assignment of the same person and day counts; a stranger is ignored.
      r.assignments.push({ personId: 'p1', date: '2021-07-20', mode: 'wfh' }, { personId: 'ghost', date: '2021-07-20', mode: 'wfh' });
      for (const [from, to] of [
        ['2021-07-19', '2021-07-23'],
        ['2021-07-21', '2021-07-21'],
      ] as const) {
        const expected = computeAppendix2({ instance: inst, roster: r, activity: ordinary.value, from, to });
        expect(computeAppendix2({ instance: inst, roster: r, activity: fast!, from, to })).toEqual(expected);
        expect(computeAppendix2({ instance: inst, roster: compactRoster(r), activity: fast!, from, to })).toEqual(expected);
      }
      expect(fast!.tasks).toEqual(ordinary.value.tasks);
      expect(fast!.compactActions.count).toBe(ordinary.value.actions.length);
    }
    expect(scanned).toBe(400);
  });

  it('scans a document while it arrives, never reading past the bytes that are there', () => {
    const rand = mulberry32(99);
    let long = 0;
    for (let k = 0; k < 60; k++) {
      const doc = bytes(randomDocument(rand));
      const whole = scanActivity(doc);
      // The buffer holds garbage where the document has not arrived yet.
      const buf = new Uint8Array(doc.length).fill(0xff);
      const arrival = { filled: 0, eof: false };
      const steps = scanActivitySteps(buf, arrival, undefined, 1000); // longer than any action here
      let waits = 0;
      for (;;) {
        const r = steps.next();
        if (r.done) {
          expect(r.value).toEqual(whole);
          break;
        }
        waits++;
        const next = Math.min(doc.length, arrival.filled + 1 + Math.floor(rand() * 90));
        buf.set(doc.subarray(arrival.filled, next), arrival.filled);
        arrival.filled = next;
        arrival.eof = next === doc.length;
      }
      if (doc.length > 3000) {
        expect(waits).toBeGreaterThan(2);
        long++;
      }
    }
    expect(long).toBeGreaterThan(10);
  });

  it('counts processing: everything but exactly "view"', () => {
    const doc = `{"format":"congvu.activity/1","tasks":[{"id":"t1","title":"A","assigneeId":"p1","assignedAt":"2021-07-19T08:00"}],
      "actions":[{"taskId":"t1","personId":"p1","at":"2021-07-19T09:00","kind":"view"},{"taskId":"t1","personId":"p1","at":"2021-07-19T09:00","kind":"vi\\u0065w"},
                 {"taskId":"t1","personId":"p1","at":"2021-07-19T09:00","kind":"views"},{"taskId":"t1","personId":"p1","at":"2021-07-19T09:00","kind":"xử lý"}]}`;
    const r = scanActivity(bytes(doc))!;
    expect([...r.compactActions.processing]).toEqual([0, 0, 1, 1]);
    expect(r.compactActions.personKeys).toEqual(['p1']);
    expect(r.compactActions.taskKeys).toEqual(['t1']);
  });

  const valid = (actions: string, tasks = '[{"id":"t1","title":"A","assigneeId":"p1","assignedAt":"2021-07-19T08:00"}]') =>
    `{"format":"congvu.activity/1","tasks":${tasks},"actions":${actions}}`;
  const cases: [string, string][] = [
    ['an unknown root field', '{"format":"congvu.activity/1","tasks":[],"actions":[],"extra":1}'],
    ['a missing "actions"', '{"format":"congvu.activity/1","tasks":[]}'],
    ['another format', '{"format":"congvu.activity/2","tasks":[],"actions":[]}'],
    ['an unknown action field', valid('[{"taskId":"t1","personId":"p1","at":"2021-07-19T09:00","kind":"view","note":"x"}]')],
    ['a missing action field', valid('[{"taskId":"t1","personId":"p1","at":"2021-07-19T09:00"}]')],
    ['an empty person', valid('[{"taskId":"t1","personId":"","at":"2021-07-19T09:00","kind":"view"}]')],
    ['an empty kind', valid('[{"taskId":"t1","personId":"p1","at":"2021-07-19T09:00","kind":""}]')],
    ['a task that does not exist', valid('[{"taskId":"t9","personId":"p1","at":"2021-07-19T09:00","kind":"view"}]')],
    ['a bad time', valid('[{"taskId":"t1","personId":"p1","at":"2021-07-32T09:00","kind":"view"}]')],
    ['a number for a string', valid('[{"taskId":"t1","personId":1,"at":"2021-07-19T09:00","kind":"view"}]')],
    ['a trailing comma', valid('[{"taskId":"t1","personId":"p1","at":"2021-07-19T09:00","kind":"view"},]')],
    ['garbage after the document', `${valid('[]')} x`],
    ['a control character in a string', valid('[{"taskId":"t1","personId":"p\u00011","at":"2021-07-19T09:00","kind":"view"}]')],
    ['a truncated document', valid('[{"taskId":"t1","personId":"p1","at":"2021-07-19T09:00","kind":"view"}]').slice(0, -3)],
    ['a bad task', valid('[]', '[{"id":"t1","title":"A","assigneeId":"p1","assignedAt":"hôm qua"}]')],
    ['tasks that are not JSON', valid('[]', '[{"id":"t1",}]')],
    ['a bad escape', valid('[{"taskId":"t1","personId":"p\\x1","at":"2021-07-19T09:00","kind":"view"}]')],
  ];
  it.each(cases)('leaves a document with %s to the ordinary path (which reports it)', (_what, doc) => {
    expect(scanActivity(bytes(doc))).toBeNull();
    expect(parseActivityText(doc).ok).toBe(false);
  });

  it('leaves invalid UTF-8 to the ordinary path', () => {
    const doc = bytes(valid('[{"taskId":"t1","personId":"pX","at":"2021-07-19T09:00","kind":"view"}]'));
    doc[doc.indexOf('X'.charCodeAt(0))] = 0xff;
    expect(scanActivity(doc)).toBeNull();
  });

  it('takes field names written with escapes to the ordinary path (valid, but not worth a fast path)', () => {
    const doc = valid('[{"\\u0074askId":"t1","personId":"p1","at":"2021-07-19T09:00","kind":"view"}]');
    expect(parseActivityText(doc).ok).toBe(true);
    expect(scanActivity(bytes(doc))).toBeNull();
  });

  it('takes a duplicated field to the ordinary path rather than guess which one counts', () => {
    expect(scanActivity(bytes(valid('[{"taskId":"t1","taskId":"t1","personId":"p1","at":"2021-07-19T09:00","kind":"view"}]')))).toBeNull();
  });
});
