// A commune of its own on the run's one real server (test/support/liveServer.ts, started by
// test/globalSetup.ts, which gives its address and administrator), made through the
// server's own HTTP API as an administrator does it: the commune in the province, its villages T1
// and T2, the plan (its quarters and its year come with it), the phone's account and an officer's. Then the
// phone's sync transport (the app's fetch transport, src/client/sync/api.ts, over real HTTP with
// the phone's session) and the office's side of the story (an officer writing a figure, deciding
// a report or a registration, locking a period) through the officer's API, so that every state
// the phone meets is one the server really produces.
//
// Requests go through Node's http client, not the test environment's fetch (happy-dom's, or a
// test's stub of the app's own API calls). This file is type-checked as client code (no Node
// types): the little of node:http it uses is declared here.
import { inject } from 'vitest'
import type { Me } from '../../../src/client/api'
import { sentEncoding, sentPayload } from '../requestBody'
import { createFetchTransport, type SyncTransport } from '../../../src/client/sync/api'
import type { Plan, ReportStatus, ValueData } from '../../../src/shared/model'
import type { PulledReport, PulledValue, PullResponse, PushResponse } from '../../../src/shared/protocol'
import type { Registration, RegistrationSettings } from '../../../src/shared/registration'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's one real server: as test/globalSetup.ts declares it for the node project. */
    liveServer: { url: string; admin: { username: string; password: string }; province: string; now: string }
  }
}

interface NodeResponse {
  statusCode?: number
  headers: Record<string, string | string[] | undefined>
  setEncoding(encoding: 'utf8'): void
  on(event: 'data', listener: (chunk: string) => void): void
  on(event: 'end', listener: () => void): void
  on(event: 'error', listener: (err: Error) => void): void
}
interface NodeRequest {
  on(event: 'error', listener: (err: Error) => void): void
  destroy(err: Error): void
  end(body?: string | Uint8Array): void
}
interface NodeHttp {
  request(url: URL, options: { method: string; headers: Record<string, string> }, callback: (res: NodeResponse) => void): NodeRequest
}
const http = (globalThis as unknown as { process: { getBuiltinModule(id: 'node:http'): NodeHttp } }).process.getBuiltinModule('node:http')
const live = inject('liveServer')
const hex = (bytes: number) => Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('')

/** The officer's display name: the name the phone shows for what the office wrote. */
export const OFFICER_NAME = 'Cán bộ xã'
const PASSWORD = 'mat-khau-thu'

interface Answer {
  status: number
  text: string
  cookies: string[]
}

/** Each sign-in from an address of its own: the server allows an address 30 a minute. */
let logins = 0
const worker = crypto.getRandomValues(new Uint8Array(2))
const nextAddress = () => `10.${worker[0]}.${worker[1]}.${(logins++ % 250) + 1}`

function send(method: string, path: string, options: { body?: string | Uint8Array | undefined; encoding?: string | undefined; cookie?: string; from?: string; signal?: AbortSignal | null } = {}): Promise<Answer> {
  const url = new URL(path, live.url)
  const headers: Record<string, string> = { accept: 'application/json' }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (options.encoding) headers['content-encoding'] = options.encoding
  if (options.cookie) headers.cookie = options.cookie
  if (options.from) headers['x-forwarded-for'] = options.from
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (text += chunk))
      res.on('end', () => {
        const cookies = res.headers['set-cookie'] ?? []
        resolve({ status: res.statusCode ?? 0, text, cookies: Array.isArray(cookies) ? cookies : [cookies] })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    options.signal?.addEventListener('abort', () => req.destroy(new Error('aborted')))
    req.end(options.body)
  })
}

/** A signed-in account: its requests carry its session cookie. */
class Session {
  constructor(
    readonly cookie: string,
    readonly deviceId: string,
  ) {}

  static async open(username: string, deviceId: string): Promise<Session> {
    const res = await send('POST', '/api/auth/login', { body: JSON.stringify({ username, password: username === live.admin.username ? live.admin.password : PASSWORD, deviceId }), from: nextAddress() })
    const cookie = res.cookies.map((c) => c.split(';')[0]!).find((c) => c.startsWith('td_session='))
    if (res.status !== 200 || !cookie) throw new Error(`sign-in ${username}: ${res.status} ${res.text}`)
    return new Session(cookie, deviceId)
  }

  async call<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, body?: unknown): Promise<T> {
    const res = await send(method, path, { cookie: this.cookie, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
    if (res.status !== 200 && res.status !== 201) throw new Error(`${method} ${path}: ${res.status} ${res.text}`)
    return JSON.parse(res.text) as T
  }

  /** The app's fetch, answered by the server over HTTP with this session. */
  readonly fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const res = await send(init?.method ?? 'GET', String(input), { cookie: this.cookie, signal: init?.signal, body: sentPayload(init), encoding: sentEncoding(init) })
    return { ok: res.status >= 200 && res.status < 300, status: res.status, json: async () => JSON.parse(res.text) as unknown } as unknown as Response
  }) as typeof fetch
}

/**
 * Resolves once the server answers. It starts on its first request (PGlite's start and migrations
 * take tens of seconds on a busy machine): a file whose tests make phones waits for it once, in a
 * hook with time for that (harness.ts withLiveServer), not inside its first test.
 */
export async function liveServerUp(): Promise<void> {
  const res = await send('GET', '/api/auth/me')
  if (res.status !== 401) throw new Error(`the live server is not up: ${res.status} ${res.text}`)
}

