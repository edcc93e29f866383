/**
 * Pages that show records: a penalty leaves public view at the end of its period or on repair, a list entry
 * when it is lifted, and a search engine's cached copy must not outlive either. The pages say it in a
 * <meta name="robots"> too; the header also covers what reads no HTML.
 */
const showsRecords = /^\/(?:records|subjects|lists|publicity)(?:[/?]|$)|^\/search(?:\?|$)/

export default defineEventHandler((event) => {
  if (showsRecords.test(event.path)) setResponseHeader(event, 'x-robots-tag', 'noarchive')
})
