import { describe, expect, it } from 'vitest';
import { annualEntitlement, carryOverDays, computeBalance, monthsWorked, seniorityYears, workingDaysOf } from './balance';
import { cancel, decide, modeOfKind, stepsFor } from './workflow';

describe('leave workflow', () => {
  it('leave of a staff member: unit head then Director; a unit head or a deputy director: Director only; the Director: the province', () => {
    expect(stepsFor('annual', { position: 'staff' })).toEqual(['unit_head', 'director']);
    expect(stepsFor('sick', { position: 'deputy_head' })).toEqual(['unit_head', 'director']);
    expect(stepsFor('annual', { position: 'head' })).toEqual(['director']);
    expect(stepsFor('annual', { position: 'staff', isUnitHead: true })).toEqual(['director']);
    expect(stepsFor('personal', { position: 'deputy_director' })).toEqual(['director']);
    expect(stepsFor('annual', { position: 'director' })).toEqual(['province']);
  });
  it('trips: inside the province the Director; out of the province through the Chief of Office (not for the Chief himself)', () => {
    expect(stepsFor('trip', { position: 'staff' }, { outOfProvince: false })).toEqual(['director']);
    expect(stepsFor('trip', { position: 'staff' }, { outOfProvince: true })).toEqual(['office', 'director']);
    expect(stepsFor('trip', { position: 'chief_of_office' }, { outOfProvince: true })).toEqual(['director']);
    expect(stepsFor('trip', { position: 'director' }, { outOfProvince: true })).toEqual(['province']);
  });
  it('coming to the office: the unit head alone (one tap)', () => {
    expect(stepsFor('office', { position: 'staff' })).toEqual(['unit_head']);
    expect(stepsFor('office', { position: 'head' })).toEqual(['director']);
  });
  it('modes set on the roster', () => {
    expect([modeOfKind('annual'), modeOfKind('sick'), modeOfKind('trip'), modeOfKind('office')]).toEqual(['leave', 'leave', 'business_trip', 'onsite']);
  });
  it('decisions go step by step; a rejection ends the request; a decided request takes no more decisions', () => {
    const s0 = { status: 'pending' as const, currentStep: 0, stepCount: 2 };
    const a = decide(s0, 'approve');
    expect(a).toMatchObject({ ok: true, final: false, state: { status: 'pending', currentStep: 1 } });
    const b = decide(a.ok ? a.state : s0, 'approve');
    expect(b).toMatchObject({ ok: true, final: true, state: { status: 'approved', currentStep: null } });
    expect(decide(s0, 'reject')).toMatchObject({ ok: true, state: { status: 'rejected', currentStep: null } });
    expect(decide({ status: 'approved', currentStep: null, stepCount: 2 }, 'approve').ok).toBe(false);
  });
  it('cancel: only while pending; an approved request is adjusted by the Office', () => {
    expect(cancel({ status: 'pending', currentStep: 1, stepCount: 2 })).toMatchObject({ ok: true, state: { status: 'cancelled', currentStep: null } });
    const approved = cancel({ status: 'approved', currentStep: null, stepCount: 2 });
    expect(approved.ok).toBe(false);
    expect(approved.ok ? '' : approved.message).toContain('Văn phòng');
    expect(cancel({ status: 'rejected', currentStep: null, stepCount: 1 }).ok).toBe(false);
  });
});

describe('annual leave balance (BLLĐ 2019 Đ.113-114)', () => {
  it('seniority in full years', () => {
    expect(seniorityYears('2016-06-01', '2021-05-31')).toBe(4);
    expect(seniorityYears('2016-06-01', '2021-06-01')).toBe(5);
    expect(seniorityYears(null, '2021-06-01')).toBe(0);
  });
  it('12 days, one more per full 5 years of service (counted at 31/12)', () => {
    expect(annualEntitlement(2021, '2018-01-01')).toBe(12);
    expect(annualEntitlement(2021, '2016-12-31')).toBe(13); // 5 full years on 31/12/2021
    expect(annualEntitlement(2021, '2017-01-01')).toBe(12);
    expect(annualEntitlement(2021, '2011-03-01')).toBe(14); // 10 years
    expect(annualEntitlement(2021, null)).toBe(12);
  });
  it('prorated by months worked for someone who started during the year', () => {
    expect(monthsWorked('2021-07-01', 2021)).toBe(6);
    expect(monthsWorked('2021-07-20', 2021)).toBe(5);
    expect(annualEntitlement(2021, '2021-07-01')).toBe(6);
    expect(annualEntitlement(2021, '2021-10-10')).toBe(3);
    expect(annualEntitlement(2020, '2021-01-01')).toBe(0);
  });
  it('carry-over capped by the agency', () => {
    expect(carryOverDays(7, 5)).toBe(5);
    expect(carryOverDays(3, 5)).toBe(3);
    expect(carryOverDays(-2, 5)).toBe(0);
    expect(carryOverDays(7, 0)).toBe(0);
  });
  it('pending days are held, taken days counted; carried-over days expire after their date unless used', () => {
    const base = { entitlement: 12, carriedOver: 5, carriedOverUntil: '2021-03-31', pendingDays: 2 };
    expect(computeBalance({ ...base, takenDays: ['2021-02-01', '2021-02-02'], asOf: '2021-03-01' })).toEqual({
      entitlement: 12,
      carriedOver: 5,
      taken: 2,
      pending: 2,
      remaining: 13,
    });
    // After 31/03: of the 5 carried days only the 2 used by then are kept.
    expect(computeBalance({ ...base, takenDays: ['2021-02-01', '2021-02-02', '2021-05-03'], asOf: '2021-04-01' })).toMatchObject({
      carriedOver: 2,
      taken: 3,
      remaining: 12 + 2 - 3 - 2,
    });
    expect(computeBalance({ ...base, carriedOverUntil: null, takenDays: [], openingTaken: 1, asOf: '2021-12-01' }).remaining).toBe(12 + 5 - 1 - 2);
  });
  it('working days skip weekends and public holidays', () => {
    // 30/04 and 01/05/2021 are holidays (01/05 a Saturday; 03/05 is its substitute day off per the default calendar).
    const days = workingDaysOf('2021-04-29', '2021-05-04');
    expect(days).not.toContain('2021-04-30');
    expect(days).not.toContain('2021-05-01');
    expect(days).not.toContain('2021-05-02');
    expect(days).toContain('2021-04-29');
    expect(days).toContain('2021-05-04');
  });
});
