import { z } from 'zod';
import { APP_ROLES } from '../domain/permissions';
import './common';

export const LoginRequest = z.object({
  username: z.string().trim().min(1, 'Nhập tên đăng nhập.').max(100),
  password: z.string().min(1, 'Nhập mật khẩu.').max(200),
}).strict();
export type LoginRequest = z.infer<typeof LoginRequest>;

export const GrantView = z.object({
  role: z.enum(APP_ROLES),
  agencyId: z.string(),
  agencyName: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
});
export type GrantView = z.infer<typeof GrantView>;

export const MeResponse = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    personId: z.string().nullable(),
    unitId: z.string().nullable(),
    agencyId: z.string().nullable(),
    mustChangePassword: z.boolean(),
    locale: z.string(),
  }),
  grants: z.array(GrantView),
  /** Actions the user may do somewhere, to build menus. */
  actions: z.array(z.string()),
  csrfToken: z.string(),
  /** The server's clock (ISO), so that screens compute "today" and session states as the server does. */
  serverTime: z.string(),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(12, 'Mật khẩu mới cần ít nhất 12 ký tự.').max(200),
}).strict();
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;
