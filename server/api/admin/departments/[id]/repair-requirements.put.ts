import { repairRequirementsSchema } from '../../../../../shared/schemas/repairs'
import { actorOf } from '../../../../domain/audit'
import { setRepairRequirements } from '../../../../domain/departments'
import { officeRoles } from '../../../../../shared/roles'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event, officeRoles)
  const departmentId = idParam(event, 'id', '部门')
  const requirements = await readBodyAs(event, repairRequirementsSchema)
  const { db } = await usePlatform()
  await setRepairRequirements(db, departmentId, requirements, actorOf(user))
  return { ok: true }
})
