// @vitest-environment node
// The year-end path (issue 15, items 3–4) in Chromium, on the demo commune with its demo reports,
// a scoring table and two approved registrations set through the API: the ranking on the
// dashboard → bình xét (each line's qualification, the council's decisions) → the Tờ trình
// downloaded → the Quyết định recorded with its number and date, then downloaded → the unit's
// achievement record citing it. The Word files are read back (quốc hiệu, số ký hiệu, the list).
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import type { Download, Page } from 'playwright-core'

import { beforeAll, describe, expect, it } from 'vitest'
import type { CommunePlan } from '../../../src/shared/api'
import { axeViolations } from './a11y'
import { apiSession, appUnderTest, DEMO_YEAR, DESKTOP, PHONE, signInAs } from './harness'

const COMMUNE = 'tqt'
const OFFICER = 'tqt.canbo'
/** Where to keep screenshots for a person to look at, when asked (`SCREENSHOTS=/tmp/shots`). */
const SHOTS = process.env.SCREENSHOTS
const PERSON = 'Nguyễn Thị Hoa'

const app = appUnderTest({ demoReports: true })
let unit: { code: string; name: string }

beforeAll(async () => {
  const call = await apiSession(app.url, OFFICER)
  const ok = async (res: Promise<Response>, what: string): Promise<void> => {
    const r = await res
    if (!r.ok) throw new Error(`${what}: ${r.status} ${await r.text()}`)
  }
  const current = (await (await call('GET', `/api/communes/${COMMUNE}/plan?year=${DEMO_YEAR}`)).json()) as CommunePlan
  const judged = current.plan.indicators.filter((i) => (i.aggregation === 'rate' || i.aggregation === 'yes_no') && i.target && !i.formula).slice(0, 4)
  const indicators = judged.map((i) => ({ indicator: i.code, points: 20 }))
  const scoring = { total: indicators.length * 20, indicators, partial: true, criteria: [] }
  await ok(call('PUT', `/api/communes/${COMMUNE}/plans/${DEMO_YEAR}`, { ...current.plan, scoring }), 'scoring table')
  // A residential unit registers its village title and one person's title (the officer on its behalf), approved.
  const village = current.units.find((u) => u.active && (u.kind === 'thon' || u.kind === 'to_dan_pho'))!
  unit = { code: village.code, name: village.name }
  const content = { collective: ['TDPVH'], people: [{ name: PERSON, position: 'Tổ trưởng tổ phụ nữ', title: 'LDTT' }], pledges: '' }
  await ok(call('PUT', `/api/communes/${COMMUNE}/registrations/${DEMO_YEAR}/${unit.code}`, { action: 'submit', content }), 'registration')
  await ok(call('POST', `/api/communes/${COMMUNE}/registrations/${DEMO_YEAR}/${unit.code}/decision`, { action: 'approve' }), 'approval')
}, 600_000)

async function signIn(viewport: { width: number; height: number }): Promise<Page> {
  const { page } = await app.contexts.open(viewport)
  await signInAs(page, app.url, OFFICER)
  return page
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `commendation-${name}.png`), fullPage: true })
}

/** A download started by `click`, or the page's refusal as the failure. */
async function downloadOf(page: Page, click: () => Promise<void>): Promise<Download> {
  const started = page.waitForEvent('download')
  await click()
  const refused = page.locator('.docs .notice--error')
  return Promise.race([
    started,
    refused.waitFor().then(
      async () => Promise.reject(new Error(`the download failed: ${await refused.textContent()}`)),
      () => new Promise<never>(() => undefined),
    ),
  ])
}

/** The paragraphs of a downloaded .docx. */
async function docxText(d: Download): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile((await d.path())!))
  const xml = await zip.file('word/document.xml')!.async('string')
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).filter((t) => t !== '')
}

const lineOf = (page: Page, person: string | null) => page.locator(`[data-line="${unit.code}|${person === null ? 'TDPVH' : 'LDTT'}|${person ?? ''}"]`)

