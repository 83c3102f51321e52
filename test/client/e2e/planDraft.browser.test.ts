// @vitest-environment node
// A year's plan drafted from the plan's own document, end to end in Chromium against the real
// server (`src/server/main.ts` on PGlite, demo communes) serving this run's production build:
//   1. the demo officer (`tqt.canbo`) opens the plan screen of a year with no plan and follows
//      "Soạn kế hoạch từ văn bản…";
//   2. pastes a short plan written here (targets of several kinds, and one figure the document
//      writes ambiguously: "13,345 tấn", thirteen point three or thirteen thousand?);
//   3. sees the draft beside the document, clicks an item and sees its sentence marked, cannot
//      accept the ambiguous figure until a reading is chosen, takes the certain items at once,
//      accepts the rest but one, which is dropped;
//   4. creates the plan: the import's preview, then the write, then the plan screen of the year
//      with the indicators; the server has the numbers as meant.
// The layout is checked on an office screen (1280 px: document and draft side by side) and on a
// phone (360 px: one column, the document folded, nothing wider than the screen).
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CommunePlan } from '../../../src/shared/api'
import { pdfOf } from '../../server/planDocuments'
import { apiSession, appUnderTest, DESKTOP, PHONE, signInAs } from './harness'

const COMMUNE = 'tqt'
const OFFICER = 'tqt.canbo'
/** The demo's plans are 2022's (DEMO_YEAR): the next year has none. */
const YEAR = 2023
/** Where to keep screenshots of the screen for a person to look at, when asked (`SCREENSHOTS=/tmp/shots`). */
const SHOTS = process.env.SCREENSHOTS

const PLAN_TEXT = `ỦY BAN NHÂN DÂN
XÃ TỊNH THIỆN
Số: 21/KH-UBND
Tịnh Thiện, ngày 10 tháng 01 năm ${YEAR}

KẾ HOẠCH
Phát động phong trào thi đua năm ${YEAR}

I. MỤC ĐÍCH, YÊU CẦU
Phát huy tinh thần yêu nước, thi đua hoàn thành các chỉ tiêu năm ${YEAR}.

II. CHỈ TIÊU THI ĐUA
1. Lĩnh vực kinh tế
- Tổng sản lượng lương thực đạt 1.448,5 tấn.
- Sản lượng thủy sản đạt 13,345 tấn.
- Thu ngân sách trên địa bàn tăng 10% so với năm ${YEAR - 1}.
2. Lĩnh vực văn hóa – xã hội
- Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%.
- Tỷ lệ hộ nghèo giảm 0,5%.
- Giữ vững xã đạt chuẩn quốc gia về y tế.

III. TỔ CHỨC THỰC HIỆN
Các thôn tổ chức thực hiện.

CHỦ TỊCH
Nguyễn Văn An`

const app = appUnderTest()

beforeAll(async () => {
  if (SHOTS) await mkdir(SHOTS, { recursive: true })
}, 600_000)

async function signIn(page: Page): Promise<void> {
  await signInAs(page, app.url, OFFICER)
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) })
}

/** The drafted item read from `sentence` (its own sentence is quoted in it). */
const itemOf = (page: Page, sentence: string) => page.locator('[data-item]').filter({ has: page.locator('blockquote', { hasText: sentence }) })

/** Pastes the plan and waits for its draft. */
async function pasteAndDraft(page: Page): Promise<void> {
  await page.getByLabel('Dán nội dung kế hoạch').fill(PLAN_TEXT)
  await page.getByRole('button', { name: 'Soạn từ nội dung đã dán' }).click()
  const failed = page.locator('[data-test="draft-input-error"]')
  await Promise.race([
    page.locator('[data-test="draft-review"]').waitFor(),
    failed.waitFor().then(async () => Promise.reject(new Error(`drafting failed: ${await failed.textContent()}`))),
  ])
}

