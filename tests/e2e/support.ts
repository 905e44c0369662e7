/**
 * Shared pieces of the browser journeys (tests/e2e/*.e2e.ts): a real server started as a child process
 * (`npx tsx server/main.ts`) on a free port with a fresh PGlite folder and the demo data, the demo
 * logins it prints, Chromium (/usr/bin/chromium or CHROMIUM_PATH), logged-in browser contexts and
 * small API clients. Each journey starts its own server and stops it (and removes its folder) after.
 * Journeys at the real date start from one seeded copy of the demo (seeded once per run, see
 * `demoSnapshot`); journeys with a TEST_CLOCK seed their own (the demo's dates follow the clock).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { generate } from 'otplib';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Login {
  role: string;
  username: string;
  password: string;
}

export interface E2eServer {
  base: string;
  dataDir: string;
  logins: Login[];
  /** What the server printed so far (for failure messages). */
  output: () => string;
  /** The demo login of a role label as printed, e.g. "Trưởng phòng · SNV Ninh Thuận". */
  login: (role: string) => Login;
  /** Stops the server's process group and removes its data folder. */
  stop: () => Promise<void>;
}

export function webBuilt(): boolean {
  return fs.existsSync(path.join(ROOT, 'dist/web/index.html'));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** "  Trưởng phòng · SNV Ninh Thuận     sentk.snv-nt      Congvu@2021!" → role, username, password. */
export function parseLogins(output: string): Login[] {
  const lines = output.split('\n');
  const start = lines.findIndex((l) => l.includes('demo logins'));
  if (start < 0) return [];
  const out: Login[] = [];
  for (const line of lines.slice(start + 1)) {
    const m = /^\s{2}(\S.*?)\s+(\S+)\s+(\S+)\s*$/.exec(line);
    if (!m) break;
    out.push({ role: m[1]!, username: m[2]!, password: m[3]! });
  }
  return out;
}

/**
 * Starts the app on a free port with a new PGlite folder and the demo data (SEED_DEMO=1, no scheduler
 * unless `env` says otherwise), waits for /api/health and reads the demo logins.
 */
/**
 * The demo seeded once per run into the folder the global setup provides (tests/e2e/global-setup.ts):
 * the first journey to ask seeds it (tests/e2e/seed-snapshot.ts, a clean close), the others wait for it.
 * Null outside a run with that setup.
 */
async function demoSnapshot(): Promise<{ data: string; logins: Login[] } | null> {
  let dir: string | undefined;
  try {
    dir = inject('demoSnapshot');
  } catch {
    return null;
  }
  if (!dir) return null;
  const ready = path.join(dir, 'ready');
  const failed = path.join(dir, 'failed');
  let builder = false;
  try {
    fs.mkdirSync(path.join(dir, 'lock'));
    builder = true;
  } catch {
    /* another journey seeds it */
  }
  if (builder) {
    let output = '';
    const child = spawn('npx', ['tsx', 'tests/e2e/seed-snapshot.ts', dir], { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (output += String(d)));
    child.stderr!.on('data', (d) => (output += String(d)));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    fs.writeFileSync(code === 0 ? ready : failed, output);
  }
  const until = Date.now() + 300_000;
  while (!fs.existsSync(ready)) {
    if (fs.existsSync(failed)) throw new Error(`Seeding the demo snapshot failed:\n${fs.readFileSync(failed, 'utf8')}`);
    if (Date.now() > until) throw new Error('The demo snapshot was not ready after 300 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  return { data: path.join(dir, 'data'), logins: JSON.parse(fs.readFileSync(path.join(dir, 'logins.json'), 'utf8')) as Login[] };
}

export async function startServer(name: string, env: Record<string, string> = {}): Promise<E2eServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `congvu-e2e-${name}-`));
  // At the real date (and the default environment) the demo is the same for every journey: copy the one seeded for this run.
  const snapshot = env.TEST_CLOCK || (env.NODE_ENV ?? 'development') !== 'development' || env.AUTH_SECRET ? null : await demoSnapshot();
  if (snapshot) fs.cpSync(snapshot.data, dataDir, { recursive: true });
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn('npx', ['tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, SEED_DEMO: '1', SCHEDULER: '0', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group (npx → tsx → node), stopped as a whole.
    detached: true,
  });
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      const kill = (signal: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          /* already gone */
        }
      };
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const until = Date.now() + 200_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`The server stopped:\n${output}`);
      try {
        const res = await fetch(`${base}/api/health`);
        if (res.ok) break;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > until) throw new Error(`No /api/health after 200 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  const logins = snapshot ? snapshot.logins : parseLogins(output);
  return {
    base,
    dataDir,
    logins,
    output: () => output,
    login: (role) => {
      const l = logins.find((x) => x.role === role);
      if (!l) throw new Error(`No demo login "${role}" in:\n${output}`);
      return l;
    },
    stop,
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Actor {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the page. */
  errors: string[];
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** Start the browser's clock at this instant (the server's test clock), flowing from there. */
  clock?: Date;
}

/**
 * The published demo TOTP secret (server/db/seed/demo.ts DEMO_TOTP_SECRET, printed by `npm start`) of
 * the demo accounts whose role requires two-factor login.
 */
export const DEMO_TOTP_SECRET = 'CONGVUDEMOSECRETCONGVUDEMOSECRET';

/**
 * A code of the demo secret at the server's clock (it may be a test clock), `ahead` steps later. The
 * server accepts the previous, current and next step, each once per account.
 */
export async function demoTotpCode(base: string, ahead = 0): Promise<string> {
  const now = await testClock.now(base);
  return generate({ secret: DEMO_TOTP_SECRET, epoch: Math.floor(now.getTime() / 1000) + ahead * 30 });
}

/** Codes to try in turn: this step, the next one, then (both used) the next steps after waiting. */
async function* totpCodes(base: string): AsyncGenerator<string> {
  yield await demoTotpCode(base, 0);
  yield await demoTotpCode(base, 1);
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 31_000));
    yield await demoTotpCode(base, 1);
  }
}

/** A browser context logged in with the login form (Vietnamese UI, Vietnam's time zone); answers the two-factor step with the demo secret. */
export async function openAs(browser: Browser, base: string, who: { username: string; password: string }, opts: OpenOptions = {}): Promise<Actor> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
  });
  if (opts.clock) await context.clock.setSystemTime(opts.clock);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/login`);
  await page.locator('input[name=username]').fill(who.username);
  await page.locator('input[name=password]').fill(who.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const totpInput = page.locator('input[name=totp]');
  // Whichever comes first; the other one's later timeout is ignored.
  await Promise.race([
    page.waitForURL((u) => !u.pathname.startsWith('/login')).catch(() => undefined),
    totpInput.waitFor({ state: 'visible' }).catch(() => undefined),
  ]);
  if (new URL(page.url()).pathname.startsWith('/login')) {
    for await (const code of totpCodes(base)) {
      await totpInput.fill(code);
      const [answer] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/login'),
        page.getByRole('button', { name: 'Xác nhận' }).click(),
      ]);
      if (answer.status() === 200) break;
    }
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  }
  return { context, page, errors };
}

