import { describe, expect, it } from 'vitest';
import { agencyHeadTitle, positionTitle } from './org';

describe('titles in signature blocks come from the agency and the unit (issue 11, item 9)', () => {
  it('a Sở is headed by a Giám đốc, a UBND (tỉnh, huyện, xã) by a Chủ tịch', () => {
    expect(['department', 'province', 'district', 'commune', 'other'].map(agencyHeadTitle)).toEqual([
      'GIÁM ĐỐC',
      'CHỦ TỊCH',
      'CHỦ TỊCH',
      'CHỦ TỊCH',
      'GIÁM ĐỐC',
    ]);
  });
  it('a unit head is a Chánh Thanh tra in an Inspectorate and a Trưởng phòng in a department', () => {
    expect(positionTitle('head', 'inspectorate')).toBe('Chánh Thanh tra');
    expect(positionTitle('deputy_head', 'inspectorate')).toBe('Phó Chánh Thanh tra');
    expect(positionTitle('head', 'department')).toBe('Trưởng phòng');
    expect(positionTitle('chief_of_office', 'office')).toBe('Chánh Văn phòng');
  });
});
