/**
 * Notification channels (J3, issue 10 item 6): the category of a notification, derived from its `kind`,
 * the channel choices of a person, the URL rule of a chat-group webhook and the signature base string.
 * Pure: the server decides with it who is reached how, the web shows the same words.
 */

export const NOTIFICATION_CATEGORIES = ['roster', 'requests', 'meetings', 'tasks', 'documents', 'presence', 'other'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<NotificationCategory, string> = {
  roster: 'Lịch làm việc',
  requests: 'Đơn từ (nghỉ phép, công tác, ủy quyền)',
  meetings: 'Cuộc họp',
  tasks: 'Công việc',
  documents: 'Văn bản',
  presence: 'Điểm danh, triệu tập',
  other: 'Khác (báo cáo…)',
};

/** The first word of a kind (`task.assigned` → `task`, `roster_returned` → `roster`) and its category. */
const PREFIXES: Record<string, NotificationCategory> = {
  roster: 'roster',
  period: 'roster',
  duty: 'roster',
  schedule: 'roster',
  leave: 'requests',
  request: 'requests',
  requests: 'requests',
  acting: 'requests',
  trip: 'requests',
  meeting: 'meetings',
  meetings: 'meetings',
  task: 'tasks',
  tasks: 'tasks',
  document: 'documents',
  documents: 'documents',
  summons: 'presence',
  checkin: 'presence',
  presence: 'presence',
  health: 'presence',
};

/** The category of a notification kind; unknown kinds are `other`. */
export function categoryOf(kind: string): NotificationCategory {
  const head =
    kind
      .trim()
      .toLowerCase()
      .split(/[._:-]/, 1)[0] ?? '';
  return PREFIXES[head] ?? 'other';
}

/** How a person wants e-mails: each at once, one summary a day at DIGEST_TIME, or none. */
export const EMAIL_MODES = ['immediate', 'digest', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

export const EMAIL_MODE_LABELS: Record<EmailMode, string> = {
  immediate: 'Gửi ngay',
  digest: 'Tóm tắt hằng ngày (17:30)',
  off: 'Không gửi',
};

/** The daily digest goes out at this time (Asia/Ho_Chi_Minh) on working days. */
export const DIGEST_TIME = '17:30';

export interface ChannelPrefs {
  email: EmailMode;
  /** Named in the chat-group (webhook) messages. */
  chat: boolean;
  /** Categories for which neither e-mail nor chat-group messages are sent (in the app: always). */
  mutedCategories: NotificationCategory[];
}

export const DEFAULT_PREFS: ChannelPrefs = { email: 'immediate', chat: true, mutedCategories: [] };

/** What a notification of `kind` becomes for one person with these preferences. */
export function channelsFor(
  prefs: ChannelPrefs,
  kind: string,
  opts: { email: boolean; hasAddress: boolean },
): { email: 'now' | 'digest' | 'none'; chat: boolean } {
  const muted = prefs.mutedCategories.includes(categoryOf(kind));
  let email: 'now' | 'digest' | 'none' = 'none';
  if (!muted && opts.hasAddress) {
    if (prefs.email === 'digest') email = 'digest';
    else if (prefs.email === 'immediate' && opts.email) email = 'now';
  }
  return { email, chat: prefs.chat && !muted };
}

/**
 * Why a webhook URL is refused, or null when it is accepted: https:// only; http:// only to this machine
 * (localhost, 127.0.0.1, ::1) and only when `allowHttpLocalhost` (development and tests).
 */
export function webhookUrlProblem(url: string, opts: { allowHttpLocalhost: boolean }): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'Địa chỉ không hợp lệ.';
  }
  if (u.username || u.password) return 'Địa chỉ không được chứa tên đăng nhập hoặc mật khẩu.';
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:') {
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
    if (local && opts.allowHttpLocalhost) return null;
    return 'Địa chỉ phải bắt đầu bằng https:// (http:// chỉ dùng cho máy này khi thử nghiệm).';
  }
  return 'Địa chỉ phải bắt đầu bằng https://.';
}

/** The string signed with HMAC-SHA256: `<timestamp>.<raw body>`. */
export function signatureBase(timestamp: string, rawBody: string): string {
  return `${timestamp}.${rawBody}`;
}

/** Seconds a receiver should accept between the timestamp header and its clock (replays older are refused). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;