let admin: Promise<Session> | undefined
let mutations = 0
const mid = () => `live-${hex(6)}-${++mutations}`

export type LiveCommune = Awaited<ReturnType<typeof openLiveCommune>>

/**
 * A fresh commune holding `plan` for 2024, and `me`'s account on it (same role, display name and
 * villages). Whatever commune code the phone keeps, its transport sends to this one.
 */
export async function openLiveCommune(me: Pick<Me, 'role' | 'displayName' | 'units'>, plan: Plan) {
  admin ??= Session.open(live.admin.username, 'live-admin')
  const a = await admin
  const C = `xa-${hex(5)}`
  await a.call('POST', `/api/provinces/${live.province}/communes`, { code: C, name: 'Xã Thử', kind: 'xa' })
  for (const [code, name] of [['T1', 'Thôn 1'], ['T2', 'Thôn 2']]) await a.call('POST', `/api/communes/${C}/units`, { code, name, kind: 'thon' })
  await a.call('POST', `/api/communes/${C}/plans`, plan)
  const role = me.role === 'officer' || me.role === 'leader' ? me.role : 'reporter'
  await a.call('POST', `/api/communes/${C}/users`, { username: `${C}.phone`, displayName: me.displayName, role, units: role === 'reporter' ? me.units.map((u) => u.code) : [], password: PASSWORD })
  await a.call('POST', `/api/communes/${C}/users`, { username: `${C}.canbo`, displayName: OFFICER_NAME, role: 'officer', password: PASSWORD })
  const [phone, officer] = await Promise.all([Session.open(`${C}.phone`, `${C}-phone`), Session.open(`${C}.canbo`, `${C}-office`)])

  const real = createFetchTransport({ fetch: phone.fetch })
  const transport: SyncTransport = {
    push: (_local, body) => real.push(C, body),
    pull: (_local, cursor, limit) => real.pull(C, cursor, limit),
  }
  const base = `/api/communes/${C}`
  /** Everything the officer can pull, and the commune's version. */
  const pullAll = async (): Promise<{ values: PulledValue[]; reports: PulledReport[]; version: number }> => {
    const values: PulledValue[] = []
    const reports: PulledReport[] = []
    for (let cursor = 0; ; ) {
      const page = await officer.call<PullResponse>('GET', `${base}/sync/pull?cursor=${cursor}`)
      values.push(...page.values)
      reports.push(...page.reports)
      cursor = page.cursor
      if (!page.more) return { values, reports, version: cursor }
    }
  }
  const cell = async (unit: string, period: string, indicator: string): Promise<PulledValue | undefined> =>
    (await pullAll()).values.filter((v) => v.unit === unit && v.period === period && v.indicator === indicator).at(-1)
  const version = async () => (await pullAll()).version
  const pushOne = async (mutation: Record<string, unknown>) => {
    const { outcomes } = await officer.call<PushResponse>('POST', `${base}/sync/push`, { deviceId: officer.deviceId, mutations: [{ mutationId: mid(), deviceId: officer.deviceId, clientTime: live.now, ...mutation }] })
    if (outcomes[0]?.status !== 'applied') throw new Error(`office push: ${JSON.stringify(outcomes[0])}`)
    return outcomes[0].version
  }
  const reportVersion = async (unit: string, period: string) => (await pullAll()).reports.filter((r) => r.unit === unit && r.period === period).at(-1)?.version ?? 0
  const registration = async (unit: string, year: number): Promise<Registration> => (await officer.call<{ registration: Registration }>('GET', `${base}/registrations/${year}/${unit}`)).registration

  return {
    /** The commune's code on the server. */
    C,
    /** The phone's transport: the app's fetch transport, signed in as `me`'s account. */
    transport,
    /** The cell as the server holds it. */
    cell,
    version,
    registration,
    /** The officer writes a cell from the office (on the server's current version): the new version. */
    async write(unit: string, period: string, indicator: string, value: ValueData | null, note: string | null = null): Promise<number> {
      return pushOne({ kind: 'value', unit, period, indicator, value, note, baseVersion: (await cell(unit, period, indicator))?.version ?? 0 })
    },
    /** The report reaches `status` the way the server allows: submitted, then approved or returned (with the officer's comments). The commune's new version. */
    async decide(unit: string, period: string, status: Exclude<ReportStatus, 'draft'>, returnReason: string | null = null, comments: Record<string, string> = {}): Promise<number> {
      await pushOne({ kind: 'report', action: 'submit', unit, period, baseVersion: await reportVersion(unit, period) })
      if (status !== 'submitted') {
        const decision = status === 'approved' ? { action: 'approve' } : { action: 'return', reason: returnReason, ...(Object.keys(comments).length ? { comments } : {}) }
        await officer.call('POST', `${base}/reports/${unit}/${period}/decision`, decision)
      }
      return version()
    },
    async lock(period: string, lockReason: string): Promise<number> {
      await officer.call('PATCH', `${base}/periods/${period}`, { locked: true, lockReason })
      return version()
    },
    /** The officer's decision on a village's registration: the registration's new version. */
    async decideRegistration(unit: string, year: number, action: 'approve' | 'return', reason?: string): Promise<number> {
      await officer.call('POST', `${base}/registrations/${year}/${unit}/decision`, action === 'return' ? { action, reason } : { action })
      return (await registration(unit, year)).version
    },
    async registrationSettings(year: number, settings: RegistrationSettings): Promise<void> {
      await officer.call('PUT', `${base}/registration-settings/${year}`, settings)
    },
  }
}
