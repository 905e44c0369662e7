/**
 * HTTP helpers shared by every module: OpenAPI route building blocks, the error mapper and the
 * validation hook (Vietnamese messages with the path of each bad field, never a stack trace).
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError, ZodType } from 'zod';
import { ErrorResponseSchema } from '../../shared/contracts/common';
import { AppError, defaultMessageOf, type ErrorIssue } from './errors';
import type { AppEnv, CurrentUser } from './context';

export const json = <T extends ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
export const jsonBody = <T extends ZodType>(schema: T) => ({ body: { ...json(schema), required: true } });

/** Standard responses: the success schema plus the error shape for 4xx. */
export function responses<T extends ZodType>(schema: T, description = 'OK') {
  return {
    200: { description, ...json(schema) },
    400: { description: 'Dữ liệu không hợp lệ', ...json(ErrorResponseSchema) },
    401: { description: 'Chưa đăng nhập', ...json(ErrorResponseSchema) },
    403: { description: 'Không có quyền', ...json(ErrorResponseSchema) },
    404: { description: 'Không tìm thấy', ...json(ErrorResponseSchema) },
    409: { description: 'Xung đột phiên bản hoặc trạng thái', ...json(ErrorResponseSchema) },
  } as const;
}

export function formatPath(prefix: string, path: ReadonlyArray<PropertyKey>): string {
  let out = prefix;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

export function zodIssues(error: ZodError, prefix: string): ErrorIssue[] {
  return error.issues.map((i) => {
    if (i.code === 'unrecognized_keys') {
      const keys = (i as { keys?: string[] }).keys ?? [];
      return { path: formatPath(prefix, [...i.path, keys[0] ?? '']), message: `Trường không được hỗ trợ: ${keys.join(', ')}` };
    }
    return { path: formatPath(prefix, i.path), message: i.message };
  });
}

const TARGET_PREFIX: Record<string, string> = { json: 'body', query: 'query', param: 'params', form: 'body', header: 'headers', cookie: 'cookies' };

/** A module router with the validation hook that turns zod errors into our VALIDATION error. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const target = (result as { target?: string }).target ?? 'json';
        const issues = zodIssues(result.error as ZodError, TARGET_PREFIX[target] ?? target);
        return c.json({ error: { code: 'VALIDATION', message: issues[0]?.message ?? defaultMessageOf('VALIDATION'), issues } }, 400);
      }
    },
  });
}

export function errorResponse(err: unknown, c: Context) {
  if (err instanceof AppError) {
    if (err.retryAfterSeconds) c.header('Retry-After', String(err.retryAfterSeconds));
    return c.json({ error: { code: err.code, message: err.message, issues: err.issues, ...(err.details !== undefined ? { details: err.details } : {}) } }, err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const malformed = status === 400;
    const message = malformed ? 'Nội dung gửi lên không phải JSON hợp lệ.' : err.message || defaultMessageOf('INTERNAL');
    return c.json({ error: { code: malformed ? 'VALIDATION' : 'INTERNAL', message, issues: malformed ? [{ path: 'body', message }] : [] } }, status);
  }
  // Unknown error: log it with the request id, answer without internals.
  console.error(`[${c.get('requestId') ?? '-'}]`, err);
  return c.json({ error: { code: 'INTERNAL', message: defaultMessageOf('INTERNAL'), issues: [] } }, 500);
}

/** The authenticated user, or UNAUTHENTICATED. */
export function requireUser(c: Context<AppEnv>): CurrentUser {
  const user = c.get('user');
  if (!user) throw new AppError('UNAUTHENTICATED');
  return user;
}
