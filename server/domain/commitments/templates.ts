import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import { registrationTemplateDomain, standardTemplates } from '../../../config/commitments'
import type { CommitmentType } from '../../../shared/commitments'
import type { TemplateCreateInput, TemplateEditInput, TemplateVersionView, TemplateView } from '../../../shared/schemas/commitments'
import { commitmentTemplates, commitmentTemplateVersions, departments, users } from '../../database/schema'
import type { Database } from '../../utils/db'
import { notFound, refuse } from '../../utils/errors'
import { actorOf, recordAudit } from '../audit'
import type { Actor } from '../workflow/machine'

type VersionRow = typeof commitmentTemplateVersions.$inferSelect

const versionView = (v: VersionRow, createdBy: string | null): TemplateVersionView => ({
  id: v.id, version: v.version, matter: v.matter, content: v.content, liability: v.liability, createdAt: v.createdAt.toISOString(), createdBy,
})

/** Every template with its current text; `history` adds every version, newest first. */
export async function listTemplates(db: Database, withHistory = false): Promise<TemplateView[]> {
  const templates = await db.select().from(commitmentTemplates).orderBy(asc(commitmentTemplates.type), asc(commitmentTemplates.domain))
  if (!templates.length) return []
  const versions = await db.select({ version: commitmentTemplateVersions, by: users.name }).from(commitmentTemplateVersions)
    .leftJoin(users, eq(users.id, commitmentTemplateVersions.createdBy))
    .where(inArray(commitmentTemplateVersions.templateId, templates.map(t => t.id)))
    .orderBy(desc(commitmentTemplateVersions.version))
  return templates.map((t) => {
    const own = versions.filter(v => v.version.templateId === t.id).map(v => versionView(v.version, v.by))
    return { ...t, createdAt: undefined, current: own.find(v => v.version === t.currentVersion)!, ...(withHistory ? { history: own } : {}) }
  })
}

/** The version a signature fills now: the template's current one. */
export async function currentVersion(db: Database, templateId: number) {
  const [row] = await db.select({ template: commitmentTemplates, version: commitmentTemplateVersions }).from(commitmentTemplates)
    .innerJoin(commitmentTemplateVersions, and(eq(commitmentTemplateVersions.templateId, commitmentTemplates.id), eq(commitmentTemplateVersions.version, commitmentTemplates.currentVersion)))
    .where(eq(commitmentTemplates.id, templateId))
  if (!row) throw refuse(404, '承诺书模板不存在，请重新选择', 'templateId')
  return row
}

/**
 * The template a workflow signs inside its own form (a registration's, a repair's), found by type and
 * domain, at its current version; null when the credit office has none in place.
 */
export async function workflowTemplate(db: Pick<Database, 'select'>, type: CommitmentType, domain: string) {
  const [row] = await db.select({ template: commitmentTemplates, version: commitmentTemplateVersions }).from(commitmentTemplates)
    .innerJoin(commitmentTemplateVersions, and(eq(commitmentTemplateVersions.templateId, commitmentTemplates.id), eq(commitmentTemplateVersions.version, commitmentTemplates.currentVersion)))
    .where(and(eq(commitmentTemplates.type, type), eq(commitmentTemplates.domain, domain)))
  return row ?? null
}

export async function createTemplate(db: Database, actor: Actor, input: TemplateCreateInput) {
  return db.transaction(async (tx) => {
    const [template] = await tx.insert(commitmentTemplates).values({ type: input.type, domain: input.domain, title: input.title })
      .onConflictDoNothing().returning()
    if (!template) throw refuse(409, '该承诺类型在此领域已有模板，请编辑原模板', 'domain')
    await tx.insert(commitmentTemplateVersions).values({ templateId: template.id, version: 1, matter: input.matter, content: input.content, liability: input.liability, createdBy: actor.id })
    await recordAudit(tx, { actor: actorOf(actor), action: 'commitmentTemplate.create', entity: 'commitment_template', entityId: String(template.id), detail: { type: input.type, domain: input.domain } })
    return template
  })
}

/** An edit is a new version; commitments already signed keep the text they were signed with. */
export async function editTemplate(db: Database, actor: Actor, templateId: number, input: TemplateEditInput) {
  return db.transaction(async (tx) => {
    const [template] = await tx.select().from(commitmentTemplates).where(eq(commitmentTemplates.id, templateId)).for('update')
    if (!template) throw notFound('承诺书模板')
    const version = template.currentVersion + 1
    await tx.insert(commitmentTemplateVersions).values({ templateId, version, matter: input.matter, content: input.content, liability: input.liability, createdBy: actor.id })
    const [updated] = await tx.update(commitmentTemplates).set({ title: input.title, currentVersion: version }).where(eq(commitmentTemplates.id, templateId)).returning()
    await recordAudit(tx, { actor: actorOf(actor), action: 'commitmentTemplate.edit', entity: 'commitment_template', entityId: String(templateId), detail: { version } })
    return updated!
  })
}

/**
 * Puts the standard templates in place for every type and domain that has none, so a fresh database (production
 * included) can take commitments at once. Idempotent: the (type, domain) index refuses a second copy.
 */
export async function ensureStandardTemplates(db: Database): Promise<number> {
  // By type and domain: the registration's template is a second 主动型 one, beside the 通用 one.
  const present = new Set((await db.select({ type: commitmentTemplates.type, domain: commitmentTemplates.domain }).from(commitmentTemplates)).map(t => `${t.type}:${t.domain}`))
  let added = 0
  for (const standard of standardTemplates.filter(s => !present.has(`${s.type}:${s.domain}`))) {
    await db.transaction(async (tx) => {
      const [template] = await tx.insert(commitmentTemplates).values({ type: standard.type, domain: standard.domain, title: standard.title })
        .onConflictDoNothing().returning()
      if (!template) return
      await tx.insert(commitmentTemplateVersions).values({ templateId: template.id, version: 1, matter: standard.matter, content: standard.content, liability: standard.liability })
      added++
    })
  }
  return added
}

/** What the signing form needs: the subject's details, the current templates and the departments. */
export async function signingOptions(db: Database, subject: { id: number, name: string, creditCode: string | null, legalRepresentative: string | null }) {
  // The registration's template is signed inside the registration form, not chosen here.
  const templates = (await listTemplates(db)).filter(t => t.domain !== registrationTemplateDomain)
  const bodies = await db.select({ id: departments.id, name: departments.name, creditCode: departments.creditCode }).from(departments).orderBy(asc(departments.id))
  return {
    subject: { id: subject.id, name: subject.name, creditCode: subject.creditCode, legalRepresentative: subject.legalRepresentative },
    templates: templates.map(t => ({ id: t.id, type: t.type, domain: t.domain, title: t.title, version: t.currentVersion, matter: t.current.matter, content: t.current.content, liability: t.current.liability })),
    departments: bodies,
  }
}

/** What the console's "发起信用承诺" form offers: the templates and the departments. */
export async function draftOptions(db: Database) {
  const { templates, departments: bodies } = await signingOptions(db, { id: 0, name: '', creditCode: null, legalRepresentative: null })
  return { templates: templates.map(t => ({ id: t.id, type: t.type, domain: t.domain, title: t.title })), departments: bodies }
}
