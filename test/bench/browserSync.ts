// Issue 6 item 5 (syncing 1,000 waiting values) and the page half of item 7 (the page's JS heap
// after a full quarter has been entered). The phone goes offline and the values are typed
// through the entry screens (from inside the page: each number input gets a figure and an
// Enter, the next one only once its row says "Đã lưu trên máy"), over 17 periods of the
// 60-indicator unit; then the phone goes online and the time until nothing waits is taken.
import type { Page } from 'playwright-core'
import { apiSession } from '../client/e2e/harness'
import { browserEnv, COMMUNE, failed, figureRow, figuresTable, newPhone, OFFICER, RUNS, signIn, syncText, UNIT } from './browser'
import { putBenchIndicators, seedSixty, TARGET_ROWS } from './browserOpen'
import type { Measurement, MeasurementResult } from './report'
import { fmtInt, fmtMs } from './report'
import { monthPeriods } from '../../src/shared/periods'

const SYNC_ID = 'browser-sync'
const SYNC_TITLE = 'Syncing 1,000 waiting values to the local server'
const HEAP_ID = 'browser-heap'
const HEAP_TITLE = 'The page’s JS heap after a full quarter has been entered'
const VALUES = Math.max(1, Number(process.env.BENCH_SYNC_VALUES ?? '') || 1000)
const SYNC_RUNS = Math.max(1, Number(process.env.BENCH_SYNC_RUNS ?? '') || RUNS)
const MONTHS = monthPeriods(2022).slice(0, 12)
const NUMBER_INPUTS = 'article.ind input[id$="-value"]'
const NUMBER_TARGET = 60
const PERIODS = ['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4', '2022-Y', ...MONTHS.map((p) => p.code)]

const SYNC_DESCRIPTION = [
  `Unit TDP01 of \`${COMMUNE}\` with ${NUMBER_TARGET} number indicators (the officer adds indicators until it has ${NUMBER_TARGET} number inputs among its rates and yes/no, and the 12 monthly periods, through the API). Each run is a fresh phone: it signs in and syncs, goes offline (\`context.setOffline\`), and ${fmtInt(VALUES)} values are typed through the entry screens of ${PERIODS.length} periods (in the page, one number input after another: a figure and Enter, the next once the row says "Đã lưu trên máy"). Then the phone goes online and the time from \`setOffline(false)\` until the sync badge shows nothing waiting is read in the page (requestAnimationFrame polling); every request to \`/api/\` the browser context sees meanwhile is counted. Budget: ≤ 3 s and ≤ 10 requests.`,
]
const HEAP_DESCRIPTION = [
  'In the same runs as the sync measurement: once every number input of 2022-Q1 has a value (a full quarter entered, offline), a garbage collection is forced (`HeapProfiler.collectGarbage`) and the used JS heap read through the Chrome DevTools Protocol (`Runtime.getHeapUsage`). Also after all values of the run were typed, and after the sync. No budget in DESIGN.md §6; reported for the record.',
]

interface RunFigures {
  typed: number
  waiting: number
  syncMs: number
  requests: number
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

async function heapBytes(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = await cdp.send('Runtime.getHeapUsage')
    return usedSize
  } finally {
    await cdp.detach().catch(() => undefined)
  }
}

const waitingOf = (text: string): number => Number(/(\d[\d.]*) chờ gửi/.exec(text)?.[1]?.replaceAll('.', '') ?? 0)

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
      await context.setOffline(true)
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
        if (period === '2022-Q1') heapQuarter = await heapBytes(page)
      }
      const heapAll = await heapBytes(page)
      const waiting = waitingOf(await syncText(page))
      ctx.log(`${SYNC_TITLE}: run ${run + 1}: ${typed} values typed offline, ${waiting} waiting`)
      let requests = 0
      const count = (req: { url(): string }): void => {
        if (new URL(req.url()).pathname.startsWith('/api/')) requests++
      }
      const t0 = await page.evaluate(() => performance.now())
      context.on('request', count)
      await context.setOffline(false)
      const handle = await page.waitForFunction(
        () => {
          const text = document.querySelector('header.app-bar .sync__line')?.textContent ?? ''
          return !/chờ gửi|Không có mạng/.test(text) && /Đồng bộ lúc/.test(text) ? performance.now() : false
        },
        null,
        { polling: 'raf', timeout: 60_000 },
      )
      const syncMs = Number(await handle.jsonValue()) - t0
      context.off('request', count)
      const heapSynced = await heapBytes(page)
      ctx.log(`${SYNC_TITLE}: run ${run + 1}: synced in ${fmtMs(syncMs)} ms, ${requests} requests`)
      runs.push({ typed, waiting, syncMs, requests, heapQuarter, heapAll, heapSynced })
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
      return { id: SYNC_ID, title: SYNC_TITLE, description: SYNC_DESCRIPTION, environment: [], sections: [{ title: `${runs.length} runs`, table, notes }], errors: [] }
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
