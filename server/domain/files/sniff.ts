export type EvidenceType = 'application/pdf' | 'image/jpeg' | 'image/png'

const signatures: [EvidenceType, number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2D]], // %PDF-
  ['image/jpeg', [0xFF, 0xD8, 0xFF]],
  ['image/png', [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]],
]

/** The evidence type the bytes really are (never the name or the browser's claim), or null when not allowed. */
export function sniffEvidence(head: Uint8Array): EvidenceType | null {
  for (const [type, magic] of signatures) {
    if (magic.every((byte, i) => head[i] === byte)) return type
  }
  return null
}
