import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, type IcsEvent } from './ics';

const base: IcsEvent = {
  uid: 'mtg_abc@congvu',
  sequence: 0,
  stamp: new Date('2021-07-16T02:00:00Z'),
  start: new Date('2021-07-16T07:00:00Z'),
  end: new Date('2021-07-16T08:30:00Z'),
  summary: 'Họp giao ban; tuần 29, năm 2021',
  location: 'Phòng họp số 2, tầng 3',
  url: 'https://meet.example.vn/giao-ban',
  description: 'Nội dung:\n1. Tình hình dịch; 2. Lịch trực, phân công\\dự phòng',
  organizer: { name: 'Trần Thị Bình, Chánh Văn phòng', email: 'binh.tt@snv.ninhthuan.gov.vn' },
  attendees: [
    { name: 'Lê Văn An', email: 'an.lv@snv.ninhthuan.gov.vn', partstat: 'NEEDS-ACTION' },
    { name: 'Phạm Chủ Trì', email: 'tri.pc@snv.ninhthuan.gov.vn', partstat: 'ACCEPTED', role: 'CHAIR' },
  ],
  status: 'CONFIRMED',
  alarmMinutes: 15,
};

function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  const vevents = comp.getAllSubcomponents('vevent');
  return { comp, vevents };
}

describe('meeting iCalendar (RFC 5545)', () => {
  it('builds an invitation that ical.js reads back: method, UID, SEQUENCE, times, text with , ; \\ and newlines, organizer, attendees, alarm', () => {
    const text = buildCalendar({ method: 'REQUEST', events: [base] });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const { comp, vevents } = parse(text);
    expect(comp.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(comp.getFirstPropertyValue('prodid')).toBe('-//Congvu//Lich hop//VI');
    expect(vevents).toHaveLength(1);
    const ev = new ICAL.Event(vevents[0]);
    expect(ev.uid).toBe('mtg_abc@congvu');
    expect(ev.sequence).toBe(0);
    expect(ev.startDate.toJSDate().toISOString()).toBe('2021-07-16T07:00:00.000Z');
    expect(ev.endDate.toJSDate().toISOString()).toBe('2021-07-16T08:30:00.000Z');
    expect(ev.summary).toBe(base.summary);
    expect(ev.location).toBe(base.location);
    expect(ev.description).toBe(base.description);
    expect(vevents[0]!.getFirstPropertyValue('url')).toBe(base.url);
    expect(vevents[0]!.getFirstPropertyValue('status')).toBe('CONFIRMED');
    const org = vevents[0]!.getFirstProperty('organizer')!;
    expect(org.getFirstValue()).toBe('mailto:binh.tt@snv.ninhthuan.gov.vn');
    expect(org.getParameter('cn')).toBe('Trần Thị Bình, Chánh Văn phòng');
    const atts = ev.attendees;
    expect(atts.map((a) => a.getFirstValue())).toEqual(['mailto:an.lv@snv.ninhthuan.gov.vn', 'mailto:tri.pc@snv.ninhthuan.gov.vn']);
    expect(atts[0]!.getParameter('partstat')).toBe('NEEDS-ACTION');
    expect(atts[0]!.getParameter('rsvp')).toBe('TRUE');
    expect(atts[0]!.getParameter('cn')).toBe('Lê Văn An');
    expect(atts[1]!.getParameter('role')).toBe('CHAIR');
    expect(atts[1]!.getParameter('partstat')).toBe('ACCEPTED');
    const alarm = vevents[0]!.getFirstSubcomponent('valarm')!;
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(alarm.getFirstPropertyValue('trigger')!.toString()).toBe('-PT15M');
  });

  it('a cancel has METHOD:CANCEL, STATUS:CANCELLED, the same UID and no alarm', () => {
    const { comp, vevents } = parse(buildCalendar({ method: 'CANCEL', events: [{ ...base, sequence: 2, status: 'CANCELLED' }] }));
    expect(comp.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(vevents[0]!.getFirstPropertyValue('uid')).toBe(base.uid);
    expect(vevents[0]!.getFirstPropertyValue('sequence')).toBe(2);
    expect(vevents[0]!.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevents[0]!.getFirstSubcomponent('valarm')).toBeNull();
  });

  it('a feed is METHOD:PUBLISH with a name, several events and no attendee addresses', () => {
    const text = buildCalendar({ method: 'PUBLISH', name: 'Lịch họp — Lê Văn An', events: [base, { ...base, uid: 'mtg_2@congvu' }] });
    const { comp, vevents } = parse(text);
    expect(comp.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(comp.getFirstPropertyValue('x-wr-calname')).toBe('Lịch họp — Lê Văn An');
    expect(vevents.map((v) => v.getFirstPropertyValue('uid'))).toEqual(['mtg_abc@congvu', 'mtg_2@congvu']);
    expect(vevents[0]!.getAllProperties('attendee')).toHaveLength(0);
  });

  it('folds a long Vietnamese title at 75 octets without cutting a character, and ical.js unfolds it exactly', () => {
    const summary = `Hội nghị trực tuyến triển khai phương án làm việc tại nhà phòng, chống dịch Covid-19 ${'Đường Ứng Ưởng Ữ '.repeat(8)}`.trim();
    const text = buildCalendar({ method: 'REQUEST', events: [{ ...base, summary }] });
    const physical = text.split('\r\n').filter(Boolean);
    const enc = new TextEncoder();
    const dec = new TextDecoder('utf-8', { fatal: true });
    let continuations = 0;
    for (const line of physical) {
      const bytes = enc.encode(line);
      expect(bytes.length).toBeLessThanOrEqual(75);
      // Each physical line is valid UTF-8 on its own: no character was split across a fold.
      expect(() => dec.decode(bytes)).not.toThrow();
      if (line.startsWith(' ')) continuations++;
    }
    expect(continuations).toBeGreaterThan(3);
    const { vevents } = parse(text);
    expect(vevents[0]!.getFirstPropertyValue('summary')).toBe(summary);
  });

  it('foldLine keeps 3-byte characters whole at the 75-octet boundary', () => {
    // 74 ASCII octets then a 3-byte character: it cannot fit on the first line (77 > 75), so it starts the next.
    const line = `${'a'.repeat(74)}ữb`;
    const [first, second] = foldLine(line).split('\r\n ');
    expect(first).toBe('a'.repeat(74));
    expect(second).toBe('ữb');
  });

  it('escapeText escapes backslash, semicolon, comma and newlines in that order', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
});
