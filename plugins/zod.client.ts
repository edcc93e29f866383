import { config } from 'zod/v4/core'

/**
 * zod tries `new Function` once, when its first object schema is built, to see whether it may compile
 * validators; the portal's CSP forbids eval and the browser reports that probe as a violation even though zod
 * catches it. So validate without compiling, set when this module loads: the router imports the first page
 * (and builds its schemas) before any plugin's setup runs.
 */
config({ jitless: true })

export default defineNuxtPlugin({ name: 'zod-jitless', setup() {} })
