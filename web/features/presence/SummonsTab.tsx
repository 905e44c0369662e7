/**
 * Lệnh triệu tập of a unit (or of every unit of the agency): who, why, when, who called, and the
 * state (chờ xác nhận / đã nhận / đã báo Trưởng phòng / đã hủy), with "Hủy" for the caller and the
 * unit head. `/presence/summons/{id}` (notification link) highlights one.
 */
import { Alert, Button, Group, Modal, Paper, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SummonsView } from '../../../shared/contracts/presence';
import { SUMMONS_STATUSES, type SummonsStatus } from '../../../shared/domain/presence';
import { formatDateTime } from '../../components/dates';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/QueryState';
import { useSession } from '../auth/session';
import { useCancelSummons, useUnitsSummons } from './api';
import { canCancelSummons } from './model';
import { SummonsStatusBadge } from './parts';
import { ScopeBar, usePresenceScope } from './useScope';

const isStatus = (v: string | null): v is SummonsStatus => !!v && (SUMMONS_STATUSES as readonly string[]).includes(v);

export function SummonsTab({ highlightId }: { highlightId?: string | null }) {
  const { t } = useTranslation();
  const scope = usePresenceScope('presence.read');
  const statusParam = scope.params.get('status');
  const status = isStatus(statusParam) ? statusParam : null;
  const unitIds = scope.loading ? [] : scope.unitId ? [scope.unitId] : scope.units.map((u) => u.unitId);
  const list = useUnitsSummons(unitIds, status);
  const [cancelling, setCancelling] = useState<SummonsView | null>(null);
  if (scope.none) return <EmptyState title={t('presence.scope.none')} />;
  const unitName = new Map(scope.units.map((u) => [u.unitId, u.unitName]));
  const found = !highlightId || list.summons.some((s) => s.id === highlightId);

  return (
    <>
      <ScopeBar scope={scope} onRefresh={() => void list.refetch()} refreshing={list.fetching}>
        <Select
          label={t('presence.summonsList.status')}
          data={[
            { value: '', label: t('presence.summonsList.all') },
            ...SUMMONS_STATUSES.map((s) => ({ value: s, label: t(`presence.summons.statuses.${s}`) })),
          ]}
          value={status ?? ''}
          onChange={(v) => scope.update({ status: v || null })}
          allowDeselect={false}
          w={220}
          comboboxProps={{ withinPortal: true }}
        />
      </ScopeBar>
      {scope.loading || list.pending ? (
        <LoadingBlock rows={5} />
      ) : list.error ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Stack gap="sm">
          {!found ? (
            <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
              {t('presence.summons.notFound')}
            </Alert>
          ) : null}
          {list.summons.length === 0 ? (
            <EmptyState title={t('presence.summonsList.empty')} />
          ) : (
            <SummonsList summons={list.summons} unitName={scope.unitId ? null : unitName} highlightId={highlightId ?? null} onCancel={setCancelling} />
          )}
        </Stack>
      )}
      <CancelModal summons={cancelling} onClose={() => setCancelling(null)} />
    </>
  );
}

interface ListProps {
  summons: SummonsView[];
  /** Unit names when several units are listed. */
  unitName: Map<string, string> | null;
  highlightId: string | null;
  onCancel: (s: SummonsView) => void;
}

function useHighlight(highlightId: string | null, ready: boolean) {
  const ref = useRef<HTMLElement | null>(null);
  const done = useRef(false);
  useEffect(() => {
    if (highlightId && ready && !done.current && ref.current) {
      done.current = true;
      ref.current.scrollIntoView({ block: 'center', behavior: 'smooth' });
      ref.current.focus({ preventScroll: true });
    }
  }, [highlightId, ready]);
  return ref;
}

const highlightStyle = { outline: '3px solid var(--mantine-color-blue-6)', outlineOffset: -3, background: 'var(--mantine-color-blue-0)' };

function SummonsList(props: ListProps) {
  const phone = useMediaQuery('(max-width: 47.99em)') ?? false;
  return phone ? <SummonsCards {...props} /> : <SummonsTable {...props} />;
}

function CancelButton({ s, onCancel }: { s: SummonsView; onCancel: (s: SummonsView) => void }) {
  const { t } = useTranslation();
  const { grants, user } = useSession();
  if (!canCancelSummons(grants, user.id, s)) return null;
  return (
    <Button
      size="compact-sm"
      variant="subtle"
      color="red"
      leftSection={<IconX size={14} aria-hidden />}
      onClick={() => onCancel(s)}
      aria-label={t('presence.summonsList.cancelLabel', { name: s.personName })}
    >
      {t('presence.summonsList.cancel')}
    </Button>
  );
}

