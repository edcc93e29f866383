import { reportOverdue } from '../../domain/workflow/overdue'

export default defineTask({
  meta: { name: 'applications:overdue', description: '每日向市信用办报告超期未办结的申请' },
  async run() {
    const { db } = await usePlatform()
    const overdue = await reportOverdue(db, useMailer())
    return { result: { overdue: overdue ?? 0, skipped: overdue === null } }
  },
})
