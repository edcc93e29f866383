// Dates and times as people in the city read them, whatever the browser's own time zone.
const zone = { timeZone: 'Asia/Shanghai' } as const

export const chinaDate = (iso: string) => new Date(iso).toLocaleDateString('zh-CN', zone)

export const chinaDateTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { ...zone, dateStyle: 'medium', timeStyle: 'medium' })
