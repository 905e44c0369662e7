import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app';
import type { AppRole } from '../../../shared/domain/permissions';
import { buildAgency, buildPerson, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories';
import { PolicyRulesSchema } from '../../../shared/contracts/policy';
import { describePolicyRules } from '../../../shared/domain/policy';
import { parseInstance } from '../../../shared/domain/roster/parse';
import { RULE_IDS } from '../../../shared/domain/roster/format';
import { auditLog } from '../audit/audit.table';

let t: TestApp;
const c: Record<string, TestClient> = {};

/** Seed 002 (Ninh Thuận): at least 50% at home, one leader and one person per unit on site. */
const RULES = {
  wfhShare: { scope: 'agency', min: 0.5, target: 0.5, max: null },
  minOnSitePerUnit: { people: 1, leaders: 0 },
  minAgencyLeadersOnSite: 1,
  alwaysOnSiteRoles: ['director', 'chief_of_office'],
  minOnSiteShareByRole: { head: 0.5, deputy_head: 0.5 },
  requireEligibilityForWfh: true,
};
const base = (over: Record<string, unknown> = {}) => ({
  ownerAgencyId: 'snv',
  title: 'Phương án bố trí cán bộ làm việc tại nhà',
  docNumber: '2215/SNV-TCBM',
  docDate: '2021-07-16',
  issuer: 'Sở Nội vụ tỉnh Ninh Thuận',
  validFrom: '2021-07-19',
  validTo: null,
  rules: RULES,
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  const db = t.deps.db;
  await buildAgency(db, { id: 'nt', name: 'UBND tỉnh Ninh Thuận', district: 'Phan Rang-Tháp Chàm' });
  await buildAgency(db, { id: 'snv', name: 'Sở Nội vụ', parentId: 'nt', district: 'Phan Rang-Tháp Chàm' });
  await buildAgency(db, { id: 'snv-ttlt', name: 'Trung tâm Lưu trữ lịch sử', parentId: 'snv', district: 'Phan Rang-Tháp Chàm' });
  await buildAgency(db, { id: 'syt', name: 'Sở Y tế', parentId: 'nt', district: 'Phan Rang-Tháp Chàm' });
  await buildAgency(db, { id: 'np', name: 'UBND huyện Ninh Phước', parentId: 'nt', district: 'Ninh Phước' });
  const vp = (await buildUnit(db, { agencyId: 'snv', name: 'Văn phòng Sở', kind: 'office' })).id;
  const tcbm = (await buildUnit(db, { agencyId: 'snv', name: 'Phòng Tổ chức, biên chế' })).id;
  const bgd = (await buildUnit(db, { agencyId: 'snv', name: 'Ban Giám đốc', kind: 'board' })).id;
  const sytVp = (await buildUnit(db, { agencyId: 'syt', name: 'Văn phòng Sở Y tế', kind: 'office' })).id;
  const npVp = (await buildUnit(db, { agencyId: 'np', name: 'Văn phòng HĐND và UBND huyện', kind: 'office' })).id;
  const users: [string, string, AppRole[], string?][] = [
    ['office', vp, ['staff', 'office']],
    ['director', bgd, ['staff', 'director']],
    ['head', tcbm, ['staff', 'unit_head']],
    ['staff', tcbm, ['staff']],
    ['sytOffice', sytVp, ['staff', 'office']],
    ['sytStaff', sytVp, ['staff']],
    ['npStaff', npVp, ['staff']],
  ];
  let ip = 1;
  for (const [name, unitId, roles] of users) {
    const p = await buildPerson(db, { unitId, fullName: `Cán bộ ${name}` });
    await buildUser(db, { personId: p.id, username: `pol.${name.toLowerCase()}`, roles });
  }
  await buildUser(db, { username: 'pol.admin', agencyId: 'nt', roles: ['admin'] });
  await buildUser(db, { username: 'pol.province', agencyId: 'nt', roles: ['province'] });
  for (const name of [...users.map((u) => u[0]), 'admin', 'province']) {
    c[name] = t.client(`10.20.0.${ip++}`);
    expect((await c[name]!.login(`pol.${name.toLowerCase()}`, TEST_PASSWORD)).status).toBe(200);
  }
});
afterAll(() => t.close());

const paths = (res: { body: any }) => res.body.error.issues.map((i: any) => i.path);

describe('policy: who may create', () => {
  it.each([
    ['staff', base(), 403],
    ['head', base(), 403],
    ['sytOffice', base(), 404],
    ['province', base({ ownerAgencyId: 'nt', scopeAgencyIds: ['nt'] }), 403],
    ['office', base(), 200],
    ['director', base(), 200],
    ['admin', base(), 200],
    ['admin', base({ ownerAgencyId: 'nt', scopeAgencyIds: ['nt'] }), 200],
    ['admin', base({ ownerAgencyId: 'nt', scopeDistricts: ['Ninh Phước', 'Phan Rang-Tháp Chàm'] }), 200],
    ['office', base({ scopeAgencyIds: ['snv', 'snv-ttlt'] }), 403],
    ['office', base({ scopeAgencyIds: ['nt'] }), 403],
    ['office', base({ scopeAgencyIds: ['syt'] }), 403],
    ['office', base({ scopeDistricts: ['Phan Rang-Tháp Chàm'] }), 403],
  ] as const)('%s: %j → %i', async (who, body, status) => {
    const res = await c[who]!.post('/api/policies', body);
    expect(res.status).toBe(status);
    if (status === 403) expect(res.body.error.code).toBe('FORBIDDEN');
    else if (status === 404) expect(res.body.error.code).toBe('NOT_FOUND');
    else expect(res.body.ownerAgencyId).toBe(body.ownerAgencyId);
  });

  it('names the scope entry the Office may not use', async () => {
    const res = await c.office!.post('/api/policies', base({ scopeAgencyIds: ['snv', 'syt'] }));
    expect(res.status).toBe(403);
    expect(res.body.error.issues).toEqual([{ path: 'body.scopeAgencyIds[1]', message: 'Cơ quan có mã "syt" không có hoặc ngoài phạm vi bạn quản lý.' }]);
    // A missing agency gets the same answer as one outside the Office's reach.
    const missing = await c.office!.post('/api/policies', base({ scopeAgencyIds: ['snv', 'khong-co'] }));
    expect(missing.status).toBe(403);
    expect(missing.body.error.issues).toEqual([
      { path: 'body.scopeAgencyIds[1]', message: 'Cơ quan có mã "khong-co" không có hoặc ngoài phạm vi bạn quản lý.' },
    ]);
  });

  it('refuses unknown scope agencies and districts where no agency sits', async () => {
    // An unknown agency answers like one outside the user's reach (403, same message): ids cannot be probed.
    const a = await c.admin!.post('/api/policies', base({ ownerAgencyId: 'nt', scopeAgencyIds: ['khong-co'] }));
    expect(a.status).toBe(403);
    expect(paths(a)).toEqual(['body.scopeAgencyIds[0]']);
    const d = await c.admin!.post('/api/policies', base({ ownerAgencyId: 'nt', scopeDistricts: ['Ninh Phước', 'Ninh Phuoc'] }));
    expect(d.status).toBe(400);
    expect(d.body.error.issues).toEqual([
      { path: 'body.scopeDistricts[1]', message: 'Không có cơ quan nào thuộc UBND tỉnh Ninh Thuận ở địa bàn "Ninh Phuoc".' },
    ]);
  });

  it('fills defaults: own agency as scope, block severity for every rule id, working hours and report times', async () => {
    const res = await c.office!.post('/api/policies', base({ severity: { wfh_share_min: 'warn' } }));
    expect(res.status).toBe(200);
    const p = res.body;
    expect(p.scopeAgencyIds).toEqual(['snv']);
    expect(p.scopeDistricts).toEqual([]);
    expect(Object.keys(p.severity).sort()).toEqual([...RULE_IDS].sort());
    expect(Object.entries(p.severity).filter(([, v]) => v === 'warn')).toEqual([['wfh_share_min', 'warn']]);
    expect(p).toMatchObject({
      morningStart: '07:00',
      morningEnd: '11:30',
      afternoonStart: '13:30',
      afternoonEnd: '17:00',
      agencyReportTime: '16:00',
      provinceReportTime: '17:00',
      registrationLeadDays: 1,
      version: 1,
      validTo: null,
      status: 'upcoming',
      ownerAgencyName: 'Sở Nội vụ',
    });
    expect(p.rules).toEqual(RULES);
    expect(p.descriptions[0]).toEqual({ rule: 'wfh_share_min', text: 'Tối thiểu 50% làm việc tại nhà mỗi ngày (toàn cơ quan)' });
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, p.id), eq(auditLog.action, 'policy.created')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.agencyId).toBe('snv');
  });
});

