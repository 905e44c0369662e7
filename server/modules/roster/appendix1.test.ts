import { describe, expect, it } from 'vitest';
import { appendix1Labels } from './appendix1';

const units: Record<string, string> = { tc: 'Phòng Tổ chức, Biên chế', vp: 'Văn phòng' };

describe('Phụ lục 1 names', () => {
  it('tells namesakes of the agency apart by unit, and by title when they share the unit', () => {
    const labels = appendix1Labels(
      [
        { id: 'a', fullName: 'Nguyễn Văn An', unitId: 'tc', title: null, position: 'staff' },
        { id: 'b', fullName: 'Nguyễn Văn An', unitId: 'vp', title: null, position: 'staff' },
        { id: 'c', fullName: 'Trần Thị Bình', unitId: 'vp', title: 'Chuyên viên chính', position: 'staff' },
        { id: 'd', fullName: 'Trần Thị Bình', unitId: 'vp', title: null, position: 'deputy_head' },
        { id: 'e', fullName: 'Lê Văn Cường', unitId: 'tc', title: null, position: 'head' },
      ],
      (id) => units[id]!,
    );
    expect(labels.get('a')).toBe('Nguyễn Văn An (Phòng Tổ chức, Biên chế)');
    expect(labels.get('b')).toBe('Nguyễn Văn An (Văn phòng)');
    expect(labels.get('c')).toBe('Trần Thị Bình (Chuyên viên chính, Văn phòng)');
    expect(labels.get('d')).toMatch(/^Trần Thị Bình \(Phó .+, Văn phòng\)$/);
    expect(labels.get('e')).toBe('Lê Văn Cường');
    expect(new Set(labels.values()).size).toBe(5);
  });
});
