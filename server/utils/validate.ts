import type { H3Event } from 'h3'
import { getRouterParam, getValidatedQuery, getValidatedRouterParams, readValidatedBody } from 'h3'
import { z } from 'zod'
import { textInput } from '../../shared/schemas/fields'
import { notFound, validationError } from './errors'

/** The JSON body checked by its shared schema; a 400 naming each bad field otherwise. */
export async function readBodyAs<S extends z.ZodType>(event: H3Event, schema: S): Promise<z.output<S>> {
  const parsed = await readValidatedBody(event, body => schema.safeParse(body ?? {}))
  if (!parsed.success) throw validationError(parsed.error)
  return parsed.data
}

export async function readQueryAs<S extends z.ZodType>(event: H3Event, schema: S): Promise<z.output<S>> {
  const parsed = await getValidatedQuery(event, query => schema.safeParse(query))
  if (!parsed.success) throw validationError(parsed.error)
  return parsed.data
}

/** A numeric route parameter; anything else is the same 404 as a missing row. */
export function idParam(event: H3Event, name = 'id', what = '内容'): number {
  const value = Number(getRouterParam(event, name))
  if (!Number.isSafeInteger(value) || value <= 0) throw notFound(what)
  return value
}

/**
 * A text route parameter (a code, a certificate number, a file's id), as the router decoded it: a
 * control character is a 400 naming it, as in any text input. Its format is the domain's to check
 * (a code of the wrong shape is simply not found).
 */
export async function textParam(event: H3Event, name: string): Promise<string> {
  const schema = z.object({ [name]: textInput().max(200, '参数过长') })
  const parsed = await getValidatedRouterParams(event, params => schema.safeParse(params))
  if (!parsed.success) throw validationError(parsed.error)
  return parsed.data[name]!
}
