import { describe, expect, it } from 'vitest';
import { diffLines, diffStats } from './diff';
import { composeNotation, composeNumberText, defaultUnitCode, formatDocNumber, parseNumberText, registerYear } from './numbering';
import { secretContentFields } from './secret';
import { registerOf, signatureBlock } from './vocab';
import {
  allowedIncomingActions,
  allowedOutgoingActions,
  decideIncoming,
  decideOutgoing,
  escalationReasons,
  INCOMING_ACTIONS,
  INCOMING_ROLES,
  INCOMING_STATUSES,
  OUTGOING_ACTIONS,
  OUTGOING_ROLES,
  OUTGOING_STATUSES,
  roundTrips,
  stepDeadline,
  type OutgoingRole,
  type OutgoingStatus,
} from './workflow';

describe('NĐ 30 numbers', () => {
  it('pads numbers below 10 to two digits and composes số/ký hiệu', () => {
    expect([1, 9, 10, 99, 123, 2215].map(formatDocNumber)).toEqual(['01', '09', '10', '99', '123', '2215']);
    expect(() => formatDocNumber(0)).toThrow();
    expect(composeNumberText(123, composeNotation({ docType: 'cong_van', agencyCode: 'SNV', unitCode: 'TCBM' }))).toBe('123/SNV-TCBM');
    expect(composeNumberText(15, composeNotation({ docType: 'quyet_dinh', agencyCode: 'BNV' }))).toBe('15/QĐ-BNV');
    expect(composeNumberText(5, composeNotation({ docType: 'to_trinh', agencyCode: 'UBND' }))).toBe('05/TTr-UBND');
    expect(composeNumberText(7, composeNotation({ docType: 'quy_dinh', agencyCode: 'SLĐTBXH' }))).toBe('07/QyĐ-SLĐTBXH');
    expect(() => composeNotation({ docType: 'cong_van', agencyCode: 'SNV', unitCode: 'TC BM' })).toThrow();
  });

  it('parses số/ký hiệu with Vietnamese letters and rejects malformed ones', () => {
    expect(parseNumberText('2215/SNV-TCBM')).toEqual({ number: 2215, notation: 'SNV-TCBM' });
    expect(parseNumberText('07/QyĐ-SLĐTBXH')).toEqual({ number: 7, notation: 'QyĐ-SLĐTBXH' });
    expect(parseNumberText('7/SNV-VP')).toBeNull();
    expect(parseNumberText('12/SNV')).toBeNull();
  });

  it('takes the register year in Asia/Ho_Chi_Minh (31/12 at 17:30 UTC is already 1 January)', () => {
    expect(registerYear(new Date('2021-12-31T16:59:59Z'))).toBe(2021);
    expect(registerYear(new Date('2021-12-31T17:00:00Z'))).toBe(2022);
  });

  it('derives unit abbreviations when the agency has not set them', () => {
    expect(defaultUnitCode('Phòng Tổ chức, biên chế')).toBe('TCBC');
    expect(defaultUnitCode('Phòng Kế hoạch - Tài chính')).toBe('KHTC');
    expect(defaultUnitCode('Văn phòng Sở', 'office')).toBe('VP');
    expect(defaultUnitCode('Sở Nội vụ')).toBe('SNV');
    expect(defaultUnitCode('Trung tâm Dịch vụ việc làm')).toBe('DVVL');
  });

  it('secret documents have their own registers', () => {
    expect([registerOf('in', 'none'), registerOf('out', 'none'), registerOf('in', 'mat'), registerOf('out', 'tuyet_mat')]).toEqual([
      'den',
      'di',
      'mat_den',
      'mat_di',
    ]);
  });

  it('writes the signature block of each form', () => {
    expect(signatureBlock('kt', 'Giám đốc', 'Phó Giám đốc')).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
    expect(signatureBlock('tl', 'Giám đốc', 'Chánh Văn phòng')).toEqual(['TL. GIÁM ĐỐC', 'CHÁNH VĂN PHÒNG']);
    expect(signatureBlock('tuq', 'Giám đốc', 'Trưởng phòng')).toEqual(['TUQ. GIÁM ĐỐC', 'TRƯỞNG PHÒNG']);
    expect(signatureBlock('head', 'Giám đốc', 'Giám đốc')).toEqual(['GIÁM ĐỐC']);
  });
});

