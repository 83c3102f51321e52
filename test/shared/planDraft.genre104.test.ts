// Drafting a plan from its document (issue 13): the rules added after held-out set 104, each on
// hand-written sentences in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { planHead, planWithList } from './planDraftText'

const HEAD = planHead('Tân Mỹ', '04', '15 tháng 01', 2026)
const draft = (items: string[], intro?: string) => draftPlan(planWithList({ head: HEAD, year: 2026, items, bare: true, ...(intro !== undefined ? { intro } : {}) }))
const bySource = (d: ReturnType<typeof draft>, words: RegExp) => d.indicators.filter((i) => words.test(i.value.source ?? ''))

describe('a table whose plan cell holds several "- " items joined by HTML line breaks', () => {
  const table = [
    '| STT | Nhóm chỉ tiêu | Nội dung chỉ tiêu | Đơn vị theo dõi |',
    '|---|---|---|---|',
    '| 1 | Nông nghiệp | - Tổng đàn bò 3.200 con;<br>- Sản lượng thịt hơi xuất chuồng 1.150 tấn;<BR/>- Diện tích rừng trồng mới 85 ha, trong đó rừng gỗ lớn 30 ha. | Phòng Kinh tế |',
    '| 2 | Văn hóa - xã hội | - Tỷ lệ người dân tham gia bảo hiểm y tế đạt 96% trở lên;<br />- Phối hợp tổ chức tốt các hoạt động văn hóa, thể thao. | Phòng Văn hóa - Xã hội |',
    '| 3 | Quốc phòng | - Hoàn thành 100% chỉ tiêu tuyển quân. | Ban Chỉ huy Quân sự |',
  ]

  it('reads each item (and each clause of one) as a target of its own, whatever the break is written', () => {
    const d = draft(table)
    const value = (words: RegExp) => bySource(d, words).map((i) => i.value.target)
    expect(value(/đàn bò/u)).toEqual([{ kind: 'at_least', value: 3200 }])
    expect(value(/thịt hơi/u)).toEqual([{ kind: 'at_least', value: 1150 }])
    expect(bySource(d, /rừng/u).map((i) => i.value.target).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      { kind: 'at_least', value: 30 },
      { kind: 'at_least', value: 85 },
    ])
    expect(value(/bảo hiểm y tế/u)).toEqual([{ kind: 'rate_at_least', value: 96 }])
    // (A later row of the same table with one item is read the same way.)
    expect(value(/tuyển quân/u)).toEqual([{ kind: 'rate_at_least', value: 100 }])
    // (No source runs over a break or holds the row's cells.)
    expect(d.indicators.some((i) => /<br|\|/iu.test(i.value.source ?? ''))).toBe(false)
  })

  it('leaves a cell of a heading or of recipients, whose parts are no bullets, alone', () => {
    const d = draft(['| Nơi nhận:<br>- UBND huyện;<br>- Lưu: VT. | TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH |'])
    expect(d.indicators).toEqual([])
  })
})
