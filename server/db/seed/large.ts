/**
 * The large seed for benchmarks: one province root (`bench`, or `bench2`, … when one exists already)
 * with N agencies of 5-12 units and P people in all, the same mix of positions, eligibility and roles as
 * the demo, an account for everyone (one shared password hash), a policy per agency (the five plans'
 * rules in turn), the duty rota, this week's approved roster and schedule, and next week's
 * registration in progress. Built in memory (rosters by the app's solver), then written with multi-row
 * inserts, one transaction per group of about 2,000 people.
 */
import { like } from 'drizzle-orm';
import { addDays, vnDateOf } from '../../../shared/domain/dates';
import type { UnitKind } from '../../../shared/domain/roster/format';
import type { Deps } from '../../lib/context';
import { agencies } from '../../modules/org/org.table';
import { hashPassword } from '../../modules/auth/password';
import { DEMO_AGENCIES } from './agencies';
import { buildAgencyBundle, type AgencyBundle, type AgencySpec, type SeedContext, type UnitSpec } from './build';
import { mondayOf, weekOf } from './weeks';
import { DEMO_PASSWORD, rootRow, writeAdmin } from './demo';
import { UniqueNames } from './names';
import { PLACES } from './places';
import { Rng } from './random';
import { addCounts, emptyCounts, insertChunks, loadCalendarOverrides, writeBundles, type WriteCounts } from './write';

export interface LargeSeedOptions {
  agencies: number;
  people: number;
  seed?: number;
  /** Progress lines (the CLI prints them). */
  log?: (line: string) => void;
}

export interface LargeSeedResult {
  rootId: string;
  adminUsername: string;
  password: string;
  counts: WriteCounts;
  /** Solver violations left in the current week (0 when every agency's roster meets its policy). */
  violations: number;
  buildMs: number;
  writeMs: number;
  totalMs: number;
}

/** Fewest people an agency of the large seed may have (board, Office and one more unit). */
export const MIN_PEOPLE_PER_AGENCY = 12;
export const MAX_AGENCIES = 5000;
export const MAX_PEOPLE = 1_000_000;

export class SeedOptionsError extends Error {}

export function validateLargeOptions(o: { agencies: number; people: number }): string | null {
  if (!Number.isInteger(o.agencies) || o.agencies < 1 || o.agencies > MAX_AGENCIES) return `Số cơ quan phải là số nguyên từ 1 đến ${MAX_AGENCIES}.`;
  if (!Number.isInteger(o.people) || o.people < 1 || o.people > MAX_PEOPLE) return `Số người phải là số nguyên từ 1 đến ${MAX_PEOPLE.toLocaleString('vi-VN')}.`;
  if (o.people < o.agencies * MIN_PEOPLE_PER_AGENCY)
    return `Cần ít nhất ${MIN_PEOPLE_PER_AGENCY} người mỗi cơ quan: ${o.agencies} cơ quan cần từ ${o.agencies * MIN_PEOPLE_PER_AGENCY} người.`;
  return null;
}

const SO: readonly [string, string][] = [
  ['Sở Nội vụ', 'SNV'],
  ['Sở Tài chính', 'STC'],
  ['Sở Kế hoạch và Đầu tư', 'SKHĐT'],
  ['Sở Tư pháp', 'STP'],
  ['Sở Công Thương', 'SCT'],
  ['Sở Xây dựng', 'SXD'],
  ['Sở Giao thông vận tải', 'SGTVT'],
  ['Sở Tài nguyên và Môi trường', 'STNMT'],
  ['Sở Nông nghiệp và Phát triển nông thôn', 'SNNPTNT'],
  ['Sở Y tế', 'SYT'],
  ['Sở Giáo dục và Đào tạo', 'SGDĐT'],
  ['Sở Văn hóa, Thể thao và Du lịch', 'SVHTTDL'],
  ['Sở Khoa học và Công nghệ', 'SKHCN'],
  ['Sở Thông tin và Truyền thông', 'STTTT'],
  ['Sở Lao động - Thương binh và Xã hội', 'SLĐTBXH'],
  ['Ban Dân tộc', 'BDT'],
  ['Thanh tra tỉnh', 'TTr'],
];

