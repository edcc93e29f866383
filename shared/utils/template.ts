/** The longest run of at least 2 characters that ends `left` and starts `right` ("申请办理" + "办理食品…" → 2). */
export function overlap(left: string, right: string): number {
  for (let k = Math.min(left.length, right.length); k >= 2; k--) {
    if (left.endsWith(right.slice(0, k))) return k
  }
  return 0
}

/**
 * Fills `{name}` placeholders; an unknown or empty value leaves a blank line to write in, never the brace.
 * Words the template already says around a placeholder are not said twice: "申请办理{matter}" with
 * "办理食品经营许可证" reads "申请办理食品经营许可证".
 */
export function fillTemplate(template: string, values: Record<string, string | null | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, key: string, at: number) => {
    let value = values[key]?.trim()
    if (!value) return '________'
    const before = template.slice(0, at)
    const after = template.slice(at + placeholder.length)
    value = value.slice(overlap(before, value))
    const tail = overlap(value, after)
    return value.slice(0, value.length - tail) || '________'
  })
}
