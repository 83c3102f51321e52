// @vitest-environment node
// The village head's phone end to end: Chromium (playwright-core) at 360×640 against the real
// server (`src/server/main.ts` on PGlite, demo communes) serving a fresh production build. The
// head of Tổ dân phố 1 (`tqt.tdp01`) reports for TDP01 in the demo commune `tqt` (plan year 2022);
// the officer `tqt.canbo` plays the commune's side, through the app or through the API. Each
// scenario uses a quarter of its own, so the four never touch the same cells.
import { gunzipSync } from 'node:zlib'
import type { CellChange } from '../../../src/shared/api'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ValueData } from '../../../src/shared/model'
import type { MutationOutcome, PulledValue, PullResponse, PushRequest, PushResponse } from '../../../src/shared/protocol'
import { apiSession, appUnderTest, PHONE, row, rowStatus, STEP_MS, syncLine, syncText, typeNumber } from './harness'

const COMMUNE = 'tqt'
const HEAD = 'tqt.tdp01'
const OFFICER = 'tqt.canbo'
const OFFICER_NAME = 'Lê Thị Thu Hà'
const UNIT = 'TDP01'

type Api = Awaited<ReturnType<typeof apiSession>>


const app = appUnderTest()
/** The officer's API client (outside the browser). */
let officer: Api

beforeAll(async () => {
  officer = await apiSession(app.url, OFFICER)
}, 600_000)

// ---------------------------------------------------------------------------
// The phone

/** Signs in online once the service worker controls the page, and waits for the first sync. */
async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(app.url)
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor()
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: STEP_MS })
  await page.getByLabel('Tên đăng nhập').fill(username)
  await page.getByLabel('Mật khẩu').fill('thidua2024')
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  if (username === OFFICER) {
    // An officer lands on the commune's workspace, not on a head's inbox.
    await page.waitForURL((url) => url.pathname.startsWith('/quan-ly/'))
    return
  }
  await page.getByRole('heading', { name: 'Báo cáo của tôi' }).waitFor()
  await syncLine(page).getByText('Đồng bộ lúc').waitFor()
}

/** Opens a quarter's entry screen from the inbox card. */
async function openQuarter(page: Page, quarter: number): Promise<void> {
  await page.getByRole('link', { name: new RegExp(`Quý ${quarter}/2022`) }).click()
  await page.getByRole('heading', { name: new RegExp(`Quý ${quarter}/2022`) }).waitFor()
}

/** Waits until the badge shows `n` changes waiting (none shown for 0). */
async function waitForWaiting(page: Page, n: number): Promise<void> {
  await expect.poll(() => syncText(page), { timeout: STEP_MS, interval: 100 }).toMatch(n === 0 ? /^(?!.*chờ gửi)/ : new RegExp(`· ${n} chờ gửi$`))
}

/** The "Cần xử lý" link of the badge (absent when nothing needs the user). */
const attentionLink = (page: Page) => page.locator('header.app-bar').getByRole('link', { name: /cần xử lý/ })


/** Waits for the row to say the value is saved on the device (its transaction committed). */
async function savedOnDevice(page: Page, indicator: string): Promise<void> {
  await rowStatus(page, indicator).getByText('Đã lưu trên máy').waitFor()
}

const inputValue = (page: Page, selector: string) => () => page.locator(selector).inputValue()

/** Presses the badge's "Đồng bộ ngay" (once no run is going on); callers wait for what the run brings. */
async function syncNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đồng bộ ngay' }).click()
}

// ---------------------------------------------------------------------------
// The server, seen by the officer

