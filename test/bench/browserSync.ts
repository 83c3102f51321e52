// Issue 6 item 5 (syncing 1,000 waiting values) and the page half of item 7 (the page's JS heap
// after a full quarter has been entered). The phone goes offline and the values are typed
// through the entry screens (from inside the page: each number input gets a figure and an
// Enter, the next one only once its row says "Đã lưu trên máy"), over 17 periods of the
// 60-indicator unit; then the phone goes online and the time until nothing waits is taken.
import type { BrowserContext, Page, Request } from 'playwright-core'
import { apiSession } from '../client/e2e/harness'
import { browserEnv, COMMUNE, failed, figureRow, figuresTable, newPhone, OFFICER, RUNS, signIn, syncText, UNIT, type BrowserEnv } from './browser'
import { putBenchIndicators, seedSixty, TARGET_ROWS } from './browserOpen'
import { startCpuProfile, stopCpuProfile } from './cpuProfile'
import { peerServer, ratio } from './peers'
import type { Measurement, MeasurementResult } from './report'
import { fmtInt, fmtMs } from './report'
import { median } from './stats'
import { monthPeriods } from '../../src/shared/periods'
import type { CDPSession } from 'playwright-core'

const SYNC_ID = 'browser-sync'
const SYNC_TITLE = 'Syncing 1,000 waiting values to the local server'
const HEAP_ID = 'browser-heap'
const HEAP_TITLE = 'The page’s JS heap after a full quarter has been entered'
const VALUES = Math.max(1, Number(process.env.BENCH_SYNC_VALUES ?? '') || 1000)
const SYNC_RUNS = Math.max(1, Number(process.env.BENCH_SYNC_RUNS ?? '') || RUNS)
const MONTHS = monthPeriods(2022).slice(0, 12)
const NUMBER_INPUTS = 'article.ind input[id$="-value"]'
const NUMBER_TARGET = 60
/**
 * A folder: each run's sync (online → nothing waiting) is also CPU-profiled in the page through the
 * Chrome DevTools Protocol (Profiler domain, 100 µs sampling): the profile is written there
 * (`sync-run-N.cpuprofile`, for DevTools) and its top self-time functions and the requests'
 * timeline are logged. The profiler slows the page: the figures of a profiled bench are not reported.
 */
const PROFILE_DIR = process.env.BENCH_SYNC_PROFILE?.trim() || ''
/** BENCH_SYNC_LOG=1 logs each run's requests (sent, answered) from online on, without profiling. */
const LOG_TIMELINE = Boolean(PROFILE_DIR || process.env.BENCH_SYNC_LOG)
const PERIODS = ['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4', '2022-Y', ...MONTHS.map((p) => p.code)]

const SYNC_DESCRIPTION = [
  `Unit TDP01 of \`${COMMUNE}\` with ${NUMBER_TARGET} number indicators (the officer adds indicators until it has ${NUMBER_TARGET} number inputs among its rates and yes/no, and the 12 monthly periods, through the API). Each run is a fresh phone: it signs in and syncs, goes offline (\`context.setOffline\`, and the page's own network state through one DevTools session kept for the run, so that the page knows itself offline and gets its \`online\` event back), and ${fmtInt(VALUES)} values are typed through the entry screens of ${PERIODS.length} periods (in the page, one number input after another: a figure and Enter, the next once the row says "Đã lưu trên máy"). Then the phone goes online and the time from going online (before \`setOffline(false)\`) until the sync badge shows nothing waiting is read in the page (requestAnimationFrame polling); every request to \`/api/\` the browser context sees meanwhile is counted. Budget: ≤ 3 s and ≤ 10 requests.`,
  `Beside it, in the same run and the same Chromium: **PouchDB 9** (\`pouchdb\`'s browser bundle, IndexedDB adapter) in a page of its own, with ${fmtInt(VALUES)} documents of the same content (one per value: commune, unit, period, indicator, the value and when) written locally with \`bulkDocs\` (not timed), then a one-shot two-way \`PouchDB.sync\` with an express-pouchdb server (memory adapter) on loopback, timed from the call until it resolves; a fresh remote database each run. The **floor**: one plain \`fetch\` POST of the same ${fmtInt(VALUES)} mutations as JSON to the same loopback server, which reads the body and answers its size. Requests and bytes (request and response, headers and bodies, as the browser reports them) are counted for the product and PouchDB alike.`,
]
const HEAP_DESCRIPTION = [
  'In the same runs as the sync measurement: once every number input of 2022-Q1 has a value (a full quarter entered, offline), a garbage collection is forced (`HeapProfiler.collectGarbage`) and the used JS heap read through the Chrome DevTools Protocol (`Runtime.getHeapUsage`). Also after all values of the run were typed, and after the sync. No budget in docs/BENCHMARKS.md; reported for the record.',
]

