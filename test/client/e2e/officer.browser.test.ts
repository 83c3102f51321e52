// @vitest-environment node
// The whole reporting cycle end to end, in Chromium (playwright-core) against the real server
// (`src/server/main.ts` on PGlite, demo communes) serving a fresh production build:
//   1. the commune officer (`tqt.canbo`, desktop) sets up a small plan for last year and creates
//      the account of the head of Tổ dân phố 3, in the officer's workspace;
//   2. the head (a phone, 360×640) signs in, reports offline, then online, and submits;
//   3. the officer returns the report with a reason and a comment on one value; the head sees
//      both, fixes the figure and submits again;
//   4. the officer approves it;
//   5. the dashboard shows the roll-ups: a rate is Σnumerator ÷ Σdenominator across units (never
//      the mean of their percentages), a flow the sum, each with its status at year end.
// Tổ dân phố 4's figures come in through the API (the officer typing a paper report), so that
// the roll-up has two units to combine.
import type { BrowserContext, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CommunePlan, PlanResults } from '../../../src/shared/api'
import type { PushRequest, PushResponse } from '../../../src/shared/protocol'
import { apiSession, appUnderTest, DESKTOP, PHONE, row, rowStatus, STEP_MS, syncLine, typeNumber } from './harness'

const COMMUNE = 'tqt'
const OFFICER = 'tqt.canbo'
const HEAD = 'tqt.tdp03'
const HEAD_NAME = 'Phạm Thị Cúc'
const HEAD_PIN = '246810'
/** Last year: every quarter has ended, so the dashboard's figures run to the year's end. */
const YEAR = new Date().getFullYear() - 1
const Q4 = `${YEAR}-Q4`
const RATE = 'BHYT_TL'
const FLOW = 'VL_MOI'

type Api = Awaited<ReturnType<typeof apiSession>>

const app = appUnderTest()
let officerApi: Api

beforeAll(async () => {
  officerApi = await apiSession(app.url, OFFICER)
}, 600_000)

async function signIn(page: Page, username: string, password: string, landing: RegExp): Promise<void> {
  await page.goto(`${app.url}/dang-nhap`)
  await page.getByLabel('Tên đăng nhập').fill(username)
  await page.getByLabel('Mật khẩu').fill(password)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.getByRole('heading', { name: landing }).first().waitFor()
}

async function json<T>(res: Promise<Response>): Promise<T> {
  const r = await res
  if (!r.ok) throw new Error(`${r.status} ${await r.text()}`)
  return (await r.json()) as T
}


