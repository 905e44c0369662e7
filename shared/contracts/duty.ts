/** Contracts of the duty rota (C6): lịch trực cơ quan, trực lãnh đạo, trực dịch, trực văn thư. */
import { z } from 'zod';
import { ROLES } from '../domain/roster/format';
import { CalendarDateSchema } from './calendar';
import { IdSchema } from './common';

export const DUTY_KINDS = ['office', 'leader', 'epidemic', 'documents'] as const;
export type DutyKind = (typeof DUTY_KINDS)[number];

export const DUTY_KIND_LABELS_VI: Record<DutyKind, string> = {
  office: 'Trực cơ quan',
  leader: 'Trực lãnh đạo',
  epidemic: 'Trực phòng, chống dịch',
  documents: 'Trực văn thư (văn bản đến, đi, mật, hỏa tốc)',
};

/** At most this many days in one GET (a year and a day). */
export const DUTY_MAX_RANGE_DAYS = 366;

export const DutyQuery = z.object({ agencyId: IdSchema, from: CalendarDateSchema, to: CalendarDateSchema });

export const DutyPerson = z.object({
  personId: z.string(),
  fullName: z.string(),
  position: z.enum(ROLES),
  unitId: z.string(),
  unitName: z.string(),
});
export type DutyPerson = z.infer<typeof DutyPerson>;

export const DutyDay = z.object({
  date: z.string(),
  office: z.array(DutyPerson),
  leader: z.array(DutyPerson),
  epidemic: z.array(DutyPerson),
  documents: z.array(DutyPerson),
});
export type DutyDay = z.infer<typeof DutyDay>;

/** Days of the range that have at least one duty, sorted. */
export const DutyList = z.object({ agencyId: z.string(), from: z.string(), to: z.string(), days: z.array(DutyDay) });
export type DutyList = z.infer<typeof DutyList>;

const people = (what: string) =>
  z
    .array(IdSchema)
    .max(50, `Tối đa 50 người ${what} mỗi ngày.`)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((id, i) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i], message: 'Người này đã có trong danh sách.' });
        seen.add(id);
      });
    });

/** Replaces the duties of one day. Empty lists clear the day. */
export const DutyPut = z
  .object({
    office: people('trực cơ quan'),
    leader: people('trực lãnh đạo'),
    epidemic: people('trực phòng, chống dịch').optional(),
    documents: people('trực văn thư').optional(),
    /** Duty on a non-working day (weekend, holiday): seed 004 "kể cả thứ 7, chủ nhật khi cần thiết". */
    allowNonWorkday: z.boolean().optional(),
  })
  .strict();
export type DutyPut = z.infer<typeof DutyPut>;

export const DutyParams = z.object({ agencyId: IdSchema, date: CalendarDateSchema });
