import { and, asc, eq } from 'drizzle-orm'
import { registrationTemplateDomain } from '../../../config/commitments'
import type { RegistrationOptions } from '../../../shared/schemas/registrations'
import { fillCommitment } from '../../../shared/utils/commitmentText'
import { commitmentTemplates, departments } from '../../database/schema'
import type { Database } from '../../utils/db'
import { ownSubject } from '../me'
import { currentVersion } from '../commitments/templates'

/** What the wizard shows: the departments to choose from and the commitment's current text, filled for this subject. */
export async function registrationOptions(db: Database, userId: number, subjectId: number): Promise<RegistrationOptions> {
  const subject = await ownSubject(db, userId, subjectId)
  const bodies = await db.select({ id: departments.id, name: departments.name }).from(departments).orderBy(asc(departments.id))
  const [template] = await db.select({ id: commitmentTemplates.id }).from(commitmentTemplates)
    .where(and(eq(commitmentTemplates.type, 'voluntary'), eq(commitmentTemplates.domain, registrationTemplateDomain)))
  const commitment = template
    ? (({ template: t, version }) => ({ title: t.title, ...fillCommitment(version, subject, '{matter}') }))(await currentVersion(db, template.id))
    : null
  return { subject: { id: subject.id, name: subject.name, creditCode: subject.creditCode }, departments: bodies, commitment }
}
