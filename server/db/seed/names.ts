/**
 * Vietnamese personal names for the seeds: họ (family name) + tên đệm (middle name, gender-marked:
 * "Thị" is only female, "Văn" only male) + tên (given name), with proper diacritics (NFC), plus the
 * ASCII forms used for usernames and e-mail addresses (`Nguyễn Văn Tuấn` → `tuannv`, `tuan.nv`).
 * Deterministic: every choice comes from the caller's seeded Rng.
 */
import type { Rng } from './random';

export type Gender = 'male' | 'female';
/** North (Thanh Hóa, Hải Dương) or South-Central / Central Highlands (Ninh Thuận, Đắk Nông): family-name mix differs. */
export type Region = 'north' | 'south';

export interface VnName {
  fullName: string;
  gender: Gender;
  family: string;
  middle: string[];
  given: string;
}

/** Family names with approximate weights (per cent of the population), by region. */
const FAMILY: readonly (readonly [string, number, number])[] = [
  // name, north weight, south weight
  ['Nguyễn', 36, 38],
  ['Trần', 11, 11],
  ['Lê', 9.5, 10],
  ['Phạm', 7.5, 6],
  ['Hoàng', 5.5, 2],
  ['Huỳnh', 0.3, 5],
  ['Phan', 3.5, 5],
  ['Vũ', 5, 1],
  ['Võ', 0.5, 5],
  ['Đặng', 2.2, 2],
  ['Bùi', 2.5, 1.5],
  ['Đỗ', 2.5, 1.2],
  ['Hồ', 0.8, 2],
  ['Ngô', 1.4, 1.2],
  ['Dương', 1, 1],
  ['Lý', 0.4, 0.8],
  ['Đinh', 1.2, 0.8],
  ['Đào', 0.9, 0.5],
  ['Trịnh', 1, 0.4],
  ['Mai', 0.7, 0.6],
  ['Lương', 0.6, 0.5],
  ['Cao', 0.5, 0.5],
  ['Hà', 0.7, 0.4],
  ['Tạ', 0.3, 0.2],
  ['Lưu', 0.3, 0.3],
  ['Tô', 0.3, 0.3],
  ['Lâm', 0.2, 0.5],
  ['Thái', 0.2, 0.4],
  ['Phùng', 0.3, 0.1],
  ['Lại', 0.3, 0.1],
  ['Chu', 0.3, 0.1],
  ['Châu', 0.1, 0.4],
  ['Trương', 0.5, 1],
  ['Nông', 0.1, 0.2],
  ['Kiều', 0.2, 0.1],
  ['Quách', 0.2, 0.1],
];

const MIDDLE_MALE: readonly (readonly [string, number])[] = [
  ['Văn', 30],
  ['Đức', 8],
  ['Minh', 8],
  ['Quang', 6],
  ['Hữu', 5],
  ['Công', 5],
  ['Thanh', 5],
  ['Đình', 5],
  ['Xuân', 4],
  ['Ngọc', 4],
  ['Quốc', 4],
  ['Anh', 3],
  ['Trọng', 3],
  ['Duy', 3],
  ['Thế', 3],
  ['Mạnh', 2],
  ['Tiến', 2],
  ['Bá', 2],
  ['Hoàng', 2],
  ['Việt', 2],
  ['Trung', 2],
  ['Tuấn', 1],
  ['Hồng', 1],
  ['Gia', 1],
  ['Kim', 1],
];

const MIDDLE_FEMALE: readonly (readonly [string, number])[] = [
  ['Thị', 45],
  ['Thu', 5],
  ['Ngọc', 5],
  ['Thanh', 5],
  ['Kim', 3],
  ['Hồng', 3],
  ['Phương', 3],
  ['Thùy', 3],
  ['Minh', 3],
  ['Mỹ', 2],
  ['Bích', 2],
  ['Hải', 2],
  ['Khánh', 2],
  ['Hoài', 2],
  ['Thúy', 2],
  ['Diệu', 1],
  ['Lan', 1],
  ['Quỳnh', 1],
  ['Mai', 1],
  ['Tuyết', 1],
  ['Vân', 1],
];

/** Second middle names after "Thị" (Nguyễn Thị Thu Hương). */
const SECOND_FEMALE = ['Thu', 'Ngọc', 'Thanh', 'Kim', 'Hồng', 'Minh', 'Hải', 'Phương', 'Bích', 'Mỹ', 'Thúy', 'Thùy'];

const GIVEN_MALE = [
  'Tuấn',
  'Hùng',
  'Dũng',
  'Hải',
  'Nam',
  'Long',
  'Quân',
  'Sơn',
  'Thắng',
  'Trung',
  'Cường',
  'Huy',
  'Hoàng',
  'Khánh',
  'Phong',
  'Tài',
  'Thành',
  'Việt',
  'Bình',
  'Đạt',
  'Hiếu',
  'Kiên',
  'Lâm',
  'Nghĩa',
  'Phúc',
  'Quang',
  'Tâm',
  'Tú',
  'Vinh',
  'Anh',
  'Bảo',
  'Chiến',
  'Công',
  'Danh',
  'Duy',
  'Định',
  'Đông',
  'Đức',
  'Giang',
  'Hậu',
  'Hiệp',
  'Hòa',
  'Khoa',
  'Lợi',
  'Lực',
  'Mạnh',
  'Minh',
  'Ninh',
  'Phương',
  'Quyết',
  'Sáng',
  'Tiến',
  'Toàn',
  'Trí',
  'Trọng',
  'Tùng',
  'Vũ',
  'Thịnh',
  'Thuận',
  'Hưng',
  'Khải',
  'Lộc',
  'Nhân',
  'Quý',
  'Tân',
  'Thái',
  'Thiện',
  'Thông',
  'Tuyên',
  'Hà',
  'Hoan',
  'Luân',
  'Phát',
  'Sỹ',
  'Thạch',
  'Trường',
  'Tuệ',
  'Khương',
];

