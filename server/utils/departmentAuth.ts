import { createError, getHeader, type H3Event } from 'h3'
import { departmentForKey, type DepartmentInfo } from '../domain/departments'
import type { Database } from './db'

/** The department behind `Authorization: Bearer <key>`, or a 401 that says what is wrong. */
export async function requireDepartment(event: H3Event, db: Database): Promise<DepartmentInfo> {
  const header = getHeader(event, 'authorization') ?? ''
  const key = /^Bearer\s+(\S+)$/i.exec(header)?.[1]
  const department = key ? await departmentForKey(db, key) : undefined
  if (!department) {
    throw createError({
      statusCode: 401,
      message: key ? '接口密钥无效或已停用，请向市信用办申请新密钥' : '缺少接口密钥：请在请求头中提供 Authorization: Bearer <密钥>',
    })
  }
  return department
}
