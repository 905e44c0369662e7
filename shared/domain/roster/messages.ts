/**
 * Vietnamese messages of the roster format: format errors (parse.ts) and rule violations (check.ts).
 * Pure and isomorphic. Dates are written dd/mm/yyyy, shares as percentages with a decimal comma.
 */
import { formatDateVi } from '../dates';
import type { Mode, PersonRole, UnitKind } from './format';

export const MODE_VI: Record<Mode, string> = {
  onsite: 'làm việc tại cơ quan',
  wfh: 'làm việc tại nhà',
  leave: 'nghỉ phép',
  business_trip: 'đi công tác',
};

export const ROLE_VI: Record<PersonRole, string> = {
  director: 'Giám đốc',
  deputy_director: 'Phó Giám đốc',
  chief_of_office: 'Chánh Văn phòng',
  deputy_chief_of_office: 'Phó Chánh Văn phòng',
  center_director: 'Giám đốc trung tâm',
  deputy_center_director: 'Phó Giám đốc trung tâm',
  head: 'Trưởng phòng',
  deputy_head: 'Phó Trưởng phòng',
  staff: 'Công chức, viên chức',
};

export const UNIT_KIND_VI: Record<UnitKind, string> = {
  office: 'Văn phòng',
  department: 'phòng chuyên môn',
  center: 'trung tâm, đơn vị trực thuộc',
  inspectorate: 'Thanh tra',
  board: 'Ban Giám đốc',
};

/** 0.25 → "25%", 1/3 → "33,3%". */
export function percentVi(share: number): string {
  const tenths = Math.round(share * 1000);
  const whole = Math.trunc(tenths / 10);
  const frac = tenths % 10;
  return frac === 0 ? `${whole}%` : `${whole},${frac}%`;
}

