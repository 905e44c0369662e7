/**
 * The frame of the province user's home cards: one block per province they compile (their own first,
 * named only when there are several), each with its query's figures and a link to the full screen.
 */
import { Anchor, Progress, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryState } from '../../../components/QueryState';
import { useSession } from '../../auth/session';
import { useAgencies } from '../../org/api';
import { ownProvinceFirst, provinceRoots } from '../model';

/** Every province of the user's grants, rendered by `root` (the name is null when there is only one). */
export function ProvinceRootsCard({ root }: { root: (rootId: string, name: string | null) => ReactNode }) {
  const { t } = useTranslation();
  const { grants, user } = useSession();
  const agencies = useAgencies();
  const ownPath = agencies.data?.find((a) => a.id === user.agencyId)?.path ?? null;
  const roots = ownProvinceFirst(provinceRoots(grants), ownPath);
  if (!roots.length) return <Text size="sm">{t('reports.card.noAgency')}</Text>;
  return (
    <Stack gap="md">
      {roots.map((r) => (
        <Fragment key={r.id}>{root(r.id, roots.length > 1 ? r.name : null)}</Fragment>
      ))}
    </Stack>
  );
}

/** One province: its name (when given), the query's content (a spinner while loading) and the link. */
export function RootBlock<T>({
  name,
  query,
  to,
  linkLabel,
  children,
}: {
  name: string | null;
  query: UseQueryResult<T>;
  to: string;
  linkLabel: string;
  children: (data: T) => ReactNode;
}) {
  return (
    <Stack gap={4}>
      {name ? (
        <Text size="sm" fw={700}>
          {name}
        </Text>
      ) : null}
      <QueryState query={query} loading="spinner">
        {children}
      </QueryState>
      <Anchor component={Link} to={to} size="sm">
        {linkLabel}
      </Anchor>
    </Stack>
  );
}

/** "N/M cơ quan đã gửi" (a live status line) over its bar, orange while something is wrong. */
export function SentProgress({ line, sent, total, warn, children }: { line: string; sent: number; total: number; warn: boolean; children?: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} role="status">
        {line}
      </Text>
      <Progress value={(sent / total) * 100} color={warn ? 'orange' : 'green'} size="sm" aria-hidden />
      {children}
    </Stack>
  );
}
