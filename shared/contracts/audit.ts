/** The audit log screen (Nhật ký hệ thống): list, export, actors, chain verification. */
import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common';

/** Readable Vietnamese labels of the actions written to the log (unknown actions show their code). */
export const AUDIT_ACTION_LABELS_VI: Record<string, string> = {
  'auth.login': 'Đăng nhập',
  'auth.login_failed': 'Đăng nhập thất bại',
  'auth.logout': 'Đăng xuất',
  'auth.password_changed': 'Đổi mật khẩu',
  'account.created': 'Tạo tài khoản',
  'account.updated': 'Cập nhật tài khoản',
  'account.password_reset': 'Đặt lại mật khẩu',
  'access.denied': 'Bị từ chối truy cập',
  'access.hidden': 'Truy cập dữ liệu ngoài phạm vi hoặc không tồn tại',
  'access.unauthenticated': 'Thao tác khi chưa đăng nhập',
  'csrf.refused': 'Từ chối yêu cầu giả mạo (CSRF/Origin)',
  'org.agency_created': 'Tạo cơ quan',
  'org.agency_updated': 'Cập nhật cơ quan',
  'org.unit_created': 'Tạo đơn vị',
  'org.unit_updated': 'Cập nhật đơn vị',
  'org.person_created': 'Thêm cán bộ',
  'org.person_updated': 'Cập nhật cán bộ',
  'org.people_imported': 'Nhập danh sách cán bộ',
  'calendar.override_set': 'Điều chỉnh lịch nghỉ',
  'calendar.override_deleted': 'Xóa điều chỉnh lịch nghỉ',
  'policy.created': 'Ban hành phương án',
  'policy.updated': 'Sửa phương án',
  'policy.ended': 'Kết thúc phương án',
  'roster.period_created': 'Mở kỳ đăng ký lịch',
  'roster.cells_saved': 'Lưu lịch đơn vị',
  'roster.unit_submitted': 'Gửi lịch đơn vị',
  'roster.unit_returned': 'Trả lại lịch đơn vị',
  'roster.period_compiled': 'Tổng hợp lịch cơ quan',
  'roster.period_approved': 'Phê duyệt lịch',
  'roster.period_returned': 'Trả lại lịch cơ quan',
  'roster.generated': 'Tạo lịch tự động',
  'roster.imported': 'Nhập lịch',
  'roster.wishes_set': 'Đăng ký nguyện vọng',
  'duty.replaced': 'Phân công trực',
  'presence.checkin_elsewhere': 'Điểm danh ngoài nơi làm việc',
  'presence.status': 'Cập nhật trạng thái',
  'presence.summon': 'Triệu tập về cơ quan',
  'presence.summons_acknowledged': 'Xác nhận triệu tập',
  'presence.summons_cancelled': 'Hủy triệu tập',
  'health.declare': 'Khai báo y tế',
  'health.read': 'Xem khai báo y tế',
  'health.purged': 'Xóa khai báo y tế hết hạn',
  'task.created': 'Giao việc',
  'task.status_changed': 'Đổi trạng thái công việc',
  'task.attachment_added': 'Đính kèm tệp',
  'task.imported': 'Nhập dữ liệu công việc',
  'report.agency_frozen': 'Chốt báo cáo cơ quan',
  'report.province_frozen': 'Chốt báo cáo tỉnh',
  'report.note_saved': 'Lưu ghi chú báo cáo',
  'seed.demo': 'Tạo dữ liệu mẫu',
  'seed.large': 'Tạo dữ liệu lớn',
};

/** Groups of actions for the filter (a value ending in `.` filters by prefix). */
export const AUDIT_ACTION_GROUPS_VI: Record<string, string> = {
  'auth.': 'Đăng nhập, mật khẩu',
  'account.': 'Tài khoản',
  'access.': 'Truy cập bị từ chối',
  'csrf.': 'Yêu cầu giả mạo',
  'org.': 'Tổ chức, cán bộ',
  'calendar.': 'Lịch nghỉ',
  'policy.': 'Phương án',
  'roster.': 'Lịch làm việc',
  'duty.': 'Lịch trực',
  'presence.': 'Điểm danh, triệu tập',
  'health.': 'Khai báo y tế',
  'task.': 'Công việc',
  'report.': 'Báo cáo',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS_VI[action] ?? action;
}

export const AuditQuery = z
  .object({
    /** One agency (default: every agency the reader may see). */
    agencyId: IdSchema.optional(),
    /** The person who did it (through their account). */
    personId: IdSchema.optional(),
    /** The account that did it. */
    userId: IdSchema.optional(),
    /** An action code (`roster.period_approved`) or a group ending with a dot (`roster.`). */
    action: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .regex(/^[a-z0-9_.]+$/, { message: 'Mã thao tác không hợp lệ.' })
      .optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    /** The `nextCursor` of the previous page. */
    cursor: z
      .string()
      .regex(/^\d{1,18}$/, { message: 'Con trỏ trang không hợp lệ.' })
      .optional(),
    limit: z.coerce.number().int().min(1, { message: 'Số dòng tối thiểu là 1.' }).max(200, { message: 'Tối đa 200 dòng một trang.' }).default(50),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditExportQuery = AuditQuery.omit({ cursor: true, limit: true })
  .extend({ format: z.enum(['csv', 'xlsx'], { message: 'Định dạng phải là csv hoặc xlsx.' }).default('csv') })
  .strict();
export type AuditExportQuery = z.infer<typeof AuditExportQuery>;

export const AuditActor = z.object({ userId: z.string(), username: z.string(), displayName: z.string() });
export type AuditActor = z.infer<typeof AuditActor>;

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: AuditActor.nullable(),
  action: z.string(),
  actionLabel: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  data: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({ entries: z.array(AuditEntry), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditActorsQuery = z
  .object({ q: z.string().trim().min(1, { message: 'Nhập tên hoặc tên đăng nhập.' }).max(100), agencyId: IdSchema.optional() })
  .strict();
export const AuditActorList = z.object({ actors: z.array(AuditActor.extend({ personId: z.string().nullable() })) });
export type AuditActorList = z.infer<typeof AuditActorList>;

export const AuditBrokenLink = z.object({
  id: z.string(),
  at: z.string(),
  agencyId: z.string().nullable(),
  action: z.string(),
  reason: z.enum(['prev_hash', 'hash']),
  expectedPrevHash: z.string(),
  storedPrevHash: z.string(),
  expectedHash: z.string(),
  storedHash: z.string(),
});
export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  chains: z.number(),
  rows: z.number(),
  broken: z.array(AuditBrokenLink),
  checkedAt: z.string(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;
