// Drafting a plan from its document (issue 13): the rules added after held-out sets 116 and 117,
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { bySource, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Tân Hưng', '09', '15 tháng 01', 2026)
const draft = (items: string[], intro?: string) => draftPlan(planWithList({ head: HEAD, year: 2026, items, bare: true, ...(intro !== undefined ? { intro } : {}) }))

describe('items numbered with lower-case Roman numerals in brackets inside a paragraph', () => {
  const items = [
    'a) Về nông nghiệp: (i) tổng đàn dê đạt 3.200 con trở lên; (ii) sản lượng mật ong đạt 45 tấn, trong đó mật ong rừng 12 tấn; (iii) giữ vững 8/8 thôn đạt chuẩn nông thôn mới; (iv) không để xảy ra dịch bệnh lớn trên đàn gia súc.',
    'b) Về an ninh, trật tự: (i) giữ vững an ninh nông thôn; không để phát sinh điểm nóng về đất đai; (ii) kéo giảm ít nhất 20% số vụ trộm cắp tài sản so với năm 2025.',
  ]
  const intro = 'Năm 2025, trên địa bàn xã xảy ra 30 vụ trộm cắp tài sản.'
  it('reads each item as a clause of its own, its number no word of its name', () => {
    const d = draft(items, intro)
    expect(d.indicators.filter((i) => /\((?:i|ii|iii|iv)\)|Về nông nghiệp|Về an ninh/u.test(`${i.value.source ?? ''} ${i.value.name}`))).toEqual([])
    expect(bySource(d, /^tổng đàn dê/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 3200 })
    expect(bySource(d, /^sản lượng mật ong đạt 45 tấn$/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 45 })
    expect(bySource(d, /^giữ vững 8\/8 thôn/u)[0]?.value.target).toEqual({ kind: 'yes_no' })
    expect(bySource(d, /^không để xảy ra dịch bệnh/u)[0]?.value.target).toEqual({ kind: 'yes_no' })
    expect(bySource(d, /^giữ vững an ninh nông thôn$/u)[0]?.value.target).toEqual({ kind: 'yes_no' })
    expect(bySource(d, /^không để phát sinh điểm nóng/u)[0]?.value.target).toEqual({ kind: 'yes_no' })
  })
  it('reads a cut "so với năm …" in an item as a ceiling from the count the review states', () => {
    const d = draft(items, intro)
    expect(bySource(d, /^kéo giảm ít nhất 20% số vụ trộm cắp/u)[0]?.value.target).toEqual({ kind: 'at_most', value: 24, strict: false })
  })
  it('reads an item opening a line as a list item', () => {
    const d = draft(['(ii) Trồng mới 35 ha rừng sản xuất.', '(iii) Tỷ lệ che phủ rừng đạt 62%.'])
    expect(d.indicators.map((i) => [i.value.source, i.value.target])).toEqual([
      ['Trồng mới 35 ha rừng sản xuất', { kind: 'at_least', value: 35 }],
      ['Tỷ lệ che phủ rừng đạt 62%', { kind: 'rate_at_least', value: 62 }],
    ])
  })
})

describe('racks of pearl oysters and pieces counted', () => {
  it('reads "giàn" as a standing count and "viên" as the year\'s output', () => {
    const d = draft(['- Duy trì ổn định 600 giàn nuôi trai lấy ngọc, sản lượng ngọc trai đạt 18.000 viên; sản xuất 2,5 triệu viên gạch không nung.', '- Tuyển dụng 05 viên chức y tế.'])
    expect(bySource(d, /600 giàn/u)[0]?.value).toMatchObject({ unitOfMeasure: 'giàn', aggregation: 'stock', target: { kind: 'at_least', value: 600 } })
    expect(bySource(d, /18\.000 viên/u)[0]?.value).toMatchObject({ unitOfMeasure: 'viên', aggregation: 'flow', target: { kind: 'at_least', value: 18000 } })
    // ("05 viên chức": civil servants, no pieces.)
    expect(bySource(d, /viên chức/u).map((i) => i.value.unitOfMeasure)).not.toContain('viên')
  })
})

describe('a table column saying which way is better ("Loại chỉ tiêu": Thuận, Nghịch, Định tính)', () => {
  const table = [
    '| TT | Chỉ tiêu | ĐVT | Loại chỉ tiêu | Thực hiện năm 2025 | Kế hoạch năm 2026 |',
    '|---|---|---|---|---|---|',
    '| 1 | Sản lượng chè búp tươi | tấn | Thuận | 1.820 | 1.900 |',
    '| 2 | Số vụ cháy nhà dân | vụ | Nghịch | 6 | 5 |',
    '| 3 | Tỷ số giới tính khi sinh | bé trai/100 bé gái | Nghịch | 115 | 113 |',
    '| 4 | Tỷ lệ trẻ em bỏ học | % | Nghịch | 0,9 | < 0,5 |',
    '| 5 | Xã đạt chuẩn tiếp cận pháp luật | | Định tính | Đạt | Giữ vững |',
  ]
  it('reads a bare figure on a "Nghịch" row as a ceiling, not strict; a sign written in the cell, a "Thuận" row and a "Định tính" row as before', () => {
    const d = draft(table)
    expect(bySource(d, /cháy nhà dân/u)[0]?.value.target).toEqual({ kind: 'at_most', value: 5, strict: false })
    expect(bySource(d, /giới tính khi sinh/u)[0]?.value.target).toEqual({ kind: 'at_most', value: 113, strict: false })
    expect(bySource(d, /bỏ học/u)[0]?.value.target).toEqual({ kind: 'at_most', value: 0.5, strict: true })
    expect(bySource(d, /chè búp tươi/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 1900 })
    expect(bySource(d, /tiếp cận pháp luật/u)[0]?.value.target).toEqual({ kind: 'yes_no' })
    expect(d.indicators.filter((i) => /^(?:Thuận|Nghịch|Định tính)$/u.test(i.value.name))).toEqual([])
  })
})

describe('workers of a trade "làm nghề … thường xuyên"', () => {
  it('reads them as a level, the trade named between', () => {
    const d = draft(['- Số lao động làm nghề mây tre đan thường xuyên đạt 640 người; giải quyết việc làm mới cho 210 lao động.'])
    expect(bySource(d, /mây tre đan/u)[0]?.value).toMatchObject({ aggregation: 'stock', target: { kind: 'at_least', value: 640 } })
    expect(bySource(d, /việc làm mới/u)[0]?.value.aggregation).toBe('flow')
  })
})
