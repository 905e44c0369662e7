/** Strings of the notifications bell (header). Mounted as `notifications` in web/i18n/vi.ts and en.ts. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const notificationsVi = {
  bell: 'Thông báo',
  bellUnread_one: 'Thông báo: {{count}} chưa đọc',
  bellUnread_other: 'Thông báo: {{count}} chưa đọc',
  title: 'Thông báo',
  markAll: 'Đánh dấu tất cả đã đọc',
  markedAll: 'Đã đánh dấu tất cả là đã đọc.',
  empty: 'Chưa có thông báo nào.',
  unread: 'Chưa đọc',
  newOne: 'Thông báo mới: {{title}}',
  reconnecting: 'Đang kết nối lại để nhận thông báo trực tiếp…',
  listLabel: 'Danh sách thông báo',
};

export const notificationsEn: Shape<typeof notificationsVi> = {
  bell: 'Notifications',
  bellUnread_one: 'Notifications: {{count}} unread',
  bellUnread_other: 'Notifications: {{count}} unread',
  title: 'Notifications',
  markAll: 'Mark all as read',
  markedAll: 'All marked as read.',
  empty: 'No notifications yet.',
  unread: 'Unread',
  newOne: 'New notification: {{title}}',
  reconnecting: 'Reconnecting to receive live notifications…',
  listLabel: 'Notifications list',
};