/** Nothing on the page is wider than the window (no sideways scrolling). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

describe('a plan drafted from its document', () => {
  it('pastes the plan, checks the items against their sentences, resolves the ambiguous figure, creates the plan and sees it', async () => {
    const { page } = await app.contexts.open(DESKTOP)
    await signIn(page)
    await page.goto(`${app.url}/quan-ly/${COMMUNE}/ke-hoach?nam=${YEAR}`)
    const empty = page.getByRole('region', { name: `Chưa có kế hoạch năm ${YEAR}` })
    await empty.waitFor()

    // 1. From the empty year to the draft screen.
    await empty.getByRole('link', { name: 'Soạn kế hoạch từ văn bản…' }).click()
    await page.waitForURL((url) => url.pathname === `/quan-ly/${COMMUNE}/ke-hoach/soan-tu-van-ban` && url.searchParams.get('nam') === String(YEAR))
    await page.getByRole('heading', { name: `Soạn kế hoạch năm ${YEAR} từ văn bản` }).waitFor()

    // 2. The pasted plan, drafted.
    await pasteAndDraft(page)
    const doc = page.locator('[data-test="draft-document"]')
    await doc.getByText('Tỷ lệ hộ nghèo giảm 0,5%.').waitFor()

    // Side by side on an office screen: the document left, the draft right, nothing sideways.
    const docBox = (await doc.boundingBox())!
    const reviewBox = (await page.locator('[data-test="draft-review"]').boundingBox())!
    expect(docBox.x + docBox.width).toBeLessThanOrEqual(reviewBox.x)
    expect(Math.abs(docBox.y - reviewBox.y)).toBeLessThan(40)
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    await shot(page, 'draft-desktop-top')

    // 3. An item clicked: its sentence marked in the document, in view.
    const rice = itemOf(page, 'Tổng sản lượng lương thực đạt 1.448,5 tấn')
    await expect.poll(() => rice.locator('[data-test="target"]').textContent()).toBe('đạt 1.448,5 tấn trở lên')
    await rice.getByRole('button', { name: /Tổng sản lượng lương thực/ }).click()
    const mark = doc.locator('mark')
    await expect.poll(() => mark.textContent()).toMatch(/Tổng sản lượng lương thực đạt 1\.448,5 tấn/)
    const inView = async (): Promise<boolean> => {
      const m = await mark.boundingBox()
      const pane = await doc.locator('.doc__text').boundingBox()
      // Below the app's bar, which stays in view on a tall screen.
      const bar = await page.locator('header.app-bar').boundingBox()
      const top = bar ? bar.y + bar.height : 0
      return m !== null && pane !== null && m.y >= pane.y && m.y >= top && m.y + m.height <= pane.y + pane.height && m.y + m.height <= DESKTOP.height
    }
    await expect.poll(inView).toBe(true)
    await shot(page, 'draft-desktop')

    // The ambiguous figure: flagged with its reason, not acceptable, not taken by "every certain item".
    const fish = itemOf(page, 'Sản lượng thủy sản đạt 13,345 tấn')
    const ambiguous = fish.locator('[data-test="ambiguous"]')
    await ambiguous.getByText(/13,345/).first().waitFor()
    expect(await fish.getByRole('button', { name: 'Nhận', exact: true }).isDisabled()).toBe(true)
    await page.getByRole('button', { name: 'Nhận tất cả mục chắc chắn' }).click()
    await page.getByText(/^Đã nhận \d+ mục chắc chắn\.$/).waitFor()
    expect(await fish.getAttribute('data-decision')).toBe('pending')
    expect(await rice.getAttribute('data-decision')).toBe('accepted')

    // Far down the document: clicking it scrolls the pane, not the page.
    await fish.getByRole('button', { name: /Sản lượng thủy sản/ }).click()
    await expect.poll(() => mark.textContent()).toMatch(/13,345 tấn/)
    await expect.poll(inView).toBe(true)

    // The officer meant thirteen thousand three hundred forty-five tonnes.
    await ambiguous.getByLabel(/đạt 13\.345 tấn trở lên/).check()
    const acceptFish = fish.getByRole('button', { name: 'Nhận', exact: true })
    await expect.poll(() => acceptFish.isDisabled()).toBe(false)
    await acceptFish.click()
    await expect.poll(() => fish.getAttribute('data-decision')).toBe('accepted')
    expect(await fish.locator('[data-test="target"]').textContent()).toBe('đạt 13.345 tấn trở lên')

    // The qualitative goal is dropped; everything else still pending is accepted.
    await itemOf(page, 'Giữ vững xã đạt chuẩn quốc gia về y tế').getByRole('button', { name: 'Bỏ', exact: true }).click()
    const pendingAccept = page.locator('[data-item][data-decision="pending"]').getByRole('button', { name: 'Nhận', exact: true })
    while ((await pendingAccept.count()) > 0) {
      const next = pendingAccept.first()
      expect(await next.isDisabled()).toBe(false)
      await next.click()
    }
    expect(await page.locator('[data-item][data-decision="pending"]').count()).toBe(0)

    // 4. The plan: previewed by the import, then written, then the plan screen.
    await page.getByRole('button', { name: `Tạo kế hoạch năm ${YEAR} từ các mục đã nhận` }).click()
    const preview = page.locator('[data-test="import-preview"]')
    await preview.waitFor()
    expect(await preview.locator('[data-test="import-problem"]').count()).toBe(0)
    await preview.locator('[data-test="import-counts"]').getByText(/5 chỉ tiêu/).waitFor()
    expect(await preview.textContent()).toMatch(/đạt 13\.345 tấn trở lên/)
    await shot(page, 'draft-preview')
    await preview.getByRole('button', { name: 'Ghi kế hoạch' }).click()
    await page.waitForURL((url) => url.pathname === `/quan-ly/${COMMUNE}/ke-hoach` && url.searchParams.get('nam') === String(YEAR))
    await page.locator('#plan-setup-indicators').waitFor()
    for (const name of ['Tổng sản lượng lương thực', 'Sản lượng thủy sản', 'Thu ngân sách trên địa bàn', 'Tỷ lệ dân số tham gia bảo hiểm y tế', 'Tỷ lệ hộ nghèo']) {
      await page.locator('#plan-setup-indicators').locator('..').getByText(name, { exact: true }).first().waitFor()
    }
    expect(await page.getByRole('heading', { name: `Chưa có kế hoạch năm ${YEAR}` }).count()).toBe(0)

    const officerApi = await apiSession(app.url, OFFICER)
    const res = await officerApi('GET', `/api/communes/${COMMUNE}/plan?year=${YEAR}`)
    expect(res.status).toBe(200)
    const plan = ((await res.json()) as CommunePlan).plan
    expect(plan.year).toBe(YEAR)
    expect(plan.number).toBe('21/KH-UBND')
    expect(plan.issuedOn).toBe(`${YEAR}-01-10`)
    const targets = Object.fromEntries(plan.indicators.map((i) => [i.name, i.target]))
    expect(targets).toEqual({
      'Tổng sản lượng lương thực': { kind: 'at_least', value: 1448.5 },
      'Sản lượng thủy sản': { kind: 'at_least', value: 13345 },
      'Thu ngân sách trên địa bàn': { kind: 'growth', percent: 10, baseYear: YEAR - 1 },
      'Tỷ lệ dân số tham gia bảo hiểm y tế': { kind: 'rate_at_least', value: 95 },
      'Tỷ lệ hộ nghèo': { kind: 'reduce_by', amount: 0.5 },
    })
    expect(app.contexts.problems).toEqual([])
  }, 300_000)

  it('fits a phone: one column, the document folded until asked for', async () => {
    const { page } = await app.contexts.open(PHONE)
    await signIn(page)
    await page.goto(`${app.url}/quan-ly/${COMMUNE}/ke-hoach/soan-tu-van-ban?nam=${YEAR + 1}`)
    await page.getByRole('heading', { name: `Soạn kế hoạch năm ${YEAR + 1} từ văn bản` }).waitFor()
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    await pasteAndDraft(page)
    const doc = page.locator('[data-test="draft-document"]')
    // Folded: the draft comes first; one column, nothing sideways.
    expect(await doc.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false)
    const docBox = (await doc.boundingBox())!
    const reviewBox = (await page.locator('[data-test="draft-review"]').boundingBox())!
    expect(reviewBox.y).toBeGreaterThanOrEqual(docBox.y + docBox.height)
    expect(reviewBox.width).toBeLessThanOrEqual(PHONE.width)
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    await shot(page, 'draft-phone')

    // "Xem trong văn bản" opens the document at the item's sentence.
    const fish = itemOf(page, 'Sản lượng thủy sản đạt 13,345 tấn')
    await fish.getByRole('button', { name: 'Xem trong văn bản' }).click()
    await expect.poll(() => doc.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true)
    await expect.poll(() => doc.locator('mark').textContent()).toMatch(/13,345 tấn/)
    await expect
      .poll(async () => {
        const m = await doc.locator('mark').boundingBox()
        return m !== null && m.y >= 0 && m.y + m.height <= PHONE.height
      })
      .toBe(true)
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    await shot(page, 'draft-phone-document')
    expect(app.contexts.problems).toEqual([])
  }, 300_000)

  it('drafts from an uploaded PDF read by the server (its text layer), not only from pasted text', async () => {
    const { page } = await app.contexts.open(DESKTOP)
    await signIn(page)
    await page.goto(`${app.url}/quan-ly/${COMMUNE}/ke-hoach/soan-tu-van-ban?nam=${YEAR}`)
    await page.getByRole('heading', { name: `Soạn kế hoạch năm ${YEAR} từ văn bản` }).waitFor()
    // The same plan as a two-page PDF, the way a signed plan is usually sent.
    const lines = PLAN_TEXT.split('\n')
    const pdf = pdfOf([lines.slice(0, 14), lines.slice(14)])
    await page.locator('[data-test="draft-file"]').setInputFiles({ name: 'ke-hoach.pdf', mimeType: 'application/pdf', buffer: pdf })
    await page.locator('[data-test="draft-review"]').waitFor({ timeout: 120_000 })
    await page.locator('[data-test="draft-document"]').getByText('Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%').waitFor()
    await expect.poll(() => itemOf(page, 'Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%').count()).toBe(1)
    await expect.poll(() => itemOf(page, 'Sản lượng thủy sản đạt 13,345 tấn').count()).toBe(1)
    expect(app.contexts.problems).toEqual([])
  }, 300_000)
})
