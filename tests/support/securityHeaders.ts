/** The script sources a policy allows (script-src, else default-src). */
function scriptSources(policy: string): string[] {
  const directives = policy.split(';').map(d => d.trim())
  const directive = directives.find(d => d.startsWith('script-src ')) ?? directives.find(d => d.startsWith('default-src ')) ?? ''
  return directive.split(/\s+/).slice(1)
}

/**
 * What an answer lacks of the portal's boundaries (issue 12 §6): a CSP that runs only the portal's own scripts
 * and lets nobody frame it, DENY, nosniff, a referrer and a permissions policy, and no word on what runs the server.
 */
export function missingSecurityHeaders(headers: Headers): string[] {
  const policy = headers.get('content-security-policy') ?? ''
  const sources = scriptSources(policy)
  const problems = [
    !/frame-ancestors 'none'/.test(policy) && 'CSP frame-ancestors',
    (sources.length === 0 || sources.some(s => !["'self'", "'none'"].includes(s) && !s.startsWith("'nonce-"))) && `CSP script sources ${sources.join(' ')}`,
    headers.get('x-frame-options') !== 'DENY' && 'X-Frame-Options',
    headers.get('x-content-type-options') !== 'nosniff' && 'X-Content-Type-Options',
    // An API error is answered by Nitro's error handler, which sends no referrer at all: stricter still.
    !/^(strict-origin-when-cross-origin|no-referrer)$/.test(headers.get('referrer-policy') ?? '') && 'Referrer-Policy',
    !/camera=\(\)/.test(headers.get('permissions-policy') ?? '') && 'Permissions-Policy',
    headers.has('x-powered-by') && 'X-Powered-By present',
  ]
  return problems.filter((p): p is string => !!p)
}
