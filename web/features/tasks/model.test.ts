import { describe, expect, it } from 'vitest';
import type { TaskDetail, TaskListItem } from '../../../shared/contracts/tasks';
import {
  actionsFor,
  allowedActions,
  assignFormOf,
  assignPayloadOf,
  assignScopes,
  attachmentProblem,
  byUrgency,
  csvKindOf,
  dueStateOf,
  EMPTY_ASSIGN_FORM,
  filtersFromParams,
  filtersToParams,
  foldVi,
  formatFileSize,
  importIssuesOf,
  jsonPathOfIssue,
  listQueryOf,
  nameMatches,
  peopleGroups,
  statusChangeOf,
  tabsFor,
  timelineLines,
  validateAssignForm,
  type GrantLike,
} from './model';

const staff: GrantLike = { role: 'staff', agencyId: 'snv', unitId: 'snv-vp' };
const head: GrantLike = { role: 'unit_head', agencyId: 'snv', unitId: 'snv-tcbm', unitName: 'Phòng TCBM' };
const director: GrantLike = { role: 'director', agencyId: 'snv', agencyName: 'Sở Nội vụ', unitId: null };
const office: GrantLike = { role: 'office', agencyId: 'snv', agencyName: 'Sở Nội vụ', unitId: null };
const it_: GrantLike = { role: 'it', agencyId: 'snv', agencyName: 'Sở Nội vụ', unitId: null };

function item(over: Partial<TaskListItem> = {}): TaskListItem {
  return {
    id: 't1',
    title: 'Báo cáo kết quả hỗ trợ Covid-19',
    status: 'assigned',
    statusLabel: 'Mới giao',
    priority: 'normal',
    dueDate: null,
    assignedAt: '2021-07-19T01:05:00.000Z',
    finishedAt: null,
    overdue: false,
    daysOverdue: 0,
    lead: { id: 'p1', fullName: 'Nguyễn Thị Tuyết' },
    coordinators: [],
    unit: { id: 'u1', name: 'Phòng TCBM' },
    agencyId: 'snv',
    source: 'app',
    commentCount: 0,
    attachmentCount: 0,
    myRoles: [],
    version: 1,
    ...over,
  };
}

describe('tabs and scopes from the grants', () => {
  it('gives staff only "Việc của tôi"', () => {
    expect(tabsFor([staff])).toEqual(['mine']);
  });
  it('adds "Việc tôi giao" and "Của đơn vị" for a unit head, "Của cơ quan" for a director', () => {
    expect(tabsFor([head, { ...staff, unitId: 'snv-tcbm' }])).toEqual(['mine', 'assigned', 'unit']);
    expect(tabsFor([director])).toEqual(['mine', 'assigned', 'agency']);
  });
  it('lets the Office read the agency but not assign', () => {
    expect(tabsFor([office])).toEqual(['mine', 'agency']);
  });
  it('assigns in the whole agency for a director, in their unit for a unit head (not twice)', () => {
    expect(assignScopes([director, head])).toEqual({ agencyIds: ['snv'], unitIds: [] });
    expect(assignScopes([head, { ...head }])).toEqual({ agencyIds: [], unitIds: ['snv-tcbm'] });
    expect(assignScopes([staff, office, it_])).toEqual({ agencyIds: [], unitIds: [] });
  });
});