/** "A, B, C" or "A, B, C, D, E và 3 người khác" (at most `max` names). */
export function namesVi(names: readonly string[], max = 5): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} và ${names.length - max} người khác`;
}

const q = (value: string): string => JSON.stringify(value);

/** Messages of format errors; the path is given separately in each issue. */
export const formatMsg = {
  notObject: 'phải là một đối tượng JSON ({…})',
  notArray: 'phải là một mảng JSON ([…])',
  notString: 'phải là một chuỗi',
  emptyString: 'không được để trống',
  notBoolean: 'phải là true hoặc false',
  missing: 'thiếu trường bắt buộc',
  unknownField: (field: string, format: string): string => `trường ${q(field)} không có trong định dạng ${format} (có thể viết sai tên trường)`,
  wrongFormat: (expected: string, got: unknown): string => `phải là ${q(expected)}${typeof got === 'string' ? `, không phải ${q(got)}` : ''}`,
  notIsoDate: (got: unknown): string =>
    typeof got === 'string' ? `${q(got)} không phải ngày hợp lệ dạng YYYY-MM-DD` : 'phải là một ngày dạng chuỗi "YYYY-MM-DD"',
  notDateKey: (key: string): string => `khóa ${q(key)} không phải ngày hợp lệ dạng YYYY-MM-DD`,
  periodReversed: (from: string, to: string): string => `ngày bắt đầu ${formatDateVi(from)} sau ngày kết thúc ${formatDateVi(to)}`,
  outsideCalendar: (minYear: number, maxYear: number): string =>
    `không có "workdays" nên phải tính ngày làm việc theo lịch, nhưng lịch chỉ có các năm ${minYear}–${maxYear}; hãy ghi rõ "workdays"`,
  outsidePeriod: (date: string, from: string, to: string): string => `ngày ${formatDateVi(date)} nằm ngoài kỳ ${formatDateVi(from)} – ${formatDateVi(to)}`,
  duplicateDate: (date: string, firstPath: string): string => `ngày ${formatDateVi(date)} bị lặp lại (đã có ở ${firstPath})`,
  duplicateValue: (value: string, firstPath: string): string => `giá trị ${q(value)} bị lặp lại (đã có ở ${firstPath})`,
  duplicateId: (id: string, firstPath: string): string => `mã ${q(id)} bị trùng (đã dùng ở ${firstPath})`,
  unknownAgency: (id: string): string => `không có cơ quan nào có mã ${q(id)} trong "agencies"`,
  unknownUnit: (id: string): string => `không có đơn vị nào có mã ${q(id)} trong "units"`,
  notWorkday: (date: string): string => `ngày ${formatDateVi(date)} không phải ngày làm việc của kỳ`,
  notInEnum: (got: unknown, allowed: readonly string[]): string =>
    `${typeof got === 'string' ? `giá trị ${q(got)}` : 'giá trị'} không hợp lệ; chỉ nhận: ${allowed.join(', ')}`,
  notRoleKey: (key: string, allowed: readonly string[]): string => `chức vụ ${q(key)} không hợp lệ; chỉ nhận: ${allowed.join(', ')}`,
  notShare: 'phải là một số từ 0 đến 1 (tỷ lệ)',
  notCount: 'phải là một số nguyên không âm',
  shareOrder: (lowName: string, low: number, highName: string, high: number): string => `${lowName} (${low}) phải nhỏ hơn hoặc bằng ${highName} (${high})`,
  notJson: (detail: string): string => `không phải JSON hợp lệ: ${detail}`,
  unreadable: (detail: string): string => `không đọc được tệp: ${detail}`,
  omitted: (n: number): string => `… và ${n} lỗi khác`,
};

/** Label of a person in messages: "Trần Văn A (Trưởng phòng, Phòng Người có công)". */
export function personLabel(name: string, role: PersonRole, unitName: string | undefined): string {
  return unitName ? `${name} (${ROLE_VI[role]}, ${unitName})` : `${name} (${ROLE_VI[role]})`;
}

const onDay = (date: string): string => `ngày ${formatDateVi(date)}`;
const atHomeList = (names: readonly string[]): string => (names.length ? ` (làm việc tại nhà: ${namesVi(names)})` : '');

/** Messages of rule violations. */
export const violationMsg = {
  missing: (person: string, date: string): string => `${person} ${onDay(date)}: chưa được phân công (thiếu lịch làm việc ngày này)`,
  duplicate: (person: string, date: string, count: number, modes: readonly Mode[]): string =>
    `${person} ${onDay(date)}: có ${count} phân công (${modes.map((m) => MODE_VI[m]).join('; ')}), ` +
    `mỗi người chỉ được một phân công mỗi ngày làm việc; lịch dùng phân công đầu tiên`,
  unknownPerson: (personId: string, date: string): string => `Mã cán bộ ${q(personId)} ${onDay(date)}: không có trong danh sách cán bộ nhưng lại có phân công`,
  notWorkday: (person: string, date: string, mode: Mode): string =>
    `${person}: ${onDay(date)} không phải ngày làm việc của kỳ nhưng lại có phân công (${MODE_VI[mode]})`,
  /** `actual` null: the day has no assignment. */
  fixedChanged: (person: string, date: string, fixed: Mode, actual: Mode | null): string =>
    `${person} ${onDay(date)}: đã được xác định trước là ${MODE_VI[fixed]} nhưng ${actual ? `lịch ghi ${MODE_VI[actual]}` : 'lịch chưa phân công ngày này'}`,
  /** `actual` null: the day has no assignment. */
  dutyNotOnsite: (person: string, date: string, actual: Mode | null): string =>
    `${person} ${onDay(date)}: có lịch trực nên phải làm việc tại cơ quan, nhưng ${actual ? `lịch ghi ${MODE_VI[actual]}` : 'lịch chưa phân công ngày này'}`,
  wfhNotEligible: (person: string, date: string): string => `${person} ${onDay(date)}: không đủ điều kiện làm việc tại nhà nhưng lịch ghi làm việc tại nhà`,
  alwaysOnsite: (person: string, role: PersonRole, date: string): string =>
    `${person} ${onDay(date)}: chức vụ ${ROLE_VI[role]} luôn phải làm việc tại cơ quan, nhưng lịch ghi làm việc tại nhà`,
  roleShare: (person: string, role: PersonRole, share: number, required: number, workingDays: number, onsite: number): string =>
    `${person}: ${ROLE_VI[role]} phải làm việc tại cơ quan ít nhất ${percentVi(share)} số ngày làm việc, ` +
    `tức ${required}/${workingDays} ngày, hiện có ${onsite} ngày`,
  unitPeople: (unit: string, date: string, required: number, onsite: number, atHome: readonly string[]): string =>
    `${unit} ${onDay(date)}: cần ít nhất ${required} người làm việc tại cơ quan, hiện có ${onsite}${atHomeList(atHome)}`,
  unitLeaders: (unit: string, date: string, required: number, onsite: number, atHome: readonly string[]): string =>
    `${unit} ${onDay(date)}: cần ít nhất ${required} lãnh đạo đơn vị làm việc tại cơ quan, hiện có ${onsite}` +
    (atHome.length ? ` (lãnh đạo làm việc tại nhà: ${namesVi(atHome)})` : ''),
  agencyLeaders: (agency: string, date: string, required: number, onsite: number, atHome: readonly string[]): string =>
    `${agency} ${onDay(date)}: cần ít nhất ${required} lãnh đạo Sở làm việc tại cơ quan, hiện có ${onsite}` +
    (atHome.length ? ` (lãnh đạo Sở làm việc tại nhà: ${namesVi(atHome)})` : ''),
  wfhShareMin: (scope: string, date: string, share: number, working: number, required: number, wfh: number): string =>
    `${scope} ${onDay(date)}: cần ít nhất ${required} người làm việc tại nhà ` + `(${percentVi(share)} của ${working} người đang làm việc), hiện có ${wfh}`,
  wfhShareMax: (scope: string, date: string, share: number, working: number, allowed: number, atHome: readonly string[]): string =>
    `${scope} ${onDay(date)}: chỉ được tối đa ${allowed} người làm việc tại nhà ` +
    `(${percentVi(share)} của ${working} người đang làm việc), hiện có ${atHome.length}${atHomeList(atHome)}`,
};

// ---------------------------------------------------------------- English (the web app in English)

export const MODE_EN: Record<Mode, string> = {
  onsite: 'working at the office',
  wfh: 'working from home',
  leave: 'on leave',
  business_trip: 'on a business trip',
};

export const ROLE_EN: Record<PersonRole, string> = {
  director: 'Director',
  deputy_director: 'Deputy Director',
  chief_of_office: 'Chief of Office',
  deputy_chief_of_office: 'Deputy Chief of Office',
  center_director: 'Centre Director',
  deputy_center_director: 'Deputy Centre Director',
  head: 'Head of Division',
  deputy_head: 'Deputy Head of Division',
  staff: 'Civil servant',
};

/** 0.25 → "25%", 1/3 → "33.3%". */
export const percentEn = (share: number): string => percentVi(share).replace(',', '.');

/** "A, B, C" or "A, B, C, D, E and 3 others". */
export function namesEn(names: readonly string[], max = 5): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} others`;
}

