/** Small shared pieces of the presence screens: summons state badge, check-in cell of the board. */
import { Badge, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { BoardSessionCell } from '../../../shared/contracts/presence';
import type { SummonsStatus } from '../../../shared/domain/presence';
import { hhmm } from './model';

/** Filled for the open ones (white text on red 8/9: at least 4.5:1), outlined dark text for the others. */
const SUMMONS_COLOR: Record<SummonsStatus, string> = { pending: 'red.8', escalated: 'red.9', acknowledged: 'teal.9', cancelled: 'gray.8', declined: 'grape.9' };

export function SummonsStatusBadge({ status }: { status: SummonsStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={SUMMONS_COLOR[status]} variant={status === 'pending' || status === 'escalated' ? 'filled' : 'outline'} style={{ flexShrink: 0 }}>
      {t(`presence.summons.statuses.${status}`)}
    </Badge>
  );
}

type Cell = z.infer<typeof BoardSessionCell>;

/** A session of a person on the board: the check-in time (late, elsewhere) or the state in words. */
export function BoardCell({ cell }: { cell: Cell }) {
  const { t } = useTranslation();
  if (cell.state === 'checked_in' && cell.at) {
    const late = cell.lateMinutes ?? 0;
    const other = cell.place === 'other';
    const text = (
      <Text size="sm" span c={late > 0 ? undefined : 'teal.9'} fw={600}>
        {hhmm(cell.at)}
        {late > 0 ? (
          <Text span size="xs" fw={500} c="red.9">
            {` · ${t('presence.board.cell.lateShort', { count: late })}`}
          </Text>
        ) : null}
        {other ? <Text span size="xs" fw={500}>{` · ${t('presence.board.cell.other')}`}</Text> : null}
      </Text>
    );
    return other && cell.otherPlace ? (
      <Tooltip label={t('presence.checkin.atOther', { place: cell.otherPlace })} withArrow>
        <span tabIndex={0}>{text}</span>
      </Tooltip>
    ) : (
      text
    );
  }
  switch (cell.state) {
    case 'missed':
      return (
        <Badge color="red.9" variant="outline">
          {t('presence.board.cell.missed')}
        </Badge>
      );
    case 'late':
      return (
        <Text size="sm" span c="red.9" fw={600}>
          {t('presence.board.cell.late')}
        </Text>
      );
    case 'due':
      return (
        <Text size="sm" span>
          {t('presence.board.cell.due')}
        </Text>
      );
    case 'upcoming':
      return (
        <Text size="sm" span c="dimmed">
          {t('presence.board.cell.upcoming')}
        </Text>
      );
    default:
      return (
        <Text size="sm" span c="dimmed" aria-hidden>
          {t('presence.board.cell.notRequired')}
        </Text>
      );
  }
}
