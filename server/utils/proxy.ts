/**
 * Behind a reverse proxy (TRUST_PROXY=1) the client's address and the site's host come from X-Forwarded-*;
 * anywhere else those headers are the client's own words and must be ignored.
 */
export const trustProxy = (): boolean => process.env.TRUST_PROXY === '1'
