/**
 * Fast reading of a big, valid `congvu.activity/1` JSON document (millions of actions, hundreds of
 * MB) straight from its bytes. Pure, no I/O.
 *
 * `JSON.parse` of such a file builds one object and four strings per action, and the text itself must
 * first be decoded into a string as big as the file: most of the time of `congvu report appendix2`
 * went there and to the garbage collector. This scanner reads the actions into typed columns instead
 * (task and person as indexes into tables of distinct ids, the time as minutes, processing or not),
 * and hands only "format" and "tasks" to `JSON.parse`.
 *
 * It accepts only what it is sure of: strict JSON syntax, the three root fields, action objects with
 * exactly the four fields as non-empty strings, valid times, task ids of the document, and then the
 * tasks as `parseActivity` checks them. On anything else it returns null and the caller takes the
 * ordinary path (`JSON.parse` + `parseActivity`), whose messages name every problem and its path — so
 * a document gives the same report, or the same errors, whichever way it was read.
 */
import { ACTIVITY_FORMAT, timeBytesToUtcMinutes, timeToUtcMinutes, type ActivityTask, type JsonIssue } from './format';
import { parseActivity } from './parse';

/** The actions of a document as columns: action i is on task `taskKeys[taskRef[i]]`, by `personKeys[personRef[i]]`. */
export interface CompactActions {
  count: number;
  taskRef: Int32Array;
  taskKeys: string[];
  /** Index in `tasks` of each task id of `taskKeys`. */
  taskOf: Int32Array;
  personRef: Int32Array;
  personKeys: string[];
  /** Time of the action in minutes since 1970-01-01T00:00Z. */
  minutes: Int32Array;
  /** 1 when the kind is processing (anything but `view`). */
  processing: Uint8Array;
}

/** A checked activity document whose actions are in columns. */
export interface CompactActivity {
  format: typeof ACTIVITY_FORMAT;
  tasks: ActivityTask[];
  compactActions: CompactActions;
  /** Warnings of the tasks (as `parseActivity` gives them). */
  warnings?: JsonIssue[];
}

/** Decodes bytes [start, end) of `bytes` into a string; the UTF-8 one throws on invalid UTF-8. */
export type Decoder = (bytes: Uint8Array, start: number, end: number) => string;
export interface Decoders {
  /** For bytes known to be ASCII (Node: `buffer.latin1Slice`). */
  ascii: Decoder;
  /** Strict UTF-8 (Node: `isUtf8` + `buffer.utf8Slice`). */
  utf8: Decoder;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });
const defaultDecoders: Decoders = {
  ascii: (bytes, start, end) => {
    if (end - start < 64) return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
    return fatalUtf8.decode(bytes.subarray(start, end));
  },
  utf8: (bytes, start, end) => fatalUtf8.decode(bytes.subarray(start, end)),
};

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Index after the whitespace at i. */
function skipWs(b: Uint8Array, n: number, i: number): number {
  while (i < n) {
    const c = b[i]!;
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
    else break;
  }
  return i;
}

/**
 * Index of the closing quote of the string opening at i; `~index` (negative) when the string is not
 * plain (an escape or a non-ASCII byte); throws Bail when it is not a string or not JSON.
 */
function closeQuote(b: Uint8Array, n: number, i: number): number {
  if (b[i] !== QUOTE) bail();
  let j = i + 1;
  let plain = true;
  for (;;) {
    if (j >= n) bail();
    const c = b[j]!;
    if (c === QUOTE) return plain ? j : ~j;
    if (c < 0x20) bail();
    if (c === BACKSLASH) {
      plain = false;
      j += 2;
      continue;
    }
    if (c >= 0x80) plain = false;
    j++;
  }
}

class Bail extends Error {}
const bail = (): never => {
  throw new Bail();
};

/**
 * Distinct ids by their bytes: an id seen before costs a hash and a byte comparison, no string; a
 * new one is decoded once. Ids written with escapes go through a Map of decoded strings (the same id
 * written two ways may get two entries: the report maps entries to people and tasks by their text).
 */
class Interner {
  keys: string[] = [];
  private slots = new Int32Array(1 << 12);
  private starts = new Int32Array(1 << 10);
  private ends = new Int32Array(1 << 10);
  private hashes = new Int32Array(1 << 10);
  private byText = new Map<string, number>();
  constructor(
    private b: Uint8Array,
    private ascii: Decoder,
  ) {}

