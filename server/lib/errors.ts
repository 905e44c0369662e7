/**
 * One error type for the whole server, with a stable code. The HTTP status and the default
 * Vietnamese message of each code are decided here, in one place.
 */
import { ERROR_CODES, type ErrorCode } from '../../shared/domain/errors';

// The codes are listed once in shared/domain/errors.ts (the web app's ApiError uses them too).
export { ERROR_CODES, type ErrorCode };

export interface ErrorIssue {
  /** Path of the bad value, e.g. `body.people[3].role` or `row 5, column C`. */
  path: string;
  message: string;
}

export function httpStatusOf(code: ErrorCode): 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 {
  switch (code) {
    case 'VALIDATION':
      return 400;
    case 'UNAUTHENTICATED':
    case 'TOTP_REQUIRED':
      return 401;
    case 'FORBIDDEN':
    case 'CSRF':
    case 'PASSWORD_CHANGE_REQUIRED':
    case 'TOTP_ENROLMENT_REQUIRED':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'VERSION_CONFLICT':
    case 'INVALID_STATE':
      return 409;
    case 'RULE_VIOLATION':
      return 422;
    case 'RATE_LIMITED':
      return 429;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'INTERNAL':
      return 500;
  }
}

export function defaultMessageOf(code: ErrorCode): string {
  switch (code) {
    case 'VALIDATION':
      return 'Dữ liệu không hợp lệ.';
    case 'UNAUTHENTICATED':
      return 'Bạn cần đăng nhập.';
    case 'TOTP_REQUIRED':
      return 'Nhập mã xác thực 6 số trong ứng dụng xác thực trên điện thoại (hoặc một mã khôi phục).';
    case 'PASSWORD_CHANGE_REQUIRED':
      return 'Bạn đang dùng mật khẩu tạm: hãy đổi mật khẩu trước khi tiếp tục.';
    case 'TOTP_ENROLMENT_REQUIRED':
      return 'Vai trò của bạn bắt buộc xác thực hai bước: hãy thiết lập ứng dụng xác thực trước khi tiếp tục.';
    case 'FORBIDDEN':
      return 'Bạn không có quyền thực hiện thao tác này.';
    case 'NOT_FOUND':
      return 'Không tìm thấy dữ liệu.';
    case 'CONFLICT':
      return 'Dữ liệu đã tồn tại hoặc xung đột.';
    case 'VERSION_CONFLICT':
      return 'Dữ liệu đã được người khác thay đổi. Vui lòng tải lại trước khi lưu.';
    case 'RATE_LIMITED':
      return 'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau.';
    case 'PAYLOAD_TOO_LARGE':
      return 'Dữ liệu gửi lên quá lớn.';
    case 'CSRF':
      return 'Phiên làm việc không hợp lệ (CSRF). Vui lòng tải lại trang.';
    case 'RULE_VIOLATION':
      return 'Lịch vi phạm quy định của phương án.';
    case 'INVALID_STATE':
      return 'Không thể thực hiện ở trạng thái hiện tại.';
    case 'INTERNAL':
      return 'Lỗi hệ thống. Vui lòng thử lại hoặc liên hệ Tổ CNTT.';
  }
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[];
  readonly details?: unknown;
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message?: string, opts: { issues?: ErrorIssue[]; details?: unknown; retryAfterSeconds?: number } = {}) {
    super(message ?? defaultMessageOf(code));
    this.name = 'AppError';
    this.code = code;
    this.issues = opts.issues ?? [];
    this.details = opts.details;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }

  get status() {
    return httpStatusOf(this.code);
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `Không tìm thấy ${what}.`);
export const forbidden = (message?: string) => new AppError('FORBIDDEN', message);
export const invalid = (path: string, message: string) => new AppError('VALIDATION', message, { issues: [{ path, message }] });
