/**
 * What the no-JavaScript login form (POST /login) leaves for the login page when it refuses: the message, the
 * fields' messages and the account typed (never the password), in a cookie for /login that lives a minute.
 */
export interface LoginFlash { message: string, fields?: Record<string, string[]>, account?: string }

export const loginFlashCookie = 'login-flash'
export const loginFlashSeconds = 60

export function isLoginFlash(value: unknown): value is LoginFlash {
  return typeof value === 'object' && value !== null && typeof (value as LoginFlash).message === 'string'
}

/** One line for the page: the refusal, then what to change in each field (a field's message may repeat it). */
export const loginFlashText = (flash: LoginFlash) =>
  [...new Set([flash.message, ...Object.values(flash.fields ?? {}).flat()])].join('；')
