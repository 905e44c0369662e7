import { describe, expect, it } from 'vitest';
import type { PolicyView } from '../../../shared/contracts/policy';
import { PolicyCreate, PolicyUpdate } from '../../../shared/contracts/policy';
import { describePolicyRules, fullSeverity } from '../../../shared/domain/policy';
import { RULE_IDS } from '../../../shared/domain/roster/format';
import {
  GENERAL_RULES,
  RULES_OF_GROUP,
  canManagePolicy,
  emptyPolicyForm,
  errorAt,
  formToCreate,
  formToRules,
  formToUpdate,
  issueKey,
  manageableAgencyIds,
  percentToShare,
  policyToForm,
  serverErrors,
  shareToPercent,
  type PolicyFormValues,
} from './model';

const view = (over: Partial<PolicyView> = {}): PolicyView => ({
  id: 'pol-1',
  ownerAgencyId: 'snv',
  ownerAgencyName: 'Sở Nội vụ tỉnh Ninh Thuận',
  title: 'Phương án làm việc tại nhà',
  docNumber: '2215/SNV-TCBM',
  docDate: '2021-07-16',
  issuer: 'Sở Nội vụ tỉnh Ninh Thuận',
  validFrom: '2021-07-19',
  validTo: null,
  status: 'in_effect',
  scopeAgencyIds: ['snv'],
  scopeDistricts: [],
  rules: {
    wfhShare: { scope: 'agency', min: 0.3, target: 0.57, max: 0.7 },
    minOnSitePerUnit: { people: 1, leaders: 0 },
    minAgencyLeadersOnSite: 1,
    alwaysOnSiteRoles: ['director', 'chief_of_office', 'deputy_chief_of_office'],
    minOnSiteShareByRole: { head: 0.5, deputy_head: 0.285 },
    requireEligibilityForWfh: true,
  },
  severity: { ...fullSeverity({ unit_min_people_onsite: 'warn' }) },
  descriptions: [],
  morningStart: '07:30',
  morningEnd: '11:30',
  afternoonStart: '13:30',
  afternoonEnd: '17:00',
  registrationDeadline: '2021-08-10T08:00',
  registrationLeadDays: 3,
  agencyReportTime: '16:00',
  provinceReportTime: '17:00',
  notes: 'Căn cứ Chỉ thị 16/CT-TTg.',
  version: 4,
  createdAt: '2021-07-16T01:00:00.000Z',
  updatedAt: '2021-07-17T01:00:00.000Z',
  ...over,
});

describe('percent ↔ share', () => {
  it('converts with exact decimals both ways', () => {
    expect(percentToShare(50)).toBe(0.5);
    expect(percentToShare(57)).toBe(0.57);
    expect(percentToShare(28.5)).toBe(0.285);
    expect(percentToShare(7)).toBe(0.07);
    expect(percentToShare(33.3)).toBe(0.333);
    expect(shareToPercent(0.57)).toBe(57); // 0.57 * 100 is 56.99999999999999 in floating point
    expect(shareToPercent(0.285)).toBe(28.5);
    expect(shareToPercent(0.07)).toBe(7);
    expect(shareToPercent(1)).toBe(100);
  });

  it('round-trips every tenth of a percent', () => {
    for (let tenths = 0; tenths <= 1000; tenths++) {
      const p = tenths / 10;
      const share = percentToShare(p);
      expect(share).toBe(Number(`${tenths / 1000}`));
      expect(shareToPercent(share)).toBe(p);
    }
  });
});

