import { describe, expect, it } from 'vitest';
import { MAX_REPORTED_ISSUES, type JsonIssue } from './format';
import { parseActivity, parseActivityText } from './parse';

function doc(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'congvu.activity/1',
    tasks: [
      {
        id: 't1',
        title: 'Báo cáo kết quả hỗ trợ Covid-19',
        assigneeId: 'p001',
        assignedAt: '2021-07-19T08:05:00+07:00',
        dueDate: '2021-07-23',
        finishedAt: '2021-07-22T15:40:00+07:00',
      },
      { id: 't2', title: 'Tờ trình', assigneeId: 'p002', assignedAt: '2021-07-19T08:05:00' },
    ],
    actions: [{ taskId: 't1', personId: 'p001', at: '2021-07-20T09:12:00+07:00', kind: 'comment' }],
    ...extra,
  };
}

function issues(json: unknown): JsonIssue[] {
  const r = parseActivity(json);
  if (r.ok) throw new Error('expected issues');
  return r.issues;
}

describe('parseActivity', () => {
  it('accepts the example of the format and returns it', () => {
    const r = parseActivity(doc());
    expect(r).toEqual({ ok: true, value: doc() });
  });

  it('reads a null dueDate or finishedAt as absent', () => {
    const d = doc();
    (d.tasks as Record<string, unknown>[])[1].finishedAt = null;
    (d.tasks as Record<string, unknown>[])[1].dueDate = null;
    const r = parseActivity(d);
    expect(r.ok && r.value.tasks[1]).toEqual({ id: 't2', title: 'Tờ trình', assigneeId: 'p002', assignedAt: '2021-07-19T08:05:00' });
  });

  it('rejects unknown fields at every level, with their path', () => {
    const d = doc({ source: 'TDO' });
    (d.tasks as Record<string, unknown>[])[1].priority = 1;
    (d.actions as Record<string, unknown>[])[0]['ghi chú'] = 'x';
    const list = issues(d);
    expect(list.map((i) => i.path)).toEqual(['$.source', '$.tasks[1].priority', '$.actions[0]["ghi chú"]']);
    expect(list[0].message).toContain('không có trong định dạng congvu.activity/1');
  });

  it('names the path of missing and badly typed fields, with Vietnamese messages', () => {
    const d = doc();
    d.tasks = [{ id: '', title: 5, assignedAt: '20/07/2021', dueDate: '2021-02-30', finishedAt: 'x' }];
    d.actions = [{ taskId: 't1', personId: 7, at: '2021-07-20', kind: '' }, 'x'];
    const list = issues(d);
    expect(list).toContainEqual({ path: '$.tasks[0].id', message: 'Không được để trống' });
    expect(list.map((i) => i.path)).toEqual([
      '$.tasks[0].id',
      '$.tasks[0].assigneeId',
      '$.tasks[0].title',
      '$.tasks[0].assignedAt',
      '$.tasks[0].dueDate',
      '$.tasks[0].finishedAt',
      '$.actions[0].taskId',
      '$.actions[0].personId',
      '$.actions[0].at',
      '$.actions[0].kind',
      '$.actions[1]',
    ]);
    expect(list.find((i) => i.path === '$.tasks[0].assigneeId')?.message).toBe('Thiếu trường bắt buộc "assigneeId"');
    expect(list.find((i) => i.path === '$.tasks[0].assignedAt')?.message).toMatch(/^Thời gian không hợp lệ "20\/07\/2021": cần thời gian ISO 8601/);
    expect(list.find((i) => i.path === '$.tasks[0].dueDate')?.message).toMatch(/^Ngày không hợp lệ "2021-02-30"/);
  });

  it('rejects a wrong format, missing arrays and a non-object document', () => {
    expect(issues({ format: 'congvu.activity/2', tasks: [], actions: [] })).toEqual([
      { path: '$.format', message: 'Định dạng phải là "congvu.activity/1", không phải chuỗi "congvu.activity/2"' },
    ]);
    expect(issues({ format: 'congvu.activity/1' }).map((i) => i.path)).toEqual(['$.tasks', '$.actions']);
    expect(issues({ format: 'congvu.activity/1', tasks: {}, actions: [] }).map((i) => i.path)).toEqual(['$.tasks']);
    expect(issues([]).map((i) => i.path)).toEqual(['$']);
  });

  it('rejects an action on a task that is not in "tasks"', () => {
    const d = doc({ actions: [{ taskId: 't9', personId: 'p001', at: '2021-07-20T09:12:00+07:00', kind: 'comment' }] });
    expect(issues(d)).toEqual([{ path: '$.actions[0].taskId', message: 'Không có công việc nào có mã "t9" trong "tasks"' }]);
  });

  it('rejects duplicate task ids', () => {
    const d = doc();
    (d.tasks as Record<string, unknown>[])[1].id = 't1';
    expect(issues(d)).toEqual([{ path: '$.tasks[1].id', message: 'Mã công việc "t1" bị trùng (đã có ở $.tasks[0])' }]);
  });

  it('accepts finishedAt before assignedAt (clocks of two systems differ) with a warning, comparing instants', () => {
    const d = doc();
    const t = (d.tasks as Record<string, unknown>[])[1];
    t.assignedAt = '2021-07-20T08:00:00+07:00';
    t.finishedAt = '2021-07-20T00:59:00Z'; // 07:59 in Vietnam
    const r = parseActivity(d);
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.tasks[1]!.finishedAt).toBe('2021-07-20T00:59:00Z');
    expect(r.ok && r.warnings?.map((w) => w.path)).toEqual(['$.tasks[1].finishedAt']);
    expect(r.ok && r.warnings?.[0]?.message).toContain('vẫn tính theo ngày giao và ngày hoàn thành');
    t.finishedAt = '2021-07-20T01:00:00Z'; // 08:00 in Vietnam: same instant, no warning
    const same = parseActivity(d);
    expect(same.ok && same.warnings).toBeUndefined();
  });

  it('returns nothing when anything is wrong (all-or-nothing)', () => {
    const d = doc();
    (d.actions as Record<string, unknown>[]).push({ taskId: 't1', personId: 'p001', at: 'bad', kind: 'view' });
    const r = parseActivity(d);
    expect(r.ok).toBe(false);
    expect('value' in r).toBe(false);
  });

  it('lists at most MAX_REPORTED_ISSUES issues and counts the others', () => {
    const actions = Array.from({ length: 250 }, () => ({ taskId: 't1', personId: 'p001', at: 'x', kind: 'view' }));
    const r = parseActivity(doc({ actions }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toHaveLength(MAX_REPORTED_ISSUES);
      expect(r.omitted).toBe(250 - MAX_REPORTED_ISSUES);
    }
  });
});

describe('parseActivityText', () => {
  it('skips a BOM and parses', () => {
    expect(parseActivityText(`\uFEFF${JSON.stringify(doc())}`).ok).toBe(true);
  });

  it('reports a syntax error at $', () => {
    const r = parseActivityText('{"format": ');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0].path).toBe('$');
      expect(r.issues[0].message).toMatch(/^Không phải JSON hợp lệ: /);
    }
  });
});
