// Drafting a plan from its document (issue 13): the rules added after held-out set 112, each on
// hand-written sentences in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { planHead, planWithList } from './planDraftText'

const HEAD = planHead('Tân Hòa', '09', '15 tháng 01', 2027)
const draft = (items: string[]) => draftPlan(planWithList({ head: HEAD, year: 2027, items, bare: true }))
const byName = (d: ReturnType<typeof draft>, words: RegExp) => d.indicators.filter((i) => words.test(i.value.name))

describe('indicator cards: a heading "Chỉ số N." over labelled lines', () => {
  const cards = [
    'Chỉ số 1. Giá trị sản xuất ngành thủ công mỹ nghệ',
    '- Đơn vị tính: tỷ đồng',
    '- Thực hiện năm 2026: ước đạt 640 tỷ đồng',
    '- Mức phấn đấu năm 2027: tăng từ 9 - 11% so với năm 2026',
    '- Cách tính: cộng giá trị của các cơ sở có đăng ký kinh doanh ngành nghề mã 32 và 33',
    '- Cơ quan chủ trì: Phòng Kinh tế; phối hợp: Hội Làng nghề xã',
    '',
    'Chỉ số 2. Tỷ lệ hộ dùng nước sạch',
    '- Đơn vị tính: %',
    '- Thực hiện năm 2026: 91,5%',
    '- Mức phấn đấu năm 2027: đạt 94% trở lên',
    '- Phương pháp tính: số hộ dùng nước sạch / tổng số hộ × 100',
    '- Đơn vị phụ trách: Phòng Kinh tế',
    '',
    'Chỉ số 3. Đường giao thông nông thôn được cứng hóa',
    '- ĐVT: km',
    '- Kết quả năm 2026: 3,1 km',
    '- Mức phấn đấu năm 2027: 4,5 km',
    '- Cơ quan chủ trì: Phòng Kinh tế',
  ]
  it('reads only the year\'s level as a target, named by the heading, never last year\'s result, the method or who leads', () => {
    const d = draft(cards)
    expect(d.indicators.map((i) => i.value.target)).toEqual([
      { kind: 'growth', percent: 9, maxPercent: 11, baseYear: 2026, baseValue: 640 },
      { kind: 'rate_at_least', value: 94 },
      { kind: 'at_least', value: 4.5 },
    ])
    expect(byName(d, /thủ công mỹ nghệ/u)[0]?.value.unitOfMeasure).toBe('tỷ đồng')
    expect(byName(d, /nước sạch/u)).toHaveLength(1)
    expect(byName(d, /cứng hóa/u)[0]?.value.unitOfMeasure).toBe('km')
  })
})

describe('a plan cell that is some of the units, its unit and "trở lên" written after it', () => {
  it('reads "27/30 nhà văn hóa trở lên" as at least 27, a stock', () => {
    const d = draft([
      '| TT | Chỉ tiêu | ĐVT | Kế hoạch năm 2027 |',
      '|---|---|---|---|',
      '| 1 | Nhà văn hóa thôn đạt chuẩn về cơ sở vật chất | nhà văn hóa | 27/30 nhà văn hóa trở lên |',
      '| 2 | Sản lượng lúa cả năm | tấn | 5.200 |',
    ])
    expect(byName(d, /nhà văn hóa/iu)[0]?.value).toMatchObject({ unitOfMeasure: 'nhà văn hóa', aggregation: 'stock', target: { kind: 'at_least', value: 27 } })
  })
})
