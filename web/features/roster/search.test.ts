import { describe, expect, it } from 'vitest';
import { filterByName, foldName, nameMatches, pageOf, pageOfIndex, peopleInViolation } from './search';

describe('name search', () => {
  it('ignores accents, đ and case: "nguyen van" finds "Nguyễn Văn An"', () => {
    expect(foldName('  Nguyễn   Văn ĐỨC ')).toBe('nguyen van duc');
    expect(nameMatches('Nguyễn Văn An', 'nguyen van')).toBe(true);
    expect(nameMatches('Đặng Thị Hồng', 'dang hong')).toBe(true);
    expect(nameMatches('Trần Hải', 'TRAN')).toBe(true);
  });

  it('matches each typed word at the start of a name word, in any order', () => {
    expect(nameMatches('Nguyễn Văn An', 'an nguyen')).toBe(true);
    expect(nameMatches('Nguyễn Văn An', 'ng v')).toBe(true);
    // "guyen" is inside a word, not at its start; "binh" is not in the name.
    expect(nameMatches('Nguyễn Văn An', 'guyen')).toBe(false);
    expect(nameMatches('Nguyễn Văn An', 'nguyen binh')).toBe(false);
  });

  it('an empty search keeps everyone; a search keeps the matching people in order', () => {
    const people = [{ fullName: 'Nguyễn Văn An' }, { fullName: 'Lê Thị Bình' }, { fullName: 'Nguyễn Thị Cúc' }];
    expect(filterByName(people, '   ')).toEqual(people);
    expect(filterByName(people, 'nguyen').map((p) => p.fullName)).toEqual(['Nguyễn Văn An', 'Nguyễn Thị Cúc']);
    expect(filterByName(people, 'nguyen van')).toEqual([{ fullName: 'Nguyễn Văn An' }]);
  });
});

describe('pages of people', () => {
  const items = Array.from({ length: 45 }, (_, i) => i);
  it('cuts the list in pages and clamps the page number', () => {
    expect(pageOf(items, 0, 20)).toMatchObject({ page: 0, pages: 3, from: 1, to: 20, total: 45 });
    expect(pageOf(items, 2, 20).items).toEqual([40, 41, 42, 43, 44]);
    expect(pageOf(items, 9, 20)).toMatchObject({ page: 2, from: 41, to: 45 });
    expect(pageOf(items, -1, 20).page).toBe(0);
    expect(pageOf([], 0, 20)).toMatchObject({ items: [], page: 0, pages: 1, from: 0, to: 0 });
    expect(pageOfIndex(20, 20)).toBe(1);
    expect(pageOfIndex(-1, 20)).toBe(0);
  });
});

describe('people in violation', () => {
  it('counts each person’s violations, blocking first, and the ones without a person apart', () => {
    const people = [
      { id: 'a', fullName: 'Nguyễn Văn An' },
      { id: 'b', fullName: 'Lê Thị Bình' },
    ];
    const r = peopleInViolation(
      [
        { personId: 'b', severity: 'warn' },
        { personId: 'a', severity: 'warn' },
        { personId: 'b', severity: 'block' },
        { personId: null, severity: 'block' },
        { severity: 'warn' },
        { personId: 'gone', severity: 'warn' },
      ],
      people,
    );
    expect(r.people).toEqual([
      { personId: 'b', fullName: 'Lê Thị Bình', block: 1, warn: 1 },
      { personId: 'a', fullName: 'Nguyễn Văn An', block: 0, warn: 1 },
    ]);
    expect(r.other).toEqual({ block: 1, warn: 2 });
  });
});
