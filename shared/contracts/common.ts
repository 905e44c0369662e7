/** Building blocks shared by every contract (server validation and web types). */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates';

/** Vietnamese validation messages by default. */
z.config(z.locales.vi());

export const IsoDateSchema = z.string().refine(isIsoDate, { message: 'Ngày không hợp lệ (định dạng YYYY-MM-DD).' });
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
