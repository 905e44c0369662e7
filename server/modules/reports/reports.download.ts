/**
 * The answer of a report file to download (Phụ lục 1 and 2, the 16:00 and 17:00 reports, the province follow):
 * its content type by the format, and `attachment` with the ASCII and the UTF-8 name (RFC 6266 / 5987), the way
 * task and document files are downloaded. Used by reports.routes.ts, province-follow.routes.ts and the roster's
 * Phụ lục 1.
 */
import { z } from 'zod';
import { contentDisposition } from '../../lib/download';

export const FILE_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;
export type FileFormat = keyof typeof FILE_TYPES;

/** The OpenAPI responses of a download in these formats. */
export function fileResponses(description: string, formats: readonly FileFormat[] = ['xlsx', 'docx', 'pdf']) {
  return { 200: { description, content: Object.fromEntries(formats.map((f) => [FILE_TYPES[f], { schema: z.string() }])) } };
}

/** What sendFile needs of the request's context (Hono's `c`). */
type BodyContext = { body: (data: Uint8Array, status: 200, headers: Record<string, string>) => Response };

/** Answers `bytes` as the file `<baseName>.<format>` to download. */
export function sendFile(c: BodyContext, format: FileFormat, baseName: string, bytes: Uint8Array) {
  return c.body(new Uint8Array(bytes), 200, {
    'content-type': FILE_TYPES[format],
    'content-disposition': contentDisposition(`${baseName}.${format}`),
  });
}