describe('policy: validation with field paths, in Vietnamese', () => {
  it.each([
    [
      'a share above 1',
      { rules: { ...RULES, wfhShare: { scope: 'agency', min: 1.5 } } },
      ['body.rules.wfhShare.min'],
      'Tỷ lệ phải là một số từ 0 đến 1 (ví dụ 0.5 là 50%).',
    ],
    [
      'min above max',
      { rules: { wfhShare: { scope: 'agency', min: 0.6, max: 0.3 } } },
      ['body.rules.wfhShare.max'],
      'Tỷ lệ tối đa (30%) phải lớn hơn hoặc bằng tỷ lệ tối thiểu (60%).',
    ],
    ['target above max', { rules: { wfhShare: { scope: 'unit', target: 0.5, max: 0.3 } } }, ['body.rules.wfhShare.max'], undefined],
    ['a wrong scope', { rules: { wfhShare: { scope: 'province', min: 0.3 } } }, ['body.rules.wfhShare.scope'], undefined],
    ['an unknown rule', { rules: { ...RULES, wfhShareMin: 0.5 } }, ['body.rules.wfhShareMin'], 'Trường không được hỗ trợ: wfhShareMin'],
    ['an unknown field in wfhShare', { rules: { wfhShare: { scope: 'agency', minimum: 0.5 } } }, ['body.rules.wfhShare.minimum'], undefined],
    ['an unknown role share', { rules: { minOnSiteShareByRole: { head: 0.5, boss: 0.5 } } }, ['body.rules.minOnSiteShareByRole.boss'], undefined],
    ['a role share above 1', { rules: { minOnSiteShareByRole: { head: 50 } } }, ['body.rules.minOnSiteShareByRole.head'], undefined],
    ['a repeated role', { rules: { alwaysOnSiteRoles: ['director', 'director'] } }, ['body.rules.alwaysOnSiteRoles[1]'], 'Chức vụ "director" bị lặp lại.'],
    ['a fractional count', { rules: { minOnSitePerUnit: { people: 1.5 } } }, ['body.rules.minOnSitePerUnit.people'], 'Phải là một số nguyên không âm.'],
    ['a negative count', { rules: { minAgencyLeadersOnSite: -1 } }, ['body.rules.minAgencyLeadersOnSite'], undefined],
    ['a malformed time', { morningStart: '7h30' }, ['body.morningStart'], 'Giờ phải có dạng HH:MM (24 giờ), ví dụ 07:30.'],
    ['afternoon before morning ends', { morningEnd: '14:00' }, ['body.afternoonStart'], 'Buổi chiều phải bắt đầu sau khi buổi sáng kết thúc.'],
    ['a reversed period', { validTo: '2021-07-01' }, ['body.validTo'], 'Ngày hết hiệu lực 01/07/2021 trước ngày bắt đầu 19/07/2021.'],
    ['an invalid date', { validFrom: '2021-02-30' }, ['body.validFrom'], 'Ngày không hợp lệ (định dạng YYYY-MM-DD).'],
    ['agency reports after the province', { agencyReportTime: '17:30' }, ['body.provinceReportTime'], undefined],
    ['an unknown severity', { severity: { wfh_share_min: 'soft' } }, ['body.severity.wfh_share_min'], undefined],
    ['a severity for no rule', { severity: { wfh_share: 'warn' } }, ['body.severity.wfh_share'], undefined],
    ['a bad deadline', { registrationDeadline: '10/8/2021 08:00' }, ['body.registrationDeadline'], undefined],
    ['an unknown top-level field', { policy: RULES }, ['body.policy'], undefined],
    ['a repeated scope agency', { scopeAgencyIds: ['snv', 'snv'] }, ['body.scopeAgencyIds[1]'], undefined],
  ])('%s', async (_name, over, expected, message) => {
    const res = await c.office!.post('/api/policies', base(over));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(paths(res)).toEqual(expected);
    if (message) expect(res.body.error.message).toBe(message);
  });

  /** The zod schema and the format's reader (parse.ts) accept and reject the same policy objects, at the same paths. */
  it.each([
    [{}],
    [RULES],
    [
      {
        wfhShare: null,
        minOnSitePerUnit: null,
        minAgencyLeadersOnSite: null,
        alwaysOnSiteRoles: null,
        minOnSiteShareByRole: null,
        requireEligibilityForWfh: null,
      },
    ],
    [{ wfhShare: { scope: 'unit', min: 0, target: 0.3, max: 0.3 } }],
    [{ wfhShare: { scope: 'agency', min: 0.7, target: 0.5 } }],
    [{ wfhShare: { min: 0.5 } }],
    [{ wfhShare: { scope: 'agency', max: -0.1 } }],
    [{ minOnSitePerUnit: { people: 2, leaders: 1, staff: 1 } }],
    [{ minAgencyLeadersOnSite: 0.5 }],
    [{ alwaysOnSiteRoles: ['director', 'clerk'] }],
    [{ alwaysOnSiteRoles: 'director' }],
    [{ minOnSiteShareByRole: { head: 1, staff: 0 } }],
    [{ minOnSiteShareByRole: { boss: 0.5 } }],
    [{ requireEligibilityForWfh: 'yes' }],
    [{ wfhShareMax: 0.3 }],
  ])('agrees with parseInstance on %j', (policy) => {
    const viaFormat = parseInstance({
      format: 'congvu.roster/1',
      period: { from: '2021-07-19', to: '2021-07-23' },
      agencies: [],
      units: [],
      people: [],
      policy,
    });
    const viaZod = PolicyRulesSchema.safeParse(policy);
    expect(viaZod.success).toBe(viaFormat.ok);
    if (!viaFormat.ok && !viaZod.success) {
      const fromFormat = viaFormat.issues.map((i) => i.path.replace(/^\$\.policy\.?/, '')).sort();
      const fromZod = viaZod.error.issues
        .map((i) =>
          (i.code === 'unrecognized_keys' ? [...i.path, i.keys[0]] : i.path)
            .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
            .join('')
            .replace(/^\./, '')
            .replace(/\.\[/g, '['),
        )
        .sort();
      expect(fromZod).toEqual(fromFormat);
    }
  });
});

describe('policy: update, version and end', () => {
  it('updates with the version, refuses a stale version, re-checks the result and audits', async () => {
    const created = (await c.office!.post('/api/policies', base({ title: 'Kế hoạch cần sửa' }))).body;
    const first = await c.director!.patch(`/api/policies/${created.id}`, {
      version: 1,
      rules: { ...RULES, wfhShare: { scope: 'agency', min: 0.3, target: 0.3, max: 0.3 } },
      notes: 'Điều chỉnh theo Công văn 2215',
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    expect(first.body.descriptions.map((d: any) => d.text)).toContain('Tối đa 30% làm việc tại nhà mỗi ngày (toàn cơ quan)');
    const stale = await c.office!.patch(`/api/policies/${created.id}`, { version: 1, title: 'Sửa trùng' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    // The checks run on the merged result: a new afternoon start before the stored morning end.
    const bad = await c.office!.patch(`/api/policies/${created.id}`, { version: 2, afternoonStart: '11:00' });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['body.afternoonStart']);
    const unscoped = await c.office!.patch(`/api/policies/${created.id}`, { version: 2, scopeAgencyIds: [], scopeDistricts: [] });
    expect(unscoped.status).toBe(400);
    expect(paths(unscoped)).toEqual(['body.scopeAgencyIds']);
    expect((await c.head!.patch(`/api/policies/${created.id}`, { version: 2, title: 'Không được' })).status).toBe(403);
    expect((await c.sytOffice!.patch(`/api/policies/${created.id}`, { version: 2, title: 'Không được' })).status).toBe(404);
    expect((await c.office!.patch(`/api/policies/${created.id}`, { version: 2, ownerAgencyId: 'syt' })).status).toBe(400);
    const actions = (await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, created.id))).map((a) => a.action);
    expect(actions).toEqual(['policy.created', 'policy.updated']);
  });

  it('ends a policy by setting validTo (not before validFrom), with the version', async () => {
    const created = (await c.office!.post('/api/policies', base({ title: 'Kế hoạch sẽ kết thúc', validFrom: '2021-07-01' }))).body;
    expect(created.status).toBe('in_effect');
    const early = await c.office!.post(`/api/policies/${created.id}/end`, { version: 1, validTo: '2021-06-30' });
    expect(early.status).toBe(400);
    expect(paths(early)).toEqual(['body.validTo']);
    expect((await c.staff!.post(`/api/policies/${created.id}/end`, { version: 1, validTo: '2021-07-15' })).status).toBe(403);
    const ended = await c.office!.post(`/api/policies/${created.id}/end`, { version: 1, validTo: '2021-07-15' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ validTo: '2021-07-15', status: 'ended', version: 2 });
    expect((await c.office!.post(`/api/policies/${created.id}/end`, { version: 1, validTo: '2021-07-14' })).status).toBe(409);
    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, 'policy.ended')));
    expect(audit!.data).toMatchObject({ validTo: '2021-07-15', previousValidTo: null });
  });
});

