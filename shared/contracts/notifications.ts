import { z } from 'zod';
import { EMAIL_MODES, NOTIFICATION_CATEGORIES } from '../domain/notifications';
import { IdSchema } from './common';

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

// ---------------------------------------------------------------- channels (issue 10 item 6)

const Category = z.enum(NOTIFICATION_CATEGORIES);
const NameSchema = z.string().trim().min(1, 'Nhập tên kênh.').max(100, 'Tên kênh dài tối đa 100 ký tự.');
const UrlSchema = z.string().trim().min(1, 'Nhập địa chỉ nhận (URL).').max(500, 'Địa chỉ dài tối đa 500 ký tự.');
const Categories = z
  .array(Category)
  .min(1, 'Chọn ít nhất một loại thông báo.')
  .max(NOTIFICATION_CATEGORIES.length)
  .refine((a) => new Set(a).size === a.length, { message: 'Loại thông báo bị lặp.' });

export const NotificationPrefsView = z.object({
  email: z.enum(EMAIL_MODES),
  chat: z.boolean(),
  mutedCategories: z.array(Category),
  /** 0: never saved (the defaults). */
  version: z.number().int(),
  /** The person has an e-mail address (otherwise no e-mail is sent, whatever the choice). */
  hasEmailAddress: z.boolean(),
});
export type NotificationPrefsView = z.infer<typeof NotificationPrefsView>;

export const NotificationPrefsPut = z
  .object({
    email: z.enum(EMAIL_MODES),
    chat: z.boolean(),
    mutedCategories: z
      .array(Category)
      .max(NOTIFICATION_CATEGORIES.length)
      .refine((a) => new Set(a).size === a.length, { message: 'Loại thông báo bị lặp.' }),
    version: z.number().int().min(0),
  })
  .strict();
export type NotificationPrefsPut = z.infer<typeof NotificationPrefsPut>;

export const WebhookView = z.object({
  id: z.string(),
  agencyId: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  name: z.string(),
  url: z.string(),
  categories: z.array(Category),
  enabled: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  lastDeliveryAt: z.string().nullable(),
  lastDeliveryOk: z.boolean().nullable(),
  lastError: z.string().nullable(),
  /** Deliveries waiting (new or to retry). */
  pending: z.number().int(),
});
export type WebhookView = z.infer<typeof WebhookView>;
export const WebhookList = z.object({ webhooks: z.array(WebhookView) });
export type WebhookList = z.infer<typeof WebhookList>;

export const WebhookQuery = z.object({ agencyId: IdSchema });

export const WebhookCreate = z
  .object({
    agencyId: IdSchema,
    unitId: IdSchema.nullable().optional(),
    name: NameSchema,
    url: UrlSchema,
    categories: Categories,
    enabled: z.boolean().optional(),
  })
  .strict();
export type WebhookCreate = z.infer<typeof WebhookCreate>;

/** The new endpoint with its signing secret, shown this once. */
export const WebhookCreated = WebhookView.extend({ secret: z.string() });
export type WebhookCreated = z.infer<typeof WebhookCreated>;

export const WebhookPatch = z
  .object({
    version: z.number().int().min(1),
    name: NameSchema.optional(),
    url: UrlSchema.optional(),
    categories: Categories.optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export type WebhookPatch = z.infer<typeof WebhookPatch>;

export const WebhookTestResult = z.object({
  ok: z.boolean(),
  deliveryId: z.string(),
  status: z.number().int().nullable(),
  error: z.string().nullable(),
});
export type WebhookTestResult = z.infer<typeof WebhookTestResult>;
