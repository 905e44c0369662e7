/** The app in-process on a fresh database, with a clock the test moves, and an HTTP client that logs in. */
import { buildApp, type App } from '../../server/app';
import { parseConfig } from '../../server/config';
import type { Database } from '../../server/db/client';
import { ManualClock } from '../../server/lib/clock';
import type { Deps } from '../../server/lib/context';
import { createTestDatabase } from './test-db';
import { eq } from 'drizzle-orm';
import { users } from '../../server/modules/auth/auth.table';
import { decryptText } from '../../server/modules/auth/secret';
import { stepOf, TOTP_PERIOD, totpCode } from '../../server/modules/auth/totp';
import { createDeps } from '../../server/lib/deps';

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
  const deps = createDeps({ db: database.db, clock, config });
  const app = buildApp(deps);
  return { app, deps, database, clock, close: () => database.close(), client: (ip) => new TestClient(app, ip, deps) };
}

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * Keeps the session cookie, the known-device cookie and the CSRF token like a browser does. `login` answers
 * the second factor like a person with the authenticator app: when the server asks for it (401
 * TOTP_REQUIRED), it computes the code of the account's secret at the server's clock (a step not used yet).
 */
export class TestClient {
  private cookie = '';
  /** The known-device cookie (`congvu_device=…`), kept across logins like a browser. */
  deviceCookie = '';
  csrf = '';
  constructor(
    private readonly app: App,
    private readonly ip = '10.0.0.1',
    private readonly deps?: Deps,
  ) {}

  async login(username: string, password: string): Promise<TestResponse> {
    let res = await this.rawLogin({ username, password });
    if (res.status === 401 && res.body?.error?.code === 'TOTP_REQUIRED' && this.deps) {
      const totp = await this.totpCodeOf(username);
      if (totp) res = await this.rawLogin({ username, password, totp });
    }
    // An account given a role that requires two-factor login without being enrolled (a grant written
    // straight into the database): enrol it through the API, as its owner would on the forced screen.
    const user = res.status === 200 ? res.body?.user : undefined;
    if (user?.totpRequired && !user.totpEnabled && !user.mustChangePassword && this.deps) {
      const setup = await this.post('/api/auth/totp/setup', {});
      if (setup.status === 200) {
        const confirmed = await this.post('/api/auth/totp/confirm', { code: await totpCode(setup.body.secret, this.deps.clock.now()) });
        if (confirmed.status === 200) return { ...res, body: (await this.get('/api/auth/me')).body };
      }
    }
    return res;
  }

  /** POST /api/auth/login with exactly this body (no automatic second factor). */
  async rawLogin(body: Record<string, unknown>): Promise<TestResponse> {
    const res = await this.request('POST', '/api/auth/login', body);
    if (res.status === 200) this.csrf = res.body.csrfToken;
    return res;
  }

  /** A valid TOTP code of the account at the server's clock, of a time step the server has not accepted yet. */
  async totpCodeOf(username: string): Promise<string | null> {
    if (!this.deps) return null;
    const [row] = await this.deps.db
      .select({ secret: users.totpSecret, last: users.totpLastStep })
      .from(users)
      .where(eq(users.username, username.trim().toLowerCase()));
    if (!row?.secret) return null;
    const now = this.deps.clock.now();
    const step = stepOf(now);
    for (const d of [-1, 0, 1]) {
      if (row.last === null || row.last < step + d || row.last > step + 1)
        return totpCode(decryptText(this.deps.config, row.secret), new Date(now.getTime() + d * TOTP_PERIOD * 1000));
    }
    return null;
  }

  /** The same browser (cookies, CSRF token) talking to another app, e.g. a second server on the same database. */
  to(app: App, deps?: Deps): TestClient {
    const other = new TestClient(app, this.ip, deps);
    other.cookie = this.cookie;
    other.deviceCookie = this.deviceCookie;
    other.csrf = this.csrf;
    return other;
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    const init: RequestInit & { headers: Record<string, string> } = { method, headers: { 'x-forwarded-for': this.ip, ...headers } };
    const cookies = [this.cookie, this.deviceCookie].filter(Boolean).join('; ');
    if (cookies) init.headers.cookie = cookies;
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
      const d = /congvu_device=([^;]*)/.exec(setCookie);
      if (d) this.deviceCookie = d[1] ? `congvu_device=${d[1]}` : '';
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
