import { ingestTargetSchema } from '../../../shared/schemas/admin'
import { actorOf } from '../../domain/audit'
import { loadDepartments } from '../../domain/departments'
import { ingestFile } from '../../domain/ingest/file'
import { staffRoles } from '../../../shared/roles'

/** The console's upload: a reviewer for its own department, the credit office for any. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event, staffRoles)
  const { department: departmentId } = await readQueryAs(event, ingestTargetSchema)
  if (user.role === 'department_reviewer' && user.departmentId !== departmentId) throw refuse(403, '只能为本部门上传数据', 'department')
  const { db } = await usePlatform()
  const department = [...(await loadDepartments(db)).byCreditCode.values()].find(d => d.id === departmentId)
  if (!department) throw notFound('部门')
  return runIngest(() => withUploadedFile(event, file => ingestFile(db, file, { department, actor: actorOf(user) })))
})
