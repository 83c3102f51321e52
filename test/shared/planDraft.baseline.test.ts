// Drafting a plan from its document (issue 13): the figure a cut is measured from (a reduce_by's
// baseline), found where the document states it, on hand-written sentences and tables in the
// language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { quantityOf } from '../../src/shared/planDraft/lexicon'
import { bySource, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Hòa Bình Đông', '12', '20 tháng 01', 2026)
const draft = (items: string[], intro?: string) => draftPlan(planWithList({ head: HEAD, year: 2026, items, ...(intro !== undefined ? { intro } : {}) }))
const target = (d: ReturnType<typeof draft>, words: RegExp) => bySource(d, words)[0]?.value.target

describe('the quantity a cut is of', () => {
  it('names it without the measure, the standard or the period, and keeps a part of the commune', () => {
    expect(quantityOf('Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều)')).toEqual({ words: 'hộ nghèo', rate: true })
    expect(quantityOf('Số hộ cận nghèo trong năm')).toEqual({ words: 'hộ cận nghèo', rate: false })
    expect(quantityOf('Tỷ lệ hộ nghèo đồng bào dân tộc thiểu số')).toEqual({ words: 'hộ nghèo đồng bào dân tộc thiểu số', rate: true })
    expect(quantityOf('Tỷ lệ giảm nghèo: tỷ lệ hộ nghèo')).toEqual({ words: 'hộ nghèo', rate: true })
    // (One word is too vague to look for.)
    expect(quantityOf('Số vụ')).toBeUndefined()
  })
})

describe('a start stated in the target\'s own clause', () => {
  it('reads a bracket after the cut: a time, a verb or a colon, the figure in the unit of the target', () => {
    const d = draft([
      'Tỷ lệ hộ cận nghèo giảm 0,4% so với cuối năm 2025 (cuối năm 2025: 2,75%).',
      'Giảm ít nhất 15% số người nghiện ma túy so với đầu năm (đầu năm 2026 có 40 người).',
      'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân giảm 0,3% (năm 2025 là 7,9%).',
    ])
    expect(target(d, /cận nghèo giảm 0,4%/u)).toMatchObject({ kind: 'reduce_by', amount: 0.4, baseline: 2.75 })
    expect(target(d, /nghiện ma túy/u)).toMatchObject({ kind: 'reduce_by', amount: 15, relative: true, baseline: 40 })
    expect(target(d, /nhẹ cân/u)).toMatchObject({ kind: 'reduce_by', amount: 0.3, baseline: 7.9 })
    // (Where it came from, in the item's reasons.)
    expect(bySource(d, /cận nghèo giảm 0,4%/u)[0]?.reasons.join(' ')).toMatch(/mức xuất phát.*2,75%.*2,35%/u)
  })

  it('reads a table row\'s note', () => {
    const d = draft([
      '| TT | Chỉ tiêu | ĐVT | Kế hoạch năm 2026 | Ghi chú |',
      '|---|---|---|---|---|',
      '| 1 | Số hộ cận nghèo giảm trong năm | hộ | 11 | Cuối năm 2025 còn 73 hộ |',
      '| 2 | Tỷ lệ hộ nghèo giảm | % | 0,6 | Đầu năm 2026: 3,15% |',
    ])
    expect(target(d, /cận nghèo/u)).toMatchObject({ kind: 'reduce_by', amount: 11, baseline: 73 })
    expect(target(d, /Tỷ lệ hộ nghèo/u)).toMatchObject({ kind: 'reduce_by', amount: 0.6, baseline: 3.15 })
  })
})

describe('a start stated elsewhere in the document, for the year before the plan\'s', () => {
  const review = 'Năm 2025, kinh tế của xã tiếp tục phát triển; đến cuối năm, toàn xã còn 96 hộ nghèo, chiếm tỷ lệ 3,42%, số hộ cận nghèo là 118 hộ.'

  it('takes the review\'s count and rate, each for the same quantity', () => {
    const d = draft(['Tỷ lệ hộ nghèo giảm 0,9% so với cuối năm 2025.', 'Số hộ nghèo giảm ít nhất 16 hộ.', 'Số hộ cận nghèo giảm 20 hộ.'], review)
    expect(target(d, /Tỷ lệ hộ nghèo/u)).toMatchObject({ kind: 'reduce_by', amount: 0.9, baseline: 3.42 })
    expect(target(d, /Số hộ nghèo/u)).toMatchObject({ kind: 'reduce_by', amount: 16, baseline: 96 })
    expect(target(d, /Số hộ cận nghèo/u)).toMatchObject({ kind: 'reduce_by', amount: 20, baseline: 118 })
  })

  it('takes a rate whose time is in its own words', () => {
    const d = draft(['Giảm tỷ lệ hộ nghèo đa chiều 1,1%.'], 'Thu ngân sách đạt 112% dự toán; tỷ lệ hộ nghèo đa chiều đến cuối năm 2025 còn 6,25%.')
    expect(target(d, /Giảm tỷ lệ hộ nghèo/u)).toMatchObject({ kind: 'reduce_by', amount: 1.1, baseline: 6.25 })
  })

  it('takes a rate named without its measure, or the level a review\'s cut came down to', () => {
    const bare = draft(['Tỷ lệ hộ cận nghèo giảm 0,6%.', 'Giảm tỷ lệ hộ nghèo 0,4%.'], 'Kết quả năm 2025: hộ nghèo cuối năm còn 1,96%, hộ cận nghèo 3,08%.')
    expect(target(bare, /cận nghèo/u)).toMatchObject({ kind: 'reduce_by', amount: 0.6, baseline: 3.08 })
    expect(target(bare, /Giảm tỷ lệ hộ nghèo/u)).toMatchObject({ kind: 'reduce_by', amount: 0.4, baseline: 1.96 })
    const down = draft(['Giảm tỷ lệ hộ nghèo từ 3 - 4%.'], 'Trong năm 2025, tỷ lệ hộ nghèo giảm từ 29,4% xuống còn 25,8%, vượt kế hoạch.')
    expect(target(down, /Giảm tỷ lệ hộ nghèo/u)).toMatchObject({ kind: 'reduce_by', amount: 3, max: 4, baseline: 25.8 })
  })

  it('takes no figure of another year, of another quantity, of a part of the commune, nor one of two that disagree', () => {
    const otherYear = draft(['Tỷ lệ hộ nghèo giảm 0,9%.'], 'Cuối năm 2024, tỷ lệ hộ nghèo là 5,1%.')
    expect(target(otherYear, /Tỷ lệ hộ nghèo/u)).not.toHaveProperty('baseline')
    const nearPoor = draft(['Tỷ lệ hộ nghèo giảm 1%.'], 'Năm 2025, tỷ lệ hộ cận nghèo cuối năm còn 2,9%.')
    expect(target(nearPoor, /Tỷ lệ hộ nghèo/u)).not.toHaveProperty('baseline')
    const part = draft(['Số hộ nghèo giảm 10 hộ.'], 'Cuối năm 2025, trong đó 40 hộ nghèo đồng bào dân tộc thiểu số.')
    expect(target(part, /Số hộ nghèo/u)).not.toHaveProperty('baseline')
    const two = draft(['Tỷ lệ hộ nghèo giảm 0,5%.'], 'Năm 2025, tỷ lệ hộ nghèo còn 3,1%. Cuối năm 2025, tỷ lệ hộ nghèo theo chuẩn đa chiều là 4,2%.')
    expect(target(two, /Tỷ lệ hộ nghèo/u)).not.toHaveProperty('baseline')
    // (Nor this year's aim: "phấn đấu" before it.)
    const aim = draft(['Số hộ nghèo giảm 10 hộ.'], 'Năm 2026, phấn đấu toàn xã còn 60 hộ nghèo.')
    expect(target(aim, /Số hộ nghèo/u)).not.toHaveProperty('baseline')
  })

  it('reads a long line of the quantity\'s words repeated', () => {
    // (Its time is measured by `npm run bench`, not asserted here: each rule runs once over the text.)
    const d = draft(['Tỷ lệ hộ nghèo giảm 0,9%.'], `Năm 2025, ${'tỷ lệ hộ nghèo cuối năm '.repeat(20_000)}còn 3%.`)
    expect(target(d, /Tỷ lệ hộ nghèo giảm/u)).toMatchObject({ kind: 'reduce_by', amount: 0.9 })
  })
})
