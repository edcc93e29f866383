import { describe, expect, it } from 'vitest'
import { signUpSchema } from '../../../../shared/schemas/accounts'
import { passwordProblems } from '../../../../shared/utils/password'

describe('password rules', () => {
  it('accepts a long mixed password', () => {
    expect(passwordProblems('Chaoyang#2026', '13800138000')).toEqual([])
  })

  it('names each problem', () => {
    expect(passwordProblems('abc12')).toEqual(['密码至少8位', '密码须包含大写字母、小写字母、数字、符号中的至少三类'])
    expect(passwordProblems('aaaaBBBB1111')).toEqual(['密码不能有4个以上连续相同的字符'])
    expect(passwordProblems('Zhang.san2026', 'zhang.san@example.com')).toEqual(['密码不能包含账号'])
    expect(passwordProblems(`Aa1!${'x'.repeat(61)}`)).toContain('密码最多64位')
  })

  it('reports them on the password field of the sign-up form, and checks the account', () => {
    const result = signUpSchema.safeParse({ account: '1380013800', name: '张三', password: 'password' })
    expect(result.success).toBe(false)
    const fields = result.error!.issues.map(i => i.path.join('.'))
    expect(fields).toContain('account')
    expect(fields).toContain('password')
    expect(signUpSchema.parse({ account: ' Zhang@Example.COM ', name: '张三', password: 'Chaoyang#2026' }).account).toBe('zhang@example.com')
  })
})
