/**
 * Công việc (/tasks/*): the lists (/tasks, tabs and filters in the address), a task (/tasks/:id) and
 * the import from another e-office system (/tasks/import).
 */
import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/StatusPages';
import { ImportPage } from './ImportPage';
import { TaskDetailPage } from './TaskDetailPage';
import { TaskListPage } from './TaskListPage';

export default function TasksPage() {
  return (
    <Routes>
      <Route index element={<TaskListPage />} />
      <Route path="import" element={<ImportPage />} />
      <Route path=":id" element={<TaskDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
