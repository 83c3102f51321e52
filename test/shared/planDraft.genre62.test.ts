// Drafting a plan from its document (issue 13): the rules added after held-out set 62 (a table whose
// two-row heading is flattened into pipes, an appendix of small tables each under a field's title),
// each on hand-written sentences in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { mergeHeadings } from '../../src/shared/planDraft/table'
import { named, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Tân Hòa', '04', '06 tháng 01', 2027)

describe('a heading of two rows whose years span the columns under them', () => {
  it('names each column under a year with that year', () => {
    expect(mergeHeadings(['STT', 'Chỉ tiêu', 'Đơn vị', 'Năm 2026', '', 'Năm 2027'], ['', '', '', 'KH', 'Ước TH', 'KH'])).toEqual(['STT', 'Chỉ tiêu', 'Đơn vị', 'KH năm 2026', 'Ước TH năm 2026', 'KH năm 2027'])
  })

  const table = `| STT | Chỉ tiêu | Đơn vị | Năm 2026 | | Năm 2027 |
|---|---|---|---|---|---|
| | | | Kế hoạch | Thực hiện | Kế hoạch |
| A | NÔNG NGHIỆP | | | | |
| 1 | Diện tích nuôi trồng thủy sản | ha | 310 | 318 | 325 |
| 2 | Số hợp tác xã thành lập mới | hợp tác xã | - | 2 | 3 |
| 3 | Tỷ lệ hộ cận nghèo | % | 4,2 | 4,05 | < 3,6 |
| 4 | Tỷ lệ người dân dùng nước sạch | % | 88 | 89,4 | ≥ 91 |`

  it('takes the plan of the plan year, not last year\'s plan nor its result', () => {
    const d = draftPlan(planWithList({ head: HEAD, year: 2027, items: [table], bare: true }))
    expect(named(d, /thủy sản/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 325 })
    expect(named(d, /hợp tác xã/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 3 })
    expect(named(d, /cận nghèo/iu)?.value.target).toMatchObject({ kind: 'at_most', value: 3.6, strict: true })
    expect(named(d, /nước sạch/iu)?.value.target).toMatchObject({ kind: 'rate_at_least', value: 91 })
    expect(d.indicators).toHaveLength(4)
  })
})

describe('an appendix of small tables, each under a field\'s title', () => {
  const appendix = `${HEAD}I. MỤC ĐÍCH, YÊU CẦU
Khơi dậy tinh thần thi đua trong toàn xã.
II. NỘI DUNG THI ĐUA
1. Thi đua phát triển kinh tế, xây dựng nông thôn mới.
2. Thi đua bảo đảm quốc phòng - an ninh, trật tự an toàn xã hội.
3. Các chỉ tiêu thi đua năm 2027: tại Phụ lục kèm theo.
III. TỔ CHỨC THỰC HIỆN
Văn phòng theo dõi, tổng hợp.
Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
PHỤ LỤC
CHỈ TIÊU THI ĐUA NĂM 2027
Lĩnh vực xã hội

| TT | Nội dung chỉ tiêu | Đơn vị | Chỉ tiêu năm 2027 | Ghi chú |
|---|---|---|---|---|
| 1 | Số lao động có việc làm mới | người | 180 | Trong đó lao động nữ 70 người |
| 2 | Tỷ lệ trẻ em được tiêm chủng đầy đủ | % | ≥ 97 | |

Lĩnh vực an ninh, trật tự

| TT | Nội dung chỉ tiêu | Đơn vị | Chỉ tiêu năm 2027 | Ghi chú |
|---|---|---|---|---|
| 1 | Không để xảy ra cháy nổ lớn | | Đạt | |
`

  it('drafts no field\'s title and no line of the movement as a goal', () => {
    const d = draftPlan(appendix)
    expect(d.indicators.some((i) => /^lĩnh vực/iu.test(i.value.name))).toBe(false)
    expect(d.indicators.some((i) => /^thi đua/iu.test(i.value.name))).toBe(false)
    expect(named(d, /cháy nổ/iu)?.value.aggregation).toBe('yes_no')
  })

  it('reads a part stated in the note cell as a part of the row, its words its source', () => {
    const d = draftPlan(appendix)
    const whole = named(d, /việc làm mới/iu)
    expect(whole?.value.target).toMatchObject({ kind: 'at_least', value: 180 })
    const part = d.indicators.find((i) => i.value.partOf === whole?.value.code)
    expect(part?.value).toMatchObject({ unitOfMeasure: 'người', target: { kind: 'at_least', value: 70 }, source: 'Trong đó lao động nữ 70 người' })
  })

  it('still drafts a goal to keep security that names its state', () => {
    const d = draftPlan(planWithList({ head: HEAD, year: 2027, items: ['Thu ngân sách trên địa bàn đạt 9.200 triệu đồng.'], extra: 'Giữ vững an ninh chính trị, không để xảy ra điểm nóng trên địa bàn.' }))
    expect(d.indicators.some((i) => /điểm nóng/iu.test(i.value.source ?? ''))).toBe(true)
  })
})