describe('outgoing workflow', () => {
  // The expected table, written independently of OUTGOING_RULES.
  const EXPECTED: Record<string, [OutgoingRole, OutgoingStatus]> = {
    'draft/submit': ['drafter', 'pending_initial'],
    'returned/submit': ['drafter', 'pending_initial'],
    'draft/cancel': ['drafter', 'cancelled'],
    'returned/cancel': ['drafter', 'cancelled'],
    'pending_initial/initial': ['unit_head', 'pending_format'],
    'pending_initial/return': ['unit_head', 'returned'],
    'pending_format/approve_format': ['office', 'pending_signature'],
    'pending_format/return': ['office', 'returned'],
    'pending_signature/sign': ['signer', 'signed'],
    'pending_signature/return': ['signer', 'returned'],
    'signed/issue': ['office', 'issued'],
    'issued/recall': ['office', 'recalled'],
  };

  it('allows exactly the expected (status, action, role) triples, for every combination', () => {
    for (const status of OUTGOING_STATUSES) {
      for (const action of OUTGOING_ACTIONS) {
        for (const role of OUTGOING_ROLES) {
          const d = decideOutgoing(status, action, [role], 'Lý do đủ dài');
          const want = EXPECTED[`${status}/${action}`];
          if (want && want[0] === role) expect(d, `${status}/${action}/${role}`).toEqual({ ok: true, to: want[1] });
          else {
            expect(d.ok, `${status}/${action}/${role}`).toBe(false);
            if (!d.ok) expect(d.code).toBe(want ? 'FORBIDDEN' : 'INVALID_STATE');
          }
        }
      }
    }
  });

  it('requires a reason to return or recall, and lists the buttons of each role', () => {
    expect(decideOutgoing('pending_format', 'return', ['office'], '')).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(decideOutgoing('issued', 'recall', ['office'], ' a ')).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(allowedOutgoingActions('pending_initial', ['unit_head', 'drafter'])).toEqual(['initial', 'return']);
    expect(allowedOutgoingActions('returned', ['drafter'])).toEqual(['submit', 'cancel']);
    expect(allowedOutgoingActions('issued', ['drafter', 'unit_head', 'signer'])).toEqual([]);
  });

  it('counts round trips as returns', () => {
    expect(roundTrips([{ action: 'submit' }, { action: 'return' }, { action: 'submit' }, { action: 'initial' }, { action: 'return' }])).toBe(2);
  });
});

describe('incoming workflow', () => {
  it('office submits, the leader directs or assigns, the unit head assigns, the handler completes; nothing else', () => {
    const ok: string[] = [];
    for (const s of INCOMING_STATUSES)
      for (const a of INCOMING_ACTIONS) for (const r of INCOMING_ROLES) if (decideIncoming(s, a, [r]).ok) ok.push(`${s}/${a}/${r}`);
    expect(ok.sort()).toEqual(
      [
        'registered/submit/office',
        'submitted/direct/director',
        'directed/direct/director',
        'submitted/assign/director',
        'directed/assign/director',
        'assigned/assign/director',
        'directed/assign/unit_head',
        'assigned/assign/unit_head',
        'assigned/complete/handler',
      ].sort(),
    );
    expect(allowedIncomingActions('done', [...INCOMING_ROLES])).toEqual([]);
  });
});

describe('escalation', () => {
  const S = { maxReturns: 2, stepDays: 2 };
  it('escalates when returned more than N times', () => {
    expect(escalationReasons({ status: 'returned', returnCount: 2, stepEnteredOn: '2021-07-19' }, S, '2021-07-19')).toEqual([]);
    expect(escalationReasons({ status: 'returned', returnCount: 3, stepEnteredOn: '2021-07-19' }, S, '2021-07-19')).toEqual(['returns']);
  });
  it('escalates a step waiting past its deadline (step days or the document deadline, whichever first), never a draft or a finished document', () => {
    expect(stepDeadline('2021-07-19', 2)).toBe('2021-07-21');
    expect(stepDeadline('2021-07-19', 2, '2021-07-20')).toBe('2021-07-20');
    expect(escalationReasons({ status: 'pending_signature', returnCount: 0, stepEnteredOn: '2021-07-19' }, S, '2021-07-21')).toEqual([]);
    expect(escalationReasons({ status: 'pending_signature', returnCount: 0, stepEnteredOn: '2021-07-19' }, S, '2021-07-22')).toEqual(['step_overdue']);
    expect(escalationReasons({ status: 'pending_initial', returnCount: 0, stepEnteredOn: '2021-07-19', dueDate: '2021-07-19' }, S, '2021-07-20')).toEqual([
      'step_overdue',
    ]);
    expect(escalationReasons({ status: 'draft', returnCount: 0, stepEnteredOn: '2021-07-01' }, S, '2021-07-22')).toEqual([]);
    expect(escalationReasons({ status: 'issued', returnCount: 5, stepEnteredOn: '2021-07-01' }, S, '2021-07-22')).toEqual([]);
  });
});

describe('secret content and diffs', () => {
  it('names the content fields sent for a secret document, none for an ordinary one', () => {
    expect(secretContentFields('mat', { subject: 'x', body: '  ', numberText: '1/A-B' })).toEqual(['subject']);
    expect(secretContentFields('tuyet_mat', { body: 'nội dung', file: {} })).toEqual(['body', 'file']);
    expect(secretContentFields('none', { subject: 'x', body: 'y' })).toEqual([]);
  });
  it('diffs versions line by line', () => {
    const ops = diffLines('a\nb\nc', 'a\nB\nc\nd');
    expect(ops).toEqual([
      { op: 'same', text: 'a' },
      { op: 'del', text: 'b' },
      { op: 'add', text: 'B' },
      { op: 'same', text: 'c' },
      { op: 'add', text: 'd' },
    ]);
    expect(diffStats(ops)).toEqual({ added: 2, removed: 1 });
  });
});
