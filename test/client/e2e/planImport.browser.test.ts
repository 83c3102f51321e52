// @vitest-environment node
// A year's plan from the Excel template, end to end in Chromium against the real server
// (`src/server/main.ts` on PGlite, demo communes) serving this run's production build:
//   1. the demo officer (`tqt.canbo`) opens the plan screen of a year with no plan and downloads
//      the blank template (the browser's own download of the page's button);
//   2. the test fills the template with ExcelJS, the way an officer fills it in Excel: a few
//      fields and indicators with vi-VN numbers ("1.448,5", "95%"), and one target typed
//      ambiguously ("13,345": thirteen thousand, or thirteen point three?);
//   3. the officer uploads it and sees the preview with exactly that one problem, named by sheet,
//      row and column; nothing can be written;
//   4. the test fixes the cell, the officer uploads the file again, writes it, and the plan is
//      there: the screen shows the indicators, and the server has the numbers as meant.
// The template's layout is read from the downloaded workbook (columns found by their header text),
// never from fixed letters.
import { readFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { CommunePlan } from '../../../src/shared/api'
import { apiSession, appUnderTest, DESKTOP, signInAs } from './harness'

const COMMUNE = 'tqt'
const OFFICER = 'tqt.canbo'
/** The demo's plans are 2022's (DEMO_YEAR): the next year has none. */
const YEAR = 2023
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const app = appUnderTest()

async function signIn(page: Page): Promise<void> {
  await signInAs(page, app.url, OFFICER)
}

// ---------------------------------------------------------------------------
// The template, read and filled as a person would: by its headers

/** Lower-case, accents and punctuation kept: header text as written, for matching by words. */
const norm = (s: string): string => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value
  if (v === null || v === undefined) return ''
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('')
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '')
  return String(cell.text ?? v)
}

interface Table {
  sheet: ExcelJS.Worksheet
  headerRow: number
  /** Column number by normalised header text. */
  columns: Map<string, number>
}

/** The sheet whose header row has every one of `wanted` (matched as parts of the header text). */
function findTable(wb: ExcelJS.Workbook, wanted: RegExp[]): Table {
  for (const sheet of wb.worksheets) {
    for (let r = 1; r <= Math.min(sheet.rowCount, 15); r++) {
      const columns = new Map<string, number>()
      sheet.getRow(r).eachCell((cell, col) => {
        const text = norm(cellText(cell))
        if (text) columns.set(text, col)
      })
      if (wanted.every((re) => [...columns.keys()].some((h) => re.test(h)))) return { sheet, headerRow: r, columns }
    }
  }
  throw new Error(`no sheet has the headers ${wanted.map(String).join(', ')}; sheets: ${wb.worksheets.map((s) => s.name).join(', ')}`)
}

/** The column whose header matches `re` (the first, in order). */
function col(t: Table, re: RegExp): number {
  for (const [h, c] of [...t.columns].sort((a, b) => a[1] - b[1])) if (re.test(h)) return c
  throw new Error(`sheet “${t.sheet.name}” has no column matching ${String(re)}; headers: ${[...t.columns.keys()].join(' | ')}`)
}

/** Where the ambiguous target went: what the preview must name. */
interface Spot {
  sheet: string
  row: number
  column: string
  cell: ExcelJS.Cell
}

const PLAN_TITLE = `Kế hoạch phát động phong trào thi đua năm ${YEAR}`

/** The last row with anything in it (ExcelJS counts formatted empty rows too). */
function lastUsedRow(t: Table): number {
  let last = t.headerRow
  t.sheet.eachRow((row, r) => {
    if (row.values && (row.values as unknown[]).some((v) => v !== null && v !== undefined && String(v).trim() !== '')) last = Math.max(last, r)
  })
  return last
}

/** Writes rows below the last one used, each as {header pattern → text}; returns the rows' numbers. */
function append(t: Table, rows: Array<Array<[RegExp, string]>>): number[] {
  let r = lastUsedRow(t)
  return rows.map((cells) => {
    r += 1
    for (const [header, text] of cells) t.sheet.getCell(r, col(t, header)).value = text
    return r
  })
}

/**
 * Fills the downloaded template as an officer would: the plan's title and number on the plan
 * sheet, a phase, a new unit, two fields and four indicators with vi-VN numbers; the jobs
 * target is typed `jobsTarget`. Returns the workbook and where that figure is.
 */
