/**
 * Input limits and sanitation (issue 8, items 4 and 5).
 *
 * - `bodyLimits()`: registered before the session middleware. A body whose Content-Length is over the
 *   route's limit is refused with 413 before anything is read; a body without Content-Length (chunked)
 *   is not buffered here but counted while the handler reads it, and refused as soon as it passes the
 *   limit. So an unauthenticated request never makes the server buffer a big body.
 * - `findBadText()`: used by the validation hook on every validated query, path and JSON body: a NUL
 *   byte (PostgreSQL refuses it in text and jsonb) or a lone UTF-16 surrogate in any string is a 400
 *   VALIDATION with the field path.
 * - `readMultipart()` and `checkFileName()`: a malformed multipart body, or a file name with control
 *   characters, is a 400 instead of a TypeError.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { TASK_ATTACHMENT_MAX_BYTES } from '../../shared/contracts/tasks';
import { columnLetter, readCsv } from '../../shared/domain/activity/csv';
import type { AppEnv } from './context';
import { AppError, type ErrorIssue } from './errors';

const MB = 1024 * 1024;
/** Every body not listed in BODY_LIMITS: JSON documents typed by people. */
export const DEFAULT_BODY_MAX_BYTES = 1 * MB;
/** An uploaded spreadsheet (people of an agency). */
export const XLSX_IMPORT_MAX_BYTES = 20 * MB;
/** A PDF or DOCX file of an official document (documents module). */
export const DOCUMENT_UPLOAD_MAX_BYTES = 20 * MB;
/** The activity import of one agency (JSON or tasks.csv + actions.csv). */
export const ACTIVITY_IMPORT_MAX_BYTES = 200 * MB;

export interface BodyLimit {
  method: string;
  /** Matched against the request path (`/api/...`). */
  path: RegExp;
  maxBytes: number;
  /** Vietnamese message of the 413. */
  message: string;
}

/** Routes allowed a body larger than DEFAULT_BODY_MAX_BYTES. Add a route here when it takes an upload. */
export const BODY_LIMITS: BodyLimit[] = [
  {
    method: 'POST',
    path: /^\/api\/tasks\/[^/]+\/attachments\/?$/,
    maxBytes: TASK_ATTACHMENT_MAX_BYTES + 64 * 1024,
    message: 'Tệp đính kèm vượt quá 10 MB. Hãy nén hoặc chia nhỏ tệp.',
  },
  {
    method: 'POST',
    path: /^\/api\/tasks\/import\/?$/,
    maxBytes: ACTIVITY_IMPORT_MAX_BYTES,
    message: 'Tệp nhập vượt quá 200 MB; hãy chia theo khoảng thời gian.',
  },
  { method: 'POST', path: /^\/api\/org\/agencies\/[^/]+\/people\/import\/?$/, maxBytes: XLSX_IMPORT_MAX_BYTES, message: 'Tệp XLSX vượt quá 20 MB.' },
  { method: 'POST', path: /^\/api\/documents\/[^/]+\/files\/?$/, maxBytes: DOCUMENT_UPLOAD_MAX_BYTES + 64 * 1024, message: 'Tệp văn bản vượt quá 20 MB.' },
  {
    method: 'POST',
    path: /^\/api\/documents\/verify\/?$/,
    maxBytes: DOCUMENT_UPLOAD_MAX_BYTES + 64 * 1024,
    message: 'Tệp cần kiểm tra chữ ký vượt quá 20 MB.',
  },
];

const DEFAULT_MESSAGE = `Dữ liệu gửi lên vượt quá ${DEFAULT_BODY_MAX_BYTES / MB} MB.`;

export function bodyLimitOf(method: string, path: string): { maxBytes: number; message: string } {
  for (const l of BODY_LIMITS) if (l.method === method && l.path.test(path)) return l;
  return { maxBytes: DEFAULT_BODY_MAX_BYTES, message: DEFAULT_MESSAGE };
}

