// Drafting a plan from its document (issue 13): a count of reporting units holding a title or a
// standard, stated by its subject without "trở lên" ("Số thôn đạt danh hiệu …: 12 thôn"), is a count
// to reach; the same count describing the commune ("Toàn xã có 12 thôn") is none. Hand-written
// sentences in the language of commune plans.
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { QUANTITY_RE } from '../../src/shared/planDraft/lexicon'
import { planHead, planWithList } from './planDraftText'

const HEAD = planHead('Đông Hòa', '14', '10 tháng 01', 2026)
const draft = (items: string[], intro?: string) => draftPlan(planWithList({ head: HEAD, year: 2026, items, bare: true, ...(intro ? { intro } : {}) }))
const UNITS = /^(?:thôn|bản|ấp|tổ dân phố|khu phố|thôn, bản)$/u
const counts = (d: ReturnType<typeof draft>) =>
  d.indicators.filter((i) => UNITS.test(i.value.unitOfMeasure)).map((i) => [i.value.name, i.value.target, i.value.unitOfMeasure, i.value.aggregation])

describe('a count of titled units named by its subject, without "trở lên"', () => {
  it('reads "Số <units> đạt / được công nhận / <title>: N <units>" as at least N, the titled ones a level, the new ones a flow', () => {
    const d = draft([
      '1. Số tổ dân phố đạt danh hiệu “Tổ dân phố văn hóa”: 15 tổ dân phố.',
      '2. Số ấp văn hóa 9 ấp.',
      '3. Số bản được công nhận bản nông thôn mới kiểu mẫu (tăng thêm): 02 bản.',
      '4. Số thôn, bản giữ vững chuẩn nông thôn mới: 6 thôn, bản.',
      '5. Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa” đạt 92% trở lên.',
    ])
    expect(counts(d)).toEqual([
      ['Số tổ dân phố đạt danh hiệu “Tổ dân phố văn hóa”', { kind: 'at_least', value: 15 }, 'tổ dân phố', 'stock'],
      ['Số ấp văn hóa', { kind: 'at_least', value: 9 }, 'ấp', 'stock'],
      ['Số bản được công nhận bản nông thôn mới kiểu mẫu (tăng thêm)', { kind: 'at_least', value: 2 }, 'bản', 'flow'],
      ['Số thôn, bản giữ vững chuẩn nông thôn mới', { kind: 'at_least', value: 6 }, 'thôn, bản', 'stock'],
    ])
    expect(d.indicators.filter((i) => i.value.target?.kind === 'yes_no')).toEqual([])
  })

  it('reads it on a dot-leader line and in a clause of its own', () => {
    const d = draft(['- Số khu phố đạt danh hiệu “Khu phố văn hóa” .............. 11 khu phố', '- Thu ngân sách trên địa bàn đạt 14,5 tỷ đồng; số thôn đạt chuẩn văn hóa 8 thôn.'])
    expect(counts(d)).toEqual([
      ['Số khu phố đạt danh hiệu “Khu phố văn hóa”', { kind: 'at_least', value: 11 }, 'khu phố', 'stock'],
      ['Số thôn đạt chuẩn văn hóa', { kind: 'at_least', value: 8 }, 'thôn', 'stock'],
    ])
  })

  it('reads a table row whose name is the subject and whose plan cell counts the units', () => {
    const d = draft([
      '| TT | Chỉ tiêu | Thực hiện năm 2025 | Kế hoạch năm 2026 |',
      '|---|---|---|---|',
      '| 1 | Số thôn đạt danh hiệu thôn văn hóa | 10 thôn | 11 thôn |',
      '| 2 | Số thôn toàn xã | 12 thôn | 12 thôn |',
      '| 3 | Tỷ lệ hộ nghèo | 2,4% | 1,9% |',
    ])
    expect(counts(d)).toEqual([['Số thôn đạt danh hiệu thôn văn hóa', { kind: 'at_least', value: 11 }, 'thôn', 'stock']])
    expect(d.indicators.map((i) => i.value.name)).toEqual(['Số thôn đạt danh hiệu thôn văn hóa', 'Tỷ lệ hộ nghèo'])
  })

  it('leaves out the counts that describe the commune, awards, and all of the units', () => {
    const d = draft(
      [
        '- Số thôn đạt danh hiệu “Thôn văn hóa”: 13 thôn.',
        '- Số thôn của xã: 14 thôn.',
        '- Giữ vững 19/19 tiêu chí xã nông thôn mới; 3/3 trường đạt chuẩn quốc gia.',
      ],
      'Toàn xã có 14 thôn, gồm 2 tổ dân phố; năm 2025 số thôn đạt danh hiệu thôn văn hóa là 12 thôn.',
    )
    expect(counts(d)).toEqual([['Số thôn đạt danh hiệu “Thôn văn hóa”', { kind: 'at_least', value: 13 }, 'thôn', 'stock']])
    const withFigure = d.indicators.filter((i) => i.value.target?.kind !== 'yes_no').map((i) => i.value.name)
    expect(withFigure).toEqual(['Số thôn đạt danh hiệu “Thôn văn hóa”'])
    const award = draft(['- Số thôn đạt danh hiệu “Thôn văn hóa”: 13 thôn.'], 'Thôn tiêu biểu được tặng Giấy khen kèm tiền thưởng 2.000.000 đồng; số thôn được đề nghị không quá 03 thôn.')
    expect(counts(award)).toEqual([['Số thôn đạt danh hiệu “Thôn văn hóa”', { kind: 'at_least', value: 13 }, 'thôn', 'stock']])
  })

  it('reads every such count on a line of a megabyte, the subject looked back for a bounded way', () => {
    const line = 'Số ấp văn hóa 2 ấp; '.repeat(50_000)
    expect([...line.matchAll(new RegExp(QUANTITY_RE.source, 'giu'))].length).toBe(50_000)
    // (The subject too far back, past its bound, names no count: a run of words is no subject.)
    expect([...`Số ấp đạt ${'chuẩn '.repeat(100)}2 ấp`.matchAll(new RegExp(QUANTITY_RE.source, 'giu'))].length).toBe(0)
  })
})
