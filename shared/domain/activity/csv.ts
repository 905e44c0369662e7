/**
 * CSV pair of the activity format (../shared/formats/activity.md): `tasks.csv`
 * (id,title,assigneeId,assignedAt,dueDate,finishedAt) and `actions.csv` (taskId,personId,at,kind),
 * UTF-8 with an optional BOM, a header row, comma separated, RFC 4180 quoting. Pure, isomorphic.
 *
 * Reading is all-or-nothing: every problem names the file, the row as a spreadsheet counts it
 * (header = row 1; a record with a line break inside a quoted cell is still one row) and the
 * column (`D (assignedAt)`); nothing is returned when anything is wrong.
 */
import { isIsoDate } from '../dates';
import {
  ACTIVITY_FORMAT,
  MAX_REPORTED_ISSUES,
  finishedBeforeAssignedMessage,
  timeToUtcMinutes,
  type Activity,
  type ActivityAction,
  type ActivityTask,
  type CsvIssue,
  type ParseResult,
} from './format';

export const TASK_CSV_COLUMNS = ['id', 'title', 'assigneeId', 'assignedAt', 'dueDate', 'finishedAt'] as const;
export const ACTION_CSV_COLUMNS = ['taskId', 'personId', 'at', 'kind'] as const;
/** Columns a `tasks.csv` may leave out of its header (their cells would be empty anyway). */
const OPTIONAL_TASK_COLUMNS = new Set<string>(['dueDate', 'finishedAt']);

export type ActivityCsvParseResult = ParseResult<Activity, CsvIssue>;

export interface ActivityCsvInput {
  /** Text, or raw bytes (decoded as strict UTF-8). */
  tasks: string | Uint8Array;
  actions: string | Uint8Array;
}

export interface ActivityCsvNames {
  /** Name shown in messages; default `tasks.csv`. */
  tasks?: string;
  /** Name shown in messages; default `actions.csv`. */
  actions?: string;
}

/** `A`, `B`, … `Z`, `AA` … for a 0-based column index. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** `tasks.csv, dòng 5, cột D (assignedAt): …` */
export function formatCsvIssue(issue: CsvIssue): string {
  let where = issue.file;
  if (issue.row !== null) where += `, dòng ${issue.row}`;
  if (issue.column !== null) where += `, cột ${issue.column}`;
  return `${where}: ${issue.message}`;
}

class Issues {
  list: CsvIssue[] = [];
  count = 0;
  add(file: string, row: number | null, column: string | null, message: string): void {
    this.count++;
    if (this.list.length < MAX_REPORTED_ISSUES) this.list.push({ file, row, column, message });
  }
}

// ---------------------------------------------------------------------------------------------
// RFC 4180 reader
// ---------------------------------------------------------------------------------------------

export interface CsvSyntaxError {
  row: number;
  /** 0-based index of the cell where the problem is. */
  column: number;
  message: string;
}

/**
 * Reads CSV text record by record: `onRecord(cells, row)` with `row` counted from 1 (the header).
 * `cells` is reused from one call to the next: copy what you keep. Fast path: a line without `"`
 * is cut at commas. Stops at the first syntax error and returns it (after a broken quote nothing
 * that follows can be trusted); returns null when the text is well formed.
 * Lines ending in CRLF or LF are accepted; a blank line is passed as one empty cell.
 */
