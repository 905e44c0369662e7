// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MeResponse } from '../../../shared/contracts/auth';
import type { AppRole } from '../../../shared/domain/permissions';
import { i18n } from '../../i18n';
import { SessionProvider } from '../auth/session';
import { grantOf, meWith } from '../auth/session.fixture';
import { AgencySelect, useAgencyChoice } from './agencyChoice';

beforeAll(async () => {
  await i18n.changeLanguage('vi');
});
afterEach(cleanup);

const grant = grantOf;

const DIRECTORS: readonly AppRole[] = ['director', 'deputy_director'];

function Screen({ asked }: { asked: string | null }) {
  const { agencies, agencyId, name } = useAgencyChoice(DIRECTORS, asked);
  return (
    <>
      <p>
        chọn: {agencyId ?? '-'} · {name ?? '-'} · {agencies.map((a) => a.value).join(',')}
      </p>
      <AgencySelect agencies={agencies} value={agencyId} onChange={() => {}} />
    </>
  );
}

function renderWith(grants: MeResponse['grants'], asked: string | null) {
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <SessionProvider me={meWith(grants)}>
          <Screen asked={asked} />
        </SessionProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
}

const label = () => i18n.t('roster.agency.agencyLabel');

describe('agency choice of the roster screens', () => {
  const grants = [
    grant('office', 'snv', 'Sở Nội vụ'),
    grant('director', 'stc', 'Sở Tài chính'),
    grant('deputy_director', 'syt', 'Sở Y tế'),
    grant('director', 'stc', 'Sở Tài chính'),
  ];

  it("keeps the agencies of the screen's roles once each, and the one the address names", () => {
    renderWith(grants, 'syt');
    expect(screen.getByText('chọn: syt · Sở Y tế · stc,syt')).toBeTruthy();
    expect((screen.getByLabelText(label(), { selector: 'input' }) as HTMLInputElement).value).toBe('Sở Y tế');
  });

  it('falls back to the first when the address names an agency out of reach', () => {
    renderWith(grants, 'snv');
    expect(screen.getByText('chọn: stc · Sở Tài chính · stc,syt')).toBeTruthy();
  });

  it('shows no select for a single agency, and nothing chosen without one', () => {
    renderWith([grant('director', 'stc', 'Sở Tài chính')], null);
    expect(screen.getByText('chọn: stc · Sở Tài chính · stc')).toBeTruthy();
    expect(screen.queryByLabelText(label(), { selector: 'input' })).toBeNull();
    cleanup();
    renderWith([grant('office', 'snv', 'Sở Nội vụ')], null);
    expect(screen.getByText('chọn: - · - ·')).toBeTruthy();
  });
});
