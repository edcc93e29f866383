import { cpSync } from 'node:fs'
import { join } from 'node:path'
import type { Nitro, NitroConfig } from 'nitropack'
import type { NuxtConfig } from 'nuxt/schema'
import { moduleSyncFiles } from './build/moduleSyncFiles'
import { accountPolicy } from './config/accounts'
import { pwa } from './pwa.config'
import { security } from './security.config'

// Typed by Nitro's own types: Nuxt 4.4's schema falls back to a narrower NitroConfig without them.
const nitro: NitroConfig = {
  experimental: { tasks: true },
  externals: { traceInclude: moduleSyncFiles(join(import.meta.dirname, 'node_modules')) },
  // Account sign-up lives at /signup (信用信息自愿注册 is the other "registration"); links to /register in e-mails still work.
  routeRules: { '/register': { redirect: { to: '/signup', statusCode: 301 } } },
  // 00:30 UTC is 08:30 in China: the overdue report is waiting when the credit office starts work.
  scheduledTasks: { '7 * * * *': ['records:expire'], '30 0 * * *': ['applications:overdue'] },
  hooks: {
    // Migrations are applied at start and PDFs need a Chinese font: the built server carries both beside its entry file.
    compiled(nitro: Nitro) {
      cpSync(join(nitro.options.rootDir, 'server/database/migrations'), join(nitro.options.output.serverDir, 'migrations'), { recursive: true })
      const font = 'NotoSansHans-Regular.otf'
      cpSync(join(nitro.options.rootDir, 'node_modules/@embedpdf/fonts-sc/fonts', font), join(nitro.options.output.serverDir, 'fonts', font))
    },
  },
}

export default defineNuxtConfig({
  compatibilityDate: '2026-11-01',
  // The source sits at the repository root (ARCHITECTURE.md layout), not under app/.
  srcDir: '.',
  modules: ['@nuxt/eslint', '@nuxt/ui', '@pinia/nuxt', '@vite-pwa/nuxt', 'nuxt-auth-utils', 'nuxt-security'],
  security,
  pwa,
  css: ['~/assets/css/main.css'],
  devtools: { enabled: false },
  // Sealed cookie sessions (nuxt-auth-utils); NUXT_SESSION_PASSWORD seals them, NUXT_SESSION_MAX_AGE shortens them.
  runtimeConfig: { session: { maxAge: accountPolicy.sessionSeconds, cookie: { sameSite: 'lax', httpOnly: true, secure: true } } },
  typescript: { strict: true },
  // Build machines and government networks have no internet: no web fonts, icons from local packages.
  ui: { fonts: false },
  icon: { serverBundle: 'local', clientBundle: { scan: true } },
  app: {
    head: {
      htmlAttrs: { lang: 'zh-CN' },
      title: '信用中国（辽宁朝阳）',
      meta: [
        { name: 'viewport', content: 'width=device-width, initial-scale=1' },
        { name: 'theme-color', content: '#a61b1b' },
      ],
      link: [
        // The ICO for browsers without SVG icons (public/favicon.ico, scripts/assets/favicon.mjs).
        { rel: 'icon', href: '/favicon.ico', sizes: '16x16 32x32 48x48' },
        { rel: 'icon', href: '/icons/icon.svg', type: 'image/svg+xml' },
        { rel: 'apple-touch-icon', href: '/icons/apple-touch-icon.png' },
      ],
    },
  },
  // The offline page runs no script: served by the service worker for a page that failed, it must keep that
  // page's address, which the app's router would rewrite to /offline (pages/offline.vue).
  routeRules: { '/offline': { noScripts: true } },
  nitro: nitro as NuxtConfig['nitro'],
  hooks: {
    // Unexpected errors are logged once, redacted, by server/error.ts before Nuxt's handler renders them.
    'nitro:config'(config) {
      const nitroConfig = config as NitroConfig
      nitroConfig.errorHandler = [join(import.meta.dirname, 'server/error.ts'), ...[nitroConfig.errorHandler ?? []].flat()]
    },
  },
})
