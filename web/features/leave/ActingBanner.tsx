/**
 * The banner on a deputy's home while they act for a leader (ủy quyền): "Đang được ủy quyền thay …"
 * with the end date and the scope, and a link to what waits for a decision. Nothing otherwise.
 */
import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { IconUserShield } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate, vnDate } from '../../components/dates';
import { useSession } from '../auth/session';
import { useActing } from './api';
import { actingForMe } from './model';

export default function ActingBanner() {
  const { t } = useTranslation();
  const { user } = useSession();
  const q = useActing('mine', { enabled: !!user.personId });
  const mine = actingForMe(q.data?.items ?? [], user.personId, vnDate());
  if (!mine.length) return null;
  return (
    <Alert color="blue" variant="light" icon={<IconUserShield aria-hidden />} data-testid="acting-banner">
      <Stack gap={4}>
        {mine.map((a) => (
          <Text key={a.id} size="sm" fw={600}>
            {t('leave.acting.banner', { leader: a.leaderName, to: formatDate(a.toDate), scope: t(`leave.acting.scopes.${a.scope}`) })}
          </Text>
        ))}
        <Anchor component={Link} to="/leave/to-decide" size="sm">
          {t('leave.acting.bannerLink')}
        </Anchor>
      </Stack>
    </Alert>
  );
}
