// Browser-test harness: a fresh production build of the PWA in a folder of its own, the real
// server (`src/server/main.ts`, embedded PGlite, demo communes) as a child process serving it on
// a free loopback port, and headless Chromium driven by playwright-core.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { copyOfBuild, ROOT } from '../pwa/build'

export const HOST = '127.0.0.1'
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
/** Every wait in the browser is bounded by this. */
export const STEP_MS = 30_000
/**
 * How long a server may take to start (migrations, the demo, its sample reports): seconds alone,
 * but on a busy 2-core machine, with the other browser files starting theirs and Chromium beside
 * them, it took over 90 s. It only bounds a start that hangs; the files' own beforeAll allow 600 s.
 */
const SERVER_START_MS = 300_000
export const DEMO_PASSWORD = 'thidua2024'
/**
 * The demo shows its plans as the current year's; the browser tests fix the year to the plans'
 * own (2022 for \`tqt\`), so that what is due, late or past does not move with the calendar.
 */
export const DEMO_YEAR = '2022'

export interface AppServer {
  url: string
  distDir: string
  output(): string
  stop(): Promise<void>
}

/** Builds the PWA into a temporary folder and starts the server on it with a fresh database. */
export async function startAppServer(options: { build?: boolean; distDir?: string; demoReports?: boolean } = {}): Promise<AppServer> {
  const distDir = options.distDir ?? (await mkdtemp(join(tmpdir(), 'thidua-dist-')))
  // This run's one build, copied: a test may change what its server serves (a new service worker).
  if (options.build !== false) await copyOfBuild(distDir)
  const dataDir = await mkdtemp(join(tmpdir(), 'thidua-data-'))
  const port = await freePort()
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST, DATA_DIR: dataDir, DIST_DIR: distDir, DEMO: 'true', DEMO_REPORTS: String(options.demoReports ?? false), LOG_LEVEL: 'warn', DEMO_YEAR: DEMO_YEAR }
  delete env.DATABASE_URL
  delete env.NODE_ENV // Vitest's "test" is not the server's business
  const lines: string[] = []
  // `node --import tsx` rather than the tsx wrapper, so that the pid killed is the server's own.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const keep = (chunk: Buffer): void => {
    lines.push(chunk.toString('utf8'))
    if (lines.length > 80) lines.shift()
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const url = `http://${HOST}:${port}`
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    }
    await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })
    if (!options.distDir) await rm(distDir, { recursive: true, force: true })
  }
  const deadline = Date.now() + SERVER_START_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}:\n${lines.join('')}`)
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })
      if (res.ok) return { url, distDir, output: () => lines.join(''), stop }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  await stop()
  throw new Error(`the server did not answer /api/health within ${SERVER_START_MS / 1000} s:\n${lines.join('')}`)
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, timeout: STEP_MS })
}

/** A signed-in API client outside the browser (the officer's side of a scenario). */
export async function apiSession(url: string, username: string, password = DEMO_PASSWORD): Promise<(method: string, path: string, body?: unknown) => Promise<Response>> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`)
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!
  return (method, path, body) =>
    fetch(`${url}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, HOST, () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

// The phone's screens, as every browser scenario reads them.

/** The sync badge's status line in the app bar: last sync, offline, how many changes wait. */
/** Signs `username` in on the sign-in screen, and waits until the app has moved on from it. */
export async function signInAs(page: Page, url: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${url}/dang-nhap`)
  await page.getByLabel('Tên đăng nhập').fill(username)
  await page.getByLabel('Mật khẩu').fill(password)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.waitForURL((u) => u.pathname !== '/dang-nhap')
}

export const syncLine = (page: Page) => page.locator('header.app-bar .sync__line')
export const syncText = async (page: Page): Promise<string> => ((await syncLine(page).textContent()) ?? '').replace(/\s+/g, ' ').trim()

/** One indicator's row on the entry screen. */
export const row = (page: Page, indicator: string) => page.locator(`#ind-${indicator}`)
/** The "saved" line of a row: "Đã lưu trên máy · Chờ gửi", "Đã gửi lên máy chủ"… */
export const rowStatus = (page: Page, indicator: string) => row(page, indicator).locator('.ind__status')

/** Types a figure the Vietnamese way and commits it (Enter), as the keyboard's "next" key does. */
export async function typeNumber(page: Page, indicator: string, label: string, text: string): Promise<void> {
  const input = row(page, indicator).getByLabel(label, { exact: true })
  await input.fill(text)
  await input.press('Enter')
}

/** A phone's screen, and an office computer's. */
export const PHONE = { width: 360, height: 640 }
export const DESKTOP = { width: 1280, height: 800 }

/**
 * The browser contexts of one test file: each a fresh profile (its own IndexedDB, service worker
 * and cookies) with every wait bounded by STEP_MS; every page's uncaught error lands in `problems`.
 */
export class Contexts {
  readonly problems: string[] = []
  private readonly opened: BrowserContext[] = []

  constructor(private readonly browser: Browser) {}

  async open(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
    const context = await this.browser.newContext({ viewport })
    context.setDefaultTimeout(STEP_MS)
    context.setDefaultNavigationTimeout(STEP_MS)
    this.opened.push(context)
    const page = await context.newPage()
    page.on('pageerror', (err) => this.problems.push(`page error: ${err.message}`))
    return { context, page }
  }

  async close(): Promise<void> {
    for (const c of this.opened) await c.close().catch(() => undefined)
  }
}

/** One test file's app: its server, Chromium and the file's browser contexts. */
export interface AppUnderTest {
  readonly server: AppServer
  readonly url: string
  readonly browser: Browser
  readonly contexts: Contexts
}

/**
 * Starts the app for the test file that calls it (at its top level): a server with a fresh
 * database on this run's build, then Chromium, before the file's tests; all of it stopped after.
 * A file's own set-up goes in a `beforeAll` of its own, registered after this one.
 */
export function appUnderTest(options: Parameters<typeof startAppServer>[0] = {}): AppUnderTest {
  let server: AppServer | undefined
  let browser: Browser | undefined
  let contexts: Contexts | undefined
  beforeAll(async () => {
    server = await startAppServer(options)
    browser = await launchChromium()
    contexts = new Contexts(browser)
  }, 600_000)
  afterAll(async () => {
    await contexts?.close()
    await browser?.close().catch(() => undefined)
    await server?.stop()
  }, 60_000)
  const started = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('the app is not started: appUnderTest() belongs at the top of a test file')
    return x
  }
  return {
    get server() {
      return started(server)
    },
    get url() {
      return started(server).url
    },
    get browser() {
      return started(browser)
    },
    get contexts() {
      return started(contexts)
    },
  }
}