const GIVEN_FEMALE = [
  'Hương',
  'Lan',
  'Mai',
  'Hoa',
  'Hà',
  'Linh',
  'Ngọc',
  'Trang',
  'Thảo',
  'Huyền',
  'Hằng',
  'Nga',
  'Nhung',
  'Yến',
  'Loan',
  'Oanh',
  'Phương',
  'Quỳnh',
  'Thủy',
  'Vân',
  'Dung',
  'Giang',
  'Hạnh',
  'Liên',
  'Thu',
  'Trâm',
  'Uyên',
  'Xuân',
  'Hiền',
  'Ly',
  'Anh',
  'Chi',
  'Diệp',
  'Duyên',
  'Hảo',
  'Hồng',
  'Huệ',
  'Khánh',
  'Lệ',
  'Liễu',
  'My',
  'Nguyệt',
  'Nhi',
  'Nhàn',
  'Phượng',
  'Quyên',
  'Tâm',
  'Thắm',
  'Thơ',
  'Thúy',
  'Tuyết',
  'Vy',
  'Hòa',
  'Ngân',
  'Tú',
  'Thanh',
  'Bích',
  'Diệu',
  'Hoài',
  'Kiều',
  'Lụa',
  'Mến',
  'Minh',
  'Nhạn',
  'Sen',
  'Thoa',
  'Trinh',
  'Vui',
];

function pickFamily(rng: Rng, region: Region): string {
  return rng.weighted(FAMILY.map(([name, n, s]) => [name, region === 'north' ? n : s] as const));
}

/** A random name of the given (or a random) gender. */
export function randomName(rng: Rng, opts: { gender?: Gender; region?: Region } = {}): VnName {
  const gender: Gender = opts.gender ?? (rng.chance(0.52) ? 'female' : 'male');
  const family = pickFamily(rng, opts.region ?? 'north');
  const givenPool = gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
  const given = rng.pick(givenPool);
  const middle: string[] = [];
  if (gender === 'male') {
    // A few men have no middle name (Trần Hải).
    if (!rng.chance(0.03)) {
      let m = rng.weighted(MIDDLE_MALE);
      for (let i = 0; m === given && i < 5; i++) m = rng.weighted(MIDDLE_MALE);
      if (m !== given) middle.push(m);
    }
  } else {
    let m = rng.weighted(MIDDLE_FEMALE);
    for (let i = 0; m === given && i < 5; i++) m = rng.weighted(MIDDLE_FEMALE);
    if (m !== given) middle.push(m);
    if (m === 'Thị' && rng.chance(0.12)) {
      const second = rng.pick(SECOND_FEMALE);
      if (second !== given) middle.push(second);
    }
  }
  return { fullName: [family, ...middle, given].join(' ').normalize('NFC'), gender, family, middle, given };
}

/** A known name ("Nguyễn Công Tự"): family first, given last. */
export function parseName(fullName: string, gender: Gender): VnName {
  const parts = fullName.normalize('NFC').trim().split(/\s+/);
  return { fullName: parts.join(' '), gender, family: parts[0], middle: parts.slice(1, -1), given: parts[parts.length - 1] };
}

/** Lower-case ASCII without diacritics ("Đỗ Hữu Quyết" → "do huu quyet"). */
export function toAscii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** Initials of family and middle names, ASCII ("Nguyễn Thị Thu Hương" → "ntt"). */
export function initials(n: VnName): string {
  return [n.family, ...n.middle].map((p) => toAscii(p)[0]).join('');
}

/** Username stem as agencies write them: given name then initials ("Nguyễn Văn Tuấn" → "tuannv"). */
export function usernameStem(n: VnName): string {
  return `${toAscii(n.given).replace(/[^a-z]/g, '')}${initials(n)}`;
}

/** E-mail local part ("Nguyễn Văn Tuấn" → "tuan.nv"). */
export function emailStem(n: VnName): string {
  return `${toAscii(n.given).replace(/[^a-z]/g, '')}.${initials(n)}`;
}

/** Makes stems unique by appending 2, 3, … (`tuannv`, `tuannv2`). */
export class UniqueNames {
  private readonly used = new Set<string>();
  take(stem: string, fmt: (stem: string) => string = (s) => s): string {
    let n = 1;
    let candidate = fmt(stem);
    while (this.used.has(candidate)) candidate = fmt(`${stem}${++n}`);
    this.used.add(candidate);
    return candidate;
  }
  has(value: string): boolean {
    return this.used.has(value);
  }
  add(value: string): void {
    this.used.add(value);
  }
}

const PHONE_PREFIXES = [
  '090',
  '091',
  '093',
  '094',
  '096',
  '097',
  '098',
  '086',
  '088',
  '083',
  '084',
  '085',
  '032',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '039',
  '070',
  '076',
  '077',
  '079',
  '081',
  '082',
];

/** A Vietnamese mobile number, 10 digits (`0912 345 678` written without spaces). */
export function randomPhone(rng: Rng): string {
  let s = rng.pick(PHONE_PREFIXES);
  while (s.length < 10) s += String(rng.int(0, 9));
  return s;
}
