import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnLetter, csvCell, formatCsvIssue, parseActivityCsv, readCsv, writeActivityCsv } from './csv';
import type { Activity, ActivityTask, CsvIssue } from './format';

const TASKS = [
  'id,title,assigneeId,assignedAt,dueDate,finishedAt',
  't1,"Báo cáo kết quả hỗ trợ Covid-19, đợt 2",p001,2021-07-19T08:05:00+07:00,2021-07-23,2021-07-22T15:40:00+07:00',
  't2,"Tờ trình ""khẩn""",p002,2021-07-19 08:05,,',
].join('\r\n');
const ACTIONS = ['taskId,personId,at,kind', 't1,p001,2021-07-20T09:12:00+07:00,comment', 't2,p002,2021-07-20T23:30:00+00:00,view', ''].join('\n');

const EXPECTED: Activity = {
  format: 'congvu.activity/1',
  tasks: [
    {
      id: 't1',
      title: 'Báo cáo kết quả hỗ trợ Covid-19, đợt 2',
      assigneeId: 'p001',
      assignedAt: '2021-07-19T08:05:00+07:00',
      dueDate: '2021-07-23',
      finishedAt: '2021-07-22T15:40:00+07:00',
    },
    { id: 't2', title: 'Tờ trình "khẩn"', assigneeId: 'p002', assignedAt: '2021-07-19 08:05' },
  ],
  actions: [
    { taskId: 't1', personId: 'p001', at: '2021-07-20T09:12:00+07:00', kind: 'comment' },
    { taskId: 't2', personId: 'p002', at: '2021-07-20T23:30:00+00:00', kind: 'view' },
  ],
};

function issues(tasks: string | Uint8Array, actions: string | Uint8Array): CsvIssue[] {
  const r = parseActivityCsv({ tasks, actions });
  if (r.ok) throw new Error('expected issues');
  return r.issues;
}

describe('readCsv', () => {
  const read = (text: string) => {
    const rows: [number, string[]][] = [];
    const err = readCsv(text, (cells, row) => rows.push([row, [...cells]]));
    return { rows, err };
  };

  it('reads RFC 4180 quoting: commas, doubled quotes, line breaks inside quotes, CRLF and LF', () => {
    const { rows, err } = read('a,"b,c","say ""hi""",\r\n"multi\r\nline",x,"",y\nlast,1,2,3');
    expect(err).toBeNull();
    expect(rows).toEqual([
      [1, ['a', 'b,c', 'say "hi"', '']],
      [2, ['multi\r\nline', 'x', '', 'y']],
      [3, ['last', '1', '2', '3']],
    ]);
  });

  it('counts rows as records, not physical lines', () => {
    const { rows } = read('h1,h2\n"1\n2\n3",x\nnext,y\n');
    expect(rows.map(([row, cells]) => `${row}:${cells[0]}`)).toEqual(['1:h1', '2:1\n2\n3', '3:next']);
  });

  it('skips a leading BOM', () => {
    expect(read('\uFEFFid,title').rows).toEqual([[1, ['id', 'title']]]);
  });

  it('reports an unterminated quote, a stray quote and text after a closing quote, with row and column', () => {
    expect(read('a,b\nx,"open\n').err).toMatchObject({ row: 2, column: 1 });
    expect(read('a,b\nx,y"z\n').err).toMatchObject({ row: 2, column: 1 });
    expect(read('a,b\n"x"y,z\n').err).toMatchObject({ row: 2, column: 0 });
    expect(read('a,b\n"x"y,z\n').err?.message).toContain('Sau dấu ngoặc kép đóng');
  });
});

