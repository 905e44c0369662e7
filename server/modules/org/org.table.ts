import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Agencies form a tree of any depth (the 2025 reform removed districts): province People's
 * Committee → Sở / ban / ngành → … `path` is the materialised path `/root/…/self/` for subtree checks.
 */
export const agencies = pgTable(
  'agencies',
  {
    id: text('id').primaryKey(),
    parentId: text('parent_id'),
    path: text('path').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    /** Ký hiệu used in document numbers, e.g. SNV, SLĐTBXH. */
    code: text('code'),
    /** province | department | district | commune | other */
    kind: text('kind').notNull().default('department'),
    /** District or area where the agency sits (policy scope by area). */
    district: text('district'),
    province: text('province'),
    address: text('address'),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agencies_parent_idx').on(t.parentId), index('agencies_path_idx').on(t.path)],
);

/** Units of an agency: Ban Giám đốc, Văn phòng, Thanh tra, phòng chuyên môn, trung tâm. */
export const units = pgTable(
  'units',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id')
      .notNull()
      .references(() => agencies.id),
    name: text('name').notNull(),
    /** office | department | center | inspectorate | board (roster format `units[].kind`) */
    kind: text('kind').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('units_agency_idx').on(t.agencyId)],
);

/** Civil servants, public employees and workers (cán bộ, công chức, viên chức, người lao động). */
export const people = pgTable(
  'people',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id')
      .notNull()
      .references(() => agencies.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    fullName: text('full_name').notNull(),
    /** Position in the roster format: director, deputy_director, chief_of_office, …, staff. */
    position: text('position').notNull().default('staff'),
    /** Title as written by the agency, e.g. "Phó Trưởng phòng", "Chuyên viên". */
    title: text('title'),
    email: text('email'),
    phone: text('phone'),
    /** WFH eligibility (seed 004): a computer and e-office access. */
    hasComputer: boolean('has_computer').notNull().default(true),
    hasEofficeAccess: boolean('has_eoffice_access').notNull().default(true),
    /** Registered place of work when at home (seed 000). */
    homeWorkplace: text('home_workplace'),
    /** Residence area: district / commune (seed 002 §2). */
    residenceArea: text('residence_area'),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('people_unit_idx').on(t.unitId), index('people_agency_idx').on(t.agencyId), uniqueIndex('people_email_uq').on(t.email)],
);
