/**
 * Contracts of the documents module (issue 9, H1-H3): văn bản đến (register, submit to the Director,
 * directive to units, assignment to a person as a task, completion), văn bản đi (draft with versions,
 * ký nháy, thẩm định thể thức, ký, cấp số and ban hành to other agencies in Congvu, thu hồi), văn bản
 * mật (register entry only), lists (Văn bản đến, Văn bản đi, Chờ tôi xử lý / ký, Văn bản mật), the
 * Director's box (chờ ký, bị chuyển lên), the register export (sổ đăng ký XLSX) and agency settings.
 *
 * All endpoints are under /api/documents. Every write that changes a document takes its `version`
 * (409 VERSION_CONFLICT when stale; repeating the same transition right after it went through returns
 * the document unchanged). Content sent for a secret document is refused with 422 SECRET_CONTENT_REFUSED.
 */
import { z } from 'zod';
import { DOC_TYPE_KEYS, DOCUMENT_DIRECTIONS, REGISTERS, SECRECY_LEVELS, SIGNING_AUTHORITIES, URGENCIES } from '../domain/documents/vocab';
import { INCOMING_ACTIONS, INCOMING_STATUSES, OUTGOING_ACTIONS, OUTGOING_STATUSES, type EscalationReason } from '../domain/documents/workflow';
import { IdSchema, IsoDateSchema, VersionSchema } from './common';

export const DocumentDirectionSchema = z.enum(DOCUMENT_DIRECTIONS);
export const UrgencySchema = z.enum(URGENCIES);
export const SecrecySchema = z.enum(SECRECY_LEVELS);
export const RegisterSchema = z.enum(REGISTERS);
export const DocTypeSchema = z.enum(DOC_TYPE_KEYS);
export const SigningAuthoritySchema = z.enum(SIGNING_AUTHORITIES);
export const OutgoingStatusSchema = z.enum(OUTGOING_STATUSES);
export const IncomingStatusSchema = z.enum(INCOMING_STATUSES);
export const DocumentStatusSchema = z.union([OutgoingStatusSchema, IncomingStatusSchema]);
export const OutgoingActionSchema = z.enum(OUTGOING_ACTIONS);
export const IncomingActionSchema = z.enum(INCOMING_ACTIONS);
export const EscalationReasonSchema = z.enum(['returns', 'step_overdue'] satisfies EscalationReason[]);

/** Largest document file (PDF or DOCX, checked by magic bytes): 20 MB. */
export const DOCUMENT_FILE_MAX_BYTES = 20 * 1024 * 1024;
export const DOCUMENT_FILE_TYPES = ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'] as const;

const Subject = z.string().trim().min(3, 'Nhập trích yếu (ít nhất 3 ký tự).').max(1000);
const Reason = z.string().trim().max(2000);

// ---------------------------------------------------------------- incoming (văn bản đến)

/**
 * POST /api/documents/incoming — vào sổ văn bản đến (`document.register`, Office / văn thư). The số đến
 * is given by the register (per agency and year; secret documents in the secret register). For a secret
 * document (`secrecy` ≠ none) send no `subject` and no `body`: only the register entry is kept, and
 * `handlerPersonId` + `handledOn` put the handler on site that day (trực văn thư in the duty rota).
 */
