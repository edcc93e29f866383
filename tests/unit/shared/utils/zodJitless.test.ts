import { describe, expect, it } from 'vitest'
import { validateWithoutCompiling } from '../../../../shared/utils/zodJitless'

describe('validateWithoutCompiling', () => {
  it('makes zod, loaded afterwards, validate without compiling (no eval probe under the CSP)', async () => {
    validateWithoutCompiling()
    const { z } = await import('zod')
    expect(z.config().jitless).toBe(true)
    const schema = z.object({ name: z.string().min(1) })
    expect(schema.safeParse({ name: '朝阳' }).success).toBe(true)
    expect(schema.safeParse({ name: '' }).success).toBe(false)
  })
})
