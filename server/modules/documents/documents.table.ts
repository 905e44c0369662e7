import { sql } from 'drizzle-orm';
import { bigserial, boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * Văn bản đến (direction `in`) and văn bản đi (`out`) of an agency (issue 9). A secret document
 * (`secrecy` ≠ none) is a register entry only: subject, body and files stay empty (refused on every
 * path). Field names follow NĐ 30 Phụ lục VI where they exist (arrivalNumber, codeNumber, codeNotation,
 * subject, issuedDate, dueDate).
 */
export const documents = pgTable(
  'documents',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id').notNull(),
    /** in | out */
    direction: text('direction').notNull(),
    /** den | di | mat_den | mat_di */
    register: text('register').notNull(),
    /** The workflow status (shared/domain/documents/workflow.ts). */
    status: text('status').notNull(),
    docType: text('doc_type').notNull().default('cong_van'),
    /** Trích yếu (null for a secret document). */
    subject: text('subject'),
    /** Latest text (draft or incoming text; null for a secret document). */
    body: text('body'),
    urgency: text('urgency').notNull().default('normal'),
    secrecy: text('secrecy').notNull().default('none'),
    /** Số đến (incoming). */
    arrivalNumber: integer('arrival_number'),
    arrivalDate: text('arrival_date'),
    /** Số (outgoing, after issuance) — or parsed from an incoming document's số, ký hiệu. */
    codeNumber: integer('code_number'),
    codeNotation: text('code_notation'),
    /** "123/SNV-TCBM" as printed. */
    numberText: text('number_text'),
    /** Register year (Asia/Ho_Chi_Minh) of the arrival number or issued number. */
    registerYear: integer('register_year'),
    /** Ngày văn bản. */
    issuedDate: text('issued_date'),
    issuerName: text('issuer_name'),
    /** Hạn xử lý / hạn ban hành. */
    dueDate: text('due_date'),
    /** Drafting unit (out) or lead unit (in, once directed). */
    unitId: text('unit_id'),
    coordinatorUnitIds: jsonb('coordinator_unit_ids').$type<string[]>(),
    directive: text('directive'),
    drafterPersonId: text('drafter_person_id'),
    /** The leader an incoming document is submitted to; the proposed or actual signer of an outgoing one. */
    leaderPersonId: text('leader_person_id'),
    signerPersonId: text('signer_person_id'),
    signingAuthority: text('signing_authority'),
    /** Lead handler of an incoming document / handler of a secret one. */
    handlerPersonId: text('handler_person_id'),
    handledOn: text('handled_on'),
    recipients: jsonb('recipients').$type<{ agencyId: string | null; name: string; receivedDocumentId: string | null }[]>(),
    replyToId: text('reply_to_id'),
    /** For an incoming document received from another agency in Congvu. */
    sourceDocumentId: text('source_document_id'),
    sourceAgencyId: text('source_agency_id'),
    returnCount: integer('return_count').notNull().default(0),
    stepEnteredAt: timestamp('step_entered_at', { withTimezone: true }),
    escalated: boolean('escalated').notNull().default(false),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    /** Lowercase text without diacritics of subject, number, issuer and body (search "cong van khan"). */
    searchText: text('search_text').notNull().default(''),
    createdByUserId: text('created_by_user_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('documents_agency_dir_idx').on(t.agencyId, t.direction, t.createdAt),
    index('documents_unit_idx').on(t.unitId, t.status),
    index('documents_status_idx').on(t.agencyId, t.status),
    index('documents_drafter_idx').on(t.drafterPersonId),
    index('documents_signer_idx').on(t.signerPersonId, t.status),
    // Search (pg_trgm + btree_gin, created by the migrations, loaded by PGlite in db/client.ts): one GIN scan
    // intersects the agency with the trigrams of every word (`search_text LIKE '%word%'`), whatever the
    // planner guesses about how the words correlate; see docs/BENCHMARKS.md, Documents.
    index('documents_agency_search_idx').using('gin', t.agencyId, t.searchText.op('gin_trgm_ops')),
    uniqueIndex('documents_arrival_uq').on(t.agencyId, t.register, t.registerYear, t.arrivalNumber),
    uniqueIndex('documents_source_uq').on(t.agencyId, t.sourceDocumentId),
  ],
);

/** Every step of a document (the timeline and the NĐ 30 Phụ lục VI §III.5a trail), append-only. */
export const documentEvents = pgTable(
  'document_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    documentId: text('document_id').notNull(),
    agencyId: text('agency_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: text('actor_user_id'),
    personId: text('person_id'),
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    reason: text('reason'),
    data: jsonb('data'),
  },
  (t) => [index('document_events_doc_idx').on(t.documentId, t.id)],
);

/** Versions of a draft (dự thảo), with the text of each version. */
export const documentVersions = pgTable(
  'document_versions',
  {
    documentId: text('document_id').notNull(),
    seq: integer('seq').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    note: text('note'),
    personId: text('person_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.seq] })],
);

/** Files of a document (PDF/DOCX, never for a secret document). */
export const documentFiles = pgTable(
  'document_files',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id').notNull(),
    /** original | attachment | signed */
    kind: text('kind').notNull().default('original'),
    personId: text('person_id'),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('document_files_doc_idx').on(t.documentId)],
);

/** Tasks made for a document (leader, unit, handler steps): their actions are the activity Phụ lục 2 counts. */
export const documentTasks = pgTable(
  'document_tasks',
  {
    taskId: text('task_id').primaryKey(),
    documentId: text('document_id').notNull(),
    /** leader | unit | handler */
    step: text('step').notNull(),
  },
  (t) => [index('document_tasks_doc_idx').on(t.documentId)],
);

/**
 * Number sequences: one row per agency, register and year; `last` is the last number given. Allocated by
 * `INSERT … ON CONFLICT DO UPDATE SET last = last + 1 RETURNING last` in the issuing transaction.
 */
export const documentCounters = pgTable(
  'document_counters',
  {
    agencyId: text('agency_id').notNull(),
    register: text('register').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.register, t.year] })],
);

/** Every number given (the register): issued, or cancelled with its reason (no silent gap). */
export const documentNumbers = pgTable(
  'document_numbers',
  {
    agencyId: text('agency_id').notNull(),
    register: text('register').notNull(),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    documentId: text('document_id').notNull(),
    numberText: text('number_text'),
    /** issued | cancelled */
    status: text('status').notNull().default('issued'),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    byUserId: text('by_user_id'),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.register, t.year, t.number] }), index('document_numbers_doc_idx').on(t.documentId)],
);

/** Per-agency settings: escalation thresholds and unit abbreviations for ký hiệu. */
export const documentSettings = pgTable('document_settings', {
  agencyId: text('agency_id').primaryKey(),
  maxReturns: integer('max_returns').notNull().default(2),
  stepDays: integer('step_days').notNull().default(2),
  unitCodes: jsonb('unit_codes').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** TL. / TUQ. delegations: a person signs for the head within a period (no re-delegation). */
export const documentDelegations = pgTable(
  'document_delegations',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id').notNull(),
    personId: text('person_id').notNull(),
    /** tl | tuq */
    form: text('form').notNull(),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to').notNull(),
    scope: text('scope').notNull(),
    createdByUserId: text('created_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('document_delegations_person_idx').on(t.personId, t.validFrom)],
);
