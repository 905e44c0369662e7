/**
 * `congvu audit verify [--agency ID] [--json]`: re-computes every hash chain of the audit log (one per
 * agency, and the events without agency) end to end, on the app's database (DATABASE_URL or DATA_DIR).
 * Prints OK with the counts and exits 0, or names the first broken link of each broken chain (row id,
 * time, agency, expected and stored hashes) and exits 3 (EXIT.violations).
 */
import type { BrokenLink } from '../../server/lib/audit';
import { verifyAllAuditChains } from '../../server/lib/audit';
import { openCliDeps, parseOptions } from '../db';
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
  const { options, positional, unknown } = parseOptions(
    args.map((a) => (a === '--json' ? '--json=1' : a)),
    ['agency', 'json'],
  );
  if (unknown.length || positional.length || options.agency === '') {
    io.stderr(unknown.length ? `Tùy chọn không hợp lệ: ${unknown.join(' ')}\n${USAGE}` : USAGE);
    return EXIT.invalid;
  }
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
