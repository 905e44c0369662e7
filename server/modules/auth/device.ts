/**
 * The "known device" cookie: after a successful login the browser keeps a long-lived, httpOnly cookie
 * signed with the server secret (HMAC-SHA256), naming the device and the accounts that logged in from it.
 * A right password from a known device of the account is throttled on that device's own window, so
 * failures from other addresses and devices (an attacker locking the account) do not lock its owner out.
 */
import type { Config } from '../../config';
import { newId } from '../../lib/ids';
import { sign, verifySignature } from './secret';

export const DEVICE_COOKIE = 'congvu_device';
/** Browsers keep a cookie at most 400 days. */
export const DEVICE_MAX_AGE_SECONDS = 400 * 86_400;
const MAX_ACCOUNTS = 10;

export interface Device {
  id: string;
  /** User ids that logged in from this device, the latest last. */
  users: string[];
}

export function readDevice(config: Config, value: string | undefined): Device | null {
  if (!value) return null;
  const [payload, signature] = value.split('.');
  if (!payload || !signature || !verifySignature(config, 'device', payload, signature)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { d?: unknown; u?: unknown };
    if (typeof parsed.d !== 'string' || !Array.isArray(parsed.u) || !parsed.u.every((x) => typeof x === 'string')) return null;
    return { id: parsed.d, users: parsed.u as string[] };
  } catch {
    return null;
  }
}

/** The cookie value of this device (a new one when absent) with the account added. */
export function deviceWith(config: Config, device: Device | null, userId: string): string {
  const users = [...(device?.users ?? []).filter((u) => u !== userId), userId].slice(-MAX_ACCOUNTS);
  const payload = Buffer.from(JSON.stringify({ d: device?.id ?? newId('dev'), u: users })).toString('base64url');
  return `${payload}.${sign(config, 'device', payload)}`;
}
