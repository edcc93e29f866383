import { trustProxy } from '../utils/proxy'

/** HSTS only on HTTPS (directly, or behind a trusted proxy that says so): browsers ignore it over HTTP anyway. */
export default defineEventHandler((event) => {
  if (getRequestProtocol(event, { xForwardedProto: trustProxy() }) === 'https') {
    setResponseHeader(event, 'strict-transport-security', 'max-age=31536000; includeSubDomains')
  }
})
