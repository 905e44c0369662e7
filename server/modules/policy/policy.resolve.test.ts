import { describe, expect, it } from 'vitest';
import { pickPolicy, type PolicyRow } from './policy.resolve';

const base = {
  validFrom: '2021-07-01',
  validTo: null,
  docDate: '2021-07-01',
  createdAt: new Date('2021-07-01T00:00:00Z'),
  scopeAgencyIds: [],
  scopeDistricts: [],
} as unknown as PolicyRow;
const policy = (id: string, o: Partial<PolicyRow>): PolicyRow => ({ ...base, id, ownerAgencyId: 'nt', ...o }) as PolicyRow;
const snv = { id: 'nt-snv', path: '/nt/nt-snv/', district: 'Phan Rang-Tháp Chàm' };
const owners = new Map([
  ['nt', '/nt/'],
  ['nt-snv', '/nt/nt-snv/'],
  ['th', '/th/'],
]);

describe('which policy applies', () => {
  it('prefers the plan for the agency’s district (seed 002 §1) over a province-wide plan', () => {
    const province = policy('province', { scopeAgencyIds: ['nt'] });
    const district = policy('district', { scopeDistricts: ['Phan Rang-Tháp Chàm', 'Ninh Phước'] });
    expect(pickPolicy([province, district], snv, '2021-07-19', owners)?.id).toBe('district');
  });

  it('prefers the agency’s own plan over a district plan', () => {
    const own = policy('own', { ownerAgencyId: 'nt-snv', scopeAgencyIds: ['nt-snv'] });
    const district = policy('district', { scopeDistricts: ['Phan Rang-Tháp Chàm'] });
    expect(pickPolicy([district, own], snv, '2021-07-19', owners)?.id).toBe('own');
  });

  it('does not match a district of the same name in another province', () => {
    const otherProvince = policy('th-plan', { ownerAgencyId: 'th', scopeDistricts: ['Phan Rang-Tháp Chàm'] });
    expect(pickPolicy([otherProvince], snv, '2021-07-19', owners)).toBeNull();
  });

  it('keeps an open-ended policy and skips ended or future ones; the latest document wins a tie', () => {
    const ended = policy('ended', { scopeAgencyIds: ['nt-snv'], validTo: '2021-07-10' });
    const future = policy('future', { scopeAgencyIds: ['nt-snv'], validFrom: '2021-08-01' });
    const older = policy('older', { scopeAgencyIds: ['nt-snv'], docDate: '2021-07-02' });
    const newer = policy('newer', { scopeAgencyIds: ['nt-snv'], docDate: '2021-07-16' });
    expect(pickPolicy([ended, future, older, newer], snv, '2021-07-19', owners)?.id).toBe('newer');
    expect(pickPolicy([ended, future], snv, '2021-07-19', owners)).toBeNull();
  });
});