export const IncomingCreate = z
  .object({
    agencyId: IdSchema,
    /** Ngày đến; default today. */
    arrivalDate: IsoDateSchema.optional(),
    /** Cơ quan ban hành (tác giả). */
    issuerName: z.string().trim().min(2, 'Nhập cơ quan ban hành.').max(300),
    docType: DocTypeSchema.default('cong_van'),
    /** Số, ký hiệu as written on the document, e.g. "2215/SNV-TCBM". */
    numberText: z.string().trim().min(1, 'Nhập số, ký hiệu văn bản.').max(60),
    /** Ngày văn bản. */
    issuedDate: IsoDateSchema,
    /** Trích yếu; refused for a secret document. */
    subject: Subject.optional(),
    /** Optional text of the document (for search); refused for a secret document. */
    body: z.string().max(200_000).optional(),
    urgency: UrgencySchema.default('normal'),
    secrecy: SecrecySchema.default('none'),
    /** Hạn xử lý. */
    dueDate: IsoDateSchema.optional(),
    /** Secret documents: the person the Office hands it to on paper, and the day (on site that day). */
    handlerPersonId: IdSchema.optional(),
    handledOn: IsoDateSchema.optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export type IncomingCreate = z.infer<typeof IncomingCreate>;

/** POST /api/documents/{id}/submit — trình lãnh đạo (Office): to the Director or a deputy. */
export const IncomingSubmit = z.object({ leaderPersonId: IdSchema, note: z.string().trim().max(2000).optional(), version: VersionSchema }).strict();
export type IncomingSubmit = z.infer<typeof IncomingSubmit>;

/**
 * POST /api/documents/{id}/direct — ý kiến chỉ đạo (bút phê) of the leader: lead unit (chủ trì),
 * coordinating units (phối hợp), deadline. Each unit's head receives a task linked to the document.
 */
export const IncomingDirect = z
  .object({
    directive: z.string().trim().min(3, 'Nhập ý kiến chỉ đạo (ít nhất 3 ký tự).').max(4000),
    leadUnitId: IdSchema,
    coordinatorUnitIds: z.array(IdSchema).max(30).optional(),
    dueDate: IsoDateSchema.optional(),
    version: VersionSchema,
  })
  .strict();
export type IncomingDirect = z.infer<typeof IncomingDirect>;

/**
 * POST /api/documents/{id}/assign — giao xử lý (unit head of the lead unit, or the leader): the lead
 * person (chủ trì) and coordinators get a task linked to the document; their actions on it count in
 * Phụ lục 2.
 */
export const IncomingAssign = z
  .object({
    leadPersonId: IdSchema,
    coordinatorIds: z.array(IdSchema).max(50).optional(),
    dueDate: IsoDateSchema.optional(),
    note: z.string().trim().max(4000).optional(),
    version: VersionSchema,
  })
  .strict();
export type IncomingAssign = z.infer<typeof IncomingAssign>;

/** POST /api/documents/{id}/complete — the lead person reports the document handled (its task done). */
export const IncomingComplete = z.object({ note: z.string().trim().max(4000).optional(), version: VersionSchema }).strict();
export type IncomingComplete = z.infer<typeof IncomingComplete>;

// ---------------------------------------------------------------- outgoing (văn bản đi)

export const RecipientInput = z
  .object({
    /** An agency in Congvu: it receives the document in its incoming register on issuance. */
    agencyId: IdSchema.optional(),
    /** Any other recipient (name as written in "Nơi nhận"). */
    name: z.string().trim().min(2).max(300).optional(),
  })
  .strict()
  .refine((r) => !!r.agencyId || !!r.name, { message: 'Chọn cơ quan nhận hoặc nhập tên nơi nhận.' });
export type RecipientInput = z.infer<typeof RecipientInput>;

/**
 * POST /api/documents/outgoing — a draft (dự thảo) by a specialist of `unitId` (`document.draft`).
 * A secret outgoing document (`secrecy` ≠ none) is only a register entry: no subject, body or files;
 * it gets its number from the secret register at once.
 */
export const OutgoingCreate = z
  .object({
    /** The drafting unit (default: the drafter's unit). */
    unitId: IdSchema.optional(),
    docType: DocTypeSchema.default('cong_van'),
    subject: Subject.optional(),
    /** The text of the draft (version 1). */
    body: z.string().max(200_000).optional(),
    urgency: UrgencySchema.default('normal'),
    secrecy: SecrecySchema.default('none'),
    /** Deadline for issuing (hạn ban hành); steps past it escalate. */
    dueDate: IsoDateSchema.optional(),
    recipients: z.array(RecipientInput).max(200).default([]),
    /** The proposed signer (Giám đốc, Phó Giám đốc, or a delegated person) and the form. */
    signerPersonId: IdSchema.optional(),
    signingAuthority: SigningAuthoritySchema.optional(),
    /** The incoming document this one answers (văn bản trả lời). */
    replyToId: IdSchema.optional(),
    /** Secret register entry only: the handler put on site on `handledOn`. */
    handlerPersonId: IdSchema.optional(),
    handledOn: IsoDateSchema.optional(),
  })
  .strict();
export type OutgoingCreate = z.infer<typeof OutgoingCreate>;

/** PATCH /api/documents/{id} — edit a draft (drafter, in draft or returned): a new version with its differences. */
export const OutgoingUpdate = z
  .object({
    subject: Subject.optional(),
    body: z.string().max(200_000).optional(),
    docType: DocTypeSchema.optional(),
    urgency: UrgencySchema.optional(),
    dueDate: IsoDateSchema.nullable().optional(),
    recipients: z.array(RecipientInput).max(200).optional(),
    signerPersonId: IdSchema.optional(),
    signingAuthority: SigningAuthoritySchema.optional(),
    /** What changed, in the drafter's words (shown in the version list). */
    note: z.string().trim().max(2000).optional(),
    version: VersionSchema,
  })
  .strict();
export type OutgoingUpdate = z.infer<typeof OutgoingUpdate>;

/**
 * POST /api/documents/{id}/transition — submit (trình), initial (ký nháy), approve_format (thẩm định
 * thể thức), sign (ký), return (trả lại, reason required), cancel (hủy dự thảo), recall (thu hồi after
 * issuance, reason required: the number stays, recorded as cancelled). Issuance has its own endpoint.
 */
export const OutgoingTransition = z
  .object({
    action: z.enum(['submit', 'initial', 'approve_format', 'sign', 'return', 'cancel', 'recall']),
    reason: Reason.optional(),
    /** sign: the form used (default: `head` for the Director, `kt` for a deputy, the delegation's form otherwise). */
    signingAuthority: SigningAuthoritySchema.optional(),
    version: VersionSchema,
  })
  .strict();
export type OutgoingTransition = z.infer<typeof OutgoingTransition>;

/** POST /api/documents/{id}/issue — cấp số và ban hành (Office): next number of the agency's register. */
export const OutgoingIssue = z.object({ version: VersionSchema }).strict();
export type OutgoingIssue = z.infer<typeof OutgoingIssue>;

// ---------------------------------------------------------------- delegations (TL. / TUQ.)

/** POST /api/documents/delegations — the Director lets a person sign TL. or TUQ. for a period (no re-delegation). */
export const DelegationCreate = z
  .object({
    agencyId: IdSchema,
    personId: IdSchema,
    form: z.enum(['tl', 'tuq']),
    validFrom: IsoDateSchema,
    validTo: IsoDateSchema,
    scope: z.string().trim().min(3, 'Nêu phạm vi ủy quyền.').max(1000),
  })
  .strict();
export type DelegationCreate = z.infer<typeof DelegationCreate>;
export const DelegationView = z.object({
  id: z.string(),
  agencyId: z.string(),
  personId: z.string(),
  fullName: z.string(),
  form: z.enum(['tl', 'tuq']),
  validFrom: z.string(),
  validTo: z.string(),
  scope: z.string(),
  createdAt: z.string(),
});
export type DelegationView = z.infer<typeof DelegationView>;

// ---------------------------------------------------------------- views

export const PersonRef = z.object({ id: z.string(), fullName: z.string() });
export const UnitRef = z.object({ id: z.string(), name: z.string() });

export const RecipientView = z.object({ agencyId: z.string().nullable(), name: z.string(), receivedDocumentId: z.string().nullable() });

export const DocumentListItem = z.object({
  id: z.string(),
  agencyId: z.string(),
  direction: DocumentDirectionSchema,
  register: RegisterSchema,
  status: DocumentStatusSchema,
  statusLabel: z.string(),
  docType: DocTypeSchema,
  docTypeLabel: z.string(),
  /** Trích yếu; for a secret document the placeholder "Văn bản mật — nội dung xử lý ngoài hệ thống". */
  subject: z.string(),
  urgency: UrgencySchema,
  secrecy: SecrecySchema,
  /** Số đến (incoming register). */
  arrivalNumber: z.number().nullable(),
  arrivalDate: z.string().nullable(),
  /** Số, ký hiệu: "123/SNV-TCBM" (null for an outgoing document not yet numbered). */
  numberText: z.string().nullable(),
  issuedDate: z.string().nullable(),
  issuerName: z.string().nullable(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  unit: UnitRef.nullable(),
  drafter: PersonRef.nullable(),
  signer: PersonRef.nullable(),
  /** Who must act now (people), for the lists and "Chờ tôi xử lý / ký". */
  waitingOn: z.array(PersonRef),
  /** Lượt trả lại. */
  returnCount: z.number(),
  escalated: z.boolean(),
  fileCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type DocumentListItem = z.infer<typeof DocumentListItem>;

export const DOCUMENT_BOXES = ['incoming', 'outgoing', 'waiting', 'secret'] as const;
/**
 * GET /api/documents — `box`: incoming (Văn bản đến), outgoing (Văn bản đi), waiting (Chờ tôi xử lý /
 * ký: documents at a step the current user must act on), secret (Văn bản mật: register entries).
 * `q` searches trích yếu, số/ký hiệu, cơ quan ban hành and text, with or without diacritics.
 */
export const DocumentListQuery = z.object({
  box: z.enum(DOCUMENT_BOXES).default('incoming'),
  agencyId: IdSchema.optional(),
  status: z.string().max(200).optional(),
  urgency: UrgencySchema.optional(),
  q: z.string().trim().max(200).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
export type DocumentListQuery = z.infer<typeof DocumentListQuery>;

export const DocumentListResponse = z.object({ documents: z.array(DocumentListItem), total: z.number(), today: z.string() });
export type DocumentListResponse = z.infer<typeof DocumentListResponse>;

export const DocumentEventView = z.object({
  id: z.number(),
  at: z.string(),
  /** registered, submitted, directed, assigned, completed, drafted, edited, initial, approve_format, sign, return, cancel, issued, numbered, received, recall, escalated, file_added, number_cancelled. */
  kind: z.string(),
  kindLabel: z.string(),
  actor: PersonRef.nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  /** Reason of a return or recall, directive, note. */
  reason: z.string().nullable(),
  data: z.unknown().nullable(),
});
export type DocumentEventView = z.infer<typeof DocumentEventView>;

export const DiffOpView = z.object({ op: z.enum(['same', 'add', 'del']), text: z.string() });
export const DocumentVersionView = z.object({
  seq: z.number(),
  subject: z.string(),
  body: z.string(),
  note: z.string().nullable(),
  author: PersonRef.nullable(),
  createdAt: z.string(),
  /** Line differences from the previous version (empty for version 1). */
  diff: z.array(DiffOpView),
  added: z.number(),
  removed: z.number(),
});
export type DocumentVersionView = z.infer<typeof DocumentVersionView>;

export const DocumentFileView = z.object({
  id: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
  sha256: z.string(),
  kind: z.string(),
  uploadedBy: PersonRef.nullable(),
  createdAt: z.string(),
});
export type DocumentFileView = z.infer<typeof DocumentFileView>;

export const DocumentTaskView = z.object({
  taskId: z.string(),
  step: z.enum(['leader', 'unit', 'handler']),
  title: z.string(),
  status: z.string(),
  lead: PersonRef,
  coordinators: z.array(PersonRef),
  dueDate: z.string().nullable(),
});
export const DocumentNumberView = z.object({
  register: RegisterSchema,
  year: z.number(),
  number: z.number(),
  numberText: z.string().nullable(),
  status: z.enum(['issued', 'cancelled']),
  reason: z.string().nullable(),
  at: z.string(),
});

export const DocumentDetail = DocumentListItem.extend({
  /** Latest text of the draft / the incoming text (never for a secret document). */
  body: z.string().nullable(),
  signingAuthority: SigningAuthoritySchema.nullable(),
  /** Signature block lines, e.g. ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]. */
  signatureBlock: z.array(z.string()),
  recipients: z.array(RecipientView),
  directive: z.string().nullable(),
  leadUnit: UnitRef.nullable(),
  coordinatorUnits: z.array(UnitRef),
  handler: PersonRef.nullable(),
  handledOn: z.string().nullable(),
  replyTo: z.object({ id: z.string(), numberText: z.string().nullable(), subject: z.string() }).nullable(),
  /** The outgoing document of another agency this incoming one came from. */
  source: z.object({ documentId: z.string(), agencyId: z.string() }).nullable(),
  stepEnteredAt: z.string().nullable(),
  escalations: z.array(z.object({ reason: EscalationReasonSchema, at: z.string() })),
  timeline: z.array(DocumentEventView),
  versions: z.array(DocumentVersionView),
  files: z.array(DocumentFileView),
  tasks: z.array(DocumentTaskView),
  numbers: z.array(DocumentNumberView),
  /** What the current user may do now. */
  can: z.object({
    edit: z.boolean(),
    attach: z.boolean(),
    outgoing: z.array(OutgoingActionSchema),
    incoming: z.array(IncomingActionSchema),
  }),
});
export type DocumentDetail = z.infer<typeof DocumentDetail>;

/** GET /api/documents/director?agencyId= — for the Director's home: what waits for signature, what is escalated. */
export const DirectorBox = z.object({
  agencyId: z.string(),
  waitingSignature: z.array(DocumentListItem),
  escalated: z.array(DocumentListItem.extend({ reasons: z.array(EscalationReasonSchema) })),
  incomingToDirect: z.array(DocumentListItem),
});
export type DirectorBox = z.infer<typeof DirectorBox>;

/** GET /api/documents/register.xlsx?agencyId=&register=&year= — sổ đăng ký (Phụ lục IV columns). */
export const RegisterExportQuery = z.object({ agencyId: IdSchema, register: RegisterSchema, year: z.coerce.number().int().min(2000).max(2100) });
export type RegisterExportQuery = z.infer<typeof RegisterExportQuery>;

/** GET/PUT /api/documents/settings?agencyId= — escalation thresholds and unit abbreviations for ký hiệu. */
export const DocumentSettings = z
  .object({
    agencyId: IdSchema,
    /** Returned more than this many times → escalates to the Director (default 2). */
    maxReturns: z.number().int().min(0).max(20),
    /** Days at one step before escalation (default 2). */
    stepDays: z.number().int().min(1).max(60),
    /** Unit abbreviations used in ký hiệu of công văn, e.g. { "<unitId>": "TCBM" }; units not listed use their initials. */
    unitCodes: z.record(z.string(), z.string().regex(/^[\p{L}\d]{1,12}$/u, 'Ký hiệu đơn vị chỉ gồm chữ cái và chữ số (tối đa 12).')),
  })
  .strict();
export type DocumentSettings = z.infer<typeof DocumentSettings>;
export const DocumentSettingsQuery = z.object({ agencyId: IdSchema });

/**
 * GET /api/documents/options?agencyId= — choices of the document forms for a member of the agency:
 * agencies in Congvu a document can be issued to (nơi nhận), and the agency's leaders (người ký,
 * trình lãnh đạo), which staff cannot list through /api/org.
 */
export const DocumentOptions = z.object({
  agencies: z.array(z.object({ id: z.string(), name: z.string() })),
  leaders: z.array(z.object({ id: z.string(), fullName: z.string(), position: z.string(), title: z.string().nullable() })),
});
export type DocumentOptions = z.infer<typeof DocumentOptions>;
