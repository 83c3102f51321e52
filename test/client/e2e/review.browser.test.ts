// @vitest-environment node
// The officer's review of one report in Chromium (issue 14 item 2), on the demo commune with its
// demo reports, at 1280 px and at 360 px:
//   - the decision bar (Duyệt / Trả lại) stays in view while the long report scrolls;
//   - the count of figures to check, at the top, goes to the first one;
//   - figures are shown with vi-VN rules, never with six decimals of a computed yield;
//   - after approving, the bar offers the next report waiting in the queue, which opens.
// Screenshots are kept when asked (`SCREENSHOTS=/tmp/shots`).
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ReportDetail } from '../../../src/shared/api'
import type { ReportSummary } from '../../../src/shared/api'
import { apiSession, appUnderTest, DESKTOP, PHONE, signInAs } from './harness'

const COMMUNE = 'tqt'
const OFFICER = 'tqt.canbo'
const SHOTS = process.env.SCREENSHOTS

const app = appUnderTest({ demoReports: true })
let officerApi: Awaited<ReturnType<typeof apiSession>>

beforeAll(async () => {
  officerApi = await apiSession(app.url, OFFICER)
  if (SHOTS) await mkdir(SHOTS, { recursive: true })
}, 600_000)

/** The submitted reports, the one with the most figures to check first. */
async function waitingReports(): Promise<{ unit: string; period: string; flagged: number; values: number }[]> {
  const list = (await (await officerApi('GET', `/api/communes/${COMMUNE}/reports?status=submitted`)).json()) as ReportSummary[]
  const out = []
  for (const r of list) {
    const d = (await (await officerApi('GET', `/api/communes/${COMMUNE}/reports/${r.unit}/${r.period}`)).json()) as ReportDetail
    const flagged = d.values.filter((v) => v.issues.length > 0 || d.issues.some((i) => i.refs[0] === v.indicator)).length
    out.push({ unit: r.unit, period: r.period, flagged, values: d.values.length })
  }
  return out.sort((a, b) => b.flagged - a.flagged || b.values - a.values)
}

async function signIn(viewport: { width: number; height: number }): Promise<Page> {
  const { page } = await app.contexts.open(viewport)
  await signInAs(page, app.url, OFFICER)
  return page
}

/** Whether the element is wholly inside the viewport. */
const inView = (page: Page, selector: string): Promise<boolean> =>
  page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect()
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight + 0.5 && r.left >= 0 && r.right <= window.innerWidth + 0.5
  })

async function reviewOne(viewport: { width: number; height: number }, name: string): Promise<void> {
  const waiting = await waitingReports()
  expect(waiting.length, 'the demo has at least two reports waiting').toBeGreaterThanOrEqual(2)
  const here = waiting[0]!
  const page = await signIn(viewport)
  await page.goto(`${app.url}/quan-ly/${COMMUNE}/duyet/${here.unit}/${here.period}`)
  await page.locator('#report-title').waitFor()
  await page.locator('.decision__approve').waitFor()
  // The browser's storage notice, read once, is put away (it sits above every screen until then).
  const understood = page.getByRole('button', { name: 'Đã hiểu' })
  if (await understood.isVisible()) await understood.click()

  // No computed figure with six decimals; vi-VN numbers.
  const figures = await page.locator('.value__figure').allTextContents()
  expect(figures.length).toBeGreaterThan(0)
  for (const f of figures) expect(f, f).not.toMatch(/,\d{3,}\s*(tạ\/ha|%|‰)/)

  if (SHOTS) await page.screenshot({ path: join(SHOTS, `review-${name}-top.png`) })
  // The bar is in view at the top of the page and still after scrolling through the report.
  expect(await inView(page, '.decision__approve')).toBe(true)
  expect(await inView(page, '.decision__return')).toBe(true)
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  expect(height).toBeGreaterThan(viewport.height)
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2))
  await page.waitForTimeout(100)
  expect(await inView(page, '.decision__approve')).toBe(true)
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `review-${name}-scrolled.png`) })
  await page.evaluate(() => window.scrollTo(0, 0))

  // The count at the top goes to the first figure to check, clear of the app bar.
  if (here.flagged > 0) {
    expect(await page.locator('.report__flags').textContent()).toContain(`${here.flagged} số liệu cần xem lại`)
    await page.locator('.report__flags-jump').click()
    const first = page.locator('.value__flag').first().locator('xpath=..')
    const id = await first.getAttribute('id')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(id)
    expect(await inView(page, `#${id} .value__name`)).toBe(true)
    expect(await page.locator(`#${id} .value__flag-mark`).textContent()).toContain(`Cần xem lại (1/${here.flagged})`)
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `review-${name}-first-warning.png`) })
  }

  // No element wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width)

  // Approve: the bar offers the next report waiting, which opens.
  await page.locator('.decision__approve').click()
  await page.locator('.decision__confirm').click()
  await page.locator('.decision__result').waitFor()
  const next = page.locator('.decision__next')
  await next.waitFor()
  expect(await inView(page, '.decision__next')).toBe(true)
  expect(await next.textContent()).toMatch(/^Báo cáo tiếp theo: .+, .+ →$/)
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `review-${name}-next.png`) })
  const href = await next.getAttribute('href')
  await next.click()
  await page.waitForURL((url) => url.pathname === href)
  await page.locator('.decision__approve').waitFor()
  expect(page.url()).not.toContain(`/duyet/${here.unit}/${here.period}`)
  expect(app.contexts.problems).toEqual([])
}

describe('the review of one report', () => {
  it('at 1280 px: a bar that stays, the count that jumps, the next report after approving', async () => {
    await reviewOne(DESKTOP, '1280')
  }, 120_000)

  it('at 360 px: the same on a phone', async () => {
    await reviewOne(PHONE, '360')
  }, 120_000)
})
