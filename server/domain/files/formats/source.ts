import { open } from 'node:fs/promises'

/** The file is not what its first bytes claim; `reason` says how, in words an uploader can act on. */
export class FormatError extends Error {
  constructor(readonly reason: string) {
    super(reason)
  }
}

/** Random access to an upload's bytes, in memory (evidence) or on disk (a lesson video of 200 MB). */
export interface ByteSource {
  readonly size: number
  /** Up to `length` bytes from `position`; fewer only at the end of the file. */
  read(position: number, length: number): Promise<Buffer>
}

export function bufferSource(bytes: Buffer): ByteSource {
  return { size: bytes.length, read: async (position, length) => bytes.subarray(position, Math.min(position + length, bytes.length)) }
}

const BLOCK = 1 << 20

/** A file read in 1 MB blocks, the last one kept: walking thousands of small headers costs few reads. */
export async function withFileSource<T>(path: string, use: (source: ByteSource) => Promise<T>): Promise<T> {
  const handle = await open(path, 'r')
  try {
    const { size } = await handle.stat()
    let start = 0
    let block = Buffer.alloc(0)
    const readAt = async (position: number, length: number) => {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - position)))
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position)
      return buffer.subarray(0, bytesRead)
    }
    return await use({
      size,
      async read(position, length) {
        if (length > BLOCK) return readAt(position, length)
        if (position < start || position + length > start + block.length) {
          start = position
          block = await readAt(position, BLOCK)
        }
        return block.subarray(position - start, position - start + length)
      },
    })
  }
  finally {
    await handle.close()
  }
}

/** Exactly `length` bytes from `position`, or the file ends too early. */
export async function readExactly(source: ByteSource, position: number, length: number): Promise<Buffer> {
  const bytes = await source.read(position, length)
  if (bytes.length < length) throw new FormatError('文件不完整（可能上传中断或文件已损坏）')
  return bytes
}

/** NUL and blanks: what some writers pad a file with, and never a script. */
const isPadding = (byte: number) => byte === 0x00 || byte === 0x09 || byte === 0x0A || byte === 0x0D || byte === 0x20

/**
 * After the end of the structure there may be padding only: anything else is a second file riding on
 * the first (an HTML page or a program behind a picture), which the structure check would not see.
 */
export async function assertNothingAfter(source: ByteSource, end: number): Promise<void> {
  for (let position = end; position < source.size; position += BLOCK) {
    const bytes = await source.read(position, BLOCK)
    if (!bytes.every(isPadding)) throw new FormatError('文件结束后还附带了其他内容')
  }
}
