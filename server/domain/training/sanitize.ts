import sanitizeHtml from 'sanitize-html'

/** Lesson images may only come from our own media route: no tracking pixels, no foreign hosts. */
const OWN_MEDIA = /^\/api\/media\/[0-9a-f-]{36}$/i

/** Links: http(s) anywhere, or relative to the portal; `javascript:` and every other scheme is dropped. */
function safeHref(href: string): boolean {
  const value = href.trim()
  if (/^https?:\/\//i.test(value)) return true
  // Protocol-relative (`//evil.example`) is a foreign host in disguise.
  if (value.startsWith('//')) return false
  // Relative: no scheme before the first `/`, `?` or `#` (this also catches `java\tscript:`).
  return !/^[^/?#]*:/.test(value)
}

const options: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h2', 'h3', 'h4', 'strong', 'em', 'u', 's', 'ul', 'ol', 'li', 'blockquote', 'a', 'img', 'br', 'hr'],
  allowedAttributes: { a: ['href'], img: ['src', 'alt'] },
  // Schemes are checked by the filter below; an empty list makes sanitize-html drop anything with a scheme it does not know.
  allowedSchemes: ['http', 'https'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // What a disallowed tag held is kept as text, except script-like content, which goes entirely.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed'],
  exclusiveFilter: frame => frame.tag === 'img' && !OWN_MEDIA.test(frame.attribs.src ?? ''),
  transformTags: {
    // The editor's heading 1 would compete with the page's own title.
    h1: 'h2',
    b: 'strong',
    i: 'em',
    strike: 's',
    a: (tagName, attribs) => {
      const href = attribs.href && safeHref(attribs.href) ? attribs.href.trim() : ''
      const kept: sanitizeHtml.Attributes = href ? { href } : {}
      return { tagName, attribs: kept }
    },
  },
}

/**
 * The one place lesson HTML is cleaned, on every save: whatever the editor (or anyone calling the API)
 * sends, only the small allowlist survives, so the learner's page can render it as HTML.
 */
export function sanitizeLessonHtml(html: string): string {
  return sanitizeHtml(html, options).trim()
}
