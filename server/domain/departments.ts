import { createHash, randomBytes } from 'node:crypto'
import { and, eq, isNull } from 'drizzle-orm'
import type { RecordKind } from '../../shared/kinds'
import { checkCreditCode } from '../../shared/utils/creditCode'
import { catalog, departmentKeys, departments } from '../database/schema'
import type { Database } from '../utils/db'

export interface DepartmentInfo { id: number, name: string, creditCode: string, kinds: Set<RecordKind> }
export interface DepartmentDirectory { byCreditCode: Map<string, DepartmentInfo>, byName: Map<string, DepartmentInfo> }

export async function loadDepartments(db: Database): Promise<DepartmentDirectory> {
  const rows = await db.select({ id: departments.id, name: departments.name, creditCode: departments.creditCode, kind: catalog.kind })
    .from(departments).leftJoin(catalog, eq(catalog.departmentId, departments.id))
  const byId = new Map<number, DepartmentInfo>()
  for (const row of rows) {
    const info = byId.get(row.id) ?? { id: row.id, name: row.name, creditCode: row.creditCode, kinds: new Set<RecordKind>() }
    if (row.kind) info.kinds.add(row.kind)
    byId.set(row.id, info)
  }
  const all = [...byId.values()]
  return { byCreditCode: new Map(all.map(d => [d.creditCode, d])), byName: new Map(all.map(d => [d.name, d])) }
}

/** A department by its credit code or exact name, as `--department` gives it. */
export async function findDepartment(db: Database, codeOrName: string): Promise<DepartmentInfo | undefined> {
  const directory = await loadDepartments(db)
  const check = checkCreditCode(codeOrName)
  return directory.byCreditCode.get(check.code) ?? directory.byName.get(codeOrName.trim())
}

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex')

/** A new ingest key for a department; only its hash is stored, so this is the one time it is seen. */
export async function createDepartmentKey(db: Database, departmentId: number, label = ''): Promise<string> {
  const key = `dk_${randomBytes(24).toString('base64url')}`
  await db.insert(departmentKeys).values({ departmentId, keyHash: hashKey(key), label })
  return key
}

export async function departmentForKey(db: Database, key: string): Promise<DepartmentInfo | undefined> {
  const [row] = await db.select({ departmentId: departmentKeys.departmentId }).from(departmentKeys)
    .where(and(eq(departmentKeys.keyHash, hashKey(key)), isNull(departmentKeys.revokedAt)))
  if (!row) return undefined
  const directory = await loadDepartments(db)
  return [...directory.byCreditCode.values()].find(d => d.id === row.departmentId)
}
