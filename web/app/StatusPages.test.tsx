// @vitest-environment happy-dom
/** The empty pages share one frame: page heading, the message with its title and text, the way home on dead ends. */
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { ForbiddenPage, NotFoundPage, PlaceholderPage } from './StatusPages';

beforeAll(async () => {
  await i18n.changeLanguage('vi');
});
afterEach(cleanup);

const wrap = (node: ReactNode) => (
  <I18nextProvider i18n={i18n}>
    <MantineProvider>
      <MemoryRouter>{node}</MemoryRouter>
    </MantineProvider>
  </I18nextProvider>
);

describe('status pages', () => {
  it('not found: the heading and the message say so, with the way home', () => {
    render(wrap(<NotFoundPage />));
    expect(screen.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' })).toBeTruthy();
    expect(screen.getByText(/Địa chỉ này không có trong hệ thống/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Về Trang chủ' }).getAttribute('href')).toBe('/');
    expect(document.title).toMatch(/^Không tìm thấy trang – /);
  });

  it('forbidden: the heading and the message say so, with the way home', () => {
    render(wrap(<ForbiddenPage />));
    expect(screen.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' })).toBeTruthy();
    expect(screen.getByText(/Vai trò của bạn không được dùng màn hình này/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Về Trang chủ' })).toBeTruthy();
  });

  it('placeholder: the screen keeps its own heading, the message says it is being built, no way home', () => {
    render(wrap(<PlaceholderPage title="home" />));
    expect(screen.getByRole('heading', { level: 1, name: i18n.t('nav.home') })).toBeTruthy();
    expect(screen.getByText('Đang xây dựng')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Về Trang chủ' })).toBeNull();
  });
});