describe('policy form ↔ API', () => {
  it('gives back exactly the stored policy when nothing is changed', () => {
    const p = view();
    const result = formToUpdate(policyToForm(p), p.version);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { version, ...fields } = result.body;
    expect(version).toBe(4);
    expect(fields).toEqual({
      title: p.title,
      docNumber: p.docNumber,
      docDate: p.docDate,
      issuer: p.issuer,
      validFrom: p.validFrom,
      validTo: null,
      scopeAgencyIds: ['snv'],
      scopeDistricts: [],
      rules: p.rules,
      severity: p.severity,
      morningStart: '07:30',
      morningEnd: '11:30',
      afternoonStart: '13:30',
      afternoonEnd: '17:00',
      registrationDeadline: '2021-08-10T08:00',
      registrationLeadDays: 3,
      agencyReportTime: '16:00',
      provinceReportTime: '17:00',
      notes: p.notes,
    });
    // The body passes the server's own contract.
    expect(PolicyUpdate.safeParse(result.body).success).toBe(true);
  });

  it('shows shares as percentages and dates as dd/mm/yyyy in the form', () => {
    const f = policyToForm(view());
    expect(f.rules.wfhShare).toEqual({ on: true, scope: 'agency', min: 30, target: 57, max: 70 });
    expect(f.rules.minOnSiteShareByRole.shares.deputy_head).toBe(28.5);
    expect(f.rules.minOnSiteShareByRole.shares.staff).toBe('');
    expect(f.validFrom).toBe('19/07/2021');
    expect(f.deadlineDate).toBe('10/08/2021');
    expect(f.deadlineTime).toBe('08:00');
    expect(f.openEnded).toBe(true);
  });

  it('leaves out the rules switched off, and a policy with none has an empty rules object', () => {
    const f = policyToForm(view({ rules: {} }));
    expect(Object.values(f.rules).every((r) => !r.on)).toBe(true);
    expect(formToRules(f.rules)).toEqual({});
    const on: PolicyFormValues = { ...f, rules: { ...f.rules, wfhShare: { on: true, scope: 'unit', min: 50, target: '', max: '' } } };
    expect(formToRules(on.rules)).toEqual({ wfhShare: { scope: 'unit', min: 0.5 } });
    expect(describePolicyRules(formToRules(on.rules))[0]!.text).toBe('Tối thiểu 50% làm việc tại nhà mỗi ngày (từng đơn vị)');
  });

  it('builds a create body the server contract accepts, open-ended, with default hours', () => {
    const f = emptyPolicyForm('snv', '2021-05-25');
    f.title = 'Kế hoạch làm việc tại nhà';
    f.rules.wfhShare.on = true;
    f.rules.alwaysOnSiteRoles.on = true;
    const result = formToCreate(f);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.body).toMatchObject({
      ownerAgencyId: 'snv',
      validFrom: '2021-05-25',
      validTo: null,
      docNumber: null,
      docDate: null,
      registrationDeadline: null,
      morningStart: '07:00',
      afternoonEnd: '17:00',
      agencyReportTime: '16:00',
      provinceReportTime: '17:00',
      rules: { wfhShare: { scope: 'agency', min: 0.5 }, alwaysOnSiteRoles: ['director', 'chief_of_office'] },
    });
    expect(PolicyCreate.safeParse(result.body).success).toBe(true);
  });

  it('sends an end date only when the period is not open-ended', () => {
    const f = { ...policyToForm(view()), openEnded: false, validTo: '30/09/2021' };
    const result = formToUpdate(f, 4);
    expect(result.ok && result.body.validTo).toBe('2021-09-30');
  });

  it('names each field that cannot be sent, with the API path of the field', () => {
    const f = emptyPolicyForm('snv', '2021-05-25');
    f.validFrom = '31/02/2021';
    f.openEnded = false;
    f.validTo = '';
    f.morningStart = '7h3x';
    f.deadlineDate = '10/08/2021';
    f.rules.wfhShare = { on: true, scope: 'agency', min: '', target: '', max: '' };
    f.rules.minOnSitePerUnit = { on: true, people: 1.5, leaders: '' };
    f.rules.alwaysOnSiteRoles = { on: true, roles: [] };
    f.rules.minOnSiteShareByRole = { on: true, shares: { ...f.rules.minOnSiteShareByRole.shares, head: 120 } };
    const result = formToCreate(f);
    expect(result).toEqual({
      ok: false,
      errors: {
        title: 'required',
        validFrom: 'invalidDate',
        validTo: 'required',
        morningStart: 'invalidTime',
        'registrationDeadline.time': 'required',
        'rules.wfhShare': 'needOneShare',
        'rules.minOnSitePerUnit.people': 'countRange',
        'rules.alwaysOnSiteRoles': 'needOneRole',
        'rules.minOnSiteShareByRole.head': 'percentRange',
      },
    });
  });
});