type BenchWindow = Window & { benchOnlineAt?: number }

interface RunFigures {
  typed: number
  waiting: number
  syncMs: number
  requests: number
  bytes: number
  heapQuarter: number
  heapAll: number
  heapSynced: number
}

/** Runs in the page: types a figure and Enter in each number input in turn, up to `limit`; how many saved. */
async function typeAll(arg: { limit: number; base: number }): Promise<number> {
  const inputs = Array.from(document.querySelectorAll<HTMLInputElement>('article.ind input[id$="-value"]')).filter((i) => !i.disabled)
  let saved = 0
  for (const input of inputs.slice(0, arg.limit)) {
    const status = input.closest('article.ind')?.querySelector('.ind__status')
    if (!status) continue
    input.focus()
    input.value = String(arg.base + saved)
    input.dispatchEvent(new Event('input', { bubbles: true }))
    const ok = await new Promise<boolean>((resolve) => {
      let sawSaving = false
      const timer = setTimeout(() => {
        observer.disconnect()
        resolve(false)
      }, 5_000)
      const observer = new MutationObserver(() => {
        const s = status.textContent ?? ''
        if (s.includes('Đang lưu')) sawSaving = true
        else if (sawSaving) {
          observer.disconnect()
          clearTimeout(timer)
          resolve(s.includes('Đã lưu trên máy'))
        }
      })
      observer.observe(status, { childList: true, characterData: true, subtree: true })
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }))
    })
    if (ok) saved++
  }
  return saved
}

/** The used JS heap after a forced collection, through the run's one DevTools session (see goOffline). */
async function heapBytes(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  return usedSize
}

/**
 * The context's network off or on (`setOffline`), and the page's own emulated state through the
 * run's one DevTools session, which holds across the page's navigations. `setOffline` alone did not
 * keep the page offline: once a DevTools session of the page was detached (each heap reading had
 * its own) or stayed attached across a navigation, the page thought itself online
 * (`navigator.onLine`) while the context was not. Its sync then failed, waited for the retry timer,
 * and going online fired no `online` event: the first push left 0.3 to 0.45 s after going online,
 * against 0.13 to 0.2 s since.
 */
async function goOffline(context: BrowserContext, session: CDPSession, offline: boolean): Promise<void> {
  await context.setOffline(offline)
  await session.send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
}

/** Starts the page's CPU profiler on the run's session (PROFILE_DIR only). */
async function startProfile(page: Page, session: CDPSession): Promise<CDPSession | null> {
  return PROFILE_DIR ? startCpuProfile(page, 100, session) : null
}

/** Stops it, writes the profile and logs the top self-time functions. */
async function stopProfile(cdp: CDPSession | null, run: number, log: (line: string) => void): Promise<void> {
  if (!cdp) return
  const profile = await stopCpuProfile(cdp, PROFILE_DIR, `sync-run-${run + 1}`, true)
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const f = byNode.get(id)!.callFrame
    const file = f.url.split('/').pop() ?? ''
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0))
  })
  const total = (profile.endTime - profile.startTime) / 1000
  log(`${SYNC_TITLE}: run ${run + 1}: profile of ${fmtMs(total)} ms, top self time:`)
  for (const [key, us] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) log(`  ${fmtMs(us / 1000).padStart(8)} ms  ${key}`)
}

const waitingOf = (text: string): number => Number(/(\d[\d.]*) chờ gửi/.exec(text)?.[1]?.replaceAll('.', '') ?? 0)

/** Counts the bytes of the requests `which` picks until stopped: request and response, headers and bodies. */
function countBytes(context: BrowserContext, which: (path: string) => boolean): { stop(): Promise<number> } {
  const sizes: Promise<number>[] = []
  const finished = (req: Request): void => {
    if (!which(new URL(req.url()).pathname)) return
    sizes.push(
      req.sizes().then(
        (s) => s.requestHeadersSize + s.requestBodySize + s.responseHeadersSize + s.responseBodySize,
        () => 0,
      ),
    )
  }
  context.on('requestfinished', finished)
  return {
    async stop() {
      context.off('requestfinished', finished)
      return (await Promise.all(sizes)).reduce((a, b) => a + b, 0)
    },
  }
}

interface PeerFigures {
  pouchMs: number
  pouchRequests: number
  pouchBytes: number
  postMs: number
}

