import { describe, expect, it } from 'vitest';
import type { ActingView, RequestStepView, RequestView } from '../../../shared/contracts/leave';
import {
  actingForMe,
  actionsFor,
  allSignaturesValid,
  balanceAfter,
  canRevoke,
  currentStepOf,
  dayOfYearText,
  decisionBody,
  parseDayOfYear,
  sortRequests,
  stepState,
  tabOfPath,
  tabsFor,
  toCreateBody,
  workingDaysPreview,
  yearsOf,
  type RequestForm,
  type TabContext,
} from './model';

const sig = (valid: boolean) => ({ valid, algorithm: 'Ed25519', keyFingerprint: 'ab:cd', problem: valid ? null : 'Bản ghi đã bị sửa.' });
const step = (over: Partial<RequestStepView> = {}): RequestStepView => ({
  order: 1,
  role: 'unit_head',
  approverPersonId: 'p-head',
  approverName: 'Trần Văn Trưởng',
  actingForName: null,
  decision: null,
  comment: null,
  decidedAt: null,
  signature: null,
  ...over,
});
const request = (over: Partial<RequestView> = {}): RequestView => ({
  id: 'r1',
  number: '1/2026/ĐP',
  kind: 'annual',
  personId: 'p1',
  personName: 'Nguyễn Thị A',
  unitId: 'u1',
  unitName: 'Phòng Tổ chức',
  agencyId: 'a1',
  fromDate: '2026-12-07',
  toDate: '2026-12-08',
  workingDays: 2,
  reason: 'Việc gia đình',
  destination: null,
  outOfProvince: false,
  status: 'pending',
  steps: [step(), step({ order: 2, role: 'director', approverName: 'Lê Giám Đốc' })],
  currentStep: 0,
  canDecide: false,
  canCancel: true,
  filedByName: null,
  rosterEffect: null,
  version: 3,
  createdAt: '2026-12-01T02:00:00.000Z',
  ...over,
});

describe('tabs of the Đơn từ page', () => {
  const ctx = (over: Partial<TabContext>): TabContext => ({ hasPerson: true, grants: [], can: () => false, toDecideCount: 0, ...over });
  it('gives a staff member their own requests, balance and acting list, and no approval tab', () => {
    const tabs = tabsFor(ctx({ grants: [{ role: 'staff', agencyId: 'a1', unitId: 'u1' }], can: (a) => a === 'leave.request' }));
    expect(tabs).toEqual(['mine', 'balances', 'acting']);
  });
  it('adds "Chờ tôi duyệt" for a staff member acting for a leader (requests wait for them)', () => {
    expect(tabsFor(ctx({ can: (a) => a === 'leave.request', toDecideCount: 2 }))).toContain('toDecide');
  });
  it('gives a unit head the unit tab and an Office member the agency tab', () => {
    const head = tabsFor(ctx({ grants: [{ role: 'unit_head', agencyId: 'a1', unitId: 'u1' }], can: () => true }));
    expect(head).toEqual(['mine', 'toDecide', 'unit', 'balances', 'acting']);
    const office = tabsFor(ctx({ grants: [{ role: 'office', agencyId: 'a1', unitId: null }], can: (a) => a !== 'leave.approve' }));
    expect(office).toEqual(['mine', 'agency', 'balances', 'acting']);
  });
  it('reads the tab of a path and none for a request', () => {
    expect(tabOfPath('/leave')).toBe('mine');
    expect(tabOfPath('/leave/')).toBe('mine');
    expect(tabOfPath('/leave/to-decide')).toBe('toDecide');
    expect(tabOfPath('/leave/balances')).toBe('balances');
    expect(tabOfPath('/leave/0193abcd')).toBeNull();
  });
});