const tooLargeBody = (message: string) => ({ error: { code: 'PAYLOAD_TOO_LARGE', message, issues: [{ path: 'body', message }] } });

/** Refuses bodies over the route's limit, by Content-Length first, then by counting the streamed bytes. */
export function bodyLimits(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // Headers only until a body must be counted: touching `body` makes the Node adapter build a full
    // fetch Request (streams, abort signal), which cost three quarters of the check-in rate under load.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const headers = c.req.raw.headers;
    const limit = bodyLimitOf(c.req.method, c.req.path);
    const declared = headers.get('content-length');
    const chunked = headers.has('transfer-encoding');
    if (declared !== null && !chunked) {
      if (!/^\d{1,15}$/.test(declared.trim())) {
        const message = 'Độ dài nội dung (Content-Length) không hợp lệ.';
        return c.json({ error: { code: 'VALIDATION', message, issues: [{ path: 'headers.content-length', message }] } }, 400);
      }
      if (Number(declared) > limit.maxBytes) {
        c.header('connection', 'close');
        return c.json(tooLargeBody(limit.message), 413);
      }
      // Node's HTTP parser delivers exactly Content-Length bytes of body (more would be the next request):
      // a declared length within the limit needs no counting.
      return next();
    }
    // Chunked, or no framing header at all (a Request made in-process): count what is read.
    const raw = c.req.raw;
    if (!raw.body) return next();
    // Count while the handler reads: nothing is buffered here; past the limit the stream fails.
    let seen = 0;
    let exceeded = false;
    const counted = raw.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen > limit.maxBytes) {
            exceeded = true;
            controller.error(new AppError('PAYLOAD_TOO_LARGE', limit.message));
            return;
          }
          controller.enqueue(chunk);
        },
      }),
    );
    c.req.raw = new Request(raw, { body: counted, duplex: 'half' } as RequestInit);
    await next();
    // Whatever the reader made of the failed stream (malformed JSON, bad multipart…), the answer is 413.
    if (exceeded) {
      c.res = undefined as unknown as Response;
      c.res = c.json(tooLargeBody(limit.message), 413);
    }
  };
}

// ---------------------------------------------------------------- text

const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const NUL_MESSAGE = 'Nội dung chứa ký tự không hợp lệ (ký tự NUL).';
export const SURROGATE_MESSAGE = 'Nội dung chứa ký tự Unicode không hợp lệ.';

/** The message for a bad string, or null when it is fine. */
export function badTextMessage(s: string): string | null {
  const m = BAD_TEXT.exec(s);
  if (!m) return null;
  return m[0] === '\u0000' ? NUL_MESSAGE : SURROGATE_MESSAGE;
}

const pathOf = (prefix: string, key: string | number) => (typeof key === 'number' ? `${prefix}[${key}]` : prefix ? `${prefix}.${key}` : key);

/** The first string (value or key) holding a NUL byte or a lone surrogate, with its path. */
export function findBadText(value: unknown, prefix: string, depth = 0): ErrorIssue | null {
  if (typeof value === 'string') {
    const message = badTextMessage(value);
    return message ? { path: prefix, message } : null;
  }
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const issue = findBadText(value[i], pathOf(prefix, i), depth + 1);
      if (issue) return issue;
    }
    return null;
  }
  if (value instanceof Date || value instanceof Uint8Array || (typeof Blob !== 'undefined' && value instanceof Blob)) return null;
  for (const [k, v] of Object.entries(value)) {
    const keyMessage = badTextMessage(k);
    if (keyMessage) return { path: pathOf(prefix, k.replace(BAD_TEXT, '?')), message: keyMessage };
    const issue = findBadText(v, pathOf(prefix, k), depth + 1);
    if (issue) return issue;
  }
  return null;
}

