import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n';
import { ApiError, api, buildUrl, errorOf, fieldOfPath, filenameOf, setCsrfToken } from './api';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('API client helpers', () => {
  it('names the form field of a server issue path', () => {
    expect(fieldOfPath('body.fullName')).toBe('fullName');
    expect(fieldOfPath('body.roles[0]')).toBe('roles');
    expect(fieldOfPath('query.q')).toBe('q');
    expect(fieldOfPath('row 5, column C')).toBe('');
    expect(fieldOfPath('body')).toBe('');
  });

  it('builds /api URLs and drops empty query values', () => {
    expect(buildUrl('/org/people', { agencyId: 'a b', unitId: undefined, q: '', includeInactive: true })).toBe(
      '/api/org/people?agencyId=a+b&includeInactive=1',
    );
    expect(buildUrl('auth/me')).toBe('/api/auth/me');
  });

  it('reads the download file name from Content-Disposition', () => {
    expect(filenameOf('attachment; filename="can-bo-nt-snv.xlsx"', 'x.xlsx')).toBe('can-bo-nt-snv.xlsx');
    expect(filenameOf("attachment; filename*=UTF-8''c%C3%A1n-b%E1%BB%99.xlsx", 'x.xlsx')).toBe('cán-bộ.xlsx');
    expect(filenameOf(null, 'x.xlsx')).toBe('x.xlsx');
  });

  it('turns the error shape into ApiError with code, message, field errors and Retry-After', async () => {
    const err = await errorOf(json(429, { error: { code: 'RATE_LIMITED', message: 'Vui lòng thử lại sau 15 phút.', issues: [] } }, { 'retry-after': '900' }));
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.message).toBe('Vui lòng thử lại sau 15 phút.');
    expect(err.retryAfterSeconds).toBe(900);

    const v = await errorOf(
      json(400, { error: { code: 'VALIDATION', message: 'Nhập họ và tên.', issues: [{ path: 'body.fullName', message: 'Nhập họ và tên.' }] } }),
    );
    expect(v.fieldErrors()).toEqual({ fullName: 'Nhập họ và tên.' });
    expect((await errorOf(json(409, { error: { code: 'VERSION_CONFLICT', message: 'x', issues: [] } }))).isVersionConflict).toBe(true);
  });

  it('gives a generic error for a non-JSON answer (a proxy page)', async () => {
    const err = await errorOf(new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }));
    expect(err.code).toBe('INTERNAL');
    expect(err.status).toBe(502);
    expect(err.message).toContain('502');
  });
});

describe('API client requests', () => {
  it('sends JSON and the CSRF token on writes, not on reads', async () => {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return json(200, { ok: true });
    });
    setCsrfToken('tok-1');
    await api.get('/auth/me');
    await api.patch('/org/units/u1', { name: 'Văn phòng', version: 2 });
    const [get, patch] = calls;
    expect((get!.init.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
    expect(get!.init.credentials).toBe('same-origin');
    const h = patch!.init.headers as Record<string, string>;
    expect(h['Content-Type']).toBe('application/json');
    expect(h['X-CSRF-Token']).toBe('tok-1');
    expect(patch!.init.body).toBe(JSON.stringify({ name: 'Văn phòng', version: 2 }));
  });

  it('uploads raw bytes as application/octet-stream', async () => {
    let seen: RequestInit | undefined;
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      seen = init;
      return json(200, { ok: true, dryRun: true, created: 0, updated: 0, errors: [] });
    });
    const bytes = new Uint8Array([80, 75, 3, 4]);
    await api.upload('/org/agencies/a/people/import', bytes.buffer, { dryRun: '1' });
    expect((seen!.headers as Record<string, string>)['Content-Type']).toBe('application/octet-stream');
    expect(seen!.body).toBe(bytes.buffer);
  });

  it('refreshes a refused CSRF token from /auth/me and retries once', async () => {
    const urls: string[] = [];
    let writes = 0;
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      urls.push(`${init?.method ?? 'GET'} ${url}`);
      if (url === '/api/auth/me') return json(200, { csrfToken: 'fresh' });
      writes++;
      const token = (init.headers as Record<string, string>)['X-CSRF-Token'];
      return token === 'fresh' ? json(200, { ok: true }) : json(403, { error: { code: 'CSRF', message: 'Phiên làm việc không hợp lệ (CSRF).', issues: [] } });
    });
    setCsrfToken('stale');
    await expect(api.post('/auth/logout')).resolves.toEqual({ ok: true });
    expect(writes).toBe(2);
    expect(urls).toEqual(['POST /api/auth/logout', 'GET /api/auth/me', 'POST /api/auth/logout']);
  });

  it('sends a fresh Idempotency-Key on every POST, and none on other methods', async () => {
    const seen: Array<{ method: string; key: string | undefined }> = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      seen.push({ method: init.method!, key: (init.headers as Record<string, string>)['Idempotency-Key'] });
      return json(200, { ok: true });
    });
    await api.post('/tasks', { title: 'Một' });
    await api.post('/tasks', { title: 'Hai' });
    await api.put('/reports/notes/a/2021-07-19', { note: 'x' });
    await api.get('/tasks');
    expect(seen.map((s) => s.method)).toEqual(['POST', 'POST', 'PUT', 'GET']);
    expect(seen[0]!.key).toMatch(/^[\x21-\x7e]{16,200}$/);
    expect(seen[1]!.key).toMatch(/^[\x21-\x7e]{16,200}$/);
    expect(seen[0]!.key).not.toBe(seen[1]!.key);
    expect(seen[2]!.key).toBeUndefined();
    expect(seen[3]!.key).toBeUndefined();
  });

  it('retries a POST whose answer was lost (network error, 503) with the same Idempotency-Key', async () => {
    const keys: (string | undefined)[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      keys.push((init.headers as Record<string, string>)['Idempotency-Key']);
      if (keys.length === 1) throw new TypeError('Failed to fetch');
      if (keys.length === 2) return new Response('<html>Service Unavailable</html>', { status: 503, headers: { 'content-type': 'text/html' } });
      return json(200, { id: 't1' }, { 'idempotent-replayed': 'true' });
    });
    await expect(api.post('/tasks', { title: 'Một' })).resolves.toEqual({ id: 't1' });
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBeTruthy();
  });

  it('keeps the Idempotency-Key when a refused CSRF token is refreshed', async () => {
    const keys: string[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      if (url === '/api/auth/me') return json(200, { csrfToken: 'fresh' });
      const h = init.headers as Record<string, string>;
      keys.push(h['Idempotency-Key']!);
      return h['X-CSRF-Token'] === 'fresh' ? json(200, { ok: true }) : json(403, { error: { code: 'CSRF', message: 'CSRF', issues: [] } });
    });
    setCsrfToken('stale');
    await api.post('/tasks', { title: 'Một' });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('reports a network failure as NETWORK in the UI language', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.get('/org/agencies')).rejects.toMatchObject({
      code: 'NETWORK',
      status: 0,
      message: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    });
  });

  it('asks the server in the UI language (rule violations come back worded in it)', async () => {
    const langs: (string | undefined)[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      langs.push((init.headers as Record<string, string>)['Accept-Language']);
      return json(200, { ok: true });
    });
    await api.get('/org/agencies');
    await i18n.changeLanguage('en');
    try {
      await api.get('/org/agencies');
      await api.post('/tasks', { title: 'Một' });
    } finally {
      await i18n.changeLanguage('vi');
    }
    expect(langs).toEqual(['vi', 'en', 'en']);
  });
});
