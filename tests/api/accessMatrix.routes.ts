import { COMPANY } from '../support/rows'
import { signaturePng } from '../support/signature'

/**
 * Who calls, in the order of every `expect` below. Each is an outsider to COMPANY and to MARKET, which
 * own every item the paths name; the credit office and the admin see everything.
 */
export const roles = ['anonymous', 'public', 'otherAgent', 'otherReviewer', 'office', 'admin'] as const
export type Role = typeof roles[number]

/** The status each role must get: anonymous, public (signed up, no subject), otherAgent, otherReviewer, office, admin. */
export type Expected = [anonymous: number, publicUser: number, otherAgent: number, otherReviewer: number, office: number, admin: number]

/** Ids of what the test made before it calls anything: all of it belongs to COMPANY (its agent `agent`) and MARKET. */
export interface Fixtures {
  market: number
  subject: number
  /** A market penalty of COMPANY under `agent`'s open objection, the objection, and its evidence file. */
  record: number
  objection: number
  evidence: string
  /** An approved repair of another market penalty of COMPANY: it has a 信用修复决定书. */
  repair: number
  /** A 不可公开 commitment of COMPANY that MARKET accepted and judges; a draft MARKET started for COMPANY. */
  commitment: { id: number, code: string }
  draft: number
  template: number
  /** The office's published course with its lesson and question; `agent`'s attempt and certificate; a lesson image. */
  course: number
  lesson: number
  question: number
  attempt: number
  certificate: string
  media: string
  /** A new lesson or ingest key on every call: a DELETE row deletes a fresh one for each role. */
  freshLesson: () => Promise<number>
  freshKey: () => Promise<number>
}

type Body = Record<string, unknown>

export interface Probe {
  /** The path to call: the same for every role, or one per role (a fresh resource for a DELETE). */
  path: string | ((f: Fixtures, role: Role) => string | Promise<string>)
  /**
   * What to send. Never a body that changes anything for a role that is allowed, unless sending it
   * again changes nothing more; where the access check follows validation, a valid body that the
   * domain refuses harmlessly (an action that does not exist, a subject the caller does not act for).
   */
  body?: Body | ((f: Fixtures) => Body)
  expect: Expected
  /** Ends the caller's session: runs after every other row, on a session signed in for it alone. */
  endsSession?: true
}

const uuid = '00000000-0000-4000-8000-000000000000'

/**
 * Every route under server/api × every role. A new route file without an entry here fails the test;
 * so does an entry whose route file is gone. A new route is one line: its method and path as the file
 * names them, the path to call (ids from `Fixtures`), the body, and the six answers it should give.
 * `// defect:` marks a row whose answer is written as it should be while the server still answers
 * otherwise (a fix under way elsewhere).
 */
