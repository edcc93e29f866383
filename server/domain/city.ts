import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { recordKinds } from '../../shared/kinds'
import { catalog, departments } from '../database/schema'
import type { Database } from '../utils/db'

const citySchema = z.object({
  city: z.object({ name: z.string(), province: z.string(), division: z.string().regex(/^\d{6}$/), portalName: z.string() }),
  departments: z.array(z.object({
    name: z.string(),
    slug: z.string(),
    creditCode: z.string().length(18),
    kinds: z.array(z.enum(recordKinds)),
  })),
  /**
   * Genuine codes issued by early pilots (厦门, 福建) before GB 32100 that fail its check digit: a department
   * may still publish about their holders. Only codes listed here are excepted; the name is for whoever keeps the list.
   */
  legacyCreditCodes: z.array(z.object({
    code: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '历史代码应为18位大写字母或数字'),
    name: z.string().optional(),
  })).default([]),
})
export type CityConfig = z.infer<typeof citySchema>

/** The city is configuration: CITY_CONFIG names another file for another city. */
export function loadCity(path = process.env.CITY_CONFIG || join(process.cwd(), 'config/city.json')): CityConfig {
  return citySchema.parse(JSON.parse(readFileSync(path, 'utf8')))
}

/** The city's known legacy credit codes (see the schema above). */
export function legacyCreditCodes(city: CityConfig = loadCity()): Set<string> {
  return new Set(city.legacyCreditCodes.map(c => c.code))
}

/**
 * Adds the city file's departments; a new department starts with the file's catalog. After that the
 * credit office keeps each catalog in the console, so a restart never undoes its changes.
 */
export async function syncCity(db: Database, city: CityConfig): Promise<void> {
  await db.transaction(async (tx) => {
    for (const d of city.departments) {
      const [row] = await tx.insert(departments).values({ slug: d.slug, name: d.name, creditCode: d.creditCode })
        .onConflictDoUpdate({ target: departments.creditCode, set: { slug: d.slug, name: d.name } })
        .returning({ id: departments.id, inserted: sql<boolean>`(xmax = 0)` })
      if (row!.inserted && d.kinds.length) await tx.insert(catalog).values(d.kinds.map(kind => ({ departmentId: row!.id, kind })))
    }
  })
}
