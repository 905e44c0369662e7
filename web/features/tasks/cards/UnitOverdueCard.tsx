/** Home card "Công việc quá hạn của đơn vị" (Trưởng phòng, Phó Trưởng phòng): the unit's overdue tasks, longest overdue first. */
import { Anchor, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../components/dates';
import { QueryState } from '../../../components/QueryState';
import { useSession } from '../../auth/session';
import { useTaskList } from '../api';
import { byUrgency, readableUnits } from '../model';

const SHOWN = 5;

export default function UnitOverdueCard() {
  const { t } = useTranslation();
  const { grants } = useSession();
  const unit = useMemo(() => readableUnits(grants)[0] ?? null, [grants]);
  const list = useTaskList({ scope: 'unit', unitId: unit?.unitId, overdue: '1', limit: 100 }, { enabled: !!unit });
  if (!unit) return <Text size="sm">{t('tasks.cards.unitNone')}</Text>;
  return (
    <QueryState query={list} loading="spinner">
      {(data) => {
        const tasks = [...data.tasks].sort(byUrgency);
        return (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {unit.unitName}
            </Text>
            {tasks.length === 0 ? (
              <Text size="sm">{t('tasks.cards.unitNoOverdue')}</Text>
            ) : (
              <>
                <Text size="sm" fw={700} c="red.9">
                  {t('tasks.cards.unitOverdue', { count: data.total })}
                </Text>
                <Stack gap={8} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {tasks.slice(0, SHOWN).map((task) => (
                    <Stack key={task.id} gap={0} component="li" pl={8} style={{ borderLeft: '3px solid var(--mantine-color-red-8)' }}>
                      <Anchor component={Link} to={`/tasks/${task.id}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {task.title}
                      </Anchor>
                      <Text size="xs">
                        {task.lead.fullName} · {t('tasks.due.label', { date: formatDate(task.dueDate) })} ·{' '}
                        <Text span size="xs" fw={700} c="red.9">
                          {t('tasks.due.overdue', { count: task.daysOverdue })}
                        </Text>
                      </Text>
                    </Stack>
                  ))}
                </Stack>
                {data.total > SHOWN ? (
                  <Text size="xs" c="dimmed">
                    {t('tasks.cards.more', { count: data.total - SHOWN })}
                  </Text>
                ) : null}
              </>
            )}
            <Anchor
              component={Link}
              to={`/tasks?tab=unit&overdue=1${readableUnits(grants).length > 1 ? `&unit=${encodeURIComponent(unit.unitId)}` : ''}`}
              size="sm"
            >
              {t('tasks.cards.openUnit')}
            </Anchor>
          </Stack>
        );
      }}
    </QueryState>
  );
}