export const accessMatrix: Record<string, Probe> = {
  // Public reading: the same for everyone.
  'GET /api/health': { path: '/api/health', expect: [200, 200, 200, 200, 200, 200] },
  'GET /api/search': { path: `/api/search?q=${encodeURIComponent(COMPANY.name)}`, expect: [200, 200, 200, 200, 200, 200] },
  'GET /api/stats': { path: '/api/stats', expect: [200, 200, 200, 200, 200, 200] },
  'GET /api/stats/timeliness': { path: '/api/stats/timeliness', expect: [200, 200, 200, 200, 200, 200] },
  'GET /api/records/[id]': { path: f => `/api/records/${f.record}`, expect: [200, 200, 200, 200, 200, 200] },
  'GET /api/subjects/[creditCode]': { path: `/api/subjects/${COMPANY.creditCode}`, expect: [200, 200, 200, 200, 200, 200] },
  'GET /api/subjects/[creditCode]/commitments': { path: `/api/subjects/${COMPANY.creditCode}/commitments`, expect: [200, 200, 200, 200, 200, 200] },
  'GET /api/subjects/[creditCode]/registrations': { path: `/api/subjects/${COMPANY.creditCode}/registrations`, expect: [200, 200, 200, 200, 200, 200] },
  'GET /api/commitments': { path: '/api/commitments', expect: [200, 200, 200, 200, 200, 200] },
  'GET /api/commitments/public-key': { path: '/api/commitments/public-key', expect: [200, 200, 200, 200, 200, 200] },
  'GET /api/certificates/[number]': { path: f => `/api/certificates/${f.certificate}`, expect: [200, 200, 200, 200, 200, 200] },
  'GET /api/training/courses': { path: '/api/training/courses', expect: [200, 200, 200, 200, 200, 200] },
  'GET /api/training/courses/[id]': { path: f => `/api/training/courses/${f.course}`, expect: [200, 200, 200, 200, 200, 200] },
  'GET /api/training/lessons/[id]': { path: f => `/api/training/lessons/${f.lesson}`, expect: [200, 200, 200, 200, 200, 200] },
  'GET /api/media/[id]': { path: f => `/api/media/${f.media}`, expect: [200, 200, 200, 200, 200, 200] },

  // A 不可公开 commitment: its subject's agents, the departments that accepted and judge it, the credit office.
  'GET /api/commitments/[code]': { path: f => `/api/commitments/${f.commitment.code}`, expect: [404, 404, 404, 404, 200, 200] },
  'GET /api/commitments/[code]/pdf': { path: f => `/api/commitments/${f.commitment.code}/pdf`, expect: [404, 404, 404, 404, 200, 200] },

  // Accounts. Bodies are empty: each answers 400 before anything happens, signed in or not.
  'POST /api/auth/login': { path: '/api/auth/login', body: {}, expect: [400, 400, 400, 400, 400, 400] },
  'POST /api/auth/signup': { path: '/api/auth/signup', body: {}, expect: [400, 400, 400, 400, 400, 400] },
  'POST /api/auth/reset-request': { path: '/api/auth/reset-request', body: {}, expect: [400, 400, 400, 400, 400, 400] },
  'POST /api/auth/reset': { path: '/api/auth/reset', body: {}, expect: [400, 400, 400, 400, 400, 400] },
  // 实名核验 is offered only where an identity provider is configured; this server has none (tests/api/identity.test.ts has one).
  'GET /api/auth/oidc/start': { path: '/api/auth/oidc/start', expect: [404, 404, 404, 404, 404, 404] },
  'GET /api/auth/oidc/callback': { path: '/api/auth/oidc/callback?code=x&state=y', expect: [404, 404, 404, 404, 404, 404] },
  'POST /api/auth/logout': { path: '/api/auth/logout', body: {}, expect: [200, 200, 200, 200, 200, 200], endsSession: true },
  'POST /api/auth/logout-all': { path: '/api/auth/logout-all', body: {}, expect: [401, 200, 200, 200, 200, 200], endsSession: true },

  // 我的: one's own account; another subject's items are a 404, for staff too.
  'GET /api/me': { path: '/api/me', expect: [401, 200, 200, 200, 200, 200] },
  'GET /api/me/applications': { path: '/api/me/applications', expect: [401, 200, 200, 200, 200, 200] },
  'GET /api/me/certificates': { path: '/api/me/certificates', expect: [401, 200, 200, 200, 200, 200] },
  'GET /api/me/commitments': { path: '/api/me/commitments', expect: [401, 200, 200, 200, 200, 200] },
  'GET /api/me/messages': { path: '/api/me/messages', expect: [401, 200, 200, 200, 200, 200] },
  'POST /api/me/messages/read': { path: '/api/me/messages/read', body: {}, expect: [401, 200, 200, 200, 200, 200] },
  'GET /api/me/records/[id]': { path: f => `/api/me/records/${f.record}`, expect: [401, 404, 404, 404, 404, 404] },
  'GET /api/me/commitment-drafts/[id]': { path: f => `/api/me/commitment-drafts/${f.draft}`, expect: [401, 404, 404, 404, 404, 404] },
  'GET /api/me/subjects/[id]/records': { path: f => `/api/me/subjects/${f.subject}/records`, expect: [401, 404, 404, 404, 404, 404] },
  'GET /api/me/subjects/[id]/repair': { path: f => `/api/me/subjects/${f.subject}/repair`, expect: [401, 404, 404, 404, 404, 404] },
  'GET /api/me/subjects/[id]/commitment-options': { path: f => `/api/me/subjects/${f.subject}/commitment-options`, expect: [401, 404, 404, 404, 404, 404] },
  'GET /api/me/subjects/[id]/registration-options': { path: f => `/api/me/subjects/${f.subject}/registration-options`, expect: [401, 404, 404, 404, 404, 404] },
  'GET /api/me/subjects/[id]/registrations': { path: f => `/api/me/subjects/${f.subject}/registrations`, expect: [401, 404, 404, 404, 404, 404] },

  // Evidence: uploading is anyone's (an empty body is refused); reading is for who may see its application.
  'POST /api/files': { path: '/api/files', body: {}, expect: [401, 400, 400, 400, 400, 400] },
  'GET /api/files/[id]': { path: f => `/api/files/${f.evidence}`, expect: [401, 404, 404, 404, 200, 200] },

  // Filing for COMPANY: nobody here acts for it, so a complete, valid application is refused as if COMPANY's items did not exist.
  'POST /api/claims': { path: '/api/claims', body: {}, expect: [401, 400, 400, 400, 400, 400] },
  'POST /api/objections': {
    path: '/api/objections',
    body: f => ({ recordId: f.record, reason: 'wrong_information', description: '罚款金额登记有误，请核实更正。', contactName: '刘经办', contactPhone: '13800138000', fileIds: [], requestKey: 'matrix-objection' }),
    expect: [401, 404, 404, 404, 404, 404],
  },
  'POST /api/repairs': {
    path: '/api/repairs',
    body: f => ({ subjectId: f.subject, recordIds: [f.record], measures: '已缴清罚款并完成整改，建立审核制度。', proofFileIds: [uuid], commitmentConfirmed: true, contactName: '刘经办', contactPhone: '13800138000', certificateNumber: f.certificate, requestKey: 'matrix-repair' }),
    expect: [401, 404, 404, 404, 404, 404],
  },
  'POST /api/registrations': {
    path: '/api/registrations',
    body: f => ({ subjectId: f.subject, category: 'operation', fields: { name: '获评守合同重信用企业', description: '2025年度被评为守合同重信用企业。' }, fileIds: [uuid], commitmentConfirmed: true, signature: signaturePng(3), requestKey: 'matrix-registration' }),
    expect: [401, 404, 404, 404, 404, 404],
  },
  'POST /api/commitments': {
    path: '/api/commitments',
    body: f => ({ subjectId: f.subject, templateId: f.template, matter: '食品经营许可', acceptingDepartmentId: f.market, judgingDepartmentId: f.market, disclosure: 'public', signature: signaturePng(4), requestKey: 'matrix-commitment' }),
    expect: [401, 404, 404, 404, 404, 404],
  },

  // One application: its applicant, its subject's agents, its department's reviewers, the credit office.
  'GET /api/applications/[id]': { path: f => `/api/applications/${f.objection}`, expect: [401, 404, 404, 404, 200, 200] },
  'GET /api/applications/[id]/decision.pdf': { path: f => `/api/applications/${f.repair}/decision.pdf`, expect: [401, 404, 404, 404, 200, 200] },
  'POST /api/applications/[id]/actions': {
    path: f => `/api/applications/${f.objection}/actions`,
    // An action no workflow has: refused for whoever may see the application, after the access check.
    body: { action: 'matrix-probe', version: 0 },
    expect: [401, 404, 404, 404, 400, 400],
  },

  // Training: a learner's own attempt; progress and tests for whoever acts for a subject.
  'GET /api/training/attempts/[id]': { path: f => `/api/training/attempts/${f.attempt}`, expect: [401, 404, 404, 404, 404, 404] },
  'POST /api/training/attempts/[id]/submit': { path: f => `/api/training/attempts/${f.attempt}/submit`, body: { answers: [[0]] }, expect: [401, 404, 404, 404, 404, 404] },
  'POST /api/training/courses/[id]/quiz': { path: f => `/api/training/courses/${f.course}/quiz`, body: f => ({ subjectId: f.subject }), expect: [401, 403, 404, 403, 403, 403] },
  'PUT /api/training/lessons/[id]/progress': { path: f => `/api/training/lessons/${f.lesson}/progress`, body: { position: 0 }, expect: [401, 403, 200, 403, 403, 403] },

  // Department ingest: by key, never by cookie.
  'POST /api/ingest': { path: '/api/ingest', body: {}, expect: [401, 401, 401, 401, 401, 401] },

  // The console: reviewers for their own department's work, the credit office for all, the admin for accounts and audit.
  'GET /api/admin/applications': { path: '/api/admin/applications', expect: [401, 403, 403, 200, 200, 200] },
  'GET /api/admin/commitments': { path: '/api/admin/commitments', expect: [401, 403, 403, 200, 200, 200] },
  'GET /api/admin/commitments/options': { path: '/api/admin/commitments/options', expect: [401, 403, 403, 200, 200, 200] },
  'POST /api/admin/commitments/drafts': { path: '/api/admin/commitments/drafts', body: {}, expect: [401, 403, 403, 400, 400, 400] },
  'POST /api/admin/commitments/[id]/fulfilment': {
    path: f => `/api/admin/commitments/${f.commitment.id}/fulfilment`,
    // Recording the same status again changes nothing more.
    body: { status: 'fulfilled', note: '已按承诺履行' },
    expect: [401, 403, 403, 404, 200, 200],
  },
  'POST /api/admin/ingest': { path: f => `/api/admin/ingest?department=${f.market}`, body: {}, expect: [401, 403, 403, 403, 400, 400] },
  'GET /api/admin/commitments/templates': { path: '/api/admin/commitments/templates', expect: [401, 403, 403, 403, 200, 200] },
  'POST /api/admin/commitments/templates': { path: '/api/admin/commitments/templates', body: {}, expect: [401, 403, 403, 403, 400, 400] },
  'PUT /api/admin/commitments/templates/[id]': { path: f => `/api/admin/commitments/templates/${f.template}`, body: {}, expect: [401, 403, 403, 403, 400, 400] },
  'GET /api/admin/courses': { path: '/api/admin/courses', expect: [401, 403, 403, 403, 200, 200] },
  'POST /api/admin/courses': { path: '/api/admin/courses', body: {}, expect: [401, 403, 403, 403, 400, 400] },
  'GET /api/admin/courses/[id]': { path: f => `/api/admin/courses/${f.course}`, expect: [401, 403, 403, 403, 200, 200] },
  'PUT /api/admin/courses/[id]': { path: f => `/api/admin/courses/${f.course}`, body: {}, expect: [401, 403, 403, 403, 400, 400] },
  'POST /api/admin/courses/[id]/lessons': { path: f => `/api/admin/courses/${f.course}/lessons`, body: {}, expect: [401, 403, 403, 403, 400, 400] },
  'PUT /api/admin/courses/[id]/lessons/order': { path: f => `/api/admin/courses/${f.course}/lessons/order`, body: {}, expect: [401, 403, 403, 403, 400, 400] },
  'PUT /api/admin/courses/[id]/lessons/[lessonId]': { path: f => `/api/admin/courses/${f.course}/lessons/${f.lesson}`, body: {}, expect: [401, 403, 403, 403, 400, 400] },
  'DELETE /api/admin/courses/[id]/lessons/[lessonId]': { path: async f => `/api/admin/courses/${f.course}/lessons/${await f.freshLesson()}`, expect: [401, 403, 403, 403, 200, 200] },
  'POST /api/admin/courses/[id]/questions': { path: f => `/api/admin/courses/${f.course}/questions`, body: {}, expect: [401, 403, 403, 403, 400, 400] },
  'PUT /api/admin/courses/[id]/questions/[questionId]': { path: f => `/api/admin/courses/${f.course}/questions/${f.question}`, body: {}, expect: [401, 403, 403, 403, 400, 400] },
  'POST /api/admin/media': { path: '/api/admin/media', body: {}, expect: [401, 403, 403, 403, 400, 400] },
  'GET /api/admin/departments': { path: '/api/admin/departments', expect: [401, 403, 403, 403, 200, 200] },
  'PUT /api/admin/departments/[id]/catalog': { path: f => `/api/admin/departments/${f.market}/catalog`, body: {}, expect: [401, 403, 403, 403, 400, 400] },
  'PUT /api/admin/departments/[id]/repair-requirements': { path: f => `/api/admin/departments/${f.market}/repair-requirements`, body: {}, expect: [401, 403, 403, 403, 400, 400] },
  'POST /api/admin/departments/[id]/keys': { path: f => `/api/admin/departments/${f.market}/keys`, body: { label: 1 }, expect: [401, 403, 403, 403, 400, 400] },
  'DELETE /api/admin/departments/[id]/keys/[keyId]': { path: async f => `/api/admin/departments/${f.market}/keys/${await f.freshKey()}`, expect: [401, 403, 403, 403, 200, 200] },
  'GET /api/admin/stats/objections': { path: '/api/admin/stats/objections', expect: [401, 403, 403, 403, 200, 200] },
  'GET /api/admin/stats/repairs': { path: '/api/admin/stats/repairs', expect: [401, 403, 403, 403, 200, 200] },
  'GET /api/admin/stats/training': { path: '/api/admin/stats/training', expect: [401, 403, 403, 403, 200, 200] },
  'GET /api/admin/users': { path: '/api/admin/users', expect: [401, 403, 403, 403, 403, 200] },
  'POST /api/admin/users': { path: '/api/admin/users', body: {}, expect: [401, 403, 403, 403, 403, 400] },
  'GET /api/admin/audit': { path: '/api/admin/audit', expect: [401, 403, 403, 403, 403, 200] },
}