export function readCsv(text: string, onRecord: (cells: string[], row: number) => void): CsvSyntaxError | null {
  const n = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let row = 0;
  let nextQuote = text.indexOf('"', pos);
  let nextComma = text.indexOf(',', pos);
  const cells: string[] = [];
  while (pos < n) {
    row++;
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = n;
    if (nextQuote !== -1 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
    cells.length = 0;
    if (nextQuote === -1 || nextQuote > nl) {
      const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      let start = pos;
      for (;;) {
        // The next comma is remembered, so that a file without commas is not scanned once per line.
        if (nextComma !== -1 && nextComma < start) nextComma = text.indexOf(',', start);
        if (nextComma === -1 || nextComma >= end) {
          cells.push(text.slice(start, end));
          break;
        }
        cells.push(text.slice(start, nextComma));
        start = nextComma + 1;
      }
      onRecord(cells, row);
      pos = nl + 1;
      continue;
    }
    // Slow path: a record with quotes, possibly over several lines.
    let i = pos;
    for (;;) {
      const col = cells.length;
      if (i < n && text.charCodeAt(i) === 34 /* " */) {
        let value = '';
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q === -1) {
            return { row, column: col, message: 'Thiếu dấu ngoặc kép đóng (") cho ô bắt đầu bằng dấu ngoặc kép' };
          }
          value += text.slice(j, q);
          if (text.charCodeAt(q + 1) === 34) {
            value += '"';
            j = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        cells.push(value);
        const c = i < n ? text.charCodeAt(i) : -1;
        if (c === 44 /* , */) {
          i++;
          continue;
        }
        if (c === -1) break;
        if (c === 10) {
          i++;
          break;
        }
        if (c === 13 && text.charCodeAt(i + 1) === 10) {
          i += 2;
          break;
        }
        return { row, column: col, message: 'Sau dấu ngoặc kép đóng phải là dấu phẩy hoặc hết dòng (dấu " trong ô phải viết thành "")' };
      }
      // Unquoted cell: up to the next comma or end of line.
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 44 || c === 10) break;
        if (c === 34) {
          return { row, column: col, message: 'Dấu ngoặc kép (") trong ô không được bao bằng ngoặc kép: hãy bao cả ô trong "…" và viết " thành ""' };
        }
        j++;
      }
      const c = j < n ? text.charCodeAt(j) : -1;
      const end = c !== 44 && j > i && text.charCodeAt(j - 1) === 13 ? j - 1 : j;
      cells.push(text.slice(i, end));
      i = j + 1;
      if (c !== 44) break;
    }
    onRecord(cells, row);
    pos = i;
    nextQuote = text.indexOf('"', pos);
  }
  return null;
}

function decode(input: string | Uint8Array, file: string, issues: Issues): string | null {
  if (typeof input === 'string') return input;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    const loose = new TextDecoder('utf-8').decode(input);
    const at = loose.indexOf('\uFFFD');
    let line = 1;
    for (let k = loose.indexOf('\n'); k !== -1 && k < at; k = loose.indexOf('\n', k + 1)) line++;
    issues.add(file, null, null, `Tệp không phải văn bản UTF-8 hợp lệ (lỗi mã hóa gần dòng ${line}); hãy lưu lại dưới dạng "CSV UTF-8"`);
    return null;
  }
}

interface Header {
  /** Index of each known column in the file, -1 when absent. */
  index: Record<string, number>;
  width: number;
}

function readHeader(cells: string[], file: string, expected: readonly string[], optional: Set<string>, issues: Issues): Header | null {
  const before = issues.count;
  const index: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const name of expected) index[name] = -1;
  cells.forEach((name, k) => {
    const label = `${columnLetter(k)} (${name})`;
    if (!(name in index)) {
      issues.add(file, 1, label, `Cột ${JSON.stringify(name)} không có trong định dạng ${ACTIVITY_FORMAT} (các cột: ${expected.join(',')})`);
    } else if (index[name] !== -1) {
      issues.add(file, 1, label, `Cột ${JSON.stringify(name)} bị lặp (đã có ở cột ${columnLetter(index[name])})`);
    } else index[name] = k;
  });
  for (const name of expected) {
    if (index[name] === -1 && !optional.has(name)) {
      issues.add(file, 1, null, `Thiếu cột ${JSON.stringify(name)} trong dòng tiêu đề (cần: ${expected.join(',')})`);
    }
  }
  return issues.count === before ? { index, width: cells.length } : null;
}

const TIME_HINT = 'cần thời gian ISO 8601, ví dụ 2021-07-20T09:12:00+07:00 (không ghi múi giờ = giờ Việt Nam)';

/**
 * Reads the records of one file: checks the header, then passes each row whose cell count matches
 * to the handler `onHeader(header)` returned (made once, so rows are handled without closures).
 */
