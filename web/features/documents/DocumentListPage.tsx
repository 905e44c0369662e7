/**
 * Văn bản đến, Văn bản đi (dự thảo / sổ văn bản đi), Chờ tôi xử lý / ký, Văn bản mật: search (with or
 * without diacritics, done by the server), filters kept in the address (độ khẩn, trạng thái, hạn xử
 * lý), the register export (XLSX) and the main action (vào sổ / soạn dự thảo). Table on a desktop,
 * cards on a phone.
 */
import { Button, Select, Stack, Tabs, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications as toasts } from '@mantine/notifications';
import { IconFileSpreadsheet, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { URGENCIES } from '../../../shared/domain/documents/vocab';
import { EmptyState } from '../../components/EmptyState';
import { FilterBar, SearchInput, useSearchText } from '../../components/FilterBar';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useUrlParams } from '../../lib/useUrlParams';
import { useSession } from '../auth/session';
import { exportRegister, useDocumentList } from './api';
import {
  DUE_FILTERS,
  filtersFromParams,
  filtersToChanges,
  hasFilters,
  listQueryOf,
  matchesDue,
  PAGE_SIZE,
  registerOfBox,
  statusOptions,
  type Box,
  type DocFilters,
} from './model';
import { DocumentCards, DocumentTable, useLooseT } from './parts';

export function DocumentListPage({ box }: { box: Box }) {
  const { t } = useTranslation();
  const session = useSession();
  const compact = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [params, setParams] = useUrlParams();
  const filters = filtersFromParams(params);
  const update = (patch: Partial<DocFilters>) => setParams(filtersToChanges(patch));
  const list = useDocumentList(listQueryOf(box, filters));
  const register = registerOfBox(box);
  const agencyId = session.user.agencyId;
  const canExport = !!register && !!agencyId && session.canAny(['document.read', 'document.register']);
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);

  async function doExport() {
    if (!register || !agencyId) return;
    setExportError(null);
    setExporting(true);
    try {
      const file = await exportRegister(agencyId, register, new Date().getFullYear());
      toasts.show({ color: 'green', message: t('documents.list.exported', { file }) });
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  }

  const actions = (
    <>
      {box === 'incoming' && session.can('document.register') ? (
        <Button component={Link} to="/documents/incoming/new" leftSection={<IconPlus size={18} aria-hidden />}>
          {t('documents.list.newIncoming')}
        </Button>
      ) : null}
      {box === 'outgoing' && session.can('document.draft') ? (
        <Button component={Link} to="/documents/outgoing/new" leftSection={<IconPlus size={18} aria-hidden />}>
          {t('documents.list.newOutgoing')}
        </Button>
      ) : null}
      {canExport ? (
        <Button variant="default" leftSection={<IconFileSpreadsheet size={18} aria-hidden />} onClick={() => void doExport()} loading={exporting}>
          {t('documents.list.export')}
        </Button>
      ) : null}
    </>
  );

  return (
    <>
      <PageHeader title={t(`documents.boxes.${box}`)} description={t(`documents.descriptions.${box}`)} actions={actions} />
      {exportError ? <ErrorAlert error={exportError} /> : null}
      {box === 'outgoing' ? (
        <Tabs value={filters.view} onChange={(v) => update({ view: v === 'register' ? 'register' : 'drafts', status: '' })} keepMounted={false}>
          <Tabs.List aria-label={t('documents.list.tabsLabel')} mb="md">
            <Tabs.Tab value="drafts">{t('documents.list.tabDrafts')}</Tabs.Tab>
            <Tabs.Tab value="register">{t('documents.list.tabRegister')}</Tabs.Tab>
          </Tabs.List>
        </Tabs>
      ) : null}
      <Stack gap="md">
        <Filters box={box} filters={filters} update={update} compact={compact} />
        <QueryState query={list} skeletonRows={6}>
          {(data) => {
            const docs = data.documents.filter((d) => matchesDue(d, filters.due, data.today));
            return (
              <>
                <Text size="sm" c="dimmed" role="status">
                  {t('documents.list.total', { count: filters.due ? docs.length : data.total })}
                  {filters.due && data.total > PAGE_SIZE ? ` · ${t('documents.filters.dueHint', { count: PAGE_SIZE })}` : ''}
                </Text>
                {docs.length === 0 ? (
                  <EmptyState
                    title={
                      hasFilters(filters) ? t('documents.list.emptyFiltered') : box === 'waiting' ? t('documents.list.emptyWaiting') : t('documents.list.empty')
                    }
                  />
                ) : compact ? (
                  <DocumentCards docs={docs} />
                ) : (
                  <DocumentTable docs={docs} />
                )}
              </>
            );
          }}
        </QueryState>
      </Stack>
    </>
  );
}

function Filters({ box, filters, update, compact }: { box: Box; filters: DocFilters; update: (p: Partial<DocFilters>) => void; compact: boolean }) {
  const { t } = useTranslation();
  const tl = useLooseT();
  const [q, setQ] = useSearchText(filters.q, (typed) => update({ q: typed.trim() }));

  const search = <SearchInput label={t('documents.filters.search')} placeholder={t('documents.filters.searchPlaceholder')} value={q} onChange={setQ} />;
  const rest = (
    <>
      <Select
        label={t('documents.filters.urgency')}
        data={[{ value: '', label: t('documents.filters.urgencyAll') }, ...URGENCIES.map((u) => ({ value: u, label: t(`documents.urgency.${u}`) }))]}
        value={filters.urgency}
        onChange={(v) => update({ urgency: (v ?? '') as DocFilters['urgency'] })}
        allowDeselect={false}
      />
      <Select
        label={t('documents.filters.status')}
        data={[
          { value: '', label: t('documents.filters.statusAll') },
          ...statusOptions(box, filters.view).map((s) => ({ value: s, label: tl(`documents.status.${s}`) })),
        ]}
        value={filters.status}
        onChange={(v) => update({ status: v ?? '' })}
        allowDeselect={false}
      />
      <Select
        label={t('documents.filters.due')}
        data={[
          { value: '', label: t('documents.filters.dueAll') },
          ...DUE_FILTERS.map((d) => ({ value: d, label: t(`documents.filters.due${d === 'overdue' ? 'Overdue' : d === 'soon' ? 'Soon' : 'None'}`) })),
        ]}
        value={filters.due}
        onChange={(v) => update({ due: (v ?? '') as DocFilters['due'] })}
        allowDeselect={false}
      />
    </>
  );
  const clear = hasFilters(filters)
    ? {
        label: t('documents.filters.clear'),
        onClear: () => {
          setQ('');
          update({ q: '', urgency: '', status: '', due: '' });
        },
      }
    : null;
  const moreCount = [filters.urgency, filters.status, filters.due].filter(Boolean).length;

  return (
    <FilterBar
      label={t('documents.filters.label')}
      compact={compact}
      moreId="document-filters-more"
      search={search}
      filters={rest}
      moreCount={moreCount}
      clear={clear}
      lgCols={4}
    />
  );
}
