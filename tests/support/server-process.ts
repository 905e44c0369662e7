/**
 * Real app server processes for the multi-server and crash tests: `node --import tsx server/main.ts` on a
 * free loopback port (its own process group, so that a stop or a kill -9 takes all of it), and an HTTP
 * client that keeps the session cookie and CSRF token and can talk to any of the servers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface AppServer {
  base: string;
  port: number;
  output(): string;
  /** SIGTERM (then SIGKILL after 10 s), waits for the exit. */
  stop(): Promise<void>;
  /** kill -9 of the whole process group, waits for the exit. */
  kill9(): Promise<void>;
}

export async function startAppServer(env: Record<string, string>, opts: { port?: number; timeoutMs?: number } = {}): Promise<AppServer> {
  const port = opts.port ?? (await freePort());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'congvu-srv-'));
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, SEED_DEMO: '0', SCHEDULER: '0', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, s);
    } catch {
      /* already gone */
    }
  };
  const cleanup = () => fs.rmSync(dataDir, { recursive: true, force: true });
  const stop = async () => {
    if (child.pid && alive()) {
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    cleanup();
  };
  const kill9 = async () => {
    if (child.pid && alive()) {
      signal('SIGKILL');
      await exited;
    }
    cleanup();
  };
  try {
    const until = Date.now() + (opts.timeoutMs ?? 90_000);
    for (;;) {
      if (!alive()) throw new Error(`The server stopped:\n${output}`);
      try {
        const res = await fetch(`${base}/api/health`);
        if (res.ok) break;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > until) throw new Error(`No /api/health in time:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { base, port, output: () => output, stop, kill9 };
}

export interface HttpResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser-like session usable against any app server of the same database. */
export class HttpSession {
  cookie = '';
  csrf = '';

  async login(base: string, username: string, password: string): Promise<HttpResponse> {
    const res = await this.request(base, 'POST', '/api/auth/login', { username, password });
    if (res.status === 200) this.csrf = res.body.csrfToken;
    return res;
  }

  async request<T = any>(
    base: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    signal?: AbortSignal,
  ): Promise<HttpResponse<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(`${base}${path}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body), signal });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = /congvu_session=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[1] ? `congvu_session=${m[1]}` : '';
    }
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('application/json') ? await res.json() : await res.text();
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
}

/** A fresh PostgreSQL database (CONGVU_TEST_PG_URL's server), migrated; `drop` removes it. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const { randomBytes } = await import('node:crypto');
  const { openPostgres, migrate } = await import('../../server/db/client');
  const adminUrl = process.env.CONGVU_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `congvu_m_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(adminUrl, 1);
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 2);
  await migrate(database);
  await database.close();
  return {
    url: url.toString(),
    drop: async () => {
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}
