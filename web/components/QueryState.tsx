/**
 * Loading and error states of a TanStack query in one place:
 * `<QueryState query={q}>{(data) => <Table … />}</QueryState>`.
 */
import { Center, Loader, Skeleton, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';

export interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /** `skeleton` (default) for lists and tables, `spinner` for small panels. */
  loading?: 'skeleton' | 'spinner';
  skeletonRows?: number;
}

export function LoadingBlock({ kind = 'skeleton', rows = 4 }: { kind?: 'skeleton' | 'spinner'; rows?: number }) {
  const { t } = useTranslation();
  if (kind === 'spinner') {
    return (
      <Center py="lg" role="status" aria-live="polite">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  }
  return (
    <Stack gap="xs" role="status" aria-live="polite" aria-label={t('common.loading')}>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={28} radius="sm" />
      ))}
    </Stack>
  );
}

export function QueryState<T>({ query, children, loading = 'skeleton', skeletonRows }: QueryStateProps<T>) {
  if (query.isPending) return <LoadingBlock kind={loading} rows={skeletonRows} />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
