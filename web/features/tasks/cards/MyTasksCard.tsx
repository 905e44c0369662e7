/** Home card "Công việc của tôi" (staff and everyone who works): open tasks I lead or coordinate, overdue first. */
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryState } from '../../../components/QueryState';
import { useTaskList } from '../api';
import { byUrgency, OPEN_STATUSES } from '../model';
import { DueLine, PriorityBadge, StatusBadge } from '../parts';

const SHOWN = 5;

export default function MyTasksCard() {
  const { t } = useTranslation();
  const list = useTaskList({ scope: 'mine', status: OPEN_STATUSES.join(','), limit: 100 });
  return (
    <QueryState query={list} loading="spinner">
      {(data) => {
        const tasks = [...data.tasks].sort(byUrgency);
        const overdue = tasks.filter((x) => x.overdue).length;
        if (!tasks.length) {
          return (
            <Stack gap="xs">
              <Text size="sm">{t('tasks.cards.noneOpen')}</Text>
              <Anchor component={Link} to="/tasks" size="sm">
                {t('tasks.cards.openMine')}
              </Anchor>
            </Stack>
          );
        }
        return (
          <Stack gap="xs">
            <Text size="sm">
              {t('tasks.cards.openCount', { count: data.total })}
              {overdue ? (
                <Text span size="sm" fw={700} c="red.9">
                  {' · '}
                  {t('tasks.cards.overdueCount', { count: overdue })}
                </Text>
              ) : null}
            </Text>
            <Stack gap={8} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {tasks.slice(0, SHOWN).map((task) => (
                <Stack
                  key={task.id}
                  gap={2}
                  component="li"
                  pl={task.overdue ? 8 : 0}
                  style={task.overdue ? { borderLeft: '3px solid var(--mantine-color-red-8)' } : undefined}
                >
                  <Anchor component={Link} to={`/tasks/${task.id}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {task.title}
                  </Anchor>
                  <Group gap={6} wrap="wrap" align="center">
                    <StatusBadge status={task.status} size="xs" />
                    <PriorityBadge priority={task.priority} size="xs" hideNormal />
                    <DueLine task={task} today={data.today} size="xs" />
                  </Group>
                </Stack>
              ))}
            </Stack>
            {data.total > SHOWN ? (
              <Text size="xs" c="dimmed">
                {t('tasks.cards.more', { count: data.total - SHOWN })}
              </Text>
            ) : null}
            <Anchor component={Link} to="/tasks" size="sm">
              {t('tasks.cards.openMine')}
            </Anchor>
          </Stack>
        );
      }}
    </QueryState>
  );
}
