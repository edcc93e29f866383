import { z } from 'zod'

/** Fields every application form shares, one definition each. */
/** An uploaded file's id; `missing` says which file the form still needs. */
export const fileIdSchema = (missing = '请上传文件') =>
  z.uuid({ error: issue => (issue.input === undefined ? missing : '附件无效，请重新上传') })

export const fileIdsSchema = z.array(fileIdSchema()).max(10, '最多10个附件').default([])

export const contactPhoneSchema = z.string({ error: '请填写联系电话' }).trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '联系电话应为手机号或带区号的固定电话')

export const contactNameSchema = z.string({ error: '请填写联系人' }).trim().min(2, '联系人至少2个字').max(40, '联系人最多40个字')

/** The form's one-time key: a second click, or a retry after a dropped connection, files one application. */
export const requestKeySchema = z.string().min(8).max(64)
