import { defineNuxtModule } from '@nuxt/kit'
// Brings the PWA module's hook types (pwa:beforeBuildServiceWorker) into Nuxt's hook map.
import type {} from '@vite-pwa/nuxt'

/** One chunk of the client manifest, as Nuxt hands it to `build:manifest`. */
export interface ManifestChunk { file: string, isEntry?: boolean, imports?: string[], css?: string[], assets?: string[] }

/** What the service worker precaches besides the app's entry: the layout of public pages and the offline page. */
export const SHELL_ROOTS = ['layouts/default.vue', 'pages/offline.vue']

/**
 * The build files of the public shell: the entry, the given roots, and everything they import statically, with
 * their stylesheets. Chunks loaded on demand (other pages, the console's editor, charts and tables) are not in it.
 */
export function shellFiles(manifest: Record<string, ManifestChunk>, roots: string[] = SHELL_ROOTS): Set<string> {
  const files = new Set<string>()
  const seen = new Set<string>()
  const visit = (key: string) => {
    const chunk = manifest[key]
    if (!chunk || seen.has(key)) return
    seen.add(key)
    for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) files.add(file.replace(/^\//, ''))
    chunk.imports?.forEach(visit)
  }
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key)
  for (const root of roots) {
    if (!manifest[root]) throw new Error(`${root} is not in the client manifest: the service worker's shell would be incomplete`)
    visit(root)
  }
  return files
}

/**
 * A first visit downloads the precache in the background: on a phone it must stay small (issue 13). The service
 * worker precaches the public shell only; any other build file (/_nuxt/) is dropped from its list here. The client
 * manifest is taken when Nuxt hands it over (`build:manifest`): @vite-pwa/nuxt builds the worker later, once
 * Nuxt has already removed the manifest file.
 */
export default defineNuxtModule({
  meta: { name: 'pwa-shell' },
  setup(_, nuxt) {
    const buildAssets = nuxt.options.app.buildAssetsDir.replace(/^\/|\/$/g, '')
    let shell: Set<string> | undefined
    nuxt.hook('build:manifest', (manifest) => {
      // Nuxt's manifest names files within the build assets directory, the worker's list from the public root.
      shell = new Set([...shellFiles(manifest as Record<string, ManifestChunk>)].map(f => f.startsWith(`${buildAssets}/`) ? f : `${buildAssets}/${f}`))
    })
    nuxt.hook('pwa:beforeBuildServiceWorker', (options) => {
      const workbox = options.workbox
      workbox.manifestTransforms = [...(workbox.manifestTransforms ?? []), async (entries) => {
        if (!shell) throw new Error('the client manifest was not seen: cannot tell the public shell from the rest')
        const keep = shell
        return { manifest: entries.filter(e => !e.url.startsWith(`${buildAssets}/`) || keep.has(e.url)), warnings: [] }
      }]
    })
  },
})
