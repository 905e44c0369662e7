/** Differences between two versions of a draft, line by line (longest common subsequence). Pure. */

export type DiffOp = { op: 'same' | 'add' | 'del'; text: string };

const MAX_CELLS = 4_000_000;

export function diffLines(before: string, after: string): DiffOp[] {
  const a = before.split('\n');
  const b = after.split('\n');
  // Trim the common head and tail: drafts change in a few places.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const head: DiffOp[] = a.slice(0, start).map((text) => ({ op: 'same', text }));
  const tail: DiffOp[] = a.slice(endA).map((text) => ({ op: 'same', text }));
  let mid: DiffOp[];
  if (midA.length * midB.length > MAX_CELLS) {
    mid = [...midA.map((text) => ({ op: 'del' as const, text })), ...midB.map((text) => ({ op: 'add' as const, text }))];
  } else {
    const n = midA.length;
    const m = midB.length;
    const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--) lcs[i]![j] = midA[i] === midB[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    mid = [];
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        mid.push({ op: 'same', text: midA[i]! });
        i++;
        j++;
      } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) mid.push({ op: 'del', text: midA[i++]! });
      else mid.push({ op: 'add', text: midB[j++]! });
    }
    while (i < n) mid.push({ op: 'del', text: midA[i++]! });
    while (j < m) mid.push({ op: 'add', text: midB[j++]! });
  }
  return [...head, ...mid, ...tail];
}

/** Counts of added and removed lines. */
export function diffStats(ops: readonly DiffOp[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const o of ops) {
    if (o.op === 'add') added++;
    else if (o.op === 'del') removed++;
  }
  return { added, removed };
}