describe('parseActivityCsv', () => {
  it('reads the CSV pair into the same structure as the JSON (BOM, CRLF, quotes, empty optional cells)', () => {
    expect(parseActivityCsv({ tasks: `\uFEFF${TASKS}`, actions: ACTIONS })).toEqual({ ok: true, value: EXPECTED });
  });

  it('reads bytes as UTF-8, with or without BOM', () => {
    const enc = new TextEncoder();
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(TASKS)]);
    expect(parseActivityCsv({ tasks: bom, actions: enc.encode(ACTIONS) })).toEqual({ ok: true, value: EXPECTED });
  });

  it('rejects bytes that are not UTF-8 (e.g. a file saved as Windows-1258)', () => {
    const bad = new Uint8Array([...new TextEncoder().encode(`${TASKS}\r\nt3,T`), 0xe0, 0x0a]);
    const list = issues(bad, ACTIONS);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ file: 'tasks.csv', row: null, column: null });
    expect(list[0].message).toContain('không phải văn bản UTF-8');
    expect(list[0].message).toContain('gần dòng 4');
  });

  it('accepts columns in any order and leaves out the optional dueDate and finishedAt columns', () => {
    const r = parseActivityCsv({
      tasks: 'assigneeId,id,assignedAt,title\np001,t1,2021-07-19T08:00:00,Việc 1\n',
      actions: 'kind,at,personId,taskId\nfinish,2021-07-20T08:00:00,p001,t1\n',
    });
    expect(r).toEqual({
      ok: true,
      value: {
        format: 'congvu.activity/1',
        tasks: [{ id: 't1', title: 'Việc 1', assigneeId: 'p001', assignedAt: '2021-07-19T08:00:00' }],
        actions: [{ taskId: 't1', personId: 'p001', at: '2021-07-20T08:00:00', kind: 'finish' }],
      },
    });
  });

  it('reads a task finished before it was assigned (clocks of two systems differ) and warns with file, row and column', () => {
    const r = parseActivityCsv({
      tasks: 'id,title,assigneeId,assignedAt,finishedAt\nt1,Việc 1,p001,2021-07-19T08:00:00,2021-07-19T07:58:00\nt2,Việc 2,p001,2021-07-19T08:00:00,\n',
      actions: 'taskId,personId,at,kind\nt1,p001,2021-07-19T09:00:00,finish\n',
    });
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.tasks.map((t) => t.finishedAt)).toEqual(['2021-07-19T07:58:00', undefined]);
    expect(r.ok && r.warnings).toEqual([
      { file: 'tasks.csv', row: 2, column: 'E (finishedAt)', message: expect.stringContaining('trước thời điểm giao việc "2021-07-19T08:00:00"') },
    ]);
  });

  it('names file, spreadsheet row (header = 1) and column of each bad cell', () => {
    const tasks = [
      'id,title,assigneeId,assignedAt,dueDate,finishedAt',
      't1,"Một việc',
      'nhiều dòng",p001,2021-07-19T08:00:00,,',
      't2,Việc 2,,20/07/2021 08:00,2021-07-32,',
      't1,Việc 3,p003,2021-07-19T08:00:00,,2021-07-18T08:00:00',
    ].join('\n');
    const actions = ['taskId,personId,at,kind', 't1,p001,2021-07-20T09:00:00,', 't9,p001,2021-07-20T09:00:00,comment', ',,,'].join('\n');
    const list = issues(tasks, actions);
    expect(list.map((i) => formatCsvIssue(i).replace(/:.*$/s, ''))).toEqual([
      'tasks.csv, dòng 3, cột C (assigneeId)',
      'tasks.csv, dòng 3, cột D (assignedAt)',
      'tasks.csv, dòng 3, cột E (dueDate)',
      'tasks.csv, dòng 4, cột A (id)',
      'actions.csv, dòng 2, cột D (kind)',
      'actions.csv, dòng 3, cột A (taskId)',
      'actions.csv, dòng 4, cột A (taskId)',
      'actions.csv, dòng 4, cột B (personId)',
      'actions.csv, dòng 4, cột C (at)',
      'actions.csv, dòng 4, cột D (kind)',
    ]);
    expect(formatCsvIssue(list[3])).toBe('tasks.csv, dòng 4, cột A (id): Mã công việc "t1" bị trùng (đã có ở dòng 2)');
    expect(formatCsvIssue(list[5])).toBe('actions.csv, dòng 3, cột A (taskId): Không có công việc nào có mã "t9" trong tasks.csv');
  });

  it('uses the given file names in messages', () => {
    const r = parseActivityCsv(
      { tasks: TASKS, actions: 'taskId,personId,at,kind\nt7,p,2021-07-20T09:00:00,view\n' },
      { tasks: 'td/tasks-0720.csv', actions: 'td/actions-0720.csv' },
    );
    expect(!r.ok && r.issues[0]).toMatchObject({ file: 'td/actions-0720.csv', row: 2, column: 'A (taskId)' });
    expect(!r.ok && r.issues[0].message).toContain('td/tasks-0720.csv');
  });

  it('rejects a row whose cell count differs from the header', () => {
    const list = issues(TASKS, 'taskId,personId,at,kind\nt1,p001,2021-07-20T09:12:00+07:00,comment,extra\n');
    expect(list).toEqual([
      { file: 'actions.csv', row: 2, column: null, message: 'Dòng có 5 ô nhưng dòng tiêu đề có 4 cột (ô có dấu phẩy phải được bao trong dấu ngoặc kép)' },
    ]);
  });

  it('checks the header: unknown, duplicate and missing columns, empty file', () => {
    const list = issues('id,title,assignee,assignedAt,title\n', '');
    expect(list.map((i) => [i.file, i.row, i.column])).toEqual([
      ['tasks.csv', 1, 'C (assignee)'],
      ['tasks.csv', 1, 'E (title)'],
      ['tasks.csv', 1, null],
      ['actions.csv', 1, null],
    ]);
    expect(list[2].message).toBe('Thiếu cột "assigneeId" trong dòng tiêu đề (cần: id,title,assigneeId,assignedAt,dueDate,finishedAt)');
    expect(list[3].message).toContain('Tệp trống');
  });

  it('reports a CSV syntax error with its row and column and stops reading that file', () => {
    const list = issues(TASKS, 'taskId,personId,at,kind\nt1,p001,2021-07-20T09:12:00+07:00,"comment\n');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ file: 'actions.csv', row: 2, column: 'D (kind)' });
  });

  it('does not flood unknown-task errors when tasks.csv itself cannot be read', () => {
    const list = issues('id,title\n', ACTIONS);
    expect(list.every((i) => i.file === 'tasks.csv')).toBe(true);
  });

  it('returns nothing when anything is wrong (all-or-nothing)', () => {
    const r = parseActivityCsv({ tasks: TASKS, actions: `${ACTIONS}t1,p001,hôm qua,comment\n` });
    expect(r.ok).toBe(false);
    expect('value' in r).toBe(false);
  });
});

