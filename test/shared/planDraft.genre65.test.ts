// Drafting a plan from its document (issue 13): the rules added after held-out sets 64 and 65
// (milestones of quarters and half-years before the year's figure, a two-column table of
// sentences, a crop's area given as a part of the total area), each on hand-written sentences in
// the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftList, named, planHead } from './planDraftText'

const HEAD = planHead('Tân Phong', '12', '10 tháng 01', 2027)

describe('milestones before the year\'s figure', () => {
  const d = draftList({
    head: HEAD,
    year: 2027,
    items: [
      'Thu ngân sách trên địa bàn: quý I đạt 1,5 tỷ đồng, quý II lũy kế đạt 3,2 tỷ đồng, 9 tháng đạt 5,1 tỷ đồng, cả năm đạt 7,4 tỷ đồng trở lên.',
      'Đàn trâu, bò: 6 tháng đạt 2.150 con, thời điểm 31/12 đạt 2.400 con trở lên.',
      'Sản lượng cá nuôi: 6 tháng (vụ Xuân) đạt 60 tấn, cuối năm đạt 175 tấn.',
      'Tỷ lệ hộ dân dùng nước sạch: 6 tháng đạt 88%, cả năm đạt 92% trở lên.',
    ],
  })
  it('drafts only the year\'s figure, named by the item\'s label', () => {
    expect(d.indicators.map((i) => i.value.target)).not.toContainEqual(expect.objectContaining({ value: 1.5 }))
    expect(d.indicators.map((i) => i.value.target)).not.toContainEqual(expect.objectContaining({ value: 3.2 }))
    expect(d.indicators.map((i) => i.value.target)).not.toContainEqual(expect.objectContaining({ value: 5.1 }))
    expect(d.indicators.map((i) => i.value.target)).not.toContainEqual(expect.objectContaining({ value: 2150 }))
    expect(d.indicators.map((i) => i.value.target)).not.toContainEqual(expect.objectContaining({ value: 60 }))
    expect(d.indicators.map((i) => i.value.target)).not.toContainEqual(expect.objectContaining({ value: 88 }))
    expect(named(d, /ngân sách/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 7.4 })
    expect(named(d, /trâu/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 2400 })
    expect(named(d, /cá nuôi/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 175 })
    expect(named(d, /nước sạch/iu)?.value.target).toMatchObject({ kind: 'rate_at_least', value: 92 })
    expect(d.indicators).toHaveLength(4)
  })
})

describe('a two-column table whose second cell holds sentences', () => {
  const d = draftList({
    head: HEAD,
    year: 2027,
    items: [],
    extra: `| Lĩnh vực | Mục tiêu phấn đấu |
|---|---|
| 1. Nông nghiệp | Trồng mới 85 ha rừng sản xuất; đàn lợn duy trì từ 3.200 con trở lên. |
| 2. Y tế | Tỷ lệ người dân có thẻ bảo hiểm y tế đạt trên 95%; không để xảy ra ngộ độc thực phẩm đông người. |
| 3. Giáo dục | Tỷ lệ trẻ 5 tuổi ra lớp đạt 100%, trong đó 20 trẻ khuyết tật được học hòa nhập. |`,
  })
  it('reads every clause of a cell, under the field its first cell names', () => {
    expect(named(d, /rừng/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 85 })
    expect(named(d, /lợn/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 3200 })
    expect(named(d, /bảo hiểm y tế/iu)?.value.target).toMatchObject({ kind: 'rate_at_least', value: 95, strict: true })
    expect(named(d, /ngộ độc/iu)?.value.target).toMatchObject({ kind: 'yes_no' })
    expect(named(d, /ra lớp/iu)?.value.target).toMatchObject({ kind: 'rate_at_least', value: 100 })
    expect(named(d, /rừng/iu)?.value.source).toBe('Trồng mới 85 ha rừng sản xuất')
    expect(d.fields.map((f) => f.value.name)).toEqual(expect.arrayContaining(['Nông nghiệp', 'Y tế']))
  })
  it('leaves a table of names and short plan cells to its rows', () => {
    const short = draftList({
      head: HEAD,
      year: 2027,
      items: [],
      extra: `| Chỉ tiêu | Mức phấn đấu |
|---|---|
| Thu ngân sách trên địa bàn | Đạt 9.600 triệu đồng trở lên |
| Cây xanh trồng mới | Ít nhất 400 cây |`,
    })
    expect(short.indicators).toHaveLength(2)
    expect(named(short, /ngân sách/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 9600 })
  })
})

describe('a crop\'s area given as a part of the total area', () => {
  it('is the area its yield is derived from', () => {
    const d = draftList({
      head: HEAD,
      year: 2027,
      items: ['Tổng diện tích gieo trồng cây hằng năm đạt 1.900 ha trở lên, trong đó ngô 300 ha.', 'Ngô: năng suất 48 tạ/ha, sản lượng 1.440 tấn.'],
    })
    const area = d.indicators.find((i) => i.value.unitOfMeasure === 'ha' && i.value.partOf !== undefined)
    const yieldB = d.indicators.find((i) => i.value.unitOfMeasure === 'tạ/ha')
    const output = d.indicators.find((i) => i.value.unitOfMeasure === 'tấn')
    expect(area?.value.target).toMatchObject({ value: 300 })
    expect(yieldB?.value.target).toMatchObject({ kind: 'derived', value: 48 })
    expect(yieldB?.value.formula).toBe(`${output?.value.code} * 10 / ${area?.value.code}`)
  })
})
