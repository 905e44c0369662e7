// @vitest-environment happy-dom
/** The frame and fields shared by the incoming and outgoing document forms. */
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DocType, Urgency } from '../../../shared/domain/documents/vocab';
import { i18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { DocTypeSelect, DocumentFormPage, SubjectField, UrgencySelect } from './form-parts';

beforeAll(async () => {
  await i18n.changeLanguage('vi');
  // happy-dom has no FontFaceSet; Mantine's autosize textarea listens to it.
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: new EventTarget() });
  // happy-dom does not scroll; the error alert asks it to.
  Element.prototype.scrollIntoView ??= () => {};
});
afterEach(cleanup);

function Form({
  error,
  onSubmit,
  busy = false,
}: {
  error?: unknown;
  onSubmit: (v: { docType: DocType; urgency: Urgency; subject: string }) => void;
  busy?: boolean;
}) {
  const [docType, setDocType] = useState<DocType>('cong_van');
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [subject, setSubject] = useState('');
  return (
    <DocumentFormPage
      title="Dự thảo văn bản đi"
      description="Mô tả màn hình"
      onSubmit={() => onSubmit({ docType, urgency, subject })}
      error={error}
      fieldLabels={{ subject: 'Trích yếu' }}
      submitLabel="Lưu dự thảo"
      busy={busy}
    >
      <DocTypeSelect label="Tên loại văn bản" value={docType} onChange={setDocType} />
      <UrgencySelect label="Độ khẩn" value={urgency} onChange={setUrgency} />
      <SubjectField label="Trích yếu" value={subject} onChange={setSubject} error={subject === 'x' ? 'Thông tin bắt buộc.' : undefined} />
    </DocumentFormPage>
  );
}

function wrap(node: ReactNode) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <MemoryRouter initialEntries={['/documents', '/documents/outgoing/new']} initialIndex={1}>
          <Routes>
            <Route path="/documents" element={<p>Danh sách văn bản</p>} />
            <Route path="/documents/outgoing/new" element={node} />
          </Routes>
        </MemoryRouter>
      </MantineProvider>
    </I18nextProvider>
  );
}

describe('document form parts', () => {
  it('the page has its heading and description; submitting sends the values of the shared fields', () => {
    const sent: unknown[] = [];
    render(wrap(<Form onSubmit={(v) => sent.push(v)} />));
    expect(screen.getByRole('heading', { level: 1, name: 'Dự thảo văn bản đi' })).toBeTruthy();
    expect(screen.getByText('Mô tả màn hình')).toBeTruthy();
    expect((screen.getByLabelText('Tên loại văn bản', { selector: 'input' }) as HTMLInputElement).value).toBe(i18n.t('documents.docType.cong_van'));
    expect((screen.getByLabelText('Độ khẩn', { selector: 'input' }) as HTMLInputElement).value).toBe(i18n.t('documents.urgency.normal'));
    const subject = screen.getByRole('textbox', { name: /Trích yếu/ }) as HTMLTextAreaElement;
    expect(subject.required).toBe(true);
    expect(subject.maxLength).toBe(1000);
    fireEvent.change(subject, { target: { value: 'Về việc làm việc tại nhà' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu dự thảo' }));
    expect(sent).toEqual([{ docType: 'cong_van', urgency: 'normal', subject: 'Về việc làm việc tại nhà' }]);
  });

  it("shows a field's error under it and the server's refusal above the fields, naming the field by its label", () => {
    const error = new ApiError({ status: 400, code: 'VALIDATION', message: 'Dữ liệu không hợp lệ.', issues: [{ path: 'body.subject', message: 'Quá ngắn.' }] });
    render(wrap(<Form error={error} onSubmit={() => {}} />));
    expect(screen.getByText('Dữ liệu không hợp lệ.')).toBeTruthy();
    expect(screen.getByRole('listitem').textContent).toBe('Trích yếu: Quá ngắn.');
    fireEvent.change(screen.getByRole('textbox', { name: /Trích yếu/ }), { target: { value: 'x' } });
    expect(screen.getByText('Thông tin bắt buộc.')).toBeTruthy();
  });

  it('Hủy goes back to the previous screen without submitting', () => {
    const sent: unknown[] = [];
    render(wrap(<Form onSubmit={(v) => sent.push(v)} />));
    fireEvent.click(screen.getByRole('button', { name: i18n.t('common.cancel') }));
    expect(screen.getByText('Danh sách văn bản')).toBeTruthy();
    expect(sent).toEqual([]);
  });
});