describe('the year-end path', () => {
  it('goes from the ranking to the evaluation, the proposal, the decision and the record', async () => {
    const page = await signIn(DESKTOP)
    // 1. The ranking, on the dashboard, leads on to the evaluation of its year.
    await page.goto(`${app.url}/quan-ly/${COMMUNE}/tong-hop?nam=${DEMO_YEAR}&basis=all`)
    await page.locator('[data-test="ranking"] .ranking__note').waitFor()
    await shot(page, 'ranking')
    await page.locator('[data-test="to-commendation"]').click()
    await page.waitForURL(`**/quan-ly/${COMMUNE}/binh-xet/${DEMO_YEAR}`)

    // 2. Bình xét: each registered line with its criteria; the year has ended, no confirmation asked.
    const village = lineOf(page, null)
    await village.waitFor()
    expect(await page.locator('[data-test="year-open"]').count()).toBe(0)
    expect(await village.locator('.commend__checks li').count()).toBeGreaterThanOrEqual(3)
    expect(await village.locator('.commend__checks').textContent()).toContain('Đăng ký đúng hạn')
    await village.locator('select[name="council"]').selectOption('yes')
    await village.locator('select[name="decision"]').selectOption('approved')
    await village.getByRole('button', { name: 'Lưu' }).click()
    await village.getByText('Đã lưu.').waitFor()
    const person = lineOf(page, PERSON)
    await person.locator('select[name="council"]').selectOption('yes')
    await person.locator('select[name="decision"]').selectOption('approved')
    await person.locator('input[name="award"]').fill('Giấy khen của Chủ tịch UBND phường')
    await person.getByRole('button', { name: 'Lưu' }).click()
    await person.getByText('Đã lưu.').waitFor()
    await expect.poll(async () => village.locator('.commend__checks').textContent()).toContain('Hội đồng')
    await shot(page, 'evaluation')
    expect(await axeViolations(page)).toEqual([])

    // 3. The Tờ trình, downloaded with its number and date.
    const proposal = page.locator('[data-test="proposal"]')
    await proposal.locator('input[name="proposal-number"]').fill('05')
    await proposal.locator('input[name="proposal-date"]').fill(`${Number(DEMO_YEAR) + 1}-01-05`)
    const toTrinh = await downloadOf(page, () => proposal.getByRole('button', { name: 'Tải Tờ trình (Word)' }).click())
    expect(toTrinh.suggestedFilename()).toMatch(/\.docx$/)
    const proposalText = await docxText(toTrinh)
    expect(proposalText).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(proposalText).toContain('Số: 05/TTr-UBND')
    expect(proposalText).toContain(PERSON)

    // 4. The Quyết định: recorded with its number, date and signer, then downloaded.
    const decision = page.locator('[data-test="decision"]')
    await decision.locator('input[name="decision-number"]').fill('12')
    await decision.locator('input[name="decision-date"]').fill(`${Number(DEMO_YEAR) + 1}-01-10`)
    await decision.locator('input[name="decision-signer"]').fill('Trương Thanh Thảo')
    // A draft first, with the number and date typed, before anything is recorded.
    const draft = await downloadOf(page, () => decision.locator('[data-test="draft-decision"]').click())
    expect(await docxText(draft)).toContain('Số: 12/QĐ-UBND')
    await decision.getByRole('button', { name: 'Ghi quyết định' }).click()
    await page.getByText('Đã ghi Quyết định số 12/QĐ-UBND.').waitFor()
    await village.getByText(/Đã khen thưởng theo Quyết định số 12\/QĐ-UBND ngày 10\/01\/\d{4}/).waitFor()
    const decisions = page.locator('[data-test="decisions"] li')
    expect(await decisions.count()).toBe(1)
    const quyetDinh = await downloadOf(page, () => decisions.first().getByRole('button', { name: 'Tải Quyết định (Word)' }).click())
    const decisionText = await docxText(quyetDinh)
    expect(decisionText).toContain('Số: 12/QĐ-UBND')
    expect(decisionText).toContain(unit.name)
    expect(decisionText).toContain('Giấy khen của Chủ tịch UBND phường')
    expect(decisionText).toContain('Trương Thanh Thảo')
    await shot(page, 'decision')

    // 5. The unit's achievement record cites the decision.
    await page.getByRole('link', { name: 'Hồ sơ thành tích' }).click()
    await page.locator('[data-test="achievements"] select[name="unit"]').selectOption(unit.code)
    const entries = page.locator('[data-test="unit-entries"] tbody tr')
    await entries.first().waitFor()
    expect(await entries.first().textContent()).toMatch(/Số 12\/QĐ-UBND ngày 10\/01\/\d{4}/)
    await page.locator('input[name="person"]').fill('hoa')
    await page.getByRole('button', { name: 'Tìm' }).click()
    await page.locator('[data-test="person-record"]').getByText(PERSON).waitFor()
    await shot(page, 'records')
    expect(await axeViolations(page)).toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(DESKTOP.width)
    expect(app.contexts.problems).toEqual([])
  }, 300_000)

  it('fits a 360 px screen: one card per line, nothing wider than the screen', async () => {
    const page = await signIn(PHONE)
    await page.goto(`${app.url}/quan-ly/${COMMUNE}/binh-xet/${DEMO_YEAR}`)
    await lineOf(page, null).waitFor()
    const wide = await page.evaluate(() => {
      const width = document.documentElement.clientWidth
      return Array.from(document.querySelectorAll('[data-test="commendation"] *'))
        .filter((el) => el.getBoundingClientRect().right > width + 0.5)
        .map((el) => `${el.tagName}.${el.className}`)
    })
    expect(wide).toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
    await shot(page, 'phone')
    expect(await axeViolations(page)).toEqual([])
    expect(app.contexts.problems).toEqual([])
  }, 180_000)
})
