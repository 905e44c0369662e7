/**
 * Shows an error: the server's Vietnamese message, the field issues (with the form's labels when
 * given) and, for a version conflict or a failed load, a reload/retry button.
 */
import { Alert, Button, Group, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldOfPath, isApiError } from '../lib/api';
import { vi } from '../i18n/vi';

type KnownCode = keyof typeof vi.errors.title;
const isKnownCode = (code: string): code is KnownCode => Object.hasOwn(vi.errors.title, code);

export interface ErrorAlertProps {
  error: unknown;
  /** Labels of form fields by name (`fullName` → `Họ và tên`), to name the field of each issue. */
  fieldLabels?: Record<string, string>;
  /** Reload button (for VERSION_CONFLICT: fetch the latest data). */
  onReload?: () => void;
  /** Retry button (for a failed load). */
  onRetry?: () => void;
  title?: string;
  /** Scroll the alert into view when the error appears (forms submitted from their bottom). Default true. */
  reveal?: boolean;
}

export function ErrorAlert({ error, fieldLabels, onReload, onRetry, title, reveal = true }: ErrorAlertProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (reveal && error) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [error, reveal]);
  if (!error) return null;
  const api = isApiError(error) ? error : null;
  const code = api?.code ?? 'INTERNAL';
  const heading = title ?? t(`errors.title.${isKnownCode(code) ? code : 'INTERNAL'}`);
  const message = api ? api.message : error instanceof Error && error.message ? error.message : t('errors.unknown');
  const all = api?.issues ?? [];
  // A single issue that only repeats the message and names no known field adds nothing.
  const issues = all.length === 1 && all[0]!.message === message && !fieldLabels?.[fieldOfPath(all[0]!.path)] ? [] : all;
  return (
    <Alert
      ref={ref}
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={heading}
      role="alert"
      mb="md"
      style={{ scrollMarginTop: 80, scrollMarginBottom: 16 }}
    >
      <Text size="sm">{message}</Text>
      {api?.isVersionConflict ? (
        <Text size="sm" mt={4}>
          {t('errors.versionConflictHelp')}
        </Text>
      ) : null}
      {issues.length > 0 ? (
        <>
          <Text size="sm" fw={600} mt="xs">
            {t('errors.fields')}
          </Text>
          <List size="sm" spacing={2}>
            {issues.map((issue, i) => {
              const field = fieldOfPath(issue.path);
              const label = (field && fieldLabels?.[field]) || issue.path;
              return (
                <List.Item key={`${issue.path}-${i}`}>
                  {label ? <strong>{label}: </strong> : null}
                  {issue.message}
                </List.Item>
              );
            })}
          </List>
        </>
      ) : null}
      {onReload || onRetry ? (
        <Group gap="xs" mt="sm">
          {onReload ? (
            <Button size="xs" variant="white" color="red" leftSection={<IconRefresh size={16} aria-hidden />} onClick={onReload}>
              {t('common.reload')}
            </Button>
          ) : null}
          {onRetry ? (
            <Button size="xs" variant="white" color="red" leftSection={<IconRefresh size={16} aria-hidden />} onClick={onRetry}>
              {t('common.retry')}
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Alert>
  );
}
