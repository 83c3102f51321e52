// The HTTP app: the JSON API under /api and the built PWA from dist/, on one origin.
import { existsSync } from 'node:fs'
import { join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify'
import fastifyStatic from '@fastify/static'
import type { Config } from './config'
import type { DemoPlan } from './demo/loadDemo'
import { createCatalog } from './catalog'
import { apiError, handleError } from './errors'
import { communeRoutes } from './routes/communes'

export const DIST_DIR = new URL('../../dist/', import.meta.url)

export interface AppOptions {
  config: Config
  demo: readonly DemoPlan[]
  /** Pino through Fastify, at the configured level; tests pass false. */
  logger?: boolean
  /** The built PWA; tests point it elsewhere. */
  distDir?: URL
}

export function buildApp({ config, demo, logger = true, distDir = DIST_DIR }: AppOptions): FastifyInstance {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    // Errors Fastify raises before routing (a malformed URL, a bad header) get the same JSON shape.
    frameworkErrors: (err, req, reply) => {
      handleError(err, req, reply)
    },
  })
  app.setErrorHandler(handleError)

  const catalog = createCatalog(demo)
  app.register(
    async (api) => {
      api.get('/health', async () => ({ status: 'ok' }))
      communeRoutes(api, catalog)
    },
    { prefix: '/api' },
  )

  const root = fileURLToPath(distDir)
  const built = existsSync(join(root, 'index.html'))
  if (built) app.register(fastifyStatic, { root, setHeaders: cacheHeaders })

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '/'
    if (isApi(path)) return reply.code(404).send(apiError('not_found', `Không có API ${req.method} ${path}`))
    if ((req.method === 'GET' || req.method === 'HEAD') && !hasExtension(path)) {
      return built ? reply.sendFile('index.html') : notBuilt(reply)
    }
    return reply.code(404).type('text/plain; charset=utf-8').send('Không tìm thấy / Not found')
  })

  return app
}

function isApi(path: string): boolean {
  return path === '/api' || path.startsWith('/api/')
}

/** A path naming a file (`/assets/x.js`) gets a 404 when missing, never the page: a page is not a script. */
function hasExtension(path: string): boolean {
  return /\.[A-Za-z0-9]+$/.test(path.slice(path.lastIndexOf('/') + 1))
}

/** Vite's hashed assets never change under their name; everything else (index.html first) is revalidated. */
function cacheHeaders(reply: FastifyReply, filePath: string): void {
  const hashed = filePath.includes(`${sep}assets${sep}`)
  reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
}

function notBuilt(reply: FastifyReply): FastifyReply {
  return reply
    .code(503)
    .type('text/plain; charset=utf-8')
    .send('Ứng dụng chưa được build. Chạy `npm run build` (hoặc `npm start`) rồi tải lại trang.\nThe app is not built yet: run `npm run build`, then reload.\n')
}
