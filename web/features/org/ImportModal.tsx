/**
 * XLSX import of people: the file is checked first (dryRun=1) and its errors listed as
 * "Dòng / Cột / Trường / Lỗi"; nothing is imported while any row has an error. Then "Nhập chính thức".
 */
import { Alert, Button, FileInput, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../shared/contracts/org';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/QueryState';
import { useImportPeople } from './api';

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ImportModalProps {
  agencyId: string;
  agencyName: string;
  opened: boolean;
  onClose: () => void;
}

export function ImportModal({ agencyId, agencyName, opened, onClose }: ImportModalProps) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={600}>{t('org.import.title')}</Text>}
      size="xl"
      fullScreen={isPhone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? <ImportBody agencyId={agencyId} agencyName={agencyName} onClose={onClose} /> : null}
    </Modal>
  );
}

function ImportBody({ agencyId, agencyName, onClose }: Omit<ImportModalProps, 'opened'>) {
  const { t } = useTranslation();
  const check = useImportPeople(agencyId);
  const commit = useImportPeople(agencyId);
  const [file, setFile] = useState<File | null>(null);

  function handleFile(f: File | null) {
    setFile(f);
    check.reset();
    commit.reset();
    if (f) check.mutate({ file: f, dryRun: true });
  }

  function handleCommit() {
    if (!file) return;
    commit.mutate(
      { file, dryRun: false },
      {
        onSuccess: (result) => {
          if (!result.ok) return;
          notifications.show({ color: 'green', message: t('org.import.done', { created: result.created, updated: result.updated }) });
          onClose();
        },
      },
    );
  }

  // The real import may still find errors (data changed since the check): show those.
  const shown: ImportResult | undefined = commit.data && !commit.data.ok ? commit.data : check.data;
  return (
    <Stack gap="sm">
      <Text size="sm" fw={600}>
        {agencyName}
      </Text>
      <Text size="sm">{t('org.import.explain')}</Text>
      <FileInput
        label={t('org.import.file')}
        placeholder={t('org.import.filePlaceholder')}
        accept={XLSX_ACCEPT}
        leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
        value={file}
        onChange={handleFile}
        clearable
        clearButtonProps={{ 'aria-label': t('common.close') }}
      />
      {check.isPending ? (
        <Stack gap={4}>
          <Text size="sm" role="status">
            {t('org.import.checking')}
          </Text>
          <LoadingBlock kind="spinner" />
        </Stack>
      ) : null}
      {check.error ? <ErrorAlert error={check.error} /> : null}
      {commit.error ? <ErrorAlert error={commit.error} /> : null}
      {shown && !shown.ok ? <ImportErrors result={shown} /> : null}
      {shown?.ok && !commit.data ? (
        <Alert color="green" icon={<IconCircleCheck aria-hidden />} role="status">
          {t('org.import.ok', { created: shown.created, updated: shown.updated })}
        </Alert>
      ) : null}
      <Group justify="flex-end" mt="xs">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={handleCommit} disabled={!file || !check.data?.ok || check.isPending} loading={commit.isPending}>
          {t('org.import.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}

function ImportErrors({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
        {t('org.import.hasErrors', { count: result.errors.length })}
      </Alert>
      <ScrollArea.Autosize mah={360} type="auto">
        <Table striped withTableBorder verticalSpacing={4} fz="sm">
          <Table.Caption>{t('org.import.errorsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('org.import.row')}</Table.Th>
              <Table.Th scope="col">{t('org.import.column')}</Table.Th>
              <Table.Th scope="col">{t('org.import.field')}</Table.Th>
              <Table.Th scope="col">{t('org.import.error')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.errors.map((e, i) => (
              <Table.Tr key={`${e.row}-${e.column}-${i}`}>
                <Table.Td>{e.row}</Table.Td>
                <Table.Td>{e.column}</Table.Td>
                <Table.Td>{e.field}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </>
  );
}
