import { z } from 'zod';

export const NotificationView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;
export const NotificationList = z.object({ notifications: z.array(NotificationView), unread: z.number() });
export type NotificationList = z.infer<typeof NotificationList>;