function readFile(
  text: string,
  file: string,
  expected: readonly string[],
  optional: Set<string>,
  issues: Issues,
  onHeader: (header: Header) => (cells: string[], row: number) => void,
): Header | null {
  let header: Header | null = null;
  let headerBad = false;
  let onRow: ((cells: string[], row: number) => void) | null = null;
  let width = 0;
  const syntax = readCsv(text, (cells, row) => {
    if (row === 1) {
      header = readHeader(cells, file, expected, optional, issues);
      headerBad = header === null;
      if (header) {
        onRow = onHeader(header);
        width = header.width;
      }
      return;
    }
    if (onRow === null) return;
    if (cells.length !== width) {
      if (cells.length === 1 && cells[0] === '') return; // blank line
      issues.add(file, row, null, `Dòng có ${cells.length} ô nhưng dòng tiêu đề có ${width} cột (ô có dấu phẩy phải được bao trong dấu ngoặc kép)`);
      return;
    }
    onRow(cells, row);
  });
  if (syntax) {
    const found = header as Header | null;
    const name = found ? expected.find((c) => found.index[c] === syntax.column) : undefined;
    issues.add(file, syntax.row, `${columnLetter(syntax.column)}${name ? ` (${name})` : ''}`, syntax.message);
    return null;
  }
  if (header === null && !headerBad) {
    issues.add(file, 1, null, `Tệp trống: cần dòng tiêu đề ${expected.join(',')}`);
  }
  return header;
}

/**
 * Reads `tasks.csv` and `actions.csv` into an activity document. An action naming a task absent
 * from `tasks.csv` is an error; so are duplicate task ids. A `finishedAt` before `assignedAt` is a
 * warning (the format asks for no order; clocks of two systems may differ).
 * Empty `dueDate` / `finishedAt` cells (or absent columns) mean absent.
 */
