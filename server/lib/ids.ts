import { randomBytes, randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

// Ids take their randomness from a pool refilled 256 ids at a time (one call to the system's generator).
const pool = Buffer.alloc(16 * 256);
let used = pool.length;

/** A random id such as `per_k3j9x0a1b2c3d4e5`, optionally with a readable prefix. */
export function newId(prefix?: string): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const start = used;
  used += 16;
  let s = '';
  for (let i = start; i < start + 16; i++) s += ALPHABET[pool[i]! % 36];
  return prefix ? `${prefix}_${s}` : s;
}

/** A URL-safe random token (sessions, CSRF). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
