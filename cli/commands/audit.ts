/**
 * `congvu audit verify [--agency ID] [--json]`: re-computes every hash chain of the audit log (one per
 * agency, and the events without agency) end to end, on the app's database (DATABASE_URL or DATA_DIR).
 * Prints OK with the counts and exits 0, or names the first broken link of each broken chain (row id,
 * time, agency, expected and stored hashes) and exits 3 (EXIT.violations).
 */
import type { BrokenLink } from '../../server/lib/audit';
import { verifyAllAuditChains } from '../../server/lib/audit';
import { parseCliArgs } from '../args';
import { openCliDeps } from '../db';
import { EXIT, type CliIo } from '../io';

const USAGE = 'Cách dùng: congvu audit verify [--agency ID] [--json]\n';

function describeLink(b: BrokenLink): string {
  const why = b.reason === 'prev_hash' ? 'không nối tiếp dòng trước (một dòng đã bị xóa hoặc chèn)' : 'nội dung đã bị sửa';
  return [
    `  Dòng #${b.id} (${b.at}, cơ quan ${b.agencyId ?? '(không thuộc cơ quan)'}, thao tác ${b.action}): ${why}`,
    `    prev_hash mong đợi: ${b.expectedPrevHash}`,
    `    prev_hash lưu:      ${b.storedPrevHash}`,
    `    hash mong đợi:      ${b.expectedHash}`,
    `    hash lưu:           ${b.storedHash}`,
  ].join('\n');
}

export async function run(args: string[], io: CliIo): Promise<number> {
  // `main` dispatches `audit verify` here with the arguments after it.
  const parsed = parseCliArgs(args, { agency: { type: 'string' }, json: { type: 'boolean' } });
  if (typeof parsed === 'string' || parsed.values.agency === '') {
    io.stderr(typeof parsed === 'string' ? `${parsed}\n${USAGE}` : USAGE);
    return EXIT.invalid;
  }
  const options = { agency: parsed.values.agency as string | undefined, json: parsed.values.json === true };
  const { deps, database } = await openCliDeps();
  try {
    const result = await verifyAllAuditChains(deps.db, options.agency ? { agencyIds: [options.agency] } : {});
    if (options.json) {
      io.stdout(`${JSON.stringify({ ok: result.ok, chains: result.chains, rows: result.rows, broken: result.broken })}\n`);
    } else if (result.ok) {
      io.stdout(`OK: ${result.chains} chuỗi, ${result.rows} dòng nhật ký, không có dòng nào bị sửa hoặc xóa.\n`);
    } else {
      io.stdout(
        `LỖI: ${result.broken.length}/${result.chains} chuỗi nhật ký bị phá vỡ (${result.rows} dòng đã kiểm tra). Liên kết hỏng đầu tiên:\n${result.broken.map(describeLink).join('\n')}\n`,
      );
    }
    return result.ok ? EXIT.ok : EXIT.violations;
  } finally {
    await database.close();
  }
}
