import { describe, expect, it } from 'vitest'
import { fileSize, limitText, oversizeProblem } from '../../../utils/uploads'

const MB = 1024 * 1024

describe('oversizeProblem', () => {
  it('refuses a 12 MB photo against a 10 MB limit, naming the file, its size and the limit', () => {
    expect(oversizeProblem({ name: '营业执照.jpg', size: 12 * MB }, 10 * MB)).toBe('营业执照.jpg：文件大小12.0 MB，超过10MB上限，请压缩或拆分后再上传')
  })

  it('lets a file at the limit through', () => {
    expect(oversizeProblem({ name: 'a.pdf', size: 10 * MB }, 10 * MB)).toBeNull()
  })
})

describe('fileSize and limitText', () => {
  it('say sizes as people read them', () => {
    expect(fileSize(850 * 1024)).toBe('850 KB')
    expect(fileSize(3.25 * MB)).toBe('3.3 MB')
    expect(limitText(200 * MB)).toBe('200MB')
    expect(limitText(2.5 * MB)).toBe('2.5MB')
  })
})
