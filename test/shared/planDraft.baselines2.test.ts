// Drafting a plan from its document (issue 13): one finder for the figure a target is measured from
// (a cut's baseline, a growth's baseValue), on hand-written sentences and tables in the language of
// commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { planHead, planWithList } from './planDraftText'

const HEAD = planHead('Tân Hòa Bắc', '7', '15 tháng 01', 2026)
const draft = (items: string[], intro?: string) => draftPlan(planWithList({ head: HEAD, year: 2026, items, ...(intro !== undefined ? { intro } : {}) }))
const target = (d: ReturnType<typeof draft>, words: RegExp) => d.indicators.find((i) => words.test(i.value.source ?? ''))?.value.target

describe('a table row named for the cut', () => {
  const review = 'Năm 2025, toàn xã còn 84 hộ nghèo, chiếm 3,74%; tỷ lệ hộ cận nghèo cuối năm 2025 còn 2,61%.'

  it('holds last year\'s cut in its last-year column, not a level: the start is the level the document states', () => {
    const d = draft([
      '| TT | Chỉ tiêu | ĐVT | Thực hiện 2025 | Kế hoạch 2026 |',
      '|---|---|---|---|---|',
      '| 1 | Giảm tỷ lệ hộ nghèo (theo chuẩn đa chiều) | % | 1,6 | 1,1 |',
      '| 2 | Tỷ lệ hộ cận nghèo giảm | % | 0,35 | 0,25 |',
    ], review)
    expect(target(d, /Giảm tỷ lệ hộ nghèo/u)).toMatchObject({ kind: 'reduce_by', amount: 1.1, baseline: 3.74 })
    expect(target(d, /cận nghèo giảm/u)).toMatchObject({ kind: 'reduce_by', amount: 0.25, baseline: 2.61 })
  })

  it('and none where the document states no level', () => {
    const d = draft([
      '| TT | Chỉ tiêu | Thực hiện 2025 | Kế hoạch 2026 |',
      '|---|---|---|---|',
      '| 1 | Tỷ lệ hộ nghèo giảm (%) | 1,45 | 1,1 |',
    ])
    const t = target(d, /hộ nghèo giảm/u)
    expect(t).toMatchObject({ kind: 'reduce_by', amount: 1.1 })
    expect(t && 'baseline' in t ? t.baseline : undefined).toBeUndefined()
  })

  it('while a row named for the level holds the level in that column', () => {
    const d = draft([
      '| TT | Chỉ tiêu | ĐVT | Thực hiện 2025 | Kế hoạch 2026 |',
      '|---|---|---|---|---|',
      '| 1 | Tỷ lệ hộ nghèo | % | 4,12 | Giảm 0,8 - 1 |',
    ])
    expect(target(d, /Tỷ lệ hộ nghèo/u)).toMatchObject({ kind: 'reduce_by', amount: 0.8, max: 1, baseline: 4.12 })
  })
})
