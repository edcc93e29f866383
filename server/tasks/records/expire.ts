import { expirePublications } from '../../domain/records/expire'
import { notifyOutbox, usePlatform } from '../../utils/platform'

export default defineTask({
  meta: { name: 'records:expire', description: '公示期满的记录自动撤下公示并移出检索' },
  async run() {
    const { db } = await usePlatform()
    const expired = await expirePublications(db)
    notifyOutbox()
    return { result: { expired: expired?.length ?? 0, skipped: expired === null } }
  },
})
