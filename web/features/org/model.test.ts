import { describe, expect, it } from 'vitest';
import type { AgencyView, PersonView } from '../../../shared/contracts/org';
import {
  agencyOptions,
  defaultAgencyId,
  defaultRolesFor,
  emptyPersonForm,
  formToCreate,
  formToUpdate,
  personToForm,
  suggestUsername,
  wfhMissing,
} from './model';

const agency = (id: string, parentId: string | null, path: string, name: string): AgencyView => ({
  id,
  parentId,
  path,
  name,
  shortName: null,
  code: null,
  kind: parentId ? 'department' : 'province',
  district: null,
  province: null,
  address: null,
  version: 1,
});

const person: PersonView = {
  id: 'p1',
  agencyId: 'a',
  unitId: 'u1',
  unitName: 'Văn phòng',
  fullName: 'Nguyễn Văn An',
  position: 'staff',
  title: null,
  email: 'an@example.vn',
  phone: null,
  hasComputer: true,
  hasEofficeAccess: false,
  canWorkFromHome: false,
  homeWorkplace: null,
  residenceArea: 'Phan Rang-Tháp Chàm',
  active: true,
  hasAccount: false,
  version: 3,
};

describe('agency tree for the picker', () => {
  it('lists parents before children, siblings by Vietnamese name, with depth', () => {
    const list = [
      agency('tinh', null, '/tinh/', 'UBND tỉnh Ninh Thuận'),
      agency('syt', 'tinh', '/tinh/syt/', 'Sở Y tế'),
      agency('snv', 'tinh', '/tinh/snv/', 'Sở Nội vụ'),
      agency('ttyt', 'syt', '/tinh/syt/ttyt/', 'Trung tâm Y tế'),
      agency('ubnd-h', 'tinh', '/tinh/ubnd-h/', 'UBND huyện Ninh Phước'),
    ];
    expect(agencyOptions(list).map((o) => [o.label, o.depth])).toEqual([
      ['UBND tỉnh Ninh Thuận', 0],
      ['Sở Nội vụ', 1],
      ['Sở Y tế', 1],
      ['Trung tâm Y tế', 2],
      ['UBND huyện Ninh Phước', 1],
    ]);
  });

  it('treats an agency whose parent is not visible as a root', () => {
    const opts = agencyOptions([agency('syt', 'tinh', '/tinh/syt/', 'Sở Y tế')]);
    expect(opts).toEqual([{ value: 'syt', label: 'Sở Y tế', depth: 0 }]);
  });

  it('picks the asked agency, else the own one, else the first', () => {
    const opts = agencyOptions([agency('a', null, '/a/', 'A'), agency('b', 'a', '/a/b/', 'B')]);
    expect(defaultAgencyId(opts, 'b', 'a')).toBe('b');
    expect(defaultAgencyId(opts, 'zz', 'b')).toBe('b');
    expect(defaultAgencyId(opts, null, null)).toBe('a');
    expect(defaultAgencyId([], null, 'a')).toBeNull();
  });
});

describe('person form', () => {
  it('names what is missing to work from home', () => {
    expect(wfhMissing({ hasComputer: true, hasEofficeAccess: true })).toEqual([]);
    expect(wfhMissing({ hasComputer: false, hasEofficeAccess: false })).toEqual(['computer', 'eoffice']);
  });

  it('sends empty optional texts as null and trims the name', () => {
    const v = { ...emptyPersonForm('u1'), fullName: '  Trần   Thị Bình ', title: '  ', phone: '0912 345 678' };
    expect(formToCreate(v)).toEqual({
      unitId: 'u1',
      fullName: 'Trần Thị Bình',
      position: 'staff',
      title: null,
      email: null,
      phone: '0912 345 678',
      hasComputer: true,
      hasEofficeAccess: true,
      homeWorkplace: null,
      residenceArea: null,
    });
  });

  it('updates only the changed fields, with the version read', () => {
    const v = { ...personToForm(person), hasEofficeAccess: true, email: '' };
    expect(formToUpdate(v, person)).toEqual({ version: 3, hasEofficeAccess: true, email: null });
    expect(formToUpdate({ ...personToForm(person), active: false }, person)).toEqual({ version: 3, active: false });
    expect(formToUpdate(personToForm(person), person)).toEqual({ version: 3 });
  });
});

describe('accounts', () => {
  it('suggests the agency-style username without diacritics', () => {
    expect(suggestUsername('Nguyễn Văn An')).toBe('annv');
    expect(suggestUsername('Đặng Thị Thu Hường')).toBe('huongdtt');
    expect(suggestUsername('')).toBe('');
  });

  it('grants the leadership role of the position besides staff', () => {
    expect(defaultRolesFor('head')).toEqual(['staff', 'unit_head']);
    expect(defaultRolesFor('chief_of_office')).toEqual(['staff', 'office']);
    expect(defaultRolesFor('staff')).toEqual(['staff']);
  });
});