/** JSON from the API with the page's session. */
export function apiGet<T>(page: Page, p: string): Promise<T> {
  return page.evaluate(async (url) => {
    const res = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return res.json();
  }, `/api${p}`) as Promise<T>;
}

export interface ApiAnswer {
  status: number;
  /** Parsed JSON (null for an empty body). */
  body: any;
}

export interface ApiSession {
  cookie: string;
  get: (p: string) => Promise<ApiAnswer>;
  post: (p: string, body?: unknown) => Promise<ApiAnswer>;
  put: (p: string, body: unknown) => Promise<ApiAnswer>;
}

/** A logged-in API client (for setup and for reading the expected figures). */
export async function apiSession(base: string, username: string, password: string): Promise<ApiSession> {
  const send = (extra: Record<string, string> = {}) =>
    fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, ...extra }),
    });
  let res = await send();
  if (res.status === 401) {
    const text = await res.text();
    if (!text.includes('TOTP_REQUIRED')) throw new Error(`login ${username}: 401 ${text}`);
    for await (const totp of totpCodes(base)) {
      res = await send({ totp });
      if (res.status !== 401) break;
    }
  }
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const call = async (method: string, p: string, body?: unknown): Promise<ApiAnswer> => {
    const r = await fetch(`${base}/api${p}`, {
      method,
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null };
  };
  return {
    cookie,
    get: (p) => call('GET', p),
    post: (p, b = {}) => call('POST', p, b),
    put: (p, b) => call('PUT', p, b),
  };
}

/** The test clock of a server started with NODE_ENV=test and TEST_CLOCK (server/app.ts). */
export const testClock = {
  async now(base: string): Promise<Date> {
    const res = await fetch(`${base}/api/health`);
    return new Date(((await res.json()) as { time: string }).time);
  },
  async set(base: string, iso: string): Promise<Date> {
    const res = await fetch(`${base}/api/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: iso }) });
    if (res.status !== 200) throw new Error(`POST /api/test/clock: ${res.status} ${await res.text()}`);
    return new Date(((await res.json()) as { now: string }).now);
  },
  /** Runs the scheduler once now (16:00 agency reports, 17:00 province reports, reminders). */
  async tick(base: string): Promise<{ ran: string[]; errors: { key: string; message: string }[] }> {
    const res = await fetch(`${base}/api/test/tick`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    if (res.status !== 200) throw new Error(`POST /api/test/tick: ${res.status} ${await res.text()}`);
    return (await res.json()) as { ran: string[]; errors: { key: string; message: string }[] };
  },
};
