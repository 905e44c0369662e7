/** Contracts of the organisation module (agencies, units, people, accounts). */
import { z } from 'zod';
import { APP_ROLES } from '../domain/permissions';
import { AGENCY_KINDS } from '../domain/org';
import { ROLES, UNIT_KINDS } from '../domain/roster/format';
import { IdSchema, VersionSchema } from './common';

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();

export const AgencyView = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  path: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  code: z.string().nullable(),
  kind: z.enum(AGENCY_KINDS),
  district: z.string().nullable(),
  province: z.string().nullable(),
  address: z.string().nullable(),
  version: z.number(),
});
export type AgencyView = z.infer<typeof AgencyView>;
export const AgencyList = z.object({ agencies: z.array(AgencyView) });

export const AgencyCreate = z
  .object({
    /** Optional readable id (letters, digits, '-'); generated when absent. */
    id: z
      .string()
      .regex(/^[a-z0-9-]{2,60}$/, 'Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang.')
      .optional(),
    parentId: IdSchema.nullable(),
    name: text(300).min(2, 'Nhập tên cơ quan.'),
    shortName: optionalText(100),
    code: optionalText(30),
    kind: z.enum(AGENCY_KINDS),
    district: optionalText(100),
    province: optionalText(100),
    address: optionalText(300),
  })
  .strict();
export const AgencyUpdate = AgencyCreate.omit({ id: true, parentId: true }).partial().extend({ version: VersionSchema }).strict();

export const UnitView = z.object({
  id: z.string(),
  agencyId: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  sortOrder: z.number(),
  peopleCount: z.number(),
  version: z.number(),
});
export type UnitView = z.infer<typeof UnitView>;
export const UnitList = z.object({ units: z.array(UnitView) });
export const UnitCreate = z
  .object({ name: text(200).min(2, 'Nhập tên đơn vị.'), kind: z.enum(UNIT_KINDS), sortOrder: z.number().int().min(0).max(10_000).optional() })
  .strict();
export const UnitUpdate = UnitCreate.partial().extend({ version: VersionSchema }).strict();

export const PersonView = z.object({
  id: z.string(),
  agencyId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  fullName: z.string(),
  position: z.enum(ROLES),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  hasComputer: z.boolean(),
  hasEofficeAccess: z.boolean(),
  canWorkFromHome: z.boolean(),
  homeWorkplace: z.string().nullable(),
  residenceArea: z.string().nullable(),
  active: z.boolean(),
  hasAccount: z.boolean(),
  version: z.number(),
});
export type PersonView = z.infer<typeof PersonView>;
export const PersonList = z.object({ people: z.array(PersonView), total: z.number() });
export const PeopleQuery = z.object({
  agencyId: IdSchema.optional(),
  unitId: IdSchema.optional(),
  q: z.string().max(100).optional(),
  includeInactive: z.enum(['0', '1']).optional(),
});

export const PersonCreate = z
  .object({
    unitId: IdSchema,
    fullName: text(150).min(2, 'Nhập họ và tên.'),
    position: z.enum(ROLES),
    title: optionalText(150),
    email: z.string().trim().email('Email không hợp lệ.').max(200).nullable().optional(),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+ .()-]{6,20}$/, 'Số điện thoại không hợp lệ.')
      .nullable()
      .optional(),
    hasComputer: z.boolean(),
    hasEofficeAccess: z.boolean(),
    homeWorkplace: optionalText(300),
    residenceArea: optionalText(150),
  })
  .strict();
export type PersonCreate = z.infer<typeof PersonCreate>;
export const PersonUpdate = PersonCreate.partial().extend({ version: VersionSchema, active: z.boolean().optional() }).strict();
export type PersonUpdate = z.infer<typeof PersonUpdate>;

export const ImportIssue = z.object({ row: z.number(), column: z.string(), field: z.string(), message: z.string() });
export const ImportResult = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  created: z.number(),
  updated: z.number(),
  errors: z.array(ImportIssue),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const AccountView = z.object({
  userId: z.string(),
  username: z.string(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  grants: z.array(z.object({ role: z.enum(APP_ROLES), agencyId: z.string(), unitId: z.string().nullable() })),
});
export const AccountUpsert = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9._-]{3,60}$/, 'Tên đăng nhập gồm 3-60 ký tự: chữ không dấu, số, dấu chấm, gạch.'),
    roles: z.array(z.enum(APP_ROLES)).min(1, 'Chọn ít nhất một vai trò.'),
    disabled: z.boolean().optional(),
  })
  .strict();
export const AccountResult = z.object({ account: AccountView, temporaryPassword: z.string().nullable() });
