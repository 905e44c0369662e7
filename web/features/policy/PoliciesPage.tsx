/**
 * Phương án làm việc tại nhà (/policies/*): the list (with the policy in effect for the user's
 * agency), a policy's detail (/policies/:id), and the form to add (/policies/new) or edit one
 * (/policies/:id/edit).
 */
import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/StatusPages';
import { PolicyDetailPage } from './PolicyDetailPage';
import { PolicyEditPage, PolicyNewPage } from './PolicyFormPage';
import { PolicyListPage } from './PolicyListPage';

export default function PoliciesPage() {
  return (
    <Routes>
      <Route index element={<PolicyListPage />} />
      <Route path="new" element={<PolicyNewPage />} />
      <Route path=":id" element={<PolicyDetailPage />} />
      <Route path=":id/edit" element={<PolicyEditPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