  /** Index of the plain ASCII id at bytes [start, end). */
  bytes(start: number, end: number): number {
    const b = this.b;
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
    let mask = this.slots.length - 1;
    let slot = h & mask;
    for (;;) {
      const k = this.slots[slot]! - 1;
      if (k < 0) break;
      if (this.hashes[k] === h && this.ends[k]! - this.starts[k]! === end - start) {
        let same = true;
        for (let i = start, j = this.starts[k]!; i < end; i++, j++) {
          if (b[i] !== b[j]) {
            same = false;
            break;
          }
        }
        if (same) return k;
      }
      slot = (slot + 1) & mask;
    }
    const k = this.keys.length;
    this.keys.push(this.ascii(b, start, end));
    if (k === this.starts.length) {
      const grow = (a: Int32Array) => {
        const c = new Int32Array(a.length * 2);
        c.set(a);
        return c;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.hashes = grow(this.hashes);
    }
    this.starts[k] = start;
    this.ends[k] = end;
    this.hashes[k] = h;
    this.slots[slot] = k + 1;
    if ((k + 1) * 2 > this.slots.length) {
      // Keep the table at most half full.
      const slots = new Int32Array(this.slots.length * 2);
      mask = slots.length - 1;
      for (let i = 0; i <= k; i++) {
        let s = this.hashes[i]! & mask;
        while (slots[s] !== 0) s = (s + 1) & mask;
        slots[s] = i + 1;
      }
      this.slots = slots;
    }
    return k;
  }

  /** Index of an id given as text (written with escapes or non-ASCII characters). */
  text(id: string): number {
    let k = this.byText.get(id);
    if (k === undefined) {
      k = this.keys.length;
      this.keys.push(id);
      this.byText.set(id, k);
    }
    return k;
  }
}

/** Growable typed columns. */
class Columns {
  count = 0;
  taskRef: Int32Array;
  personRef: Int32Array;
  minutes: Int32Array;
  processing: Uint8Array;
  constructor(capacity: number) {
    this.taskRef = new Int32Array(capacity);
    this.personRef = new Int32Array(capacity);
    this.minutes = new Int32Array(capacity);
    this.processing = new Uint8Array(capacity);
  }
  push(task: number, person: number, minutes: number, processing: number): void {
    if (this.count === this.taskRef.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.taskRef = grow(this.taskRef);
      this.personRef = grow(this.personRef);
      this.minutes = grow(this.minutes);
      this.processing = grow(this.processing);
    }
    const i = this.count++;
    this.taskRef[i] = task;
    this.personRef[i] = person;
    this.minutes[i] = minutes;
    this.processing[i] = processing;
  }
}

/**
 * Reads `bytes` (UTF-8, an optional BOM) as a `congvu.activity/1` document. Returns the checked
 * activity, or null when the document is not one the fast path is sure of (then use the ordinary path).
 */
export function scanActivity(bytes: Uint8Array, decoders: Decoders = defaultDecoders): CompactActivity | null {
  const steps = scanActivitySteps(bytes, { filled: bytes.length, eof: true }, decoders);
  const r = steps.next();
  if (!r.done) throw new Error('scanActivity: all bytes are there, the scan cannot wait');
  return r.value;
}

/** How much of the buffer holds the document so far (a file being read into it). */
export interface Arrival {
  /** Bytes [0, filled) are there. */
  filled: number;
  /** True when `filled` is the whole document. */
  eof: boolean;
}

/**
 * The scan as steps, while the document is still arriving in `bytes` (read into it in order): it
 * yields when it needs bytes that are not there yet — continue it once `arrival` says more came.
 * Returns as `scanActivity` does.
 */
export function* scanActivitySteps(
  bytes: Uint8Array,
  arrival: Arrival,
  decoders: Decoders = defaultDecoders,
  lookahead = LOOKAHEAD,
): Generator<void, CompactActivity | null, void> {
  try {
    return yield* scan(bytes, arrival, decoders, lookahead);
  } catch (err) {
    if (err instanceof Bail) return null;
    throw err;
  }
}

/** Bytes the scanner wants ahead of its position before it goes on (longer actions take the ordinary path). */
const LOOKAHEAD = 1 << 20;

function* scan(b: Uint8Array, arrival: Arrival, { ascii, utf8 }: Decoders, lookahead: number): Generator<void, CompactActivity | null, void> {
  let n = arrival.filled;
  let pos = 0;
  /** Waits until `lookahead` bytes after `pos` are there, or the end. */
  function* more(): Generator<void, void, void> {
    while (!arrival.eof && pos + lookahead > n) {
      yield;
      n = arrival.filled;
    }
  }
  yield* more();
  if (n >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) pos = 3;

  const ws = () => {
    pos = skipWs(b, n, pos);
  };
  const expect = (c: number) => {
    if (b[pos] !== c) bail();
    pos++;
  };

  /**
   * A string at `pos` (on its opening quote): moves past it and returns the index of its closing
   * quote; `plain` tells whether it is plain (ASCII, no escape). Control characters are not JSON;
   * anything unusual is decoded by `JSON.parse` of the literal.
   */
  let plain = true;
  const stringEnd = (): number => {
    const end = closeQuote(b, n, pos);
    plain = end >= 0;
    pos = (plain ? end : ~end) + 1;
    return pos - 1;
  };
  /** The value of the string whose content is [start, end). */
  const text = (start: number, end: number): string => {
    if (plain) return ascii(b, start, end);
    const raw = utf8(b, start - 1, end + 1); // throws on bad UTF-8 → caught below
    return JSON.parse(raw) as string;
  };
  /** Skips any JSON value, finding its end (its syntax is checked when it is parsed). */
  function* skipValue(): Generator<void, void, void> {
    let depth = 0;
    do {
      yield* more();
      ws();
      if (pos >= n) bail();
      const c = b[pos]!;
      if (c === QUOTE) stringEnd();
      else if (c === 0x7b || c === 0x5b) {
        depth++;
        pos++;
      } else if (c === 0x7d || c === 0x5d) {
        depth--;
        pos++;
        if (depth < 0) bail();
      } else if (c === 0x2c || c === 0x3a) {
        if (depth === 0) bail();
        pos++;
      } else {
        // number, true, false, null
        const start = pos;
        while (pos < n) {
          const d = b[pos]!;
          if (d === 0x2c || d === 0x7d || d === 0x5d || d === 0x20 || d === 0x0a || d === 0x0d || d === 0x09 || d === 0x3a) break;
          pos++;
        }
        if (pos === start) bail();
      }
    } while (depth > 0);
  }
  const parseSlice = (start: number, end: number): unknown => {
    try {
      return JSON.parse(utf8(b, start, end));
    } catch {
      return bail();
    }
  };

  const taskIds = new Interner(b, ascii);
  const personIds = new Interner(b, ascii);
  // An action takes 80-100 bytes: room for all of them at once, most of the time.
  const cols = new Columns(Math.max(1024, Math.ceil(n / 70)));

  // Field names of an action, by length then bytes.
  const isWord = (start: number, word: string) => {
    for (let i = 0; i < word.length; i++) if (b[start + i] !== word.charCodeAt(i)) return false;
    return true;
  };

  /**
   * The actions array, from its "[" to after its "]": the hot loop (millions of iterations), written
   * with a local position and no helper calls for whitespace and plain strings.
   */
  function* scanActions(): Generator<void, void, void> {
    let i = pos;
    const value = (start: number, end: number): string => {
      try {
        return text(start, end);
      } catch {
        return bail();
      }
    };
    if (b[i] !== 0x5b) bail();
    i++;
    i = skipWs(b, n, i);
    if (b[i] === 0x5d) {
      pos = i + 1;
      return;
    }
    for (;;) {
      if (!arrival.eof && i + lookahead > n) {
        pos = i;
        yield* more();
      }
      // One action object.
      if (b[i] !== 0x7b) bail();
      i++;
      let seen = 0;
      let task = -1;
      let person = -1;
      let minutes = NaN;
      let processing = 0;
      i = skipWs(b, n, i);
      for (;;) {
        const keyEnd = closeQuote(b, n, i);
        if (keyEnd < 0) bail();
        const keyStart = i + 1;
        const len = keyEnd - keyStart;
        i = keyEnd + 1;
        i = skipWs(b, n, i);
        if (b[i] !== 0x3a) bail();
        i++;
        i = skipWs(b, n, i);
        let end = closeQuote(b, n, i);
        plain = end >= 0;
        if (!plain) end = ~end;
        const start = i + 1;
        i = end + 1;
        if (len === 6 && isWord(keyStart, 'taskId')) {
          if (seen & 1 || end === start) bail();
          seen |= 1;
          task = plain ? taskIds.bytes(start, end) : taskIds.text(value(start, end));
        } else if (len === 8 && isWord(keyStart, 'personId')) {
          if (seen & 2 || end === start) bail();
          seen |= 2;
          person = plain ? personIds.bytes(start, end) : personIds.text(value(start, end));
        } else if (len === 2 && b[keyStart] === 0x61 && b[keyStart + 1] === 0x74) {
          if (seen & 4) bail();
          seen |= 4;
          minutes = plain ? timeBytesToUtcMinutes(b, start, end) : timeToUtcMinutes(value(start, end));
          // (a valid time past year 6053 does not fit the Int32 column: the ordinary path reads it)
          if (!(minutes >= -2147483648 && minutes <= 2147483647)) bail();
        } else if (len === 4 && isWord(keyStart, 'kind')) {
          if (seen & 8 || end === start) bail();
          seen |= 8;
          if (plain) processing = end - start === 4 && isWord(start, 'view') ? 0 : 1;
          else {
            const v = value(start, end);
            if (v.length === 0) bail();
            processing = v === 'view' ? 0 : 1;
          }
        } else bail();
        i = skipWs(b, n, i);
        if (b[i] === 0x2c) {
          i++;
          i = skipWs(b, n, i);
          continue;
        }
        if (b[i] !== 0x7d) bail();
        i++;
        break;
      }
      if (seen !== 15) bail();
      cols.push(task, person, minutes, processing);
      i = skipWs(b, n, i);
      if (b[i] === 0x2c) {
        i++;
        i = skipWs(b, n, i);
        continue;
      }
      if (b[i] !== 0x5d) bail();
      pos = i + 1;
      return;
    }
  }

  // The root object: "format", "tasks" (parsed) and "actions" (scanned), each once, in any order.
  let formatSlice: [number, number] | null = null;
  let tasksSlice: [number, number] | null = null;
  let actionsSeen = false;
  ws();
  expect(0x7b);
  ws();
  if (b[pos] === 0x7d) bail();
  for (;;) {
    yield* more();
    const keyStart = pos + 1;
    const keyEnd = stringEnd();
    if (!plain) bail();
    ws();
    expect(0x3a);
    ws();
    const len = keyEnd - keyStart;
    if (len === 7 && isWord(keyStart, 'actions')) {
      if (actionsSeen) bail();
      actionsSeen = true;
      yield* scanActions();
    } else if (len === 5 && isWord(keyStart, 'tasks')) {
      if (tasksSlice) bail();
      const start = pos;
      yield* skipValue();
      tasksSlice = [start, pos];
    } else if (len === 6 && isWord(keyStart, 'format')) {
      if (formatSlice) bail();
      const start = pos;
      yield* skipValue();
      formatSlice = [start, pos];
    } else bail();
    yield* more();
    ws();
    if (b[pos] === 0x2c) {
      pos++;
      ws();
      continue;
    }
    expect(0x7d);
    break;
  }
  while (!arrival.eof) {
    yield;
    n = arrival.filled;
  }
  ws();
  if (pos !== n || !formatSlice || !tasksSlice || !actionsSeen) bail();

  // "format" and "tasks" as the ordinary parser checks them.
  const [fs, fe] = formatSlice as [number, number];
  const [ts, te] = tasksSlice as [number, number];
  const checked = parseActivity({ format: parseSlice(fs, fe), tasks: parseSlice(ts, te), actions: [] });
  if (!checked.ok) return null;
  // Every action names a task of the document: the index of each distinct task id.
  const tasks = checked.value.tasks;
  const taskIndex = new Map<string, number>();
  for (let t = 0; t < tasks.length; t++) taskIndex.set(tasks[t]!.id, t);
  const taskOf = new Int32Array(taskIds.keys.length);
  for (let k = 0; k < taskOf.length; k++) {
    const t = taskIndex.get(taskIds.keys[k]!);
    if (t === undefined) return null;
    taskOf[k] = t;
  }

  return {
    format: ACTIVITY_FORMAT,
    tasks,
    ...(checked.warnings ? { warnings: checked.warnings } : {}),
    compactActions: {
      count: cols.count,
      taskRef: cols.taskRef.subarray(0, cols.count),
      taskKeys: taskIds.keys,
      taskOf,
      personRef: cols.personRef.subarray(0, cols.count),
      personKeys: personIds.keys,
      minutes: cols.minutes.subarray(0, cols.count),
      processing: cols.processing.subarray(0, cols.count),
    },
  };
}
