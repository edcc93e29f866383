import { asc } from 'drizzle-orm'
import { registrationTemplateDomain } from '../../../config/commitments'
import type { RegistrationOptions } from '../../../shared/schemas/registrations'
import { fillCommitment } from '../../../shared/utils/commitmentText'
import { departments } from '../../database/schema'
import type { Database } from '../../utils/db'
import { workflowTemplate } from '../commitments/templates'
import { ownSubject } from '../me'

/** What the wizard shows: the departments to choose from and the commitment's current text, filled for this subject. */
export async function registrationOptions(db: Database, userId: number, subjectId: number): Promise<RegistrationOptions> {
  const subject = await ownSubject(db, userId, subjectId)
  const bodies = await db.select({ id: departments.id, name: departments.name }).from(departments).orderBy(asc(departments.id))
  const found = await workflowTemplate(db, 'voluntary', registrationTemplateDomain)
  const commitment = found ? { title: found.template.title, ...fillCommitment(found.version, subject, '{matter}') } : null
  return { subject: { id: subject.id, name: subject.name, creditCode: subject.creditCode }, departments: bodies, commitment }
}