/** Throws VALIDATION when `value` holds a NUL byte or a lone surrogate anywhere. */
export function assertCleanText(value: unknown, prefix: string): void {
  const issue = findBadText(value, prefix);
  if (issue) throw new AppError('VALIDATION', issue.message, { issues: [issue] });
}

// ---------------------------------------------------------------- multipart

const MULTIPART_MESSAGE = 'Nội dung multipart/form-data không hợp lệ (thiếu ranh giới hoặc bị cắt ngang).';

/** The fields of a multipart body; a malformed body is a 400, not a TypeError. */
export async function readMultipart(c: Context<AppEnv>): Promise<Record<string, string | File | (string | File)[]>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data\s*;.*boundary=/i.test(type)) {
    throw new AppError('VALIDATION', MULTIPART_MESSAGE, { issues: [{ path: 'body', message: 'Thiếu tham số boundary của multipart/form-data.' }] });
  }
  try {
    return await c.req.parseBody({ all: true });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('VALIDATION', MULTIPART_MESSAGE, { issues: [{ path: 'body', message: MULTIPART_MESSAGE }] });
  }
}

/** One file of a multipart field (the first when it was sent twice), or null. */
export function fileOf(v: unknown): File | null {
  if (Array.isArray(v)) return v.find((x): x is File => x instanceof File) ?? null;
  return v instanceof File ? v : null;
}

const CONTROL = /[\u0000-\u001f\u007f]/;

/** A file name safe to store and to show: no control characters, no lone surrogates, at most 255 characters. */
export function checkFileName(name: string, path: string): string {
  const bad = (message: string) => new AppError('VALIDATION', message, { issues: [{ path, message }] });
  if (CONTROL.test(name)) throw bad('Tên tệp chứa ký tự điều khiển không hợp lệ.');
  if (badTextMessage(name)) throw bad('Tên tệp chứa ký tự Unicode không hợp lệ.');
  const trimmed = name.normalize('NFC').trim();
  if (trimmed.length > 255) throw bad('Tên tệp dài quá 255 ký tự.');
  // Only the last part of a path (some browsers send C:\fakepath\…).
  return trimmed.split(/[\\/]/).pop() || 'tep';
}

// ---------------------------------------------------------------- imported files

export interface FileTextIssue {
  path: string;
  file: string | null;
  row: number | null;
  column: string | null;
  message: string;
}

/**
 * The first cell of a CSV file holding a NUL byte or a lone surrogate, as `tasks.csv, dòng 5, cột B (title)`.
 * Bytes without a 0x00 are skipped at once (strict UTF-8 has no lone surrogates).
 */
export function findBadTextInCsv(input: string | Uint8Array, file: string): FileTextIssue | null {
  if (input instanceof Uint8Array) {
    if (input.indexOf(0) < 0) return null;
  } else if (!BAD_TEXT.test(input)) return null;
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  let header: string[] = [];
  let found: FileTextIssue | null = null;
  readCsv(text, (cells, row) => {
    if (found) return;
    if (row === 1) header = [...cells];
    const k = cells.findIndex((cell) => badTextMessage(cell));
    if (k < 0) return;
    const column = `${columnLetter(k)}${header[k] && row > 1 ? ` (${header[k]})` : ''}`;
    found = { path: `${file}, dòng ${row}, cột ${column}`, file, row, column, message: badTextMessage(cells[k]!)! };
  });
  return found ?? { path: file, file, row: null, column: null, message: badTextMessage(text) ?? NUL_MESSAGE };
}

/** The first bad string of a JSON document (`body.tasks[0].title`); the text is parsed only when it may hold one. */
export function findBadTextInJson(text: string, prefix = 'body'): FileTextIssue | null {
  if (!BAD_TEXT.test(text) && !/\\u(0000|d[89a-f][0-9a-f]{2})/i.test(text)) return null;
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return null; // the format's parser reports the syntax error
  }
  const issue = findBadText(value, prefix);
  return issue ? { ...issue, file: null, row: null, column: null } : null;
}
