/** The list of rule violations, grouped by rule (blocking first); each one can show its cells. */
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViolationView } from '../../../shared/contracts/roster';
import { groupViolations } from './liveCheck';
import { peopleInViolation } from './search';

export interface ViolationListProps {
  violations: readonly ViolationView[];
  /** Show the cells of a violation (absent: the items are plain text). */
  onShow?: (v: ViolationView) => void;
  title?: string;
  note?: string;
  /** Items shown per rule before "Xem tất cả". */
  limit?: number;
  headingLevel?: 2 | 3;
}

export function ViolationSummary({ violations }: { violations: readonly Pick<ViolationView, 'severity'>[] }) {
  const { t } = useTranslation();
  const block = violations.filter((v) => v.severity === 'block').length;
  const warn = violations.length - block;
  return (
    <Group gap={6} wrap="wrap">
      <Badge color={block ? 'red' : 'gray'} variant={block ? 'filled' : 'light'} leftSection={block ? <IconAlertTriangle size={12} aria-hidden /> : undefined}>
        {t('roster.severity.block')}: {block}
      </Badge>
      <Badge color={warn ? 'yellow' : 'gray'} variant="light" c={warn ? 'yellow.9' : undefined}>
        {t('roster.severity.warn')}: {warn}
      </Badge>
    </Group>
  );
}

export function ViolationList({ violations, onShow, title, note, limit = 5, headingLevel = 2 }: ViolationListProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const groups = groupViolations(violations);
  return (
    <Paper withBorder p="sm" component="section" aria-label={title ?? t('roster.violations.title')}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={headingLevel} fz="h5">
            {title ?? t('roster.violations.title')}
          </Title>
          <ViolationSummary violations={violations} />
        </Group>
        {note ? (
          <Text size="xs" c="dimmed">
            {note}
          </Text>
        ) : null}
        {groups.length === 0 ? (
          <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} p="xs">
            <Text size="sm">{t('roster.violations.none')}</Text>
          </Alert>
        ) : null}
        {groups.map((g) => {
          const id = `${g.severity}-${g.rule}`;
          const all = !!open[id];
          const items = all ? g.items : g.items.slice(0, limit);
          return (
            <Stack key={id} gap={4}>
              <Group gap={6} wrap="nowrap">
                {g.severity === 'block' ? (
                  <IconAlertTriangle size={16} aria-hidden style={{ color: 'var(--mantine-color-red-8)', flexShrink: 0 }} />
                ) : (
                  <IconInfoCircle size={16} aria-hidden style={{ color: 'var(--mantine-color-yellow-9)', flexShrink: 0 }} />
                )}
                <Text size="sm" fw={700}>
                  {t(`roster.rules.${g.rule}`)}
                </Text>
                <Badge size="sm" variant="light" color={g.severity === 'block' ? 'red' : 'yellow'} c={g.severity === 'block' ? 'red.9' : 'yellow.9'}>
                  {t(`roster.severity.${g.severity}`)} · {g.items.length}
                </Badge>
              </Group>
              <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, paddingLeft: 22 }}>
                {items.map((v, i) => (
                  <li key={`${v.date ?? ''}-${v.personId ?? ''}-${v.unitId ?? ''}-${i}`} data-severity={v.severity} data-rule={v.rule}>
                    {onShow ? (
                      <UnstyledButton
                        className="roster-violation"
                        onClick={() => onShow(v)}
                        style={{ borderRadius: 4, padding: '2px 4px', display: 'block', width: '100%' }}
                        aria-label={`${v.message} — ${t('roster.violations.show')}`}
                      >
                        <Text size="sm" c={g.severity === 'block' ? 'red.9' : undefined} style={{ textDecoration: 'underline dotted', textUnderlineOffset: 3 }}>
                          {v.message}
                        </Text>
                      </UnstyledButton>
                    ) : (
                      <Text size="sm" px={4}>
                        {v.message}
                      </Text>
                    )}
                  </li>
                ))}
              </Stack>
              {g.items.length > limit ? (
                <Anchor component="button" type="button" size="sm" pl={26} ta="left" onClick={() => setOpen((o) => ({ ...o, [id]: !all }))} aria-expanded={all}>
                  {all ? t('roster.violations.showLess') : t('roster.violations.showAll', { count: g.items.length })}
                </Anchor>
              ) : null}
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}

/**
 * The violations first (issue 11 item 5): a compact summary above the grid with the count and the people
 * concerned, each a button that filters the roster to that person and shows their cells.
 */
export function ViolationDigest({
  violations,
  people,
  onPerson,
  limit = 6,
}: {
  violations: readonly ViolationView[];
  people: readonly { id: string; fullName: string }[];
  onPerson: (personId: string) => void;
  limit?: number;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const { people: concerned, other } = peopleInViolation(violations, people);
  const shown = all ? concerned : concerned.slice(0, limit);
  const otherCount = other.block + other.warn;
  return (
    <Paper withBorder p="xs" component="section" aria-labelledby="roster-digest-title" data-testid="violation-digest">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Title order={2} fz="h5" id="roster-digest-title">
          {t('roster.find.digestTitle')}: {t('roster.find.digestCount', { count: violations.length })}
        </Title>
        <ViolationSummary violations={violations} />
      </Group>
      {violations.length === 0 ? (
        <Text size="sm" c="green.9" mt={4}>
          {t('roster.violations.none')}
        </Text>
      ) : null}
      {concerned.length ? (
        <>
          <Text size="xs" c="dimmed" mt={6} mb={4}>
            {t('roster.find.digestPeople')}
          </Text>
          <Group gap={6} wrap="wrap" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {shown.map((p) => (
              <li key={p.personId}>
                <Button
                  size="compact-sm"
                  variant="light"
                  color={p.block ? 'red' : 'yellow'}
                  data-person={p.personId}
                  onClick={() => onPerson(p.personId)}
                  leftSection={p.block ? <IconAlertTriangle size={14} aria-hidden /> : <IconInfoCircle size={14} aria-hidden />}
                >
                  {p.fullName} · {p.block + p.warn}
                </Button>
              </li>
            ))}
            {concerned.length > limit ? (
              <li>
                <Button size="compact-sm" variant="subtle" onClick={() => setAll((a) => !a)} aria-expanded={all}>
                  {all ? t('roster.find.digestLess') : t('roster.find.digestMore', { count: concerned.length - limit })}
                </Button>
              </li>
            ) : null}
          </Group>
        </>
      ) : null}
      {otherCount ? (
        <Text size="xs" mt={6}>
          {t('roster.find.digestOther', { count: otherCount })}
        </Text>
      ) : null}
    </Paper>
  );
}
