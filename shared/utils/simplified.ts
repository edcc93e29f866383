import { Converter } from 'opencc-js/t2cn'

// Taiwan and Hong Kong variants both fold to mainland simplified (鑫達 → 鑫达, 朝陽 → 朝阳).
const fromTaiwan = Converter({ from: 'tw', to: 'cn' })
const fromHongKong = Converter({ from: 'hk', to: 'cn' })

/** Traditional characters to simplified, for matching headers, enumerations and search text. */
export function toSimplified(text: string): string {
  return fromHongKong(fromTaiwan(text))
}
