/**
 * Typed fetch client of the Congvu API (paths relative to /api).
 *
 * - JSON in and out, cookies of the same origin (the session cookie is httpOnly).
 * - Every state-changing request carries `Content-Type: application/json` (or octet-stream for
 *   uploads) and `X-CSRF-Token` (set from /api/auth/me or the login response with setCsrfToken).
 * - A non-2xx answer throws ApiError with the server's code, Vietnamese message and field issues
 *   (`{error:{code,message,issues:[{path,message}]}}`, see server/lib/http.ts).
 * - A CSRF refusal refreshes the token from /api/auth/me and retries once.
 * - Every POST carries a fresh `Idempotency-Key`; when its answer is lost (network error, 502-504) it is
 *   retried with the same key, so the server does the work once and replays its answer.
 *
 * Response types come from shared/contracts (`api.get<MeResponse>('/auth/me')`); never redeclare them.
 */
import type { ErrorResponse } from '../../shared/contracts/common';
import type { ErrorCode } from '../../shared/domain/errors';
import { i18n } from '../i18n';

export const API_BASE = '/api';

export interface ApiIssue {
  path: string;
  message: string;
}

/** Codes sent by the server (shared/domain/errors.ts) plus the client's own NETWORK and HTTP. */
export type ApiErrorCode = ErrorCode | 'NETWORK' | 'HTTP' | (string & {});

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly issues: ApiIssue[];
  readonly details?: unknown;
  /** From the Retry-After header (429). */
  readonly retryAfterSeconds?: number;

  constructor(init: { status: number; code: ApiErrorCode; message: string; issues?: ApiIssue[]; details?: unknown; retryAfterSeconds?: number }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.issues = init.issues ?? [];
    this.details = init.details;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** First message per field name (`body.fullName` → `fullName`), for the `error` prop of inputs. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const issue of this.issues) {
      const field = fieldOfPath(issue.path);
      if (field && !(field in out)) out[field] = issue.message;
    }
    return out;
  }

  get isVersionConflict(): boolean {
    return this.code === 'VERSION_CONFLICT';
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** `body.people[3].role` → `people`; `body.fullName` → `fullName`; `row 5, column C` → `` (not a field). */
export function fieldOfPath(path: string): string {
  const rest = path.replace(/^(body|query|params|headers)\.?/, '');
  const m = /^([A-Za-z_$][\w$]*)(?=$|[.[])/.exec(rest);
  return m ? m[1]! : '';
}

let csrfToken: string | null = null;

/** Keeps the CSRF token of the session (from /api/auth/me or the login answer); null after logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function getCsrfToken(): string | null {
  return csrfToken;
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  query?: Query;
  /** JSON body (serialised). */
  body?: unknown;
  /** Raw body sent as application/octet-stream (file uploads). */
  raw?: Blob | ArrayBuffer;
  signal?: AbortSignal;
  /** Idempotency-Key of a POST (default: a fresh one per call, kept for its retries). */
  idempotencyKey?: string;
}

/** A random key (crypto.randomUUID is missing on plain-http intranet addresses). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Delays before the retries of a POST whose answer was lost. */
const RETRY_DELAYS_MS = [400, 1500];
const LOST_ANSWER = new Set([502, 503, 504]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `/org/people` + `{q: 'An', unitId: undefined}` → `/api/org/people?q=An` (empty values dropped). */
export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  const qs = params.toString();
  return `${API_BASE}${path.startsWith('/') ? path : `/${path}`}${qs ? `?${qs}` : ''}`;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  // The UI language: texts the server computes (rule violations) come back in it.
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': i18n.language === 'en' ? 'en' : 'vi' };
  let body: BodyInit | undefined;
  if (!SAFE_METHODS.has(method)) {
    if (opts.raw !== undefined) {
      headers['Content-Type'] = 'application/octet-stream';
      body = opts.raw;
    } else {
      headers['Content-Type'] = 'application/json';
      if (opts.body !== undefined) body = JSON.stringify(opts.body);
    }
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
    if (method === 'POST' && opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
  }
  try {
    return await fetch(buildUrl(path, opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({ status: 0, code: 'NETWORK', message: i18n.t('errors.network') });
  }
}

/** The ApiError of a non-2xx response (JSON error shape, or a generic one for proxies' HTML pages). */
export async function errorOf(res: Response): Promise<ApiError> {
  const retryAfter = Number(res.headers.get('retry-after')) || undefined;
  let parsed: ErrorResponse | null = null;
  if ((res.headers.get('content-type') ?? '').includes('application/json')) {
    try {
      parsed = (await res.json()) as ErrorResponse;
    } catch {
      parsed = null;
    }
  }
  if (parsed?.error?.code) {
    const e = parsed.error;
    return new ApiError({ status: res.status, code: e.code, message: e.message, issues: e.issues ?? [], details: e.details, retryAfterSeconds: retryAfter });
  }
  return new ApiError({
    status: res.status,
    code: res.status >= 500 ? 'INTERNAL' : 'HTTP',
    message: i18n.t('errors.http', { status: res.status }),
    retryAfterSeconds: retryAfter,
  });
}

async function refreshCsrf(): Promise<boolean> {
  try {
    const res = await fetch(buildUrl('/auth/me'), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!res.ok) return false;
    const me = (await res.json()) as { csrfToken?: string };
    if (!me.csrfToken) return false;
    setCsrfToken(me.csrfToken);
    return true;
  } catch {
    return false;
  }
}

/** Sends a request and returns the raw Response (2xx), or throws ApiError. */
export async function requestRaw(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
  if (method === 'POST') opts = { ...opts, idempotencyKey: opts.idempotencyKey ?? newIdempotencyKey() };
  let res = await sendRetrying(method, path, opts);
  if (!res.ok) {
    let error = await errorOf(res);
    if (error.code === 'CSRF' && !SAFE_METHODS.has(method) && (await refreshCsrf())) {
      res = await sendRetrying(method, path, opts);
      if (res.ok) return res;
      error = await errorOf(res);
    }
    throw error;
  }
  return res;
}

/** `send`, and for a POST (which carries its Idempotency-Key) the same request again when its answer was lost. */
async function sendRetrying(method: string, path: string, opts: RequestOptions): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const retry = method === 'POST' && !!opts.idempotencyKey && attempt < RETRY_DELAYS_MS.length && !opts.signal?.aborted;
    try {
      const res = await send(method, path, opts);
      if (!retry || !LOST_ANSWER.has(res.status)) return res;
    } catch (err) {
      if (!retry || !(err instanceof ApiError) || err.code !== 'NETWORK') throw err;
    }
    await sleep(RETRY_DELAYS_MS[attempt]!);
  }
}

/** Sends a request and parses the JSON answer as T (undefined for an empty body). */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await requestRaw(method, path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The file name of a Content-Disposition header (`attachment; filename="x.xlsx"`). */
export function filenameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]!);
    } catch {
      /* fall through */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1]! : fallback;
}

/** Saves a blob as a file with the browser's download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: Query) => request<T>('POST', path, { body, query }),
  put: <T>(path: string, body?: unknown, query?: Query) => request<T>('PUT', path, { body, query }),
  patch: <T>(path: string, body?: unknown, query?: Query) => request<T>('PATCH', path, { body, query }),
  delete: <T>(path: string, query?: Query) => request<T>('DELETE', path, { query }),
  /** POST a file as application/octet-stream (the raw bytes are the body). */
  upload: <T>(path: string, file: Blob | ArrayBuffer, query?: Query) => request<T>('POST', path, { raw: file, query }),
  /** GET a file (XLSX, DOCX, PDF…) and save it; errors are thrown like any other request. */
  async download(path: string, fallbackFilename: string, query?: Query): Promise<string> {
    const res = await requestRaw('GET', path, { query });
    const filename = filenameOf(res.headers.get('content-disposition'), fallbackFilename);
    saveBlob(await res.blob(), filename);
    return filename;
  },
};
