/**
 * Home card of the Office "Phụ lục 1 gửi tỉnh": the agency's recent roster periods, the province's
 * deadline, what was sent (and when), and the button "Gửi Phụ lục 1 lên tỉnh" for an approved version not
 * sent yet (a later approved version is sent again).
 */
import { Badge, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Appendix1AgencyResponse } from '../../../../shared/contracts/reports';
import { formatDate, formatDateTime, vnDate } from '../../../components/dates';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { QueryState } from '../../../components/QueryState';
import { useSession } from '../../auth/session';
import { useAgencyAppendix1, useSubmitAppendix1 } from './follow.api';

const SHOWN = 3;

/** The current and coming periods, and a past one only while a version of it is still to send. */
function shown(periods: Appendix1AgencyResponse['periods']) {
  const today = vnDate();
  return periods.filter((p) => p.toDate >= today || p.toSend).slice(0, SHOWN);
}

export default function Appendix1SendCard() {
  const { t } = useTranslation();
  const { grants } = useSession();
  const agencyId = grants.find((g) => g.role === 'office')?.agencyId ?? null;
  const q = useAgencyAppendix1(agencyId);
  if (!agencyId) return <Text size="sm">{t('reports.card.noAgency')}</Text>;
  return (
    <QueryState query={q} loading="spinner">
      {(r) =>
        shown(r.periods).length ? (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {shown(r.periods).map((p) => (
              <PeriodLine key={p.periodId} p={p} />
            ))}
          </Stack>
        ) : (
          <Text size="sm">{t('reports.appendix1Card.none')}</Text>
        )
      }
    </QueryState>
  );
}

function PeriodLine({ p }: { p: Appendix1AgencyResponse['periods'][number] }) {
  const { t } = useTranslation();
  const send = useSubmitAppendix1();
  const range = `${formatDate(p.fromDate)} – ${formatDate(p.toDate)}`;
  const overdue = !!p.deadline && !p.lastSent && Date.now() > new Date(p.deadline.deadline).getTime();
  return (
    <Stack gap={4} component="li">
      <Group gap={6} wrap="wrap">
        <Text fw={600} size="sm">
          {t('reports.appendix1Card.period', { from: formatDate(p.fromDate), to: formatDate(p.toDate) })}
        </Text>
        {overdue ? (
          <Badge color="red" variant="light" autoContrast>
            {t('reports.appendix1Card.late')}
          </Badge>
        ) : null}
      </Group>
      <Text size="sm">
        {p.deadline
          ? t('reports.appendix1Card.deadline', { time: formatDateTime(p.deadline.deadline), recipients: p.deadline.recipients })
          : t('reports.appendix1Card.noDeadline')}
      </Text>
      {p.lastSent ? (
        <Text size="sm" c="green.9">
          {t(p.lastSent.resent ? 'reports.appendix1Card.resentAt' : 'reports.appendix1Card.sentAt', {
            time: formatDateTime(p.lastSent.sentAt),
            version: p.lastSent.rosterVersion,
          })}
        </Text>
      ) : null}
      {p.approvedVersion === 0 || p.status !== 'approved' ? (
        p.toSend || p.lastSent ? null : (
          <Text size="sm" c="gray.7">
            {t('reports.appendix1Card.notApproved')}
          </Text>
        )
      ) : null}
      {p.toSend ? (
        <Group>
          <Button
            size="sm"
            leftSection={<IconSend size={16} aria-hidden />}
            loading={send.isPending}
            h="auto"
            mih={36}
            styles={{ label: { whiteSpace: 'normal', textAlign: 'left', paddingBlock: 6 } }}
            onClick={() => send.mutate(p.periodId, { onSuccess: () => notifications.show({ color: 'green', message: t('reports.appendix1Card.done') }) })}
          >
            {/* The name is the visible text (WCAG 2.5.3): the period is written on the button, which wraps on a phone. */}
            {p.lastSent ? (
              <>
                {t('reports.appendix1Card.sendAgain', { version: p.approvedVersion })}
                <VisuallyHidden> – {range}</VisuallyHidden>
              </>
            ) : (
              t('reports.appendix1Card.sendNamed', { range })
            )}
          </Button>
        </Group>
      ) : null}
      {send.error ? <ErrorAlert error={send.error} /> : null}
    </Stack>
  );
}