const onDayEn = (date: string): string => `on ${formatDateVi(date)}`;
const atHomeEn = (names: readonly string[]): string => (names.length ? ` (at home: ${namesEn(names)})` : '');

/** The rule violations in English: the same keys and parameters as violationMsg (the server keeps Vietnamese). */
export const violationMsgEn: typeof violationMsg = {
  missing: (person, date) => `${person} ${onDayEn(date)}: not assigned (no schedule for this day)`,
  duplicate: (person, date, count, modes) =>
    `${person} ${onDayEn(date)}: ${count} assignments (${modes.map((m) => MODE_EN[m]).join('; ')}); ` +
    'one assignment per working day is allowed; the roster uses the first one',
  unknownPerson: (personId, date) => `Person id ${q(personId)} ${onDayEn(date)}: not in the list of people but assigned`,
  notWorkday: (person, date, mode) => `${person}: ${formatDateVi(date)} is not a working day of the period but is assigned (${MODE_EN[mode]})`,
  fixedChanged: (person, date, fixed, actual) =>
    `${person} ${onDayEn(date)}: was set in advance as ${MODE_EN[fixed]} but ${actual ? `the roster says ${MODE_EN[actual]}` : 'the roster leaves the day unassigned'}`,
  dutyNotOnsite: (person, date, actual) =>
    `${person} ${onDayEn(date)}: on duty, so must work at the office, but ${actual ? `the roster says ${MODE_EN[actual]}` : 'the roster leaves the day unassigned'}`,
  wfhNotEligible: (person, date) => `${person} ${onDayEn(date)}: not eligible to work from home, but the roster says working from home`,
  alwaysOnsite: (person, role, date) => `${person} ${onDayEn(date)}: a ${ROLE_EN[role]} always works at the office, but the roster says working from home`,
  roleShare: (person, role, share, required, workingDays, onsite) =>
    `${person}: a ${ROLE_EN[role]} must work at the office at least ${percentEn(share)} of the working days, ` +
    `i.e. ${required}/${workingDays} days; now ${onsite} days`,
  unitPeople: (unit, date, required, onsite, atHome) =>
    `${unit} ${onDayEn(date)}: needs at least ${required} people at the office, now ${onsite}${atHomeEn(atHome)}`,
  unitLeaders: (unit, date, required, onsite, atHome) =>
    `${unit} ${onDayEn(date)}: needs at least ${required} unit leaders at the office, now ${onsite}` +
    (atHome.length ? ` (leaders at home: ${namesEn(atHome)})` : ''),
  agencyLeaders: (agency, date, required, onsite, atHome) =>
    `${agency} ${onDayEn(date)}: needs at least ${required} agency leaders at the office, now ${onsite}` +
    (atHome.length ? ` (agency leaders at home: ${namesEn(atHome)})` : ''),
  wfhShareMin: (scope, date, share, working, required, wfh) =>
    `${scope} ${onDayEn(date)}: needs at least ${required} people working from home (${percentEn(share)} of ${working} working), now ${wfh}`,
  wfhShareMax: (scope, date, share, working, allowed, atHome) =>
    `${scope} ${onDayEn(date)}: at most ${allowed} people may work from home (${percentEn(share)} of ${working} working), ` +
    `now ${atHome.length}${atHomeEn(atHome)}`,
};

