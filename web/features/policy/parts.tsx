/** Small pieces shared by the policy screens: status badge, period and document lines, severity badge. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PolicyView } from '../../../shared/contracts/policy';
import type { Severity } from '../../../shared/domain/policy';
import { formatDateText } from '../calendar/dateText';

const STATUS_COLORS: Record<PolicyView['status'], string> = { in_effect: 'green', upcoming: 'yellow', ended: 'gray' };

export function StatusBadge({ status }: { status: PolicyView['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant={status === 'in_effect' ? 'filled' : 'light'}
      style={{ flexShrink: 0 }}
      styles={status === 'in_effect' ? undefined : { label: { color: 'var(--mantine-color-dark-7)' } }}
    >
      {t(`policy.status.${status}`)}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: Severity | null }) {
  const { t } = useTranslation();
  if (!severity) {
    return (
      <Badge color="gray" variant="light" style={{ flexShrink: 0 }}>
        {t('policy.detail.goal')}
      </Badge>
    );
  }
  return (
    <Badge
      color={severity === 'block' ? 'red' : 'yellow'}
      variant="light"
      style={{ flexShrink: 0 }}
      styles={{ label: { color: severity === 'block' ? 'var(--mantine-color-red-9)' : 'var(--mantine-color-dark-7)' } }}
    >
      {t(`policy.severity.${severity}`)}
    </Badge>
  );
}

/** `(p) => 'Từ 25/05/2021 đến khi có thông báo mới'` and `(p) => 'Số 2215/SNV-TCBM ngày 16/07/2021 của …'`. */
export function usePolicyText() {
  const { t } = useTranslation();
  return {
    period: (p: Pick<PolicyView, 'validFrom' | 'validTo'>) =>
      p.validTo
        ? t('policy.period.range', { from: formatDateText(p.validFrom), to: formatDateText(p.validTo) })
        : t('policy.period.open', { from: formatDateText(p.validFrom) }),
    document: (p: Pick<PolicyView, 'docNumber' | 'docDate' | 'issuer'>) => {
      const parts = [
        p.docNumber ? t('policy.doc.number', { number: p.docNumber }) : null,
        p.docDate ? t('policy.doc.date', { date: formatDateText(p.docDate) }) : null,
        p.issuer ? t('policy.doc.issuer', { issuer: p.issuer }) : null,
      ].filter(Boolean);
      return parts.length ? parts.join(' ') : t('policy.doc.none');
    },
  };
}
