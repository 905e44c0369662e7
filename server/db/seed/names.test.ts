import { describe, expect, it } from 'vitest';
import { emailStem, parseName, randomName, randomPhone, toAscii, UniqueNames, usernameStem } from './names';
import { Rng } from './random';

describe('Vietnamese names', () => {
  it('are the same for the same seed and differ for another seed', () => {
    const a = Array.from(
      { length: 50 },
      (
        (r) => () =>
          randomName(r).fullName
      )(new Rng(42)),
    );
    const b = Array.from(
      { length: 50 },
      (
        (r) => () =>
          randomName(r).fullName
      )(new Rng(42)),
    );
    const c = Array.from(
      { length: 50 },
      (
        (r) => () =>
          randomName(r).fullName
      )(new Rng(43)),
    );
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('keep gender-marked middle names consistent: "Thị" only for women, "Văn" only for men', () => {
    const rng = new Rng(7);
    let thi = 0;
    let van = 0;
    for (let i = 0; i < 3000; i++) {
      const n = randomName(rng, { region: i % 2 ? 'north' : 'south' });
      expect(n.fullName).toBe(n.fullName.normalize('NFC'));
      expect(n.fullName).toBe([n.family, ...n.middle, n.given].join(' '));
      if (n.middle.includes('Thị')) {
        thi++;
        expect(n.gender).toBe('female');
      }
      if (n.middle.includes('Văn')) {
        van++;
        expect(n.gender).toBe('male');
      }
      expect(n.middle).not.toContain(n.given);
    }
    expect(thi).toBeGreaterThan(300);
    expect(van).toBeGreaterThan(300);
  });

  it('uses the common family names, Nguyễn most of all', () => {
    const rng = new Rng(9);
    const counts = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      const f = randomName(rng).family;
      counts.set(f, (counts.get(f) ?? 0) + 1);
    }
    const top = [...counts.entries()].sort((x, y) => y[1] - x[1])[0];
    expect(top[0]).toBe('Nguyễn');
    for (const f of ['Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô']) expect(counts.get(f) ?? 0, f).toBeGreaterThan(0);
  });

  it('gives ASCII usernames and e-mail stems the way agencies write them', () => {
    expect(toAscii('Đỗ Hữu Quyết')).toBe('do huu quyet');
    expect(usernameStem(parseName('Nguyễn Văn Tuấn', 'male'))).toBe('tuannv');
    expect(emailStem(parseName('Nguyễn Văn Tuấn', 'male'))).toBe('tuan.nv');
    expect(usernameStem(parseName('Nguyễn Thị Thu Hương', 'female'))).toBe('huongntt');
    expect(usernameStem(parseName('Trần Hải', 'male'))).toBe('hait');
    expect(usernameStem(parseName('Hoàng Việt Nam', 'male'))).toBe('namhv');
  });

  it('makes names unique with a number', () => {
    const u = new UniqueNames();
    expect(u.take('tuannv', (s) => `${s}.snv`)).toBe('tuannv.snv');
    expect(u.take('tuannv', (s) => `${s}.snv`)).toBe('tuannv2.snv');
    expect(u.take('tuannv', (s) => `${s}.snv`)).toBe('tuannv3.snv');
  });

  it('gives 10-digit mobile numbers', () => {
    const rng = new Rng(1);
    for (let i = 0; i < 100; i++) expect(randomPhone(rng)).toMatch(/^0[35789]\d{8}$/);
  });
});
