import { permissionsPolicy } from '../../security.config'

const permissions = Object.entries(permissionsPolicy).map(([feature, allow]) => `${feature}=(${allow.join(' ')})`).join(', ')

/**
 * nuxt-security writes its full set of headers on rendered pages; an API answer, a file or a PDF gets the same
 * boundaries here: it runs no script, is framed by nobody, uses no device.
 */
export default defineEventHandler((event) => {
  setResponseHeaders(event, {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    'permissions-policy': permissions,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
  })
})
