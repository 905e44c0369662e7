import { describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../../shared/contracts/documents';
import {
  acceptableFile,
  defaultSigningAuthority,
  filtersFromParams,
  filtersToChanges,
  formatSize,
  incomingFieldsShown,
  listQueryOf,
  matchesDue,
  numberOf,
  reasonOk,
  registerOfBox,
  returnLabelKey,
  signingOptions,
  workflowButtons,
} from './model';

type Can = DocumentDetail['can'];
const doc = (direction: 'in' | 'out', status: string, can: Partial<Can>) => ({
  direction,
  status: status as DocumentDetail['status'],
  can: { edit: false, attach: false, outgoing: [], incoming: [], ...can },
});

describe('filters in the address', () => {
  it('reads known values only and drops unknown urgency and due filters', () => {
    const f = filtersFromParams(new URLSearchParams('q=cong van&urgency=hoa_toc&due=overdue&view=register&status=issued'));
    expect(f).toEqual({ q: 'cong van', urgency: 'hoa_toc', status: 'issued', due: 'overdue', view: 'register' });
    expect(filtersFromParams(new URLSearchParams('urgency=rat_gap&due=tomorrow'))).toMatchObject({ urgency: '', due: '', view: 'drafts' });
  });

  it('removes empty values and the default view from the address', () => {
    expect(filtersToChanges({ q: '', urgency: 'khan', view: 'drafts' })).toEqual({ q: null, urgency: 'khan', view: null });
    expect(filtersToChanges({ view: 'register' })).toEqual({ view: 'register' });
  });

  it('asks the server for open drafts or the issued register in Văn bản đi, the chosen status otherwise', () => {
    const base = filtersFromParams(new URLSearchParams(''));
    expect(listQueryOf('outgoing', base).status).toBe('draft,returned,pending_initial,pending_format,pending_signature,signed');
    expect(listQueryOf('outgoing', { ...base, view: 'register' }).status).toBe('issued,recalled');
    expect(listQueryOf('incoming', { ...base, status: 'assigned', q: '  khan  ' })).toMatchObject({ box: 'incoming', status: 'assigned', q: 'khan' });
    expect(listQueryOf('incoming', base).q).toBeUndefined();
  });
});

describe('the hạn xử lý filter', () => {
  const today = '2021-07-19';
  it('keeps overdue, due within 3 days, or without deadline', () => {
    expect(matchesDue({ dueDate: '2021-07-16', overdue: true }, 'overdue', today)).toBe(true);
    expect(matchesDue({ dueDate: '2021-07-22', overdue: false }, 'overdue', today)).toBe(false);
    expect(matchesDue({ dueDate: '2021-07-22', overdue: false }, 'soon', today)).toBe(true);
    expect(matchesDue({ dueDate: '2021-07-23', overdue: false }, 'soon', today)).toBe(false);
    expect(matchesDue({ dueDate: null, overdue: false }, 'none', today)).toBe(true);
    expect(matchesDue({ dueDate: '2021-07-23', overdue: false }, 'none', today)).toBe(false);
    expect(matchesDue({ dueDate: null, overdue: false }, '', today)).toBe(true);
  });
});

describe('workflow buttons from what the server allows', () => {
  it('puts the step forward first and the return last, with a reason for returns', () => {
    const b = workflowButtons(doc('out', 'pending_format', { outgoing: ['return', 'approve_format'] }));
    expect(b.map((x) => x.action)).toEqual(['approve_format', 'return']);
    expect(b[1]).toMatchObject({ needsReason: true, labelKey: 'documents.act.returnFormat', tone: 'neutral' });
    expect(b[0]).toMatchObject({ needsReason: false, confirm: false });
  });

  it('asks the signing form for a signature, a confirmation before numbering and a reason to recall', () => {
    expect(workflowButtons(doc('out', 'pending_signature', { outgoing: ['sign', 'return'] }))[0]).toMatchObject({ action: 'sign', needsAuthority: true });
    expect(workflowButtons(doc('out', 'signed', { outgoing: ['issue'] }))[0]).toMatchObject({
      action: 'issue',
      confirm: true,
      labelKey: 'documents.outgoingAction.issue',
    });
    expect(workflowButtons(doc('out', 'issued', { outgoing: ['recall'] }))[0]).toMatchObject({ action: 'recall', needsReason: true, tone: 'danger' });
  });

  it('labels a return by its step', () => {
    expect(returnLabelKey('pending_initial')).toBe('documents.act.returnInitial');
    expect(returnLabelKey('pending_format')).toBe('documents.act.returnFormat');
    expect(returnLabelKey('pending_signature')).toBe('documents.act.returnSign');
  });

  it('opens the forms of incoming steps; completion needs none; nothing allowed gives no button', () => {
    const b = workflowButtons(doc('in', 'directed', { incoming: ['assign', 'direct'] }));
    expect(b.map((x) => [x.action, x.form])).toEqual([
      ['direct', 'direct'],
      ['assign', 'assign'],
    ]);
    expect(workflowButtons(doc('in', 'assigned', { incoming: ['complete'] }))[0]!.form).toBeNull();
    expect(workflowButtons(doc('out', 'draft', {}))).toEqual([]);
    // Outgoing permissions are ignored on an incoming document and the other way round.
    expect(workflowButtons(doc('in', 'registered', { outgoing: ['sign'] }))).toEqual([]);
  });

  it('checks reasons like the server (3 characters after trimming)', () => {
    expect(reasonOk('  ab ')).toBe(false);
    expect(reasonOk('Sai thể thức')).toBe(true);
  });
});

describe('signing form', () => {
  it('proposes the Director in own name, a deputy KT., a delegate TL., and keeps the draft’s choice', () => {
    expect(defaultSigningAuthority(['staff', 'director'])).toBe('head');
    expect(defaultSigningAuthority(['deputy_director'])).toBe('kt');
    expect(defaultSigningAuthority(['staff'])).toBe('tl');
    expect(defaultSigningAuthority(['director'], 'tuq')).toBe('tuq');
    expect(signingOptions(['deputy_director'])).toEqual(['kt']);
    expect(signingOptions(['director'])).toContain('head');
  });
});

describe('display and forms', () => {
  it('numbers incoming documents by số đến and số/ký hiệu, outgoing ones by số/ký hiệu', () => {
    expect(numberOf({ direction: 'in', arrivalNumber: 12, numberText: '2215/UBND-VX' })).toBe('12 · 2215/UBND-VX');
    expect(numberOf({ direction: 'out', arrivalNumber: null, numberText: null })).toBe('');
  });

  it('formats sizes with a decimal comma', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(2048)).toBe('2 KB');
    expect(formatSize(1.5 * 1024 * 1024)).toBe('1,5 MB');
  });

  it('hides subject, text and file of a secret incoming document and asks its handler instead', () => {
    expect(incomingFieldsShown('none')).toEqual({ subject: true, body: true, file: true, handler: false });
    expect(incomingFieldsShown('mat')).toEqual({ subject: false, body: false, file: false, handler: true });
    expect(incomingFieldsShown('tuyet_mat').file).toBe(false);
  });

  it('accepts PDF and DOCX up to the limit', () => {
    expect(acceptableFile({ name: 'CV 2215.PDF', type: '', size: 10 }, 100)).toBe('ok');
    expect(acceptableFile({ name: 'du-thao.docx', type: '', size: 10 }, 100)).toBe('ok');
    expect(acceptableFile({ name: 'anh.jpg', type: 'image/jpeg', size: 10 }, 100)).toBe('type');
    expect(acceptableFile({ name: 'lon.pdf', type: 'application/pdf', size: 101 }, 100)).toBe('size');
  });

  it('exports the incoming or outgoing register of a box', () => {
    expect(registerOfBox('incoming')).toBe('den');
    expect(registerOfBox('outgoing')).toBe('di');
    expect(registerOfBox('waiting')).toBeNull();
  });
});
