// @vitest-environment node
// Evidence end to end (issue 16): Chromium (playwright-core) at 360×640 against the real server
// serving a fresh production build. The head of Tổ dân phố 1 (`tqt.tdp01`) attaches a photo to a
// figure while offline (a generated JPEG with a location in its EXIF, through the file input),
// reloads the page with no network (the shell from the service worker, the photo from IndexedDB),
// comes back online: the photo is uploaded by itself, and the officer (`tqt.canbo`) sees its
// thumbnail on the review page. The stored photo carries no location (the setting is off).
import type { Page } from 'playwright-core'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import type { Evidence } from '../../../src/shared/evidence'
import { apiSession, appUnderTest, DESKTOP, PHONE, row, signInAs, STEP_MS, syncLine } from './harness'

const COMMUNE = 'tqt'
const HEAD = 'tqt.tdp01'
const OFFICER = 'tqt.canbo'
const UNIT = 'TDP01'
const PERIOD = '2022-Q1'
const FIGURE = 'LUA_SL'

const app = appUnderTest()

/** A camera-like photo, 2000 × 1500, with the place it was taken in its EXIF. */
async function cameraPhoto(): Promise<Buffer> {
  const w = 2000
  const h = 1500
  const raw = Buffer.alloc(w * h * 3)
  for (let i = 0; i < w * h; i++) {
    const x = i % w
    const y = Math.floor(i / w)
    raw[i * 3] = (x * 255) / w
    raw[i * 3 + 1] = (y * 255) / h
    raw[i * 3 + 2] = (x ^ y) & 0xff
  }
  return sharp(raw, { raw: { width: w, height: h, channels: 3 } })
    .jpeg({ quality: 90 })
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 42600/1000', GPSLongitudeRef: 'E', GPSLongitude: '105/1 51/1 15120/1000' } })
    .toBuffer()
}

/** Signs the head in online once the service worker controls the page, and waits for the first sync. */
async function signInHead(page: Page): Promise<void> {
  await page.goto(app.url)
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor()
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: STEP_MS })
  await page.getByLabel('Tên đăng nhập').fill(HEAD)
  await page.getByLabel('Mật khẩu').fill('thidua2024')
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.getByRole('heading', { name: 'Báo cáo của tôi' }).waitFor()
  await syncLine(page).getByText('Đồng bộ lúc').waitFor()
}

const evidenceLine = (page: Page) => page.locator('header.app-bar [data-sync="evidence"]')

describe('evidence on the village head’s phone', () => {
  it('keeps a photo attached offline across a reload, uploads it once online, and the officer sees its thumbnail', async () => {
    const { context, page } = await app.contexts.open(PHONE)
    await signInHead(page)
    await page.getByRole('link', { name: /Quý 1\/2022/ }).click()
    await page.getByRole('heading', { name: /Quý 1\/2022/ }).waitFor()
    await row(page, FIGURE).waitFor()

    await context.setOffline(true)
    await syncLine(page).getByText('Không có mạng').waitFor()

    // The figure's "Minh chứng" (a lazy chunk, from the precache) opens its panel.
    await row(page, FIGURE).locator(`button[data-evidence="${FIGURE}"]`).click()
    const panel = row(page, FIGURE).locator('.evidence-panel')
    await panel.getByRole('heading', { name: 'Minh chứng' }).waitFor()
    expect(await panel.locator('input[data-setting="location"]').isChecked()).toBe(false)
    await panel.getByLabel('Chú thích (không bắt buộc)').fill('Cánh đồng lúa thôn 1')
    await panel.locator('input[data-pick="file"]').setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto() })
    const file = panel.locator('[data-file]')
    await expect.poll(async () => (await file.textContent()) ?? '', { timeout: STEP_MS, interval: 100 }).toContain('Chờ gửi')
    expect(await file.textContent()).toContain('Cánh đồng lúa thôn 1')
    await expect.poll(async () => (await evidenceLine(page).textContent()) ?? '', { timeout: STEP_MS, interval: 100 }).toBe('Minh chứng: 1 chờ gửi')

    // Reload with no network: the photo is still on the phone, waiting.
    const reload = await page.reload()
    expect(reload?.fromServiceWorker()).toBe(true)
    await row(page, FIGURE).waitFor()
    const toggle = row(page, FIGURE).locator(`button[data-evidence="${FIGURE}"]`)
    await expect.poll(async () => (await toggle.textContent())?.replace(/\s+/g, ' ').trim(), { timeout: STEP_MS, interval: 100 }).toMatch(/^📷 Minh chứng \(1\)/)
    await expect.poll(async () => (await evidenceLine(page).textContent()) ?? '', { timeout: STEP_MS, interval: 100 }).toBe('Minh chứng: 1 chờ gửi')
    await toggle.click()
    await expect.poll(async () => (await panel.locator('[data-file]').textContent()) ?? '', { timeout: STEP_MS, interval: 100 }).toContain('Chờ gửi')

    // Back online: uploaded by itself (the `online` event); it leaves the phone once the server confirmed it.
    await context.setOffline(false)
    await expect.poll(async () => (await panel.locator('[data-file]').textContent()) ?? '', { timeout: STEP_MS, interval: 200 }).toContain('Đã gửi')
    await expect.poll(() => evidenceLine(page).count(), { timeout: STEP_MS, interval: 100 }).toBe(0)
    const kept = await page.evaluate(
      () =>
        new Promise<{ state: string; blob: boolean }[]>((resolve, reject) => {
          const open = indexedDB.open('thidua-evidence')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const all = open.result.transaction('files').objectStore('files').getAll()
            all.onsuccess = () => resolve((all.result as { state: string; blob: unknown }[]).map((f) => ({ state: f.state, blob: f.blob !== null })))
            all.onerror = () => reject(all.error)
          }
        }),
    )
    expect(kept).toEqual([{ state: 'stored', blob: false }])

    // The server has it once, compressed on the phone, without its location.
    const officer = await apiSession(app.url, OFFICER)
    const list = (await (await officer('GET', `/api/communes/${COMMUNE}/evidence?unit=${UNIT}&period=${PERIOD}`)).json()) as { evidence: Evidence[] }
    expect(list.evidence).toHaveLength(1)
    const stored = list.evidence[0]!
    expect(stored).toMatchObject({ indicator: FIGURE, caption: 'Cánh đồng lúa thôn 1', type: 'image/jpeg', thumbnail: true, width: 1600, height: 1200 })
    const bytes = Buffer.from(await (await officer('GET', `/api/communes/${COMMUNE}/evidence/${stored.id}/file`)).arrayBuffer())
    expect((await sharp(bytes).metadata()).exif).toBeUndefined()

    // The officer's review page shows its thumbnail beside the figure.
    const office = await app.contexts.open(DESKTOP)
    await signInAs(office.page, app.url, OFFICER)
    await office.page.goto(`${app.url}/quan-ly/${COMMUNE}/duyet/${UNIT}/${PERIOD}`)
    const thumb = office.page.locator(`[data-evidence="${stored.id}"] img.evidence__thumb`)
    await thumb.waitFor()
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: STEP_MS, interval: 100 }).toBe(true)
    expect(app.contexts.problems).toEqual([])
  }, 240_000)
})
