/** "Làm việc tại nhà được?": Có, or Không with the reason (thiếu máy tính / thiếu tài khoản VPĐT). */
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonView } from '../../../shared/contracts/org';
import { wfhMissing } from './model';

export function WfhStatus({ person }: { person: Pick<PersonView, 'hasComputer' | 'hasEofficeAccess'> }) {
  const { t } = useTranslation();
  const missing = wfhMissing(person);
  if (missing.length === 0) {
    return (
      <Badge color="green" variant="light">
        {t('org.people.wfhYes')}
      </Badge>
    );
  }
  const reasons = missing.map((m) => t(m === 'computer' ? 'org.people.missingComputer' : 'org.people.missingEoffice')).join(', ');
  return (
    <Group gap={6} wrap="wrap" align="center">
      <Badge color="red" variant="light" style={{ flexShrink: 0 }}>
        {t('org.people.wfhNo')}
      </Badge>
      <Text size="xs" c="red.9">
        {reasons}
      </Text>
    </Group>
  );
}
