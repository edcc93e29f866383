import { assertNothingAfter, bufferSource, FormatError, readExactly, type ByteSource } from './source'

/** An EBML element: its ID (marker bits kept, as the Matroska spec writes them) and where its data is. */
interface Element { id: number, data: number, end: number, unknownSize: boolean }

const EBML = 0x1A45DFA3
const DOC_TYPE = 0x4282
const SEGMENT = 0x18538067
const TRACKS = 0x1654AE6B
const TRACK_ENTRY = 0xAE
const TRACK_TYPE = 0x83
const CODEC_ID = 0x86
const CLUSTER = 0x1F43B675
const SIMPLE_BLOCK = 0xA3
const BLOCK_GROUP = 0xA0
/** What may follow a cluster of unknown size (a live recording, as MediaRecorder writes): the cluster ended there. */
const SEGMENT_CHILDREN = new Set([0x114D9B74, 0x1549A966, TRACKS, CLUSTER, 0x1C53BB6B, 0x1941A469, 0x1043A770, 0x1254C367])
const TRACKS_MAX_BYTES = 1024 * 1024

const damaged = () => new FormatError('WebM数据块损坏')

/** A variable-length integer at `at`: its value (marker bit removed unless `keepMarker`) and length. */
async function vint(source: ByteSource, at: number, keepMarker: boolean): Promise<{ value: number, length: number, allOnes: boolean }> {
  const first = (await readExactly(source, at, 1))[0]!
  const length = first ? Math.clz32(first) - 23 : 9
  if (length > 8 || (keepMarker && length > 4)) throw damaged()
  const bytes = await readExactly(source, at, length)
  let value = keepMarker ? first : first & (0xFF >> length)
  let allOnes = value === 0xFF >> length
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[i]!
    allOnes &&= bytes[i] === 0xFF
  }
  return { value, length, allOnes: !keepMarker && allOnes }
}

async function elementAt(source: ByteSource, at: number, limit: number): Promise<Element> {
  const id = await vint(source, at, true)
  const size = await vint(source, at + id.length, false)
  const data = at + id.length + size.length
  const end = size.allOnes ? limit : data + size.value
  if (end > limit) throw new FormatError('WebM数据块长度与文件不符')
  return { id: id.value, data, end, unknownSize: size.allOnes }
}

async function childrenOf(source: ByteSource, parent: Element): Promise<Element[]> {
  const children: Element[] = []
  for (let at = parent.data; at < parent.end;) {
    const element = await elementAt(source, at, parent.end)
    if (element.unknownSize) throw damaged()
    children.push(element)
    at = element.end
  }
  return children
}

/** Whether the `Tracks` element describes a video (1) or audio (2) track with a codec. */
async function hasPlayableTrack(source: ByteSource, tracks: Element): Promise<boolean> {
  if (tracks.end - tracks.data > TRACKS_MAX_BYTES) throw damaged()
  const bytes = await readExactly(source, tracks.data, tracks.end - tracks.data)
  const local = bufferSource(bytes)
  for (const entry of await childrenOf(local, { id: TRACKS, data: 0, end: bytes.length, unknownSize: false })) {
    if (entry.id !== TRACK_ENTRY) continue
    const fields = await childrenOf(local, entry)
    const type = fields.find(field => field.id === TRACK_TYPE)
    const kind = type && type.end - type.data === 1 ? bytes[type.data] : 0
    if ((kind === 1 || kind === 2) && fields.some(field => field.id === CODEC_ID && field.end > field.data)) return true
  }
  return false
}

/**
 * The blocks of one cluster, and where it ends. A cluster of unknown size ends where the next
 * element of the segment begins.
 */
async function walkCluster(source: ByteSource, cluster: Element): Promise<{ blocks: number, end: number }> {
  let blocks = 0
  let at = cluster.data
  while (at < cluster.end) {
    if (cluster.unknownSize && SEGMENT_CHILDREN.has((await vint(source, at, true)).value)) break
    const element = await elementAt(source, at, cluster.end)
    if (element.unknownSize) throw damaged()
    if (element.id === SIMPLE_BLOCK || element.id === BLOCK_GROUP) blocks++
    at = element.end
  }
  return { blocks, end: at }
}

/**
 * A WebM a browser can play: an EBML header of DocType "webm", then one segment with a video or audio
 * track and at least one cluster of blocks, every element fitting inside its parent and nothing but
 * padding after the segment.
 */
export async function checkWebm(source: ByteSource): Promise<void> {
  const header = await elementAt(source, 0, source.size)
  if (header.id !== EBML || header.unknownSize) throw new FormatError('缺少WebM文件头')
  const headerBytes = bufferSource(await readExactly(source, header.data, header.end - header.data))
  const docType = (await childrenOf(headerBytes, { id: EBML, data: 0, end: header.end - header.data, unknownSize: false })).find(e => e.id === DOC_TYPE)
  if (!docType || (await headerBytes.read(docType.data, docType.end - docType.data)).toString('latin1') !== 'webm') throw new FormatError('不是WebM文件')
  const segment = await elementAt(source, header.end, source.size)
  if (segment.id !== SEGMENT) throw new FormatError('缺少WebM数据段')
  let tracks = false
  let blocks = 0
  for (let at = segment.data; at < segment.end;) {
    const element = await elementAt(source, at, segment.end)
    if (element.id === CLUSTER) {
      const cluster = await walkCluster(source, element)
      blocks += cluster.blocks
      at = cluster.end
      continue
    }
    if (element.unknownSize) throw damaged()
    if (element.id === TRACKS) tracks ||= await hasPlayableTrack(source, element)
    at = element.end
  }
  if (!tracks) throw new FormatError('WebM中没有可播放的视频或音频轨道')
  if (!blocks) throw new FormatError('WebM中没有音视频数据')
  await assertNothingAfter(source, segment.end)
}

const INFO = 0x1549A966
const TIMECODE_SCALE = 0x2AD7B1
const DURATION = 0x4489

/**
 * The length a checked WebM states, in seconds: the segment Info's Duration times its TimecodeScale
 * (nanoseconds, 1 ms by default). A live recording (MediaRecorder) states none: null.
 */
export async function webmDuration(source: ByteSource): Promise<number | null> {
  const header = await elementAt(source, 0, source.size)
  const segment = await elementAt(source, header.end, source.size)
  for (let at = segment.data; at < segment.end;) {
    const element = await elementAt(source, at, segment.end)
    if (element.id === CLUSTER || element.unknownSize) return null
    if (element.id === INFO) {
      const fields = await childrenOf(source, element)
      const scaleField = fields.find(f => f.id === TIMECODE_SCALE)
      const durationField = fields.find(f => f.id === DURATION)
      if (!durationField) return null
      let scale = 1_000_000
      if (scaleField) scale = (await readExactly(source, scaleField.data, scaleField.end - scaleField.data)).reduce((n, byte) => n * 256 + byte, 0)
      const bytes = await readExactly(source, durationField.data, durationField.end - durationField.data)
      const ticks = bytes.length === 4 ? bytes.readFloatBE(0) : bytes.length === 8 ? bytes.readDoubleBE(0) : NaN
      return Number.isFinite(ticks) && ticks > 0 ? (ticks * scale) / 1e9 : null
    }
    at = element.end
  }
  return null
}
