/**
 * The server secret and what is derived from it: signatures of device cookies (HMAC-SHA256) and the
 * encryption of TOTP secrets at rest (AES-256-GCM). AUTH_SECRET when set (the same on every app server);
 * otherwise a random one generated once into DATA_DIR/auth-secret (mode 0600); a fixed one in tests.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config';
import { AppError } from '../../lib/errors';

/** The secret of NODE_ENV=test without AUTH_SECRET (test support computes with it). */
export const TEST_AUTH_SECRET = 'congvu-test-secret-never-use-in-production-000000';

const secrets = new WeakMap<Config, Buffer>();

function fileSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, 'auth-secret');
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'utf8');
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'utf8');
  }
}

export function serverSecret(config: Config): Buffer {
  let s = secrets.get(config);
  if (!s) {
    s = config.AUTH_SECRET
      ? Buffer.from(config.AUTH_SECRET, 'utf8')
      : config.NODE_ENV === 'test'
        ? Buffer.from(TEST_AUTH_SECRET, 'utf8')
        : fileSecret(config.dataDir);
    secrets.set(config, s);
  }
  return s;
}

/** A key for one purpose, so that a signature of one kind is never valid as another. */
function subkey(config: Config, purpose: string): Buffer {
  return createHmac('sha256', serverSecret(config)).update(`congvu:${purpose}`).digest();
}

export function sign(config: Config, purpose: string, value: string): string {
  return createHmac('sha256', subkey(config, purpose)).update(value).digest('base64url');
}

export function verifySignature(config: Config, purpose: string, value: string, signature: string): boolean {
  const expected = Buffer.from(sign(config, purpose, value));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** `v1.<iv>.<tag>.<ciphertext>` (base64url), AES-256-GCM with the TOTP key. */
export function encryptText(config: Config, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', subkey(config, 'totp-secret'), iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

/** The plain text; an AppError INTERNAL (with what to check) when the server secret is not the one that encrypted it. */
export function decryptText(config: Config, stored: string): string {
  try {
    const [v, iv, tag, ct] = stored.split('.');
    if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('decryptText: unknown format');
    const decipher = createDecipheriv('aes-256-gcm', subkey(config, 'totp-secret'), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  } catch (err) {
    console.error('TOTP secret cannot be decrypted (AUTH_SECRET changed or differs between servers?):', err instanceof Error ? err.message : err);
    throw new AppError('INTERNAL', 'Không đọc được khóa xác thực hai bước (khóa máy chủ AUTH_SECRET đã thay đổi?). Liên hệ quản trị hệ thống.');
  }
}
