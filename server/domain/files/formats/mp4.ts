import { assertNothingAfter, bufferSource, FormatError, readExactly, type ByteSource } from './source'

interface Box { type: string, start: number, payload: number, end: number }

/** A `moov` holds the sample tables only (a two-hour film's is a few MB): read whole, up to this. */
const MOOV_MAX_BYTES = 64 * 1024 * 1024
const mismatch = () => new FormatError('MP4数据块长度与文件不符')

async function boxAt(source: ByteSource, at: number, limit: number): Promise<Box> {
  const head = await readExactly(source, at, 8)
  const type = head.toString('latin1', 4, 8)
  if (!/^[\x20-\x7E\xA9]{4}$/.test(type)) throw new FormatError('MP4数据块损坏')
  let size = head.readUInt32BE(0)
  let payload = at + 8
  if (size === 1) {
    size = Number((await readExactly(source, at + 8, 8)).readBigUInt64BE(0))
    payload += 8
  }
  else if (size === 0) {
    size = limit - at
  }
  if (size < payload - at || at + size > limit) throw mismatch()
  return { type, start: at, payload, end: at + size }
}

/** The boxes that exactly fill `from`–`to`: a box running past its parent is a broken (or forged) file. */
async function boxesIn(source: ByteSource, from: number, to: number): Promise<Box[]> {
  const boxes: Box[] = []
  for (let at = from; at < to;) {
    const box = await boxAt(source, at, to)
    boxes.push(box)
    at = box.end
  }
  return boxes
}

async function child(source: ByteSource, parent: Box | undefined, type: string): Promise<Box | undefined> {
  return parent && (await boxesIn(source, parent.payload, parent.end)).find(box => box.type === type)
}

/** A full box's fields after its version and flags, as unsigned 32-bit numbers. */
async function fields(source: ByteSource, box: Box | undefined, count: number): Promise<number[]> {
  if (!box) return []
  const bytes = await readExactly(source, box.payload, 4 + 4 * count)
  return Array.from({ length: count }, (_, i) => bytes.readUInt32BE(4 + 4 * i))
}

/** Chunk offsets (stco or co64) of a track: where its samples are in the file. */
async function chunkOffsets(source: ByteSource, stbl: Box): Promise<number[]> {
  const stco = await child(source, stbl, 'stco')
  const co64 = await child(source, stbl, 'co64')
  const box = stco ?? co64
  if (!box) return []
  const width = stco ? 4 : 8
  const [count = 0] = await fields(source, box, 1)
  if (box.payload + 8 + count * width > box.end) throw mismatch()
  const bytes = await readExactly(source, box.payload + 8, count * width)
  return Array.from({ length: count }, (_, i) => (stco ? bytes.readUInt32BE(i * 4) : Number(bytes.readBigUInt64BE(i * 8))))
}

/** Whether a `trak` is a video or sound track with a described codec and samples inside an `mdat`. */
async function playable(source: ByteSource, trak: Box, mdats: Box[], fragmented: boolean): Promise<boolean> {
  const mdia = await child(source, trak, 'mdia')
  const [, handler] = await fields(source, await child(source, mdia, 'hdlr'), 2)
  if (handler !== 0x76696465 && handler !== 0x736F756E) return false // 'vide', 'soun'
  const stbl = await child(source, await child(source, mdia, 'minf'), 'stbl')
  if (!stbl) return false
  const [descriptions = 0] = await fields(source, await child(source, stbl, 'stsd'), 1)
  if (descriptions < 1) return false
  // A fragmented MP4 keeps its samples in `moof` fragments, and its sample tables empty.
  if (fragmented) return true
  const stsz = await child(source, stbl, 'stsz')
  const [, samples = 0] = stsz ? await fields(source, stsz, 2) : (await fields(source, await child(source, stbl, 'stz2'), 2))
  const [timings = 0] = await fields(source, await child(source, stbl, 'stts'), 1)
  const offsets = await chunkOffsets(source, stbl)
  return samples > 0 && timings > 0 && offsets.length > 0
    && offsets.every(offset => mdats.some(mdat => offset >= mdat.payload && offset < mdat.end))
}

/**
 * An MP4 a player can play: boxes that fill the file exactly (nothing rides after the last one), one
 * `moov` whose tracks include a video or sound track with samples that lie inside an `mdat`, or the
 * fragments of a fragmented MP4.
 */
export async function checkMp4(source: ByteSource): Promise<void> {
  const top: Box[] = []
  let at = 0
  while (at < source.size) {
    if (source.size - at < 8) {
      await assertNothingAfter(source, at)
      break
    }
    const box = await boxAt(source, at, source.size)
    top.push(box)
    at = box.end
  }
  if (top[0]?.type !== 'ftyp') throw new FormatError('缺少MP4文件类型信息')
  const moovs = top.filter(box => box.type === 'moov')
  if (moovs.length !== 1) throw new FormatError(moovs.length ? 'MP4文件结构重复' : '缺少MP4影片信息（moov），文件可能未完整导出')
  const moov = moovs[0]!
  if (moov.end - moov.start > MOOV_MAX_BYTES) throw new FormatError('MP4影片信息过大')
  // The sample tables are read from memory: one read instead of thousands.
  const moovBytes = await readExactly(source, moov.start, moov.end - moov.start)
  const moovSource = bufferSource(moovBytes)
  const inMemory: ByteSource = {
    size: source.size,
    read: (position, length) => (position >= moov.start && position + length <= moov.end ? moovSource.read(position - moov.start, length) : source.read(position, length)),
  }
  const children = await boxesIn(inMemory, moov.payload, moov.end)
  const fragmented = children.some(box => box.type === 'mvex') && top.some(box => box.type === 'moof')
  const mdats = top.filter(box => box.type === 'mdat')
  for (const trak of children.filter(box => box.type === 'trak')) {
    if (await playable(inMemory, trak, mdats, fragmented)) return
  }
  throw new FormatError('MP4中没有可播放的视频或音频轨道')
}

/**
 * The length a checked MP4 states, in seconds: `mvhd`'s duration over its timescale, or for a
 * fragmented file the `mehd` fragment duration; null when neither states one.
 */
export async function mp4Duration(source: ByteSource): Promise<number | null> {
  const moov = (await boxesIn(source, 0, source.size)).find(box => box.type === 'moov')
  const mvhd = await child(source, moov, 'mvhd')
  if (!mvhd) return null
  const head = await readExactly(source, mvhd.payload, 4)
  const wide = head[0] === 1
  const fieldsAt = mvhd.payload + 4 + (wide ? 16 : 8)
  const bytes = await readExactly(source, fieldsAt, wide ? 12 : 8)
  const timescale = bytes.readUInt32BE(0)
  let duration = wide ? Number(bytes.readBigUInt64BE(4)) : bytes.readUInt32BE(4)
  if (!duration || duration === 0xFFFFFFFF) {
    const mehd = await child(source, await child(source, moov, 'mvex'), 'mehd')
    if (mehd) {
      const version = (await readExactly(source, mehd.payload, 1))[0]
      const value = await readExactly(source, mehd.payload + 4, version === 1 ? 8 : 4)
      duration = version === 1 ? Number(value.readBigUInt64BE(0)) : value.readUInt32BE(0)
    }
  }
  return timescale && duration && duration !== 0xFFFFFFFF ? duration / timescale : null
}
