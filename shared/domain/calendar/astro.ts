/**
 * Astronomy needed by the Vietnamese lunisolar calendar: the instant of each new moon and the
 * Sun's apparent longitude. Implemented from the formulas published in Jean Meeus,
 * "Astronomical Algorithms" (2nd ed., 1998): ch. 49 (phases of the Moon, with the planetary
 * arguments), ch. 25 (solar coordinates, low-accuracy method) and the Espenak–Meeus polynomials
 * for ΔT (TT − UT). No third-party code.
 *
 * Accuracy over 1900–2100: new moons within about a minute, solar longitude within about 0.01°
 * (≈ 15 minutes of time). Julian dates here are plain numbers: JDE in Terrestrial Time, JD in UT.
 */

const RAD = Math.PI / 180;
const sinDeg = (deg: number): number => Math.sin(deg * RAD);

/** JD of 2000-01-01 12:00 TT. */
const J2000 = 2451545.0;
/** Mean length of a lunation in days (Meeus 49.1). */
export const SYNODIC_MONTH = 29.530588861;
/** JDE of the mean new moon with lunation index k = 0 (2000-01-06). */
const K0_JDE = 2451550.09766;

/** ΔT = TT − UT in seconds for a decimal year (Espenak & Meeus polynomials, valid 1900–2150). */
export function deltaTSeconds(year: number): number {
  if (year < 1900) {
    const u = (year - 1820) / 100;
    return -20 + 32 * u * u;
  }
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  const u = (year - 1820) / 100;
  return -20 + 32 * u * u - 0.5628 * (2150 - Math.min(year, 2150));
}

const decimalYear = (jd: number): number => 2000 + (jd - J2000) / 365.25;

/** TT → UT. */
export function jdeToJdUt(jde: number): number {
  return jde - deltaTSeconds(decimalYear(jde)) / 86400;
}

/** UT → TT. */
export function jdUtToJde(jd: number): number {
  return jd + deltaTSeconds(decimalYear(jd)) / 86400;
}

/**
 * Periodic terms of the true new moon (Meeus table in ch. 49): coefficient, power of E, and the
 * multiples of M (Sun's mean anomaly), M′ (Moon's mean anomaly), F (Moon's argument of latitude)
 * and Ω (longitude of the ascending node) in the sine argument.
 */
const NEW_MOON_TERMS: ReadonlyArray<readonly [number, number, number, number, number, number]> = [
  [-0.4072, 0, 0, 1, 0, 0],
  [0.17241, 1, 1, 0, 0, 0],
  [0.01608, 0, 0, 2, 0, 0],
  [0.01039, 0, 0, 0, 2, 0],
  [0.00739, 1, -1, 1, 0, 0],
  [-0.00514, 1, 1, 1, 0, 0],
  [0.00208, 2, 2, 0, 0, 0],
  [-0.00111, 0, 0, 1, -2, 0],
  [-0.00057, 0, 0, 1, 2, 0],
  [0.00056, 1, 1, 2, 0, 0],
  [-0.00042, 0, 0, 3, 0, 0],
  [0.00042, 1, 1, 0, 2, 0],
  [0.00038, 1, 1, 0, -2, 0],
  [-0.00024, 1, -1, 2, 0, 0],
  [-0.00017, 0, 0, 0, 0, 1],
  [-0.00007, 0, 2, 1, 0, 0],
  [0.00004, 0, 0, 2, -2, 0],
  [0.00004, 0, 3, 0, 0, 0],
  [0.00003, 0, 1, 1, -2, 0],
  [0.00003, 0, 0, 2, 2, 0],
  [-0.00003, 0, 1, 1, 2, 0],
  [0.00003, 0, -1, 1, 2, 0],
  [-0.00002, 0, -1, 1, -2, 0],
  [-0.00002, 0, 1, 3, 0, 0],
  [0.00002, 0, 0, 4, 0, 0],
];

/** Planetary arguments A1…A14 (constant, rate per lunation) and their coefficients (ch. 49). */
const PLANETARY_TERMS: ReadonlyArray<readonly [number, number, number]> = [
  [299.77, 0.107408, 0.000325], // A1 (also −0.009173 T², added below)
  [251.88, 0.016321, 0.000165],
  [251.83, 26.651886, 0.000164],
  [349.42, 36.412478, 0.000126],
  [84.66, 18.206239, 0.00011],
  [141.74, 53.303771, 0.000062],
  [207.14, 2.453732, 0.00006],
  [154.84, 7.30686, 0.000056],
  [34.52, 27.261239, 0.000047],
  [207.19, 0.121824, 0.000042],
  [291.34, 1.844379, 0.00004],
  [161.72, 24.198154, 0.000037],
  [239.56, 25.513099, 0.000035],
  [331.55, 3.592518, 0.000023],
];

/** JDE (TT) of the true new moon with integer lunation index k (k = 0: 2000-01-06; k = −283: 1977-02-18). */
export function newMoonJde(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const T4 = T3 * T;
  const mean = K0_JDE + SYNODIC_MONTH * k + 0.00015437 * T2 - 0.00000015 * T3 + 0.00000000073 * T4;
  const E = 1 - 0.002516 * T - 0.0000074 * T2;
  const M = 2.5534 + 29.1053567 * k - 0.0000014 * T2 - 0.00000011 * T3;
  const Mp = 201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4;
  const F = 160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4;
  const Om = 124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3;

  let correction = 0;
  for (const [coef, ePow, m, mp, f, om] of NEW_MOON_TERMS) {
    correction += coef * E ** ePow * sinDeg(m * M + mp * Mp + f * F + om * Om);
  }
  PLANETARY_TERMS.forEach(([a0, rate, coef], i) => {
    correction += coef * sinDeg(a0 + rate * k - (i === 0 ? 0.009173 * T2 : 0));
  });
  return mean + correction;
}

/** Lunation index k whose mean new moon is nearest to the given JD (UT or TT, ±1 day is irrelevant). */
export function nearestLunation(jd: number): number {
  return Math.round((jd - K0_JDE) / SYNODIC_MONTH);
}

const norm360 = (deg: number): number => ((deg % 360) + 360) % 360;

/** Apparent geocentric longitude of the Sun in degrees [0, 360) at a JDE (low-accuracy method, ch. 25). */
export function sunApparentLongitude(jde: number): number {
  const T = (jde - J2000) / 36525;
  const L0 = 280.46646 + 36000.76983 * T + 0.0003032 * T * T;
  const M = 357.52911 + 35999.05029 * T - 0.0001537 * T * T;
  const C = (1.914602 - 0.004817 * T - 0.000014 * T * T) * sinDeg(M) + (0.019993 - 0.000101 * T) * sinDeg(2 * M) + 0.000289 * sinDeg(3 * M);
  const omega = 125.04 - 1934.136 * T;
  return norm360(L0 + C - 0.00569 - 0.00478 * sinDeg(omega));
}
