/**
 * The digital signature of a document (issue 9, item 6): the "Chữ ký số" panel of the detail page (who
 * signed the stored signed PDF, when, valid / file changed / trusted, download) and "Kiểm tra văn bản đã
 * ký", a small form that checks any uploaded PDF the same way (POST /api/documents/verify).
 */
import { Alert, Anchor, Badge, Button, FileButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCertificate, IconDownload, IconFileSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignatureVerification } from '../../../shared/contracts/document-signature';
import type { DocumentDetail } from '../../../shared/contracts/documents';
import { formatDate, formatTime, vnDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api } from '../../lib/api';
import { downloadDocumentFile } from './api';

const SIGNED_PDF = 'signed_pdf';
/** The PDF as issued (number, date; the signer's and the agency's signatures), preferred when present. */
const ISSUED_PDF = 'issued_pdf';

/** dd/mm/yyyy HH:mm in Vietnam. */
export function signedAtText(iso: string | null): string {
  return iso ? `${formatDate(vnDate(iso))} ${formatTime(iso)}` : '';
}

function useSignature(docId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['documents', 'signature', docId],
    queryFn: ({ signal }) => api.get<SignatureVerification>(`/documents/${encodeURIComponent(docId)}/signature`, undefined, signal),
    enabled,
    staleTime: 60_000,
  });
}

/** Who signed, when and the three checks, for each signature of a verification. */
export function SignatureResult({ result }: { result: SignatureVerification }) {
  const { t } = useTranslation();
  if (result.signers.length === 0) {
    return (
      <Alert color="gray" variant="light">
        {t('documents.signature.none')}
      </Alert>
    );
  }
  return (
    <Stack gap="xs">
      <Alert
        color={result.valid ? 'green' : 'red'}
        variant="light"
        title={result.valid ? t('documents.signature.validAll') : t('documents.signature.invalidAll')}
      >
        {null}
      </Alert>
      {result.signers.map((s) => (
        <Stack key={s.index} gap={4} component="article" aria-label={t('documents.signature.signerAria', { index: s.index })}>
          <Text size="sm" fw={600}>
            {s.name ?? t('documents.signature.noName')}
            {s.agency ? <Text span size="sm" c="dimmed">{` · ${[s.agency, s.province].filter(Boolean).join(', ')}`}</Text> : null}
          </Text>
          <Text size="sm">
            {t('documents.signature.signedAt')}: {signedAtText(s.signedAt) || t('documents.signature.unknown')}
            {s.reason ? ` · ${s.reason}` : ''}
          </Text>
          <Group gap={6} wrap="wrap">
            <Badge color={s.cryptoValid ? 'green' : 'red'} variant="light">
              {s.cryptoValid ? t('documents.signature.valid') : t('documents.signature.invalid')}
            </Badge>
            <Badge color={s.cryptoValid && !s.changedAfterSigning ? 'green' : 'red'} variant="light">
              {s.cryptoValid && !s.changedAfterSigning ? t('documents.signature.unchanged') : t('documents.signature.changed')}
            </Badge>
            <Badge color={s.trusted ? 'green' : 'orange'} variant="light">
              {s.trusted ? t('documents.signature.trusted') : t('documents.signature.untrusted')}
            </Badge>
          </Group>
          {s.problems.length ? (
            <Stack gap={0} component="ul" m={0} pl="md">
              {s.problems.map((p, i) => (
                <Text key={i} size="xs" c="red" component="li">
                  {p}
                </Text>
              ))}
            </Stack>
          ) : null}
        </Stack>
      ))}
    </Stack>
  );
}

/** "Chữ ký số" of the detail page: shown once the document has its signed PDF (the original or a received copy). */
export function SignaturePanel({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const file = [...doc.files].reverse().find((f) => f.kind === ISSUED_PDF) ?? [...doc.files].reverse().find((f) => f.kind === SIGNED_PDF);
  const sig = useSignature(doc.id, !!file);
  const [error, setError] = useState<unknown>(null);
  if (!file) return null;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="doc-signature">
      <Title order={2} fz="h4" id="doc-signature" mb="xs">
        <Group gap={6} component="span">
          <IconCertificate size={20} aria-hidden />
          {t('documents.signature.title')}
        </Group>
      </Title>
      <Stack gap="xs">
        {sig.error ? <ErrorAlert error={sig.error} /> : null}
        {error ? <ErrorAlert error={error} /> : null}
        {sig.data ? (
          <SignatureResult result={sig.data} />
        ) : sig.isLoading ? (
          <Text size="sm" c="dimmed">
            {t('documents.signature.checking')}
          </Text>
        ) : null}
        <Group gap="xs" wrap="wrap">
          <Button
            size="sm"
            variant="light"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={() => void downloadDocumentFile(doc.id, file).catch(setError)}
          >
            {t('documents.signature.download')}
          </Button>
          <Anchor href="/api/documents/ca.pem" size="sm" download="congvu-ca.pem">
            {t('documents.signature.caLink')}
          </Anchor>
        </Group>
        <Text size="xs" c="dimmed">
          {t('documents.signature.cliHint')}
        </Text>
      </Stack>
    </Paper>
  );
}

/** "Kiểm tra văn bản đã ký": any logged-in user checks a PDF they received or downloaded. */
export function VerifyPdfSection() {
  const { t } = useTranslation();
  const [result, setResult] = useState<{ name: string; value: SignatureVerification } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function check(file: File | null) {
    if (!file) return;
    setError(null);
    setResult(null);
    setBusy(true);
    try {
      setResult({ name: file.name, value: await api.upload<SignatureVerification>('/documents/verify', file) });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="doc-verify">
      <Title order={2} fz="h4" id="doc-verify" mb="xs">
        {t('documents.signature.verifyTitle')}
      </Title>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('documents.signature.verifyHelp')}
        </Text>
        <Group>
          <FileButton onChange={(f) => void check(f)} accept="application/pdf,.pdf">
            {(props) => (
              <Button {...props} size="sm" variant="default" loading={busy} leftSection={<IconFileSearch size={16} aria-hidden />}>
                {t('documents.signature.verifyButton')}
              </Button>
            )}
          </FileButton>
        </Group>
        {error ? <ErrorAlert error={error} /> : null}
        {result ? (
          <Stack gap={4} aria-live="polite">
            <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
              {result.name}
            </Text>
            <SignatureResult result={result.value} />
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
