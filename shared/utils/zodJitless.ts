/**
 * zod tries `new Function` once, when its first object schema is built, to see whether it may compile
 * validators; the portal's CSP forbids eval and the browser reports that probe as a violation even though zod
 * catches it. zod keeps its settings on `globalThis.__zod_globalConfig` (one object for every copy of zod,
 * zod/v4/core/core.js), so they are set there: importing zod's `config` for this would load zod into the
 * entry chunk of every page, forms or not.
 */
export function validateWithoutCompiling(): void {
  const scope = globalThis as { __zod_globalConfig?: Record<string, unknown> }
  scope.__zod_globalConfig = Object.assign(scope.__zod_globalConfig ?? {}, { jitless: true })
}
