import { describe, expect, it } from 'vitest';
import { categoryOf, channelsFor, DEFAULT_PREFS, webhookUrlProblem } from './notifications';

describe('notification categories', () => {
  it('derives the category from the kind prefix, whatever the separator', () => {
    expect(categoryOf('roster_submitted')).toBe('roster');
    expect(categoryOf('roster_schedule_changed')).toBe('roster');
    expect(categoryOf('task.assigned')).toBe('tasks');
    expect(categoryOf('document.to_sign')).toBe('documents');
    expect(categoryOf('leave.approved')).toBe('requests');
    expect(categoryOf('acting.assigned')).toBe('requests');
    expect(categoryOf('meeting.invited')).toBe('meetings');
    expect(categoryOf('summons_escalated')).toBe('presence');
    expect(categoryOf('checkin_missing')).toBe('presence');
    expect(categoryOf('province_report')).toBe('other');
    expect(categoryOf('')).toBe('other');
  });
});

describe('channels of one person', () => {
  const ask = { email: true, hasAddress: true };
  it('sends an asked e-mail at once by default, and names the person in chat groups', () => {
    expect(channelsFor(DEFAULT_PREFS, 'task.assigned', ask)).toEqual({ email: 'now', chat: true });
    expect(channelsFor(DEFAULT_PREFS, 'task.assigned', { ...ask, email: false })).toEqual({ email: 'none', chat: true });
  });
  it('keeps e-mail for the digest, or none; without an address none', () => {
    expect(channelsFor({ ...DEFAULT_PREFS, email: 'digest' }, 'task.assigned', { ...ask, email: false }).email).toBe('digest');
    expect(channelsFor({ ...DEFAULT_PREFS, email: 'off' }, 'task.assigned', ask).email).toBe('none');
    expect(channelsFor(DEFAULT_PREFS, 'task.assigned', { ...ask, hasAddress: false }).email).toBe('none');
  });
  it('a muted category silences e-mail and chat, not other categories', () => {
    const prefs = { ...DEFAULT_PREFS, mutedCategories: ['tasks' as const] };
    expect(channelsFor(prefs, 'task.assigned', ask)).toEqual({ email: 'none', chat: false });
    expect(channelsFor(prefs, 'roster_returned', ask)).toEqual({ email: 'now', chat: true });
    expect(channelsFor({ ...DEFAULT_PREFS, chat: false }, 'roster_returned', ask)).toEqual({ email: 'now', chat: false });
  });
});

describe('webhook URL rule', () => {
  it('accepts https, and http only to this machine when allowed', () => {
    expect(webhookUrlProblem('https://bot.example.vn/hook', { allowHttpLocalhost: false })).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', { allowHttpLocalhost: true })).toBeNull();
    expect(webhookUrlProblem('http://localhost/hook', { allowHttpLocalhost: false })).toMatch(/https:\/\//);
    expect(webhookUrlProblem('http://bot.example.vn/hook', { allowHttpLocalhost: true })).toMatch(/https:\/\//);
    expect(webhookUrlProblem('ftp://bot.example.vn', { allowHttpLocalhost: true })).toMatch(/https:\/\//);
    expect(webhookUrlProblem('https://user:pw@bot.example.vn', { allowHttpLocalhost: true })).toMatch(/mật khẩu/);
    expect(webhookUrlProblem('không phải url', { allowHttpLocalhost: true })).toBe('Địa chỉ không hợp lệ.');
  });
});
