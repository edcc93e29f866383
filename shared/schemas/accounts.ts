import { z } from 'zod'
import { textInput } from './fields'
import { passwordProblems } from '../utils/password'
import { staffRoles } from '../roles'

export const mobilePattern = /^1[3-9]\d{9}$/

/** A login name: a mainland mobile number or an e-mail address, normalised. */
export const accountSchema = textInput({ error: '请输入手机号或电子邮箱' }).trim().toLowerCase().min(1, '请输入手机号或电子邮箱').max(120, '账号过长')
  .refine(v => mobilePattern.test(v) || z.email().safeParse(v).success, '请输入11位手机号或有效的电子邮箱')

const password = textInput({ error: '请输入密码' }).min(1, '请输入密码').max(64, '密码最多64位')
const name = textInput({ error: '请输入姓名' }).trim().min(2, '姓名至少2个字').max(40, '姓名最多40个字')

function strongPassword<T extends { account: string, password: string }>(value: T, ctx: z.core.$RefinementCtx<T>) {
  for (const message of passwordProblems(value.password, value.account)) ctx.addIssue({ code: 'custom', path: ['password'], message })
}

export const signUpSchema = z.object({ account: accountSchema, name, password }).superRefine(strongPassword)
export type SignUp = z.infer<typeof signUpSchema>

export const loginSchema = z.object({ account: accountSchema, password })
export type Login = z.infer<typeof loginSchema>

export const resetRequestSchema = z.object({ account: accountSchema })

/** The new-password form; the API's schema adds the link's token. */
export const newPasswordSchema = z.object({ account: accountSchema, password }).superRefine(strongPassword)

export const resetConfirmSchema = z.object({
  token: textInput({ error: '重置链接无效' }).min(20, '重置链接无效').max(100, '重置链接无效'),
  account: accountSchema,
  password,
}).superRefine(strongPassword)

export const roleLabels = {
  public: '注册用户',
  subject_agent: '主体经办人',
  department_reviewer: '部门审核员',
  credit_office: '市信用办',
  admin: '系统管理员',
} as const
export type Role = keyof typeof roleLabels

/** An admin creates a staff account; a reviewer belongs to one department. */
export const staffUserSchema = z.object({
  account: accountSchema,
  name,
  password,
  role: z.enum(staffRoles, { error: '请选择角色' }),
  departmentId: z.number({ error: '请选择所属部门' }).int().positive().optional(),
}).superRefine((value, ctx) => {
  strongPassword(value, ctx)
  if (value.role === 'department_reviewer' && !value.departmentId) ctx.addIssue({ code: 'custom', path: ['departmentId'], message: '部门审核员须选择所属部门' })
})
export type StaffUser = z.infer<typeof staffUserSchema>

export interface SessionUser { id: number, name: string, role: Role, departmentId: number | null }
