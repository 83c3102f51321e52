// One real server for the whole test run (test/globalSetup.ts), on a loopback port: the screen
// tests' phones sync with it over HTTP (test/client/app/liveCommune.ts), each in a commune of its own.
// It runs in the run's main process, where Node, not happy-dom, loads the server's modules.
//
// The port is open at once; the server behind it (Fastify on PGlite, or on PostgreSQL in a schema
// of its own when TEST_DATABASE_URL is set) starts on the first request, so a run that mounts no
// phone pays nothing for it. Its clock is fixed (the tests' 10 May 2024) and it trusts
// X-Forwarded-For, so that each sign-in comes from an address of its own (30 a minute per address).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'

/** The system administrator the phones' communes are made by, and the province they are made in. */
export const LIVE_ADMIN = { username: 'quantri.thu', password: 'mat-khau-quan-tri' }
export const LIVE_PROVINCE = 'tinh-thu'
/** The server's time: the tests' T0 (test/client/local/testDb.ts). */
export const LIVE_NOW = '2024-05-10T08:00:00.000Z'

interface Booted {
  app: FastifyInstance
  drop(): Promise<void>
}

async function boot(): Promise<Booted> {
  const [{ buildApp }, { readConfig }, { hashPassword }, { DATABASES }] = await Promise.all([
    import('../../src/server/app'),
    import('../../src/server/config'),
    import('../../src/server/auth/passwords'),
    import('../server/harness'),
  ])
  const { db, drop } = await DATABASES.at(-1)!.open()
  try {
    await db.query("INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, 'Quản trị hệ thống', 'admin', $2)", [LIVE_ADMIN.username, await hashPassword(LIVE_ADMIN.password)])
    const now = new Date(LIVE_NOW)
    const app = await buildApp({ config: readConfig({ TRUST_PROXY: 'true' }), db, logger: false, clock: () => now })
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { ...LIVE_ADMIN, deviceId: 'live-server-setup' } })
    const cookie = login.cookies.find((c) => c.name === 'td_session')
    if (login.statusCode !== 200 || !cookie) throw new Error(`live server: admin sign-in ${login.statusCode} ${login.body}`)
    const province = await app.inject({ method: 'POST', url: '/api/provinces', headers: { cookie: `td_session=${cookie.value}` }, payload: { code: LIVE_PROVINCE, name: 'Tỉnh Thử' } })
    if (province.statusCode !== 201) throw new Error(`live server: province ${province.statusCode} ${province.body}`)
    await app.ready()
    return { app, drop }
  } catch (err) {
    await drop().catch(() => undefined)
    throw err
  }
}

/** What the tests are given: where it is, who may make communes, in which province, its time. */
export interface LiveServerAccess {
  url: string
  admin: { username: string; password: string }
  province: string
  now: string
}

export interface LiveServer {
  access: LiveServerAccess
  close(): Promise<void>
}

export async function startLiveServer(): Promise<LiveServer> {
  let booted: Promise<Booted> | undefined
  const http: Server = createServer((req, res) => {
    booted ??= boot()
    booted.then(
      ({ app }) => app.routing(req, res),
      (err: unknown) => {
        res.writeHead(503, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ code: 'live_server_down', message: err instanceof Error ? err.message : String(err) }))
      },
    )
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo
  return {
    access: { url: `http://127.0.0.1:${port}`, admin: LIVE_ADMIN, province: LIVE_PROVINCE, now: LIVE_NOW },
    async close() {
      http.closeAllConnections()
      await new Promise<void>((resolve) => http.close(() => resolve()))
      const started = await booted?.catch(() => undefined)
      if (started) {
        await started.app.close()
        await started.drop()
      }
    },
  }
}
