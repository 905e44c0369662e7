import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { FILE_TYPES, fileResponses, sendFile } from './reports.download';

describe('report downloads (reports.download.ts)', () => {
  it('answers the bytes with the content type of the format and the file name as an attachment, ASCII and UTF-8', async () => {
    const app = new Hono().get('/f', (c) => sendFile(c, 'docx', 'báo-cáo-tỉnh-2021-07-19', Buffer.from('abc')));
    const res = await app.request('/f');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(FILE_TYPES.docx);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="bao-cao-tinh-2021-07-19.docx"; filename*=UTF-8''b%C3%A1o-c%C3%A1o-t%E1%BB%89nh-2021-07-19.docx`,
    );
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array(Buffer.from('abc')));
  });

  it('an ASCII name keeps the plain filename the web reads, with the same name in filename*', async () => {
    const app = new Hono().get('/f', (c) => sendFile(c, 'xlsx', 'phu-luc-1-2021-07-19', new Uint8Array([1, 2])));
    const res = await app.request('/f');
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="phu-luc-1-2021-07-19.xlsx"; filename*=UTF-8''phu-luc-1-2021-07-19.xlsx`);
  });

  it('declares one binary content per format in the OpenAPI answer (all three by default)', () => {
    expect(Object.keys(fileResponses('Tệp báo cáo')[200].content)).toEqual([FILE_TYPES.xlsx, FILE_TYPES.docx, FILE_TYPES.pdf]);
    expect(fileResponses('Phụ lục 1', ['pdf'])[200]).toMatchObject({ description: 'Phụ lục 1', content: { [FILE_TYPES.pdf]: {} } });
    expect(Object.keys(fileResponses('Phụ lục 1', ['pdf'])[200].content)).toEqual(['application/pdf']);
  });
});