export function parseActivityCsv(input: ActivityCsvInput, names: ActivityCsvNames = {}): ActivityCsvParseResult {
  const issues = new Issues();
  const warnings = new Issues();
  const tasksFile = names.tasks ?? 'tasks.csv';
  const actionsFile = names.actions ?? 'actions.csv';
  const tasksText = decode(input.tasks, tasksFile, issues);
  const actionsText = decode(input.actions, actionsFile, issues);

  const tasks: ActivityTask[] = [];
  const taskRows = new Map<string, number>();
  let tasksReadable = false;
  if (tasksText !== null) {
    const dates = new Map<string, boolean>();
    const header = readFile(tasksText, tasksFile, TASK_CSV_COLUMNS, OPTIONAL_TASK_COLUMNS, issues, (h) => {
      const [iId, iTitle, iAssignee, iAssigned, iDue, iFinished] = TASK_CSV_COLUMNS.map((c) => h.index[c]);
      const label = (i: number) => `${columnLetter(i)} (${TASK_CSV_COLUMNS.find((c) => h.index[c] === i)})`;
      return (cells, row) => {
        const before = issues.count;
        const id = cells[iId];
        if (id === '') issues.add(tasksFile, row, label(iId), 'Mã công việc không được để trống');
        else {
          const first = taskRows.get(id);
          if (first !== undefined) issues.add(tasksFile, row, label(iId), `Mã công việc ${JSON.stringify(id)} bị trùng (đã có ở dòng ${first})`);
          else taskRows.set(id, row);
        }
        const assigneeId = cells[iAssignee];
        if (assigneeId === '') issues.add(tasksFile, row, label(iAssignee), 'Mã người được giao không được để trống');
        const assignedAt = cells[iAssigned];
        const assigned = timeToUtcMinutes(assignedAt);
        if (Number.isNaN(assigned)) {
          issues.add(
            tasksFile,
            row,
            label(iAssigned),
            assignedAt === '' ? `Thời điểm giao việc không được để trống; ${TIME_HINT}` : `Thời gian không hợp lệ ${JSON.stringify(assignedAt)}: ${TIME_HINT}`,
          );
        }
        const dueDate = iDue === -1 ? '' : cells[iDue];
        if (dueDate !== '') {
          let ok = dates.get(dueDate);
          if (ok === undefined) dates.set(dueDate, (ok = isIsoDate(dueDate)));
          if (!ok)
            issues.add(
              tasksFile,
              row,
              label(iDue),
              `Ngày không hợp lệ ${JSON.stringify(dueDate)}: cần dạng YYYY-MM-DD, ví dụ 2021-07-23 (để trống nếu không có hạn)`,
            );
        }
        const finishedAt = iFinished === -1 ? '' : cells[iFinished];
        if (finishedAt !== '') {
          const finished = timeToUtcMinutes(finishedAt);
          if (Number.isNaN(finished)) {
            issues.add(tasksFile, row, label(iFinished), `Thời gian không hợp lệ ${JSON.stringify(finishedAt)}: ${TIME_HINT} (để trống nếu chưa hoàn thành)`);
          } else if (finished < assigned) {
            warnings.add(tasksFile, row, label(iFinished), finishedBeforeAssignedMessage(finishedAt, assignedAt));
          }
        }
        if (issues.count !== before) return;
        const task: ActivityTask = { id, title: cells[iTitle], assigneeId, assignedAt };
        if (dueDate !== '') task.dueDate = dueDate;
        if (finishedAt !== '') task.finishedAt = finishedAt;
        tasks.push(task);
      };
    });
    tasksReadable = header !== null;
  }

  const actions: ActivityAction[] = [];
  if (actionsText !== null) {
    readFile(actionsText, actionsFile, ACTION_CSV_COLUMNS, new Set(), issues, (h) => {
      const [iTask, iPerson, iAt, iKind] = ACTION_CSV_COLUMNS.map((c) => h.index[c]);
      const label = (i: number) => `${columnLetter(i)} (${ACTION_CSV_COLUMNS.find((c) => h.index[c] === i)})`;
      return (cells, row) => {
        const taskId = cells[iTask];
        const personId = cells[iPerson];
        const at = cells[iAt];
        const kind = cells[iKind];
        // Hot path (millions of rows): a valid row costs three checks and one lookup.
        if (personId !== '' && kind !== '' && (!tasksReadable || taskRows.has(taskId)) && taskId !== '' && !Number.isNaN(timeToUtcMinutes(at))) {
          if (issues.count === 0) actions.push({ taskId, personId, at, kind });
          return;
        }
        if (taskId === '') issues.add(actionsFile, row, label(iTask), 'Mã công việc không được để trống');
        else if (tasksReadable && !taskRows.has(taskId)) {
          issues.add(actionsFile, row, label(iTask), `Không có công việc nào có mã ${JSON.stringify(taskId)} trong ${tasksFile}`);
        }
        if (personId === '') issues.add(actionsFile, row, label(iPerson), 'Mã người thực hiện không được để trống');
        if (Number.isNaN(timeToUtcMinutes(at))) {
          issues.add(
            actionsFile,
            row,
            label(iAt),
            at === '' ? `Thời điểm thao tác không được để trống; ${TIME_HINT}` : `Thời gian không hợp lệ ${JSON.stringify(at)}: ${TIME_HINT}`,
          );
        }
        if (kind === '') issues.add(actionsFile, row, label(iKind), 'Loại thao tác không được để trống (ví dụ view, comment, finish)');
      };
    });
  }

  if (issues.count > 0) return { ok: false, issues: issues.list, omitted: issues.count - issues.list.length };
  return { ok: true, value: { format: ACTIVITY_FORMAT, tasks, actions }, ...(warnings.count ? { warnings: warnings.list } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Writer
// ---------------------------------------------------------------------------------------------

const NEEDS_QUOTES = /[",\r\n]/;
/** One cell, quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface ActivityCsvWriteOptions {
  /**
   * Start each file with a UTF-8 BOM (default true: Excel then reads Vietnamese text correctly;
   * `parseActivityCsv` skips it).
   */
  bom?: boolean;
}

/**
 * Writes an activity document as the CSV pair (CRLF line ends, RFC 4180). Round-trips:
 * `parseActivityCsv(writeActivityCsv(a))` gives back `a`. Cells are written as they are (no
 * `'` prefix against spreadsheet formulas, which would break the round trip).
 */
export function writeActivityCsv(activity: Activity, options: ActivityCsvWriteOptions = {}): { tasks: string; actions: string } {
  const bom = options.bom === false ? '' : '\uFEFF';
  const taskLines: string[] = [TASK_CSV_COLUMNS.join(',')];
  for (const t of activity.tasks) {
    taskLines.push([t.id, t.title, t.assigneeId, t.assignedAt, t.dueDate ?? '', t.finishedAt ?? ''].map(csvCell).join(','));
  }
  const actionLines: string[] = [ACTION_CSV_COLUMNS.join(',')];
  for (const a of activity.actions) {
    actionLines.push(`${csvCell(a.taskId)},${csvCell(a.personId)},${csvCell(a.at)},${csvCell(a.kind)}`);
  }
  return { tasks: `${bom}${taskLines.join('\r\n')}\r\n`, actions: `${bom}${actionLines.join('\r\n')}\r\n` };
}
