import nodemailer from 'nodemailer'
import { getRequestURL, type H3Event } from 'h3'
import { logError } from './log'

/** Sends one mail; a failure is logged (without the address) and never thrown: mail only echoes what is saved. */
export interface Mailer { send: (to: string, subject: string, text: string) => Promise<void> }

let mailer: Mailer | null | undefined

/**
 * E-mail through SMTP when SMTP_URL is set (e.g. smtp://user:pass@mail.example.gov.cn:587), from MAIL_FROM;
 * null otherwise, and then messages stay in the in-app box only.
 */
export function useMailer(): Mailer | null {
  if (mailer !== undefined) return mailer
  const url = process.env.SMTP_URL
  if (!url) return (mailer = null)
  const transport = nodemailer.createTransport(url)
  const from = process.env.MAIL_FROM || '信用中国（辽宁朝阳） <noreply@localhost>'
  mailer = {
    send: async (to, subject, text) => {
      await transport.sendMail({ from, to, subject, text })
        .catch((error: Error) => logError(`[mail] "${subject}" not sent`, error))
    },
  }
  return mailer
}

/** The address links in e-mails point to: SITE_URL in production, so a forged Host header cannot redirect them. */
export function siteUrl(event: H3Event): string {
  return (process.env.SITE_URL || getRequestURL(event).origin).replace(/\/$/, '')
}
