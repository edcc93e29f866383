import { describe, expect, it } from 'vitest'
import { mp4Duration } from '../../../../../server/domain/files/formats/mp4'
import { bufferSource } from '../../../../../server/domain/files/formats/source'
import { webmDuration } from '../../../../../server/domain/files/formats/webm'
import { mp4File, webmFile } from '../../../../support/files'

describe('a video’s length from its header (lesson completion, issue 15 item 4)', () => {
  it('MP4: mvhd duration over its timescale', async () => {
    expect(await mp4Duration(bufferSource(mp4File()))).toBe(5)
    expect(await mp4Duration(bufferSource(mp4File(Buffer.alloc(4000, 7), { samples: 4 })))).toBe(4)
  })

  it('WebM: Info Duration when stated; a recording that states none gives null', async () => {
    const withDuration = webmFile({ durationMs: 12_500 })
    expect(await webmDuration(bufferSource(withDuration))).toBe(12.5)
    expect(await webmDuration(bufferSource(webmFile()))).toBeNull()
    expect(await webmDuration(bufferSource(webmFile({ live: true })))).toBeNull()
  })
})
