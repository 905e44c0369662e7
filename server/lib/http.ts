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
import { findBadText } from './limits';
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
      const target = (result as { target?: string }).target ?? 'json';
      if (!result.success) {
        const issues = zodIssues(result.error as ZodError, TARGET_PREFIX[target] ?? target);
        return c.json({ error: { code: 'VALIDATION', message: issues[0]?.message ?? defaultMessageOf('VALIDATION'), issues } }, 400);
      }
      // A NUL byte or a lone surrogate in any string: PostgreSQL would refuse it (a 500); answer 400 here.
      const bad = findBadText((result as { data?: unknown }).data, TARGET_PREFIX[target] ?? target);
      if (bad) return c.json({ error: { code: 'VALIDATION', message: bad.message, issues: [bad] } }, 400);
    },
  });
}

/**
 * What the log may say about an unexpected error: its class, its code, the SQL error code and the stack
 * frames, never its message (a database error carries the failing query and its parameters, which hold
 * request data such as health notes; a JSON error quotes the input).
 */
export function describeError(err: unknown): string {
  const parts: string[] = [];
  let frames = '';
  const seen = new Set<unknown>();
  for (let e: unknown = err; e && typeof e === 'object' && !seen.has(e) && parts.length < 4; e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const name = (e as { constructor?: { name?: string } }).constructor?.name ?? 'Object';
    const code = (e as { code?: unknown }).code;
    parts.push(typeof code === 'string' && /^[\w.-]{1,40}$/.test(code) ? `${name}(${code})` : name);
    if (!frames && e instanceof Error && e.stack) {
      frames = e.stack
        .split('\n')
        .filter((l) => /^\s+at /.test(l))
        .slice(0, 8)
        .join('\n');
    }
  }
  if (parts.length === 0) parts.push(typeof err);
  return `${parts.join(' ← ')}${frames ? `\n${frames}` : ''}`;
}

export function errorResponse(err: unknown, c: Context) {
  if (err instanceof AppError) {
    if (err.retryAfterSeconds) c.header('Retry-After', String(err.retryAfterSeconds));
    return c.json(
      { error: { code: err.code, message: err.message, issues: err.issues, ...(err.details !== undefined ? { details: err.details } : {}) } },
      err.status,
    );
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 400) {
      const message = 'Nội dung gửi lên không phải JSON hợp lệ.';
      return c.json({ error: { code: 'VALIDATION', message, issues: [{ path: 'body', message }] } }, 400);
    }
    if (status === 413) {
      const message = defaultMessageOf('PAYLOAD_TOO_LARGE');
      return c.json({ error: { code: 'PAYLOAD_TOO_LARGE', message, issues: [{ path: 'body', message }] } }, 413);
    }
    if (status === 415) {
      const message = 'Kiểu nội dung (Content-Type) không được hỗ trợ; hãy gửi application/json.';
      return c.json({ error: { code: 'VALIDATION', message, issues: [{ path: 'headers.content-type', message }] } }, 415);
    }
    const message = status < 500 ? defaultMessageOf('VALIDATION') : defaultMessageOf('INTERNAL');
    return c.json({ error: { code: status < 500 ? 'VALIDATION' : 'INTERNAL', message, issues: [] } }, status);
  }
  // Unknown error: log the request id, the route and what the error is, never the request's data; answer without internals.
  console.error(
    `[${c.get('requestId') ?? '-'}] ${c.req.method} ${c.req.routePath && c.req.routePath !== '/*' && c.req.routePath !== '*' ? c.req.routePath : c.req.path} → 500 ${describeError(err)}`,
  );
  return c.json({ error: { code: 'INTERNAL', message: defaultMessageOf('INTERNAL'), issues: [] } }, 500);
}

/** The authenticated user, or UNAUTHENTICATED. */
export function requireUser(c: Context<AppEnv>): CurrentUser {
  const user = c.get('user');
  if (!user) throw new AppError('UNAUTHENTICATED');
  return user;
}