describe('list filters, the address and the API query', () => {
  const tabs = ['mine', 'assigned', 'unit'] as const;
  it('reads the address, ignoring a tab the user does not have and bad values', () => {
    const f = filtersFromParams(new URLSearchParams('tab=agency&status=bogus&overdue=1&q=báo cáo&from=2021-07-19&to=19/07/2021&page=3'), [...tabs]);
    expect(f).toMatchObject({ tab: 'mine', status: '', overdue: true, q: 'báo cáo', from: '2021-07-19', to: '', page: 3 });
  });
  it('writes only what differs from the defaults, and reads it back the same', () => {
    expect(filtersToParams(filtersFromParams(new URLSearchParams(''), [...tabs])).toString()).toBe('');
    const f = filtersFromParams(new URLSearchParams('tab=unit&status=open&overdue=1&q=x&from=2021-07-19&page=2'), [...tabs]);
    expect(filtersFromParams(filtersToParams(f), [...tabs])).toEqual(f);
  });
  it('asks for the open statuses, the overdue flag, the page and the scope ids', () => {
    const f = { ...filtersFromParams(new URLSearchParams('tab=unit&status=open&overdue=1&page=2'), [...tabs]) };
    expect(listQueryOf(f, { unitId: 'u1', agencyId: 'a1' }, 50)).toEqual({
      scope: 'unit',
      unitId: 'u1',
      agencyId: undefined,
      status: 'assigned,received,in_progress',
      overdue: '1',
      q: undefined,
      from: undefined,
      to: undefined,
      limit: 50,
      offset: 50,
    });
  });
  it('swaps a reversed period and never sends the scope ids for "Việc của tôi"', () => {
    const f = { ...filtersFromParams(new URLSearchParams('from=2021-07-30&to=2021-07-19&status=done'), [...tabs]) };
    expect(listQueryOf(f, { unitId: 'u1' })).toMatchObject({ scope: 'mine', unitId: undefined, from: '2021-07-19', to: '2021-07-30', status: 'done' });
  });
});

describe('deadline state', () => {
  const today = '2021-07-23';
  it('is overdue from the day after the deadline, with the number of days', () => {
    expect(dueStateOf({ dueDate: '2021-07-20', status: 'in_progress' }, today)).toEqual({ kind: 'overdue', days: 3 });
    expect(dueStateOf({ dueDate: '2021-07-23', status: 'assigned' }, today)).toEqual({ kind: 'today' });
  });
  it('is never overdue once done, and says nothing without a deadline', () => {
    expect(dueStateOf({ dueDate: '2021-07-01', status: 'done' }, today)).toEqual({ kind: 'done' });
    expect(dueStateOf({ dueDate: null, status: 'assigned' }, today)).toEqual({ kind: 'none' });
  });
  it('counts down the last two days, then is just "later"', () => {
    expect(dueStateOf({ dueDate: '2021-07-24', status: 'received' }, today)).toEqual({ kind: 'soon', days: 1 });
    expect(dueStateOf({ dueDate: '2021-07-25', status: 'received' }, today)).toEqual({ kind: 'soon', days: 2 });
    expect(dueStateOf({ dueDate: '2021-07-26', status: 'received' }, today)).toEqual({ kind: 'later' });
  });
  it('orders by urgency: longest overdue first, then by deadline, no deadline last', () => {
    const list = [
      item({ id: 'none' }),
      item({ id: 'late', dueDate: '2021-07-30' }),
      item({ id: 'od1', dueDate: '2021-07-22', overdue: true, daysOverdue: 1 }),
      item({ id: 'soon', dueDate: '2021-07-24' }),
      item({ id: 'od5', dueDate: '2021-07-18', overdue: true, daysOverdue: 5 }),
    ];
    expect(list.sort(byUrgency).map((t) => t.id)).toEqual(['od5', 'od1', 'soon', 'late', 'none']);
  });
});

describe('actions a user may take', () => {
  it('lets the lead person receive, start, finish, and return at each open step', () => {
    expect(allowedActions(item({ status: 'assigned', myRoles: ['lead'] })).map((a) => a.kind)).toEqual(['receive', 'return']);
    expect(allowedActions(item({ status: 'received', myRoles: ['lead'] })).map((a) => a.kind)).toEqual(['start', 'return']);
    expect(allowedActions(item({ status: 'in_progress', myRoles: ['lead'] })).map((a) => a.kind)).toEqual(['finish', 'return']);
    expect(allowedActions(item({ status: 'done', myRoles: ['lead'] }))).toEqual([]);
  });
  it('lets the assigner (or a leader of the unit) reopen a returned task, and nothing else', () => {
    expect(allowedActions(item({ status: 'returned', myRoles: ['assigner'] })).map((a) => a.kind)).toEqual(['reopen']);
    expect(allowedActions(item({ status: 'returned', myRoles: [] }), true).map((a) => a.kind)).toEqual(['reopen']);
    expect(allowedActions(item({ status: 'in_progress', myRoles: ['assigner'] }))).toEqual([]);
  });
  it('gives coordinators no status action, and nobody any on an imported task', () => {
    expect(allowedActions(item({ status: 'assigned', myRoles: ['coordinator'] }))).toEqual([]);
    expect(allowedActions(item({ status: 'assigned', myRoles: ['lead'], source: 'import' }))).toEqual([]);
  });
  it('asks a reason to return, a confirmation to finish, and offers reassignment on reopen', () => {
    const [finish, ret] = actionsFor(['returned', 'done']);
    expect(finish).toMatchObject({ kind: 'finish', to: 'done', confirm: true, needsReason: false });
    expect(ret).toMatchObject({ kind: 'return', to: 'returned', needsReason: true });
    expect(actionsFor(['assigned'])[0]).toMatchObject({ kind: 'reopen', reassign: true });
  });
});