describe('the approval timeline', () => {
  it('marks the decided steps, the one waiting and the ones after it', () => {
    const r = request({ steps: [step({ decision: 'approved', signature: sig(true) }), step({ order: 2, role: 'director' })], currentStep: 1 });
    expect(r.steps.map((s, i) => stepState(r, s, i))).toEqual(['approved', 'current']);
    const fresh = request();
    expect(fresh.steps.map((s, i) => stepState(fresh, s, i))).toEqual(['current', 'later']);
    expect(currentStepOf(fresh)?.role).toBe('unit_head');
  });
  it('shows the steps after a rejection as not needed, and no current step', () => {
    const r = request({
      status: 'rejected',
      currentStep: null,
      steps: [step({ decision: 'rejected', comment: 'Thiếu người' }), step({ order: 2, role: 'director' })],
    });
    expect(r.steps.map((s, i) => stepState(r, s, i))).toEqual(['rejected', 'skipped']);
    expect(currentStepOf(r)).toBeNull();
  });
  it('says all signatures are valid only when every decided step verifies', () => {
    const two = [step({ decision: 'approved', signature: sig(true) }), step({ order: 2, decision: 'approved', signature: sig(true) })];
    expect(allSignaturesValid({ steps: two })).toBe(true);
    expect(allSignaturesValid({ steps: [two[0]!, step({ order: 2, decision: 'approved', signature: sig(false) })] })).toBe(false);
    expect(allSignaturesValid({ steps: [step()] })).toBe(false);
  });
});

describe('actions on a request', () => {
  it('shows Duyệt / Không duyệt only to the one who decides a pending request', () => {
    expect(actionsFor(request({ canDecide: true }))).toEqual({ approve: true, reject: true, cancel: true });
    expect(actionsFor(request({ canDecide: true, status: 'approved' })).approve).toBe(false);
    expect(actionsFor(request({ canCancel: false }))).toEqual({ approve: false, reject: false, cancel: false });
    expect(actionsFor(request({ status: 'cancelled' })).cancel).toBe(false);
  });
  it('sends the version with a decision and asks a reason for a rejection', () => {
    expect(decisionBody(request(), 'approve')).toEqual({ ok: true, body: { decision: 'approve', version: 3 } });
    expect(decisionBody(request(), 'approve', '  Đồng ý ')).toEqual({ ok: true, body: { decision: 'approve', version: 3, comment: 'Đồng ý' } });
    expect(decisionBody(request(), 'reject', ' x ')).toEqual({ ok: false, error: 'rejectTooShort' });
    expect(decisionBody(request(), 'reject', 'Thiếu người trực')).toEqual({ ok: true, body: { decision: 'reject', version: 3, comment: 'Thiếu người trực' } });
  });
  it('lists what waits for me oldest first, my own newest first', () => {
    const a = request({ id: 'a', createdAt: '2026-12-01T01:00:00Z' });
    const b = request({ id: 'b', createdAt: '2026-12-02T01:00:00Z' });
    expect(sortRequests([b, a], 'to_decide').map((r) => r.id)).toEqual(['a', 'b']);
    expect(sortRequests([a, b], 'mine').map((r) => r.id)).toEqual(['b', 'a']);
  });
});

