/**
 * Contracts of the presence module (D1-D3): check-ins of people at home, availability status, the
 * "who is where now" board, the unit head's missing list, summons and health declarations.
 * No location is ever sent or stored other than the words a person types (no GPS).
 */
import { z } from 'zod';
import { MODES, ROLES } from '../domain/roster/format';
import { CHECKIN_PLACES, PRESENCE_STATUSES, SESSIONS, SUMMONS_STATUSES } from '../domain/presence';
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from './common';

export const SessionSchema = z.enum(SESSIONS);
export const PresenceStatusSchema = z.enum(PRESENCE_STATUSES);
export const SummonsStatusSchema = z.enum(SUMMONS_STATUSES);
export const SessionStateSchema = z.enum(['checked_in', 'upcoming', 'due', 'late', 'missed', 'not_required']);

export const HoursView = z.object({ morningStart: z.string(), morningEnd: z.string(), afternoonStart: z.string(), afternoonEnd: z.string() });

// ---------------------------------------------------------------- check-in

export const CheckinRequest = z
  .object({
    /** Default: the current session by the clock and the policy hours. */
    session: SessionSchema.optional(),
    place: z.enum(CHECKIN_PLACES),
    /** Where, in the person's own words, when not at the registered place. */
    otherPlace: z.string().trim().min(1).max(200).optional(),
    /** Why not at the registered place (required when place = other). */
    reason: z.string().trim().max(500).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.place === 'other' && (!v.reason || v.reason.length < 3)) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Nhập lý do làm việc tại nơi khác nơi đã đăng ký.' });
    }
    if (v.place === 'registered' && v.otherPlace !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['otherPlace'], message: 'Chỉ nhập nơi làm việc khác khi chọn "nơi khác".' });
    }
  });
export type CheckinRequest = z.infer<typeof CheckinRequest>;

export const CheckinView = z.object({
  id: z.string(),
  personId: z.string(),
  date: z.string(),
  session: SessionSchema,
  at: z.string(),
  place: z.enum(CHECKIN_PLACES),
  otherPlace: z.string().nullable(),
  reason: z.string().nullable(),
  lateMinutes: z.number(),
});
export type CheckinView = z.infer<typeof CheckinView>;

// ---------------------------------------------------------------- status

export const StatusRequest = z.object({ status: PresenceStatusSchema, note: z.string().trim().max(200).optional() }).strict();
export type StatusRequest = z.infer<typeof StatusRequest>;
export const StatusView = z.object({ status: PresenceStatusSchema, note: z.string().nullable(), updatedAt: z.string() });
export type StatusView = z.infer<typeof StatusView>;

// ---------------------------------------------------------------- summons

export const SummonsCreate = z
  .object({
    personId: IdSchema,
    reason: z.string().trim().min(3, 'Nhập lý do triệu tập.').max(500),
    /** When the person must be at the office (ISO 8601 instant). */
    requiredAt: IsoDateTimeSchema,
  })
  .strict();
export type SummonsCreate = z.infer<typeof SummonsCreate>;

export const SummonsView = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  agencyId: z.string(),
  unitId: z.string(),
  calledByUserId: z.string(),
  calledByName: z.string(),
  reason: z.string(),
  requiredAt: z.string(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  /** "Không thể đến": when and why. */
  declinedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  status: SummonsStatusSchema,
});
export type SummonsView = z.infer<typeof SummonsView>;
export const SummonsList = z.object({ summons: z.array(SummonsView) });
export type SummonsList = z.infer<typeof SummonsList>;
export const SummonsQuery = z.object({
  /** 1 = the summons addressed to me. */
  mine: z.enum(['0', '1']).optional(),
  unitId: IdSchema.optional(),
  status: SummonsStatusSchema.optional(),
});
export const SummonsParam = z.object({ id: IdSchema });
export const SummonsDecline = z
  .object({ reason: z.string().trim().min(3, 'Nhập lý do không thể đến (ít nhất 3 ký tự).').max(500, 'Lý do tối đa 500 ký tự.') })
  .strict();
export type SummonsDecline = z.infer<typeof SummonsDecline>;

// ---------------------------------------------------------------- me, board, missing

