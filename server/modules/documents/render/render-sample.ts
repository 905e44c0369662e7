/**
 * `npx tsx server/modules/documents/render/render-sample.ts [DIR]` writes van-ban-di.{pdf,docx,png} of the
 * sample công văn to DIR (default docs/samples); the PNG of page 1 comes from pdftoppm (poppler-utils)
 * when it is installed, so that a person can look at the layout.
 */
import { SAMPLE_CONG_VAN } from './sample';

async function main(dir: string): Promise<void> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  const { execFileSync } = await import('node:child_process');
  const path = await import('node:path');
  const { renderOutgoingPdf } = await import('./pdf');
  const { renderOutgoingDocx } = await import('./docx');
  await mkdir(dir, { recursive: true });
  const pdfFile = path.join(dir, 'van-ban-di.pdf');
  await writeFile(pdfFile, await renderOutgoingPdf(SAMPLE_CONG_VAN, { creationDate: new Date('2026-12-05T08:00:00+07:00') }));
  await writeFile(path.join(dir, 'van-ban-di.docx'), await renderOutgoingDocx(SAMPLE_CONG_VAN));
  try {
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfFile, path.join(dir, 'van-ban-di')]);
    process.stdout.write(`${path.join(dir, 'van-ban-di.png')}\n`);
  } catch {
    process.stdout.write('pdftoppm không có (cài poppler-utils) — bỏ qua ảnh PNG.\n');
  }
}

await main(process.argv[2] ?? 'docs/samples');