/** The violation messages of a UI language (Vietnamese by default). */
export function violationMessages(lang: string): typeof violationMsg {
  return lang.startsWith('en') ? violationMsgEn : violationMsg;
}

/** Label of a person in messages of a language: "Trần Văn A (Head of Division, Phòng Người có công)" in English. */
export function personLabelIn(lang: string, name: string, role: PersonRole, unitName: string | undefined): string {
  if (!lang.startsWith('en')) return personLabel(name, role, unitName);
  return unitName ? `${name} (${ROLE_EN[role]}, ${unitName})` : `${name} (${ROLE_EN[role]})`;
}

// ---------------------------------------------------------------- Generator explanations (solver/explain.ts)
// Why no roster keeping the fixed days can avoid a violation. One object of message functions per language
// (explainMsg, explainMsgEn), chosen by explainMessages(lang). Fragments (the reasons of wfhShareMinDay,
// the limits of othersHeldBack) are assembled by explain.ts.

const KEPT = ' (ngày đã xác định trước được giữ nguyên)';
const roleRuleVi = (person: string, role: PersonRole, share: number, required: number, workingDays: number): string =>
  `${person}: ${ROLE_VI[role]} phải làm việc tại cơ quan ít nhất ${percentVi(share)} số ngày làm việc, tức ${required}/${workingDays} ngày`;
