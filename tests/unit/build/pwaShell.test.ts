import { describe, expect, it } from 'vitest'
import { shellFiles, type ManifestChunk } from '../../../build/pwaShell'

const manifest: Record<string, ManifestChunk & { dynamicImports?: string[] }> = {
  'node_modules/nuxt/dist/app/entry.js': { file: '_nuxt/entry.js', isEntry: true, css: ['_nuxt/entry.css'], imports: ['_vue.js'], dynamicImports: ['layouts/default.vue', 'layouts/admin.vue', 'pages/admin/courses/[id].vue'] },
  '_vue.js': { file: '_nuxt/vue.js' },
  'layouts/default.vue': { file: '_nuxt/default.js', imports: ['node_modules/nuxt/dist/app/entry.js', '_tabs.js'] },
  '_tabs.js': { file: '_nuxt/tabs.js', assets: ['/_nuxt/tab.svg'] },
  'pages/offline.vue': { file: '_nuxt/offline.js', imports: ['node_modules/nuxt/dist/app/entry.js'] },
  'layouts/admin.vue': { file: '_nuxt/admin.js', imports: ['_zod.js'] },
  'pages/admin/courses/[id].vue': { file: '_nuxt/course.js', imports: ['_editor.js', '_zod.js'] },
  '_editor.js': { file: '_nuxt/editor.js' },
  '_zod.js': { file: '_nuxt/zod.js' },
}

describe('shellFiles', () => {
  it('holds the entry, the public layout and the offline page with what they import, nothing loaded on demand', () => {
    expect([...shellFiles(manifest)].sort()).toEqual([
      '_nuxt/default.js', '_nuxt/entry.css', '_nuxt/entry.js', '_nuxt/offline.js', '_nuxt/tab.svg', '_nuxt/tabs.js', '_nuxt/vue.js',
    ])
  })

  it('refuses a build without the offline page rather than precaching a shell that cannot show it', () => {
    expect(() => shellFiles(manifest, ['pages/offline.vue', 'pages/gone.vue'])).toThrow(/pages\/gone\.vue/)
  })
})
