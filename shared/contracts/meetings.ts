/**
 * Contracts of the meetings module (issue 10 item 4, PRODUCT.md I1-I2): invitations with a time, a place
 * or an online link, attendees and linked documents; ICS by e-mail and a calendar feed (iCalendar URL with
 * a secret token); answers, attendance, and the report an attendee files after an outside meeting (I2).
 * During a WFH policy an in-person meeting needs a reason (khẩn cấp / phòng chống dịch); online is the default.
 */
import { z } from 'zod';
import { IdSchema, IsoDateSchema, IsoDateTimeSchema, VersionSchema } from './common';

/** internal: họp nội bộ tại cơ quan; online: họp trực tuyến; outside: hội nghị/họp bên ngoài (cử người đi dự, báo cáo sau họp). */
export const MEETING_KINDS = ['internal', 'online', 'outside'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_STATUSES = ['scheduled', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const RESPONSES = ['pending', 'accepted', 'declined'] as const;
export type MeetingResponse = (typeof RESPONSES)[number];
export const ATTENDANCE = ['present', 'absent', 'excused'] as const;
export type Attendance = (typeof ATTENDANCE)[number];
/** Why an in-person meeting is held while a WFH policy is in force (S2 §1.4). */
export const IN_PERSON_REASONS = ['urgent', 'epidemic'] as const;
export type InPersonReason = (typeof IN_PERSON_REASONS)[number];

/** At most this long (a conference may last a day). */
export const MAX_MEETING_MINUTES = 12 * 60;
export const MAX_ATTENDEES = 300;

const HttpsUrl = z
  .string()
  .trim()
  .max(500)
  .url('Đường dẫn họp trực tuyến không hợp lệ.')
  .refine((v) => v.toLowerCase().startsWith('https://'), { message: 'Đường dẫn họp trực tuyến phải bắt đầu bằng https://.' });

const MeetingFields = z.object({
  title: z.string().trim().min(3, 'Nhập tên cuộc họp (ít nhất 3 ký tự).').max(300),
  kind: z.enum(MEETING_KINDS),
  startAt: IsoDateTimeSchema,
  endAt: IsoDateTimeSchema,
  place: z.string().trim().min(2).max(300).optional(),
  onlineUrl: HttpsUrl.optional(),
  agenda: z.string().trim().max(5000).optional(),
  attendeePersonIds: z.array(IdSchema).min(1, 'Chọn ít nhất một người tham dự.').max(MAX_ATTENDEES),
  chairPersonId: IdSchema.optional(),
  /** Documents of the documents module to open at the meeting (links only; secret documents refused). */
  documentIds: z.array(IdSchema).max(20).optional(),
  inPersonReason: z.enum(IN_PERSON_REASONS).optional(),
  /** Why it is held in person (free text along with the reason code). */
  inPersonNote: z.string().trim().max(500).optional(),
});

function refineMeeting(v: z.infer<typeof MeetingFields>, ctx: z.RefinementCtx) {
  const start = Date.parse(v.startAt);
  const end = Date.parse(v.endAt);
  if (!(end > start)) ctx.addIssue({ code: 'custom', path: ['endAt'], message: 'Giờ kết thúc phải sau giờ bắt đầu.' });
  else if (end - start > MAX_MEETING_MINUTES * 60_000) ctx.addIssue({ code: 'custom', path: ['endAt'], message: 'Một cuộc họp kéo dài tối đa 12 giờ.' });
  if (v.kind === 'online' && !v.onlineUrl) ctx.addIssue({ code: 'custom', path: ['onlineUrl'], message: 'Họp trực tuyến cần đường dẫn phòng họp (https://).' });
  if (v.kind !== 'online' && !v.place) ctx.addIssue({ code: 'custom', path: ['place'], message: 'Nhập địa điểm họp.' });
  if (new Set(v.attendeePersonIds).size !== v.attendeePersonIds.length)
    ctx.addIssue({ code: 'custom', path: ['attendeePersonIds'], message: 'Danh sách người tham dự có người bị trùng.' });
}

export const MeetingCreate = MeetingFields.strict().superRefine(refineMeeting);
export type MeetingCreate = z.infer<typeof MeetingCreate>;

/** A full replacement of the meeting's fields with the version read; attendees see a new SEQUENCE. */
export const MeetingUpdate = MeetingFields.extend({ version: VersionSchema }).strict().superRefine(refineMeeting);
export type MeetingUpdate = z.infer<typeof MeetingUpdate>;

export const MeetingCancel = z
  .object({
    version: VersionSchema,
    reason: z.string().trim().min(3, 'Nhập lý do hủy (ít nhất 3 ký tự).').max(500),
  })
  .strict();
export type MeetingCancel = z.infer<typeof MeetingCancel>;

export const MeetingRespond = z
  .object({
    answer: z.enum(['accept', 'decline']),
    reason: z.string().trim().max(500).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.answer === 'decline' && (!v.reason || v.reason.length < 3))
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Nhập lý do không tham dự (ít nhất 3 ký tự).' });
  });
export type MeetingRespond = z.infer<typeof MeetingRespond>;

export const AttendanceMark = z
  .object({
    marks: z
      .array(z.object({ personId: IdSchema, attendance: z.enum(ATTENDANCE) }).strict())
      .min(1)
      .max(MAX_ATTENDEES),
  })
  .strict();
export type AttendanceMark = z.infer<typeof AttendanceMark>;

export const MeetingReportCreate = z
  .object({
    summary: z.string().trim().min(10, 'Nhập tóm tắt nội dung (ít nhất 10 ký tự).').max(5000),
    conclusions: z.string().trim().min(3, 'Nhập kết luận, chỉ đạo (ít nhất 3 ký tự).').max(5000),
    tasksProposed: z.string().trim().max(3000).optional(),
  })
  .strict();
export type MeetingReportCreate = z.infer<typeof MeetingReportCreate>;

export const MeetingParam = z.object({ id: IdSchema });
export const FeedParam = z.object({ token: z.string().min(1).max(200) });

export const MeetingListQuery = z
  .object({
    /** From this day (default: today), Asia/Ho_Chi_Minh. */
    from: IsoDateSchema.optional(),
    /** Up to this day (default: from + 60 days). */
    to: IsoDateSchema.optional(),
    /** 1 = only meetings I attend or organised; 0 = every meeting I may read in my scope. */
    mine: z.enum(['0', '1']).optional(),
  })
  .strict();
export type MeetingListQuery = z.infer<typeof MeetingListQuery>;

// ---------------------------------------------------------------- views

export const AttendeeView = z.object({
  personId: z.string(),
  fullName: z.string(),
  unitName: z.string(),
  isChair: z.boolean(),
  response: z.enum(RESPONSES),
  responseReason: z.string().nullable(),
  respondedAt: z.string().nullable(),
  attendance: z.enum(ATTENDANCE).nullable(),
  /** Invited because the person they stand in for (acting, ủy quyền) was invited. */
  actingForName: z.string().nullable(),
});
export type AttendeeView = z.infer<typeof AttendeeView>;

export const MeetingReportView = z.object({
  id: z.string(),
  personId: z.string(),
  fullName: z.string(),
  summary: z.string(),
  conclusions: z.string(),
  tasksProposed: z.string().nullable(),
  createdAt: z.string(),
});
export type MeetingReportView = z.infer<typeof MeetingReportView>;

export const LinkedDocumentView = z.object({ id: z.string(), label: z.string() });

export const MeetingView = z.object({
  id: z.string(),
  agencyId: z.string(),
  unitId: z.string().nullable(),
  title: z.string(),
  kind: z.enum(MEETING_KINDS),
  status: z.enum(MEETING_STATUSES),
  startAt: z.string(),
  endAt: z.string(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  agenda: z.string().nullable(),
  inPersonReason: z.enum(IN_PERSON_REASONS).nullable(),
  inPersonNote: z.string().nullable(),
  cancelReason: z.string().nullable(),
  organizerName: z.string(),
  chairPersonId: z.string().nullable(),
  /** iCalendar SEQUENCE: 0 at creation, +1 at each change and at the cancel. */
  sequence: z.number().int(),
  version: z.number().int(),
  attendees: z.array(AttendeeView),
  documents: z.array(LinkedDocumentView),
  /** The viewer's part: organizer (created it), chair, attendee, or viewer (reads it through their scope). */
  myRole: z.enum(['organizer', 'chair', 'attendee', 'viewer']),
  myResponse: z.enum(RESPONSES).nullable(),
  canEdit: z.boolean(),
  canMarkAttendance: z.boolean(),
  /** The viewer attended this outside meeting and may file the report (I2). */
  canReport: z.boolean(),
  /** Reports filed after an outside meeting: seen by the Director(s), the organizer, the chair and their authors. */
  reports: z.array(MeetingReportView),
});
export type MeetingView = z.infer<typeof MeetingView>;

export const MeetingSummary = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(MEETING_KINDS),
  status: z.enum(MEETING_STATUSES),
  startAt: z.string(),
  endAt: z.string(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  myResponse: z.enum(RESPONSES).nullable(),
  attendeeCount: z.number().int(),
  reportCount: z.number().int(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const MeetingList = z.object({ meetings: z.array(MeetingSummary), canCreate: z.boolean() });
export type MeetingList = z.infer<typeof MeetingList>;

export const FeedTokenView = z.object({
  /** https URL of the feed (null until a token is made). */
  httpsUrl: z.string().nullable(),
  /** The same as webcal:// for one-tap subscription on phones. */
  webcalUrl: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type FeedTokenView = z.infer<typeof FeedTokenView>;

export const InviteeOption = z.object({ personId: z.string(), fullName: z.string(), unitId: z.string(), unitName: z.string(), position: z.string() });
export const InviteeOptions = z.object({ people: z.array(InviteeOption) });
export type InviteeOptions = z.infer<typeof InviteeOptions>;

export const IN_PERSON_REASON_VI: Record<InPersonReason, string> = { urgent: 'Khẩn cấp', epidemic: 'Phòng, chống dịch' };
export const KIND_VI: Record<MeetingKind, string> = { internal: 'Họp tại cơ quan', online: 'Họp trực tuyến', outside: 'Hội nghị / họp bên ngoài' };
