/**
 * One policy: issuing document, period, scope, every rule in plain Vietnamese with its severity
 * (Chặn gửi / Cảnh báo), working hours, registration deadline and report times. Managers of the
 * owner agency edit it or end it ("Kết thúc phương án").
 */
import { Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCalendarOff, IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { PolicyView } from '../../../shared/contracts/policy';
import type { Severity } from '../../../shared/domain/policy';
import { formatDateTime } from '../../components/dates';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDateText } from '../calendar/dateText';
import { usePolicy } from './api';
import { EndPolicyModal } from './EndPolicyModal';
import { GENERAL_RULES, canManagePolicy } from './model';
import { SeverityBadge, StatusBadge, usePolicyText } from './parts';
import { usePolicyScope } from './useScope';

export function BackToList() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/policies" size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
      <IconArrowLeft size={16} aria-hidden />
      {t('policy.back')}
    </Anchor>
  );
}

export function PolicyDetailPage() {
  const { id } = useParams();
  const policy = usePolicy(id);
  return (
    <>
      <BackToList />
      <QueryState query={policy}>{(p) => <PolicyDetail policy={p} />}</QueryState>
    </>
  );
}

function Section({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) {
  const id = `policy-section-${title.replace(/\W+/g, '-')}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} style={wide ? { gridColumn: '1 / -1' } : undefined}>
      <Title order={2} fz="h4" mb="xs" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** A label/value list (dl). */
function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <Stack gap={6} component="dl" m={0}>
      {items.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="xs" fw={600} c="dimmed">
            {label}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {value}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

function PolicyDetail({ policy: p }: { policy: PolicyView }) {
  const { t } = useTranslation();
  const text = usePolicyText();
  const scope = usePolicyScope();
  const [ending, setEnding] = useState(false);
  const canManage = canManagePolicy(p, scope.manageable);
  const none = t('common.none');
  const severityOf = (rule: string | null): Severity | null => (rule ? ((p.severity[rule] as Severity | undefined) ?? 'block') : null);

  return (
    <>
      <PageHeader
        title={p.title}
        description={p.ownerAgencyName}
        actions={
          canManage ? (
            <>
              <Button component={Link} to={`/policies/${p.id}/edit`} variant="default" leftSection={<IconPencil size={18} aria-hidden />}>
                {t('policy.edit')}
              </Button>
              {p.status !== 'ended' ? (
                <Button color="red" variant="light" leftSection={<IconCalendarOff size={18} aria-hidden />} onClick={() => setEnding(true)}>
                  {t('policy.end.button')}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      <Group gap="xs" mb="md">
        <StatusBadge status={p.status} />
        <Text size="sm" fw={500}>
          {text.period(p)}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title={t('policy.detail.document')}>
          <Facts
            items={[
              [t('policy.detail.docNumber'), p.docNumber ?? none],
              [t('policy.detail.docDate'), p.docDate ? formatDateText(p.docDate) : none],
              [t('policy.detail.issuer'), p.issuer ?? none],
              [t('policy.detail.owner'), p.ownerAgencyName],
            ]}
          />
        </Section>
        <Section title={t('policy.detail.scope')}>
          <Facts
            items={[
              [t('policy.detail.period'), text.period(p)],
              [t('policy.detail.scopeAgencies'), p.scopeAgencyIds.length ? p.scopeAgencyIds.map(scope.nameOf).join('; ') : none],
              [t('policy.detail.scopeDistricts'), p.scopeDistricts.length ? p.scopeDistricts.join('; ') : none],
            ]}
          />
        </Section>
        <Section title={t('policy.detail.rules')} wide>
          <Text size="sm" c="dimmed" mb="sm">
            {t('policy.detail.rulesHint')}
          </Text>
          {p.descriptions.length ? (
            <Table verticalSpacing="xs">
              <Table.Tbody>
                {p.descriptions.map((d, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{d.text}</Table.Td>
                    <Table.Td w={150} ta="right">
                      <SeverityBadge severity={severityOf(d.rule)} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text size="sm">{t('policy.detail.noRules')}</Text>
          )}
          <Title order={3} fz="sm" mt="md" mb={4}>
            {t('policy.detail.generalRules')}
          </Title>
          <List size="sm" spacing={4}>
            {GENERAL_RULES.map((r) => (
              <List.Item key={r}>
                <Group gap={6} wrap="wrap">
                  <span>{t(`policy.rules.${r}`)}</span>
                  <SeverityBadge severity={severityOf(r)} />
                </Group>
              </List.Item>
            ))}
          </List>
        </Section>
        <Section title={t('policy.detail.hours')}>
          <Facts
            items={[
              [t('policy.detail.morning'), `${p.morningStart} – ${p.morningEnd}`],
              [t('policy.detail.afternoon'), `${p.afternoonStart} – ${p.afternoonEnd}`],
            ]}
          />
        </Section>
        <Section title={t('policy.detail.registration')}>
          <Facts
            items={[
              [
                t('policy.detail.deadline'),
                p.registrationDeadline
                  ? `${p.registrationDeadline.slice(11, 16)} ${formatDateText(p.registrationDeadline.slice(0, 10))}`
                  : t('policy.detail.noDeadline'),
              ],
              [t('policy.form.leadDays'), t('policy.detail.leadDays', { count: p.registrationLeadDays })],
              [t('policy.detail.agencyReport'), p.agencyReportTime],
              [t('policy.detail.provinceReport'), p.provinceReportTime],
            ]}
          />
        </Section>
        {p.notes ? (
          <Section title={t('policy.detail.notes')} wide>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {p.notes}
            </Text>
          </Section>
        ) : null}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="md">
        {t('policy.detail.version', { version: p.version, time: formatDateTime(p.updatedAt) })}
      </Text>
      {canManage ? <EndPolicyModal policy={p} opened={ending} onClose={() => setEnding(false)} /> : null}
    </>
  );
}
