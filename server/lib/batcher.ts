/**
 * Group commit for hot single-row statements (check-in, session lookup): calls that arrive while
 * earlier batches are in flight wait together and go to the database as ONE statement. Under load a
 * few round trips carry hundreds of requests; alone, a call waits only until the end of the current
 * event-loop turn. Pure plumbing: `run` gets the items in order and returns one result per item.
 */
export interface BatcherOptions {
  /** Largest batch (one statement). */
  maxBatch?: number;
  /** Batches in flight at once; more calls queue behind them (and so batch up). */
  maxInFlight?: number;
}

export type Batched<I, O> = ((item: I) => Promise<O>) & { readonly pending: () => number };

export function createBatcher<I, O>(run: (items: I[]) => Promise<O[]>, opts: BatcherOptions = {}): Batched<I, O> {
  const maxBatch = opts.maxBatch ?? 500;
  const maxInFlight = opts.maxInFlight ?? 2;
  const queue: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  let inFlight = 0;
  let scheduled = false;

  const pump = () => {
    scheduled = false;
    while (queue.length > 0 && inFlight < maxInFlight) {
      const batch = queue.splice(0, maxBatch);
      inFlight++;
      let results: Promise<O[]>;
      try {
        results = run(batch.map((b) => b.item));
      } catch (err) {
        results = Promise.reject(err);
      }
      results
        .then(
          (outs) => {
            if (outs.length !== batch.length) throw new Error(`batcher: ${outs.length} results for ${batch.length} items`);
            batch.forEach((b, i) => b.resolve(outs[i]!));
          },
          (err) => batch.forEach((b) => b.reject(err)),
        )
        .catch((err) => batch.forEach((b) => b.reject(err)))
        .finally(() => {
          inFlight--;
          pump();
        });
    }
  };

  const call = (item: I) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!scheduled && inFlight < maxInFlight) {
        scheduled = true;
        setImmediate(pump);
      }
    });
  return Object.assign(call, { pending: () => queue.length + inFlight });
}

/** One batcher per key object (a database handle), created on first use. */
export function batcherPer<K extends object, I, O>(make: (key: K) => Batched<I, O>): (key: K) => Batched<I, O> {
  const map = new WeakMap<K, Batched<I, O>>();
  return (key) => {
    let b = map.get(key);
    if (!b) {
      b = make(key);
      map.set(key, b);
    }
    return b;
  };
}
