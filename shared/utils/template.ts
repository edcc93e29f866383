/** Fills `{name}` placeholders; an unknown or empty value leaves a blank line to write in, never the brace. */
export function fillTemplate(template: string, values: Record<string, string | null | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key]?.trim() || '________')
}
