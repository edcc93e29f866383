import { format, inspect } from 'node:util'
import { maskIdNumbers } from '../../shared/utils/idNumber'

/**
 * The one way the server and the commands write to their log (DOMAIN.md rule 7: no ID number in a log).
 * Drizzle's "Failed query: <sql>\nparams: <values>" quotes what a request sent, so the values are cut;
 * a database's own message or detail may quote a value too, so every ID-number shape is masked in the rest.
 */

/** The `params:` part of a Drizzle message, up to the stack trace that follows it in `error.stack`. */
const QUERY_PARAMS = /\nparams: [\s\S]*?(?=\n {4}at |$)/g

export function redact(text: string): string {
  return maskIdNumbers(text.replace(QUERY_PARAMS, '\nparams: [not logged]'))
}

/**
 * An error and its causes: name, message, database error code and stack. Nothing else of the objects is
 * written (a Drizzle error carries its `params`, a PostgreSQL error its `detail` with the row's values).
 */
function describe(error: unknown): string {
  const lines: string[] = []
  let current: unknown = error
  let previousStack: string | undefined
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (!(current instanceof Error)) {
      lines.push(inspect(current, { depth: 1, breakLength: Infinity }))
      break
    }
    const code = (current as { code?: unknown }).code
    const stack = current.stack ?? `${current.name}: ${current.message}`
    // h3 wraps a thrown error with the same stack: write it once.
    if (stack !== previousStack) lines.push(`${depth ? 'caused by: ' : ''}${typeof code === 'string' ? `[${code}] ` : ''}${stack}`)
    previousStack = stack
    current = current.cause
  }
  return lines.join('\n')
}

const line = (message: string, error?: unknown) => redact(error === undefined ? message : `${message}\n${describe(error)}`)

export function logError(message: string, error?: unknown): void {
  console.error(line(message, error))
}

export function logWarning(message: string, error?: unknown): void {
  console.warn(line(message, error))
}

const levels = ['debug', 'info', 'log', 'warn', 'error'] as const

/**
 * What others write to the console of the server process (Nitro, Vue's router warning about a path with its
 * query string, a library) is redacted the same way: installed once at start (server/plugins/log.ts).
 */
export function redactConsole(): void {
  for (const level of levels) {
    const write = console[level].bind(console)
    console[level] = (...args: unknown[]) => write(redact(format(...args)))
  }
}