const DEPARTMENTS = [
  'Phòng Kế hoạch - Tài chính',
  'Phòng Tổ chức cán bộ',
  'Phòng Pháp chế',
  'Phòng Quản lý chuyên ngành',
  'Phòng Nghiệp vụ 1',
  'Phòng Nghiệp vụ 2',
  'Phòng Nghiệp vụ 3',
  'Phòng Thông tin - Tổng hợp',
  'Phòng Kiểm tra - Giám sát',
  'Phòng Cải cách hành chính',
  'Phòng Hợp tác quốc tế',
];
const CENTERS = ['Trung tâm Dịch vụ công', 'Trung tâm Thông tin và Tư vấn'];
const PROVINCES = [PLACES.th, PLACES.nt, PLACES.hd, PLACES.dn];

/** Splits `total` into `n` parts of random weights in [lo, hi], each at least `min` (total ≥ n × min). */
export function splitSizes(rng: Rng, total: number, n: number, min: number, lo = 0.6, hi = 1.4, weightOf: (i: number) => number = () => 1): number[] {
  const w = Array.from({ length: n }, (_, i) => (lo + rng.next() * (hi - lo)) * weightOf(i));
  const sum = w.reduce((a, b) => a + b, 0);
  const spare = total - n * min;
  const sizes = w.map((x) => min + Math.floor((spare * x) / sum));
  let left = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % n, left--) sizes[i]++;
  return sizes;
}

function benchUnits(rng: Rng, size: number): UnitSpec[] {
  const board = size >= 40 ? 4 : 3;
  const office = Math.max(3, Math.round(size * 0.12));
  const rest = size - board - office;
  const maxOthers = Math.max(1, Math.floor(rest / 3));
  const others = Math.min(rng.int(5, 12) - 2, maxOthers);
  const centers = others >= 7 ? 2 : others >= 4 ? 1 : 0;
  const kinds: UnitKind[] = [
    'inspectorate',
    ...Array<UnitKind>(Math.max(0, others - 1 - centers)).fill('department'),
    ...Array<UnitKind>(centers).fill('center'),
  ];
  const sizes = splitSizes(rng, rest, kinds.length, 3, 0.7, 1.5, (i) => (kinds[i] === 'center' ? 1.6 : 1));
  const deps = rng.shuffle(DEPARTMENTS);
  let d = 0;
  let c = 0;
  const units: UnitSpec[] = [
    { key: 'u01', name: 'Ban Giám đốc', kind: 'board', size: board },
    { key: 'u02', name: 'Văn phòng', kind: 'office', size: office },
  ];
  kinds.forEach((kind, i) => {
    const name = kind === 'inspectorate' ? 'Thanh tra' : kind === 'center' ? CENTERS[c++ % CENTERS.length] : deps[d++ % deps.length];
    units.push({ key: `u${String(i + 3).padStart(2, '0')}`, name, kind, size: sizes[i] });
  });
  return units;
}

/** Root id not used yet: `bench`, `bench2`, `bench3`, … */
async function freeRootId(deps: Deps): Promise<string> {
  const rows = await deps.db.select({ id: agencies.id }).from(agencies).where(like(agencies.id, 'bench%'));
  const used = new Set(rows.map((r) => r.id));
  if (!used.has('bench')) return 'bench';
  for (let i = 2; ; i++) if (!used.has(`bench${i}`)) return `bench${i}`;
}

