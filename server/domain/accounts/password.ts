import { Hash } from '@adonisjs/hash'
import { Scrypt } from '@adonisjs/hash/drivers/scrypt'

// The scrypt driver nuxt-auth-utils wraps, used directly so that CLI commands and tests hash the same way.
const hash = new Hash(new Scrypt({}))

export const hashPassword = (password: string) => hash.make(password)
export const verifyPassword = (passwordHash: string, password: string) => hash.verify(passwordHash, password)
