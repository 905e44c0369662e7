import { z } from 'zod';
import { APP_ROLES } from '../domain/permissions';
import './common';

export const LoginRequest = z
  .object({
    username: z.string().trim().min(1, 'Nhập tên đăng nhập.').max(100),
    password: z.string().min(1, 'Nhập mật khẩu.').max(200),
    /** Two-factor login: the 6-digit code of the authenticator app (asked by a 401 TOTP_REQUIRED)… */
    totp: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'Mã xác thực gồm 6 chữ số.')
      .optional(),
    /** …or one of the single-use recovery codes. */
    recoveryCode: z.string().trim().min(8, 'Mã khôi phục không hợp lệ.').max(20, 'Mã khôi phục không hợp lệ.').optional(),
  })
  .strict();
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
    /** Two-factor login is enrolled. */
    totpEnabled: z.boolean(),
    /** The account's roles require two-factor login (the session is limited to enrolment until it is enrolled). */
    totpRequired: z.boolean(),
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

export const ChangePasswordRequest = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: z.string().min(12, 'Mật khẩu mới cần ít nhất 12 ký tự.').max(200),
  })
  .strict();
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const TotpStatus = z.object({
  enabled: z.boolean(),
  required: z.boolean(),
  enabledAt: z.string().nullable(),
  /** Unused recovery codes. */
  recoveryCodesLeft: z.number().int(),
});
export type TotpStatus = z.infer<typeof TotpStatus>;

export const TotpSetupRequest = z
  .object({
    /** Needed to replace an enrolled authenticator. */
    password: z.string().min(1).max(200).optional(),
  })
  .strict();
export type TotpSetupRequest = z.infer<typeof TotpSetupRequest>;

export const TotpSetupResponse = z.object({
  /** Base32 secret, to type into the app when the QR code cannot be scanned. */
  secret: z.string(),
  otpauthUrl: z.string(),
  /** The QR code of otpauthUrl as an SVG data URL. */
  qrDataUrl: z.string(),
});
export type TotpSetupResponse = z.infer<typeof TotpSetupResponse>;

export const TotpConfirmRequest = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'Mã xác thực gồm 6 chữ số.'),
  })
  .strict();
export type TotpConfirmRequest = z.infer<typeof TotpConfirmRequest>;

export const TotpConfirmResponse = z.object({
  status: TotpStatus,
  /** Shown once: only their hashes are kept. */
  recoveryCodes: z.array(z.string()),
});
export type TotpConfirmResponse = z.infer<typeof TotpConfirmResponse>;

export const TotpDisableRequest = z
  .object({
    password: z.string().min(1, 'Nhập mật khẩu.').max(200),
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'Mã xác thực gồm 6 chữ số.'),
  })
  .strict();
export type TotpDisableRequest = z.infer<typeof TotpDisableRequest>;
