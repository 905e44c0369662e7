/**
 * Reading the input files of `congvu report appendix2` (messages naming the file and the JSON path),
 * and the roster of a big file parsed in a worker thread while the main thread reads the activity.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { open, readFile, stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { scanActivitySteps, type CompactActivity, type Decoders } from '../../shared/domain/activity/scan';
import { compactRoster, type CompactRoster } from '../../shared/domain/roster/compact';
import type { Roster } from '../../shared/domain/roster/format';
import { parseRoster } from '../../shared/domain/roster/parse';

/** Reads a file as bytes; on failure pushes a message and returns null. */
export async function readBytes(path: string, what: string, problems: string[]): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'không tồn tại' : code === 'EISDIR' ? 'là một thư mục' : (code ?? String(err));
    problems.push(`${path}: không đọc được ${what} (${reason}).`);
    return null;
  }
}

/** Native decoding of a file's bytes for the scanner (ASCII as Latin-1; strict UTF-8). */
type NodeBuffer = Buffer & { latin1Slice(s: number, e: number): string; utf8Slice(s: number, e: number): string };
export const decoders: Decoders = {
  ascii: (bytes, start, end) => (bytes as NodeBuffer).latin1Slice(start, end),
  utf8: (bytes, start, end) => {
    if (!isUtf8(bytes.subarray(start, end))) throw new Error('UTF-8');
    return (bytes as NodeBuffer).utf8Slice(start, end);
  },
};

/** Strict UTF-8 decoding, fast for big files: validation and ASCII check are native; pure ASCII is copied as Latin-1. */
export function decodeUtf8(bytes: Buffer): string | null {
  if (!isUtf8(bytes)) return null;
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** Reads a text file (strict UTF-8, optional BOM dropped); on failure pushes a message and returns undefined. */
async function readText(path: string, what: string, problems: string[]): Promise<string | undefined> {
  const bytes = await readBytes(path, what, problems);
  if (bytes === null) return undefined;
  const text = decodeUtf8(bytes);
  if (text === null) {
    problems.push(`${path}: ${what} không phải văn bản UTF-8 hợp lệ.`);
    return undefined;
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** JSON.parse with the file named in the message; undefined (and a message) on a syntax error. */
export function parseJson(text: string, path: string, what: string, problems: string[]): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    problems.push(`${path}: ${what} không phải JSON hợp lệ: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

/** Reads and parses a JSON file; on failure pushes a message and returns undefined. */
export async function readJson(path: string, what: string, problems: string[]): Promise<unknown> {
  const text = await readText(path, what, problems);
  return text === undefined ? undefined : parseJson(text, path, what, problems);
}

export function listIssues(path: string, issues: { path: string; message: string }[], omitted: number, problems: string[]): void {
  for (const issue of issues) problems.push(`${path}: ${issue.path}: ${issue.message}`);
  if (omitted > 0) problems.push(`${path}: … và ${omitted} lỗi khác.`);
}

const ROSTER_WHAT = 'tệp lịch (congvu.assignments/1)';

/** Reads and checks a roster file here; its problems in `problems`. */
export async function loadRosterHere(path: string, problems: string[]): Promise<Roster | undefined> {
  const json = await readJson(path, ROSTER_WHAT, problems);
  if (json === undefined) return undefined;
  const r = parseRoster(json);
  if (r.ok) return r.value;
  listIssues(path, r.issues, r.omitted, problems);
  return undefined;
}

/** What the roster worker sends back. */
export interface RosterWorkerResult {
  problems: string[];
  roster?: CompactRoster;
}

/** Files from this size up are parsed in a worker thread (CONGVU_WORKER_MIN_BYTES changes it). */
const workerMinBytes = () => Number(process.env.CONGVU_WORKER_MIN_BYTES ?? 16 * 1024 * 1024);

/**
 * Reads and checks a roster file. A big one is parsed by a worker thread on the other core (its
 * assignments come back as columns, transferred without copying); if the worker cannot run, here.
 */
export async function loadRoster(path: string, problems: string[]): Promise<Roster | CompactRoster | undefined> {
  let size = 0;
  try {
    size = (await stat(path)).size;
  } catch {
    /* reported by the read below */
  }
  if (size < workerMinBytes()) return loadRosterHere(path, problems);
  let result: RosterWorkerResult;
  try {
    result = await new Promise<RosterWorkerResult>((resolve, reject) => {
      const worker = new Worker(new URL('./report-appendix2.worker.mjs', import.meta.url), { workerData: { path } });
      worker.once('message', (m: RosterWorkerResult) => {
        resolve(m);
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`roster worker exited with ${code}`)));
    });
  } catch {
    return loadRosterHere(path, problems);
  }
  problems.push(...result.problems);
  return result.roster;
}

/** The worker thread's work (report-appendix2.worker.mjs). */
export async function rosterWorkerResult(path: string): Promise<{ result: RosterWorkerResult; transfer: ArrayBuffer[] }> {
  const problems: string[] = [];
  const roster = await loadRosterHere(path, problems);
  if (!roster) return { result: { problems }, transfer: [] };
  const compact = compactRoster(roster);
  return {
    result: { problems, roster: compact },
    transfer: [compact.personRef.buffer as ArrayBuffer, compact.day.buffer as ArrayBuffer, compact.wfh.buffer as ArrayBuffer],
  };
}

/**
 * Scans an activity file from its bytes while it is being read: the file goes into one buffer chunk by
 * chunk (in the thread pool) and the scanner works on what has arrived. Null when the file cannot be
 * read, changed size while being read, or is not one the scanner is sure of: then the ordinary path
 * reads it again and reports.
 */
export async function scanActivityFile(path: string): Promise<CompactActivity | null> {
  let file: Awaited<ReturnType<typeof open>>;
  try {
    file = await open(path, 'r');
  } catch {
    return null;
  }
  try {
    const size = (await file.stat()).size;
    if (!(size > 0)) return null;
    const buf = Buffer.allocUnsafe(size);
    const arrival = { filled: 0, eof: false };
    let failed = false;
    const signal: { wake?: () => void } = {};
    const reading = (async () => {
      try {
        while (arrival.filled < size) {
          const { bytesRead } = await file.read(buf, arrival.filled, Math.min(8 << 20, size - arrival.filled), arrival.filled);
          if (bytesRead === 0) break;
          arrival.filled += bytesRead;
          signal.wake?.();
        }
        // The file must end where it was measured.
        if (arrival.filled !== size || (await file.read(Buffer.alloc(1), 0, 1, size)).bytesRead !== 0) failed = true;
      } catch {
        failed = true;
      }
      arrival.eof = true;
      signal.wake?.();
    })();
    const steps = scanActivitySteps(buf, arrival, decoders);
    for (;;) {
      const seen = arrival.filled;
      const step = steps.next();
      if (step.done) {
        await reading;
        return failed ? null : step.value;
      }
      // The scanner waits for bytes: sleep until the next chunk unless one came while it ran.
      if (arrival.filled === seen && !arrival.eof) {
        await new Promise<void>((resolve) => (signal.wake = resolve));
        signal.wake = undefined;
      }
    }
  } finally {
    await file.close();
  }
}
