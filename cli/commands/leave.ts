/**
 * `congvu leave verify <request-id> [--json]`: checks the digital signature of every decision on a request
 * (leave, business trip, coming to the office) against the rows as they are now, on the app's database
 * (DATABASE_URL or DATA_DIR). Prints each step (who, decision, signature valid or the problem) and exits 0 when
 * every decision verifies, 3 (EXIT.violations) when one does not, 2 for a bad argument or an unknown request.
 */
import { formatDateVi, vnDateOf } from '../../shared/domain/dates';
import { verifyRequestRows } from '../../server/modules/leave/leave.service';
import { parseCliArgs } from '../args';
import { openCliDeps } from '../db';
import { EXIT, type CliIo } from '../io';

const USAGE = 'Cách dùng: congvu leave verify MÃ_ĐƠN [--json]\n';
const DECISION_VI: Record<string, string> = { approved: 'đồng ý', rejected: 'không duyệt' };

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(args, { json: { type: 'boolean' } }, { allowPositionals: true });
  if (typeof parsed === 'string' || parsed.positionals.length !== 1 || !parsed.positionals[0]) {
    io.stderr(typeof parsed === 'string' ? `${parsed}\n${USAGE}` : USAGE);
    return EXIT.invalid;
  }
  const positional = parsed.positionals;
  const options = { json: parsed.values.json === true };
  const { deps, database } = await openCliDeps();
  try {
    const result = await verifyRequestRows(deps.db, positional[0]);
    if (!result) {
      io.stderr(`Không tìm thấy đơn ${positional[0]}.\n`);
      return EXIT.invalid;
    }
    if (options.json) io.stdout(`${JSON.stringify(result)}\n`);
    else {
      const lines = [`Đơn số ${result.number} (${result.requestId}):`];
      for (const s of result.steps) {
        if (!s.decision) {
          lines.push(`  Bước ${s.order + 1}: chưa quyết định`);
          continue;
        }
        const sig = s.signature;
        lines.push(
          `  Bước ${s.order + 1}: ${s.approverName ?? '(không rõ)'} — ${DECISION_VI[s.decision] ?? s.decision}; chữ ký ${sig?.valid ? `hợp lệ (${sig.algorithm}, chứng thư ${sig.keyFingerprint.slice(0, 16)}…)` : `KHÔNG hợp lệ: ${sig?.problem ?? 'không có chữ ký'}`}`,
        );
      }
      lines.push(
        result.valid
          ? `OK: mọi quyết định trên đơn có chữ ký số hợp lệ (kiểm tra ngày ${formatDateVi(vnDateOf(deps.clock.now()))}).`
          : 'LỖI: có quyết định có chữ ký không hợp lệ.',
      );
      io.stdout(`${lines.join('\n')}\n`);
    }
    return result.valid ? EXIT.ok : EXIT.violations;
  } finally {
    await database.close();
  }
}
