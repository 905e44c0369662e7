import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './args';

const spec = { instance: { type: 'string' as const }, db: { type: 'boolean' as const }, output: { type: 'string' as const, short: 'o' } };

describe('parseCliArgs (util.parseArgs with Vietnamese messages)', () => {
  it('reads --name value, --name=value, short options, flags and positionals', () => {
    expect(parseCliArgs(['--instance', 'i.json', '-o', 'r.json', '--db', 'x'], spec, { allowPositionals: true })).toEqual({
      values: { instance: 'i.json', output: 'r.json', db: true },
      positionals: ['x'],
    });
    expect(parseCliArgs(['--instance=i.json'], spec)).toEqual({ values: { instance: 'i.json' }, positionals: [] });
  });

  it('names each problem in Vietnamese', () => {
    expect(parseCliArgs(['--format', 'csv'], spec)).toBe('Tùy chọn không được hỗ trợ: --format');
    expect(parseCliArgs(['--instance'], spec)).toBe('Thiếu giá trị sau --instance.');
    expect(parseCliArgs(['--instance', '--db'], spec)).toBe('Thiếu giá trị sau --instance.');
    expect(parseCliArgs(['extra'], spec)).toBe('Thừa tham số: extra');
    expect(parseCliArgs(['--instance', 'a', '--instance', 'b'], spec)).toBe('Tùy chọn --instance được cho hai lần.');
  });
});
