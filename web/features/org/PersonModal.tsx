/** A person in a dialog: "Thông tin" (the form) and "Tài khoản" (the account, for the IT team and admins). */
import { Modal, Tabs, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonView, UnitView } from '../../../shared/contracts/org';
import { AccountPanel } from './AccountPanel';
import { PersonForm } from './PersonForm';

export interface PersonModalProps {
  opened: boolean;
  /** The person to edit; null to add one. */
  person: PersonView | null;
  units: UnitView[];
  defaultUnitId: string | null;
  canManage: boolean;
  canAccounts: boolean;
  onClose: () => void;
}

export function PersonModal(props: PersonModalProps) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const title = props.person ? props.person.fullName : t('org.person.addTitle');
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={<Text fw={600}>{title}</Text>}
      size="lg"
      fullScreen={isPhone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {props.opened ? <PersonTabs key={props.person?.id ?? 'new'} {...props} /> : null}
    </Modal>
  );
}

function PersonTabs({ person: initial, units, defaultUnitId, canManage, canAccounts, onClose }: PersonModalProps) {
  const { t } = useTranslation();
  const [person, setPerson] = useState<PersonView | null>(initial);
  const [tab, setTab] = useState<string | null>('info');

  const form = (
    <PersonForm
      person={person}
      units={units}
      defaultUnitId={defaultUnitId}
      readOnly={!canManage}
      onCancel={onClose}
      onSaved={(saved, created) => {
        setPerson(saved);
        // After adding someone, the next step is usually their account.
        if (created && canAccounts) setTab('account');
        else onClose();
      }}
    />
  );
  if (!canAccounts) return form;
  return (
    <Tabs value={tab} onChange={setTab} keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="info">{t('org.person.tabInfo')}</Tabs.Tab>
        <Tabs.Tab value="account" disabled={!person}>
          {t('org.person.tabAccount')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="info">{form}</Tabs.Panel>
      <Tabs.Panel value="account">{person ? <AccountPanel person={person} /> : <Text size="sm">{t('org.person.saveFirst')}</Text>}</Tabs.Panel>
    </Tabs>
  );
}