async function fillTemplate(template: Buffer, jobsTarget: string): Promise<{ wb: ExcelJS.Workbook; spot: Spot }> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(template as unknown as ArrayBuffer)

  // The plan sheet: one row per item ("Mục"), its value under "Nội dung".
  const plan = findTable(wb, [/^mục$/, /^nội dung$/, /^từ ngày$/])
  const item = col(plan, /^mục$/)
  const value = col(plan, /^nội dung$/)
  const itemRow = (name: string): number => {
    for (let r = plan.headerRow + 1; r <= lastUsedRow(plan); r++) if (norm(cellText(plan.sheet.getCell(r, item))) === norm(name)) return r
    throw new Error(`the plan sheet has no “${name}” row`)
  }
  expect(cellText(plan.sheet.getCell(itemRow('Năm'), value))).toBe(String(YEAR))
  plan.sheet.getCell(itemRow('Tiêu đề'), value).value = PLAN_TITLE
  plan.sheet.getCell(itemRow('Số hiệu'), value).value = `15/KH-UBND`
  append(plan, [
    [
      [/^mục$/, 'Đợt thi đua'],
      [/^mã$/, 'DOT1'],
      [/^nội dung$/, 'Đợt 1'],
      [/^từ ngày$/, `01/01/${YEAR}`],
      [/^đến ngày$/, `30/06/${YEAR}`],
    ],
  ])

  // The units sheet: one new unit the commune does not have yet.
  const units = findTable(wb, [/^mã đơn vị$/, /^tên đơn vị$/, /^loại đơn vị$/])
  append(units, [
    [
      [/^loại dòng$/, 'Đơn vị'],
      [/^mã đơn vị$/, 'TDP13'],
      [/^tên đơn vị$/, 'Tổ dân phố 13'],
      [/^loại đơn vị$/, 'tổ dân phố'],
    ],
  ])

  // Fields and indicators, below the template's example rows (which the reader skips).
  const ind = findTable(wb, [/^loại dòng$/, /^mã$/, /^tên$/, /^đơn vị tính$/, /^giá trị chỉ tiêu$/])
  const field = (code: string, name: string): Array<[RegExp, string]> => [
    [/^loại dòng$/, 'Lĩnh vực'],
    [/^mã$/, code],
    [/^tên$/, name],
  ]
  const indicator = (code: string, name: string, fieldCode: string, uom: string, aggregation: string, kind: string, target: string, reporters: string, scale = ''): Array<[RegExp, string]> => [
    [/^loại dòng$/, 'Chỉ tiêu'],
    [/^mã$/, code],
    [/^tên$/, name],
    [/^thuộc lĩnh vực$/, fieldCode],
    [/^đơn vị tính$/, uom],
    [/^cách tổng hợp$/, aggregation],
    ...(scale ? ([[/^thang tỷ lệ$/, scale]] as Array<[RegExp, string]>) : []),
    [/^loại chỉ tiêu$/, kind],
    [/^giá trị chỉ tiêu$/, target],
    [/^đơn vị báo cáo$/, reporters],
  ]
  const rows = append(ind, [
    field('KT', 'Kinh tế'),
    indicator('LUA_SL', 'Sản lượng lúa', 'KT', 'tấn', 'Cộng dồn', 'Đạt ít nhất', '1.448,5', 'tổ dân phố'),
    indicator('VL_MOI', 'Giải quyết việc làm mới', 'KT', 'người', 'Cộng dồn', 'Đạt ít nhất', jobsTarget, 'tổ dân phố; TDP13'),
    field('VH', 'Văn hóa – xã hội'),
    indicator('BHYT_TL', 'Tỷ lệ dân số tham gia BHYT', 'VH', '%', 'Tỷ lệ', 'Tỷ lệ đạt ít nhất', '95,5', 'trạm y tế', '%'),
    indicator('GDVH_TL', 'Tỷ lệ gia đình văn hóa', 'VH', '%', 'Tỷ lệ', 'Trong khoảng', '90 – 95', 'tổ dân phố', '%'),
  ])
  const row = rows[2]!
  const c = col(ind, /^giá trị chỉ tiêu$/)
  return { wb, spot: { sheet: ind.sheet.name, row, column: ind.sheet.getColumn(c).letter, cell: ind.sheet.getCell(row, c) } }
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe('a plan from the Excel template', () => {
  it('downloads the blank template, uploads it filled, sees the one ambiguous figure, fixes it and writes the plan', async () => {
    const { page } = await app.contexts.open(DESKTOP)
    await signIn(page)
    await page.goto(`${app.url}/quan-ly/${COMMUNE}/ke-hoach?nam=${YEAR}`)
    await page.getByRole('heading', { name: `Chưa có kế hoạch năm ${YEAR}` }).waitFor()
    // No plan yet: nothing of its own to download.
    expect(await page.getByRole('button', { name: 'Tải kế hoạch (Excel)' }).count()).toBe(0)

    // 1. The blank template, through the page's button and the browser's download.
    const downloaded = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Tải mẫu Excel trống' }).click()
    // A refused download shows its reason instead: fail with it rather than wait out the timeout.
    const refused = page.locator('[data-test="download-error"]')
    const download = await Promise.race([
      downloaded,
      refused.waitFor().then(
        async () => Promise.reject(new Error(`the template download failed: ${await refused.textContent()}`)),
        () => new Promise<never>(() => undefined),
      ),
    ])
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
    const template = await readFile((await download.path())!)
    expect(template.subarray(0, 2).toString('latin1')).toBe('PK')
    await page.getByText(/^Đã tải về tệp .*\.xlsx\.$/).waitFor()

    // 2.–3. Filled with one ambiguous figure: the preview names it, and only it.
    const { wb, spot } = await fillTemplate(template, '13,345')
    const fileInput = page.locator('input[type="file"][name="planFile"]')
    await fileInput.setInputFiles({ name: `ke-hoach-${YEAR}.xlsx`, mimeType: XLSX_TYPE, buffer: await bytesOf(wb) })
    const preview = page.locator('[data-test="import-preview"]')
    await preview.waitFor()
    const problems = preview.locator('[data-test="import-problem"]')
    await expect.poll(() => problems.count()).toBe(1)
    const cells = (await problems.first().locator('td').allTextContents()).map((s) => s.trim())
    expect(cells.slice(0, 3)).toEqual([spot.sheet, String(spot.row), spot.column])
    expect(cells[3]).toMatch(/13,345/)
    await preview.getByText(/Tệp có 1 lỗi nên sẽ không ghi gì/).waitFor()
    expect(await preview.getByRole('button', { name: 'Ghi kế hoạch' }).isDisabled()).toBe(true)

    // 4. Fixed (the officer meant thirteen thousand three hundred forty-five), chosen again, written.
    spot.cell.value = '13.345'
    await fileInput.setInputFiles({ name: `ke-hoach-${YEAR}.xlsx`, mimeType: XLSX_TYPE, buffer: await bytesOf(wb) })
    await expect.poll(() => preview.locator('[data-test="import-problem"]').count()).toBe(0)
    expect(await preview.locator('[data-test="import-counts"]').textContent()).toMatch(/2 lĩnh vực, 4 chỉ tiêu, 1 đợt thi đua/)
    expect(await preview.locator('[data-indicator="VL_MOI"]').textContent()).toMatch(/đạt 13\.345 người trở lên/)
    expect(await preview.locator('[data-indicator="LUA_SL"]').textContent()).toMatch(/đạt 1\.448,5 tấn trở lên/)
    expect(await preview.locator('[data-test="import-new-units"]').textContent()).toMatch(/Tổ dân phố 13/)
    const write = preview.getByRole('button', { name: 'Ghi kế hoạch' })
    expect(await write.isDisabled()).toBe(false)
    await write.click()
    await page.getByText(`Đã tạo kế hoạch năm ${YEAR} từ tệp.`).waitFor()

    // The screen read the plan again: its indicators are there, and its own downloads.
    await page.locator('#plan-setup-indicators').waitFor()
    expect(await page.getByRole('heading', { name: `Chưa có kế hoạch năm ${YEAR}` }).count()).toBe(0)
    await page.getByRole('button', { name: 'Tải kế hoạch (JSON)' }).waitFor()

    const officerApi = await apiSession(app.url, OFFICER)
    const res = await officerApi('GET', `/api/communes/${COMMUNE}/plan?year=${YEAR}`)
    expect(res.status).toBe(200)
    const plan = ((await res.json()) as CommunePlan).plan
    expect(plan.year).toBe(YEAR)
    expect(plan.title).toBe(PLAN_TITLE)
    expect(plan.fields.map((f) => f.code)).toEqual(['KT', 'VH'])
    const targets = Object.fromEntries(plan.indicators.map((i) => [i.code, i.target]))
    expect(targets).toEqual({
      LUA_SL: { kind: 'at_least', value: 1448.5 },
      VL_MOI: { kind: 'at_least', value: 13345 },
      BHYT_TL: { kind: 'rate_at_least', value: 95.5 },
      GDVH_TL: { kind: 'range', min: 90, max: 95 },
    })
    expect(plan.indicators.find((i) => i.code === 'VL_MOI')?.reporters).toEqual({ kinds: ['to_dan_pho'], units: ['TDP13'] })
    for (const name of ['Sản lượng lúa', 'Giải quyết việc làm mới', 'Tỷ lệ dân số tham gia BHYT', 'Tỷ lệ gia đình văn hóa']) {
      await page.locator('#plan-setup-indicators').locator('..').getByText(name, { exact: true }).first().waitFor()
    }
    expect(app.contexts.problems).toEqual([])
  }, 300_000)
})
