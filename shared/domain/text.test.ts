import { describe, expect, it } from 'vitest';
import { FOLD_FROM, FOLD_TO, foldVi } from './text';

describe('foldVi', () => {
  it('removes Vietnamese diacritics and case', () => {
    expect(foldVi('Phòng Tổ chức, Biên chế')).toBe('phong to chuc, bien che');
    expect(foldVi('ĐỖ MINH CHÂU — Ứng phó dịch')).toBe('do minh chau — ung pho dich');
    expect(foldVi('Nguyễn Thị Hường')).toBe('nguyen thi huong');
  });
  it('folds decomposed input (NFD) too', () => {
    expect(foldVi('Hỏa tốc'.normalize('NFD'))).toBe('hoa toc');
  });
  it('has one replacement for every folded character (for SQL translate)', () => {
    expect([...FOLD_FROM].length).toBe([...FOLD_TO].length);
  });
});
