import { describe, expect, it } from 'vitest';
import { requestLanguage } from './request-lang';

describe('requestLanguage', () => {
  it('reads the language the web sends', () => {
    expect(requestLanguage('en')).toBe('en');
    expect(requestLanguage('vi')).toBe('vi');
    expect(requestLanguage('en-US,en;q=0.9')).toBe('en');
  });
  it('takes the highest q among Vietnamese and English', () => {
    expect(requestLanguage('en;q=0.5, vi;q=0.8')).toBe('vi');
    expect(requestLanguage('fr-FR, en;q=0.4, vi-VN;q=0.3')).toBe('en');
    expect(requestLanguage('vi;q=0, en;q=0.1')).toBe('en');
  });
  it('says nothing for a missing header or other languages', () => {
    expect(requestLanguage(undefined)).toBeNull();
    expect(requestLanguage('')).toBeNull();
    expect(requestLanguage('fr, de;q=0.5')).toBeNull();
    expect(requestLanguage('*')).toBeNull();
  });
});
