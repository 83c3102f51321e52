// Issue 6 item 2: the cold first load on an emulated slow 3G phone until the entry screen is
// usable, and the repeat load offline from the service worker.
import type { Page } from 'playwright-core'
import { browserEnv, failed, figureRow, figuresTable, newPhone, RUNS, signIn, UNIT } from './browser'
import { peerServer, ratio } from './peers'
import type { Measurement } from './report'
import { fmtInt, fmtMs } from './report'
import { median } from './stats'
import { attribute, startCpuProfile, stopCpuProfile } from './cpuProfile'

const ID = 'browser-load'
const TITLE = 'Cold load on a slow 3G phone, repeat load offline'
const PATH = `/nhap/${UNIT}/2022-Q1`
/** docs/BENCHMARKS.md: 400 ms RTT, 400 kbps down and up, CPU ×4. */
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 }
const CPU_SLOWDOWN = 4
const DESCRIPTION = [
  `The village head signs in once in a setup context (online, unthrottled) and its storage (cookies, local storage and IndexedDB, Playwright's \`storageState({ indexedDB: true })\`) is saved. Each run is a fresh browser context with that storage, an empty HTTP cache and no service worker, throttled through the Chrome DevTools Protocol (\`Network.emulateNetworkConditions\`: ${SLOW_3G.latency} ms latency, ${SLOW_3G.downloadThroughput} bytes/s down and up; \`Emulation.setCPUThrottlingRate\` ${CPU_SLOWDOWN}). Cold load: navigation to \`${PATH}\` until the first input of the entry screen is visible and enabled, read in the page as \`performance.now()\` (from the navigation's start) when a requestAnimationFrame poll first sees it. Budget: ≤ 6 s.`,
  `Beside it, in the same run and the same throttling: a **minimal Vue + Dexie page** (test/bench/peer/mini: opens an IndexedDB database, reads one figure and renders it in an input), built with Vite and served gzip from a loopback server, timed from the navigation until its input is enabled, in a fresh context with an empty cache. The requests each page makes before its input works are counted. Goal (issue 18): the product's cold load ≤ 1.3× the peer's.`,
  `Repeat load offline: in the same context, once the service worker controls the page, the network is cut (\`context.setOffline\`, CPU still ×${CPU_SLOWDOWN}) and the page reloaded; timed the same way. Budget: ≤ 1 s.`,
]

/** BENCH_LOAD_PROFILE=<folder> CPU-profiles the first cold load (from the navigation until the input works) and logs its self time. */
const PROFILE_DIR = process.env.BENCH_LOAD_PROFILE?.trim() || ''

/** BENCH_LOAD_LOG=1 logs each cold load's requests (start, end, bytes) and its phases, for profiling. */
const LOG_TIMELINE = Boolean(process.env.BENCH_LOAD_LOG)

/** Runs in the page once its input is usable: one line a request, in the order they started. */
function timeline(until: number): string {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
  const rows = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(
    (r) => `  ${Math.round(r.startTime)}–${Math.round(r.responseEnd)} ms (request ${Math.round(r.requestStart)}, first byte ${Math.round(r.responseStart)}) ${r.transferSize} B ${new URL(r.name).pathname}${r.responseEnd > until ? ' (after the input)' : ''}`,
  )
  const marks = performance.getEntriesByType('mark').map((m) => `${m.name} ${Math.round(m.startTime)} ms`)
  return [`  document ${Math.round(nav.responseEnd)} ms (first byte ${Math.round(nav.responseStart)}, DOM interactive ${Math.round(nav.domInteractive)}) ${nav.transferSize} B, DOMContentLoaded ${Math.round(nav.domContentLoadedEventStart)} ms, usable ${Math.round(until)} ms; marks: ${marks.join(', ') || 'none'}`, ...rows].join('\n')
}

/** Runs in the page each frame: the navigation-relative time once the first entry input is usable. */
function usableAt(selector = 'article.ind input'): number | false {
  const input = document.querySelector<HTMLInputElement>(selector)
  if (!input || input.disabled) return false
  const box = input.getBoundingClientRect()
  return box.width > 0 && box.height > 0 && getComputedStyle(input).visibility !== 'hidden' ? performance.now() : false
}

/**
 * Runs in the page once its input is usable: when the JavaScript the page ran first was received
 * (the last script to arrive before DOMContentLoaded), when it had run (DOMContentLoaded), and the
 * bytes received (the document and every resource) by `until`.
 */
function loadPhases(until: number): Phases {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
  const dcl = nav.domContentLoadedEventStart
  const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
  const scripts = resources.filter((r) => /\.m?js$/.test(new URL(r.name).pathname) && r.responseEnd <= dcl)
  const bytes = nav.transferSize + resources.filter((r) => r.responseEnd <= until).reduce((n, r) => n + r.transferSize, 0)
  return { js: Math.max(0, ...scripts.map((r) => r.responseEnd)), dcl, bytes }
}

interface Phases {
  js: number
  dcl: number
  bytes: number
}

async function waitUsable(page: Page, selector = 'article.ind input'): Promise<number> {
  const handle = await page.waitForFunction(usableAt, selector, { polling: 'raf', timeout: 60_000 })
  return Number(await handle.jsonValue())
}

/** Throttles a page as a slow 3G phone with a slow CPU, with an empty HTTP cache. */
async function throttle(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false })
  await cdp.send('Network.clearBrowserCache')
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
}