export const SessionCheckinView = z.object({
  session: SessionSchema,
  start: z.string(),
  end: z.string(),
  /** First time a check-in is accepted (`HH:MM`). */
  opensAt: z.string(),
  state: SessionStateSchema,
  checkin: CheckinView.nullable(),
});
export type SessionCheckinView = z.infer<typeof SessionCheckinView>;

export const MeResponse = z.object({
  date: z.string(),
  personId: z.string(),
  /** Mode of the day in the published schedule (wfh = at home), null when none. */
  mode: z.enum(MODES).nullable(),
  checkinRequired: z.boolean(),
  hours: HoursView,
  /** The session to check in now, if any. */
  currentSession: SessionSchema.nullable(),
  sessions: z.array(SessionCheckinView),
  status: StatusView.nullable(),
  summons: z.array(SummonsView),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const ScopeQuery = z.object({ unitId: IdSchema.optional(), agencyId: IdSchema.optional(), date: IsoDateSchema.optional() });

export const BoardSessionCell = z.object({
  session: SessionSchema,
  state: SessionStateSchema,
  at: z.string().nullable(),
  lateMinutes: z.number().nullable(),
  place: z.enum(CHECKIN_PLACES).nullable(),
  otherPlace: z.string().nullable(),
});
export const BoardPerson = z.object({
  personId: z.string(),
  fullName: z.string(),
  position: z.enum(ROLES),
  mode: z.enum(MODES).nullable(),
  sessions: z.array(BoardSessionCell),
  /** Availability set today (null when not set today). */
  status: StatusView.nullable(),
  summons: z.array(SummonsView),
});
export type BoardPerson = z.infer<typeof BoardPerson>;

export const BoardCounts = z.object({
  people: z.number(),
  atHome: z.number(),
  onSite: z.number(),
  leave: z.number(),
  businessTrip: z.number(),
  /** No published schedule for the day. */
  unscheduled: z.number(),
  /** People at home checked in / not checked in for `referenceSession`. */
  checkedIn: z.number(),
  notCheckedIn: z.number(),
  referenceSession: SessionSchema.nullable(),
});
export type BoardCounts = z.infer<typeof BoardCounts>;

export const BoardResponse = z.object({
  date: z.string(),
  at: z.string(),
  agencyId: z.string(),
  unitId: z.string().nullable(),
  hours: HoursView,
  counts: BoardCounts,
  units: z.array(z.object({ unitId: z.string(), unitName: z.string(), counts: BoardCounts, people: z.array(BoardPerson) })),
});
export type BoardResponse = z.infer<typeof BoardResponse>;

export const MissingResponse = z.object({
  date: z.string(),
  at: z.string(),
  agencyId: z.string(),
  unitId: z.string().nullable(),
  people: z.array(
    z.object({
      personId: z.string(),
      fullName: z.string(),
      unitId: z.string(),
      unitName: z.string(),
      session: SessionSchema,
      sessionStart: z.string(),
      /** Minutes since the session start (capped at the session length). */
      minutesLate: z.number(),
    }),
  ),
});
export type MissingResponse = z.infer<typeof MissingResponse>;

// ---------------------------------------------------------------- health (sensitive personal data)

export const HealthPut = z
  .object({
    /** Default: today. */
    date: IsoDateSchema.optional(),
    /** Fever, cough, shortness of breath… (có triệu chứng). */
    symptoms: z.boolean(),
    /** Close contact with a case (tiếp xúc gần). */
    contact: z.boolean(),
    note: z.string().trim().max(300).optional(),
  })
  .strict();
export type HealthPut = z.infer<typeof HealthPut>;

export const HealthView = z.object({
  id: z.string(),
  personId: z.string(),
  fullName: z.string(),
  unitId: z.string(),
  date: z.string(),
  symptoms: z.boolean(),
  contact: z.boolean(),
  note: z.string().nullable(),
  createdAt: z.string(),
  deleteAfter: z.string(),
});
export type HealthView = z.infer<typeof HealthView>;
export const HealthList = z.object({ declarations: z.array(HealthView) });
export type HealthList = z.infer<typeof HealthList>;
export const HealthQuery = z.object({
  /** Default: oneself. */
  personId: IdSchema.optional(),
  /** The declarations of a unit (unit head, Office). */
  unitId: IdSchema.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});
