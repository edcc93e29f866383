import { describe, expect, it } from 'vitest'
import { sanitizeLessonHtml } from '../../../../../server/domain/training/sanitize'

const media = '/api/media/0b0f7c3e-7d2a-4b4e-9a51-2f6f1f7d9c11'

describe('sanitizeLessonHtml', () => {
  it('keeps the allowed formatting', () => {
    const html = '<h2>一、什么是信用修复</h2><p><strong>重点</strong><em>说明</em><u>下划线</u><s>删除</s></p><ul><li>一</li></ul><ol><li>二</li></ol><blockquote>引用</blockquote><hr><p>换<br>行</p>'
    expect(sanitizeLessonHtml(html)).toBe(html.replace('<hr>', '<hr />').replace('<br>', '<br />'))
  })

  it('removes scripts with their content, and event handlers', () => {
    const out = sanitizeLessonHtml('<p onclick="steal()">正文</p><script>alert(1)</script><img src="' + media + '" onerror="alert(2)">')
    expect(out).not.toMatch(/script|alert|onclick|onerror/)
    expect(out).toContain('<p>正文</p>')
    expect(out).toContain(`<img src="${media}" />`)
  })

  it('drops javascript: and other schemes from links but keeps their text', () => {
    for (const href of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'java&#x09;script:alert(1)', ' javascript:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example/x']) {
      const out = sanitizeLessonHtml(`<p><a href="${href}">链接</a></p>`)
      expect(out, href).toBe('<p><a>链接</a></p>')
    }
  })

  it('keeps http, https and relative links', () => {
    for (const href of ['https://www.creditchina.gov.cn/', 'http://example.com/a?b=1', '/objections', '#part2', 'guide/repair']) {
      expect(sanitizeLessonHtml(`<a href="${href}">链接</a>`)).toBe(`<a href="${href.replace('&', '&amp;')}">链接</a>`)
    }
  })

  it('removes images from anywhere but our media route', () => {
    for (const src of ['https://evil.example/pixel.gif', `https://evil.example${media}`, `//evil.example${media}`, 'data:image/png;base64,AAAA', `${media}?x=1`, '/api/media/../secret']) {
      expect(sanitizeLessonHtml(`<p>图<img src="${src}"></p>`), src).toBe('<p>图</p>')
    }
  })

  it('removes styles, classes, iframes and unknown tags', () => {
    const out = sanitizeLessonHtml('<div class="x" style="color:red"><span style="x">文字</span></div><iframe src="https://evil.example"></iframe><style>p{}</style>')
    expect(out).toBe('文字')
  })
})