describe('writeActivityCsv', () => {
  it('writes a BOM, a header, CRLF line ends and quotes only cells that need it', () => {
    const out = writeActivityCsv(EXPECTED);
    expect(out.tasks).toBe(
      '\uFEFFid,title,assigneeId,assignedAt,dueDate,finishedAt\r\n' +
        't1,"Báo cáo kết quả hỗ trợ Covid-19, đợt 2",p001,2021-07-19T08:05:00+07:00,2021-07-23,2021-07-22T15:40:00+07:00\r\n' +
        't2,"Tờ trình ""khẩn""",p002,2021-07-19 08:05,,\r\n',
    );
    expect(out.actions).toBe('\uFEFFtaskId,personId,at,kind\r\nt1,p001,2021-07-20T09:12:00+07:00,comment\r\nt2,p002,2021-07-20T23:30:00+00:00,view\r\n');
    expect(writeActivityCsv(EXPECTED, { bom: false }).tasks.startsWith('id,')).toBe(true);
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a"b')).toBe('"a""b"');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('a\rb')).toBe('"a\rb"');
    expect(csvCell('Giao việc')).toBe('Giao việc');
  });

  it('round-trips any activity document through parseActivityCsv', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Ư', 'ệ', ',', '"', '\n', '\r', ' ', '0', '\t', '😀'), maxLength: 12 });
    const id = text.filter((s) => s.length > 0);
    const time = fc.constantFrom('2021-07-19T08:05:00+07:00', '2021-07-20T23:30:00Z', '2021-07-21 09:00', '2021-07-22T10:00:00.5-03:30');
    const taskArb = fc.record(
      {
        title: text,
        assigneeId: id,
        assignedAt: time,
        dueDate: fc.constantFrom('2021-07-23', '2021-08-02'),
        finishedAt: fc.constant('2021-07-23T10:00:00+07:00'),
      },
      { requiredKeys: ['title', 'assigneeId', 'assignedAt'] },
    );
    const activityArb = fc
      .uniqueArray(id, { minLength: 1, maxLength: 6 })
      .chain((ids) =>
        fc.record({
          tasks: fc.tuple(...ids.map((tid) => taskArb.map((t): ActivityTask => ({ id: tid, ...t })))),
          actions: fc.array(fc.record({ taskId: fc.constantFrom(...ids), personId: id, at: time, kind: id }), { maxLength: 8 }),
        }),
      )
      .map(({ tasks, actions }): Activity => ({ format: 'congvu.activity/1', tasks, actions }));
    fc.assert(
      fc.property(activityArb, fc.boolean(), (a, bom) => {
        const files = writeActivityCsv(a, { bom });
        expect(parseActivityCsv(files)).toEqual({ ok: true, value: a });
      }),
      { numRuns: 300 },
    );
  });
});

describe('columnLetter', () => {
  it('names columns like a spreadsheet', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('readCsv on files that are not the expected CSV', () => {
  it('reads a file without commas as one cell per row', () => {
    const seen: string[][] = [];
    expect(readCsv('x\r\ny\n\nz', (cells) => seen.push([...cells]))).toBeNull();
    expect(seen).toEqual([['x'], ['y'], [''], ['z']]);
  });
});
