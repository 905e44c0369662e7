import { describe, expect, it } from 'vitest';
import { deltaTSeconds, newMoonJde, sunApparentLongitude } from './astro';

describe('astronomy (Meeus)', () => {
  it('new moon k = −283 is JDE 2443192.65118 (Meeus example 49.a, 1977-02-18)', () => {
    expect(newMoonJde(-283)).toBeCloseTo(2443192.65118, 4);
  });

  it("Sun's apparent longitude on 1992-10-13 0h TD is 199.90895° (Meeus example 25.a)", () => {
    expect(sunApparentLongitude(2448908.5)).toBeCloseTo(199.90895, 3);
  });

  it('ΔT follows the observed values (about −3 s in 1900, 64 s in 2000, 69 s in 2020)', () => {
    expect(deltaTSeconds(1900)).toBeCloseTo(-2.79, 1);
    expect(deltaTSeconds(2000)).toBeCloseTo(63.86, 1);
    expect(deltaTSeconds(2020)).toBeGreaterThan(65);
    expect(deltaTSeconds(2020)).toBeLessThan(72);
  });
});
