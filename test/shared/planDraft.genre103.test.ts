// Drafting a plan from its document (issue 13): the rules added after held-out set 103, each on
// hand-written sentences in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { amountAggregation } from '../../src/shared/planDraft/lexicon'
import { bySource, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Tân Mỹ', '04', '15 tháng 01', 2026)
const draft = (items: string[], intro?: string) => draftPlan(planWithList({ head: HEAD, year: 2026, items, bare: true, ...(intro !== undefined ? { intro } : {}) }))

describe('a crop table with the measures as columns and a sum row of one crop', () => {
  const table = [
    '| Cây trồng | Diện tích (ha) | Năng suất (tạ/ha) | Sản lượng (tấn) |',
    '|---|---|---|---|',
    '| Lúa vụ Xuân | 620 | 65 | 4.030 |',
    '| Lúa vụ Mùa | 580 | 55 | 3.190 |',
    '| Cộng lúa cả năm | 1.200 | | 7.220 |',
    '| Ngô | 150 | 50 | 750 |',
  ]

  it('reads "Cộng lúa cả năm" as the sum of the seasons above it, area and output, with no yield of its own', () => {
    const d = draft(table)
    const sum = bySource(d, /Cộng lúa/u)
    expect(sum.map((i) => i.value.unitOfMeasure).sort()).toEqual(['ha', 'tấn'])
    const area = sum.find((i) => i.value.unitOfMeasure === 'ha')!.value
    const output = sum.find((i) => i.value.unitOfMeasure === 'tấn')!.value
    expect(area.target).toEqual({ kind: 'derived', value: 1200 })
    expect(output.target).toEqual({ kind: 'derived', value: 7220 })
    const code = (words: RegExp, unit: string) => bySource(d, words).find((i) => i.value.unitOfMeasure === unit)!.value.code
    expect(area.children).toEqual([code(/vụ Xuân/u, 'ha'), code(/vụ Mùa/u, 'ha')])
    expect(output.children).toEqual([code(/vụ Xuân/u, 'tấn'), code(/vụ Mùa/u, 'tấn')])
    expect(area.name).not.toMatch(/cộng/iu)
    // (The maize row after it is a crop of its own, no part of the sum.)
    expect(bySource(d, /^\|? ?Ngô/u).map((i) => i.value.target?.kind).sort()).toEqual(['at_least', 'at_least', 'derived'])
  })
})

describe('a cut of cases from last year, under a bold field label', () => {
  it('finds the count of last year in the review although the line opens on its label, and caps this year', () => {
    const d = draft(
      ['- **Trật tự an toàn giao thông:** số vụ tai nạn giao thông giảm ít nhất 03 vụ so với năm 2025.'],
      'Năm 2025, tình hình an ninh trật tự cơ bản ổn định; trên địa bàn xảy ra 09 vụ tai nạn giao thông, làm bị thương 11 người.',
    )
    const [cut] = bySource(d, /tai nạn giao thông giảm/u)
    expect(cut?.value).toMatchObject({ unitOfMeasure: 'vụ', aggregation: 'flow', target: { kind: 'at_most', value: 6, strict: false } })
  })
})

describe('rooms for guests', () => {
  it('counts "phòng" as a unit, rooms held as a level', () => {
    const d = draft(['- Số phòng nghỉ tại các khách sạn, nhà nghỉ trên địa bàn đạt 420 phòng trở lên.'])
    const [rooms] = bySource(d, /420 phòng/u)
    expect(rooms?.value).toMatchObject({ unitOfMeasure: 'phòng', aggregation: 'stock', target: { kind: 'at_least', value: 420 } })
  })
})

describe('"Giáo dục - đào tạo" as the label of a line', () => {
  it('takes the field\'s name for no training: pupils at the start of the school year stay a level', () => {
    const d = draft([
      'a) Giáo dục - đào tạo: số học sinh đầu năm học 2026 - 2027 đạt 2.140 học sinh.',
      'b) Giáo dục và đào tạo: số trẻ em đầu năm học 2026 - 2027 ra lớp đạt 610 trẻ.',
      'c) Lao động: đào tạo nghề cho 150 lao động nông thôn.',
    ])
    expect(bySource(d, /2\.140 học sinh/u)[0]?.value).toMatchObject({ aggregation: 'stock', target: { kind: 'at_least', value: 2140 } })
    expect(bySource(d, /610 trẻ/u)[0]?.value).toMatchObject({ aggregation: 'stock', target: { kind: 'at_least', value: 610 } })
    // (Training itself is done in the year.)
    expect(bySource(d, /150 lao động/u)[0]?.value).toMatchObject({ aggregation: 'flow', target: { kind: 'at_least', value: 150 } })
  })

  it("reads a 1 MB line of the field's name in linear time", () => {
    const long = `Số học sinh ${'giáo dục - đào tạo, '.repeat(50_000)}`
    // (Its time is measured by `npm run bench` beside the drafter's other long lines, not asserted here.)
    expect(amountAggregation(long, { before: long, after: long, unit: 'học sinh' })).toBeUndefined()
  })
})
