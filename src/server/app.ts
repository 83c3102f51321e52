// The HTTP app: the JSON API under /api and the built PWA from dist/, on one origin. Stateless:
// everything it knows lives in the database, so any number of instances can serve one commune.
import { existsSync } from 'node:fs'
import { join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { constants as zlibConstants } from 'node:zlib'
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify'
import fastifyCookie from '@fastify/cookie'
import fastifyHelmet from '@fastify/helmet'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifyCompress from '@fastify/compress'
import fastifyStatic from '@fastify/static'
import type { Config } from './config'
import type { Db } from './db/types'
import { communeMerged, sessionHook } from './auth/plugin'
import { apiError, handleError, HttpError, say } from './errors'
import { inputGuard } from './inputGuard'
import { decodeRequestBody } from './requestEncoding'
import { authRoutes } from './routes/auth'
import { communeRoutes } from './routes/communes'
import { enrolmentRoutes } from './routes/enrolments'
import { provinceRoutes } from './routes/provinces'
import type { ServerInfo } from '../shared/api'
import { exportRoutes } from './routes/exports'
import { historyRoutes } from './routes/history'
import { planDraftRoutes } from './routes/planDraft'
import { planFileRoutes } from './routes/planFiles'
import { planRoutes } from './routes/plans'
import { reportRoutes } from './routes/reports'
import { rankingRoutes } from './routes/ranking'
import { registrationRoutes } from './routes/registrations'
import { commendationRoutes } from './routes/commendation'
import { evidenceRoutes } from './routes/evidence'
import { evidenceUploads, type EvidenceUploads } from './evidence/uploads'
import { fsStorage, s3Storage } from './evidence/storage'
import { resultRoutes } from './routes/results'
import { syncRoutes } from './routes/sync'
import { unitRoutes } from './routes/units'
import { userRoutes } from './routes/users'

export const DIST_DIR = new URL('../../dist/', import.meta.url)
/** A push of 500 mutations is about 150 KB; anything far beyond is refused before parsing. */
export const BODY_LIMIT = 2 * 1024 * 1024

export interface AppOptions {
  config: Config
  db: Db
  /** Pino through Fastify, at the configured level; tests pass false. */
  logger?: boolean
  /** The built PWA; tests point it elsewhere. */
  distDir?: URL
  /** The time of a request; tests fix it. */
  clock?: () => Date
}

export async function buildApp({ config, db, logger = true, distDir = DIST_DIR, clock = () => new Date() }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    // Errors Fastify raises before routing (a malformed URL, a bad header) get the same JSON shape.
    frameworkErrors: (err, req, reply) => {
      handleError(err, req, reply)
    },
  })
  app.setErrorHandler(handleError)
  // Graceful shutdown: requests in flight (a push batch) finish; their keep-alive connections are
  // then closed, so close() does not wait out the keep-alive timeout of idle phones.
  let closing = false
  app.addHook('preClose', async () => {
    closing = true
  })
  app.addHook('onSend', async (_req, reply) => {
    if (closing) reply.header('connection', 'close')
  })
  await app.register(fastifyCookie)
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  })
  // A coarse per-instance guard; login attempts are also counted in the database (auth/login.ts).
  await app.register(fastifyRateLimit, { global: false })
  app.decorateRequest('actor', null)
  // Evidence files: bytes in DATA_DIR/evidence or S3, uploads through tus (made at first use).
  const evidenceDeps = {
    db,
    clock,
    quotaBytes: config.evidence.quotaBytes,
    storage: config.evidence.s3 ? s3Storage(config.evidence.s3) : fsStorage(join(config.dataDir, 'evidence', 'files')),
  }
  let uploads: EvidenceUploads | undefined
  const evidenceUploadsOnce = (): EvidenceUploads => (uploads ??= evidenceUploads(evidenceDeps, config.evidence, config.dataDir))
  const cleanUp = setInterval(() => void uploads?.cleanUp().catch((err: unknown) => app.log.warn({ err }, 'evidence upload clean-up failed')), 6 * 3600 * 1000)
  cleanUp.unref()
  app.addHook('onClose', async () => clearInterval(cleanUp))

  await app.register(
    async (api) => {
      // JSON answers compressed on the fly (a pull page of 2,000 rows shrinks about tenfold on a
      // 2G link); brotli at a low quality costs the server little. Excel and Word files are zip
      // archives already and go as they are. Compressed requests (the phone's push) are inflated by
      // requestEncoding.ts, which stops at the body limit, not by the plugin, which does not.
      await api.register(fastifyCompress, {
        encodings: ['br', 'gzip'],
        threshold: 1024,
        brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
        globalDecompression: false,
      })
      api.addHook('preParsing', decodeRequestBody)
      api.addHook('onRequest', sessionHook(db, clock))
      api.addHook('preValidation', inputGuard)
      api.get('/health', async () => {
        await db.query('SELECT 1')
        return { status: 'ok', database: db.kind }
      })
      api.get('/server-info', async (): Promise<ServerInfo> => ({ demo: config.demo }))
      // A merged commune's history stays readable under its old name; it takes no more writes.
      api.addHook('preHandler', async (req) => {
        const commune = (req.params as { commune?: unknown } | undefined)?.commune
        if (req.method === 'GET' || req.method === 'HEAD' || typeof commune !== 'string' || req.routeOptions.url?.endsWith('/merge')) return
        if (await communeMerged(db, req.actor, commune)) {
          throw new HttpError(409, 'commune_merged', say('commune_merged'))
        }
      })
      authRoutes(api, { db, clock, secureCookies: config.secureCookies })
      communeRoutes(api, { db })
      provinceRoutes(api, { db, clock })
      enrolmentRoutes(api, { db, clock, secureCookies: config.secureCookies })
      syncRoutes(api, { db, clock })
      reportRoutes(api, { db, clock })
      planRoutes(api, { db, clock })
      planFileRoutes(api, { db, clock })
      planDraftRoutes(api, { db, clock })
      unitRoutes(api, { db, clock })
      userRoutes(api, { db, clock })
      historyRoutes(api, { db })
      resultRoutes(api, { db, clock })
      rankingRoutes(api, { db, clock })
      registrationRoutes(api, { db, clock })
      commendationRoutes(api, { db, clock })
      evidenceRoutes(api, { deps: evidenceDeps, uploads: evidenceUploadsOnce })
      exportRoutes(api, { db, clock, evidenceStorage: evidenceDeps.storage })
    },
    { prefix: '/api' },
  )

  const root = fileURLToPath(distDir)
  const built = existsSync(join(root, 'index.html'))
  // The build writes .br and .gz beside every script and style (vite.config.ts): they are served
  // to browsers that accept them, the first load of a phone on slow 3G being mostly these bytes.
  if (built) await app.register(fastifyStatic, { root, setHeaders: cacheHeaders, preCompressed: true })

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '/'
    if (isApi(path)) return reply.code(404).send(apiError('not_found', say('no_such_api', { method: req.method, path })))
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