/** Runs in the PouchDB page: writes the documents locally, then times a one-shot two-way sync. */
async function pouchSync(arg: { values: number; db: string; remote: string }): Promise<number> {
  type Db = { bulkDocs(d: object[]): Promise<unknown>; sync(remote: string): Promise<unknown>; destroy(): Promise<unknown> }
  const PouchDB = (window as unknown as { PouchDB: new (name: string) => Db }).PouchDB
  const local = new PouchDB(arg.db)
  const docs = Array.from({ length: arg.values }, (_, i) => ({
    _id: `tqt/TDP01/P${Math.floor(i / 60)}/IND${i % 60}`,
    commune: 'tqt',
    unit: 'TDP01',
    period: `P${Math.floor(i / 60)}`,
    indicator: `IND${i % 60}`,
    value: { kind: 'number', value: 100 + i },
    at: new Date().toISOString(),
  }))
  await local.bulkDocs(docs)
  const t0 = performance.now()
  await local.sync(arg.remote)
  const ms = performance.now() - t0
  await local.destroy()
  return ms
}

/** Runs in the PouchDB page: one plain POST of the same mutations, timed to the answer. */
async function plainPost(arg: { values: number }): Promise<number> {
  const mutations = Array.from({ length: arg.values }, (_, i) => ({
    mutationId: `m${String(i).padStart(10, '0')}`,
    kind: 'value',
    commune: 'tqt',
    unit: 'TDP01',
    period: `P${Math.floor(i / 60)}`,
    indicator: `IND${i % 60}`,
    value: { kind: 'number', value: 100 + i },
    baseVersion: 0,
    at: new Date().toISOString(),
  }))
  const t0 = performance.now()
  const res = await fetch('/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deviceId: 'bench-floor', mutations }) })
  await res.json()
  return performance.now() - t0
}

async function measurePeers(ctx: Parameters<Measurement['run']>[0], env: BrowserEnv): Promise<PeerFigures[]> {
  const peer = await peerServer(ctx)
  const out: PeerFigures[] = []
  for (let run = 0; run < SYNC_RUNS; run++) {
    const { context, page } = await newPhone(env)
    try {
      await page.goto(`${peer.url}/pouch`)
      await page.waitForFunction(() => 'PouchDB' in window)
      let pouchRequests = 0
      const count = (req: { url(): string }): void => {
        if (new URL(req.url()).pathname.startsWith('/db/')) pouchRequests++
      }
      const traffic = countBytes(context, (path) => path.startsWith('/db/'))
      context.on('request', count)
      const pouchMs = await page.evaluate(pouchSync, { values: VALUES, db: `local-${run}`, remote: `${peer.url}/db/bench-${run}-${Date.now()}` })
      context.off('request', count)
      const pouchBytes = await traffic.stop()
      const postMs = await page.evaluate(plainPost, { values: VALUES })
      ctx.log(`${SYNC_TITLE}: PouchDB run ${run + 1}: synced in ${fmtMs(pouchMs)} ms, ${pouchRequests} requests; plain POST ${fmtMs(postMs)} ms`)
      out.push({ pouchMs, pouchRequests, pouchBytes, postMs })
    } finally {
      await context.close().catch(() => undefined)
    }
  }
  return out
}

let shared: Promise<{ runs: RunFigures[]; chromium: string }> | undefined

async function measureRuns(ctx: Parameters<Measurement['run']>[0]): Promise<{ runs: RunFigures[]; chromium: string }> {
  const env = await browserEnv(ctx)
  const url = env.server.url
  const officer = await apiSession(url, OFFICER)
  for (const p of MONTHS) {
    const res = await officer('POST', `/api/communes/${COMMUNE}/periods`, p)
    if (!res.ok && res.status !== 409) throw new Error(`POST period ${p.code}: ${res.status} ${await res.text()}`)
  }
  const runs: RunFigures[] = []
  for (let run = 0; run < SYNC_RUNS; run++) {
    const { context, page } = await newPhone(env)
    try {
      // The run's one DevTools session (heap, profile), open until the context closes: see heapBytes.
      const session = await context.newCDPSession(page)
      await signIn(page, url)
      await page.goto(`${url}/nhap/${UNIT}/2022-Q2`)
      await page.locator('article.ind').first().waitFor({ state: 'attached' })
      const rows = await page.locator('article.ind').count()
      if (rows < TARGET_ROWS) {
        await seedSixty(url, rows)
        await page.getByRole('button', { name: 'Đồng bộ ngay' }).click()
        await page.waitForFunction((n) => document.querySelectorAll('article.ind').length >= n, TARGET_ROWS, { timeout: 30_000 })
      }
      // Some of the 60 rows are rates and yes/no: more number indicators, so that a period has 60 number inputs.
      const numbers = await page.locator(NUMBER_INPUTS).count()
      if (numbers < NUMBER_TARGET) {
        const rowsNow = await page.locator('article.ind').count()
        await putBenchIndicators(url, TARGET_ROWS + 1, TARGET_ROWS + NUMBER_TARGET - numbers)
        await page.getByRole('button', { name: 'Đồng bộ ngay' }).click()
        await page.waitForFunction((n) => document.querySelectorAll('article.ind').length >= n, rowsNow + NUMBER_TARGET - numbers, { timeout: 30_000 })
      }
      await goOffline(context, session, true)
      await page.locator('header.app-bar .sync__line').getByText('Không có mạng').waitFor()
      let typed = 0
      let heapQuarter = NaN
      for (const period of PERIODS) {
        if (typed >= VALUES) break
        await page.goto(`${url}/nhap/${UNIT}/${period}`)
        const ready = await page
          .locator('article.ind input')
          .first()
          .waitFor({ timeout: 10_000 })
          .then(() => true)
          .catch(() => false)
        if (!ready) {
          ctx.log(`${SYNC_TITLE}: run ${run + 1}: no entry inputs for ${period} offline, skipped`)
          continue
        }
        const n = await page.evaluate(typeAll, { limit: VALUES - typed, base: 100 + run * 7 + typed })
        if (run === 0) ctx.log(`${SYNC_TITLE}: run 1: ${period}: ${n} values typed`)
        typed += n
        if (period === '2022-Q1') heapQuarter = await heapBytes(session)
      }
      const heapAll = await heapBytes(session)
      // The badge's count follows the outbox once its read settles (typing this fast outruns it).
      const waiting = await page
        .waitForFunction((n) => new RegExp(`\\b${n.toLocaleString('vi-VN')} chờ gửi`).test(document.querySelector('header.app-bar .sync__line')?.textContent ?? ''), typed, { timeout: 10_000 })
        .then(
          () => typed,
          async () => waitingOf(await syncText(page)),
        )
      ctx.log(`${SYNC_TITLE}: run ${run + 1}: ${typed} values typed offline, ${waiting} waiting`)
      let requests = 0
      const count = (req: { url(): string }): void => {
        if (new URL(req.url()).pathname.startsWith('/api/')) requests++
      }
      const traffic = countBytes(context, (path) => path.startsWith('/api/'))
      const cdp = await startProfile(page, session)
      const timeline: string[] = []
      // The premise: the page knows itself offline, so that going online fires its `online` event.
      const t0 = await page.evaluate(() => {
        if (navigator.onLine) return null
        const w = window as BenchWindow
        window.addEventListener('online', () => (w.benchOnlineAt = performance.now()), { once: true })
        return performance.now()
      })
      if (t0 === null) throw new Error(`${SYNC_TITLE}: run ${run + 1}: the page thinks it is online before going online (navigator.onLine)`)
      const wall0 = Date.now()
      const onRequest = (req: Request): void => {
        if (!LOG_TIMELINE || !new URL(req.url()).pathname.startsWith('/api/')) return
        const at = Date.now() - wall0
        void req.response().then(async (res) => {
          await res?.finished()
          timeline.push(`${String(at).padStart(6)}–${String(Date.now() - wall0).padStart(6)} ms  ${req.method()} ${new URL(req.url()).pathname}${new URL(req.url()).search.slice(0, 40)} ${res?.status() ?? `– ${req.failure()?.errorText ?? ''}`}`)
        })
      }
      context.on('request', onRequest)
      context.on('request', count)
      await goOffline(context, session, false)
      const handle = await page.waitForFunction(
        () => {
          const text = document.querySelector('header.app-bar .sync__line')?.textContent ?? ''
          return !/chờ gửi|Không có mạng/.test(text) && /Đồng bộ lúc/.test(text) ? performance.now() : false
        },
        null,
        { polling: 'raf', timeout: 60_000 },
      )
      const syncMs = Number(await handle.jsonValue()) - t0
      const onlineMs = Number(await page.evaluate(() => (window as BenchWindow).benchOnlineAt)) - t0
      if (LOG_TIMELINE) ctx.log(`  ${fmtMs(onlineMs)} ms  the page's \`online\` event`)
      context.off('request', count)
      context.off('request', onRequest)
      await stopProfile(cdp, run, ctx.log)
      for (const line of timeline.sort()) ctx.log(`  ${line}`)
      const bytes = await traffic.stop()
      const heapSynced = await heapBytes(session)
      ctx.log(`${SYNC_TITLE}: run ${run + 1}: synced in ${fmtMs(syncMs)} ms, ${requests} requests`)
      runs.push({ typed, waiting, syncMs, requests, bytes, heapQuarter, heapAll, heapSynced })
    } finally {
      await context.close().catch(() => undefined)
    }
  }
  return { runs, chromium: env.browser.version() }
}

const MiB = (b: number): string => (Number.isFinite(b) ? (b / 2 ** 20).toFixed(1) : '–')

export const browserSyncMeasurement: Measurement = {
  id: SYNC_ID,
  title: SYNC_TITLE,
  async run(ctx): Promise<MeasurementResult> {
    try {
      shared ??= measureRuns(ctx).catch((e: unknown) => {
        ctx.log(`${SYNC_TITLE}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
        throw e
      })
      const { runs } = await shared
      const table = figuresTable([
        figureRow('online → nothing waiting', runs.map((r) => r.syncMs), 3000),
        figureRow('requests to /api/', runs.map((r) => r.requests), 10, '', fmtInt),
      ])
      const notes = [`Values typed offline per run: ${runs.map((r) => r.typed).join(', ')}; changes the badge showed waiting before going online: ${runs.map((r) => r.waiting).join(', ')}.`]
      const peers = await measurePeers(ctx, await browserEnv(ctx))
      const m = {
        product: median(runs.map((r) => r.syncMs)),
        pouch: median(peers.map((p) => p.pouchMs)),
        post: median(peers.map((p) => p.postMs)),
        productBytes: median(runs.map((r) => r.bytes)),
        pouchBytes: median(peers.map((p) => p.pouchBytes)),
      }
      const peerTable = {
        columns: [{ title: 'what' }, { title: 'median', align: 'right' as const }, { title: 'requests', align: 'right' as const }, { title: 'bytes', align: 'right' as const }, { title: 'product ÷ this', align: 'right' as const }, { title: 'goal' }],
        rows: [
          ['the product: online → nothing waiting', `${fmtMs(m.product)} ms`, fmtInt(median(runs.map((r) => r.requests))), fmtInt(m.productBytes), '1.00×', ''],
          ['PouchDB 9: one-shot two-way sync', `${fmtMs(m.pouch)} ms`, fmtInt(median(peers.map((p) => p.pouchRequests))), fmtInt(m.pouchBytes), ratio(m.product, m.pouch), `≤ 0.33× (3× faster): ${m.product <= m.pouch / 3 ? 'met' : 'missed'}`],
          ['floor: one plain POST of the same mutations', `${fmtMs(m.post)} ms`, '1', '–', ratio(m.product, m.post), ''],
        ],
      }
      const peerNotes = [`The product's bytes are ${ratio(m.productBytes, m.pouchBytes)} PouchDB's.`]
      return {
        id: SYNC_ID,
        title: SYNC_TITLE,
        description: SYNC_DESCRIPTION,
        environment: [],
        sections: [
          { title: `${runs.length} runs`, table, notes },
          { title: `Beside PouchDB and the floor, ${peers.length} runs each`, table: peerTable, notes: peerNotes },
        ],
        errors: [],
      }
    } catch (e) {
      return failed(SYNC_ID, SYNC_TITLE, SYNC_DESCRIPTION, e)
    }
  },
}

export const browserHeapMeasurement: Measurement = {
  id: HEAP_ID,
  title: HEAP_TITLE,
  async run(ctx): Promise<MeasurementResult> {
    try {
      shared ??= measureRuns(ctx)
      const { runs } = await shared
      const row = (what: string, values: number[]): string[] => {
        const s = [...values].sort((a, b) => a - b)
        const mid = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
        return [what, `${MiB(mid)} MiB`, `${MiB(s[0]!)}–${MiB(s.at(-1)!)} MiB`, String(s.length), '–', '–']
      }
      const table = figuresTable([
        row('after 2022-Q1 entered (full quarter)', runs.map((r) => r.heapQuarter)),
        row('after all values typed', runs.map((r) => r.heapAll)),
        row('after the sync', runs.map((r) => r.heapSynced)),
      ])
      return { id: HEAP_ID, title: HEAP_TITLE, description: HEAP_DESCRIPTION, environment: [], sections: [{ title: `${runs.length} runs, used JS heap after a forced GC`, table }], errors: [] }
    } catch (e) {
      return failed(HEAP_ID, HEAP_TITLE, HEAP_DESCRIPTION, e)
    }
  },
}
