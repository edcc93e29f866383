import type { ModuleOptions } from '@vite-pwa/nuxt'

/**
 * The installable app. The service worker precaches the app shell and static assets only: never an
 * API answer, never a page (pages may carry personal data); a navigation that fails offline gets the
 * precached offline page. Off in development.
 */
export const pwa: ModuleOptions = {
  registerType: 'prompt',
  injectRegister: false,
  manifest: {
    name: '信用中国（辽宁朝阳）',
    short_name: '信用朝阳',
    description: '朝阳市公共信用信息查询与信用服务',
    lang: 'zh-CN',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: '#a61b1b',
    background_color: '#ffffff',
    shortcuts: [
      { name: '我的', short_name: '我的', url: '/me', description: '本单位信用记录、申请与消息' },
      { name: '信用查询', short_name: '查询', url: '/search' },
    ],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,svg,png,ico,woff2}'],
    // The build manifest is asked for fresh to detect updates; a cached copy would hide them.
    globIgnores: ['**/_nuxt/builds/**'],
    navigateFallback: null,
    // Precached with ?from=sw: served in place of a page that failed, it reloads that page (pages/offline.vue).
    additionalManifestEntries: [{ url: '/offline?from=sw', revision: String(Date.now()) }],
    runtimeCaching: [{
      urlPattern: ({ request, url }) => request.mode === 'navigate' && !url.pathname.startsWith('/api/'),
      handler: 'NetworkOnly',
      options: { precacheFallback: { fallbackURL: '/offline?from=sw' } },
    }],
  },
  client: { installPrompt: true, periodicSyncForUpdates: 3600 },
  devOptions: { enabled: false },
}
