// @vitest-environment node
// The ranking (issue 15, item 2) in Chromium, on the demo commune with its demo reports and a
// scoring table set through the API: at 360 px one card per unit and nothing wider than the
// screen; at 1280 px the table, without cards, and a unit's breakdown opens under its row.
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CommunePlan } from '../../../src/shared/api'
import { apiSession, appUnderTest, DEMO_YEAR, DESKTOP, PHONE, signInAs } from './harness'

const COMMUNE = 'tqt'
const OFFICER = 'tqt.canbo'

const app = appUnderTest({ demoReports: true })

beforeAll(async () => {
  const call = await apiSession(app.url, OFFICER)
  const current = (await (await call('GET', `/api/communes/${COMMUNE}/plan?year=${DEMO_YEAR}`)).json()) as CommunePlan
  // Rates and yes/no targets are levels every unit is judged on.
  const judged = current.plan.indicators.filter((i) => (i.aggregation === 'rate' || i.aggregation === 'yes_no') && i.target && !i.formula).slice(0, 4)
  const indicators = judged.map((i) => ({ indicator: i.code, points: 20 }))
  const scoring = { total: indicators.length * 20 + 10, indicators, partial: true, bonus: { perExceeded: 1, max: 3 }, deductions: { perLate: 1, perReturned: 1 }, criteria: [{ code: 'BC', name: 'Chấp hành chế độ báo cáo', max: 10 }] }
  const res = await call('PUT', `/api/communes/${COMMUNE}/plans/${DEMO_YEAR}`, { ...current.plan, scoring })
  if (!res.ok) throw new Error(`scoring table: ${res.status} ${await res.text()}`)
}, 600_000)

async function openRanking(viewport: { width: number; height: number }): Promise<Page> {
  const { page } = await app.contexts.open(viewport)
  await signInAs(page, app.url, OFFICER)
  await page.goto(`${app.url}/quan-ly/${COMMUNE}/tong-hop?nam=${DEMO_YEAR}&basis=all`)
  await page.locator('[data-test="ranking"] .ranking__note').waitFor()
  return page
}

describe('the ranking', () => {
  it('is one card per unit at 360 px, nothing wider than the screen', async () => {
    const page = await openRanking(PHONE)
    const cards = page.locator('[data-test="ranking-cards"] li.ranking__card')
    expect(await cards.count()).toBeGreaterThan(1)
    expect(await page.locator('[data-test="ranking-table"]').isVisible()).toBe(false)
    expect(await cards.first().locator('.ranking__badge').textContent()).toBe('Hạng 1')
    await cards.first().locator('summary').click()
    expect(await cards.first().locator('.ranking__indicators li').count()).toBeGreaterThan(0)
    const wide = await page.evaluate(() => {
      const width = document.documentElement.clientWidth
      return Array.from(document.querySelectorAll('[data-test="ranking"] *'))
        .filter((el) => el.getBoundingClientRect().right > width + 0.5)
        .map((el) => el.tagName)
    })
    expect(wide).toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
    expect(app.contexts.problems).toEqual([])
  }, 180_000)

  it('is a table at 1280 px, whose rows open their breakdown with the council’s scores', async () => {
    const page = await openRanking(DESKTOP)
    expect(await page.locator('[data-test="ranking-cards"]').isVisible()).toBe(false)
    const rows = page.locator('[data-test="ranking-table"] tbody tr[data-unit]')
    expect(await rows.count()).toBeGreaterThan(1)
    await rows.first().getByRole('button').click()
    const details = page.locator('[data-test="ranking-details"]')
    await details.waitFor()
    await details.locator('input[name="score-BC"]').fill('9,5')
    await details.locator('[data-test="save-scores"]').click()
    await details.getByText('Đã lưu điểm hội đồng.').waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(DESKTOP.width)
    expect(app.contexts.problems).toEqual([])
  }, 180_000)
})