describe('the commune’s reporting cycle, officer and village head', () => {
  let officer: Page
  let phone: { context: BrowserContext; page: Page }

  it('1. the officer sets up a small plan and creates the head’s account', async () => {
    ;({ page: officer } = await app.contexts.open(DESKTOP))
    await signIn(officer, OFFICER, 'thidua2024', /Báo cáo của tôi|Tổng hợp/)

    // A year without a plan: create it from scratch.
    await officer.goto(`${app.url}/quan-ly/${COMMUNE}/ke-hoach?nam=${YEAR}`)
    await officer.getByRole('button', { name: `Tạo kế hoạch năm ${YEAR}` }).click()
    await officer.getByLabel('Tên kế hoạch').fill(`Kế hoạch phát động phong trào thi đua năm ${YEAR} (thử)`)
    await officer.getByRole('button', { name: 'Tạo kế hoạch', exact: true }).click()
    await officer.getByText('Kế hoạch chưa có lĩnh vực nào').first().waitFor()

    await officer.getByLabel('Mã lĩnh vực').fill('VHXH')
    await officer.getByLabel('Tên lĩnh vực').fill('Văn hóa – xã hội')
    await officer.getByRole('button', { name: 'Thêm lĩnh vực' }).click()
    await officer.getByText('Chưa có chỉ tiêu.').first().waitFor()

    async function addIndicator(code: string, name: string, uom: string, aggregation: string, kind: string, value: string): Promise<void> {
      await officer.getByRole('button', { name: /^Thêm chỉ tiêu/ }).first().click()
      const editor = officer.locator('form').filter({ has: officer.getByLabel('Mã chỉ tiêu') })
      await editor.getByLabel('Mã chỉ tiêu').fill(code)
      await editor.getByLabel('Tên chỉ tiêu').fill(name)
      await editor.getByLabel('Đơn vị tính').fill(uom)
      await editor.getByLabel('Cách tổng hợp').selectOption({ label: aggregation })
      await editor.getByLabel('Loại chỉ tiêu').selectOption({ label: kind })
      await editor.getByLabel('Mức chỉ tiêu').fill(value)
      await editor.getByLabel('Tổ dân phố 3', { exact: true }).check()
      await editor.getByLabel('Tổ dân phố 4', { exact: true }).check()
      await editor.getByRole('button', { name: 'Lưu chỉ tiêu' }).click()
      await officer.locator('form').filter({ has: officer.getByLabel('Mã chỉ tiêu') }).waitFor({ state: 'detached' })
      await officer.getByText(name).first().waitFor()
    }
    await addIndicator(RATE, 'Tỷ lệ dân số tham gia bảo hiểm y tế', '%', 'Tỷ lệ (tử số / mẫu số)', 'Tỷ lệ đạt ít nhất', '80')
    await addIndicator(FLOW, 'Số người được tạo việc làm mới', 'người', 'Cộng dồn (sản lượng, số tiền, số việc làm…)', 'Đạt ít nhất', '100')

    // What the server holds is the plan as typed.
    const plan = await json<CommunePlan>(officerApi('GET', `/api/communes/${COMMUNE}/plan?year=${YEAR}`))
    expect(plan.plan.fields.map((f) => f.code)).toEqual(['VHXH'])
    expect(plan.plan.indicators).toEqual([
      expect.objectContaining({ code: RATE, aggregation: 'rate', target: { kind: 'rate_at_least', value: 80 }, reporters: { kinds: [], units: ['TDP03', 'TDP04'] } }),
      expect.objectContaining({ code: FLOW, aggregation: 'flow', target: { kind: 'at_least', value: 100 }, reporters: { kinds: [], units: ['TDP03', 'TDP04'] } }),
    ])

    // The year's quarters opened with the plan.
    await officer.goto(`${app.url}/quan-ly/${COMMUNE}/ky-bao-cao?nam=${YEAR}`)
    await officer.getByText(Q4).first().waitFor()

    // The head's account, bound to the unit, with a PIN.
    await officer.goto(`${app.url}/quan-ly/${COMMUNE}/don-vi`)
    await officer.getByRole('button', { name: 'Tạo tài khoản' }).first().click()
    const form = officer.locator('form').filter({ has: officer.getByLabel('Họ tên người dùng') })
    await form.getByLabel('Tên đăng nhập').fill(HEAD)
    await form.getByLabel('Họ tên người dùng').fill(HEAD_NAME)
    await form.getByLabel('Tổ dân phố 3', { exact: true }).check()
    await form.getByLabel('Mật khẩu hoặc mã PIN').fill(HEAD_PIN)
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click()
    await officer.getByText(`Đã tạo tài khoản “${HEAD}”`).waitFor()
  }, 120_000)

  it('2. the head reports offline, then online, and submits', async () => {
    phone = await app.contexts.open(PHONE)
    const { context, page } = phone
    await page.goto(app.url)
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: STEP_MS })
    await signIn(page, HEAD, HEAD_PIN, /Báo cáo của tôi/)
    await syncLine(page).getByText('Đồng bộ lúc').waitFor()
    await page.goto(`${app.url}/nhap/TDP03/${Q4}`)
    await row(page, RATE).waitFor()

    await context.setOffline(true)
    await syncLine(page).getByText('Không có mạng').waitFor()
    await typeNumber(page, RATE, 'Số đạt (tử số)', '45')
    await typeNumber(page, RATE, 'Tổng số (mẫu số)', '50')
    await typeNumber(page, FLOW, 'Số người được tạo việc làm mới (người)', '60')
    await rowStatus(page, RATE).getByText('Đã lưu trên máy').waitFor()
    await rowStatus(page, FLOW).getByText('Đã lưu trên máy').waitFor()
    // Nothing reached the server while offline.
    const before = await json<{ values: unknown[] }>(officerApi('GET', `/api/communes/${COMMUNE}/reports/TDP03/${Q4}`))
    expect(before.values.every((v) => (v as { data: unknown }).data === null)).toBe(true)

    await context.setOffline(false)
    await rowStatus(page, RATE).getByText('Đã gửi lên máy chủ').waitFor()
    await rowStatus(page, FLOW).getByText('Đã gửi lên máy chủ').waitFor()
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Gửi báo cáo' }).click()
    await expect.poll(async () => (await json<{ status: string }>(officerApi('GET', `/api/communes/${COMMUNE}/reports/TDP03/${Q4}`))).status, { timeout: STEP_MS }).toBe('submitted')
  }, 120_000)

  it('3. the officer returns it with a reason and a comment; the head fixes it and submits again', async () => {
    // Tổ dân phố 4's paper report, typed by the officer and approved: the second unit of the roll-up.
    const push: PushRequest = {
      deviceId: 'officer-desk-0001',
      mutations: [
        { kind: 'value', mutationId: 'tdp04-bhyt-0001', deviceId: 'officer-desk-0001', unit: 'TDP04', period: Q4, indicator: RATE, value: { kind: 'ratio', numerator: 60, denominator: 100 }, baseVersion: 0, clientTime: new Date().toISOString() },
        { kind: 'value', mutationId: 'tdp04-vlm-00001', deviceId: 'officer-desk-0001', unit: 'TDP04', period: Q4, indicator: FLOW, value: { kind: 'number', value: 50 }, baseVersion: 0, clientTime: new Date().toISOString() },
      ],
    }
    const pushed = await json<PushResponse>(officerApi('POST', `/api/communes/${COMMUNE}/sync/push`, push))
    expect(pushed.outcomes.map((o) => o.status)).toEqual(['applied', 'applied'])
    const report4 = await json<{ version: number }>(officerApi('GET', `/api/communes/${COMMUNE}/reports/TDP04/${Q4}`))
    const submitted = await json<PushResponse>(
      officerApi('POST', `/api/communes/${COMMUNE}/sync/push`, {
        deviceId: 'officer-desk-0001',
        mutations: [{ kind: 'report', mutationId: 'tdp04-submit-001', deviceId: 'officer-desk-0001', unit: 'TDP04', period: Q4, action: 'submit', baseVersion: report4.version, clientTime: new Date().toISOString() }],
      }),
    )
    expect(submitted.outcomes.map((o) => o.status)).toEqual(['applied'])
    await json(officerApi('POST', `/api/communes/${COMMUNE}/reports/TDP04/${Q4}/decision`, { action: 'approve' }))

    // The review queue lists the head's report; the officer opens it.
    await officer.goto(`${app.url}/quan-ly/${COMMUNE}/duyet`)
    await officer.getByRole('link', { name: /Tổ dân phố 3/ }).first().click()
    await officer.locator(`#value-${FLOW}`).waitFor()
    // "Trả lại…" opens the reason box; returning without a reason is refused on the spot.
    await officer.getByRole('button', { name: 'Trả lại…', exact: true }).click()
    await officer.getByRole('button', { name: 'Trả lại', exact: true }).click()
    await officer.getByText('Cần ghi lý do trả lại báo cáo.').waitFor()
    await officer.locator(`#value-${FLOW}`).getByRole('button', { name: /Nhận xét/ }).click()
    await officer.locator(`#comment-${FLOW}`).fill('Sổ theo dõi ghi 70 người, đề nghị kiểm tra lại.')
    await officer.getByLabel('Lý do trả lại (bắt buộc)').fill('Số việc làm mới chưa khớp sổ theo dõi của tổ.')
    await officer.getByRole('button', { name: 'Trả lại', exact: true }).click()
    await officer.getByText('Đã trả lại báo cáo cho đơn vị.').waitFor()

    // The phone learns it at its next sync: the reason, and the comment next to its value.
    const { page } = phone
    await page.reload()
    await row(page, FLOW).waitFor()
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click()
    await page.getByText('Số việc làm mới chưa khớp sổ theo dõi của tổ.').waitFor()
    await row(page, FLOW).getByText('Cán bộ xã nhận xét: Sổ theo dõi ghi 70 người, đề nghị kiểm tra lại.').waitFor()

    await typeNumber(page, FLOW, 'Số người được tạo việc làm mới (người)', '70')
    await rowStatus(page, FLOW).getByText('Đã gửi lên máy chủ').waitFor()
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Gửi báo cáo' }).click()
    await expect.poll(async () => (await json<{ status: string }>(officerApi('GET', `/api/communes/${COMMUNE}/reports/TDP03/${Q4}`))).status, { timeout: STEP_MS }).toBe('submitted')
  }, 120_000)

  it('4. the officer approves it', async () => {
    await officer.reload()
    await officer.locator(`#value-${FLOW}`).waitFor()
    await officer.getByRole('button', { name: 'Duyệt', exact: true }).click()
    await officer.getByRole('dialog').getByRole('button', { name: 'Duyệt', exact: true }).click()
    await officer.getByText('Đã duyệt báo cáo.').waitFor()
    const detail = await json<{ status: string; comments: Record<string, string> }>(officerApi('GET', `/api/communes/${COMMUNE}/reports/TDP03/${Q4}`))
    expect(detail).toMatchObject({ status: 'approved', comments: {} })
  }, 120_000)

  it('5. the dashboard rolls the two units up: Σnum ÷ Σden for the rate, the sum for the flow, with their status', async () => {
    // 45/50 (90 %) and 60/100 (60 %): 105/150 = 70 %, not the 75 % a mean of percentages gives.
    const results = await json<PlanResults>(officerApi('GET', `/api/communes/${COMMUNE}/results?year=${YEAR}`))
    const byCode = new Map(results.indicators.map((i) => [i.code, i]))
    expect(results.asOf?.period).toBe(Q4)
    expect(byCode.get(RATE)).toMatchObject({ numerator: 105, denominator: 150, status: 'failed' })
    expect(byCode.get(RATE)!.actual).toBeCloseTo(70, 10)
    expect(byCode.get(FLOW)).toMatchObject({ actual: 120, status: 'exceeded', reportedUnits: 2, expectedUnits: 2 })

    await officer.goto(`${app.url}/quan-ly/${COMMUNE}/tong-hop?nam=${YEAR}`)
    const rate = officer.locator(`tr[data-indicator="${RATE}"]`)
    const flow = officer.locator(`tr[data-indicator="${FLOW}"]`)
    await rate.waitFor()
    await expect.poll(async () => (await rate.locator('.dash-actual').textContent())?.replace(/\s+/g, ' ').trim(), { timeout: STEP_MS }).toMatch(/^70\s?%/)
    expect(await rate.textContent()).toMatch(/không đạt/i)
    expect(await rate.textContent()).not.toContain('75')
    expect((await flow.locator('.dash-actual').textContent())?.trim()).toMatch(/^120/)
    expect(await flow.textContent()).toMatch(/vượt/i)
    expect(app.contexts.problems).toEqual([])
  }, 120_000)
})
