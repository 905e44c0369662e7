/** Reading the JSON files of the interchange formats, with Vietnamese messages naming the file and path. */
import { readFile } from 'node:fs/promises';
import type { FormatIssue, Result } from '../shared/domain/roster/format';
import { formatMsg } from '../shared/domain/roster/messages';
import type { CliIo } from './io';

/** Reads and parses a JSON file; on failure writes the reason on stderr and returns undefined. */
export async function readJson(file: string, io: CliIo): Promise<{ value: unknown } | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const detail =
      code === 'ENOENT'
        ? 'không tìm thấy tệp'
        : code === 'EISDIR'
          ? 'đây là một thư mục'
          : code === 'EACCES'
            ? 'không có quyền đọc'
            : String((err as Error).message);
    io.stderr(`${file}: ${formatMsg.unreadable(detail)}\n`);
    return undefined;
  }
  try {
    return { value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (err) {
    io.stderr(`${file}: ${formatMsg.notJson((err as Error).message)}\n`);
    return undefined;
  }
}

export function reportIssues(file: string, result: Result<unknown>, io: CliIo): void {
  if (result.ok) return;
  const lines = result.issues.map((i: FormatIssue) => `${file}: ${i.path}: ${i.message}\n`);
  if (result.omitted) lines.push(`${file}: ${formatMsg.omitted(result.omitted)}\n`);
  io.stderr(lines.join(''));
}
