import { sql } from 'drizzle-orm'
import {
  bigint, bigserial, boolean, date, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core'
import { commitmentTypes, disclosures, fulfilments } from '../../shared/commitments'
import { recordKinds, severities, subjectKinds } from '../../shared/kinds'
import type { RepairDecisionFacts } from '../../shared/schemas/repairs'

export const recordKind = pgEnum('record_kind', recordKinds)
export const subjectKind = pgEnum('subject_kind', subjectKinds)
export const severity = pgEnum('severity', severities)
export const recordState = pgEnum('record_state', ['active', 'expired', 'withdrawn', 'repaired'])
export const licenseStatus = pgEnum('license_status', ['valid', 'invalid'])

export const departments = pgTable('departments', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull().unique(),
  creditCode: text('credit_code').notNull().unique(),
  repairRequirements: jsonb('repair_requirements').$type<RepairRequirements>().notNull().default({ certificate: false, documents: [] }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

/** The public credit information catalog: which kinds each department may publish (DOMAIN.md rule 8). */
export const catalog = pgTable('catalog', {
  departmentId: integer('department_id').notNull().references(() => departments.id, { onDelete: 'cascade' }),
  kind: recordKind('kind').notNull(),
}, t => [primaryKey({ columns: [t.departmentId, t.kind] })])

/** Ingest API keys; only a hash is kept, the key is shown once when created. */
export const departmentKeys = pgTable('department_keys', {
  id: serial('id').primaryKey(),
  departmentId: integer('department_id').notNull().references(() => departments.id, { onDelete: 'cascade' }),
  keyHash: text('key_hash').notNull().unique(),
  label: text('label').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
})

export const subjects = pgTable('subjects', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  /** 'C:<credit code>' for organisations, 'P:<id type>:<id number>' for natural persons. */
  identityKey: text('identity_key').notNull().unique(),
  kind: subjectKind('kind').notNull(),
  name: text('name').notNull(),
  creditCode: text('credit_code').unique(),
  businessRegNo: text('business_reg_no'),
  orgCode: text('org_code'),
  taxRegNo: text('tax_reg_no'),
  institutionCertNo: text('institution_cert_no'),
  socialOrgCertNo: text('social_org_cert_no'),
  legalRepresentative: text('legal_representative'),
  /** Private (DOMAIN.md rule 7): never indexed, never on a public page, never logged. */
  legalRepIdType: text('legal_rep_id_type'),
  legalRepIdNumber: text('legal_rep_id_number'),
  idType: text('id_type'),
  idNumber: text('id_number'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

export const records = pgTable('records', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: recordKind('kind').notNull(),
  subjectId: bigint('subject_id', { mode: 'number' }).notNull().references(() => subjects.id),
  departmentId: integer('department_id').notNull().references(() => departments.id),
  state: recordState('state').notNull().default('active'),
  /** 行政相对人名称 as the decision names the subject. */
  subjectName: text('subject_name').notNull(),
  documentNumber: text('document_number').notNull(),
  documentName: text('document_name'),
  decisionDate: date('decision_date', { mode: 'string' }).notNull(),
  content: text('content').notNull(),
  legalBasis: text('legal_basis'),
  authority: text('authority').notNull(),
  authorityCreditCode: text('authority_credit_code'),
  sourceDepartment: text('source_department').notNull(),
  sourceDepartmentCreditCode: text('source_department_credit_code'),
  remarks: text('remarks'),
  // licence
  licenseCategory: text('license_category'),
  certificateName: text('certificate_name'),
  licenseNumber: text('license_number'),
  validFrom: date('valid_from', { mode: 'string' }),
  validTo: date('valid_to', { mode: 'string' }),
  licenseStatus: licenseStatus('license_status'),
  // penalty
  violationType: text('violation_type'),
  violationFacts: text('violation_facts'),
  penaltyCategories: text('penalty_categories').array(),
  fineAmount: numeric('fine_amount', { precision: 18, scale: 6, mode: 'number' }),
  confiscatedAmount: numeric('confiscated_amount', { precision: 18, scale: 6, mode: 'number' }),
  suspendedLicense: text('suspended_license'),
  penaltyValidUntil: date('penalty_valid_until', { mode: 'string' }),
  disclosureDeadline: date('disclosure_deadline', { mode: 'string' }),
  severity: severity('severity'),
  // publication (DOMAIN.md rule 3), computed at ingest from the policy table
  repairableFrom: date('repairable_from', { mode: 'string' }),
  publicUntil: date('public_until', { mode: 'string' }),
  /** The open objection about this record (DOMAIN.md rule 4): shown publicly as 异议处理中; one at a time. */
  objectionId: bigint('objection_id', { mode: 'number' }),
  /** The open repair application covering this record: shown to its subject as 修复办理中; one at a time. */
  repairId: bigint('repair_id', { mode: 'number' }),
  /** Hash of the normalised fields: a re-sent identical row is reported unchanged. */
  contentHash: text('content_hash').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, t => [
  uniqueIndex('records_department_kind_document_idx').on(t.departmentId, t.kind, t.documentNumber),
  index('records_subject_idx').on(t.subjectId),
  index('records_expiry_idx').on(t.publicUntil).where(sql`state = 'active'`),
])

/** Changes of what is public, written in the same transaction as the change and drained into the index. */
export const outbox = pgTable('outbox', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  recordId: bigint('record_id', { mode: 'number' }).notNull(),
  claimedUntil: timestamp('claimed_until', { withTimezone: true }),
  attempts: integer('attempts').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

/** Every change of a record and every staff read of non-public data (DOMAIN.md rule 9). */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  detail: jsonb('detail').$type<Record<string, unknown>>(),
  success: boolean('success').notNull().default(true),
})

export const userRoles = ['public', 'subject_agent', 'department_reviewer', 'credit_office', 'admin'] as const
export const userRole = pgEnum('user_role', userRoles)

/** Accounts. Staff (reviewer, credit office, admin) are created by an admin, never by sign-up. */
export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  email: text('email').unique(),
  mobile: text('mobile').unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: userRole('role').notNull().default('public'),
  departmentId: integer('department_id').references(() => departments.id),
  /** The natural-person subject an identity provider verified this account as (DOMAIN.md rule 7: the ID number is not kept here). */
  personSubjectId: bigint('person_subject_id', { mode: 'number' }).references(() => subjects.id),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

/**
 * Signed-in sessions. The sealed cookie carries the id; every request finds its row not revoked, so signing
 * out, a password reset, a disabled account or "sign out everywhere" counts at the next request, on every instance.
 */
export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, t => [index('sessions_user_idx').on(t.userId)])

/** Password-reset links; only a hash of the token is kept. */
export const passwordResets = pgTable('password_resets', {
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
})

/** Who may act for a subject (主体认领), granted by an approved claim. */
export const subjectAgents = pgTable('subject_agents', {
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  subjectId: bigint('subject_id', { mode: 'number' }).notNull().references(() => subjects.id),
  applicationId: bigint('application_id', { mode: 'number' }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, t => [primaryKey({ columns: [t.userId, t.subjectId] }), index('subject_agents_subject_idx').on(t.subjectId)])

export const applicationKinds = ['claim', 'objection', 'repair', 'registration', 'commitment'] as const
export const applicationKind = pgEnum('application_kind', applicationKinds)

/** Every "a subject applies, staff review it within a deadline" case; `state` follows its workflow. */
export const applications = pgTable('applications', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: applicationKind('kind').notNull(),
  state: text('state').notNull(),
  subjectId: bigint('subject_id', { mode: 'number' }).notNull().references(() => subjects.id),
  applicantId: integer('applicant_id').notNull().references(() => users.id),
  /** The department whose reviewers decide it; null while the credit office handles it. */
  departmentId: integer('department_id').references(() => departments.id),
  /** The day the current step must be decided by, in working days from when it began. */
  dueOn: date('due_on', { mode: 'string' }),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  /** Optimistic lock: a transition names the version it saw, so two reviewers cannot both win. */
  version: integer('version').notNull().default(0),
  /** The form's one-time key: a second click of the same submission finds the first application. */
  requestKey: text('request_key').unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, t => [
  index('applications_queue_idx').on(t.kind, t.state, t.dueOn),
  index('applications_applicant_idx').on(t.applicantId),
  index('applications_subject_idx').on(t.subjectId),
])

export const applicationEvents = pgTable('application_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  applicationId: bigint('application_id', { mode: 'number' }).notNull().references(() => applications.id, { onDelete: 'cascade' }),
  action: text('action').notNull(),
  fromState: text('from_state'),
  toState: text('to_state').notNull(),
  actorId: integer('actor_id').notNull().references(() => users.id),
  actorRole: userRole('actor_role').notNull(),
  reason: text('reason'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, t => [index('application_events_application_idx').on(t.applicationId)])

/** Evidence files; the bytes live in private Nitro storage under `storageKey`. */
export const files = pgTable('files', {
  id: text('id').primaryKey(),
  uploaderId: integer('uploader_id').notNull().references(() => users.id),
  applicationId: bigint('application_id', { mode: 'number' }).references(() => applications.id),
  eventId: bigint('event_id', { mode: 'number' }).references(() => applicationEvents.id),
  name: text('name').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, t => [index('files_application_idx').on(t.applicationId)])

/** The in-app message box (我的消息). */
export const messages = pgTable('messages', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  body: text('body').notNull(),
  link: text('link'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  readAt: timestamp('read_at', { withTimezone: true }),
}, t => [index('messages_user_idx').on(t.userId, t.createdAt)])

/** A record's history: each correction keeps the version it replaced, each objection step its outcome. */
export const recordHistory = pgTable('record_history', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  recordId: bigint('record_id', { mode: 'number' }).notNull().references(() => records.id),
  action: text('action').notNull(),
  applicationId: bigint('application_id', { mode: 'number' }).references(() => applications.id),
  actor: text('actor').notNull(),
  /** The record's fields before a correction (field key → value). */
  previous: jsonb('previous').$type<Record<string, unknown>>(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, t => [index('record_history_record_idx').on(t.recordId)])

/**
 * 信用修复 (DOMAIN.md rule 5): the open repair application of a record, one at a time, like `objection_id`;
 * and each department's extra requirements (谁认定谁修复: the finding department says what it needs).
 */
export interface RepairRequirements {
  /** A 修复培训 certificate of the subject is required. */
  certificate: boolean
  /** Other documents the department asks for, by name (营业执照, 经办人身份证明, 授权委托书…). */
  documents: string[]
}

/** 信用修复决定书: issued when the finding department approves; numbered per year. */
export const repairDecisions = pgTable('repair_decisions', {
  id: serial('id').primaryKey(),
  applicationId: bigint('application_id', { mode: 'number' }).notNull().unique().references(() => applications.id),
  number: text('number').notNull().unique(),
  departmentId: integer('department_id').notNull().references(() => departments.id),
  subjectId: bigint('subject_id', { mode: 'number' }).notNull().references(() => subjects.id),
  recordIds: bigint('record_ids', { mode: 'number' }).array().notNull(),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  /** What the decision vouches for, as sealed (server/domain/repairs/decisionSeal.ts) and shown on its public page. */
  facts: jsonb('facts').$type<RepairDecisionFacts>().notNull(),
  /** Null for decisions issued before decisions were sealed. */
  contentHash: text('content_hash'),
  seal: text('seal'),
  keyId: text('key_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

/** 修复培训: a course the credit office keeps, with lessons and a question bank. */
export const courses = pgTable('courses', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  summary: text('summary').notNull().default(''),
  /** Percentage needed to pass. */
  passMark: integer('pass_mark').notNull().default(80),
  /** Questions drawn at random from the bank for one test. */
  questionsPerQuiz: integer('questions_per_quiz').notNull().default(10),
  attemptsPerDay: integer('attempts_per_day').notNull().default(3),
  published: boolean('published').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/** Images and videos of lessons: public teaching material, in storage under `media:`. */
export const courseMedia = pgTable('course_media', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  mime: text('mime').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  /** A video's length as its file header states it (MP4 mvhd, WebM Info); null when it does not, or for an image. */
  durationSeconds: integer('duration_seconds'),
  uploaderId: integer('uploader_id').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export const lessons = pgTable('lessons', {
  id: serial('id').primaryKey(),
  courseId: integer('course_id').notNull().references(() => courses.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  title: text('title').notNull(),
  /** Sanitized HTML from the console's editor. */
  body: text('body').notNull().default(''),
  videoId: text('video_id').references(() => courseMedia.id),
  /** The least time the lesson must be open before it counts as read; null takes config/training.ts's default. */
  readingSeconds: integer('reading_seconds'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, t => [index('lessons_course_idx').on(t.courseId, t.position)])

/** The question bank: `answers` are indexes into `options`, and never leave the server before grading. */
export const questions = pgTable('questions', {
  id: serial('id').primaryKey(),
  courseId: integer('course_id').notNull().references(() => courses.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  options: text('options').array().notNull(),
  answers: integer('answers').array().notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, t => [index('questions_course_idx').on(t.courseId)])

/** Where a learner stopped in each lesson. */
export const lessonProgress = pgTable('lesson_progress', {
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  lessonId: integer('lesson_id').notNull().references(() => lessons.id, { onDelete: 'cascade' }),
  /** Seconds into the video, or how far the text was read (0–100). */
  position: integer('position').notNull().default(0),
  /** The furthest position ever saved: how much of a video was reached, whatever was replayed after. */
  furthest: integer('furthest').notNull().default(0),
  /** The first save, when the lesson was opened: the server's clock for reading and watching times. */
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, t => [primaryKey({ columns: [t.userId, t.lessonId] })])

/** One test: the questions drawn, graded once on submission. */
export const quizAttempts = pgTable('quiz_attempts', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  courseId: integer('course_id').notNull().references(() => courses.id),
  userId: integer('user_id').notNull().references(() => users.id),
  subjectId: bigint('subject_id', { mode: 'number' }).notNull().references(() => subjects.id),
  questionIds: integer('question_ids').array().notNull(),
  answers: jsonb('answers').$type<number[][]>(),
  score: integer('score'),
  passed: boolean('passed'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
}, t => [index('quiz_attempts_user_idx').on(t.userId, t.courseId, t.startedAt)])

/** 培训证明: public and verifiable by its number. */
export const certificates = pgTable('certificates', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  number: text('number').notNull().unique(),
  courseId: integer('course_id').notNull().references(() => courses.id),
  subjectId: bigint('subject_id', { mode: 'number' }).notNull().references(() => subjects.id),
  userId: integer('user_id').notNull().references(() => users.id),
  attemptId: bigint('attempt_id', { mode: 'number' }).notNull().unique().references(() => quizAttempts.id),
  score: integer('score').notNull(),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, t => [index('certificates_subject_idx').on(t.subjectId)])

export const commitmentType = pgEnum('commitment_type', commitmentTypes)
export const commitmentDisclosure = pgEnum('commitment_disclosure', disclosures)
export const commitmentFulfilment = pgEnum('commitment_fulfilment', fulfilments)

/** 信用承诺书模板: one standard template per type and domain, kept by the credit office. */
export const commitmentTemplates = pgTable('commitment_templates', {
  id: serial('id').primaryKey(),
  type: commitmentType('type').notNull(),
  domain: text('domain').notNull(),
  title: text('title').notNull(),
  /** The newest version; signing always fills this one. */
  currentVersion: integer('current_version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, t => [uniqueIndex('commitment_templates_type_domain_idx').on(t.type, t.domain)])

/** Every text a template ever had: an edit adds a version, so a signed commitment names the exact one. */
export const commitmentTemplateVersions = pgTable('commitment_template_versions', {
  id: serial('id').primaryKey(),
  templateId: integer('template_id').notNull().references(() => commitmentTemplates.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  matter: text('matter').notNull(),
  content: text('content').notNull(),
  liability: text('liability').notNull(),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, t => [uniqueIndex('commitment_template_versions_idx').on(t.templateId, t.version)])

/** 信用承诺: the text as signed, the handwritten signature and the portal's seal over both. */
export const commitments = pgTable('commitments', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  /** 承诺编码: 6-digit division + YYYYMMDD + 6-digit serial of that day. */
  code: text('code').notNull().unique(),
  requestKey: text('request_key').unique(),
  type: commitmentType('type').notNull(),
  templateVersionId: integer('template_version_id').notNull().references(() => commitmentTemplateVersions.id),
  subjectId: bigint('subject_id', { mode: 'number' }).notNull().references(() => subjects.id),
  signerId: integer('signer_id').notNull().references(() => users.id),
  subjectName: text('subject_name').notNull(),
  creditCode: text('credit_code'),
  matter: text('matter').notNull(),
  content: text('content').notNull(),
  liability: text('liability').notNull(),
  acceptingBody: text('accepting_body').notNull(),
  acceptingBodyCreditCode: text('accepting_body_credit_code').notNull(),
  judgingDepartmentId: integer('judging_department_id').notNull().references(() => departments.id),
  disclosure: commitmentDisclosure('disclosure').notNull(),
  signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  /** The handwritten signature as a base64 PNG. */
  signature: text('signature').notNull(),
  contentHash: text('content_hash').notNull(),
  /** base64 of the signed seal envelope (see server/domain/commitments/seal.ts). */
  seal: text('seal').notNull(),
  keyId: text('key_id').notNull(),
  fulfilment: commitmentFulfilment('fulfilment'),
  fulfilmentNote: text('fulfilment_note'),
  fulfilmentBy: integer('fulfilment_by').references(() => users.id),
  fulfilmentAt: timestamp('fulfilment_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, t => [index('commitments_subject_idx').on(t.subjectId), index('commitments_judging_idx').on(t.judgingDepartmentId)])

/** Changes of public commitments, written with the change and drained into the commitments index. */
export const commitmentOutbox = pgTable('commitment_outbox', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  commitmentId: bigint('commitment_id', { mode: 'number' }).notNull(),
  claimedUntil: timestamp('claimed_until', { withTimezone: true }),
  attempts: integer('attempts').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

/** A commitment a department starts for a subject (during an approval); the subject's agent reviews and signs it. */
export const commitmentDrafts = pgTable('commitment_drafts', {
  id: serial('id').primaryKey(),
  subjectId: bigint('subject_id', { mode: 'number' }).notNull().references(() => subjects.id),
  templateId: integer('template_id').notNull().references(() => commitmentTemplates.id),
  matter: text('matter').notNull(),
  acceptingDepartmentId: integer('accepting_department_id').notNull().references(() => departments.id),
  judgingDepartmentId: integer('judging_department_id').notNull().references(() => departments.id),
  disclosure: commitmentDisclosure('disclosure').notNull(),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Set in the signing transaction: a draft is signed once. */
  commitmentId: bigint('commitment_id', { mode: 'number' }).references(() => commitments.id),
}, t => [index('commitment_drafts_subject_idx').on(t.subjectId)])
