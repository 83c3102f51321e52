// @vitest-environment node
// Every main screen in Chromium (issue 14, acceptance), at 360 px and at 1280 px, on the demo
// commune with its demo reports: axe-core finds no WCAG 2.1 A/AA violation, and at 360 px nothing
// runs past the viewport's right edge (a strip that scrolls sideways on purpose excepted).
//   - the village head (tqt.tdp01): inbox, entry screen, its menu open, attention page, plan;
//   - the officer (tqt.canbo): dashboard, review queue and one report's review, completeness,
//     history, plan set-up, people, periods;
//   - the province's leader (quangngai.lanhdao): the province board;
//   - no one signed in: the sign-in page and an enrolment link.
// Screenshots are kept when asked (`SCREENSHOTS=/tmp/shots`).
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Enrolment, ReportSummary } from '../../../src/shared/api'
import { axeViolations, overflows } from './a11y'
import { apiSession, appUnderTest, DESKTOP, PHONE, signInAs } from './harness'

const COMMUNE = 'tqt'
const OFFICER = 'tqt.canbo'
const HEAD = 'tqt.tdp01'
const PROVINCE_VIEWER = 'quangngai.lanhdao'
const SHOTS = process.env.SCREENSHOTS

type Who = 'head' | 'officer' | 'province' | 'nobody'
const USERNAMES: Record<Exclude<Who, 'nobody'>, string> = { head: HEAD, officer: OFFICER, province: PROVINCE_VIEWER }

const app = appUnderTest({ demoReports: true })
let officerApi: Awaited<ReturnType<typeof apiSession>>
/** One signed-in page per person and screen width, opened on first use. */
const pages = new Map<string, Promise<Page>>()

beforeAll(async () => {
  officerApi = await apiSession(app.url, OFFICER)
  if (SHOTS) await mkdir(SHOTS, { recursive: true })
}, 600_000)

async function openAs(who: Who, viewport: { width: number; height: number }): Promise<Page> {
  const key = `${who}-${viewport.width}`
  let page = pages.get(key)
  if (!page) {
    page = (async () => {
      const { page } = await app.contexts.open(viewport)
      if (who === 'nobody') return page
      await signInAs(page, app.url, USERNAMES[who])
      return page
    })()
    pages.set(key, page)
  }
  return page
}

/** The screen is drawn: its heading is there, nothing says "loading" or "syncing" any more. */
async function settled(page: Page): Promise<void> {
  await page.locator('main h1, main h2').first().waitFor()
  await page.waitForLoadState('networkidle').catch(() => undefined)
  await expect.poll(() => page.evaluate(() => /Đang tải|Đang đồng bộ/.test(document.body.innerText)), { timeout: 30_000 }).toBe(false)
  await page.evaluate(() => document.fonts.ready)
  // Transitions (a panel that slides, a fading toast) end before the colours are measured.
  await page.waitForTimeout(300)
}

/** The first report waiting for review: the review page's address. */
async function waitingReport(): Promise<string> {
  const list = (await (await officerApi('GET', `/api/communes/${COMMUNE}/reports?status=submitted`)).json()) as ReportSummary[]
  const first = list[0]
  if (!first) throw new Error('the demo has no submitted report')
  return `/quan-ly/${COMMUNE}/duyet/${first.unit}/${first.period}`
}

/** A fresh enrolment link for one of the demo's village heads (not the one signed in here). */
async function enrolmentPath(): Promise<string> {
  const res = await officerApi('POST', `/api/communes/${COMMUNE}/users/tqt.tdp02/enrolment`, {})
  if (!res.ok) throw new Error(`enrolment: ${res.status} ${await res.text()}`)
  return `/kich-hoat/${((await res.json()) as Enrolment).token}`
}

interface Screen {
  name: string
  who: Who
  /** The screen's address, or how to reach it from the page (the entry screen: through the inbox). */
  open: (page: Page) => Promise<void>
}

const go = (path: string | (() => Promise<string>)) => async (page: Page) => {
  await page.goto(`${app.url}${typeof path === 'string' ? path : await path()}`)
}

const SCREENS: Screen[] = [
  { name: 'sign-in', who: 'nobody', open: go('/dang-nhap') },
  { name: 'enrolment', who: 'nobody', open: go(enrolmentPath) },
  { name: 'head-inbox', who: 'head', open: go('/') },
  {
    name: 'head-entry',
    who: 'head',
    open: async (page) => {
      await page.goto(`${app.url}/`)
      await page.locator('a.card').first().click()
      await page.locator('.entry__bar').waitFor()
    },
  },
  {
    name: 'head-menu-open',
    who: 'head',
    open: async (page) => {
      await page.goto(`${app.url}/`)
      await page.getByRole('button', { name: 'Menu' }).click()
      await page.locator('.account__panel').waitFor()
    },
  },
  { name: 'head-attention', who: 'head', open: go('/can-xu-ly') },
  { name: 'head-plan', who: 'head', open: go('/ke-hoach') },
  { name: 'officer-dashboard', who: 'officer', open: go(`/quan-ly/${COMMUNE}/tong-hop`) },
  { name: 'officer-review-queue', who: 'officer', open: go(`/quan-ly/${COMMUNE}/duyet`) },
  { name: 'officer-review-report', who: 'officer', open: go(waitingReport) },
  { name: 'officer-completeness', who: 'officer', open: go(`/quan-ly/${COMMUNE}/tien-do`) },
  { name: 'officer-history', who: 'officer', open: go(`/quan-ly/${COMMUNE}/lich-su`) },
  { name: 'officer-plan-setup', who: 'officer', open: go(`/quan-ly/${COMMUNE}/ke-hoach`) },
  { name: 'officer-people', who: 'officer', open: go(`/quan-ly/${COMMUNE}/don-vi`) },
  { name: 'officer-periods', who: 'officer', open: go(`/quan-ly/${COMMUNE}/ky-bao-cao`) },
  { name: 'province-board', who: 'province', open: async (page) => {
    await page.goto(`${app.url}/`)
    await page.waitForURL(/\/tinh\/[^/]+$/)
  } },
]

describe.each([
  { label: '360 px', viewport: PHONE },
  { label: '1280 px', viewport: DESKTOP },
])('every main screen at $label', ({ label, viewport }) => {
  it.each(SCREENS)(`$name: axe finds no violation${viewport === PHONE ? ', nothing wider than the phone' : ''}`, async (screen) => {
    const page = await openAs(screen.who, viewport)
    await screen.open(page)
    await settled(page)
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `screens-${screen.name}-${viewport.width}.png`), fullPage: true })
    const found = { violations: await axeViolations(page), overflows: viewport === PHONE ? await overflows(page) : [] }
    // Every finding by name, one a line (the diff of a long list is cut short).
    const lines = [...found.violations, ...found.overflows.map((o) => `overflow: ${o}`)]
    expect(lines, `${screen.name} at ${label}:\n${lines.join('\n')}\n`).toEqual([])
  }, 120_000)
})
