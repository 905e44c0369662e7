// @vitest-environment happy-dom
/** Shared report parts: the flags panel (its two lists) and the province/day picker kept in the URL. */
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FlagRow, ReportNames } from '../../../shared/domain/reports';
import { vnDate } from '../../components/dates';
import { i18n } from '../../i18n';
import { FlagsPanel, ProvinceDayPicker, useProvinceChoice } from './parts';
import { ReportScopeContext, type ReportScope } from './scope';

beforeAll(async () => {
  await i18n.changeLanguage('vi');
});
afterEach(cleanup);

const names: ReportNames = {
  agencies: { ag1: 'Sở Nội vụ' },
  units: { u1: 'Văn phòng Sở' },
  people: { p1: 'Trần Văn A', p2: 'Lê Thị B' },
};
const flag = (personId: string, assigned: number, processed: number, extra: Partial<FlagRow> = {}): FlagRow => ({
  personId,
  unitId: 'u1',
  agencyId: 'ag1',
  wfhDays: 2,
  assigned,
  processed,
  ...extra,
});

function Location() {
  const l = useLocation();
  return <output data-testid="search">{l.search}</output>;
}

function wrap(node: ReactNode, url = '/reports/province', roots: ReportScope['roots'] = []) {
  const scope: ReportScope = { agencies: [], options: [], ownAgencyId: null, roots };
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <MemoryRouter initialEntries={[url]}>
          <ReportScopeContext.Provider value={scope}>
            {node}
            <Location />
          </ReportScopeContext.Provider>
        </MemoryRouter>
      </MantineProvider>
    </I18nextProvider>
  );
}

describe('FlagsPanel', () => {
  it('two sections named by their headings, each with its count, hint and people; the evidence only under "Xem xét xử lý"', () => {
    const flags = {
      noProcessing: [flag('p1', 4, 0, { homeDays: ['2026-11-23'], openTasks: [{ id: 't1', title: 'Báo cáo quý', dueDate: null }] })],
      commendation: [flag('p2', 3, 3)],
    };
    render(wrap(<FlagsPanel flags={flags} names={names} withAgency level={4} />));
    const review = screen.getByRole('region', { name: 'Xem xét xử lý' });
    expect(within(review).getByRole('heading', { level: 4 })).toBeTruthy();
    expect(within(review).getByText('1')).toBeTruthy();
    expect(within(review).getByText(/mục 1.5 Công văn/)).toBeTruthy();
    const item = within(review).getAllByRole('listitem')[0]!;
    expect(within(item).getByText('Trần Văn A')).toBeTruthy();
    expect(within(item).getByText('Văn phòng Sở · Sở Nội vụ')).toBeTruthy();
    expect(within(item).getByText('0/4 nhiệm vụ đã xử lý')).toBeTruthy();
    expect(within(item).getByText('23/11/2026')).toBeTruthy();
    expect(within(item).getByRole('link', { name: 'Báo cáo quý' }).getAttribute('href')).toBe('/tasks/t1');
    expect(review.querySelector('ul')).toBeTruthy();

    const commend = screen.getByRole('region', { name: 'Đề xuất khen thưởng' });
    expect(commend.querySelector('ol')).toBeTruthy();
    expect(within(commend).getByText('Lê Thị B')).toBeTruthy();
    expect(within(commend).getByText('3/3 nhiệm vụ đã xử lý')).toBeTruthy();
    expect(within(commend).getByText('Văn phòng Sở · Sở Nội vụ')).toBeTruthy();
    expect(within(commend).queryByText(/Ngày làm việc tại nhà/)).toBeNull();
  });

  it('says "nobody" in each empty list, and names only the unit without withAgency', () => {
    render(wrap(<FlagsPanel flags={{ noProcessing: [], commendation: [flag('p2', 3, 3)] }} names={names} />));
    expect(screen.getByText('Không có cán bộ nào cần xem xét xử lý.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Đề xuất khen thưởng' })).toBeTruthy();
    expect(screen.getByText('Văn phòng Sở')).toBeTruthy();
  });
});

function Picker({ label }: { label: string }) {
  const choice = useProvinceChoice();
  return (
    <>
      <ProvinceDayPicker choice={choice} dateLabel={label} />
      <p>
        chọn: {choice.root?.name ?? '-'} {choice.date}
      </p>
    </>
  );
}

describe('province and day picker', () => {
  const roots = [
    { id: 'nt', name: 'UBND tỉnh Ninh Thuận' },
    { id: 'th', name: 'UBND tỉnh Thanh Hóa' },
  ];

  it('one province: no choice; the day of the URL, and back to today drops it from the URL', () => {
    render(wrap(<Picker label="Tuần có ngày" />, '/reports/province?date=2026-11-24', [roots[0]!]));
    expect(screen.queryByLabelText(i18n.t('reports.province'), { selector: 'input' })).toBeNull();
    expect(screen.getByText('chọn: UBND tỉnh Ninh Thuận 2026-11-24')).toBeTruthy();
    expect((screen.getByLabelText('Tuần có ngày') as HTMLInputElement).value).toBe('24/11/2026');
    fireEvent.click(screen.getByRole('button', { name: i18n.t('reports.nextDay') }));
    expect(screen.getByTestId('search').textContent).toBe('?date=2026-11-25&rootId=nt');
    fireEvent.click(screen.getByRole('button', { name: i18n.t('reports.today') }));
    expect(screen.getByTestId('search').textContent).toBe('?rootId=nt');
    expect(screen.getByText(`chọn: UBND tỉnh Ninh Thuận ${vnDate()}`)).toBeTruthy();
  });

  it('several provinces: a choice, the one of the URL when the user compiles it, else the first', () => {
    render(wrap(<Picker label="Ngày" />, '/reports/province?rootId=th', roots));
    expect((screen.getByLabelText(i18n.t('reports.province'), { selector: 'input' }) as HTMLInputElement).value).toBe('UBND tỉnh Thanh Hóa');
    cleanup();
    render(wrap(<Picker label="Ngày" />, '/reports/province?rootId=hd', roots));
    expect((screen.getByLabelText(i18n.t('reports.province'), { selector: 'input' }) as HTMLInputElement).value).toBe('UBND tỉnh Ninh Thuận');
  });
});
