import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SearchResult } from '../../shared/schemas/search'
import { startServer, waitForIndex, type TestServer } from '../support/server'

let server: TestServer
let record: SearchResult['hits'][number]
let courseId: number

beforeAll(async () => {
  server = await startServer()
  const seeded = await server.cli('scripts/seed.ts', ['--records', '60'])
  expect(seeded.status, seeded.stderr).toBe(0)
  await waitForIndex(server)
  const found = await fetch(`${server.url}/api/search?kind=penalty`).then(r => r.json() as Promise<SearchResult>)
  record = found.hits.find(hit => hit.creditCode)!
  courseId = (await fetch(`${server.url}/api/training/courses`).then(r => r.json() as Promise<{ items: { id: number }[] }>)).items[0]!.id
})
afterAll(async () => {
  await server?.stop()
})

const page = (path: string) => fetch(`${server.url}${path}`, { headers: { accept: 'text/html' } })
const metaContent = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`<meta[^>]*name="${name}"[^>]*>`, 'g'))].map(([tag]) => /content="([^"]*)"/.exec(tag)?.[1])

describe('robots.txt', () => {
  it('allows the public pages, keeps crawlers out of personal pages, the console and the API, and names nothing missing', async () => {
    const response = await fetch(`${server.url}/robots.txt`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
    const lines = (await response.text()).split('\n').filter(line => line && !line.startsWith('#'))
    expect(lines).toEqual(['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /me', 'Disallow: /api/'])
  })
})

describe('the favicon', () => {
  it('is an ICO of 16, 32 and 48 px PNG images', async () => {
    const response = await fetch(`${server.url}/favicon.ico`)
    expect(response.status).toBe(200)
    const ico = Buffer.from(await response.arrayBuffer())
    expect(ico.readUInt16LE(0)).toBe(0)
    expect(ico.readUInt16LE(2)).toBe(1)
    const count = ico.readUInt16LE(4)
    const sizes: number[] = []
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i
      const [length, offset] = [ico.readUInt32LE(entry + 8), ico.readUInt32LE(entry + 12)]
      expect(offset + length).toBeLessThanOrEqual(ico.length)
      const image = ico.subarray(offset, offset + length)
      expect(image.subarray(1, 4).toString('latin1')).toBe('PNG')
      // The PNG's own IHDR width agrees with the directory.
      expect(image.readUInt32BE(16)).toBe(ico.readUInt8(entry))
      sizes.push(ico.readUInt8(entry))
    }
    expect(sizes).toEqual([16, 32, 48])
  })
})

describe('pages for search engines', () => {
  const publicPages = () => ['/', '/search?q=建材', `/records/${record.id}`, `/subjects/${record.creditCode}`, '/commitments',
    '/lists/black', '/lists/red', '/training', `/training/${courseId}`, '/objections', '/repair', '/registrations',
    '/login', '/signup', '/reset']

  it('gives every public page its own Chinese description, with no ID or phone number in it', async () => {
    const descriptions = new Map<string, string>()
    for (const path of publicPages()) {
      const response = await page(path)
      expect(response.status, path).toBe(200)
      const found = metaContent(await response.text(), 'description')
      expect(found, path).toHaveLength(1)
      const description = found[0]!
      expect(description.length, `${path}: ${description}`).toBeGreaterThanOrEqual(20)
      expect(description, path).toMatch(/[\u4E00-\u9FFF]{10}/)
      expect(description, path).not.toMatch(/\d{17}[\dXx]|\d{15}|1[3-9]\d{9}/)
      descriptions.set(path, description)
    }
    expect(new Set(descriptions.values()).size).toBe(descriptions.size)
    // A record's page says what kind of record it is and about whom.
    expect(descriptions.get(`/records/${record.id}`)).toContain('行政处罚信息')
    expect(descriptions.get(`/records/${record.id}`)).toContain(record.subjectName)
  })

  it('asks search engines to keep no copy of a record, a profile, a list or a search, in the page and in a header', async () => {
    for (const path of [`/records/${record.id}`, `/subjects/${record.creditCode}`, '/lists/black', '/search?q=建材']) {
      const response = await page(path)
      expect(response.headers.get('x-robots-tag'), path).toBe('noarchive')
      expect(metaContent(await response.text(), 'robots'), path).toEqual(['noarchive'])
    }
    // A guide is not a record: it may be cached.
    const guide = await page('/repair')
    expect(guide.headers.get('x-robots-tag')).toBeNull()
    expect(metaContent(await guide.text(), 'robots')).toEqual([])
  })
})