export const browserLoadMeasurement: Measurement = {
  id: ID,
  title: TITLE,
  async run(ctx) {
    try {
      const env = await browserEnv(ctx)
      const setup = await newPhone(env)
      let state: Awaited<ReturnType<typeof setup.context.storageState>>
      try {
        await signIn(setup.page, env.server.url)
        await setup.page.goto(`${env.server.url}${PATH}`)
        await waitUsable(setup.page)
        state = await setup.context.storageState({ indexedDB: true })
      } finally {
        await setup.context.close().catch(() => undefined)
      }
      const cold: number[] = []
      const offline: number[] = []
      const fromSw: boolean[] = []
      const requests: number[] = []
      const phases: Phases[] = []
      for (let run = 0; run < RUNS; run++) {
        const { context, page } = await newPhone(env, { storageState: state })
        try {
          await throttle(page)
          const seen: string[] = []
          const count = (req: { url(): string }): void => void seen.push(req.url())
          context.on('request', count)
          const profiler = PROFILE_DIR && run === 0 ? await startCpuProfile(page, 100) : null
          await page.goto(`${env.server.url}${PATH}`, { waitUntil: 'commit', timeout: 60_000 })
          cold.push(await waitUsable(page))
          if (profiler) {
            const { byFn, byFile } = await attribute(await stopCpuProfile(profiler, PROFILE_DIR, 'cold-load'), env.distDir)
            const top = (m: Map<string, number>, n: number): string => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `  ${fmtMs(us / 1000).padStart(8)} ms  ${k}`).join('\n')
            ctx.log(`${TITLE}: profile of run 1 (${PROFILE_DIR}/cold-load.cpuprofile), self time by function:\n${top(byFn, 30)}\nby file:\n${top(byFile, 25)}`)
          }
          context.off('request', count)
          requests.push(seen.length)
          phases.push(await page.evaluate(loadPhases, cold.at(-1)!))
          if (LOG_TIMELINE) ctx.log(`${TITLE}: run ${run + 1}: timeline\n${await page.evaluate(timeline, cold.at(-1)!)}\n  requests before the input: ${seen.map((u) => new URL(u).pathname).join(', ')}`)
          await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 }).catch(async () => {
            // A worker that does not claim open pages controls the next navigation.
            await page.reload({ timeout: 60_000 })
            await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 })
          })
          await context.setOffline(true)
          const response = await page.reload({ waitUntil: 'commit' })
          fromSw.push(response?.fromServiceWorker() ?? false)
          offline.push(await waitUsable(page))
          ctx.log(`${TITLE}: run ${run + 1}: cold ${fmtMs(cold.at(-1)!)} ms, offline repeat ${fmtMs(offline.at(-1)!)} ms`)
        } finally {
          await context.close().catch(() => undefined)
        }
      }
      const peer = await peerServer(ctx)
      const peerCold: number[] = []
      const peerRequests: number[] = []
      const peerPhases: Phases[] = []
      for (let run = 0; run < RUNS; run++) {
        const { context, page } = await newPhone(env)
        try {
          await throttle(page)
          const seen: string[] = []
          const count = (req: { url(): string }): void => void seen.push(req.url())
          context.on('request', count)
          await page.goto(`${peer.url}/mini/`, { waitUntil: 'commit', timeout: 60_000 })
          peerCold.push(await waitUsable(page, '#v'))
          context.off('request', count)
          peerRequests.push(seen.length)
          peerPhases.push(await page.evaluate(loadPhases, peerCold.at(-1)!))
          if (LOG_TIMELINE) ctx.log(`${TITLE}: peer run ${run + 1}: timeline\n${await page.evaluate(timeline, peerCold.at(-1)!)}`)
          ctx.log(`${TITLE}: peer run ${run + 1}: minimal Vue + Dexie page usable at ${fmtMs(peerCold.at(-1)!)} ms`)
        } finally {
          await context.close().catch(() => undefined)
        }
      }
      const table = figuresTable([
        figureRow('cold load, slow 3G, CPU ×4', cold, 6000),
        figureRow('repeat load offline (service worker), CPU ×4', offline, 1000),
        figureRow('peer: minimal Vue + Dexie page, cold, slow 3G, CPU ×4', peerCold, 6000),
      ])
      const product = median(cold)
      const mini = median(peerCold)
      const notes = [
        `The offline reload was answered by the service worker in ${fromSw.filter(Boolean).length} of ${fromSw.length} runs.`,
        `Requests before the first input works (median): the product ${fmtInt(median(requests))}, the peer ${fmtInt(median(peerRequests))}.`,
        `Product ÷ peer, cold load: ${ratio(product, mini)}. Goal (issue 18): ≤ 1.3× (${product <= 1.3 * mini ? 'met' : 'missed'}).`,
        `Where the cold load goes (medians, ms from the navigation's start): the first JavaScript received at ${phaseLine(phases, cold)}; the peer's at ${phaseLine(peerPhases, peerCold)}.`,
      ]
      return { id: ID, title: TITLE, description: DESCRIPTION, environment: [], sections: [{ title: `${PATH}, ${RUNS} runs`, table, notes }], errors: [] }
    } catch (e) {
      return failed(ID, TITLE, DESCRIPTION, e)
    }
  },
}

/** "2,900, run by 3,300 (DOMContentLoaded), the input usable at 4,100; 96 KB received by then" */
function phaseLine(p: readonly Phases[], usable: readonly number[]): string {
  const kb = (n: number): string => `${fmtInt(Math.round(n / 1024))} KB`
  return `${fmtMs(median(p.map((x) => x.js)))}, run by ${fmtMs(median(p.map((x) => x.dcl)))} (DOMContentLoaded), the input usable at ${fmtMs(median(usable))}; ${kb(median(p.map((x) => x.bytes)))} received by then`
}
