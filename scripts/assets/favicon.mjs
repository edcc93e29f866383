// Packs the rendered app icon into public/favicon.ico (run once after icons.mjs, output committed):
//   node scripts/assets/favicon.mjs
// Browsers still ask for /favicon.ico on their own; the ICO holds 16, 32 and 48 px PNG images, scaled down
// by sharp from icon-512.png (rendered from icon.svg with the CJK font by icons.mjs).
import { writeFileSync } from 'node:fs'
import sharp from 'sharp'

const sizes = [16, 32, 48]
const images = await Promise.all(sizes.map(size => sharp('public/icons/icon-512.png').resize(size, size).png().toBuffer()))

// ICONDIR (6 bytes), one ICONDIRENTRY (16 bytes) per image, then the PNG images themselves.
const header = Buffer.alloc(6 + 16 * images.length)
header.writeUInt16LE(0, 0)
header.writeUInt16LE(1, 2) // type 1: icon
header.writeUInt16LE(images.length, 4)
let offset = header.length
images.forEach((image, i) => {
  const entry = 6 + 16 * i
  header.writeUInt8(sizes[i] % 256, entry) // 0 would mean 256
  header.writeUInt8(sizes[i] % 256, entry + 1)
  header.writeUInt16LE(1, entry + 4) // colour planes
  header.writeUInt16LE(32, entry + 6) // bits per pixel
  header.writeUInt32LE(image.length, entry + 8)
  header.writeUInt32LE(offset, entry + 12)
  offset += image.length
})
writeFileSync('public/favicon.ico', Buffer.concat([header, ...images]))
