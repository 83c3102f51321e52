// @vitest-environment node
// Onboarding a commune that is not in the demo, end to end in Chromium against the real server
// (`src/server/main.ts` on PGlite) serving this run's production build:
//   1. the province administrator (`quangngai.quantri`) adds Xã Nghĩa Hành on the province board
//      and creates its first officer, whose sign-in slip carries a one-time link;
//   2. the officer opens the link, sets a password, pastes the list of villages, sets up the
//      year's plan and creates the heads' accounts from a pasted list, with printed slips;
//   3. the head of Thôn An Thạch opens the slip's link on a phone (360×640), chooses a PIN, and is
//      signed in; reports offline, then online, and submits;
//   4. the officer approves the report in the review screen.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { CommunePlan } from '../../../src/shared/api'
import { apiSession, appUnderTest, DESKTOP, PHONE, row, rowStatus, STEP_MS, syncLine, typeNumber } from './harness'

const PROVINCE = 'quang-ngai'
const PROVINCE_ADMIN = 'quangngai.quantri'
const COMMUNE = 'nghia-hanh'
const OFFICER = 'nghiahanh.canbo'
const OFFICER_PASSWORD = 'can-bo-nghia-hanh'
const HEAD_PIN = '135790'
/** A new commune works in the present: its plan is this year's, its head reports the quarter under way. */
const NOW = new Date()
const YEAR = NOW.getFullYear()
const QUARTER = Math.floor(NOW.getMonth() / 3) + 1
const PERIOD = `${YEAR}-Q${QUARTER}`
const FLOW = 'LUA_SL'
const FLOW_LABEL = 'Sản lượng lúa (tấn)'

const app = appUnderTest()

/** The link printed on every slip of the page showing, by user name. */
async function slipLinks(page: Page): Promise<Map<string, string>> {
  const slips = page.locator('[data-test="slip"]')
  await slips.first().waitFor()
  const links = new Map<string, string>()
  for (const slip of await slips.all()) {
    const username = (await slip.getAttribute('data-username')) ?? ''
    const link = ((await slip.locator('[data-test="slip-link"]').textContent()) ?? '').trim()
    // Each slip carries its QR code (an image or an inline drawing), drawn once the code has loaded.
    await slip.locator('img, svg').first().waitFor()
    links.set(username, link)
  }
  return links
}

/** Opens an enrolment link and sets the password (or PIN) twice. */
async function enrol(page: Page, link: string, secret: string): Promise<void> {
  expect(link).toMatch(new RegExp(`^${app.url}/kich-hoat/[A-Za-z0-9_-]{43}$`))
  await page.goto(link)
  await page.locator('[data-test="pin"]').fill(secret)
  await page.locator('[data-test="pin-again"]').fill(secret)
  await page.locator('[data-test="enrol-submit"]').click()
  await page.waitForURL((url) => !url.pathname.startsWith('/kich-hoat/'))
}

