import { sql } from 'drizzle-orm'
import type { TrainingStats } from '../../../shared/schemas/training'
import { todayInChina } from '../../../shared/utils/dates'
import type { Database } from '../../utils/db'

/**
 * The training figures, and seed 001's ratio: 接受修复培训的黑名单主体数量 / 在运营黑名单主体总量.
 * A blacklisted subject is one with an active 黑名单 record still in its period; it counts as trained
 * when it holds a training certificate.
 */
export async function trainingStats(db: Database, today = todayInChina()): Promise<TrainingStats> {
  const { rows } = await db.execute<Omit<TrainingStats, 'trainedRate'>>(sql`
    with blacklisted as (
      select distinct subject_id from records
      where kind = 'blackList' and state = 'active' and (public_until is null or public_until >= ${today})
    )
    select
      (select count(*)::int from (select user_id from lesson_progress union select user_id from quiz_attempts) learners) as "learners",
      (select count(*)::int from quiz_attempts where submitted_at is not null) as "attempts",
      (select count(*)::int from quiz_attempts where passed) as "passes",
      (select count(*)::int from certificates) as "certificates",
      (select count(*)::int from blacklisted) as "blacklisted",
      (select count(*)::int from blacklisted b where exists (select 1 from certificates c where c.subject_id = b.subject_id)) as "blacklistedTrained"`)
  const row = rows[0]!
  return { ...row, trainedRate: row.blacklisted ? row.blacklistedTrained / row.blacklisted : null }
}
