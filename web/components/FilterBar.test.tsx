// @vitest-environment happy-dom
import { MantineProvider, Select } from '@mantine/core';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FilterBar, SearchInput, useSearchText } from './FilterBar';

afterEach(cleanup);

const wrap = (node: ReactNode) => <MantineProvider>{node}</MantineProvider>;

/** A list's filters as the screens use them: the search text kept in `q` (the address), one select, a switch-like extra. */
function Bar({ compact, extra, commits }: { compact: boolean; extra?: ReactNode; commits: string[] }) {
  const [url, setUrl] = useState({ q: 'cũ', status: 'open' });
  const [q, setQ] = useSearchText(url.q, (typed) => {
    commits.push(typed);
    setUrl((u) => ({ ...u, q: typed.trim() }));
  });
  const set = Boolean(url.q || url.status);
  return (
    <>
      <FilterBar
        label="Bộ lọc"
        compact={compact}
        moreId="x-more"
        search={<SearchInput label="Tìm kiếm" placeholder="Tên, số hiệu" value={q} onChange={setQ} />}
        filters={<Select label="Trạng thái" data={['open', 'done']} value={url.status || null} onChange={(v) => setUrl((u) => ({ ...u, status: v ?? '' }))} />}
        extra={extra}
        moreCount={url.status ? 1 : 0}
        clear={set ? { label: 'Xóa bộ lọc', onClear: () => setUrl({ q: '', status: '' }) } : null}
        lgCols={4}
      />
      <output>url q={url.q}</output>
    </>
  );
}

describe('FilterBar', () => {
  it('wide: a search landmark with the search box and the filters; the clear button only while a filter is set', () => {
    render(wrap(<Bar compact={false} commits={[]} />));
    const bar = screen.getByRole('search', { name: 'Bộ lọc' });
    const box = within(bar).getByRole('searchbox', { name: 'Tìm kiếm' }) as HTMLInputElement;
    expect(box.value).toBe('cũ');
    expect(box.maxLength).toBe(200);
    expect(within(bar).getByPlaceholderText('Tên, số hiệu')).toBeTruthy();
    expect(within(bar).getByLabelText('Trạng thái', { selector: 'input' })).toBeTruthy();
    expect(within(bar).queryByRole('button', { name: /Bộ lọc/ })).toBeNull();
    fireEvent.click(within(bar).getByRole('button', { name: 'Xóa bộ lọc' }));
    expect(screen.getByText('url q=')).toBeTruthy();
    expect(within(bar).queryByRole('button', { name: 'Xóa bộ lọc' })).toBeNull();
    // A change of the address from elsewhere (the clear) shows in the box.
    expect(box.value).toBe('');
  });

  it('wide: the extra filter stands under the grid, beside the clear button', () => {
    render(wrap(<Bar compact={false} extra={<span>Quá hạn</span>} commits={[]} />));
    const bar = screen.getByRole('search', { name: 'Bộ lọc' });
    expect(within(bar).getByText('Quá hạn').parentElement).toBe(within(bar).getByRole('button', { name: 'Xóa bộ lọc' }).parentElement);
  });

  it('phone: the search, then a button with the count of set filters that opens the others', () => {
    render(wrap(<Bar compact extra={<span>Quá hạn</span>} commits={[]} />));
    const bar = screen.getByRole('search', { name: 'Bộ lọc' });
    const toggle = within(bar).getByRole('button', { name: 'Bộ lọc (1)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe('x-more');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const more = bar.querySelector('#x-more')!;
    expect(within(more as HTMLElement).getByText('Quá hạn')).toBeTruthy();
    expect(within(more as HTMLElement).getByLabelText('Trạng thái', { selector: 'input' })).toBeTruthy();
  });

  it('the typed search goes to the address once it settles, not when only spaces differ', () => {
    vi.useFakeTimers();
    try {
      const commits: string[] = [];
      render(wrap(<Bar compact={false} commits={commits} />));
      const box = screen.getByRole('searchbox', { name: 'Tìm kiếm' });
      fireEvent.change(box, { target: { value: 'cũ  ' } });
      act(() => void vi.advanceTimersByTime(400));
      expect(commits).toEqual([]);
      fireEvent.change(box, { target: { value: 'công' } });
      fireEvent.change(box, { target: { value: 'công văn ' } });
      expect(commits).toEqual([]);
      act(() => void vi.advanceTimersByTime(400));
      expect(commits).toEqual(['công văn ']);
      expect(screen.getByText('url q=công văn')).toBeTruthy();
      // The address now holds the trimmed text: the box keeps what was typed.
      expect((box as HTMLInputElement).value).toBe('công văn ');
    } finally {
      vi.useRealTimers();
    }
  });
});
