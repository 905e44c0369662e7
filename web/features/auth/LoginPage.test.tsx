// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { markSessionExpired } from './api';
import { LoginPage } from './LoginPage';

const EXPIRED = /Phiên làm việc đã kết thúc/;

beforeAll(async () => {
  await i18n.changeLanguage('vi');
});
afterEach(cleanup);

function renderLogin() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <QueryClientProvider client={client}>
          <MemoryRouter initialEntries={['/login?next=/presence']}>
            <LoginPage />
          </MemoryRouter>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
}

describe('login page', () => {
  it('says the session ended after an expiry, once (the next visit shows the plain form)', async () => {
    markSessionExpired();
    renderLogin();
    expect((await screen.findByRole('status')).textContent).toMatch(EXPIRED);
    cleanup();
    renderLogin();
    await screen.findByRole('textbox', { name: /Tên đăng nhập/ });
    expect(screen.queryByText(EXPIRED)).toBeNull();
  });
});
