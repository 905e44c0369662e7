/** Building blocks shared by every contract (server validation and web types). */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates';

/** Vietnamese validation messages by default. */
z.config(z.locales.vi());

/**
 * Years a date sent to the API may have: a year inside the calendar's 1900-2100 on both sides, so that
 * a service adding days or weeks to it (a 4-week schedule, a period) still stays inside the calendar.
 */
export const DATE_MIN_YEAR = 1901;
export const DATE_MAX_YEAR = 2099;
const yearInRange = (v: string) => {
  const y = Number(v.slice(0, 4));
  return y >= DATE_MIN_YEAR && y <= DATE_MAX_YEAR;
};
const YEAR_MESSAGE = `Ngày phải thuộc các năm ${DATE_MIN_YEAR}–${DATE_MAX_YEAR}.`;

/** `YYYY-MM-DD`, a real day (no 2021-02-30), in DATE_MIN_YEAR..DATE_MAX_YEAR. */
export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'Ngày không hợp lệ (định dạng YYYY-MM-DD).', abort: true })
  .refine(yearInRange, { message: YEAR_MESSAGE });

/** An ISO 8601 instant with its offset (`2021-07-15T14:00:00+07:00`), a real day, in the same years. */
export const IsoDateTimeSchema = z
  .string()
  .datetime({ offset: true, message: 'Thời điểm không hợp lệ (định dạng ISO 8601, ví dụ 2021-07-15T14:00:00+07:00).', abort: true })
  .refine((v) => isIsoDate(v.slice(0, 10)), { message: 'Thời điểm không hợp lệ: ngày không có thật.', abort: true })
  .refine(yearInRange, { message: YEAR_MESSAGE });
export const IdSchema = z.string().min(1).max(100);
export const VersionSchema = z.number().int().min(1);

export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
    details: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

export const OkSchema = z.object({ ok: z.literal(true) });