describe('server issues next to their field', () => {
  const issues = [
    { path: 'body.rules.wfhShare.max', message: 'Tỷ lệ tối đa (0.3) phải lớn hơn hoặc bằng tỷ lệ tối thiểu (0.5).' },
    { path: 'body.scopeAgencyIds[1]', message: 'Bạn không được áp dụng phương án cho Sở Y tế (ngoài phạm vi quản lý).' },
    { path: 'body.scopeAgencyIds[2]', message: 'second' },
    { path: 'body.validTo', message: 'Ngày hết hiệu lực 01/01/2021 trước ngày bắt đầu 25/05/2021.' },
  ];

  it('keys them by the field path without body.', () => {
    expect(issueKey('body.rules.minOnSiteShareByRole.head')).toBe('rules.minOnSiteShareByRole.head');
    expect(issueKey('params.id')).toBe('id');
    const errors = serverErrors(issues);
    expect(errors['rules.wfhShare.max']).toMatch(/^Tỷ lệ tối đa/);
    expect(errors['scopeAgencyIds[1]']).toMatch(/Sở Y tế/);
  });

  it('finds the message of a field, or of a part of it unless asked for the field only', () => {
    const errors = serverErrors(issues);
    expect(errorAt(errors, 'rules.wfhShare.max')).toMatch(/^Tỷ lệ tối đa/);
    expect(errorAt(errors, 'rules.wfhShare.min')).toBeUndefined();
    expect(errorAt(errors, 'scopeAgencyIds')).toMatch(/Sở Y tế/);
    expect(errorAt(errors, 'rules.wfhShare')).toMatch(/^Tỷ lệ tối đa/);
    expect(errorAt(errors, 'rules.wfhShare', true)).toBeUndefined();
    expect(errorAt(errors, 'validTo')).toMatch(/^Ngày hết hiệu lực/);
  });
});

describe('who may give a policy to which agency', () => {
  const agencies = [
    { id: 'tinh', path: '/tinh/' },
    { id: 'snv', path: '/tinh/snv/' },
    { id: 'syt', path: '/tinh/syt/' },
    { id: 'ttyt', path: '/tinh/syt/ttyt/' },
  ];

  it('gives the Office and the Director their agency, an admin the whole subtree, staff nothing', () => {
    expect(
      manageableAgencyIds(
        [
          { role: 'office', agencyId: 'snv' },
          { role: 'staff', agencyId: 'snv' },
        ],
        agencies,
      ),
    ).toEqual(['snv']);
    expect(manageableAgencyIds([{ role: 'director', agencyId: 'syt' }], agencies)).toEqual(['syt']);
    expect(manageableAgencyIds([{ role: 'admin', agencyId: 'syt' }], agencies)).toEqual(['syt', 'ttyt']);
    expect(
      manageableAgencyIds(
        [
          { role: 'staff', agencyId: 'snv' },
          { role: 'deputy_director', agencyId: 'snv' },
        ],
        agencies,
      ),
    ).toEqual([]);
    expect(canManagePolicy({ ownerAgencyId: 'snv' }, ['snv'])).toBe(true);
    expect(canManagePolicy({ ownerAgencyId: 'syt' }, ['snv'])).toBe(false);
  });

  it('places every rule of the format in the form, once', () => {
    const placed = [...GENERAL_RULES, ...Object.values(RULES_OF_GROUP).flat()];
    expect([...placed].sort()).toEqual([...RULE_IDS].sort());
  });
});