/** Every value the officer can pull for (unit, period), by indicator. */
async function serverValues(unit: string, period: string): Promise<Map<string, PulledValue>> {
  const found = new Map<string, PulledValue>()
  let cursor = 0
  for (let page = 0; page < 100; page++) {
    const res = await officer('GET', `/api/communes/${COMMUNE}/sync/pull?cursor=${cursor}`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as PullResponse
    for (const v of body.values) if (v.unit === unit && v.period === period) found.set(v.indicator, v)
    cursor = body.cursor
    if (!body.more) return found
  }
  throw new Error('the pull never caught up')
}

/** The audit trail of one cell, newest first. */
async function history(unit: string, period: string, indicator: string): Promise<CellChange[]> {
  const res = await officer('GET', `/api/communes/${COMMUNE}/history?unit=${unit}&period=${period}&indicator=${indicator}`)
  expect(res.status).toBe(200)
  return (await res.json()) as CellChange[]
}

const number = (value: number): ValueData => ({ kind: 'number', value })

// ---------------------------------------------------------------------------

describe('the village head’s phone against the real server', () => {
  it('keeps values typed offline across a reload, then sends each exactly once', async () => {
    const { context, page } = await app.contexts.open(PHONE)
    await signIn(page, HEAD)
    await openQuarter(page, 1)
    await row(page, 'LUA_SL').waitFor()

    await context.setOffline(true)
    await syncLine(page).getByText('Không có mạng').waitFor()

    // A number typed the Vietnamese way: dot for thousands, comma for the decimals.
    await typeNumber(page, 'LUA_SL', 'Sản lượng lúa (tấn)', '1.448,5')
    await savedOnDevice(page, 'LUA_SL')
    expect(await page.locator('#ind-LUA_SL-value').inputValue()).toBe('1.448,5')
    await typeNumber(page, 'NGO_SL', 'Sản lượng ngô (tấn)', '228')
    await savedOnDevice(page, 'NGO_SL')
    // A rate: numerator and denominator, the % shown as typed.
    await typeNumber(page, 'NUOC_SACH_TL', 'Số đạt (tử số)', '980')
    await typeNumber(page, 'NUOC_SACH_TL', 'Tổng số (mẫu số)', '1.020')
    await savedOnDevice(page, 'NUOC_SACH_TL')
    expect(await row(page, 'NUOC_SACH_TL').locator('output').textContent()).toBe('96,08%')
    // Yes/no with its note.
    const yesNo = row(page, 'CQ_TDP_VH')
    await yesNo.getByLabel('Ghi chú').fill('Được công nhận tổ dân phố văn hóa')
    await yesNo.getByLabel('Đạt', { exact: true }).check()
    await savedOnDevice(page, 'CQ_TDP_VH')
    await waitForWaiting(page, 4)

    // Reload with no network: the shell comes from the service worker, the values from IndexedDB.
    const reload = await page.reload()
    expect(reload?.fromServiceWorker()).toBe(true)
    await row(page, 'LUA_SL').waitFor()
    await expect.poll(inputValue(page, '#ind-LUA_SL-value'), { timeout: STEP_MS }).toBe('1.448,5')
    expect(await page.locator('#ind-NGO_SL-value').inputValue()).toBe('228')
    expect(await page.locator('#ind-NUOC_SACH_TL-value-num').inputValue()).toBe('980')
    expect(await page.locator('#ind-NUOC_SACH_TL-value-den').inputValue()).toBe('1.020')
    expect(await yesNo.getByLabel('Đạt', { exact: true }).isChecked()).toBe(true)
    expect(await yesNo.getByLabel('Ghi chú').inputValue()).toBe('Được công nhận tổ dân phố văn hóa')
    for (const code of ['LUA_SL', 'NGO_SL', 'NUOC_SACH_TL', 'CQ_TDP_VH']) expect(await rowStatus(page, code).textContent()).toContain('Chờ gửi')
    await waitForWaiting(page, 4)
    expect(await syncText(page)).toContain('Không có mạng')

    // Back online: the app syncs by itself (the `online` event).
    await context.setOffline(false)
    await waitForWaiting(page, 0)
    for (const code of ['LUA_SL', 'NGO_SL', 'NUOC_SACH_TL', 'CQ_TDP_VH']) await rowStatus(page, code).getByText('Đã gửi lên máy chủ').waitFor()
    expect(await attentionLink(page).count()).toBe(0)

    // The server has exactly these values, each written once.
    const expected: Record<string, ValueData> = {
      LUA_SL: number(1448.5),
      NGO_SL: number(228),
      NUOC_SACH_TL: { kind: 'ratio', numerator: 980, denominator: 1020 },
      CQ_TDP_VH: { kind: 'yes_no', achieved: true, note: 'Được công nhận tổ dân phố văn hóa' },
    }
    const values = await serverValues(UNIT, '2022-Q1')
    expect(Object.fromEntries([...values].map(([code, v]) => [code, v.value]))).toEqual(expected)
    const devices = new Set<string | null>()
    for (const code of Object.keys(expected)) {
      const changes = await history(UNIT, '2022-Q1', code)
      expect(changes, code).toHaveLength(1)
      expect(changes[0]!.new).toEqual({ value: expected[code], note: null })
      expect(changes[0]!.old).toBeNull()
      expect(changes[0]!.user?.username).toBe(HEAD)
      expect(changes[0]!.mutationId).toMatch(/\S/)
      devices.add(changes[0]!.deviceId)
    }
    expect(devices.size).toBe(1)
    expect(app.contexts.problems).toEqual([])
  }, 90_000)

  it('shows a conflict between two phones with both values, and settles on the one chosen', async () => {
    // The head on their phone and the officer on hers, both in TDP01's second quarter.
    const head = await app.contexts.open(PHONE)
    const other = await app.contexts.open(PHONE)
    await signIn(head.page, HEAD)
    await signIn(other.page, OFFICER)
    await openQuarter(head.page, 2)
    await other.page.goto(`${app.url}/nhap/${UNIT}/2022-Q2`)
    const label = 'Số người đi xuất khẩu lao động (người)'
    // Both start from the same synced state: the cell is empty on both, nothing waits.
    for (const { page } of [head, other]) {
      await row(page, 'XKLD').getByLabel(label, { exact: true }).waitFor()
      expect(await page.locator('#ind-XKLD-value').inputValue()).toBe('')
      await waitForWaiting(page, 0)
    }

    // The head types offline; meanwhile the officer types another figure, and it reaches the server.
    await head.context.setOffline(true)
    await typeNumber(head.page, 'XKLD', label, '12')
    await savedOnDevice(head.page, 'XKLD')
    await waitForWaiting(head.page, 1)
    await typeNumber(other.page, 'XKLD', label, '15')
    await savedOnDevice(other.page, 'XKLD')
    await syncNow(other.page)
    await rowStatus(other.page, 'XKLD').getByText('Đã gửi lên máy chủ').waitFor()
    await waitForWaiting(other.page, 0)
    expect((await serverValues(UNIT, '2022-Q2')).get('XKLD')?.value).toEqual(number(15))

    // The head syncs second: a conflict, on the cell and in the badge.
    await head.context.setOffline(false)
    await attentionLink(head.page).getByText('1 cần xử lý').waitFor()
    await row(head.page, 'XKLD').getByText('Số liệu này khác với số trên máy chủ').waitFor()
    expect(await head.page.locator('#ind-XKLD-value').isDisabled()).toBe(true)
    await waitForWaiting(head.page, 0)

    // "Cần xử lý" shows both values, the server's with who changed it.
    await attentionLink(head.page).click()
    await head.page.getByRole('heading', { name: 'Cần xử lý' }).waitFor()
    const item = head.page.locator('li.item--conflict').filter({ hasText: 'Số người đi xuất khẩu lao động' })
    await item.waitFor()
    const mine = item.locator('.both__side').filter({ hasText: 'Số của bạn' })
    const theirs = item.locator('.both__side').filter({ hasText: 'Số trên máy chủ' })
    expect(await mine.locator('.both__value').textContent()).toBe('12 người')
    expect(await theirs.locator('.both__value').textContent()).toBe('15 người')
    expect(await theirs.textContent()).toContain(OFFICER_NAME)

    // The head keeps their figure: a new change, based on the server's version, goes out.
    await item.getByRole('button', { name: 'Giữ số của tôi' }).click()
    await head.page.getByText('Đã giữ số của bạn').waitFor()
    // The conflict is gone from the list (figures saved with an un-noted warning may stay listed).
    await item.waitFor({ state: 'detached' })
    await syncNow(head.page)
    // The server holds the chosen value: the officer's change, then the head's on top of it.
    await expect.poll(async () => (await serverValues(UNIT, '2022-Q2')).get('XKLD')?.value, { timeout: STEP_MS, interval: 250 }).toEqual(number(12))
    await waitForWaiting(head.page, 0)
    expect(await attentionLink(head.page).count()).toBe(0)
    const changes = await history(UNIT, '2022-Q2', 'XKLD')
    expect(changes.map((c) => [c.user?.username, c.new?.value])).toEqual([
      [HEAD, number(12)],
      [OFFICER, number(15)],
    ])

    // Both phones agree once they sync.
    await syncNow(other.page)
    await expect.poll(inputValue(other.page, '#ind-XKLD-value'), { timeout: STEP_MS }).toBe('12')
    await rowStatus(other.page, 'XKLD').getByText('Đã gửi lên máy chủ').waitFor()
    await head.page.goto(`${app.url}/nhap/${UNIT}/2022-Q2`)
    await expect.poll(inputValue(head.page, '#ind-XKLD-value'), { timeout: STEP_MS }).toBe('12')
    expect(await head.page.locator('#ind-XKLD-value').isDisabled()).toBe(false)
    await rowStatus(head.page, 'XKLD').getByText('Đã gửi lên máy chủ').waitFor()
    expect(app.contexts.problems).toEqual([])
  }, 90_000)

  it('keeps an edit the locked period refused in view, with the officer’s reason', async () => {
    const { context, page } = await app.contexts.open(PHONE)
    await signIn(page, HEAD)
    await openQuarter(page, 3)
    const label = 'Số hộ nghèo (hộ)'
    await row(page, 'HN_SO').getByLabel(label, { exact: true }).waitFor()

    // The head types offline: the edit waits in the outbox.
    await context.setOffline(true)
    await typeNumber(page, 'HN_SO', label, '3')
    await savedOnDevice(page, 'HN_SO')
    await waitForWaiting(page, 1)

    // Meanwhile the officer locks the quarter.
    const reason = 'Đã tổng hợp gửi UBND thành phố'
    const lock = await officer('PATCH', `/api/communes/${COMMUNE}/periods/2022-Q3`, { locked: true, lockReason: reason })
    expect(lock.status).toBe(200)

    // Online again: the push is refused; the edit stays, with the reason, and needs the head.
    await context.setOffline(false)
    await attentionLink(page).getByText('1 cần xử lý').waitFor()
    await waitForWaiting(page, 0)
    const refused = `Kỳ báo cáo 2022-Q3 đã khóa: ${reason}`
    await row(page, 'HN_SO').getByText(`Máy chủ không nhận thay đổi này: ${refused}`).waitFor()
    expect(await page.locator('#ind-HN_SO-value').inputValue()).toBe('3')
    // The pull brought the lock: the screen is read-only and says why.
    await page.getByText(`Kỳ báo cáo đã khóa: ${reason}`).waitFor()
    expect(await page.locator('#ind-HN_SO-value').isDisabled()).toBe(true)

    // Still there after a reload, and in "Cần xử lý" with the reason.
    await page.reload()
    await expect.poll(inputValue(page, '#ind-HN_SO-value'), { timeout: STEP_MS }).toBe('3')
    await row(page, 'HN_SO').getByText(refused).waitFor()
    await attentionLink(page).click()
    const item = page.getByRole('listitem').filter({ hasText: 'Số hộ nghèo' })
    await item.getByText(`Máy chủ không nhận: ${refused}`).waitFor()
    await item.getByText('Thay đổi của bạn: 3 hộ').waitFor()

    // Nothing was written on the server for it.
    expect((await serverValues(UNIT, '2022-Q3')).has('HN_SO')).toBe(false)
    expect(await history(UNIT, '2022-Q3', 'HN_SO')).toEqual([])
    expect(app.contexts.problems).toEqual([])
  }, 90_000)

  it('retries a push whose answer was lost after the server committed it, without a duplicate', async () => {
    const { page } = await app.contexts.open(PHONE)
    await signIn(page, HEAD)
    await openQuarter(page, 4)
    const label = 'Diện tích lúa (ha)'
    await row(page, 'LUA_DT').getByLabel(label, { exact: true }).waitFor()

    // The first push carrying the edit reaches the server, which commits it; the phone never
    // hears back (the connection drops). Later pushes go through, their answers recorded.
    let dropped: { request: PushRequest; response: PushResponse } | undefined
    const later: { request: PushRequest; response: PushResponse }[] = []
    await page.route('**/api/communes/*/sync/push', async (route) => {
      // The push goes gzip-compressed (src/client/api.ts gzipBody): read as the server reads it.
      const sent = route.request()
      const bytes = sent.postDataBuffer() ?? Buffer.alloc(0)
      const request = JSON.parse((sent.headers()['content-encoding'] === 'gzip' ? gunzipSync(bytes) : bytes).toString('utf8')) as PushRequest
      const response = await route.fetch()
      const body = (await response.json()) as PushResponse
      if (!dropped && request.mutations.some((m) => m.kind === 'value' && m.indicator === 'LUA_DT')) {
        dropped = { request, response: body }
        await route.abort('connectionreset')
        return
      }
      later.push({ request, response: body })
      await route.fulfill({ response })
    })

    await typeNumber(page, 'LUA_DT', label, '57,3')
    await savedOnDevice(page, 'LUA_DT')
    // The app retries by itself (backoff after a network failure) until the outbox is empty.
    await waitForWaiting(page, 0)
    await rowStatus(page, 'LUA_DT').getByText('Đã gửi lên máy chủ').waitFor()
    await page.unroute('**/api/communes/*/sync/push')

    expect(dropped).toBeDefined()
    const sent = dropped!.request.mutations.find((m) => m.kind === 'value' && m.indicator === 'LUA_DT')!
    const first = dropped!.response.outcomes.find((o) => o.mutationId === sent.mutationId)
    expect(first?.status).toBe('applied')
    const version = (first as Extract<MutationOutcome, { status: 'applied' }>).version
    // The retry sent the same mutation again, and the server answered that it had it already.
    const retry = later.find((p) => p.request.mutations.some((m) => m.mutationId === sent.mutationId))
    expect(retry).toBeDefined()
    expect(retry!.response.outcomes.find((o) => o.mutationId === sent.mutationId)).toEqual({
      mutationId: sent.mutationId,
      status: 'duplicate',
      original: { mutationId: sent.mutationId, status: 'applied', version },
    })

    // The server shows the value once, at the version of the first push; no conflict on the phone.
    const stored = (await serverValues(UNIT, '2022-Q4')).get('LUA_DT')
    expect(stored?.value).toEqual(number(57.3))
    expect(stored?.version).toBe(version)
    const changes = await history(UNIT, '2022-Q4', 'LUA_DT')
    expect(changes).toHaveLength(1)
    expect(changes[0]!.mutationId).toBe(sent.mutationId)
    expect(await attentionLink(page).count()).toBe(0)
    await page.goto(`${app.url}/can-xu-ly`)
    await page.getByRole('heading', { name: 'Cần xử lý' }).waitFor()
    // No conflict, no rejection (an earlier scenario's figure with an un-noted warning may be listed).
    await page.locator('.unnoted, .empty').first().waitFor()
    expect(await page.locator('li.item, li.quarantine__item').count()).toBe(0)
    await waitForWaiting(page, 0)
    expect(app.contexts.problems).toEqual([])
  }, 90_000)
})
