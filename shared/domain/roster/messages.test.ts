import { describe, expect, it } from 'vitest';
import { MODES, ROLES, UNIT_KINDS } from './format';
import { MODE_VI, ROLE_VI, UNIT_KIND_VI, namesVi, percentVi, personLabel } from './messages';

describe('percentVi', () => {
  it('writes whole percentages without decimals', () => {
    expect(percentVi(0.25)).toBe('25%');
    expect(percentVi(0.3)).toBe('30%');
    expect(percentVi(0)).toBe('0%');
    expect(percentVi(1)).toBe('100%');
  });
  it('writes one decimal with a comma, as Vietnamese does', () => {
    expect(percentVi(1 / 3)).toBe('33,3%');
    expect(percentVi(0.125)).toBe('12,5%');
  });
});

describe('namesVi', () => {
  it('lists up to five names, then counts the others', () => {
    expect(namesVi([])).toBe('');
    expect(namesVi(['A', 'B'])).toBe('A, B');
    expect(namesVi(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C, D, E');
    expect(namesVi(['A', 'B', 'C', 'D', 'E', 'F', 'G'])).toBe('A, B, C, D, E và 2 người khác');
  });
});

describe('labels', () => {
  it('has a Vietnamese label for every mode, role and unit kind', () => {
    for (const m of MODES) expect(MODE_VI[m]).toBeTruthy();
    for (const r of ROLES) expect(ROLE_VI[r]).toBeTruthy();
    for (const k of UNIT_KINDS) expect(UNIT_KIND_VI[k]).toBeTruthy();
  });
  it('labels a person with role and unit', () => {
    expect(personLabel('Lê Thị B', 'deputy_head', 'Phòng Người có công')).toBe('Lê Thị B (Phó Trưởng phòng, Phòng Người có công)');
    expect(personLabel('Lê Thị B', 'staff', undefined)).toBe('Lê Thị B (Công chức, viên chức)');
  });
});
