// @vitest-environment happy-dom
/** The shared frame of the two province home cards (ProvinceRootsCard, RootBlock, SentProgress), through both cards. */
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MeResponse } from '../../../../shared/contracts/auth';
import { i18n } from '../../../i18n';
import { SessionProvider } from '../../auth/session';
import { grantOf, meWith } from '../../auth/session.fixture';
import ProvinceFollowCard from './ProvinceFollowCard';
import ProvinceReportsCard from './ProvinceReportsCard';

const grant = grantOf;

const agency = (id: string, path: string) => ({
  id,
  parentId: null,
  path,
  name: id,
  shortName: null,
  code: null,
  kind: 'department',
  district: null,
  province: null,
  address: null,
  version: 1,
});

const followRow = (agencyId: string, sent: boolean, published: boolean) => ({
  agencyId,
  name: agencyId,
  period: null,
  published,
  sent: sent ? 'onTime' : 'pending',
  lastSent: sent ? { id: `s-${agencyId}` } : null,
  outdated: false,
  homeShare: null,
  lastRemindedAt: null,
});

/** What the server answers per path and province (rootId). */
function answer(url: URL): unknown {
  const root = url.searchParams.get('rootId');
  if (url.pathname === '/api/org/agencies') return { agencies: [agency('nt-snv', '/nt/nt-snv/'), agency('th-snv', '/th/th-snv/')] };
  if (url.pathname === '/api/reports/submissions') {
    return root === 'nt'
      ? {
          date: '2026-11-24',
          agencies: [
            { agencyId: 'a', name: 'Sở Tài chính', sentAt: '2026-11-24T09:00:00.000Z' },
            { agencyId: 'b', name: 'Sở Y tế', sentAt: null },
          ],
        }
      : { date: '2026-11-24', agencies: [] };
  }
  if (url.pathname === '/api/reports/follow') {
    const rows = root === 'nt' ? [followRow('a', true, true), followRow('b', true, true)] : [followRow('c', false, false)];
    return { rootId: root, from: '2026-11-23', to: '2026-11-29', now: '2026-11-24T02:00:00.000Z', deadline: null, rows };
  }
  throw new Error(`unexpected ${url}`);
}

beforeAll(async () => {
  await i18n.changeLanguage('vi');
  globalThis.fetch = (async (input: RequestInfo | URL) => {
    const body = answer(new URL(String(input), 'http://localhost'));
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
});
afterEach(cleanup);

function wrap(grants: MeResponse['grants'], node: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <QueryClientProvider client={client}>
          <MemoryRouter>
            <SessionProvider me={meWith(grants, 'nt-snv')}>{node}</SessionProvider>
          </MemoryRouter>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}

const twoProvinces = [grant('province', 'th', 'UBND tỉnh Thanh Hóa'), grant('province', 'nt', 'UBND tỉnh Ninh Thuận')];

describe('province home cards', () => {
  it('say so when the user compiles no province', () => {
    render(wrap([grant('office', 'nt-snv', 'Sở Nội vụ')], <ProvinceReportsCard />));
    expect(screen.getByText(i18n.t('reports.card.noAgency'))).toBeTruthy();
  });

  it('16:00 reports: one named block per province, own province first, with its status line, the missing names and its link', async () => {
    render(wrap(twoProvinces, <ProvinceReportsCard />));
    const line = await screen.findByText(i18n.t('reports.card.provinceLine', { sent: 1, total: 2 }));
    expect(line.getAttribute('role')).toBe('status');
    expect(await screen.findByText(i18n.t('reports.card.missing', { names: 'Sở Y tế' }))).toBeTruthy();
    expect(await screen.findByText(i18n.t('reports.card.provinceNone'))).toBeTruthy();
    // The user's agency is in Ninh Thuận: that province comes first, each block named.
    await waitFor(() => expect(screen.getAllByText(/^UBND tỉnh/).map((e) => e.textContent)).toEqual(['UBND tỉnh Ninh Thuận', 'UBND tỉnh Thanh Hóa']));
    const links = screen.getAllByRole('link', { name: i18n.t('reports.card.openProvince') }).map((a) => a.getAttribute('href'));
    expect(links).toEqual([expect.stringMatching(/^\/reports\/province\?rootId=nt&date=\d{4}-\d{2}-\d{2}$/), expect.stringMatching(/rootId=th&/)]);
  });

  it('follow of the plans: the same frame, unnamed for a single province, with its own lines and link', async () => {
    render(wrap([grant('province', 'th', 'UBND tỉnh Thanh Hóa')], <ProvinceFollowCard />));
    const line = await screen.findByText(i18n.t('reports.followCard.line', { sent: 0, total: 1 }));
    expect(line.getAttribute('role')).toBe('status');
    expect(screen.getByText(i18n.t('reports.followCard.noRoster', { n: 1 }))).toBeTruthy();
    expect(screen.getByText(i18n.t('reports.followCard.noDeadline'))).toBeTruthy();
    expect(screen.queryByText('UBND tỉnh Thanh Hóa')).toBeNull();
    expect(screen.getByRole('link', { name: i18n.t('reports.followCard.open') }).getAttribute('href')).toBe('/reports/province/follow?rootId=th');
  });

  it('follow of the plans says all is well when every agency sent and has a roster', async () => {
    render(wrap([grant('province', 'nt', 'UBND tỉnh Ninh Thuận')], <ProvinceFollowCard />));
    expect(await screen.findByText(i18n.t('reports.followCard.allGood'))).toBeTruthy();
  });
});
