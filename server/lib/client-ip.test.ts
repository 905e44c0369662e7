import { describe, expect, it } from 'vitest';
import { resolveClientIp } from './client-ip';

describe('resolveClientIp', () => {
  it('uses the socket when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(resolveClientIp('203.0.113.7', '1.2.3.4', 0)).toBe('203.0.113.7');
  });
  it('behind one trusted proxy, takes the address that proxy appended, not the client-written left-most one', () => {
    // The client forged "1.2.3.4"; the agency's nginx appended the real address 198.51.100.20.
    expect(resolveClientIp('10.0.0.2', '1.2.3.4, 198.51.100.20', 1)).toBe('198.51.100.20');
    expect(resolveClientIp('10.0.0.2', '198.51.100.20', 1)).toBe('198.51.100.20');
  });
  it('behind two proxies, goes two hops back; falls back to the socket without the header', () => {
    expect(resolveClientIp('10.0.0.3', 'forged, 198.51.100.20, 10.0.0.2', 2)).toBe('198.51.100.20');
    expect(resolveClientIp('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
  });
});
