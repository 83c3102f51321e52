// @vitest-environment node
// The app opens with no network after its first load: Chromium (playwright-core) against the real
// server (`src/server/main.ts` on PGlite, demo data) serving a fresh production build of dist/.
// After the service worker takes control, the browser goes offline and reloads: the app shell
// comes from the worker's cache, and /api is still never answered from a cache.
import { appendFile, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, startAppServer, STEP_MS, type AppServer } from '../e2e/harness'

let server: AppServer | undefined
let baseUrl = ''
let browser: Browser | undefined
let context: BrowserContext | undefined
let page: Page
/** Uncaught errors and Content-Security-Policy refusals seen in the page, whichever test caused them. */
const problems: string[] = []

beforeAll(async () => {
  // A fresh production build in a folder of its own (DIST_DIR), served by the real server.
  server = await startAppServer()
  baseUrl = server.url
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 360, height: 640 } })
  context.setDefaultTimeout(STEP_MS)
  page = await context.newPage()
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`))
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) problems.push(`CSP: ${msg.text()}`)
  })
}, 240_000)

afterAll(async () => {
  await context?.close().catch(() => undefined)
  await browser?.close().catch(() => undefined)
  await server?.stop()
}, 60_000)

describe('offline start from the service worker', () => {
  it('is taken over by the service worker on the first visit, online', async () => {
    await page.goto(baseUrl)
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor()
    // clientsClaim(): the first page comes under the worker's control without a reload, and the
    // worker is active only after the whole app shell is in the precache.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: STEP_MS })
    const scriptURL = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)
    expect(scriptURL).toBe(`${baseUrl}/sw.js`)
    // The server's CSP (script-src, worker-src, manifest-src 'self') lets the worker and the manifest in.
    expect(problems).toEqual([])
  }, 60_000)

  it('does not store /api answers', async () => {
    const status = await page.evaluate(async () => (await fetch('/api/health')).status)
    expect(status).toBe(200)
    const cached = await page.evaluate(async () => {
      const urls: string[] = []
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname)
      }
      return urls
    })
    expect(cached).toContain('/index.html')
    expect(cached.filter((u) => u.startsWith('/api'))).toEqual([])
  }, 60_000)

  it('opens the app shell offline after a reload, and on a deep link', async () => {
    await context!.setOffline(true)
    try {
      const reload = await page.reload({ timeout: STEP_MS })
      expect(reload?.fromServiceWorker()).toBe(true)
      await page.locator('header.app-bar').getByText('Thi đua').waitFor({ timeout: STEP_MS })
      // The page's own code runs (from the cache): with no server it says it cannot reach it.
      await page.getByRole('alert').waitFor({ timeout: STEP_MS })

      const deep = await page.goto(`${baseUrl}/bao-cao/quy-2`, { timeout: STEP_MS })
      expect(deep?.fromServiceWorker()).toBe(true)
      await page.locator('header.app-bar').getByText('Thi đua').waitFor({ timeout: STEP_MS })

      // A workspace address: the router adds the late routes (their chunk, from the precache) before
      // it resolves, so no screen fails to load; with no server, the page says it cannot reach it.
      const workspace = await page.goto(`${baseUrl}/quan-ly/xa-thu/tong-hop`, { timeout: STEP_MS })
      expect(workspace?.fromServiceWorker()).toBe(true)
      await page.getByRole('alert').waitFor({ timeout: STEP_MS })
      const late = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((p) => p.startsWith('/assets/lateRoutes-')))
      expect(late).toHaveLength(1)
      expect(await page.getByText('Không tải được màn hình này').count()).toBe(0)
      // The workspace's screens themselves are not precached (vite.config.ts): never opened online,
      // the dashboard's chunk cannot load offline. That refusal, and only it, is expected here.
      const officerChunk = (p: string) => /Failed to fetch dynamically imported module: \S+\/assets\/officer\//.test(p)
      await expect.poll(() => problems.some(officerChunk), { timeout: STEP_MS }).toBe(true)
      problems.splice(0, problems.length, ...problems.filter((p) => !officerChunk(p)))

      // /api is never served from a cache: offline, the request fails.
      const apiOffline = await page.evaluate(() =>
        fetch('/api/health').then(
          (r) => `answered ${r.status}`,
          () => 'failed',
        ),
      )
      expect(apiOffline).toBe('failed')
    } finally {
      await context!.setOffline(false)
    }
  }, 90_000)

  it('offers a new version, and switches to it only when the user chooses "Cập nhật"', async () => {
    const before = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)
    expect(before).toBeDefined()
    // A new deploy: the browser compares sw.js byte for byte. The build's compressed copies,
    // which the server prefers, are written again too, as a new build would.
    const sw = join(server!.distDir, 'sw.js')
    await appendFile(sw, `\n// next version ${Date.now()}\n`)
    const next = await readFile(sw)
    await writeFile(`${sw}.br`, brotliCompressSync(next))
    await writeFile(`${sw}.gz`, gzipSync(next))
    await page.goto(baseUrl)
    const prompt = page.locator('#pwa-prompt')
    await prompt.getByText('Có phiên bản mới.').waitFor({ timeout: STEP_MS })
    // Still the old worker: nothing switches under the user's fingers.
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting !== null && r?.waiting !== undefined))).toBe(true)

    const reloaded = page.waitForEvent('framenavigated', { timeout: STEP_MS })
    await prompt.getByRole('button', { name: 'Cập nhật' }).click()
    await reloaded
    await page.locator('header.app-bar').waitFor({ timeout: STEP_MS })
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: STEP_MS })
    const after = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration()
      return { waiting: reg?.waiting ?? null, prompt: document.getElementById('pwa-prompt') !== null }
    })
    expect(after).toEqual({ waiting: null, prompt: false })
    expect(problems).toEqual([])
  }, 90_000)
})
