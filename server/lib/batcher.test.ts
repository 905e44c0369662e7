import { describe, expect, it } from 'vitest';
import { createBatcher } from './batcher';

const tick = () => new Promise((r) => setImmediate(r));

describe('createBatcher (group commit)', () => {
  it('sends the calls of one moment as one batch and answers each call with its own result', async () => {
    const batches: number[][] = [];
    const double = createBatcher<number, number>(async (items) => {
      batches.push(items);
      return items.map((i) => i * 2);
    });
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => double(n)));
    expect(results).toEqual([2, 4, 6, 8, 10]);
    expect(batches).toEqual([[1, 2, 3, 4, 5]]);
  });

  it('queues calls behind the batches in flight and sends them together when one ends', async () => {
    const batches: string[][] = [];
    const release: (() => void)[] = [];
    const echo = createBatcher<string, string>(
      (items) => {
        batches.push(items);
        return new Promise((resolve) => release.push(() => resolve(items)));
      },
      { maxInFlight: 1 },
    );
    const first = echo('a');
    await tick();
    expect(batches).toEqual([['a']]);
    const waiting = ['b', 'c', 'd'].map((s) => echo(s));
    await tick();
    expect(batches).toHaveLength(1); // b, c, d wait: one batch is in flight
    expect(echo.pending()).toBe(4);
    release.shift()!();
    expect(await first).toBe('a');
    await tick();
    expect(batches).toEqual([['a'], ['b', 'c', 'd']]);
    release.shift()!();
    expect(await Promise.all(waiting)).toEqual(['b', 'c', 'd']);
    await tick();
    expect(echo.pending()).toBe(0);
  });

  it('splits a long queue into batches of at most maxBatch', async () => {
    const sizes: number[] = [];
    const id = createBatcher<number, number>(
      async (items) => {
        sizes.push(items.length);
        return items;
      },
      { maxBatch: 4, maxInFlight: 10 },
    );
    expect(await Promise.all(Array.from({ length: 10 }, (_, i) => id(i)))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sizes).toEqual([4, 4, 2]);
  });

  it('rejects every call of a failed batch, and the next batch runs', async () => {
    let fail = true;
    const run = createBatcher<number, number>(async (items) => {
      if (fail) throw new Error('database down');
      return items;
    });
    const failed = await Promise.allSettled([run(1), run(2)]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((failed[0] as PromiseRejectedResult).reason.message).toBe('database down');
    fail = false;
    expect(await run(3)).toBe(3);
  });

  it('refuses a result list that does not match the batch', async () => {
    const broken = createBatcher<number, number>(async () => [1]);
    const r = await Promise.allSettled([broken(1), broken(2)]);
    expect(r.every((x) => x.status === 'rejected')).toBe(true);
  });
});
