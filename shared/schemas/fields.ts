import { z } from 'zod'

/**
 * C0 control characters but tab, LF and CR, and DEL: nobody types them, a form never sends them, and
 * PostgreSQL cannot store NUL in text (the query fails: a 500 for what is bad input).
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

/** Marks the issue, so the error mapper can name the field in front of the message. */
export const CONTROL_CHARACTER_ISSUE = 'control_character'

/**
 * A text input: `z.string()` that refuses control characters. Every string field of every schema here
 * (bodies, queries, route parameters) is declared with it, never with `z.string()` itself.
 */
export const textInput = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).refine(value => !CONTROL_CHARACTERS.test(value), {
    error: '含有无法识别的控制字符，请删除后重试', params: { code: CONTROL_CHARACTER_ISSUE }, abort: true,
  })

/** Fields every application form shares, one definition each. */
/** An uploaded file's id; `missing` says which file the form still needs. */
export const fileIdSchema = (missing = '请上传文件') =>
  z.uuid({ error: issue => (issue.input === undefined ? missing : '附件无效，请重新上传') })

export const fileIdsSchema = z.array(fileIdSchema()).max(10, '最多10个附件').default([])

export const contactPhoneSchema = textInput({ error: '请填写联系电话' }).trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '联系电话应为手机号或带区号的固定电话')

export const contactNameSchema = textInput({ error: '请填写联系人' }).trim().min(2, '联系人至少2个字').max(40, '联系人最多40个字')

/** The form's one-time key: a second click, or a retry after a dropped connection, files one application. */
export const requestKeySchema = textInput().min(8).max(64)