function StateCell({ s }: { s: SummonsView }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} align="flex-start">
      <SummonsStatusBadge status={s.status} />
      {s.acknowledgedAt ? <Text size="xs">{t('presence.summonsList.ackAt', { time: formatDateTime(s.acknowledgedAt) })}</Text> : null}
    </Stack>
  );
}

function SummonsTable({ summons, unitName, highlightId, onCancel }: ListProps) {
  const { t } = useTranslation();
  const ref = useHighlight(highlightId, summons.length > 0);
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="xs" withTableBorder highlightOnHover>
        <VisuallyHidden component="caption">{t('presence.summonsList.title')}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('presence.summonsList.columns.person')}</Table.Th>
            <Table.Th scope="col">{t('presence.summonsList.columns.requiredAt')}</Table.Th>
            <Table.Th scope="col">{t('presence.summonsList.columns.reason')}</Table.Th>
            <Table.Th scope="col">{t('presence.summonsList.columns.calledBy')}</Table.Th>
            <Table.Th scope="col">{t('presence.summonsList.columns.state')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('presence.summonsList.cancel')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {summons.map((s) => {
            const hl = s.id === highlightId;
            return (
              <Table.Tr
                key={s.id}
                ref={hl ? (el) => void (ref.current = el) : undefined}
                tabIndex={hl ? -1 : undefined}
                style={hl ? highlightStyle : undefined}
                aria-label={hl ? t('presence.summonsList.highlighted') : undefined}
              >
                <Table.Th scope="row" fw={400}>
                  <Text size="sm" fw={600}>
                    {s.personName}
                  </Text>
                  {unitName ? (
                    <Text size="xs" c="dimmed">
                      {unitName.get(s.unitId) ?? ''}
                    </Text>
                  ) : null}
                </Table.Th>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" fw={600}>
                    {formatDateTime(s.requiredAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {s.reason}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{s.calledByName}</Text>
                  <Text size="xs" c="dimmed">
                    {t('presence.summonsList.sentAt', { time: formatDateTime(s.createdAt) })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StateCell s={s} />
                </Table.Td>
                <Table.Td>
                  <CancelButton s={s} onCancel={onCancel} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SummonsCards({ summons, unitName, highlightId, onCancel }: ListProps) {
  const { t } = useTranslation();
  const ref = useHighlight(highlightId, summons.length > 0);
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('presence.summonsList.title')}>
      {summons.map((s) => {
        const hl = s.id === highlightId;
        return (
          <Paper
            key={s.id}
            component="li"
            withBorder
            p="sm"
            ref={hl ? (el: HTMLElement | null) => void (ref.current = el) : undefined}
            tabIndex={hl ? -1 : undefined}
            style={hl ? highlightStyle : undefined}
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={700}>
                  {s.personName}
                </Text>
                {unitName ? (
                  <Text size="xs" c="dimmed">
                    {unitName.get(s.unitId) ?? ''}
                  </Text>
                ) : null}
              </div>
              <StateCell s={s} />
            </Group>
            <Text size="sm" fw={600} mt={4}>
              {t('presence.summonsList.columns.requiredAt')}: {formatDateTime(s.requiredAt)}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {s.reason}
            </Text>
            <Group justify="space-between" align="flex-end" mt={4} gap="xs">
              <Text size="xs" c="dimmed">
                {s.calledByName} · {t('presence.summonsList.sentAt', { time: formatDateTime(s.createdAt) })}
              </Text>
              <CancelButton s={s} onCancel={onCancel} />
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}

function CancelModal({ summons, onClose }: { summons: SummonsView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const cancel = useCancelSummons();
  useEffect(() => cancel.reset(), [summons?.id]);
  return (
    <Modal opened={!!summons} onClose={onClose} title={t('presence.summonsList.cancelTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {summons ? (
        <Stack gap="sm">
          <Text size="sm">{t('presence.summonsList.cancelBody', { name: summons.personName, time: formatDateTime(summons.requiredAt) })}</Text>
          {cancel.error ? <ErrorAlert error={cancel.error} /> : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('presence.summonsList.keep')}
            </Button>
            <Button
              color="red"
              loading={cancel.isPending}
              onClick={() =>
                cancel.mutate(summons.id, {
                  onSuccess: () => {
                    notifications.show({ color: 'green', message: t('presence.summonsList.cancelled') });
                    onClose();
                  },
                })
              }
            >
              {t('presence.summonsList.cancelConfirm')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