describe('policy: which applies (active) and who sees what', () => {
  let province: string;
  let district: string;
  let agency: string;
  beforeAll(async () => {
    // A separate province tree so the policies of the other tests do not interfere.
    const db = t.deps.db;
    await buildAgency(db, { id: 'dn', name: 'UBND tỉnh Đắk Nông', district: 'Gia Nghĩa' });
    await buildAgency(db, { id: 'dn-sldtbxh', name: 'Sở Lao động - Thương binh và Xã hội', parentId: 'dn', district: 'Gia Nghĩa' });
    await buildAgency(db, { id: 'dn-ttdv', name: 'Trung tâm Dịch vụ việc làm', parentId: 'dn-sldtbxh', district: 'Gia Nghĩa' });
    await buildAgency(db, { id: 'dn-sgd', name: 'Sở Giáo dục và Đào tạo', parentId: 'dn', district: 'Gia Nghĩa' });
    await buildAgency(db, { id: 'dn-krn', name: 'UBND huyện Krông Nô', parentId: 'dn', district: 'Krông Nô' });
    await buildUser(db, { username: 'dn.admin', agencyId: 'dn', roles: ['admin'] });
    const u1 = (await buildUnit(db, { agencyId: 'dn-sldtbxh', name: 'Văn phòng Sở', kind: 'office' })).id;
    const u2 = (await buildUnit(db, { agencyId: 'dn-sgd', name: 'Văn phòng Sở', kind: 'office' })).id;
    const u3 = (await buildUnit(db, { agencyId: 'dn-krn', name: 'Văn phòng UBND huyện', kind: 'office' })).id;
    for (const [name, unitId, roles] of [
      ['ldOffice', u1, ['staff', 'office']],
      ['gdStaff', u2, ['staff']],
      ['krnStaff', u3, ['staff']],
    ] as const) {
      const p = await buildPerson(db, { unitId });
      await buildUser(db, { personId: p.id, username: `dn.${name.toLowerCase()}`, roles: [...roles] });
    }
    for (const name of ['admin', 'ldOffice', 'gdStaff', 'krnStaff']) {
      c[`dn.${name}`] = t.client(`10.21.0.${name.length}`);
      expect((await c[`dn.${name}`]!.login(`dn.${name.toLowerCase()}`, TEST_PASSWORD)).status).toBe(200);
    }
    const admin = c['dn.admin']!;
    province = (
      await admin.post(
        '/api/policies',
        base({ ownerAgencyId: 'dn', scopeAgencyIds: ['dn'], title: 'Kế hoạch chung của tỉnh', validFrom: '2021-08-02', validTo: null }),
      )
    ).body.id;
    district = (
      await admin.post(
        '/api/policies',
        base({ ownerAgencyId: 'dn', scopeDistricts: ['Krông Nô'], title: 'Giãn cách tại Krông Nô', validFrom: '2021-07-19', validTo: '2021-07-31' }),
      )
    ).body.id;
    agency = (
      await c['dn.ldOffice']!.post(
        '/api/policies',
        base({ ownerAgencyId: 'dn-sldtbxh', title: 'Phương án của Sở LĐTBXH', validFrom: '2021-07-19', validTo: '2021-12-31' }),
      )
    ).body.id;
    expect([province, district, agency].every(Boolean)).toBe(true);
  });

  it.each([
    ['the agency itself beats its ancestor', 'dn-sldtbxh', '2021-09-01', 'agency', 'agency'],
    ['a child agency gets its parent agency policy', 'dn-ttdv', '2021-09-01', 'agency', 'ancestor'],
    ['after the agency policy, the open-ended province one applies', 'dn-sldtbxh', '2022-01-05', 'province', 'ancestor'],
    ['open-ended: still in force years later', 'dn-sgd', '2030-06-01', 'province', 'ancestor'],
    ['a district policy reaches an agency sitting in the district', 'dn-krn', '2021-07-20', 'district', 'district'],
    ['not another district', 'dn-sgd', '2021-07-20', null, null],
    ['not before any policy starts', 'dn-sldtbxh', '2021-07-16', null, null],
  ] as const)('%s', async (_name, agencyId, date, which, match) => {
    const res = await c['dn.admin']!.get(`/api/policies/active?agencyId=${agencyId}&date=${date}`);
    expect(res.status).toBe(200);
    const expected = which === null ? null : { province, district, agency }[which];
    expect(res.body.policy?.id ?? null).toBe(expected);
    expect(res.body.match).toBe(match);
    expect(res.body.date).toBe(date);
  });

  it('defaults to today (the clock) and checks read permission', async () => {
    const today = await c['dn.gdStaff']!.get('/api/policies/active?agencyId=dn-sgd');
    expect(today.status).toBe(200);
    expect(today.body).toEqual({ policy: null, match: null, date: '2021-07-16' });
    expect((await c['dn.gdStaff']!.get('/api/policies/active?agencyId=dn-sldtbxh')).status).toBe(404);
    expect((await c['dn.gdStaff']!.get('/api/policies/active?agencyId=dn-sgd&date=2021-13-01')).status).toBe(400);
  });

  it('lists only the policies that cover or belong to what the user may read', async () => {
    const titles = async (who: string, q = '') => ((await c[who]!.get(`/api/policies${q}`)).body.policies as any[]).map((p) => p.id).sort();
    expect(await titles('dn.gdStaff')).toEqual([province].sort());
    expect(await titles('dn.krnStaff')).toEqual([province, district].sort());
    expect(await titles('dn.ldOffice')).toEqual([province, agency].sort());
    expect(await titles('dn.admin')).toEqual([province, district, agency].sort());
    expect(await titles('dn.admin', '?agencyId=dn-krn')).toEqual([province, district].sort());
    // Other provinces' users see none of them.
    const nt = await titles('sytStaff');
    expect(nt.some((id) => [province, district, agency].includes(id))).toBe(false);
    expect((await c['dn.gdStaff']!.get(`/api/policies/${agency}`)).status).toBe(404);
    expect((await c['dn.krnStaff']!.get(`/api/policies/${district}`)).status).toBe(200);
    expect((await c['dn.krnStaff']!.get('/api/policies/khong-co')).status).toBe(404);
  });
});

