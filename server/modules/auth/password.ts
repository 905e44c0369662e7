/** Password hashing with argon2id (OWASP ASVS L2). */
import { hash, verify } from '@node-rs/argon2';

// Algorithm 2 = Argon2id; OWASP minimums: m=19 MiB, t=2, p=1.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/**
 * At most ARGON2_MAX_PARALLEL verifications run at once in this process (each takes ~19 MiB and a core for
 * ~50 ms): a burst of logins queues instead of exhausting memory and starving other requests.
 */
export const ARGON2_MAX_PARALLEL = 4;
let running = 0;
const waiting: (() => void)[] = [];
/** Verifications done since start (tests check that throttled attempts never reach argon2). */
export const argon2Stats = { verifications: 0, maxRunning: 0 };

async function withArgon2Slot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= ARGON2_MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  argon2Stats.maxRunning = Math.max(argon2Stats.maxRunning, running);
  try {
    return await fn();
  } finally {
    const nextWaiter = waiting.shift();
    // The slot passes to the next waiter as it is (running unchanged), or is freed.
    if (nextWaiter) nextWaiter();
    else running--;
  }
}

export function verifyPassword(hashed: string, password: string): Promise<boolean> {
  return withArgon2Slot(async () => {
    argon2Stats.verifications++;
    try {
      return await verify(hashed, password);
    } catch {
      return false;
    }
  });
}

/** A hash of a random password, verified against unknown usernames so that timing does not reveal them. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}`);
  return dummyHash;
}

/** Password policy: length-based (ASVS 2.1.1), not the username, not a trivially common one. */
export function passwordProblems(password: string, username: string): string | null {
  if (password.length < 12) return 'Mật khẩu cần ít nhất 12 ký tự.';
  if (password.toLowerCase().includes(username.toLowerCase())) return 'Mật khẩu không được chứa tên đăng nhập.';
  if (/^(.)\1+$/.test(password) || COMMON.has(password.toLowerCase())) return 'Mật khẩu quá dễ đoán.';
  return null;
}

const COMMON = new Set(['123456789012', 'password1234', 'matkhau12345', 'qwertyuiop12', '111111111111', 'abc123456789']);
