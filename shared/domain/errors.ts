/**
 * The error codes of the API, once for the server (server/lib/errors.ts decides their HTTP status and
 * default message) and the web app (web/lib/api.ts ApiError). Sent as `{error:{code,message,issues}}`.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'TOTP_REQUIRED',
  'FORBIDDEN',
  'PASSWORD_CHANGE_REQUIRED',
  'TOTP_ENROLMENT_REQUIRED',
  'NOT_FOUND',
  'CONFLICT',
  'VERSION_CONFLICT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'CSRF',
  'RULE_VIOLATION',
  'INVALID_STATE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
