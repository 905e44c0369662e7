import { describe, expect, it } from 'vitest';
import { personLabelIn, violationMessages, violationMsg, violationMsgEn } from './messages';

describe('rule violation messages in two languages', () => {
  it('has an English message for every rule message, with the same parameters', () => {
    expect(Object.keys(violationMsgEn).sort()).toEqual(Object.keys(violationMsg).sort());
    expect(violationMessages('en')).toBe(violationMsgEn);
    expect(violationMessages('vi')).toBe(violationMsg);
  });

  it('renders English without Vietnamese words, keeping names and dd/mm/yyyy dates', () => {
    const en = violationMessages('en');
    const person = personLabelIn('en', 'Trần Văn A', 'head', 'Phòng Người có công');
    expect(person).toBe('Trần Văn A (Head of Division, Phòng Người có công)');
    expect(en.roleShare(person, 'head', 0.5, 3, 5, 1)).toBe(
      'Trần Văn A (Head of Division, Phòng Người có công): a Head of Division must work at the office at least 50% of the working days, i.e. 3/5 days; now 1 days',
    );
    expect(en.wfhShareMax('Sở Nội vụ', '2021-07-19', 1 / 3, 9, 3, ['A', 'B', 'C', 'D'])).toBe(
      'Sở Nội vụ on 19/07/2021: at most 3 people may work from home (33.3% of 9 working), now 4 (at home: A, B, C, D)',
    );
    expect(violationMessages('vi').wfhShareMax('Sở Nội vụ', '2021-07-19', 1 / 3, 9, 3, ['A'])).toContain('chỉ được tối đa 3 người làm việc tại nhà');
    const sample = [
      en.missing('X', '2021-07-19'),
      en.fixedChanged('X', '2021-07-19', 'leave', null),
      en.unitLeaders('Văn phòng', '2021-07-19', 1, 0, ['Y']),
      en.duplicate('X', '2021-07-19', 2, ['wfh', 'onsite']),
    ].join(' ');
    expect(sample).not.toMatch(/ngày|làm việc|lịch|cần ít nhất/);
  });
});
