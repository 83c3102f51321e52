// Session cookies carry `Secure` whenever the request came over HTTPS, directly or through a
// trusted reverse proxy (req.protocol honours X-Forwarded-Proto only with TRUST_PROXY), whatever
// the route that set them; COOKIE_SECURE (on by default with NODE_ENV=production) makes them
// Secure on every request, plain HTTP included.
import type { FastifyInstance } from 'fastify'

const SECURE = /;\s*secure\s*(;|$)/i

/** Adds `Secure` to every cookie of a reply to an HTTPS request. Register after @fastify/cookie. */
export function secureCookiesOverHttps(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.protocol !== 'https') return payload
    const header = reply.getHeader('set-cookie')
    if (header === undefined) return payload
    const cookies = (Array.isArray(header) ? header : [String(header)]).map((c) => (SECURE.test(c) ? c : `${c}; Secure`))
    reply.removeHeader('set-cookie')
    reply.header('set-cookie', cookies)
    return payload
  })
}