const shareMinHeadVi = (scope: string, date: string, share: number, working: number, required: number): string =>
  `${scope} ${onDay(date)}: cần ít nhất ${required} người làm việc tại nhà (${percentVi(share)} của ${working} người đang làm việc)`;

/** The explanations of the generator in Vietnamese. `fixedHome`: names of the people fixed at home that day. */
export const explainMsg = {
  dutyNotOnsite: (person: string, date: string, fixed: Mode): string =>
    `${person} ${onDay(date)}: có lịch trực nên phải làm việc tại cơ quan, nhưng ngày này đã được xác định trước là ${MODE_VI[fixed]}${KEPT}`,
  wfhNotEligible: (person: string, date: string): string =>
    `${person} ${onDay(date)}: không đủ điều kiện làm việc tại nhà nhưng ngày này đã được xác định trước là làm việc tại nhà${KEPT}`,
  alwaysOnsite: (person: string, role: PersonRole, date: string): string =>
    `${person} ${onDay(date)}: chức vụ ${ROLE_VI[role]} luôn phải làm việc tại cơ quan, nhưng ngày này đã được xác định trước là làm việc tại nhà${KEPT}`,
  /** The person was given more days at home than the role's share allows, because `scope` needed them to reach its minimum. */
  roleShareRelaxed: (person: string, role: PersonRole, share: number, required: number, workingDays: number, atHome: number, scope: string): string =>
    `${roleRuleVi(person, role, share, required, workingDays)}, nhưng được xếp ${atHome} ngày làm việc tại nhà (${workingDays - atHome} ngày tại cơ quan) ` +
    `vì ${scope} cần người làm việc tại nhà cho đủ tỷ lệ tối thiểu: ` +
    'giữ đúng tỷ lệ của chức vụ sẽ để lại nhiều vi phạm tỷ lệ tối thiểu làm việc tại nhà hơn một vi phạm này',
  /** The person's days fixed at home already break the role's share. */
  roleShareFixed: (person: string, role: PersonRole, share: number, required: number, workingDays: number, fixedHomeDays: number): string =>
    `${roleRuleVi(person, role, share, required, workingDays)}, nhưng đã được xác định trước ${fixedHomeDays} ngày làm việc tại nhà ` +
    `nên chỉ còn tối đa ${workingDays - fixedHomeDays} ngày tại cơ quan${KEPT}`,
  unitPeople: (unit: string, date: string, required: number, working: number, fixedHome: readonly string[]): string =>
    `${unit} ${onDay(date)}: cần ít nhất ${required} người làm việc tại cơ quan trong ${working} người đang làm việc, ` +
    `nhưng ${fixedHome.length} người đã được xác định trước là làm việc tại nhà (${namesVi(fixedHome)})${KEPT}`,
  unitLeaders: (unit: string, date: string, required: number, working: number, fixedHome: readonly string[]): string =>
    `${unit} ${onDay(date)}: cần ít nhất ${required} lãnh đạo đơn vị làm việc tại cơ quan trong ${working} lãnh đạo đang làm việc, ` +
    `nhưng ${fixedHome.length} lãnh đạo đã được xác định trước là làm việc tại nhà (${namesVi(fixedHome)})${KEPT}`,
  agencyLeaders: (agency: string, date: string, required: number, working: number, fixedHome: readonly string[]): string =>
    `${agency} ${onDay(date)}: cần ít nhất ${required} lãnh đạo Sở làm việc tại cơ quan trong ${working} lãnh đạo Sở đang làm việc, ` +
    `nhưng ${fixedHome.length} người đã được xác định trước là làm việc tại nhà (${namesVi(fixedHome)})${KEPT}`,
  wfhShareMax: (scope: string, date: string, share: number, working: number, allowed: number, fixedHome: readonly string[]): string =>
    `${scope} ${onDay(date)}: chỉ được tối đa ${allowed} người làm việc tại nhà (${percentVi(share)} của ${working} người đang làm việc), ` +
    `nhưng ${fixedHome.length} người đã được xác định trước là làm việc tại nhà (${namesVi(fixedHome)})${KEPT}`,
  /** No whole number of people at home between ceil(min × W) and floor(max × W). */
  wfhShareBounds: (scope: string, date: string, working: number, min: number, required: number, max: number, allowed: number): string =>
    `${scope} ${onDay(date)}: với ${working} người đang làm việc, tỷ lệ tối thiểu ${percentVi(min)} đòi hỏi ít nhất ${required} người làm việc tại nhà ` +
    `nhưng tỷ lệ tối đa ${percentVi(max)} chỉ cho phép ${allowed} người`,
  /** The day alone cannot reach the minimum: at most `reachable` at home, `reasons` say who cannot be. */
  wfhShareMinDay: (scope: string, date: string, share: number, working: number, required: number, reachable: number, reasons: readonly string[]): string =>
    `${shareMinHeadVi(scope, date, share, working, required)} nhưng tối đa chỉ xếp được ${reachable}: trong ${working} người đang làm việc, ${reasons.join(', ')}`,
  fixedAtHome: (count: number): string => `${count} người đã được xác định trước là làm việc tại nhà`,
  notEligible: (count: number): string => `${count} người không đủ điều kiện làm việc tại nhà`,
  alwaysOnsiteRoles: (count: number, roles: readonly PersonRole[]): string =>
    `${count} người giữ chức vụ luôn làm việc tại cơ quan (${roles.map((r) => ROLE_VI[r]).join(', ')})`,
  onDuty: (count: number): string => `${count} người có lịch trực`,
  fixedAtOffice: (count: number): string => `${count} người đã được xác định trước là làm việc tại cơ quan`,
  outOfHomeDays: (count: number): string => `${count} người đã hết số ngày làm việc tại nhà mà tỷ lệ làm việc tại cơ quan của chức vụ cho phép`,
  /** The others could be at home but these limits (keepUnitLeaders, …, moreLimits) hold them back. */
  othersHeldBack: (count: number, limits: readonly string[]): string => `${count} người còn lại có thể làm việc tại nhà nhưng ${limits.join('; ')}`,
  othersFree: (count: number): string => `chỉ ${count} người còn lại có thể làm việc tại nhà`,
  noOneElse: (): string => 'không còn ai có thể làm việc tại nhà',
  keepUnitLeaders: (unit: string, required: number, working: number): string =>
    `${unit} phải giữ ít nhất ${required} lãnh đạo đơn vị tại cơ quan (${working} lãnh đạo đang làm việc)`,
  keepUnitPeople: (unit: string, required: number, working: number): string =>
    `${unit} phải giữ ít nhất ${required} người tại cơ quan (${working} người đang làm việc)`,
  keepAgencyLeaders: (agency: string, required: number, working: number): string =>
    `${agency} phải giữ ít nhất ${required} lãnh đạo Sở tại cơ quan (${working} lãnh đạo Sở đang làm việc)`,
  moreLimits: (count: number): string => `và ${count} quy định khác`,
  /**
   * The day allows the minimum but the people's role shares over the period prevent it: `outOfDays` could be
   * at home that day but used up the days their role's share (`roleShares`) allows.
   */
  wfhShareMinPeriod: (
    scope: string,
    date: string,
    share: number,
    working: number,
    required: number,
    placed: number,
    outOfDays: readonly string[],
    roleShares: readonly (readonly [PersonRole, number])[],
  ): string =>
    `${shareMinHeadVi(scope, date, share, working, required)} nhưng chỉ xếp được ${placed} người: ` +
    (outOfDays.length
      ? `những người có thể làm việc tại nhà ngày này (${namesVi(outOfDays)}) đã dùng hết số ngày làm việc tại nhà mà tỷ lệ làm việc tại cơ quan tối thiểu của chức vụ cho phép ` +
        `(${roleShares.map(([r, s]) => `${ROLE_VI[r]} ${percentVi(s)}`).join(', ')}), và những ngày khác cũng cần họ làm việc tại nhà`
      : 'không thể xếp thêm người làm việc tại nhà mà không vi phạm quy tắc khác'),
};

