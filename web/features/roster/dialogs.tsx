/** Dialogs of the roster screens: a confirmation, a comment (return with a reason), the generator's result. */
import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GenerateResponse } from '../../../shared/contracts/roster';
import { ErrorAlert } from '../../components/ErrorAlert';

export function ConfirmModal({
  opened,
  title,
  children,
  confirmLabel,
  color,
  loading,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  loading?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {error ? <ErrorAlert error={error} /> : null}
      <Stack gap="md">
        <div>{children}</div>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={color} onClick={onConfirm} loading={loading} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A required (or optional) comment, at least 3 characters when required, as the server asks. */
export function CommentModal({
  opened,
  title,
  label,
  description,
  confirmLabel,
  required = true,
  color = 'red',
  loading,
  error,
  intro,
  onSubmit,
  onClose,
}: {
  opened: boolean;
  title: string;
  label: string;
  description?: string;
  confirmLabel: string;
  required?: boolean;
  color?: string;
  loading?: boolean;
  error?: unknown;
  intro?: ReactNode;
  onSubmit: (comment: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  const tooShort = required && comment.trim().length < 3;
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (tooShort) return;
    onSubmit(comment.trim());
  }
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      fullScreen={isPhone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      onExitTransitionEnd={() => {
        setComment('');
        setTouched(false);
      }}
    >
      <form onSubmit={submit} noValidate>
        {error ? <ErrorAlert error={error} /> : null}
        <Stack gap="sm">
          {intro}
          <Textarea
            label={label}
            description={description}
            required={required}
            autosize
            minRows={3}
            maxLength={2000}
            value={comment}
            data-autofocus
            onChange={(e) => setComment(e.currentTarget.value)}
            error={touched && tooShort ? t('roster.agency.commentRequired') : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={color} loading={loading}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A share 0-1 as a whole percentage ("48%"). */
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The generated roster in words: fairness between people, closeness to the policy, wishes met. */
export function SummaryLines({ summary: s }: { summary: GenerateResponse['summary'] }) {
  const { t } = useTranslation();
  const limits = [
    s.min !== null ? t('roster.generate.planMin', { min: pct(s.min) }) : null,
    s.max !== null ? t('roster.generate.planMax', { max: pct(s.max) }) : null,
  ]
    .filter(Boolean)
    .join(', ');
  const plan =
    s.dailyShareMin === null || s.dailyShareMax === null
      ? t('roster.generate.planNobody')
      : s.target !== null
        ? t('roster.generate.planTarget', {
            lo: pct(s.dailyShareMin),
            hi: pct(s.dailyShareMax),
            target: pct(s.target),
            on: s.daysOnTarget,
            days: s.daysCounted,
          })
        : t('roster.generate.planNoTarget', { lo: pct(s.dailyShareMin), hi: pct(s.dailyShareMax) });
  const fair =
    s.homePeople === 0
      ? t('roster.generate.fairNobody')
      : s.homeDaysMin === s.homeDaysMax
        ? t('roster.generate.fairSame', { days: s.homeDaysMin })
        : t('roster.generate.fairSpread', { min: s.homeDaysMin, max: s.homeDaysMax, diff: s.homeDaysMax - s.homeDaysMin });
  return (
    <Stack gap={6} data-testid="generate-summary">
      <div>
        <Text size="sm" fw={600}>
          {t('roster.generate.fairTitle')}
        </Text>
        <Text size="sm">{fair}</Text>
      </div>
      <div>
        <Text size="sm" fw={600}>
          {t('roster.generate.planTitle')}
        </Text>
        <Text size="sm">
          {plan}
          {limits ? ` ${t('roster.generate.planLimits', { limits })}` : ''}
        </Text>
      </div>
      <div>
        <Text size="sm" fw={600}>
          {t('roster.generate.wishesTitle')}
        </Text>
        <Text size="sm">{s.wishes ? t('roster.generate.wishes', { met: s.wishesMet, total: s.wishes }) : t('roster.generate.wishesNone')}</Text>
      </div>
    </Stack>
  );
}

/** What "Tạo lịch tự động" did: feasible or not (with the reasons), the result in words, the units filled. */
export function GenerateResultModal({ result, showUnits, onClose }: { result: GenerateResponse | null; showUnits?: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  return (
    <Modal
      opened={!!result}
      onClose={onClose}
      title={t('roster.generate.title')}
      size="lg"
      fullScreen={isPhone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {result ? (
        <Stack gap="sm">
          {result.feasible ? (
            <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />}>
              {t('roster.generate.feasible')}
            </Alert>
          ) : (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('roster.generate.infeasible')}>
              <List size="sm" spacing={4}>
                {result.explanations.map((e, i) => (
                  <List.Item key={i}>{e.message}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {showUnits ? (
            <Text size="sm">
              {result.units.length
                ? t('roster.generate.units', { count: result.units.length, names: result.units.map((u) => u.unitName).join(', ') })
                : t('roster.generate.noUnits')}
            </Text>
          ) : null}
          <SummaryLines summary={result.summary} />
          <Text size="sm" c="dimmed">
            {t(showUnits ? 'roster.generate.draftNoteOffice' : 'roster.generate.draftNote')}
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
