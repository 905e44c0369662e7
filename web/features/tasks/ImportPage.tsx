/**
 * Nhập dữ liệu từ hệ thống khác (/tasks/import, task.import: Văn phòng, Tổ CNTT): a congvu.activity/1
 * JSON file or the CSV pair tasks.csv + actions.csv. The files are checked first (dry run) and their
 * errors listed as a table (Tệp / Dòng / Cột / Lỗi, or the JSON path); nothing is imported while any
 * row has an error; importing the same file again updates instead of duplicating.
 */
import { Alert, Anchor, Button, Code, Collapse, FileInput, Group, List, Paper, Radio, ScrollArea, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconChevronDown, IconCircleCheck, IconFileImport, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TaskImportResult } from '../../../shared/contracts/tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/QueryState';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../auth/session';
import { useImportActivity, type ImportInput } from './api';
import { csvKindOf, importAgencies, importIssuesOf, jsonPathOfIssue, type ImportFormat, type ImportIssues } from './model';

const JSON_ACCEPT = '.json,application/json';
const CSV_ACCEPT = '.csv,text/csv';

/** The header kind of a CSV file ('tasks' | 'actions' | null), read from its first line. */
function useCsvKind(file: File | null) {
  const [kind, setKind] = useState<'tasks' | 'actions' | null>(null);
  useEffect(() => {
    let live = true;
    setKind(null);
    if (file) {
      void file
        .slice(0, 4096)
        .text()
        .then((head) => live && setKind(csvKindOf(head.split(/\r?\n/)[0] ?? '')));
    }
    return () => {
      live = false;
    };
  }, [file]);
  return kind;
}

