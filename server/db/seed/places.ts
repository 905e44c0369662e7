/**
 * Places of the seeded provinces: the provincial city (wards, streets) where the Sở sit, and the
 * surrounding districts where some people live. `area` is what `people.residenceArea` and
 * `agencies.district` hold (the form the policy's `scopeDistricts` uses); `label` is how it is written
 * in an address. Names as of 2021 (the plans' time), before the 2025 merger of provinces.
 */
import type { Rng } from './random';

export interface District {
  /** Area as stored (residence area, policy scope). */
  area: string;
  /** As written in an address: "huyện Đông Sơn", "TP Sầm Sơn". */
  label: string;
  /** One town or commune of it, with its kind: "thị trấn Rừng Thông". */
  locality: string;
}

export interface ProvincePlaces {
  province: string;
  city: { area: string; label: string; wards: string[]; streets: string[] };
  districts: District[];
  /** Share of people living in the city itself. */
  cityShare: number;
}

export const PLACES: Record<'th' | 'nt' | 'hd' | 'dn', ProvincePlaces> = {
  th: {
    province: 'Thanh Hóa',
    city: {
      area: 'TP Thanh Hóa',
      label: 'TP Thanh Hóa',
      wards: [
        'Điện Biên',
        'Lam Sơn',
        'Ba Đình',
        'Ngọc Trạo',
        'Đông Sơn',
        'Trường Thi',
        'Phú Sơn',
        'Đông Thọ',
        'Đông Vệ',
        'Đông Hương',
        'Đông Hải',
        'Quảng Thắng',
        'Tân Sơn',
        'Nam Ngạn',
        'Hàm Rồng',
        'An Hưng',
      ],
      streets: [
        'Lê Lợi',
        'Trần Phú',
        'Lê Hoàn',
        'Bà Triệu',
        'Nguyễn Trãi',
        'Hàm Nghi',
        'Phan Chu Trinh',
        'Quang Trung',
        'Lý Thường Kiệt',
        'Đội Cung',
        'Lạc Long Quân',
        'Tống Duy Tân',
        'Hạc Thành',
        'Nguyễn Chí Thanh',
      ],
    },
    districts: [
      { area: 'TP Sầm Sơn', label: 'TP Sầm Sơn', locality: 'phường Trường Sơn' },
      { area: 'Đông Sơn', label: 'huyện Đông Sơn', locality: 'thị trấn Rừng Thông' },
      { area: 'Hoằng Hóa', label: 'huyện Hoằng Hóa', locality: 'thị trấn Bút Sơn' },
      { area: 'Quảng Xương', label: 'huyện Quảng Xương', locality: 'thị trấn Tân Phong' },
    ],
    cityShare: 0.75,
  },
  nt: {
    province: 'Ninh Thuận',
    city: {
      area: 'Phan Rang-Tháp Chàm',
      label: 'TP Phan Rang-Tháp Chàm',
      wards: [
        'Phủ Hà',
        'Thanh Sơn',
        'Kinh Dinh',
        'Đạo Long',
        'Tấn Tài',
        'Mỹ Hương',
        'Đài Sơn',
        'Đô Vinh',
        'Bảo An',
        'Mỹ Hải',
        'Mỹ Đông',
        'Văn Hải',
        'Phước Mỹ',
        'Mỹ Bình',
        'Đông Hải',
      ],
      streets: [
        '16 Tháng 4',
        'Thống Nhất',
        'Ngô Gia Tự',
        'Lê Hồng Phong',
        'Trần Phú',
        'Yên Ninh',
        'Quang Trung',
        'Hải Thượng Lãn Ông',
        'Nguyễn Văn Cừ',
        '21 Tháng 8',
        'Lê Duẩn',
        'Trường Chinh',
      ],
    },
    districts: [
      { area: 'Ninh Phước', label: 'huyện Ninh Phước', locality: 'thị trấn Phước Dân' },
      { area: 'Ninh Hải', label: 'huyện Ninh Hải', locality: 'thị trấn Khánh Hải' },
      { area: 'Ninh Sơn', label: 'huyện Ninh Sơn', locality: 'thị trấn Tân Sơn' },
      { area: 'Thuận Nam', label: 'huyện Thuận Nam', locality: 'xã Phước Nam' },
      { area: 'Thuận Bắc', label: 'huyện Thuận Bắc', locality: 'xã Lợi Hải' },
    ],
    cityShare: 0.7,
  },
  hd: {
    province: 'Hải Dương',
    city: {
      area: 'TP Hải Dương',
      label: 'TP Hải Dương',
      wards: [
        'Trần Phú',
        'Phạm Ngũ Lão',
        'Quang Trung',
        'Nguyễn Trãi',
        'Lê Thanh Nghị',
        'Trần Hưng Đạo',
        'Bình Hàn',
        'Thanh Bình',
        'Hải Tân',
        'Tân Bình',
        'Ngọc Châu',
        'Cẩm Thượng',
        'Việt Hòa',
        'Tứ Minh',
        'Nhị Châu',
        'Thạch Khôi',
      ],
      streets: [
        'Trần Hưng Đạo',
        'Nguyễn Lương Bằng',
        'Lê Thanh Nghị',
        'Thanh Niên',
        'Hồng Quang',
        'Chi Lăng',
        'Điện Biên Phủ',
        'Ngô Quyền',
        'Bạch Đằng',
        'Nguyễn Trãi',
        'Trường Chinh',
        'Quang Trung',
      ],
    },
    districts: [
      { area: 'Cẩm Giàng', label: 'huyện Cẩm Giàng', locality: 'thị trấn Lai Cách' },
      { area: 'Gia Lộc', label: 'huyện Gia Lộc', locality: 'thị trấn Gia Lộc' },
      { area: 'Nam Sách', label: 'huyện Nam Sách', locality: 'thị trấn Nam Sách' },
      { area: 'Tứ Kỳ', label: 'huyện Tứ Kỳ', locality: 'thị trấn Tứ Kỳ' },
      { area: 'Thanh Hà', label: 'huyện Thanh Hà', locality: 'thị trấn Thanh Hà' },
      { area: 'Bình Giang', label: 'huyện Bình Giang', locality: 'thị trấn Kẻ Sặt' },
      { area: 'TP Chí Linh', label: 'TP Chí Linh', locality: 'phường Sao Đỏ' },
    ],
    cityShare: 0.7,
  },
  dn: {
    province: 'Đắk Nông',
    city: {
      area: 'TP Gia Nghĩa',
      label: 'TP Gia Nghĩa',
      wards: ['Nghĩa Đức', 'Nghĩa Thành', 'Nghĩa Phú', 'Nghĩa Tân', 'Nghĩa Trung', 'Quảng Thành'],
      streets: [
        '23 Tháng 3',
        'Lê Duẩn',
        'Hùng Vương',
        'Trần Hưng Đạo',
        'Lê Thánh Tông',
        'Nguyễn Tất Thành',
        'Quang Trung',
        'Huỳnh Thúc Kháng',
        'Chu Văn An',
        'Tôn Đức Thắng',
      ],
    },
    districts: [
      { area: "Đắk R'Lấp", label: "huyện Đắk R'Lấp", locality: 'thị trấn Kiến Đức' },
      { area: 'Đắk Glong', label: 'huyện Đắk Glong', locality: 'xã Quảng Khê' },
      { area: 'Đắk Song', label: 'huyện Đắk Song', locality: 'thị trấn Đức An' },
      { area: 'Đắk Mil', label: 'huyện Đắk Mil', locality: 'thị trấn Đắk Mil' },
      { area: 'Krông Nô', label: 'huyện Krông Nô', locality: 'thị trấn Đắk Mâm' },
    ],
    cityShare: 0.8,
  },
};

/** Where a person lives and registers as their place of work when at home (seed 000 §1). */
export function randomHome(rng: Rng, places: ProvincePlaces): { homeWorkplace: string; residenceArea: string } {
  if (rng.chance(places.cityShare)) {
    const street = rng.pick(places.city.streets);
    const ward = rng.pick(places.city.wards);
    const house = rng.chance(0.25) ? `Số ${rng.int(1, 40)}/${rng.int(1, 30)}` : `Số ${rng.int(1, 250)}`;
    return { homeWorkplace: `${house} đường ${street}, phường ${ward}, ${places.city.label}`, residenceArea: places.city.area };
  }
  const d = rng.pick(places.districts);
  const prefix = d.locality.startsWith('xã')
    ? `Thôn ${rng.int(1, 12)}`
    : d.locality.startsWith('phường')
      ? `Khu phố ${rng.int(1, 9)}`
      : `Tổ dân phố ${rng.int(1, 12)}`;
  return { homeWorkplace: `${prefix}, ${d.locality}, ${d.label}, tỉnh ${places.province}`, residenceArea: d.area };
}
