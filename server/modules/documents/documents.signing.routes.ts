/**
 * Digital signatures of documents (issue 9, item 6), mounted under /api/documents before the documents
 * router (so `/ca.pem` and `/verify` are not taken for a document id):
 * - GET /ca.pem: the installation's Congvu root certificate (public), for `congvu document verify F.pdf --ca ca.pem`;
 * - POST /verify: the verification of an uploaded PDF (multipart field "file", or the PDF as an application/octet-stream body);
 * - GET /{id}/signature: the verification of the document's stored signed PDF.
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { IdSchema } from '../../../shared/contracts/common';
import { SignatureVerification, VERIFY_PDF_MAX_BYTES } from '../../../shared/contracts/document-signature';
import type { Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { createRouter, requireUser, responses } from '../../lib/http';
import { fileOf, readMultipart } from '../../lib/limits';
import { documentSignature, rootCertificate, verifyBytes } from './documents.signing';

const IdParam = z.object({ id: IdSchema });
const noFile = () =>
  new AppError('VALIDATION', 'Chưa chọn tệp PDF cần kiểm tra (trường "file").', { issues: [{ path: 'body.file', message: 'Chưa chọn tệp.' }] });

export function documentSigningRoutes(deps: Deps) {
  const app = createRouter();
  const tags = ['documents'];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/ca.pem',
      tags,
      summary: 'Chứng thư gốc (CA) Congvu của hệ thống, để kiểm tra văn bản đã ký: congvu document verify TỆP.pdf --ca ca.pem',
      responses: { 200: { description: 'Chứng thư PEM', content: { 'application/x-pem-file': { schema: z.string() } } } },
    }),
    async (c) =>
      c.body(await rootCertificate(deps), 200, { 'content-type': 'application/x-pem-file', 'content-disposition': 'attachment; filename="congvu-ca.pem"' }),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/verify',
      tags,
      summary: 'Kiểm tra chữ ký số của một tệp PDF bất kỳ (multipart trường "file", hoặc nội dung PDF dạng application/octet-stream; tối đa 20 MB)',
      request: {
        body: {
          required: true,
          content: {
            'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } },
            'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
          },
        },
      },
      responses: responses(SignatureVerification),
    }),
    async (c) => {
      requireUser(c);
      let bytes: Uint8Array;
      if ((c.req.header('content-type') ?? '').startsWith('multipart/form-data')) {
        const file = fileOf((await readMultipart(c)).file);
        if (!file) throw noFile();
        bytes = new Uint8Array(await file.arrayBuffer());
      } else {
        bytes = new Uint8Array(await c.req.arrayBuffer());
      }
      if (bytes.length === 0) throw noFile();
      if (bytes.length > VERIFY_PDF_MAX_BYTES)
        throw new AppError('PAYLOAD_TOO_LARGE', 'Tệp vượt quá 20 MB.', { issues: [{ path: 'body.file', message: 'Tệp vượt quá 20 MB.' }] });
      if (Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(5, bytes.length)).toString('latin1') !== '%PDF-') {
        throw new AppError('VALIDATION', 'Tệp không phải PDF (kiểm tra theo nội dung tệp).', {
          issues: [{ path: 'body.file', message: 'Chỉ kiểm tra được tệp PDF.' }],
        });
      }
      return c.json(await verifyBytes(deps, bytes), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/signature',
      tags,
      summary: 'Chữ ký số của văn bản: ai ký, khi nào, hợp lệ, tệp có bị thay đổi, chứng thư tin cậy',
      request: { params: IdParam },
      responses: responses(SignatureVerification),
    }),
    async (c) => c.json(await documentSignature(deps, requireUser(c), c.req.valid('param').id), 200),
  );
  return app;
}
