import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Files that Node 20.19+ loads through the "module-sync" export condition, which Nitro's file tracer
 * does not follow (get-intrinsic → async-function, generator-function, …): the built server would
 * fail at the first require. Listed for `nitro.externals.traceInclude`.
 */
export function moduleSyncFiles(nodeModules: string): string[] {
  const files: string[] = []
  const visit = (dir: string) => {
    const manifest = join(dir, 'package.json')
    if (!existsSync(manifest)) return
    const text = readFileSync(manifest, 'utf8')
    if (!text.includes('"module-sync"')) return
    for (const match of text.matchAll(/"module-sync"\s*:\s*"([^"]+)"/g)) {
      const file = join(dir, match[1]!)
      if (existsSync(file)) files.push(file)
    }
  }
  for (const name of readdirSync(nodeModules)) {
    if (name.startsWith('.')) continue
    if (name.startsWith('@')) readdirSync(join(nodeModules, name)).forEach(sub => visit(join(nodeModules, name, sub)))
    else visit(join(nodeModules, name))
  }
  return files
}
