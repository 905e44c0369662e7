// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SummonsView } from '../../../shared/contracts/presence';
import { i18n } from '../../i18n';
import { SummonsBanner } from './SummonsBanner';

const summons: SummonsView = {
  id: 'sum-1',
  personId: 'p1',
  personName: 'Nguyễn Thị An',
  agencyId: 'ag',
  unitId: 'u',
  calledByUserId: 'u-head',
  calledByName: 'Trần Văn Bình',
  reason: 'Họp gấp về hồ sơ dự án',
  requiredAt: '2026-11-24T07:00:00.000Z',
  createdAt: '2026-11-24T02:00:00.000Z',
  acknowledgedAt: null,
  escalatedAt: null,
  declinedAt: null,
  declineReason: null,
  status: 'pending',
};

/** The requests the banner sends; a decline is answered as the server does. */
const sent: { method: string; url: string; body: any }[] = [];

beforeAll(async () => {
  await i18n.changeLanguage('vi');
  // happy-dom has no FontFaceSet; Mantine's autosize textarea listens to it.
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: new EventTarget() });
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    sent.push({ method: init?.method ?? 'GET', url: String(input), body });
    const answer = { ...summons, status: 'declined', declinedAt: '2026-11-24T03:00:00.000Z', declineReason: body?.reason ?? null };
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
});
afterEach(() => {
  cleanup();
  sent.length = 0;
});

describe('summons banner: "Không thể đến"', () => {
  it('requires a reason of at least 3 characters, then sends it', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
    render(
      <I18nextProvider i18n={i18n}>
        <MantineProvider>
          <QueryClientProvider client={client}>
            <MemoryRouter>
              <SummonsBanner summons={[summons]} day="2026-11-24" />
            </MemoryRouter>
          </QueryClientProvider>
        </MantineProvider>
      </I18nextProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: /Trả lời không thể đến/ }));
    const dialog = await screen.findByRole('dialog');
    const reason = within(dialog).getByRole('textbox', { name: /Lý do không thể đến/ });
    fireEvent.change(reason, { target: { value: 'ab' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Gửi trả lời' }));
    expect(await within(dialog).findByText('Nhập lý do (ít nhất 3 ký tự).')).toBeTruthy();
    expect(sent.filter((r) => r.method === 'POST')).toEqual([]);
    fireEvent.change(reason, { target: { value: 'Đang đưa con đi viện' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Gửi trả lời' }));
    await waitFor(() => expect(sent.some((r) => r.method === 'POST')).toBe(true));
    const post = sent.find((r) => r.method === 'POST')!;
    expect(post.url).toMatch(/\/presence\/summons\/sum-1\/decline$/);
    expect(post.body).toEqual({ reason: 'Đang đưa con đi viện' });
  });
});
