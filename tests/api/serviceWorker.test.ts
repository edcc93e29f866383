import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type TestServer } from '../support/server'

/** Issue 13: what a first visit downloads in the background for offline use, compressed. */
const PRECACHE_BUDGET_KB = 350
const PUBLIC = '.output/public'

let server: TestServer

beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  await server?.stop()
})

/** The precache list of the built service worker. */
function precached(): string[] {
  const worker = readFileSync(join(PUBLIC, 'sw.js'), 'utf8')
  return [...worker.matchAll(/\{url:"([^"]+)",revision:/g)].map(m => m[1]!)
}

/** Bytes sent for a file to a browser that takes Brotli (the prepared .br copy when there is one). */
function sentBytes(url: string): number {
  const file = join(PUBLIC, url)
  return statSync(existsSync(`${file}.br`) ? `${file}.br` : file).size
}

describe('the service worker', () => {
  it('precaches the public shell and the offline page, nothing else, within the budget', async () => {
    const urls = precached()
    // The public shell: what the home page and the offline page (which runs no script) load.
    const pages = await Promise.all(['/', '/offline'].map(async path => (await fetch(`${server.url}${path}`)).text()))
    const loads = (html: string) => [...html.matchAll(/(?:src|href)="\/(_nuxt\/[^"]+\.(?:js|css))"/g)].map(m => m[1]!)
    const shell = new Set(pages.flatMap(loads))
    const build = urls.filter(u => u.startsWith('_nuxt/'))
    expect(build.length).toBeGreaterThan(0)
    // Every build file it keeps is one of the shell's (so no console chunk, no other page), the offline page's all.
    // One more is the offline page's own component (build/pwaShell.ts keeps it), which its HTML, run without
    // scripts, does not name: small, and only one.
    const extra = build.filter(u => !shell.has(u))
    expect(extra.length).toBeLessThanOrEqual(1)
    expect(extra.every(u => u.endsWith('.js') && sentBytes(u) < 4096), extra.join()).toBe(true)
    expect(loads(pages[1]!).filter(f => !build.includes(f))).toEqual([])
    expect([...new Set(urls.filter(u => !u.startsWith('_nuxt/')))].sort()).toEqual(['/offline?from=sw', 'icons/icon.svg', 'manifest.webmanifest'])
    const kb = urls.filter(u => !u.startsWith('/offline')).reduce((sum, u) => sum + sentBytes(u), 0) / 1024
    expect(kb).toBeLessThanOrEqual(PRECACHE_BUDGET_KB)
  })
})
