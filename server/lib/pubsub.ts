/**
 * Messages between app servers (issue 8): PostgreSQL LISTEN/NOTIFY on a dedicated connection (not one
 * of the pool's) that reconnects by itself, or PGlite's own listen/notify (one process). Messages are
 * sent with `pg_notify`, so one sent inside a transaction leaves at its commit and never for a rollback.
 *
 * - `publishAndWait` resolves once the message came back through this server's own listener: PostgreSQL
 *   has then signalled every listening server (used to answer a logout only once the others were told).
 * - `onReconnect` handlers run after the listener was cut and came back (messages of that gap are lost:
 *   listeners reset what they cache).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

export type MessageHandler = (payload: string) => void;

export interface PubSub {
  readonly kind: 'postgres' | 'pglite' | 'memory';
  /** Sends a message now (outside any transaction). */
  publish(channel: string, payload: string): Promise<void>;
  /** Sends a message and resolves true once this server received it back, or false after `timeoutMs`. */
  publishAndWait(channel: string, payload: string, timeoutMs?: number): Promise<boolean>;
  /** Receives the messages of a channel; resolves once listening. Returns the unsubscribe function. */
  subscribe(channel: string, handler: MessageHandler): Promise<() => void>;
  onReconnect(handler: () => void): void;
  close(): Promise<void>;
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

/** What every variant shares: handlers per channel, waiters for own messages. */
class Hub {
  readonly handlers = new Map<string, Set<MessageHandler>>();
  readonly waiters = new Map<string, Set<() => void>>();
  readonly reconnectHandlers: (() => void)[] = [];

  deliver(channel: string, payload: string): void {
    for (const h of this.handlers.get(channel) ?? []) {
      try {
        h(payload);
      } catch (err) {
        console.error(`pubsub: lỗi khi xử lý tin trên kênh ${channel}`, err);
      }
    }
    const key = `${channel}\0${payload}`;
    const waiting = this.waiters.get(key);
    if (waiting) {
      this.waiters.delete(key);
      for (const w of waiting) w();
    }
  }

  wait(channel: string, payload: string, timeoutMs: number): { promise: Promise<boolean>; cancel: () => void } {
    const key = `${channel}\0${payload}`;
    let set = this.waiters.get(key);
    if (!set) this.waiters.set(key, (set = new Set()));
    let done!: () => void;
    let timer: NodeJS.Timeout;
    const promise = new Promise<boolean>((resolve) => {
      done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      timer = setTimeout(() => {
        set!.delete(done);
        if (!set!.size) this.waiters.delete(key);
        resolve(false);
      }, timeoutMs);
    });
    set.add(done);
    return {
      promise,
      cancel: () => {
        clearTimeout(timer);
        set!.delete(done);
      },
    };
  }

  reconnected(): void {
    for (const h of this.reconnectHandlers) {
      try {
        h();
      } catch (err) {
        console.error('pubsub: lỗi khi kết nối lại', err);
      }
    }
  }
}

function checkChannel(channel: string): void {
  if (!CHANNEL.test(channel)) throw new Error(`pubsub: tên kênh không hợp lệ: ${channel}`);
}

/**
 * The pub/sub of a database: PostgreSQL when `databaseUrl` is given, PGlite's listen otherwise, or an
 * in-process emitter without a database.
 */
export async function createPubSub(opts: { db?: Db; databaseUrl?: string }): Promise<PubSub> {
  const hub = new Hub();
  const { db } = opts;
  const send = async (channel: string, payload: string) => {
    checkChannel(channel);
    if (db) await db.execute(sql`select pg_notify(${channel}, ${payload})`);
    else queueMicrotask(() => hub.deliver(channel, payload));
  };
  const base = {
    publish: send,
    async publishAndWait(channel: string, payload: string, timeoutMs = 1000) {
      const waiter = hub.wait(channel, payload, timeoutMs);
      try {
        await send(channel, payload);
      } catch (err) {
        waiter.cancel();
        throw err;
      }
      return waiter.promise;
    },
    onReconnect(handler: () => void) {
      hub.reconnectHandlers.push(handler);
    },
  };
  const addHandler = (channel: string, handler: MessageHandler) => {
    let set = hub.handlers.get(channel);
    const fresh = !set;
    if (!set) hub.handlers.set(channel, (set = new Set()));
    set.add(handler);
    return { fresh, remove: () => set!.delete(handler) };
  };

  if (opts.databaseUrl) return postgresPubSub(opts.databaseUrl, hub, base, addHandler);

  const client = db ? (db as unknown as { $client: { listen?: (c: string, cb: (p: string) => void) => Promise<() => Promise<void>> } }).$client : undefined;
  if (client?.listen) {
    const listen = client.listen.bind(client);
    const unlisten: (() => Promise<void>)[] = [];
    return {
      kind: 'pglite',
      ...base,
      async subscribe(channel, handler) {
        checkChannel(channel);
        const { fresh, remove } = addHandler(channel, handler);
        if (fresh) unlisten.push(await listen(channel, (payload) => hub.deliver(channel, payload)));
        return remove;
      },
      async close() {
        for (const u of unlisten.splice(0)) await u().catch(() => undefined);
      },
    };
  }
  return {
    kind: 'memory',
    ...base,
    async subscribe(channel, handler) {
      checkChannel(channel);
      return addHandler(channel, handler).remove;
    },
    async close() {},
  };
}

type Base = Pick<PubSub, 'publish' | 'publishAndWait' | 'onReconnect'>;

async function postgresPubSub(
  url: string,
  hub: Hub,
  base: Base,
  addHandler: (c: string, h: MessageHandler) => { fresh: boolean; remove: () => void },
): Promise<PubSub> {
  const pg = (await import('pg')).default;
  let client: InstanceType<typeof pg.Client> | null = null;
  let closed = false;
  let delay = 100;
  let timer: NodeJS.Timeout | null = null;
  let connecting: Promise<void> | null = null;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (m) => hub.deliver(m.channel, m.payload ?? ''));
    const lost = (err?: Error) => {
      if (client !== c) return;
      client = null;
      c.removeAllListeners('notification');
      c.end().catch(() => undefined);
      if (closed) return;
      console.warn(`pubsub: mất kết nối LISTEN${err ? ` (${err.message})` : ''}, đang kết nối lại…`);
      schedule();
    };
    c.on('error', lost);
    c.on('end', () => lost());
    await c.connect();
    for (const channel of hub.handlers.keys()) await c.query(`LISTEN ${channel}`);
    if (closed) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
    delay = 100;
  };
  const schedule = () => {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = null;
      connecting = connect()
        .then(() => hub.reconnected())
        .catch((err: Error) => {
          console.warn(`pubsub: chưa kết nối lại được (${err.message})`);
          delay = Math.min(delay * 2, 5000);
          schedule();
        })
        .finally(() => {
          connecting = null;
        });
    }, delay);
    timer.unref();
  };

  await connect();
  return {
    kind: 'postgres',
    ...base,
    async subscribe(channel, handler) {
      checkChannel(channel);
      const { fresh, remove } = addHandler(channel, handler);
      if (connecting) await connecting.catch(() => undefined);
      // A connection made later LISTENs to every channel that has handlers.
      if (fresh && client) await client.query(`LISTEN ${channel}`);
      return remove;
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      if (c) await c.end().catch(() => undefined);
    },
  };
}