describe('a new commune, from the province to its first approved report', () => {
  let officer: Page
  let headLink = ''

  it('1. the province administrator adds the commune and its first officer, with a sign-in slip', async () => {
    const { page } = await app.contexts.open(DESKTOP)
    await page.goto(`${app.url}/dang-nhap`)
    await page.getByLabel('Tên đăng nhập').fill(PROVINCE_ADMIN)
    await page.getByLabel('Mật khẩu').fill('thidua2024')
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await page.waitForURL(`${app.url}/tinh/${PROVINCE}`)
    await page.getByRole('heading', { name: /Các xã, phường của/ }).waitFor()

    await page.getByRole('button', { name: 'Thêm xã/phường' }).click()
    const form = page.locator('[data-test="commune-form"]')
    await form.getByLabel('Tên xã/phường').fill('Nghĩa Hành')
    await form.getByLabel('Loại').selectOption({ label: 'Xã' })
    await form.getByLabel(/Mã xã/).fill(COMMUNE)
    await form.getByLabel(/Mã đơn vị hành chính/).fill('51502')
    await form.getByRole('button', { name: 'Thêm xã/phường' }).click()
    const commune = page.locator(`tr.board__row[data-code="${COMMUNE}"]`)
    await commune.waitFor()
    expect(await commune.textContent()).toMatch(/Chưa có kế hoạch/)

    // The next step opens by itself: the commune's first officer.
    const officerForm = page.locator('[data-test="officer-form"]')
    await officerForm.getByLabel('Họ tên cán bộ').fill('Huỳnh Thị Lan')
    await officerForm.getByLabel('Tên đăng nhập').fill(OFFICER)
    await officerForm.getByRole('button', { name: 'Tạo tài khoản và in phiếu' }).click()
    const links = await slipLinks(page)
    expect([...links.keys()]).toEqual([OFFICER])
    const link = links.get(OFFICER)!

    // 2. The officer opens the slip's link on the office computer and chooses a password.
    ;({ page: officer } = await app.contexts.open(DESKTOP))
    await enrol(officer, link, OFFICER_PASSWORD)
    // The link worked once: opening it again says so.
    const { page: again } = await app.contexts.open(DESKTOP)
    await again.goto(link)
    await again.getByText(/đã được sử dụng/).waitFor()
  }, 300_000)

  it('2. the officer pastes the villages, sets up the plan and creates the heads’ accounts with slips', async () => {
    await officer.goto(`${app.url}/quan-ly/${COMMUNE}/don-vi`)
    const unitsForm = officer.locator('form').filter({ has: officer.locator('[data-test="units-paste"]') })
    await unitsForm.locator('[data-test="units-paste"]').fill('1. Thôn An Thạch\n2. Thôn Hiệp An\n')
    await unitsForm.getByLabel('Loại đơn vị').selectOption({ value: 'thon' })
    await unitsForm.getByRole('button', { name: 'Thêm 2 đơn vị' }).click()
    await officer.getByText('Đã thêm 2 đơn vị.').waitFor()

    await officer.goto(`${app.url}/quan-ly/${COMMUNE}/ke-hoach?nam=${YEAR}`)
    await officer.getByRole('button', { name: `Tạo kế hoạch năm ${YEAR}` }).click()
    await officer.getByLabel('Tên kế hoạch').fill(`Kế hoạch phát động phong trào thi đua năm ${YEAR}`)
    await officer.getByRole('button', { name: 'Tạo kế hoạch', exact: true }).click()
    await officer.getByText('Kế hoạch chưa có lĩnh vực nào').first().waitFor()
    await officer.getByLabel('Mã lĩnh vực').fill('KT')
    await officer.getByLabel('Tên lĩnh vực').fill('Kinh tế')
    await officer.getByRole('button', { name: 'Thêm lĩnh vực' }).click()
    await officer.getByText('Chưa có chỉ tiêu.').first().waitFor()
    await officer.getByRole('button', { name: /^Thêm chỉ tiêu/ }).first().click()
    const editor = officer.locator('form').filter({ has: officer.getByLabel('Mã chỉ tiêu') })
    await editor.getByLabel('Mã chỉ tiêu').fill(FLOW)
    await editor.getByLabel('Tên chỉ tiêu').fill('Sản lượng lúa')
    await editor.getByLabel('Đơn vị tính').fill('tấn')
    await editor.getByLabel('Cách tổng hợp').selectOption({ label: 'Cộng dồn (sản lượng, số tiền, số việc làm…)' })
    await editor.getByLabel('Loại chỉ tiêu').selectOption({ label: 'Đạt ít nhất' })
    await editor.getByLabel('Mức chỉ tiêu').fill('1.448,5')
    await editor.getByLabel('Thôn An Thạch', { exact: true }).check()
    await editor.getByLabel('Thôn Hiệp An', { exact: true }).check()
    await editor.getByRole('button', { name: 'Lưu chỉ tiêu' }).click()
    await officer.locator('form').filter({ has: officer.getByLabel('Mã chỉ tiêu') }).waitFor({ state: 'detached' })

    const officerApi = await apiSession(app.url, OFFICER, OFFICER_PASSWORD)
    const plan = (await (await officerApi('GET', `/api/communes/${COMMUNE}/plan?year=${YEAR}`)).json()) as CommunePlan
    expect(plan.plan.indicators).toEqual([expect.objectContaining({ code: FLOW, target: { kind: 'at_least', value: 1448.5 }, reporters: { kinds: [], units: ['an-thach', 'hiep-an'] } })])

    await officer.goto(`${app.url}/quan-ly/${COMMUNE}/don-vi`)
    const accountsForm = officer.locator('form').filter({ has: officer.locator('[data-test="accounts-paste"]') })
    await accountsForm.locator('[data-test="accounts-paste"]').fill('Nguyễn Văn An — Thôn An Thạch\nTrần Thị Bình — Thôn Hiệp An')
    await accountsForm.getByRole('button', { name: 'Tạo 2 tài khoản và in phiếu' }).click()
    await officer.waitForURL(`${app.url}/quan-ly/${COMMUNE}/phieu-dang-nhap`)
    const links = await slipLinks(officer)
    expect([...links.keys()].sort()).toEqual([`${COMMUNE}.an-thach`, `${COMMUNE}.hiep-an`])
    headLink = links.get(`${COMMUNE}.an-thach`)!
  }, 300_000)

  it('3. the head enrols from the slip on a phone, reports offline then online, and submits', async () => {
    const { context, page } = await app.contexts.open(PHONE)
    await enrol(page, headLink, HEAD_PIN)
    await page.getByRole('heading', { name: /Báo cáo của tôi/ }).waitFor()
    await syncLine(page).getByText('Đồng bộ lúc').waitFor()
    await page.getByRole('link', { name: new RegExp(`Quý ${QUARTER}/${YEAR}`) }).first().click()
    await row(page, FLOW).waitFor()

    const officerApi = await apiSession(app.url, OFFICER, OFFICER_PASSWORD)
    await context.setOffline(true)
    await syncLine(page).getByText('Không có mạng').waitFor()
    await typeNumber(page, FLOW, FLOW_LABEL, '612,5')
    await rowStatus(page, FLOW).getByText('Đã lưu trên máy').waitFor()
    const before = (await (await officerApi('GET', `/api/communes/${COMMUNE}/reports/an-thach/${PERIOD}`)).json()) as { values: { data: unknown }[] }
    expect(before.values.every((v) => v.data === null)).toBe(true)

    await context.setOffline(false)
    await rowStatus(page, FLOW).getByText('Đã gửi lên máy chủ').waitFor()
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click()
    await page.getByRole('dialog').getByRole('button', { name: /Gửi báo cáo/ }).click()
    await expect
      .poll(async () => ((await (await officerApi('GET', `/api/communes/${COMMUNE}/reports/an-thach/${PERIOD}`)).json()) as { status: string }).status, { timeout: STEP_MS })
      .toBe('submitted')
  }, 300_000)

  it('4. the officer reviews and approves it', async () => {
    await officer.goto(`${app.url}/quan-ly/${COMMUNE}/duyet`)
    await officer.getByRole('link', { name: /Thôn An Thạch/ }).first().click()
    await officer.locator(`#value-${FLOW}`).waitFor()
    expect(await officer.locator(`#value-${FLOW}`).textContent()).toMatch(/612,5/)
    await officer.getByRole('button', { name: 'Duyệt', exact: true }).click()
    await officer.getByRole('dialog').getByRole('button', { name: 'Duyệt', exact: true }).click()
    await officer.getByText('Đã duyệt báo cáo.').waitFor()
    const officerApi = await apiSession(app.url, OFFICER, OFFICER_PASSWORD)
    const detail = (await (await officerApi('GET', `/api/communes/${COMMUNE}/reports/an-thach/${PERIOD}`)).json()) as { status: string; values: { indicator: string; data: unknown }[] }
    expect(detail.status).toBe('approved')
    expect(detail.values.find((v) => v.indicator === FLOW)?.data).toEqual({ kind: 'number', value: 612.5 })
    expect(app.contexts.problems).toEqual([])
  }, 300_000)
})
