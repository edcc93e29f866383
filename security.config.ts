import type { ModuleOptions } from 'nuxt-security'

/**
 * Response headers of every page and API answer (nuxt-security). Scripts run only when the portal served them:
 * files from its own origin, and inline scripts carrying the page's fresh nonce; no `unsafe-inline`, no other origin. The module's limiters, validators and CORS are
 * off: rate limits, body limits and the Origin check are the portal's own (server/utils/rateLimit.ts, uploads, csrf).
 */
/** What the portal's pages may use of the device: nothing but full screen for lesson videos. */
export const permissionsPolicy: Record<string, string[]> = {
  'camera': [], 'microphone': [], 'geolocation': [], 'display-capture': [], 'payment': [], 'usb': [],
  'fullscreen': ['self'],
}

export const security: Partial<ModuleOptions> = {
  nonce: true,
  // HSTS is set by server/middleware/hsts.ts, only on an HTTPS request: a plain-HTTP intranet must keep working.
  headers: {
    contentSecurityPolicy: {
      'default-src': ["'self'"],
      'script-src': ["'self'", "'nonce-{{nonce}}'"],
      'script-src-attr': ["'none'"],
      // Nuxt UI and Vue set style attributes at run time.
      'style-src': ["'self'", "'unsafe-inline'"],
      // The drawn signature and previews of chosen files are data: and blob: URLs.
      'img-src': ["'self'", 'data:', 'blob:'],
      'media-src': ["'self'", 'blob:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'worker-src': ["'self'"],
      'manifest-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
      'upgrade-insecure-requests': false,
    },
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: false,
    permissionsPolicy,
    crossOriginEmbedderPolicy: false,
  },
  rateLimiter: false,
  requestSizeLimiter: false,
  xssValidator: false,
  corsHandler: false,
  allowedMethodsRestricter: false,
  removeLoggers: false,
  hidePoweredBy: true,
}
