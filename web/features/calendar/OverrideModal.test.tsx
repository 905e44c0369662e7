// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { OverrideModal } from './OverrideModal';

/** The requests the form sends, answered as the server would for a saved override. */
const sent: { method: string; url: string; body: unknown }[] = [];

beforeAll(async () => {
  await i18n.changeLanguage('vi');
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    sent.push({ method: init?.method ?? 'GET', url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const body = sent.at(-1)!.body as { kind: string; name: string };
    return new Response(JSON.stringify({ date: url.slice(-10), kind: body?.kind, name: body?.name, source: null, updatedAt: new Date().toISOString() }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;
});
afterEach(() => {
  cleanup();
  sent.length = 0;
});

function wrap(node: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <QueryClientProvider client={client}>{node}</QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}

describe('calendar override modal', () => {
  it('requires a name before saving, and sends nothing until it is given', async () => {
    render(wrap(<OverrideModal target={{ row: null, date: '2027-05-03' }} onClose={() => {}} />));
    fireEvent.click(await screen.findByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Thông tin bắt buộc.')).toBeTruthy();
    expect(sent.filter((r) => r.method === 'PUT')).toEqual([]);
  });

  it('saves the override of the date with the chosen kind and name, then closes', async () => {
    let closed = false;
    render(wrap(<OverrideModal target={{ row: null, date: '2027-05-03' }} onClose={() => (closed = true)} />));
    fireEvent.click(await screen.findByRole('radio', { name: /Ngày nghỉ bù/ }));
    fireEvent.change(screen.getByRole('textbox', { name: /Tên ngày/ }), { target: { value: 'Nghỉ bù Quốc tế Lao động' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(closed).toBe(true));
    const put = sent.find((r) => r.method === 'PUT')!;
    expect(put.url).toMatch(/\/calendar\/overrides\/2027-05-03$/);
    expect(put.body).toMatchObject({ kind: 'substitute_off', name: 'Nghỉ bù Quốc tế Lao động' });
  });
});
