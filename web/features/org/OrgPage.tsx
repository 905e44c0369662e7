/**
 * Tổ chức, cán bộ: agency picker → units (with people counts) → people of a unit or the whole
 * agency; add/edit units and people, accounts, XLSX export and import. The choice of agency, unit,
 * search and filter lives in the URL (?agency=&unit=&q=&inactive=1) so that reload and links keep it.
 */
import { useUrlParams } from '../../lib/useUrlParams';
import { Button, Grid, Group, Stack } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFileExport, IconFileImport } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyView, PersonView, UnitView } from '../../../shared/contracts/org';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useSession } from '../auth/session';
import { useAgencies, useExportPeople, useUnits } from './api';
import { AgencyPicker } from './AgencyPicker';
import { ImportModal } from './ImportModal';
import { agencyOptions, defaultAgencyId } from './model';
import { PeoplePanel } from './PeoplePanel';
import { PersonModal } from './PersonModal';
import { UnitFormModal } from './UnitFormModal';
import { UnitsPanel } from './UnitsPanel';

export default function OrgPage() {
  const { t } = useTranslation();
  const agencies = useAgencies();
  return (
    <>
      <PageHeader title={t('org.title')} />
      <QueryState query={agencies}>{(list) => (list.length === 0 ? <EmptyState title={t('org.noAgencies')} /> : <OrgWorkspace agencies={list} />)}</QueryState>
    </>
  );
}

type Dialog = { kind: 'unit'; unit: UnitView | null } | { kind: 'person'; person: PersonView | null } | { kind: 'import' } | null;

function OrgWorkspace({ agencies }: { agencies: AgencyView[] }) {
  const { t } = useTranslation();
  const session = useSession();
  // Below the lg breakpoint the units become a select above the people, shown as cards on phones.
  const unitsCompact = useMediaQuery('(max-width: 74.99em)') ?? false;
  const peopleCompact = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [params, update] = useUrlParams();
  const options = useMemo(() => agencyOptions(agencies), [agencies]);
  const agencyId = defaultAgencyId(options, params.get('agency'), session.user.agencyId)!;
  const agency = agencies.find((a) => a.id === agencyId)!;
  const unitId = params.get('unit');
  const includeInactive = params.get('inactive') === '1';
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const [dialog, setDialog] = useState<Dialog>(null);
  const units = useUnits(agencyId);
  const exportXlsx = useExportPeople(agencyId);
  const canManage = session.can('org.manage');
  const canAccounts = session.can('account.manage');

  useEffect(() => {
    if ((params.get('q') ?? '') !== debouncedSearch) update({ q: debouncedSearch.trim() || null });
  }, [debouncedSearch]);

  function handleExport() {
    exportXlsx.mutate(undefined, {
      onSuccess: (filename) => notifications.show({ color: 'green', message: t('org.exported', { filename }) }),
    });
  }

  return (
    <Stack gap="md">
      <Stack gap="xs">
        <AgencyPicker options={options} value={agencyId} onChange={(id) => update({ agency: id, unit: null })} />
        <Group gap="xs" wrap="wrap">
          <Button variant="default" leftSection={<IconFileExport size={18} aria-hidden />} onClick={handleExport} loading={exportXlsx.isPending}>
            {t('org.exportXlsx')}
          </Button>
          {canManage ? (
            <Button variant="default" leftSection={<IconFileImport size={18} aria-hidden />} onClick={() => setDialog({ kind: 'import' })}>
              {t('org.import.button')}
            </Button>
          ) : null}
        </Group>
        {exportXlsx.error ? <ErrorAlert error={exportXlsx.error} /> : null}
      </Stack>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <UnitsPanel
            agencyId={agencyId}
            selectedUnitId={unitId}
            onSelect={(id) => update({ unit: id })}
            canManage={canManage}
            onAdd={() => setDialog({ kind: 'unit', unit: null })}
            onEdit={(unit) => setDialog({ kind: 'unit', unit })}
            compact={unitsCompact}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 9 }}>
          <PeoplePanel
            agencyId={agencyId}
            unitId={unitId}
            search={search}
            debouncedSearch={debouncedSearch}
            onSearch={setSearch}
            includeInactive={includeInactive}
            onIncludeInactive={(v) => update({ inactive: v ? '1' : null })}
            canManage={canManage && (units.data?.length ?? 0) > 0}
            onAdd={() => setDialog({ kind: 'person', person: null })}
            onOpen={(person) => setDialog({ kind: 'person', person })}
            compact={peopleCompact}
          />
        </Grid.Col>
      </Grid>
      <UnitFormModal
        agencyId={agencyId}
        unit={dialog?.kind === 'unit' ? dialog.unit : null}
        opened={dialog?.kind === 'unit'}
        onClose={() => setDialog(null)}
        onSaved={(u) => update({ unit: u.id })}
      />
      <PersonModal
        opened={dialog?.kind === 'person'}
        person={dialog?.kind === 'person' ? dialog.person : null}
        units={units.data ?? []}
        defaultUnitId={unitId}
        canManage={canManage}
        canAccounts={canAccounts}
        onClose={() => setDialog(null)}
      />
      {canManage ? <ImportModal agencyId={agencyId} agencyName={agency.name} opened={dialog?.kind === 'import'} onClose={() => setDialog(null)} /> : null}
    </Stack>
  );
}
