/**
 * A document (/documents/:id): its state and flags on top with the next steps the user may take, then
 * every field, the files (download; the outgoing document in the NĐ 30 layout as PDF), the tasks of an
 * incoming document, the numbers given, the versions of the draft with their differences and the
 * timeline of every step (who, when, what, reason).
 */
import { Alert, Anchor, Badge, Box, Button, Code, FileButton, Group, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowLeft, IconDownload, IconEdit, IconFileTypePdf, IconLock, IconMessageReply, IconPaperclip } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { DocumentDetail, DocumentVersionView } from '../../../shared/contracts/documents';
import { isSecret } from '../../../shared/domain/documents/vocab';
import { formatDate, formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useSession } from '../auth/session';
import { downloadDocumentFile, renderPdfUrl, uploadDocumentFile, useDocument, useRefreshDocument } from './api';
import { formatSize } from './model';
import { SignaturePanel, VerifyPdfSection } from './SignaturePanel';
import { DocFlags, StatusBadge, UrgencyBadge, useLooseT } from './parts';
import { WorkflowActions } from './WorkflowActions';

export function DocumentDetailPage() {
  const { id } = useParams();
  const doc = useDocument(id);
  return <QueryState query={doc}>{(d) => <Detail doc={d} />}</QueryState>;
}

