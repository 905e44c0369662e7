/** Contracts of the calendar module (B3): the year's calendar and the admin's overrides. */
import { z } from 'zod';
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR, HOLIDAY_KINDS, OVERRIDE_KINDS } from '../domain/calendar';
import { isIsoDate } from '../domain/dates';

const yearOk = (iso: string) => +iso.slice(0, 4) >= CALENDAR_MIN_YEAR && +iso.slice(0, 4) <= CALENDAR_MAX_YEAR;

/** An ISO date whose year the calendar knows (1900-2100). */
export const CalendarDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'Ngày không hợp lệ (định dạng YYYY-MM-DD).', abort: true })
  .refine(yearOk, { message: `Ngày phải thuộc các năm ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}.` });

export const YearParam = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, { message: 'Năm phải gồm 4 chữ số.', abort: true })
    .refine((y) => +y >= CALENDAR_MIN_YEAR && +y <= CALENDAR_MAX_YEAR, { message: `Năm phải từ ${CALENDAR_MIN_YEAR} đến ${CALENDAR_MAX_YEAR}.` }),
});
export const DateParam = z.object({ date: CalendarDateSchema });

// The kinds are listed once in shared/domain/calendar/holidays.ts.
export { HOLIDAY_KINDS, OVERRIDE_KINDS };

export const OVERRIDE_KIND_LABELS_VI: Record<(typeof OVERRIDE_KINDS)[number], string> = {
  holiday: 'Ngày nghỉ lễ, Tết',
  substitute_off: 'Ngày nghỉ bù',
  makeup_workday: 'Ngày làm bù',
  workday: 'Ngày làm việc bình thường (hủy ngày nghỉ đề xuất)',
};

export const CalendarDayView = z.object({
  date: z.string(),
  kind: z.enum(HOLIDAY_KINDS),
  name: z.string(),
  lunar: z.string().optional(),
  source: z.string().optional(),
});

export const CalendarOverrideView = z.object({
  date: z.string(),
  kind: z.enum(OVERRIDE_KINDS),
  name: z.string(),
  source: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedByName: z.string().nullable(),
  updatedAt: z.string(),
});
export type CalendarOverrideView = z.infer<typeof CalendarOverrideView>;

/** Same shape as `congvu calendar YEAR` ({ year, holidays, workdays }) plus the overrides of the year. */
export const YearCalendarView = z.object({
  year: z.number(),
  holidays: z.array(CalendarDayView),
  workdays: z.array(z.string()),
  overrides: z.array(CalendarOverrideView),
});
export type YearCalendarView = z.infer<typeof YearCalendarView>;

export const CalendarOverridePut = z
  .object({
    kind: z.enum(OVERRIDE_KINDS, { error: `Loại ngày phải là một trong: ${OVERRIDE_KINDS.join(', ')}.` }),
    name: z.string().trim().min(2, 'Nhập tên ngày (ví dụ "Nghỉ Tết Nguyên đán").').max(200),
    source: z.string().trim().max(300).nullable().optional(),
  })
  .strict();
export type CalendarOverridePut = z.infer<typeof CalendarOverridePut>;
