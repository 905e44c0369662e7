import { describe, expect, it } from 'vitest';
import { distinctNames } from './appendix1';

const units = new Map([
  ['u1', 'Phòng Tổ chức, biên chế'],
  ['u2', 'Văn phòng Sở'],
]);

describe('Phụ lục 1 names two people of the same name apart (issue 11, item 9)', () => {
  it('keeps a unique name as it is', () => {
    expect([...distinctNames([{ id: 'a', fullName: 'Nguyễn Thị An', unitId: 'u1' }], units).values()]).toEqual(['Nguyễn Thị An']);
  });

  it('adds the unit, then the title, then a number when nothing else tells them apart', () => {
    const names = distinctNames(
      [
        { id: 'a', fullName: 'Nguyễn Văn Hùng', unitId: 'u1', title: 'Chuyên viên' },
        { id: 'b', fullName: 'Nguyễn Văn Hùng', unitId: 'u2', title: 'Chuyên viên' },
        { id: 'c', fullName: 'Trần Thị Mai', unitId: 'u1', title: 'Chuyên viên chính' },
        { id: 'd', fullName: 'Trần Thị Mai', unitId: 'u1', title: 'Chuyên viên' },
        { id: 'e', fullName: 'Lê Văn Tâm', unitId: 'u2', title: null },
        { id: 'f', fullName: 'Lê Văn Tâm', unitId: 'u2', title: null },
        { id: 'g', fullName: 'Phạm Thu Hà', unitId: 'u2' },
      ],
      units,
    );
    expect(Object.fromEntries(names)).toEqual({
      a: 'Nguyễn Văn Hùng (Phòng Tổ chức, biên chế)',
      b: 'Nguyễn Văn Hùng (Văn phòng Sở)',
      c: 'Trần Thị Mai (Chuyên viên chính, Phòng Tổ chức, biên chế)',
      d: 'Trần Thị Mai (Chuyên viên, Phòng Tổ chức, biên chế)',
      e: 'Lê Văn Tâm (Văn phòng Sở) [1]',
      f: 'Lê Văn Tâm (Văn phòng Sở) [2]',
      g: 'Phạm Thu Hà',
    });
  });
});
