import { and, countDistinct, eq, gte, count } from 'drizzle-orm'
import { todayInChina, type IsoDate } from '../../../shared/utils/dates'
import { records, subjects } from '../../database/schema'
import type { Database } from '../../utils/db'
import { publicCondition } from './public'

export interface HeadlineFigures { decidedThisMonth: number, subjects: number, publicRecords: number }

/**
 * The home page's figures: public records whose decision was made this month (not the day the portal
 * published them, which after a first import would be every record), and subjects with a public record.
 */
export async function headlineFigures(db: Database, today: IsoDate = todayInChina()): Promise<HeadlineFigures> {
  const base = db.select({ records: count(), subjects: countDistinct(records.subjectId) }).from(records)
    .innerJoin(subjects, eq(subjects.id, records.subjectId))
  const [all] = await base.where(publicCondition(today))
  const [month] = await db.select({ n: count() }).from(records).innerJoin(subjects, eq(subjects.id, records.subjectId))
    .where(and(publicCondition(today), gte(records.decisionDate, `${today.slice(0, 7)}-01`)))
  return { decidedThisMonth: month?.n ?? 0, subjects: all?.subjects ?? 0, publicRecords: all?.records ?? 0 }
}
