/** The app in-process on a fresh database, with a clock the test moves, and an HTTP client that logs in. */
import { buildApp, type App } from '../../server/app';
import { parseConfig } from '../../server/config';
import type { Database } from '../../server/db/client';
import { createAudit } from '../../server/lib/audit';
import { ManualClock } from '../../server/lib/clock';
import type { Deps } from '../../server/lib/context';
import { createTestDatabase } from './test-db';

export interface TestApp {
  app: App;
  deps: Deps;
  database: Database;
  clock: ManualClock;
  close(): Promise<void>;
  client(ip?: string): TestClient;
}

export async function createTestApp(opts: { now?: string; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = new ManualClock(opts.now ?? '2021-07-16T09:00:00+07:00');
  const config = parseConfig({ NODE_ENV: 'test', SEED_DEMO: '0', ...opts.env });
  const deps: Deps = { db: database.db, clock, audit: createAudit(clock), config };
  const app = buildApp(deps);
  return { app, deps, database, clock, close: () => database.close(), client: (ip) => new TestClient(app, ip) };
}

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** Keeps the session cookie and CSRF token like a browser does. */
export class TestClient {
  private cookie = '';
  csrf = '';
  constructor(
    private readonly app: App,
    private readonly ip = '10.0.0.1',
  ) {}

  async login(username: string, password: string): Promise<TestResponse> {
    const res = await this.request('POST', '/api/auth/login', { username, password });
    if (res.status === 200) this.csrf = res.body.csrfToken;
    return res;
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    const init: RequestInit & { headers: Record<string, string> } = { method, headers: { 'x-forwarded-for': this.ip, ...headers } };
    if (this.cookie) init.headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') init.headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) {
      if (body instanceof Uint8Array || body instanceof ArrayBuffer) {
        init.body = body as BodyInit;
        init.headers['content-type'] ??= 'application/octet-stream';
      } else {
        init.body = JSON.stringify(body);
        init.headers['content-type'] ??= 'application/json';
      }
    }
    const res = await this.app.request(path, init);
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = /congvu_session=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[1] ? `congvu_session=${m[1]}` : '';
    }
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('application/json') ? await res.json() : type.startsWith('text/') ? await res.text() : new Uint8Array(await res.arrayBuffer());
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }
  put<T = any>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body ?? {});
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body ?? {});
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }
}
