// Drafting a plan from its document (issue 13): the rules added after held-out sets 191, 194 and
// 195, each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import type { Indicator } from '../../src/shared/model'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { scoreDraft } from '../../src/shared/planDraft/score'
import { bySource, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Phú Đông', '03', '08 tháng 01', 2026)
const draft = listDrafter(HEAD)

describe('duties that assign the numbered targets by ranges "(1) - (8)"', () => {
  const plan = (ranges: string): string => `${HEAD}
I. CHỈ TIÊU THI ĐUA NĂM 2026
**Kinh tế:**
(1) Diện tích gieo trồng ngô cả năm 240 ha.
(2) Tổng đàn dê 3.100 con trở lên.
(3) Giữ vững danh hiệu xã đạt chuẩn nông thôn mới; có thêm 02 thôn đạt chuẩn nông thôn mới kiểu mẫu.

**Xã hội:**
(4) Tỷ lệ hộ gia đình văn hóa 91% trở lên.
(5) Giải quyết việc làm mới cho 320 lao động.

II. TỔ CHỨC THỰC HIỆN
1. Bộ phận Kinh tế theo dõi chỉ tiêu ${ranges}; Bộ phận Văn hóa theo dõi chỉ tiêu (4)–(5).
`
  it.each(['(1) - (3)', '(1)-(3)', '(1) – (3)'])('keeps the last item of each range "%s" a target, no footnote', (ranges) => {
    const d = draftPlan(plan(ranges))
    expect(bySource(d, /thôn đạt chuẩn nông thôn mới kiểu mẫu/u).map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 2 }])
    expect(bySource(d, /Giữ vững danh hiệu/u).map((i) => i.value.target)).toEqual([{ kind: 'yes_no' }])
    expect(bySource(d, /320 lao động/u).map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 320 }])
    expect(d.indicators).toHaveLength(6)
  })
})

describe('a yield weighed in kilograms beside its output in tons', () => {
  it('computes "kg/ha" from the output in tấn × 1000 over the area', () => {
    const d = draft(['- Diện tích nuôi cá lóc trong ao 50 ha, năng suất cá lóc bình quân 900 kg/ha, sản lượng cá lóc 45 tấn.'])
    const y = bySource(d, /900 kg\/ha/u)[0]?.value
    expect(y).toMatchObject({ unitOfMeasure: 'kg/ha', aggregation: 'stock', target: { kind: 'derived', value: 900 } })
    expect(y?.formula).toMatch(/^\S+ \* 1000 \/ \S+$/u)
  })
})

describe('a table\'s part rows marked by a dash in the number\'s cell', () => {
  it('links each crop\'s yield row to its area row and its output part row', () => {
    const d = draft([
      '| TT | Chỉ tiêu | ĐVT | KH 2026 | Bộ phận theo dõi |',
      '|---|---|---|---|---|',
      '| 1 | Tổng sản lượng lương thực | tấn | 3.000 | Bộ phận Kinh tế |',
      '| - | Thóc | tấn | 2.100 | Bộ phận Kinh tế |',
      '| - | Ngô | tấn | 900 | Bộ phận Kinh tế |',
      '| 2 | Diện tích lúa cả năm | ha | 350 | Các thôn |',
      '| 3 | Năng suất lúa bình quân | tạ/ha | 60 | Bộ phận Kinh tế |',
      '| 4 | Diện tích ngô cả năm | ha | 200 | Các thôn |',
      '| 5 | Năng suất ngô bình quân | tạ/ha | 45 | Bộ phận Kinh tế |',
    ])
    for (const [words, value] of [[/Năng suất lúa/u, 60], [/Năng suất ngô/u, 45]] as const) {
      const y = bySource(d, words)[0]?.value
      expect(y).toMatchObject({ aggregation: 'stock', target: { kind: 'derived', value } })
      expect(y?.formula).toMatch(/ \* 10 \/ /u)
    }
  })
})

describe('the score counts "cây cầu" and "cầu" as one unit', () => {
  it('matches a bridge counted either way', () => {
    const one = (unitOfMeasure: string): Indicator => ({ code: 'CAU', name: 'Cầu giao thông nông thôn làm mới', field: 'I', unitOfMeasure, aggregation: 'flow', proportion: true, target: { kind: 'at_least', value: 3 }, reporters: { kinds: ['bo_phan'], units: [] }, source: 'Làm mới 03 cây cầu giao thông nông thôn' })
    expect(scoreDraft({ indicators: [one('cầu')] }, { indicators: [one('cây cầu')] }, 0).matched).toBe(1)
    expect(scoreDraft({ indicators: [one('lồng')] }, { indicators: [one('lồng bè')] }, 0).matched).toBe(1)
  })
})

describe('a second count after ";" sharing the review\'s verb, its rate beside it', () => {
  it('takes that rate as the starting figure of its cut', () => {
    const d = draftPlan(`${HEAD}
I. KẾT QUẢ NĂM 2025
Cuối năm 2025 toàn xã còn 86 hộ nghèo, chiếm 3,12%; 140 hộ cận nghèo, chiếm 5,08%.
II. CHỈ TIÊU NĂM 2026
- Tỷ lệ hộ nghèo giảm 1% trở lên; tỷ lệ hộ cận nghèo giảm ít nhất 0,8%.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng tổng hợp kết quả trước ngày 10/12/2026.
`)
    expect(bySource(d, /cận nghèo giảm/u)[0]?.value.target).toEqual({ kind: 'reduce_by', amount: 0.8, baseline: 5.08 })
    expect(bySource(d, /hộ nghèo giảm/u)[0]?.value.target).toEqual({ kind: 'reduce_by', amount: 1, baseline: 3.12 })
  })
})

describe('a table\'s cut by a share of a count of events, naming no year, with no column of last year', () => {
  it('is a ceiling from last year\'s count the text states', () => {
    const d = draftPlan(`${HEAD}
I. TÌNH HÌNH NĂM 2025
Năm 2025 trên địa bàn xảy ra 40 vụ tai nạn giao thông, làm bị thương 12 người.
II. CHỈ TIÊU NĂM 2026
| TT | Chỉ tiêu | ĐVT | KH 2026 | Đơn vị thực hiện |
|---|---|---|---|---|
| 1 | Tổng đàn lợn | con | 5.000 | Các thôn |
| 2 | Số vụ tai nạn giao thông | vụ | giảm ít nhất 15% | Công an xã |
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng tổng hợp kết quả trước ngày 10/12/2026.
`)
    expect(bySource(d, /tai nạn giao thông/u).map((i) => i.value.target)).toEqual([{ kind: 'at_most', value: 34, strict: false }])
  })
})

describe('a total named without "Tổng" that announces its parts, "…, trong đó:"', () => {
  it('is the sum of its crops\' outputs on the lines after it', () => {
    const d = draft([
      '**Sản lượng lương thực:** 2.000 tấn trở lên, trong đó:',
      '- Lúa: diện tích 200 ha, năng suất 60 tạ/ha, sản lượng 1.200 tấn;',
      '- Ngô: diện tích 160 ha, năng suất 50 tạ/ha, sản lượng 800 tấn.',
    ])
    const total = bySource(d, /2\.000 tấn/u)[0]?.value
    expect(total?.target).toEqual({ kind: 'derived', value: 2000 })
    expect(total?.children).toHaveLength(2)
  })
})