describe('the request form', () => {
  const form = (over: Partial<RequestForm>): RequestForm => ({
    kind: 'annual',
    fromText: '07/12/2026',
    toText: '09/12/2026',
    reason: 'Về quê',
    destination: '',
    outOfProvince: false,
    personId: '',
    ...over,
  });
  it('counts the working days of the range from the calendar (weekend and holiday left out)', () => {
    const workdays = new Set(['2026-12-04', '2026-12-07', '2026-12-08', '2026-12-10']); // 09/12 a holiday, 05-06/12 a weekend
    expect(workingDaysPreview('2026-12-04', '2026-12-09', workdays)).toBe(3);
    expect(workingDaysPreview('2026-12-09', '2026-12-04', workdays)).toBeNull();
    expect(workingDaysPreview('2026-12-04', '2026-12-09', null)).toBeNull();
    expect(yearsOf('2026-12-28', '2027-01-03')).toEqual([2026, 2027]);
    expect(yearsOf('2026-12-28', '')).toEqual([2026]);
  });
  it('builds the body with ISO dates; one day when the end is left empty', () => {
    expect(toCreateBody(form({}))).toEqual({ ok: true, body: { kind: 'annual', fromDate: '2026-12-07', toDate: '2026-12-09', reason: 'Về quê' } });
    const one = toCreateBody(form({ toText: '' }));
    expect(one.ok && one.body.toDate).toBe('2026-12-07');
  });
  it('sends destination and out-of-province only for a trip, and asks for the destination', () => {
    expect(toCreateBody(form({ kind: 'trip' }))).toEqual({ ok: false, errors: { destination: 'destinationRequired' } });
    const trip = toCreateBody(form({ kind: 'trip', destination: ' Hà Nội ', outOfProvince: true }));
    expect(trip.ok && trip.body).toMatchObject({ destination: 'Hà Nội', outOfProvince: true });
    const leave = toCreateBody(form({ destination: 'Hà Nội', outOfProvince: true }));
    expect(leave.ok && 'destination' in leave.body).toBe(false);
  });
  it('names the fields to fix: bad dates, a reversed range, a short reason', () => {
    expect(toCreateBody(form({ fromText: '31/02/2026', reason: 'x' }))).toEqual({ ok: false, errors: { fromDate: 'invalidDates', reason: 'reasonRequired' } });
    expect(toCreateBody(form({ fromText: '10/12/2026' }))).toEqual({ ok: false, errors: { toDate: 'toBeforeFrom' } });
  });
  it('files for another person only when one is chosen', () => {
    const r = toCreateBody(form({ personId: 'p9' }));
    expect(r.ok && r.body.personId).toBe('p9');
  });
  it('tells the annual leave left after the request, for annual leave only', () => {
    expect(balanceAfter({ remaining: 5 }, 'annual', 3)).toBe(2);
    expect(balanceAfter({ remaining: 1 }, 'annual', 3)).toBe(-2);
    expect(balanceAfter({ remaining: 5 }, 'sick', 3)).toBeNull();
    expect(balanceAfter(null, 'annual', 3)).toBeNull();
  });
});

describe('acting approvers and settings', () => {
  const acting = (over: Partial<ActingView>): ActingView => ({
    id: 'x',
    leaderPersonId: 'p-head',
    leaderName: 'Trần Văn Trưởng',
    deputyPersonId: 'p-dep',
    deputyName: 'Phạm Phó',
    agencyId: 'a1',
    unitId: 'u1',
    fromDate: '2026-12-01',
    toDate: '2026-12-10',
    scope: 'all',
    note: null,
    state: 'active',
    createdAt: '2026-11-30T00:00:00Z',
    ...over,
  });
  it('shows the banner to the deputy only while the delegation is in force', () => {
    expect(actingForMe([acting({})], 'p-dep', '2026-12-05')).toHaveLength(1);
    expect(actingForMe([acting({})], 'p-head', '2026-12-05')).toHaveLength(0);
    expect(actingForMe([acting({})], 'p-dep', '2026-12-11')).toHaveLength(0);
    expect(actingForMe([acting({ state: 'revoked' })], 'p-dep', '2026-12-05')).toHaveLength(0);
  });
  it('lets the leader or the Office revoke an active or upcoming delegation', () => {
    expect(canRevoke(acting({}), 'p-head', false)).toBe(true);
    expect(canRevoke(acting({}), 'p-dep', false)).toBe(false);
    expect(canRevoke(acting({}), 'p-other', true)).toBe(true);
    expect(canRevoke(acting({ state: 'ended' }), 'p-head', false)).toBe(false);
  });
  it('writes the carry-over limit as dd/mm and reads it back as MM-DD', () => {
    expect(dayOfYearText('03-31')).toBe('31/03');
    expect(dayOfYearText(null)).toBe('');
    expect(parseDayOfYear('31/3')).toBe('03-31');
    expect(parseDayOfYear('')).toBeNull();
    expect(parseDayOfYear('31/04')).toBeUndefined();
    expect(parseDayOfYear('tháng 3')).toBeUndefined();
  });
});
