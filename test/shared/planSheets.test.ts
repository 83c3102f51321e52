// The plan as grids of text (src/shared/planSheets.ts), without a workbook: numbers, dates and
// labels both ways, and problems on the row and column they come from.
import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { PlanSchema } from '../../src/shared/model'
import { parseViNumber } from '../../src/shared/numbers'
import type { PlanBundle } from '../../src/shared/planImport'
import { bundleToGrids, columnLetter, fold, gridsToBundle, numberCell, parseDateText, SHEET_COLUMNS, SHEET_NAMES, templateGrids, type PlanGrids } from '../../src/shared/planSheets'

function bundle(): PlanBundle {
  const plan = v.parse(PlanSchema, {
    year: 2025,
    title: 'Kế hoạch thi đua 2025',
    fields: [{ code: '1', name: 'Kinh tế' }],
    indicators: [
      { code: 'VL', name: 'Việc làm mới', field: '1', unitOfMeasure: 'người', aggregation: 'flow', target: { kind: 'at_least', value: 270 }, reporters: { kinds: ['thon'] } },
      { code: 'HN', name: 'Hộ nghèo', field: '1', unitOfMeasure: 'hộ', aggregation: 'stock', target: { kind: 'reduce_by', amount: 15, relative: true, baseline: 120 }, reporters: { kinds: ['thon'] } },
    ],
  })
  return { plan, units: [{ code: 'T1', name: 'Thôn 1', kind: 'thon' }], periods: [] }
}

/** The grids with one cell changed, by column key. */
function withCell(grids: PlanGrids, sheet: keyof PlanGrids, code: string, key: string, text: string): PlanGrids {
  const col = SHEET_COLUMNS[sheet].findIndex((c) => c.key === key)
  const copy = structuredClone(grids)
  const row = copy[sheet].find((r) => r[1] === code)
  if (!row || col < 0) throw new Error(`${code} ${key}`)
  row[col] = text
  return copy
}

const letter = (sheet: keyof PlanGrids, key: string): string => columnLetter(SHEET_COLUMNS[sheet].findIndex((c) => c.key === key))

describe('cells', () => {
  it('writes numbers that parseViNumber reads back exactly, never the ambiguous three decimals', () => {
    for (const x of [0, 1, -1, 13.345, 0.345, 1448.5, 11327811000, 99.64, 0.000001, -7.25, 123456.789, 999_999_999_999_999, 0.1 + 0.2]) {
      const text = numberCell(x)
      const back = parseViNumber(text, { allowNegative: true })
      expect(back.ok, text).toBe(true)
      if (back.ok) expect(back.value).toBeCloseTo(x, 6)
    }
    expect(numberCell(13.345)).toBe('13,3450')
    expect(numberCell(1448.5)).toBe('1.448,5')
  })

  it('reads dates as dd/mm/yyyy, d/m/yyyy or ISO, and refuses impossible ones', () => {
    expect(parseDateText('30/06/2025')).toBe('2025-06-30')
    expect(parseDateText('1/7/2025')).toBe('2025-07-01')
    expect(parseDateText('2025-07-01')).toBe('2025-07-01')
    expect(parseDateText('31/02/2025')).toBeUndefined()
    expect(parseDateText('06/30/2025')).toBeUndefined()
  })

  it('folds case, accents, đ and spacing, and keeps labels apart', () => {
    expect(fold('Tổ dân phố')).toBe(fold('to_dan_pho'))
    expect(fold('Đạt / không đạt')).toBe(fold('dat/KHONG dat'))
    expect(fold('Không vượt quá / dưới')).not.toBe(fold('Đạt / không đạt'))
  })

  it('keeps sheet names within Excel’s 31 characters', () => {
    for (const name of Object.values(SHEET_NAMES)) expect(Array.from(name).length).toBeLessThanOrEqual(31)
  })
})

describe('grids', () => {
  it('round-trip a plan', () => {
    const b = bundle()
    const read = gridsToBundle(bundleToGrids(b))
    expect(read).toEqual({ ok: true, bundle: b, warnings: [] })
  })

  it('skip the template’s example rows', () => {
    const { grids, examples } = templateGrids(2025)
    expect(examples.indicators.length).toBeGreaterThan(0)
    const read = gridsToBundle(grids)
    expect(read.ok).toBe(false)
    if (!read.ok) expect(read.problems).toEqual([expect.objectContaining({ sheet: SHEET_NAMES.plan, column: 'C', message: expect.stringContaining('Tiêu đề') })])
  })

  it('put schema and plan problems on their row and column', () => {
    let g = bundleToGrids(bundle())
    g = withCell(g, 'indicators', 'VL', 'name', '')
    g = withCell(g, 'indicators', 'HN', 'value', '150')
    g = withCell(g, 'indicators', 'VL', 'reporters', 'thôn; xóm Mới')
    const read = gridsToBundle(g)
    expect(read.ok).toBe(false)
    if (read.ok) return
    const sheet = SHEET_NAMES.indicators
    expect(read.problems).toContainEqual({ sheet, row: 3, column: letter('indicators', 'name'), message: 'Tên: không được để trống' })
    expect(read.problems).toContainEqual({ sheet, row: 3, column: letter('indicators', 'reporters'), message: expect.stringContaining('“xóm Mới” không phải loại đơn vị') })
    expect(read.problems).toContainEqual({ sheet, row: 4, column: letter('indicators', 'value'), message: expect.stringContaining('không quá 100%') })
  })

  it('refuse an indicator in an unknown field and a unit target of an unknown indicator, located', () => {
    let g = bundleToGrids(bundle())
    g = withCell(g, 'indicators', 'VL', 'field', '9')
    g.units.push(SHEET_COLUMNS.units.map((c) => ({ rowType: 'Chỉ tiêu đơn vị', unit: 'T1', indicator: 'XX', kind: 'Đạt ít nhất', value: '3' })[c.key] ?? ''))
    const read = gridsToBundle(g)
    expect(read.ok).toBe(false)
    if (read.ok) return
    expect(read.problems).toContainEqual({ sheet: SHEET_NAMES.units, row: 3, column: letter('units', 'indicator'), message: expect.stringContaining('“XX”') })
  })

  it('report a wrong kind of a plan item and a bad date where they are', () => {
    const g = bundleToGrids(bundle())
    g.plan.push(SHEET_COLUMNS.plan.map((c) => ({ rowType: 'Đợt thi đua', code: 'D1', value: 'Đợt 1', from: '31/02/2025', to: '30/06/2025' })[c.key] ?? ''))
    g.plan.push(SHEET_COLUMNS.plan.map((c) => ({ rowType: 'Kỳ báo cáo', code: 'T1', periodKind: 'Tuần', from: '01/01/2025', to: '07/01/2025', deadline: '08/01/2025' })[c.key] ?? ''))
    const read = gridsToBundle(g)
    expect(read.ok).toBe(false)
    if (read.ok) return
    const rows = g.plan.length
    expect(read.problems).toContainEqual({ sheet: SHEET_NAMES.plan, row: rows - 1, column: letter('plan', 'from'), message: expect.stringContaining('không phải ngày hợp lệ') })
    expect(read.problems).toContainEqual({ sheet: SHEET_NAMES.plan, row: rows, column: letter('plan', 'periodKind'), message: expect.stringContaining('“Tuần”') })
  })
})
