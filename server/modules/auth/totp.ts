/**
 * Two-factor login with TOTP (RFC 6238: SHA-1, 6 digits, 30 s, as phone authenticator apps expect),
 * with otplib. Codes of the previous and next step are accepted (clock drift); a step once accepted is
 * never accepted again for the account (replay, RFC 6238 §5.2). Recovery codes: 10 single-use random
 * codes of 50 bits, stored as SHA-256.
 */
import { createHash, randomBytes } from 'node:crypto';
import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { AppRole, Grant } from '../../../shared/domain/permissions';

export const TOTP_PERIOD = 30;
export const TOTP_ISSUER = 'Congvu';
export const RECOVERY_CODE_COUNT = 10;

/** Roles whose accounts must use two-factor login: they administer accounts or lead an agency or the province. */
export const TOTP_REQUIRED_ROLES: readonly AppRole[] = ['admin', 'it', 'director', 'deputy_director', 'province'];

export function totpRequiredFor(grants: readonly Pick<Grant, 'role'>[]): boolean {
  return grants.some((g) => TOTP_REQUIRED_ROLES.includes(g.role));
}

export const newTotpSecret = (): string => generateSecret({ length: 20 });

export function otpauthUrl(username: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: username, secret });
}

export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

export const stepOf = (now: Date): number => Math.floor(now.getTime() / 1000 / TOTP_PERIOD);

/** The code of a secret at an instant (tests and the demo use it). */
export function totpCode(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/** The time step the code belongs to (within one step of now), or null. */
export async function matchTotp(secret: string, code: string, now: Date): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = await verify({ secret, token, epoch: Math.floor(now.getTime() / 1000), epochTolerance: TOTP_PERIOD });
    return result.valid ? (result as { timeStep: number }).timeStep : null;
  } catch {
    return null;
  }
}

const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** "K7M2Q-ZP4XW": 10 characters of a 32-letter alphabet (50 bits). */
export function newRecoveryCodes(n = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: n }, () => {
    const bytes = randomBytes(10);
    const s = [...bytes].map((b) => RECOVERY_ALPHABET[b % 32]).join('');
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  });
}

export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256')
    .update(`congvu-recovery:${normalizeRecoveryCode(code)}`)
    .digest('hex');
}