describe('policy: descriptions', () => {
  it('describes each rule in Vietnamese', () => {
    expect(
      describePolicyRules({
        wfhShare: { scope: 'unit', min: null, max: 0.3 },
        minOnSitePerUnit: { people: 1, leaders: 1 },
        alwaysOnSiteRoles: ['director', 'chief_of_office'],
        minOnSiteShareByRole: { head: 0.5 },
        requireEligibilityForWfh: false,
      }),
    ).toEqual([
      { rule: 'wfh_share_max', text: 'Tối đa 30% làm việc tại nhà mỗi ngày (từng đơn vị)' },
      { rule: 'unit_min_people_onsite', text: 'Mỗi đơn vị có ít nhất 1 người làm việc tại cơ quan mỗi ngày' },
      { rule: 'unit_min_leaders_onsite', text: 'Mỗi đơn vị có ít nhất 1 lãnh đạo đơn vị làm việc tại cơ quan mỗi ngày' },
      { rule: 'always_onsite_role', text: 'Luôn làm việc tại cơ quan (100%): Giám đốc, Chánh Văn phòng' },
      { rule: 'role_min_onsite_share', text: 'Trưởng phòng: làm việc tại cơ quan tối thiểu 50% số ngày làm việc' },
    ]);
  });

  it('the OpenAPI description still builds with the policy, calendar and duty routes', async () => {
    const res = await c.staff!.get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/policies',
        '/policies/active',
        '/policies/{id}',
        '/policies/{id}/end',
        '/calendar/{year}',
        '/calendar/overrides/{date}',
        '/duty',
        '/duty/{agencyId}/{date}',
      ]),
    );
  });
});
