import { validateWithoutCompiling } from '~~/shared/utils/zodJitless'

// Set when this module loads: the router imports the first page (and builds its schemas) before any
// plugin's setup runs. zod itself loads only with the pages whose forms use it.
validateWithoutCompiling()

export default defineNuxtPlugin({ name: 'zod-jitless', setup() {} })
