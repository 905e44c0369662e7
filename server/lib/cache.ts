/**
 * A small cache for values read on hot paths (an agency's working hours for each check-in): a value is
 * fresh for `freshMs`; concurrent misses of a key share one load; for another `freshMs` after that the
 * old value still answers while one call reloads it, so a busy server never stalls when entries expire.
 * Times are the caller's clock (milliseconds); a clock moved back counts as expired.
 */
export class RefreshingCache<V> {
  private entries = new Map<string, { value: V; at: number; reloading: boolean }>();
  private loading = new Map<string, Promise<V>>();

  constructor(
    private readonly freshMs: number,
    private readonly maxEntries = 5000,
  ) {}

  /** How many keys hold a value. */
  get size(): number {
    return this.entries.size;
  }

  /** The value of `key`: at once when cached (fresh, or stale within the grace period), else loaded. */
  get(key: string, nowMs: number, load: () => Promise<V>): V | Promise<V> {
    const hit = this.entries.get(key);
    const age = hit ? nowMs - hit.at : -1;
    if (hit && age >= 0 && age < this.freshMs) return hit.value;
    if (hit && age >= 0 && age < 2 * this.freshMs) {
      if (!hit.reloading) {
        hit.reloading = true;
        this.load(key, nowMs, load).catch(() => (hit.reloading = false));
      }
      return hit.value;
    }
    return this.load(key, nowMs, load);
  }

  private load(key: string, nowMs: number, load: () => Promise<V>): Promise<V> {
    let pending = this.loading.get(key);
    if (!pending) {
      pending = load()
        .then((value) => {
          if (this.entries.size >= this.maxEntries) this.entries.clear();
          this.entries.set(key, { value, at: nowMs, reloading: false });
          return value;
        })
        .finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }
}
