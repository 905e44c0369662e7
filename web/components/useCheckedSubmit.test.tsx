// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import type { FormEvent } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api';
import { useCheckedSubmit } from './useCheckedSubmit';

const event = () => {
  let prevented = false;
  return { e: { preventDefault: () => (prevented = true) } as unknown as FormEvent, prevented: () => prevented };
};

describe('useCheckedSubmit', () => {
  it('a text that does not read puts the message on the field and sends nothing; a good one clears it and is sent', () => {
    const sent: (string | null)[] = [];
    let text = '31/02';
    const read = () => (text === '31/02' ? undefined : text ? text : null);
    const { result } = renderHook(() => useCheckedSubmit({ error: null, read, bad: undefined, message: 'Ngày không hợp lệ.', send: (v) => sent.push(v) }));
    const first = event();
    act(() => result.current.submit(first.e));
    expect(first.prevented()).toBe(true);
    expect(result.current.fieldError).toBe('Ngày không hợp lệ.');
    expect(sent).toEqual([]);
    // null is not the bad value here: an empty text is sent as "no day".
    text = '';
    act(() => result.current.submit(event().e));
    expect(result.current.fieldError).toBeNull();
    expect(sent).toEqual([null]);
  });

  it('with null as the bad value, an empty text ("") reads and is sent', () => {
    const sent: string[] = [];
    const { result } = renderHook(() => useCheckedSubmit({ error: null, read: () => '', bad: null, message: 'x', send: (v) => sent.push(v) }));
    act(() => result.current.submit(event().e));
    expect(sent).toEqual(['']);
    expect(result.current.fieldError).toBeNull();
  });

  it("gives the field errors of the server's refusal by field name, none for another error", () => {
    const refusal = new ApiError({
      status: 400,
      code: 'VALIDATION',
      message: 'Dữ liệu không hợp lệ.',
      issues: [
        { path: 'body.carryOverUntil', message: 'Ngày không có trong năm.' },
        { path: 'body.carryOverMaxDays', message: 'Tối đa 30.' },
      ],
    });
    const args = { read: () => 'a', bad: null, message: 'x', send: () => {} };
    expect(renderHook(() => useCheckedSubmit({ ...args, error: refusal })).result.current.server).toEqual({
      carryOverUntil: 'Ngày không có trong năm.',
      carryOverMaxDays: 'Tối đa 30.',
    });
    expect(renderHook(() => useCheckedSubmit({ ...args, error: new Error('mạng') })).result.current.server).toEqual({});
  });
});