const KEPT_EN = ' (days set in advance are kept as they are)';
/** "1 day", "3 days". */
const countEn = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
const wasWere = (count: number): string => (count === 1 ? 'was' : 'were');
const roleRuleEn = (person: string, role: PersonRole, share: number, required: number, workingDays: number): string =>
  `${person}: a ${ROLE_EN[role]} must work at the office at least ${percentEn(share)} of the working days, i.e. ${required}/${workingDays} days`;
const shareMinHeadEn = (scope: string, date: string, share: number, working: number, required: number): string =>
  `${scope} ${onDayEn(date)}: needs at least ${countEn(required, 'person', 'people')} working from home (${percentEn(share)} of ${working} working)`;

/** The message functions of the generator's explanations, the same in every language. */
export type ExplainMessages = typeof explainMsg;

/** The explanations of the generator in English: the same functions and facts as explainMsg. */
export const explainMsgEn: ExplainMessages = {
  dutyNotOnsite: (person, date, fixed) =>
    `${person} ${onDayEn(date)}: on duty, so must work at the office, but the day was set in advance as ${MODE_EN[fixed]}${KEPT_EN}`,
  wfhNotEligible: (person, date) => `${person} ${onDayEn(date)}: not eligible to work from home, but the day was set in advance as working from home${KEPT_EN}`,
  alwaysOnsite: (person, role, date) =>
    `${person} ${onDayEn(date)}: a ${ROLE_EN[role]} always works at the office, but the day was set in advance as working from home${KEPT_EN}`,
  roleShareRelaxed: (person, role, share, required, workingDays, atHome, scope) =>
    `${roleRuleEn(person, role, share, required, workingDays)}, but is given ${countEn(atHome, 'day', 'days')} working from home ` +
    `(${countEn(workingDays - atHome, 'day', 'days')} at the office) because ${scope} needs people working from home to reach its minimum share: ` +
    "keeping the role's share would leave more violations of the minimum share working from home than this one",
  roleShareFixed: (person, role, share, required, workingDays, fixedHomeDays) =>
    `${roleRuleEn(person, role, share, required, workingDays)}, but ${countEn(fixedHomeDays, 'day', 'days')} working from home ` +
    `${wasWere(fixedHomeDays)} set in advance, leaving at most ${countEn(workingDays - fixedHomeDays, 'day', 'days')} at the office${KEPT_EN}`,
  unitPeople: (unit, date, required, working, fixedHome) =>
    `${unit} ${onDayEn(date)}: needs at least ${countEn(required, 'person', 'people')} at the office out of ${working} working, ` +
    `but ${countEn(fixedHome.length, 'person', 'people')} ${wasWere(fixedHome.length)} set in advance as working from home (${namesEn(fixedHome)})${KEPT_EN}`,
  unitLeaders: (unit, date, required, working, fixedHome) =>
    `${unit} ${onDayEn(date)}: needs at least ${countEn(required, 'unit leader', 'unit leaders')} at the office out of ${countEn(working, 'leader', 'leaders')} working, ` +
    `but ${countEn(fixedHome.length, 'leader', 'leaders')} ${wasWere(fixedHome.length)} set in advance as working from home (${namesEn(fixedHome)})${KEPT_EN}`,
  agencyLeaders: (agency, date, required, working, fixedHome) =>
    `${agency} ${onDayEn(date)}: needs at least ${countEn(required, 'agency leader', 'agency leaders')} at the office ` +
    `out of ${countEn(working, 'agency leader', 'agency leaders')} working, ` +
    `but ${fixedHome.length} of them ${wasWere(fixedHome.length)} set in advance as working from home (${namesEn(fixedHome)})${KEPT_EN}`,
  wfhShareMax: (scope, date, share, working, allowed, fixedHome) =>
    `${scope} ${onDayEn(date)}: at most ${countEn(allowed, 'person', 'people')} may work from home (${percentEn(share)} of ${working} working), ` +
    `but ${countEn(fixedHome.length, 'person', 'people')} ${wasWere(fixedHome.length)} set in advance as working from home (${namesEn(fixedHome)})${KEPT_EN}`,
  wfhShareBounds: (scope, date, working, min, required, max, allowed) =>
    `${scope} ${onDayEn(date)}: with ${countEn(working, 'person', 'people')} working, the minimum share of ${percentEn(min)} requires at least ${countEn(required, 'person', 'people')} ` +
    `working from home but the maximum share of ${percentEn(max)} allows only ${allowed}`,
  wfhShareMinDay: (scope, date, share, working, required, reachable, reasons) =>
    `${shareMinHeadEn(scope, date, share, working, required)}, but at most ${reachable} can be at home: of the ${working} working, ${reasons.join(', ')}`,
  fixedAtHome: (count) => `${count} ${wasWere(count)} set in advance as working from home`,
  notEligible: (count) => `${count} ${count === 1 ? 'is' : 'are'} not eligible to work from home`,
  alwaysOnsiteRoles: (count, roles) =>
    `${count} ${count === 1 ? 'holds a role' : 'hold roles'} always at the office (${roles.map((r) => ROLE_EN[r]).join(', ')})`,
  onDuty: (count) => `${count} ${count === 1 ? 'is' : 'are'} on duty`,
  fixedAtOffice: (count) => `${count} ${wasWere(count)} set in advance as working at the office`,
  outOfHomeDays: (count) => `${count} ${count === 1 ? 'has' : 'have'} already used all the days at home that their role's share at the office allows`,
  othersHeldBack: (count, limits) => `${count} other${count === 1 ? '' : 's'} could work from home but ${limits.join('; ')}`,
  othersFree: (count) => `only ${count} other${count === 1 ? '' : 's'} could work from home`,
  noOneElse: () => 'no one else could work from home',
  keepUnitLeaders: (unit, required, working) =>
    `${unit} must keep at least ${countEn(required, 'unit leader', 'unit leaders')} at the office (${countEn(working, 'leader', 'leaders')} working)`,
  keepUnitPeople: (unit, required, working) => `${unit} must keep at least ${countEn(required, 'person', 'people')} at the office (${working} working)`,
  keepAgencyLeaders: (agency, required, working) =>
    `${agency} must keep at least ${countEn(required, 'agency leader', 'agency leaders')} at the office (${countEn(working, 'agency leader', 'agency leaders')} working)`,
  moreLimits: (count) => `and ${countEn(count, 'other rule', 'other rules')}`,
  wfhShareMinPeriod: (scope, date, share, working, required, placed, outOfDays, roleShares) =>
    `${shareMinHeadEn(scope, date, share, working, required)}, but only ${placed} can be at home: ` +
    (outOfDays.length
      ? `the people who could work from home that day (${namesEn(outOfDays)}) have already used all the days at home that their role's minimum share at the office allows ` +
        `(${roleShares.map(([r, s]) => `${ROLE_EN[r]} ${percentEn(s)}`).join(', ')}), and other days need them at home too`
      : 'no one more can work from home without breaking another rule'),
};

/** The explanation messages of a language (Vietnamese by default). */
export function explainMessages(lang: string): ExplainMessages {
  return lang.startsWith('en') ? explainMsgEn : explainMsg;
}
