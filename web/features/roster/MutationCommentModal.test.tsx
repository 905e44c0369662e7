// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { MutationCommentModal } from './MutationCommentModal';

beforeAll(async () => {
  await i18n.changeLanguage('vi');
  // happy-dom has no FontFaceSet; Mantine's autosize textarea listens to it.
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: new EventTarget() });
});
afterEach(cleanup);

/** A return dialog over a mutation that fails while `fail` says so, else answers with the comment's length. */
function Harness({ fail, log }: { fail: { now: boolean }; log: string[] }) {
  const [open, setOpen] = useState(true);
  const m = useMutation({
    mutationFn: async (v: { version: number; comment: string }) => {
      log.push(`send ${v.version} ${v.comment}`);
      if (fail.now) throw new Error('Máy chủ đang bận.');
      return v.comment.length;
    },
  });
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        mở lại
      </button>
      <span data-testid="open">{String(open)}</span>
      <MutationCommentModal
        opened={open}
        title="Trả lại lịch"
        label="Lý do trả lại"
        confirmLabel="Trả lại"
        mutation={m}
        onClose={() => setOpen(false)}
        variables={(comment) => (comment === 'bỏ qua' ? null : { version: 3, comment })}
        onDone={(n) => log.push(`done ${n}`)}
      />
    </>
  );
}

function renderHarness(fail: { now: boolean }, log: string[]) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <QueryClientProvider client={client}>
          <Harness fail={fail} log={log} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
}

const typeAndSend = (text: string) => {
  fireEvent.change(screen.getByRole('textbox', { name: /Lý do trả lại/ }), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Trả lại' }));
};

describe('MutationCommentModal', () => {
  it('sends the comment with the mutation, closes and then reports the result', async () => {
    const log: string[] = [];
    renderHarness({ now: false }, log);
    typeAndSend('  Thiếu ngày trực  ');
    await waitFor(() => expect(log).toEqual(['send 3 Thiếu ngày trực', 'done 15']));
    expect(screen.getByTestId('open').textContent).toBe('false');
  });

  it('keeps the dialog open with the error on a failure; closing forgets the error for the next opening', async () => {
    const log: string[] = [];
    const fail = { now: true };
    renderHarness(fail, log);
    typeAndSend('Thiếu ngày trực');
    expect(await screen.findByText(/Máy chủ đang bận/)).toBeTruthy();
    expect(screen.getByTestId('open').textContent).toBe('true');
    expect(log).toEqual(['send 3 Thiếu ngày trực']);
    fireEvent.click(screen.getByRole('button', { name: i18n.t('common.cancel') }));
    expect(screen.getByTestId('open').textContent).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'mở lại', hidden: true }));
    await waitFor(() => expect(screen.getByTestId('open').textContent).toBe('true'));
    expect(screen.queryByText(/Máy chủ đang bận/)).toBeNull();
  });

  it('sends nothing when there is nothing to send for the comment', async () => {
    const log: string[] = [];
    renderHarness({ now: false }, log);
    typeAndSend('bỏ qua');
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toEqual([]);
    expect(screen.getByTestId('open').textContent).toBe('true');
  });
});