describe('status change body', () => {
  const task = { version: 4, lead: { id: 'p1', fullName: 'A' } } as Pick<TaskDetail, 'version' | 'lead'>;
  const [ret] = actionsFor(['returned']);
  const [reopen] = actionsFor(['assigned']);
  const [receive] = actionsFor(['received']);
  it('sends the version read', () => {
    expect(statusChangeOf(task, receive!, {}, '2021-07-20')).toEqual({ ok: true, body: { status: 'received', version: 4 } });
  });
  it('refuses a return without a reason of 3 characters, and trims it', () => {
    expect(statusChangeOf(task, ret!, { reason: '  x ' }, '2021-07-20')).toEqual({ ok: false, errors: { reason: 'reasonRequired' } });
    expect(statusChangeOf(task, ret!, { reason: '  Không thuộc chức năng  ' }, '2021-07-20')).toEqual({
      ok: true,
      body: { status: 'returned', version: 4, reason: 'Không thuộc chức năng' },
    });
  });
  it('sends a new lead and deadline on reopen only when they change, and refuses a past deadline', () => {
    expect(statusChangeOf(task, reopen!, { assigneeId: 'p1', dueDateText: '' }, '2021-07-20')).toEqual({ ok: true, body: { status: 'assigned', version: 4 } });
    expect(statusChangeOf(task, reopen!, { assigneeId: 'p2', dueDateText: '30/07/2021' }, '2021-07-20')).toEqual({
      ok: true,
      body: { status: 'assigned', version: 4, assigneeId: 'p2', dueDate: '2021-07-30' },
    });
    expect(statusChangeOf(task, reopen!, { dueDateText: '19/07/2021' }, '2021-07-20')).toEqual({ ok: false, errors: { dueDate: 'duePast' } });
    expect(statusChangeOf(task, reopen!, { dueDateText: '31/02/2021' }, '2021-07-20')).toEqual({ ok: false, errors: { dueDate: 'dueInvalid' } });
  });
});

