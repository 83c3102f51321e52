// Shared by the browser measurements (issue 6 items 1–5 and the page half of 7): one fresh
// production build of the PWA, the real server on it (PGlite, demo communes) and headless
// Chromium, started by the first browser measurement that needs them and stopped by the
// runner's cleanup. Helpers to sign a phone in and to time things inside the page.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { DEMO_PASSWORD, launchChromium, startAppServer, STEP_MS, syncLine, syncText, type AppServer } from '../client/e2e/harness'
import type { MeasurementContext, MeasurementResult, Table } from './report'
import { fmtMs } from './report'
import { spread } from './stats'

export const COMMUNE = 'tqt'
export const HEAD = 'tqt.tdp01'
export const OFFICER = 'tqt.canbo'
export const UNIT = 'TDP01'
export const PHONE = { viewport: { width: 360, height: 640 } }

/** How many times each browser figure is taken (BENCH_BROWSER_RUNS, default 5). */
export const RUNS = Math.max(1, Math.min(50, Number(process.env.BENCH_BROWSER_RUNS ?? '') || 5))

export interface BrowserEnv {
  server: AppServer
  browser: Browser
  distDir: string
}

let env: Promise<BrowserEnv> | undefined

/** The build, the server and Chromium, started once for all the browser measurements. */
export function browserEnv(ctx: MeasurementContext): Promise<BrowserEnv> {
  env ??= (async () => {
    const distDir = await mkdtemp(join(tmpdir(), 'thidua-bench-dist-'))
    ctx.cleanup.defer('remove the bench build', () => rm(distDir, { recursive: true, force: true }))
    ctx.log('browser: building the PWA and starting the server (PGlite, demo communes)')
    const server = await startAppServer({ distDir })
    ctx.cleanup.defer('stop the app server', () => server.stop())
    const browser = await launchChromium()
    ctx.cleanup.defer('close Chromium', () => browser.close())
    ctx.log(`browser: server on ${server.url}, Chromium ${browser.version()}`)
    return { server, browser, distDir }
  })()
  return env
}

export async function newPhone(e: BrowserEnv, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e.browser.newContext({ ...PHONE, ...options })
  context.setDefaultTimeout(STEP_MS)
  context.setDefaultNavigationTimeout(STEP_MS)
  const page = await context.newPage()
  return { context, page }
}

export { syncLine, syncText } from '../client/e2e/harness'

/** Signs in online once the service worker controls the page, and waits for the first sync. */
export async function signIn(page: Page, url: string, username = HEAD): Promise<void> {
  await page.goto(url)
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor()
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: STEP_MS })
  await page.getByLabel('Tên đăng nhập').fill(username)
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.getByRole('heading', { name: 'Báo cáo của tôi' }).waitFor()
  await syncLine(page).getByText('Đồng bộ lúc').waitFor()
}

/** Polls until the sync badge shows nothing waiting, or throws after `ms`. */
export async function waitNothingWaiting(page: Page, ms = STEP_MS): Promise<void> {
  const deadline = Date.now() + ms
  while (!/^(?!.*chờ gửi)/.test(await syncText(page))) {
    if (Date.now() > deadline) throw new Error(`changes still waiting after ${ms} ms: "${await syncText(page)}"`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

export function within(value: number, budget: number): string {
  return Number.isFinite(value) ? (value <= budget ? 'within' : 'OVER') : '–'
}

/** One row of a figures table: what, median, min–max, n, budget, verdict (on the median). */
export function figureRow(what: string, values: readonly number[], budget: number, unit = 'ms', fmt: (n: number) => string = fmtMs): string[] {
  const s = spread(values)
  const u = unit ? ` ${unit}` : ''
  return [what, `${fmt(s.median)}${u}`, `${fmt(s.min)}–${fmt(s.max)}${u}`, String(s.n), `≤ ${fmt(budget)}${u}`, within(s.median, budget)]
}

export function figuresTable(rows: string[][]): Table {
  return {
    columns: [{ title: 'what' }, { title: 'median', align: 'right' }, { title: 'min–max', align: 'right' }, { title: 'runs', align: 'right' }, { title: 'budget', align: 'right' }, { title: 'median vs budget' }],
    rows,
  }
}

export function failed(id: string, title: string, description: string[], e: unknown): MeasurementResult {
  return { id, title, description, environment: [], sections: [], errors: [e instanceof Error ? (e.stack ?? e.message) : String(e)] }
}