/**
 * What helmet sets that a script or a style sheet does not use: these govern a document (its
 * content policy, framing, referrer, agent cluster, old IE's download and XSS switches) or the host
 * (HSTS, which every page carries). About 0.7 KB a file: a phone's first load on slow 3G fetches
 * seven, where 5 KB is a tenth of a second (issue 18). Kept: nosniff and the resource policy.
 */
const DOCUMENT_ONLY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
]

/**
 * Vite's hashed assets never change under their name; everything else (index.html first) is
 * revalidated. A hashed script or style sheet goes without the headers only documents use.
 */
function cacheHeaders(reply: FastifyReply, filePath: string): void {
  const hashed = filePath.includes(`${sep}assets${sep}`)
  reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
  if (hashed && /\.(js|css)(\.br|\.gz)?$/.test(filePath)) {
    for (const name of DOCUMENT_ONLY_HEADERS) {
      reply.raw.removeHeader(name)
      reply.removeHeader(name)
    }
  }
}

function notBuilt(reply: FastifyReply): FastifyReply {
  return reply
    .code(503)
    .type('text/plain; charset=utf-8')
    .send('Ứng dụng chưa được build. Chạy `npm run build` (hoặc `npm start`) rồi tải lại trang.\nThe app is not built yet: run `npm run build`, then reload.\n')
}