describe('assign form ↔ payload', () => {
  const today = '2021-07-19';
  it('requires a title of 3 characters and a lead person; a deadline is optional but not in the past', () => {
    expect(validateAssignForm(EMPTY_ASSIGN_FORM, today)).toEqual({ title: 'titleRequired', assigneeId: 'assigneeRequired' });
    expect(validateAssignForm({ ...EMPTY_ASSIGN_FORM, title: 'ab', assigneeId: 'p1', dueDate: '18/07/2021' }, today)).toEqual({
      title: 'titleShort',
      dueDate: 'duePast',
    });
    expect(validateAssignForm({ ...EMPTY_ASSIGN_FORM, title: 'Báo cáo', assigneeId: 'p1', dueDate: '32/07/2021' }, today)).toEqual({ dueDate: 'dueInvalid' });
    expect(validateAssignForm({ ...EMPTY_ASSIGN_FORM, title: 'Báo cáo', assigneeId: 'p1', dueDate: '19/07/2021' }, today)).toEqual({});
  });
  it('refuses the lead person among the coordinators', () => {
    expect(validateAssignForm({ ...EMPTY_ASSIGN_FORM, title: 'Báo cáo', assigneeId: 'p1', coordinatorIds: ['p2', 'p1'] }, today)).toEqual({
      coordinatorIds: 'coordinatorIsLead',
    });
  });
  it('builds the API body: trimmed, ISO deadline, unique coordinators, empty parts left out', () => {
    expect(
      assignPayloadOf({
        title: '  Báo cáo tuần  ',
        description: '  ',
        assigneeId: 'p1',
        coordinatorIds: ['p2', 'p2', 'p3'],
        dueDate: '23/7/2021',
        priority: 'urgent',
      }),
    ).toEqual({
      title: 'Báo cáo tuần',
      assigneeId: 'p1',
      coordinatorIds: ['p2', 'p3'],
      dueDate: '2021-07-23',
      priority: 'urgent',
    });
    expect(assignPayloadOf({ ...EMPTY_ASSIGN_FORM, title: 'Họp', assigneeId: 'p1' })).toEqual({ title: 'Họp', assigneeId: 'p1', priority: 'normal' });
  });
  it('fills the form from a task (dd/mm/yyyy deadline, coordinators) and back to the same body', () => {
    const task = {
      title: 'Báo cáo',
      description: 'Nội dung',
      lead: { id: 'p1', fullName: 'A' },
      people: [
        { personId: 'p1', fullName: 'A', unitName: 'U', role: 'lead' as const },
        { personId: 'p2', fullName: 'B', unitName: 'U', role: 'coordinate' as const },
      ],
      dueDate: '2021-07-23',
      priority: 'high' as const,
    };
    const form = assignFormOf(task);
    expect(form).toEqual({ title: 'Báo cáo', description: 'Nội dung', assigneeId: 'p1', coordinatorIds: ['p2'], dueDate: '23/07/2021', priority: 'high' });
    expect(assignPayloadOf(form)).toEqual({
      title: 'Báo cáo',
      description: 'Nội dung',
      assigneeId: 'p1',
      coordinatorIds: ['p2'],
      dueDate: '2021-07-23',
      priority: 'high',
    });
  });
});

