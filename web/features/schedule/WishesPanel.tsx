/**
 * "Đăng ký nguyện vọng": for each day of the next open period, "Muốn làm việc tại nhà / tại cơ quan /
 * Không", before the deadline. The period's days come from the periods list when the user may read it;
 * otherwise (staff) they are the working days after the deadline, and days the server refuses are
 * dropped with a message (GET /api/roster/wishes gives only the deadline).
 */
import { Alert, Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, formatDateVi, vnDateOf } from '../../../shared/domain/dates';
import type { Preference } from '../../../shared/domain/roster/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/QueryState';
import { formatDateTime } from '../../components/dates';
import { useLongDate } from '../../components/useDates';
import { isApiError } from '../../lib/api';
import { useSession } from '../auth/session';
import { useMySchedule, usePeriods, useSetWishes, useWishes } from '../roster/api';
import { openPeriod, rejectedWishDates, wishChanges, wishDaysAfterDeadline, WISH_WINDOW_DAYS, type WishMap } from '../roster/schedule';

export function WishesPanel() {
  const { t } = useTranslation();
  const wishes = useWishes();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="wishes-title">
      <Title order={2} fz="h4" id="wishes-title" mb="xs">
        {t('roster.wishes.title')}
      </Title>
      {wishes.isPending ? (
        <LoadingBlock kind="spinner" />
      ) : wishes.isError ? (
        <ErrorAlert error={wishes.error} onRetry={() => void wishes.refetch()} />
      ) : !wishes.data.deadline ? (
        <Text size="sm" c="dimmed">
          {t('roster.wishes.noOpen')}
        </Text>
      ) : (
        <WishesForm deadline={wishes.data.deadline} saved={wishes.data.wishes} />
      )}
    </Paper>
  );
}

/** The days of the open period: exact from the periods list, else guessed after the deadline. */
function useWishDays(deadline: string, closed: ReadonlySet<string>) {
  const { user, can } = useSession();
  const mayList = can('roster.read') && !!user.agencyId;
  const periods = usePeriods(user.agencyId, { enabled: mayList });
  const first = addDays(vnDateOf(Date.parse(deadline)), 1);
  const guess = useMySchedule(first, addDays(first, WISH_WINDOW_DAYS - 1), { enabled: !mayList || periods.isError });
  return useMemo(() => {
    if (mayList && periods.data) {
      const p = openPeriod(periods.data, Date.now());
      if (p) return { days: p.workdays.filter((d) => !closed.has(d)), exact: true, loading: false };
    }
    if (guess.data) return { days: wishDaysAfterDeadline(deadline, guess.data.days, closed), exact: false, loading: false };
    return { days: [] as string[], exact: false, loading: periods.isPending || guess.isPending };
  }, [mayList, periods.data, periods.isPending, guess.data, guess.isPending, deadline, closed]);
}

function WishesForm({ deadline, saved }: { deadline: string; saved: { date: string; preference: Preference; note: string | null }[] }) {
  const { t } = useTranslation();
  const longDate = useLongDate();
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const { days, exact, loading } = useWishDays(deadline, closed);
  const savedMap: WishMap = useMemo(() => Object.fromEntries(saved.map((w) => [w.date, w.preference])), [saved]);
  const [edited, setEdited] = useState<Record<string, Preference | null>>({});
  const [refused, setRefused] = useState<string[]>([]);
  const setWishes = useSetWishes();

  // Start from the saved wishes for the days shown.
  useEffect(() => {
    setEdited(Object.fromEntries(days.map((d) => [d, savedMap[d] ?? null])));
  }, [days.join(','), savedMap]);

  const changes = wishChanges(Object.fromEntries(days.map((d) => [d, savedMap[d] ?? null])), edited);

  async function save() {
    setRefused([]);
    let toSend = changes;
    const dropped: string[] = [];
    // Days outside the open period (when they were guessed) are refused one request at a time.
    for (let attempt = 0; attempt < 5 && toSend.length; attempt++) {
      try {
        await setWishes.mutateAsync(toSend);
        toSend = [];
      } catch (e) {
        const bad = isApiError(e) && e.code === 'VALIDATION' ? rejectedWishDates(e.issues, toSend) : [];
        if (!bad.length || exact) throw e;
        dropped.push(...bad);
        toSend = toSend.filter((w) => !bad.includes(w.date));
      }
    }
    if (dropped.length) {
      setRefused(dropped);
      setClosed((c) => new Set([...c, ...dropped]));
    }
    notifications.show({ color: 'green', message: t('roster.wishes.saved') });
  }

  if (loading) return <LoadingBlock kind="spinner" />;
  return (
    <Stack gap="sm">
      <Text size="sm">{t('roster.wishes.intro')}</Text>
      <Text size="sm" fw={600} c={Date.parse(deadline) - Date.now() < 24 * 3600_000 ? 'red.8' : undefined}>
        {t('roster.wishes.deadline', { time: formatDateTime(deadline) })}
      </Text>
      {!exact ? (
        <Text size="xs" c="dimmed">
          {t('roster.wishes.guessNote')}
        </Text>
      ) : null}
      {refused.length ? (
        <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {t('roster.wishes.refused', { dates: refused.map(formatDateVi).join(', ') })}
        </Alert>
      ) : null}
      {setWishes.error ? <ErrorAlert error={setWishes.error} /> : null}
      {days.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('roster.wishes.noOpen')}
        </Text>
      ) : (
        <Stack gap="xs">
          {days.map((d) => (
            <Radio.Group
              key={d}
              label={longDate(d)}
              aria-label={t('roster.wishes.dayGroup', { day: longDate(d) })}
              value={edited[d] ?? 'none'}
              onChange={(v) => setEdited((e) => ({ ...e, [d]: v === 'wfh' || v === 'onsite' ? v : null }))}
            >
              <Group gap="md" mt={4} wrap="wrap">
                <Radio value="wfh" label={t('roster.wishes.wfh')} />
                <Radio value="onsite" label={t('roster.wishes.onsite')} />
                <Radio value="none" label={t('roster.wishes.none')} />
              </Group>
            </Radio.Group>
          ))}
          <Group gap="sm">
            <Button onClick={() => void save().catch(() => undefined)} loading={setWishes.isPending} disabled={!changes.length}>
              {t('roster.wishes.save')}
            </Button>
            {!changes.length ? (
              <Text size="xs" c="dimmed">
                {t('roster.wishes.unchanged')}
              </Text>
            ) : null}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
