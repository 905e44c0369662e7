import { describe, expect, it } from 'vitest';
import { RefreshingCache } from './cache';

/** A loader that counts its calls and answers when told to. */
function loader() {
  let calls = 0;
  const waiting: ((v: string) => void)[] = [];
  return {
    load: () => {
      calls++;
      return new Promise<string>((resolve) => waiting.push(resolve));
    },
    answer: (v: string) => waiting.shift()!(v),
    calls: () => calls,
  };
}

describe('RefreshingCache', () => {
  it('loads once for concurrent misses of a key, then answers from memory while fresh', async () => {
    const cache = new RefreshingCache<string>(60_000);
    const l = loader();
    const a = cache.get('a1|2021-07-20', 0, l.load);
    const b = cache.get('a1|2021-07-20', 5, l.load);
    expect(l.calls()).toBe(1);
    l.answer('07:00-11:30');
    expect(await a).toBe('07:00-11:30');
    expect(await b).toBe('07:00-11:30');
    expect(cache.get('a1|2021-07-20', 59_999, l.load)).toBe('07:00-11:30');
    expect(l.calls()).toBe(1);
  });

  it('after expiry answers with the old value while one call reloads it', async () => {
    const cache = new RefreshingCache<string>(60_000);
    const l = loader();
    const first = cache.get('k', 0, l.load);
    l.answer('old');
    await first;
    expect(cache.get('k', 61_000, l.load)).toBe('old');
    expect(cache.get('k', 61_500, l.load)).toBe('old');
    expect(l.calls()).toBe(2); // one reload for both
    l.answer('new');
    await new Promise((r) => setImmediate(r));
    expect(cache.get('k', 62_000, l.load)).toBe('new');
    expect(l.calls()).toBe(2);
  });

  it('waits for a load when the value is older than twice the fresh time, or the clock went back', async () => {
    const cache = new RefreshingCache<string>(60_000);
    const l = loader();
    const first = cache.get('k', 100_000, l.load);
    l.answer('v1');
    await first;
    const late = cache.get('k', 220_000, l.load);
    expect(late).toBeInstanceOf(Promise);
    l.answer('v2');
    expect(await late).toBe('v2');
    const back = cache.get('k', 10_000, l.load);
    expect(back).toBeInstanceOf(Promise);
    l.answer('v3');
    expect(await back).toBe('v3');
  });

  it('keeps the old value when a background reload fails, and tries again on the next call', async () => {
    const cache = new RefreshingCache<string>(1000);
    let fail = false;
    let calls = 0;
    const load = async () => {
      calls++;
      if (fail) throw new Error('database down');
      return `v${calls}`;
    };
    expect(await cache.get('k', 0, load)).toBe('v1');
    fail = true;
    expect(cache.get('k', 1500, load)).toBe('v1');
    await new Promise((r) => setImmediate(r));
    fail = false;
    expect(cache.get('k', 1600, load)).toBe('v1'); // reloads again
    await new Promise((r) => setImmediate(r));
    expect(cache.get('k', 1700, load)).toBe('v3');
    expect(calls).toBe(3);
  });

  it('rejects the callers of a failed load and does not keep the failure', async () => {
    const cache = new RefreshingCache<string>(1000);
    await expect(cache.get('k', 0, () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(await cache.get('k', 1, async () => 'ok')).toBe('ok');
  });
});
