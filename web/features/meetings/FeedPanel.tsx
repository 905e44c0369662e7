/** "Đăng ký lịch vào Outlook/điện thoại": the person's secret feed URL (webcal:// and https://), copy, "Tạo đường dẫn mới". */
import { Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCopy, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryState } from '../../components/QueryState';
import { useFeedToken, useRegenerateFeedToken } from './api';

export function FeedPanel() {
  const { t } = useTranslation();
  const feed = useFeedToken();
  const regenerate = useRegenerateFeedToken();
  return (
    <Paper withBorder p="md" radius="md" component="section">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('meetings.feed.title')}
        </Title>
        <Text size="sm">{t('meetings.feed.text')}</Text>
        <QueryState query={feed} loading="spinner">
          {(data) =>
            data.httpsUrl ? (
              <Stack gap="sm">
                <UrlRow label={t('meetings.feed.webcal')} value={data.webcalUrl ?? ''} />
                <UrlRow label={t('meetings.feed.https')} value={data.httpsUrl} />
                <Group gap="sm" wrap="wrap" align="center">
                  <Button
                    variant="default"
                    leftSection={<IconRefresh size={18} aria-hidden />}
                    loading={regenerate.isPending}
                    onClick={() => regenerate.mutate()}
                  >
                    {t('meetings.feed.regenerate')}
                  </Button>
                  <Text size="xs" c="dark.6">
                    {t('meetings.feed.regenerateHint')}
                  </Text>
                </Group>
              </Stack>
            ) : (
              <Group gap="sm" wrap="wrap">
                <Text size="sm">{t('meetings.feed.none')}</Text>
                <Button loading={regenerate.isPending} onClick={() => regenerate.mutate()}>
                  {t('meetings.feed.create')}
                </Button>
              </Group>
            )
          }
        </QueryState>
        {regenerate.isError ? <ErrorAlert error={regenerate.error} /> : null}
      </Stack>
    </Paper>
  );
}

function UrlRow({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput label={label} value={value} readOnly style={{ flex: 1, minWidth: 0 }} onFocus={(e) => e.currentTarget.select()} />
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button variant="outline" color={copied ? 'green.8' : 'blue.8'} onClick={copy} leftSection={<IconCopy size={16} aria-hidden />}>
            {copied ? t('meetings.feed.copied') : t('meetings.feed.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