export async function seedLarge(deps: Deps, opts: LargeSeedOptions): Promise<LargeSeedResult> {
  const problem = validateLargeOptions(opts);
  if (problem) throw new SeedOptionsError(problem);
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  const seed = opts.seed ?? 1;
  const rng = new Rng(seed);
  const now = deps.clock.now();
  const rootId = await freeRootId(deps);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const overrides = await loadCalendarOverrides(deps.db);
  const monday = mondayOf(vnDateOf(now));
  const ctx: SeedContext = {
    now,
    passwordHash,
    current: weekOf(monday, overrides),
    next: weekOf(addDays(monday, 7), overrides),
    validFrom: addDays(monday, -7),
    usernames: new UniqueNames(),
    emails: new UniqueNames(),
    seed,
    strict: false,
  };
  const pad = String(opts.agencies).length < 3 ? 3 : String(opts.agencies).length;
  const sizes = splitSizes(rng, opts.people, opts.agencies, MIN_PEOPLE_PER_AGENCY);
  const bundles: AgencyBundle[] = [];
  let violations = 0;
  for (let i = 0; i < opts.agencies; i++) {
    const id = `${rootId}-a${String(i + 1).padStart(pad, '0')}`;
    const [soName, code] = SO[i % SO.length];
    const places = PROVINCES[i % PROVINCES.length];
    const template = DEMO_AGENCIES[i % DEMO_AGENCIES.length].policy;
    const spec: AgencySpec = {
      id,
      parentId: rootId,
      name: `${soName} (mẫu ${i + 1})`,
      shortName: `${code} mẫu ${i + 1}`,
      code,
      district: places.city.area,
      province: places.province,
      sortOrder: (i + 1) * 10,
      emailDomain: `a${String(i + 1).padStart(pad, '0')}.${rootId}.gov.vn`,
      loginSuffix: `${rootId}-a${String(i + 1).padStart(pad, '0')}`,
      region: places === PLACES.nt || places === PLACES.dn ? 'south' : 'north',
      places,
      units: benchUnits(rng.fork(`units:${i}`), sizes[i]),
      // The five plans' rules in turn, scoped to the agency itself.
      policy: { ...template, scopeDistricts: undefined },
      idPad: 4,
    };
    const b = buildAgencyBundle(spec, ctx);
    violations += b.violations.length;
    bundles.push(b);
  }
  const t1 = performance.now();
  log(
    `Đã tạo dữ liệu và lập lịch trong bộ nhớ: ${bundles.length.toLocaleString('vi-VN')} cơ quan, ${opts.people.toLocaleString('vi-VN')} người (${Math.round(t1 - t0).toLocaleString('vi-VN')} ms).`,
  );

  let counts = emptyCounts();
  const adminUsername = `admin.${rootId}`;
  await deps.db.transaction(async (tx) => {
    counts.agencies += await insertChunks(tx, agencies, [
      rootRow({
        id: rootId,
        name: 'UBND tỉnh Thử nghiệm (dữ liệu benchmark)',
        shortName: 'Thử nghiệm',
        district: 'TP Thử nghiệm',
        province: 'Thử nghiệm',
        sortOrder: 900,
      }),
    ]);
    await writeAdmin(tx, { id: `u-admin-${rootId}`, username: adminUsername, displayName: `Quản trị ${rootId}`, passwordHash, roots: [rootId], now });
    counts.users += 1;
    counts.grants += 1;
    await deps.audit(tx, {
      action: 'seed.large',
      entity: 'agency',
      entityId: rootId,
      agencyId: rootId,
      data: { agencies: opts.agencies, people: opts.people, seed },
    });
  });
  // Groups of about 2,000 people per transaction: few round trips, bounded transactions.
  let group: AgencyBundle[] = [];
  let groupPeople = 0;
  const flush = async () => {
    if (!group.length) return;
    const batch = group;
    group = [];
    groupPeople = 0;
    await deps.db.transaction(async (tx) => {
      counts = addCounts(counts, await writeBundles(tx, batch));
      for (const b of batch)
        await deps.audit(tx, {
          action: 'seed.large',
          entity: 'agency',
          entityId: b.agency.id,
          agencyId: b.agency.id,
          data: { people: b.people.length, units: b.units.length },
        });
    });
    log(
      `  … ${(counts.agencies - 1).toLocaleString('vi-VN')}/${opts.agencies.toLocaleString('vi-VN')} cơ quan, ${counts.people.toLocaleString('vi-VN')} người`,
    );
  };
  for (const b of bundles) {
    group.push(b);
    groupPeople += b.people.length;
    if (groupPeople >= 2000) await flush();
  }
  await flush();
  const t2 = performance.now();
  return {
    rootId,
    adminUsername,
    password: DEMO_PASSWORD,
    counts,
    violations,
    buildMs: Math.round(t1 - t0),
    writeMs: Math.round(t2 - t1),
    totalMs: Math.round(t2 - t0),
  };
}