function Detail({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const session = useSession();
  const secret = isSecret(doc.secrecy);
  // Back to the register when the user may open it, else to "Chờ tôi xử lý / ký".
  const back =
    doc.direction === 'in'
      ? session.canAny(['document.read', 'document.register'])
        ? '/documents/incoming'
        : '/documents/waiting'
      : session.canAny(['document.read', 'document.draft', 'document.format', 'document.sign', 'document.issue'])
        ? '/documents/outgoing'
        : '/documents/waiting';
  const canReply =
    doc.direction === 'in' &&
    !secret &&
    session.can('document.draft') &&
    doc.tasks.some((x) => x.lead.id === session.user.personId || x.coordinators.some((c) => c.id === session.user.personId));
  return (
    <>
      <Anchor component={Link} to={back} size="sm" mb="xs" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={16} aria-hidden />
        {t('documents.detail.back')}
      </Anchor>
      <PageHeader
        title={doc.subject}
        description={[t(`documents.detail.direction.${doc.direction}`), doc.docTypeLabel, doc.numberText].filter(Boolean).join(' · ')}
        actions={
          <>
            {doc.can.edit ? (
              <Button component={Link} to={`/documents/${doc.id}/edit`} variant="default" leftSection={<IconEdit size={18} aria-hidden />}>
                {t('documents.detail.edit')}
              </Button>
            ) : null}
            {canReply ? (
              <Button
                component={Link}
                to={`/documents/outgoing/new?replyTo=${encodeURIComponent(doc.id)}`}
                variant="default"
                leftSection={<IconMessageReply size={18} aria-hidden />}
              >
                {t('documents.act.reply')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="md">
        <Group gap={6} wrap="wrap" aria-label={t('documents.columns.status')}>
          <StatusBadge status={doc.status} label={doc.statusLabel} size="md" />
          <UrgencyBadge urgency={doc.urgency} size="md" />
          <DocFlags doc={doc} size="md" />
        </Group>
        {doc.escalated ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('documents.detail.escalatedTitle')}>
            <Stack gap={2}>
              {doc.escalations.map((e, i) => (
                <Text key={i} size="sm">
                  {t('documents.detail.escalatedAt', { reason: t(`documents.escalation.${e.reason}`), at: formatDateTime(e.at) })}
                </Text>
              ))}
            </Stack>
          </Alert>
        ) : null}
        {secret ? (
          <Alert color="dark" variant="light" icon={<IconLock aria-hidden />}>
            {t('documents.detail.secretNote')}
          </Alert>
        ) : null}
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="doc-actions">
          <Title order={2} fz="h4" id="doc-actions" mb="xs">
            {t('documents.detail.actions')}
          </Title>
          {doc.waitingOn.length ? (
            <Text size="sm" mb="xs">
              <Text span size="sm" c="dimmed">
                {t('documents.detail.waitingOn')}:{' '}
              </Text>
              {doc.waitingOn.map((p) => p.fullName).join(', ')}
            </Text>
          ) : null}
          {doc.can.outgoing.length || doc.can.incoming.length ? (
            <WorkflowActions doc={doc} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('documents.detail.noActions')}
            </Text>
          )}
        </Paper>
        <Fields doc={doc} />
        {doc.body ? (
          <Section title={t('documents.detail.body')} id="doc-body">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {doc.body}
            </Text>
          </Section>
        ) : null}
        {!secret ? <Files doc={doc} /> : null}
        {!secret ? <SignaturePanel doc={doc} /> : null}
        {!secret ? <VerifyPdfSection /> : null}
        {doc.tasks.length ? <Tasks doc={doc} /> : null}
        {doc.numbers.length ? (
          <Section title={t('documents.detail.numbers')} id="doc-numbers">
            <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {doc.numbers.map((n, i) => (
                <Text key={i} size="sm" component="li" td={n.status === 'cancelled' ? 'line-through' : undefined}>
                  {t(`documents.register.${n.register}`)} {n.year}: <strong>{n.numberText ?? n.number}</strong> · {formatDateTime(n.at)}
                  {n.status === 'cancelled' ? ` · ${t('documents.detail.numberCancelled', { reason: n.reason ?? '' })}` : ''}
                </Text>
              ))}
            </Stack>
          </Section>
        ) : null}
        {doc.versions.length > 1 ? <Versions versions={doc.versions} /> : null}
        <TimelineSection doc={doc} />
      </Stack>
    </>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={id}>
      <Title order={2} fz="h4" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <Box style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Box>
  );
}

function Fields({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const tl = useLooseT();
  const k = (key: string) => tl(`documents.detail.${key}`);
  return (
    <Section title={k('fields')} id="doc-fields">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" verticalSpacing="xs" component="dl" m={0}>
        <Field label={k('numberText')}>{doc.numberText}</Field>
        <Field label={k('arrivalNumber')}>{doc.arrivalNumber}</Field>
        <Field label={k('arrivalDate')}>{formatDate(doc.arrivalDate)}</Field>
        <Field label={k('issuedDate')}>{formatDate(doc.issuedDate)}</Field>
        <Field label={k('issuerName')}>{doc.issuerName}</Field>
        <Field label={k('docType')}>{doc.docTypeLabel}</Field>
        <Field label={k('urgency')}>{t(`documents.urgency.${doc.urgency}`)}</Field>
        <Field label={k('secrecy')}>{t(`documents.secrecy.${doc.secrecy}`)}</Field>
        <Field label={k('dueDate')}>{formatDate(doc.dueDate)}</Field>
        <Field label={k('unit')}>{doc.direction === 'out' ? doc.unit?.name : null}</Field>
        <Field label={k('drafter')}>{doc.drafter?.fullName}</Field>
        <Field label={k('signer')}>{doc.signer?.fullName}</Field>
        <Field label={k('signatureBlock')}>{doc.signatureBlock.length ? doc.signatureBlock.join(' / ') : null}</Field>
        <Field label={k('leadUnit')}>{doc.leadUnit?.name}</Field>
        <Field label={k('coordinatorUnits')}>{doc.coordinatorUnits.length ? doc.coordinatorUnits.map((u) => u.name).join(', ') : null}</Field>
        <Field label={k('directive')}>{doc.directive}</Field>
        <Field label={k('handler')}>{doc.handler ? `${doc.handler.fullName}${doc.handledOn ? ` (${formatDate(doc.handledOn)})` : ''}` : null}</Field>
        <Field label={k('replyTo')}>
          {doc.replyTo ? (
            <Anchor component={Link} to={`/documents/${doc.replyTo.id}`} size="sm">
              {[doc.replyTo.numberText, doc.replyTo.subject].filter(Boolean).join(' — ')}
            </Anchor>
          ) : null}
        </Field>
        <Field label={k('source')}>{doc.source ? doc.issuerName : null}</Field>
        <Field label={k('recipients')}>
          {doc.recipients.length
            ? doc.recipients.map((r, i) => (
                <span key={i}>
                  {i ? '; ' : ''}
                  {r.name}
                  {r.receivedDocumentId ? ` (${k('received')})` : ''}
                </span>
              ))
            : null}
        </Field>
      </SimpleGrid>
    </Section>
  );
}

function Files({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const refresh = useRefreshDocument();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function add(file: File | null) {
    if (!file) return;
    setError(null);
    setBusy(true);
    try {
      await uploadDocumentFile(doc.id, file);
      toasts.show({ color: 'green', message: t('documents.detail.fileAdded', { name: file.name }) });
      await refresh(doc.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Section title={t('documents.detail.files')} id="doc-files">
      <Stack gap="xs">
        {error ? <ErrorAlert error={error} /> : null}
        {doc.files.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('documents.detail.noFiles')}
          </Text>
        ) : (
          <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {doc.files.map((f) => (
              <Group key={f.id} component="li" gap="xs" wrap="nowrap" justify="space-between">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {f.fileName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatSize(f.size)} · {formatDateTime(f.createdAt)}
                    {f.uploadedBy ? ` · ${f.uploadedBy.fullName}` : ''}
                  </Text>
                </Stack>
                <Button
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconDownload size={14} aria-hidden />}
                  aria-label={t('documents.detail.download', { name: f.fileName })}
                  onClick={() => void downloadDocumentFile(doc.id, f).catch(setError)}
                >
                  {t('documents.detail.downloadShort')}
                </Button>
              </Group>
            ))}
          </Stack>
        )}
        <Group gap="xs">
          {doc.direction === 'out' ? (
            <Button
              component="a"
              href={renderPdfUrl(doc.id)}
              target="_blank"
              rel="noopener"
              variant="default"
              size="sm"
              leftSection={<IconFileTypePdf size={16} aria-hidden />}
            >
              {t('documents.detail.preview')}
            </Button>
          ) : null}
          {doc.can.attach ? (
            <FileButton
              onChange={(f) => void add(f)}
              accept="application/pdf,.pdf,.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            >
              {(props) => (
                <Button {...props} variant="default" size="sm" loading={busy} leftSection={<IconPaperclip size={16} aria-hidden />}>
                  {t('documents.detail.addFile')}
                </Button>
              )}
            </FileButton>
          ) : null}
        </Group>
      </Stack>
    </Section>
  );
}

function Tasks({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t('documents.detail.tasks')} id="doc-tasks">
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {doc.tasks.map((task) => (
          <Stack key={task.taskId} gap={2} component="li">
            <Group gap={6} wrap="wrap">
              <Badge variant="outline" size="sm" style={{ textTransform: 'none' }}>
                {t(`documents.detail.taskStep.${task.step}`)}
              </Badge>
              <Anchor component={Link} to={`/tasks/${task.taskId}`} size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                {task.title}
              </Anchor>
            </Group>
            <Text size="xs" c="dimmed">
              {t('documents.detail.taskLead', { name: task.lead.fullName })}
              {task.coordinators.length ? ` · ${t('documents.detail.taskCoordinators', { names: task.coordinators.map((c) => c.fullName).join(', ') })}` : ''}
              {task.dueDate ? ` · ${t('documents.list.due', { date: formatDate(task.dueDate) })}` : ''}
              {` · ${t(`tasks.status.${task.status}`, { defaultValue: task.status })}`}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Section>
  );
}

function Versions({ versions }: { versions: DocumentVersionView[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<number | null>(versions.length > 1 ? versions[versions.length - 1]!.seq : null);
  return (
    <Section title={t('documents.detail.versions')} id="doc-versions">
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {[...versions].reverse().map((v) => (
          <Stack key={v.seq} gap={4} component="li">
            <Group gap="xs" justify="space-between" wrap="wrap">
              <Text size="sm" fw={600}>
                {t('documents.detail.version', { seq: v.seq })} · {formatDateTime(v.createdAt)}
                {v.author ? ` · ${v.author.fullName}` : ''}
              </Text>
              {v.diff.length ? (
                <Button size="compact-xs" variant="subtle" onClick={() => setOpen(open === v.seq ? null : v.seq)} aria-expanded={open === v.seq}>
                  {open === v.seq ? t('documents.detail.hideDiff') : t('documents.detail.showDiff')} (
                  {t('documents.detail.versionStats', { added: v.added, removed: v.removed })})
                </Button>
              ) : null}
            </Group>
            {v.note ? (
              <Text size="sm" c="dimmed">
                {v.note}
              </Text>
            ) : null}
            {open === v.seq && v.diff.length ? (
              <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxWidth: '100%' }}>
                {v.diff.map((d, i) => (
                  <Box
                    key={i}
                    component={d.op === 'add' ? 'ins' : d.op === 'del' ? 'del' : 'span'}
                    display="block"
                    bg={d.op === 'add' ? 'var(--mantine-color-green-1)' : d.op === 'del' ? 'var(--mantine-color-red-1)' : undefined}
                    title={d.op === 'add' ? t('documents.detail.diffAdded') : d.op === 'del' ? t('documents.detail.diffRemoved') : undefined}
                    style={{ textDecoration: 'none' }}
                  >
                    {d.op === 'add' ? '+ ' : d.op === 'del' ? '− ' : '  '}
                    {d.text}
                  </Box>
                ))}
              </Code>
            ) : null}
          </Stack>
        ))}
      </Stack>
    </Section>
  );
}

function TimelineSection({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t('documents.detail.timeline')} id="doc-timeline">
      <Timeline bulletSize={14} lineWidth={2} active={doc.timeline.length - 1}>
        {doc.timeline.map((e) => (
          <Timeline.Item
            key={e.id}
            color={e.kind === 'return' || e.kind === 'recall' ? 'orange' : e.kind === 'escalated' ? 'red' : undefined}
            title={
              <Text size="sm" fw={600}>
                {e.kindLabel}
              </Text>
            }
          >
            <Text size="xs" c="dimmed">
              {formatDateTime(e.at)} · {e.actor ? e.actor.fullName : t('documents.detail.system')}
            </Text>
            {e.reason ? (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {e.kind === 'return' || e.kind === 'recall' ? `${t('documents.detail.reason')}: ` : ''}
                {e.reason}
              </Text>
            ) : null}
          </Timeline.Item>
        ))}
      </Timeline>
    </Section>
  );
}
