import { templateEditSchema } from '../../../../../shared/schemas/commitments'
import { editTemplate } from '../../../../domain/commitments/templates'
import { officeRoles } from '../../../../../shared/roles'

/** An edit makes a new version; commitments already signed keep theirs. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event, officeRoles)
  const templateId = idParam(event, 'id', '承诺书模板')
  const input = await readBodyAs(event, templateEditSchema)
  const { db } = await usePlatform()
  return editTemplate(db, user, templateId, input)
})
