/**
 * Route pages of the documents module (web/app/routes.tsx): /documents/incoming/* (Văn bản đến and
 * "Vào sổ"), /documents/outgoing/* (Văn bản đi and "Soạn dự thảo"), /documents/waiting (Chờ tôi xử lý /
 * ký), /documents/secret (Văn bản mật) and /documents/* (a document and the edit of a draft).
 */
import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/StatusPages';
import { DocumentDetailPage } from './DocumentDetailPage';
import { DocumentListPage } from './DocumentListPage';
import { IncomingFormPage } from './IncomingFormPage';
import { OutgoingEditPage, OutgoingNewPage } from './OutgoingFormPage';

export function IncomingPage() {
  return (
    <Routes>
      <Route index element={<DocumentListPage box="incoming" />} />
      <Route path="new" element={<IncomingFormPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

export function OutgoingPage() {
  return (
    <Routes>
      <Route index element={<DocumentListPage box="outgoing" />} />
      <Route path="new" element={<OutgoingNewPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

export function WaitingPage() {
  return <DocumentListPage box="waiting" />;
}

export function SecretPage() {
  return <DocumentListPage box="secret" />;
}

export default function DocumentsPage() {
  return (
    <Routes>
      <Route index element={<Navigate to="/documents/waiting" replace />} />
      <Route path=":id" element={<DocumentDetailPage />} />
      <Route path=":id/edit" element={<OutgoingEditPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