export function ImportPage() {
  const { t } = useTranslation();
  const session = useSession();
  const agencies = useMemo(() => importAgencies(session.grants), [session.grants]);
  const [agencyId, setAgencyId] = useState<string | null>(() => (agencies.find((a) => a.agencyId === session.user.agencyId) ?? agencies[0])?.agencyId ?? null);
  const [format, setFormat] = useState<ImportFormat>('json');
  const [jsonFile, setJsonFile] = useState<File | null>(null);
  const [tasksFile, setTasksFile] = useState<File | null>(null);
  const [actionsFile, setActionsFile] = useState<File | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const tasksKind = useCsvKind(tasksFile);
  const actionsKind = useCsvKind(actionsFile);
  const check = useImportActivity();
  const commit = useImportActivity();

  const input: ImportInput | null =
    format === 'json'
      ? jsonFile
        ? { format: 'json', file: jsonFile }
        : null
      : tasksFile && actionsFile
        ? { format: 'csv', tasks: tasksFile, actions: actionsFile }
        : null;

  // A new choice of files (or agency) is checked at once; the previous results are stale.
  useEffect(() => {
    check.reset();
    commit.reset();
    if (input && agencyId) check.mutate({ agencyId, input, dryRun: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [format, jsonFile, tasksFile, actionsFile, agencyId]);

  function reset() {
    setJsonFile(null);
    setTasksFile(null);
    setActionsFile(null);
  }

  const header = <PageHeader title={t('tasks.import.title')} description={t('tasks.import.description')} />;
  const back = (
    <Anchor component={Link} to="/tasks" size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
      <IconArrowLeft size={16} aria-hidden />
      {t('tasks.import.back')}
    </Anchor>
  );
  if (!agencies.length) {
    return (
      <>
        {back}
        {header}
        <Alert color="gray" icon={<IconInfoCircle aria-hidden />}>
          {t('tasks.import.forbidden')}
        </Alert>
      </>
    );
  }

  const refused = check.error ? importIssuesOf(check.error) : null;
  const refusedOnCommit = commit.error ? importIssuesOf(commit.error) : null;
  const issues = refusedOnCommit ?? refused;
  const otherError = (commit.error && !refusedOnCommit ? commit.error : null) ?? (check.error && !refused ? check.error : null);
  const done = commit.data && !commit.data.dryRun ? commit.data : null;

  return (
    <>
      {back}
      {header}
      <Stack gap="md" maw={960}>
        <Paper withBorder p="md" component="section" aria-labelledby="import-rules-title" bg="var(--mantine-color-blue-0)">
          <Group gap={6} mb={6}>
            <IconInfoCircle size={18} aria-hidden color="var(--mantine-color-blue-8)" />
            <Title order={2} fz="h5" id="import-rules-title">
              {t('tasks.import.rules.title')}
            </Title>
          </Group>
          <List size="sm" spacing={4}>
            <List.Item>
              <strong>{t('tasks.import.rules.allOrNothing')}</strong>
            </List.Item>
            <List.Item>{t('tasks.import.rules.idempotent')}</List.Item>
            <List.Item>{t('tasks.import.rules.people')}</List.Item>
            <List.Item>{t('tasks.import.rules.times')}</List.Item>
          </List>
          <Button
            variant="subtle"
            size="compact-sm"
            mt="xs"
            rightSection={<IconChevronDown size={14} aria-hidden style={{ transform: helpOpen ? 'rotate(180deg)' : undefined }} />}
            onClick={() => setHelpOpen((o) => !o)}
            aria-expanded={helpOpen}
            aria-controls="import-format-help"
          >
            {t('tasks.import.formatHelp')}
          </Button>
          <Collapse expanded={helpOpen} id="import-format-help">
            <Stack gap={6} mt="xs">
              <Text size="sm">{t('tasks.import.jsonHelp')}</Text>
              <Text size="sm">{t('tasks.import.csvHelp')}</Text>
              <Text size="sm">{t('tasks.import.kindsHelp')}</Text>
              <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {
                  '{ "format": "congvu.activity/1",\n  "tasks": [{ "id": "t1", "title": "Báo cáo kết quả hỗ trợ Covid-19", "assigneeId": "p001",\n      "assignedAt": "2021-07-19T08:05:00+07:00", "dueDate": "2021-07-23", "finishedAt": "2021-07-22T15:40:00+07:00" }],\n  "actions": [{ "taskId": "t1", "personId": "p001", "at": "2021-07-20T09:12:00+07:00", "kind": "comment" }] }'
                }
              </Code>
            </Stack>
          </Collapse>
        </Paper>

        <Paper withBorder p="md" component="section" aria-label={t('tasks.import.title')}>
          <Stack gap="sm">
            {agencies.length > 1 ? (
              <Select
                label={t('tasks.import.agency')}
                data={agencies.map((a) => ({ value: a.agencyId, label: a.agencyName }))}
                value={agencyId}
                onChange={setAgencyId}
                allowDeselect={false}
                maw={480}
              />
            ) : (
              <Text size="sm">
                <Text span size="sm" c="dimmed">
                  {t('tasks.import.agency')}:{' '}
                </Text>
                <strong>{agencies[0]!.agencyName}</strong>
              </Text>
            )}
            <Radio.Group label={t('tasks.import.format')} value={format} onChange={(v) => setFormat(v === 'csv' ? 'csv' : 'json')}>
              <Stack gap={6} mt={6}>
                <Radio value="json" label={t('tasks.import.formatJson')} />
                <Radio value="csv" label={t('tasks.import.formatCsv')} />
              </Stack>
            </Radio.Group>
            {format === 'json' ? (
              <FileInput
                label={t('tasks.import.jsonFile')}
                placeholder={t('tasks.import.filePlaceholder')}
                accept={JSON_ACCEPT}
                value={jsonFile}
                onChange={setJsonFile}
                clearable
                clearButtonProps={{ 'aria-label': t('common.close') }}
                leftSection={<IconFileImport size={18} aria-hidden />}
                maw={480}
              />
            ) : (
              <Group grow align="flex-start" wrap="wrap" gap="sm">
                <FileInput
                  label={t('tasks.import.tasksFile')}
                  placeholder={t('tasks.import.filePlaceholder')}
                  accept={CSV_ACCEPT}
                  value={tasksFile}
                  onChange={setTasksFile}
                  clearable
                  clearButtonProps={{ 'aria-label': t('common.close') }}
                  leftSection={<IconFileImport size={18} aria-hidden />}
                  error={tasksKind === 'actions' ? t('tasks.import.wrongCsv', { kind: 'actions.csv' }) : undefined}
                  miw={240}
                />
                <FileInput
                  label={t('tasks.import.actionsFile')}
                  placeholder={t('tasks.import.filePlaceholder')}
                  accept={CSV_ACCEPT}
                  value={actionsFile}
                  onChange={setActionsFile}
                  clearable
                  clearButtonProps={{ 'aria-label': t('common.close') }}
                  leftSection={<IconFileImport size={18} aria-hidden />}
                  error={actionsKind === 'tasks' ? t('tasks.import.wrongCsv', { kind: 'tasks.csv' }) : undefined}
                  miw={240}
                />
              </Group>
            )}
          </Stack>
        </Paper>

        {check.isPending ? (
          <Stack gap={4}>
            <Text size="sm" role="status">
              {t('tasks.import.checking')}
            </Text>
            <LoadingBlock kind="spinner" />
          </Stack>
        ) : null}
        {otherError ? <ErrorAlert error={otherError} onRetry={input && agencyId ? () => check.mutate({ agencyId, input, dryRun: true }) : undefined} /> : null}
        {issues ? <ImportErrors issues={issues} /> : null}
        {done ? (
          <Alert color="green" icon={<IconCircleCheck aria-hidden />} role="status" title={t('tasks.import.result')}>
            <ResultLines result={done} />
            <Group gap="xs" mt="sm">
              <Button size="xs" variant="white" color="green" onClick={reset}>
                {t('tasks.import.again')}
              </Button>
              <Button size="xs" variant="white" color="green" component={Link} to="/tasks?tab=agency">
                {t('tasks.import.back')}
              </Button>
            </Group>
          </Alert>
        ) : check.data && !commit.error ? (
          <Alert color="green" icon={<IconCircleCheck aria-hidden />} role="status" title={t('tasks.import.ok')}>
            <ResultLines result={check.data} />
            <Group mt="sm">
              <Button
                color="green"
                onClick={() => input && agencyId && commit.mutate({ agencyId, input, dryRun: false })}
                loading={commit.isPending}
                leftSection={<IconFileImport size={18} aria-hidden />}
              >
                {t('tasks.import.confirm')}
              </Button>
            </Group>
          </Alert>
        ) : null}
      </Stack>
    </>
  );
}

function ResultLines({ result }: { result: TaskImportResult }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm">{t('tasks.import.tasksLine', result.tasks)}</Text>
      <Text size="sm">{t('tasks.import.actionsLine', result.actions)}</Text>
      {result.warnings.length ? (
        <Stack gap={2} mt="xs" data-testid="import-warnings">
          <Text size="sm" fw={600}>
            {t('tasks.import.warnings', { count: result.warnings.length })}
          </Text>
          <List size="sm">
            {result.warnings.map((w, i) => (
              <List.Item key={`${w.path}-${i}`} style={{ overflowWrap: 'anywhere' }}>
                {w.file ? `${w.file}, ${t('tasks.import.colRow').toLowerCase()} ${w.row ?? '—'}, ${w.column ?? '—'}: ` : `${jsonPathOfIssue(w.path)}: `}
                {w.message}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
    </Stack>
  );
}

function ImportErrors({ issues }: { issues: ImportIssues }) {
  const { t } = useTranslation();
  const count = issues.issues.length + issues.omitted;
  return (
    <Stack gap="xs">
      <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
        <Text size="sm" fw={600}>
          {t('tasks.import.hasErrors', { count })}
        </Text>
        <Text size="sm">{t('tasks.import.rules.allOrNothing')}</Text>
      </Alert>
      <ScrollArea.Autosize mah={480} type="auto">
        <Table striped withTableBorder verticalSpacing={4} fz="sm" miw={issues.tabular ? 520 : 360} captionSide="top">
          <Table.Caption>{t('tasks.import.errorsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {issues.tabular ? (
                <>
                  <Table.Th scope="col">{t('tasks.import.colFile')}</Table.Th>
                  <Table.Th scope="col">{t('tasks.import.colRow')}</Table.Th>
                  <Table.Th scope="col">{t('tasks.import.colColumn')}</Table.Th>
                </>
              ) : (
                <Table.Th scope="col">{t('tasks.import.colPath')}</Table.Th>
              )}
              <Table.Th scope="col">{t('tasks.import.colError')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {issues.issues.map((e, i) => (
              <Table.Tr key={`${e.path}-${i}`}>
                {issues.tabular ? (
                  <>
                    <Table.Td>{e.file ?? t('common.none')}</Table.Td>
                    <Table.Td>{e.row ?? t('common.none')}</Table.Td>
                    <Table.Td>{e.column ?? t('common.none')}</Table.Td>
                  </>
                ) : (
                  <Table.Td>
                    <Code>{jsonPathOfIssue(e.path)}</Code>
                  </Table.Td>
                )}
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {issues.omitted > 0 ? (
        <Text size="sm" c="red.9">
          {t('tasks.import.omitted', { count: issues.omitted })}
        </Text>
      ) : null}
    </Stack>
  );
}
