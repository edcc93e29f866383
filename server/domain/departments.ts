import { createHash, randomBytes } from 'node:crypto'
import { and, desc, eq, isNull } from 'drizzle-orm'
import type { RecordKind } from '../../shared/kinds'
import { checkCreditCode } from '../../shared/utils/creditCode'
import { catalog, departmentKeys, departments, type RepairRequirements } from '../database/schema'
import type { Database } from '../utils/db'
import { notFound } from '../utils/errors'
import { recordAudit } from './audit'

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

/** Departments for the console: their catalog and their keys (never the key itself, only when it was made). */
export async function departmentOverview(db: Database) {
  const directory = await loadDepartments(db)
  const keys = await db.select({ id: departmentKeys.id, departmentId: departmentKeys.departmentId, label: departmentKeys.label, createdAt: departmentKeys.createdAt, revokedAt: departmentKeys.revokedAt })
    .from(departmentKeys).orderBy(desc(departmentKeys.id))
  const requirements = new Map((await db.select({ id: departments.id, repairRequirements: departments.repairRequirements }).from(departments)).map(d => [d.id, d.repairRequirements]))
  return [...directory.byCreditCode.values()].sort((a, b) => a.id - b.id).map(d => ({
    id: d.id, name: d.name, creditCode: d.creditCode, kinds: [...d.kinds], keys: keys.filter(k => k.departmentId === d.id), repairRequirements: requirements.get(d.id)!,
  }))
}

/** Stops a key at once; an ingest call with it is refused from then on. */
export async function revokeDepartmentKey(db: Database, departmentId: number, keyId: number, actor: string): Promise<void> {
  const [row] = await db.update(departmentKeys).set({ revokedAt: new Date() })
    .where(and(eq(departmentKeys.id, keyId), eq(departmentKeys.departmentId, departmentId), isNull(departmentKeys.revokedAt))).returning({ id: departmentKeys.id })
  if (!row) throw notFound('接口密钥')
  await recordAudit(db, { actor, action: 'departmentKey.revoke', entity: 'department', entityId: String(departmentId), detail: { keyId } })
}

/** A new key for the department, audited; with `replaces`, that key is revoked in the same step (rotation). */
export async function issueDepartmentKey(db: Database, departmentId: number, label: string, actor: string, replaces?: number): Promise<string> {
  const [department] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, departmentId))
  if (!department) throw notFound('部门')
  if (replaces) await revokeDepartmentKey(db, departmentId, replaces, actor)
  const key = await createDepartmentKey(db, departmentId, label)
  await recordAudit(db, { actor, action: 'departmentKey.create', entity: 'department', entityId: String(departmentId), detail: { label, replaces } })
  return key
}

/** The kinds a department may publish from now on (DOMAIN.md rule 8). Records already published stay. */
export async function setCatalog(db: Database, departmentId: number, kinds: readonly RecordKind[], actor: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [department] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, departmentId))
    if (!department) throw notFound('部门')
    await tx.delete(catalog).where(eq(catalog.departmentId, departmentId))
    if (kinds.length) await tx.insert(catalog).values([...new Set(kinds)].map(kind => ({ departmentId, kind })))
    await recordAudit(tx, { actor, action: 'catalog.update', entity: 'department', entityId: String(departmentId), detail: { kinds } })
  })
}

/** What the department asks of a repair applicant beside the core materials (谁认定谁修复); audited. */
export async function setRepairRequirements(db: Database, departmentId: number, requirements: RepairRequirements, actor: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [department] = await tx.update(departments).set({ repairRequirements: { certificate: requirements.certificate, documents: [...new Set(requirements.documents)] } })
      .where(eq(departments.id, departmentId)).returning({ id: departments.id })
    if (!department) throw notFound('部门')
    await recordAudit(tx, { actor, action: 'repairRequirements.update', entity: 'department', entityId: String(departmentId), detail: { ...requirements } })
  })
}