describe('timeline', () => {
  const entries: TaskDetail['timeline'] = [
    { id: 1, personId: 'p1', fullName: 'A', at: '2021-07-20T02:12:00.000Z', kind: 'view', kindLabel: 'Xem', body: null, data: null },
    {
      id: 2,
      personId: 'p1',
      fullName: 'A',
      at: '2021-07-20T02:13:00.000Z',
      kind: 'status',
      kindLabel: 'Cập nhật trạng thái',
      body: null,
      data: { from: 'assigned', to: 'received' },
    },
    {
      id: 3,
      personId: 'p1',
      fullName: 'A',
      at: '2021-07-20T02:14:00.000Z',
      kind: 'attach',
      kindLabel: 'Đính kèm tệp',
      body: 'bao-cao.docx',
      data: { attachmentId: 'att1', size: 10 },
    },
    { id: 4, personId: 'p2', fullName: 'B', at: '2021-07-20T02:15:00.000Z', kind: 'comment', kindLabel: 'Ý kiến', body: 'Đồng ý', data: null },
    {
      id: 5,
      personId: 'p1',
      fullName: 'A',
      at: '2021-07-20T02:16:00.000Z',
      kind: 'status',
      kindLabel: 'Cập nhật trạng thái',
      body: 'Không thuộc chức năng',
      data: { from: 'received', to: 'returned' },
    },
    { id: 6, personId: 'p1', fullName: 'A', at: '2021-07-21T02:16:00.000Z', kind: 'ky_so', kindLabel: 'ky_so', body: null, data: { source: 'import' } },
  ];
  it('lists newest first, reads status changes, reasons, files and comments', () => {
    const lines = timelineLines(entries);
    expect(lines.map((l) => l.id)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(lines[1]!.detail).toEqual({ type: 'status', from: 'received', to: 'returned', reason: 'Không thuộc chức năng', reassignedTo: null, dueDate: null });
    expect(lines[2]!.detail).toEqual({ type: 'comment', text: 'Đồng ý' });
    expect(lines[3]!.detail).toEqual({ type: 'file', name: 'bao-cao.docx', attachmentId: 'att1' });
  });
  it('keeps another system’s word as its label, marked imported', () => {
    expect(timelineLines(entries)[0]).toMatchObject({ kind: null, kindLabel: 'ky_so', imported: true, detail: { type: 'none' } });
  });
  it('can leave the views out', () => {
    expect(timelineLines(entries, { views: false }).some((l) => l.kind === 'view')).toBe(false);
  });
});

describe('files', () => {
  it('shows sizes with a Vietnamese decimal comma (English point)', () => {
    expect(formatFileSize(532)).toBe('532 B');
    expect(formatFileSize(12_595)).toBe('12,3 KB');
    expect(formatFileSize(1.5 * 1024 * 1024)).toBe('1,5 MB');
    expect(formatFileSize(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
  });
  it('stops empty files and files over 10 MB before sending', () => {
    expect(attachmentProblem({ size: 0 })).toBe('empty');
    expect(attachmentProblem({ size: 10 * 1024 * 1024 })).toBeNull();
    expect(attachmentProblem({ size: 10 * 1024 * 1024 + 1 })).toBe('tooLarge');
  });
});

describe('import', () => {
  it('reads the rows of a refused CSV import, with the omitted count', () => {
    const error = {
      code: 'VALIDATION',
      issues: [{ path: 'tasks.csv, dòng 3, cột C (assigneeId)', message: 'Không có cán bộ mã "x"' }],
      details: {
        errors: [{ path: 'tasks.csv, dòng 3, cột C (assigneeId)', file: 'tasks.csv', row: 3, column: 'C (assigneeId)', message: 'Không có cán bộ mã "x"' }],
        omitted: 7,
      },
    };
    expect(importIssuesOf(error)).toEqual({
      issues: [{ path: 'tasks.csv, dòng 3, cột C (assigneeId)', file: 'tasks.csv', row: 3, column: 'C (assigneeId)', message: 'Không có cán bộ mã "x"' }],
      omitted: 7,
      tabular: true,
    });
  });
  it('reads JSON paths, and leaves errors that are not about the file to the alert', () => {
    const json = importIssuesOf({
      code: 'VALIDATION',
      details: { errors: [{ path: 'body.tasks[3].assigneeId', file: null, row: null, column: null, message: 'Thiếu' }], omitted: 0 },
    });
    expect(json).toMatchObject({ tabular: false, omitted: 0 });
    expect(jsonPathOfIssue(json!.issues[0]!.path)).toBe('tasks[3].assigneeId');
    expect(importIssuesOf({ code: 'PAYLOAD_TOO_LARGE', issues: [{ path: 'body.file', message: 'Tệp nhập vượt quá 200 MB' }] })).toBeNull();
    expect(importIssuesOf(null)).toBeNull();
  });
  it('tells tasks.csv from actions.csv by the header row', () => {
    expect(csvKindOf('\uFEFFid,title,assigneeId,assignedAt,dueDate,finishedAt')).toBe('tasks');
    expect(csvKindOf('"taskId","personId","at","kind"')).toBe('actions');
    expect(csvKindOf('a,b,c')).toBeNull();
  });
});

describe('people pickers', () => {
  it('finds names typed without diacritics, words in any order', () => {
    expect(foldVi('Nguyễn Thị Đào')).toBe('nguyen thi dao');
    expect(nameMatches('Nguyễn Thị Đào', 'dao nguyen')).toBe(true);
    expect(nameMatches('Nguyễn Thị Đào', 'tuyet')).toBe(false);
    expect(nameMatches('Nguyễn Thị Đào', '  ')).toBe(true);
  });
  it('groups people by unit, once each, without the excluded', () => {
    const people = [
      { id: 'p1', fullName: 'A', unitName: 'Văn phòng' },
      { id: 'p2', fullName: 'B', unitName: 'Phòng TCBM' },
      { id: 'p3', fullName: 'C', unitName: 'Văn phòng' },
      { id: 'p1', fullName: 'A', unitName: 'Văn phòng' },
    ];
    expect(peopleGroups(people, ['p3'])).toEqual([
      { group: 'Văn phòng', items: [{ value: 'p1', label: 'A' }] },
      { group: 'Phòng TCBM', items: [{ value: 'p2', label: 'B' }] },
    ]);
  });
});
