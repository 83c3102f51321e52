// Drafting a plan from its document (issue 13): the rules added after held-out set 64 (a table
// covering several years, a web portal's lines of labelled fields), each on hand-written sentences
// in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan, normalizeText } from '../../src/shared/planDraft/extract'
import { draftList, named, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Phú Xuân', '05', '06 tháng 01', 2027)

describe('a table covering several years', () => {
  const table = `| STT | Chỉ tiêu | ĐVT | Năm 2025 | Năm 2026 | Năm 2027 | Bình quân giai đoạn |
|---|---|---|---|---|---|---|
| 1 | Diện tích nuôi tôm thâm canh | ha | 210 | 225 | 240 | 225 |
| 2 | Tổng thu ngân sách trên địa bàn | triệu đồng | 9.120 | 9.870 | 10.500 | 9.830 |
| 3 | Tỷ lệ hộ cận nghèo | % | 4,2 | 3,6 | ≤ 3 | 3,6 |
| 4 | Số thôn đạt danh hiệu Thôn văn hóa | thôn | 10/14 | 11/14 | 12/14 | - |
| 5 | Số trạm y tế đạt chuẩn quốc gia | trạm | - | 2/3 | 3/3 | - |
| 6 | Xã đạt chuẩn an toàn thực phẩm | - | Chưa đạt | Đạt | Đạt | - |`

  it("takes the plan year's column, never a past year's nor the period's average", () => {
    const d = draftPlan(planWithList({ head: HEAD, year: 2027, items: [table], bare: true }))
    expect(named(d, /nuôi tôm/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 240 })
    expect(named(d, /ngân sách/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 10500 })
    expect(named(d, /cận nghèo/iu)?.value.target).toMatchObject({ kind: 'at_most', value: 3 })
    // "12/14" of the villages is a count that holds the title; "3/3" of the stations, each keeps it.
    expect(named(d, /thôn văn hóa/iu)?.value).toMatchObject({ aggregation: 'stock', target: { kind: 'at_least', value: 12 } })
    expect(named(d, /trạm y tế/iu)?.value.target).toEqual({ kind: 'yes_no' })
    expect(named(d, /an toàn thực phẩm/iu)?.value.target).toEqual({ kind: 'yes_no' })
    const figures = d.indicators.flatMap((i) => (i.value.target && i.value.target.kind !== 'yes_no' ? [i.value.target] : []))
    expect(figures).not.toContainEqual(expect.objectContaining({ value: 225 }))
    expect(figures).not.toContainEqual(expect.objectContaining({ value: 9830 }))
  })
})

describe('a lead-in back to the list before a goal', () => {
  it('reads "Ngoài các chỉ tiêu tại bảng trên, xã phấn đấu: giữ vững …" as the goal after it', () => {
    const d = draftList({
      head: HEAD,
      year: 2027,
      items: ['Ngoài các chỉ tiêu tại bảng trên, xã phấn đấu: giữ vững danh hiệu xã đạt chuẩn nông thôn mới nâng cao; không để xảy ra cháy rừng.'],
      bare: true,
    })
    const kept = named(d, /^Giữ vững danh hiệu/u)
    expect(kept?.value.target).toEqual({ kind: 'yes_no' })
    expect(kept?.value.source).toBe('giữ vững danh hiệu xã đạt chuẩn nông thôn mới nâng cao')
    expect(named(d, /cháy rừng/iu)?.value.target).toEqual({ kind: 'yes_no' })
    expect(d.indicators.some((i) => /ngoài các chỉ tiêu/iu.test(i.value.name))).toBe(false)
  })
})

describe('lines of labelled fields, as a web portal lists a table', () => {
  const lines = [
    'Sau đây là các chỉ tiêu chủ yếu của năm, kèm số thực hiện năm 2026 để các thôn đối chiếu.',
    '• Chỉ tiêu: Tốc độ tăng tổng giá trị sản xuất – Đơn vị: % – Kế hoạch: tăng 7,5 so với năm 2026 – Thực hiện 2026: 6,9',
    '• Chỉ tiêu: Diện tích chè – Đơn vị: ha – Kế hoạch: duy trì 415 – Thực hiện 2026: 410',
    '• Chỉ tiêu: Tổng thu ngân sách trên địa bàn – Đơn vị: triệu đồng – Kế hoạch: 6.300 (đạt 105% dự toán giao) – Thực hiện 2026: 5.980',
    '• Chỉ tiêu: Tỷ lệ hộ nghèo – Đơn vị: % – Kế hoạch: giảm 1,2 – Thực hiện 2026: 5,4',
    '• Chỉ tiêu: Số đối tượng nghiện ma túy đang quản lý – Đơn vị: người – Kế hoạch: giảm 4 – Thực hiện 2026: 21',
    '• Chỉ tiêu: Số vụ cháy rừng – Đơn vị: vụ – Kế hoạch: giảm ít nhất 20% so với năm 2026 – Thực hiện 2026: 5',
    '• Chỉ tiêu: Số thôn đạt danh hiệu Thôn văn hóa – Đơn vị: thôn – Kế hoạch: 14/14 – Thực hiện 2026: 12/14',
    '• Chỉ tiêu: Tỷ lệ trường học đạt chuẩn quốc gia – Đơn vị: % – Kế hoạch: 100 (6/6 trường) – Thực hiện 2026: 83,3',
    '• Chỉ tiêu: Hoàn thành chỉ tiêu giao quân – Đơn vị: % chỉ tiêu – Kế hoạch: hoàn thành 100 – Thực hiện 2026: 100',
  ]

  it('makes the lines a table whose cells keep their labels', () => {
    const rows = normalizeText(lines.join('\n')).split('\n')
    expect(rows[1]).toBe('| Chỉ tiêu | Đơn vị | Kế hoạch | Thực hiện 2026 |')
    expect(rows[2]).toBe('| Chỉ tiêu: Tốc độ tăng tổng giá trị sản xuất | Đơn vị: % | Kế hoạch: tăng 7,5 so với năm 2026 | Thực hiện 2026: 6,9 |')
  })

  it('leaves a prose line with a colon as prose', () => {
    const line = 'Chỉ tiêu: phấn đấu hoàn thành 100% kế hoạch – bảo đảm tiến độ – đúng quy định.'
    expect(normalizeText(line)).toBe(line)
  })

  it('reads each line as a table row: name, unit, plan, and last year as the start of a cut', () => {
    const d = draftPlan(planWithList({ head: planHead('Phú Xuân', '05', '06 tháng 01', 2027), year: 2027, items: lines, bare: true }))
    expect(named(d, /giá trị sản xuất/iu)?.value.target).toMatchObject({ kind: 'growth', percent: 7.5, baseYear: 2026 })
    expect(named(d, /diện tích chè/iu)?.value).toMatchObject({ unitOfMeasure: 'ha', aggregation: 'stock', target: { kind: 'at_least', value: 415 } })
    expect(named(d, /ngân sách/iu)?.value).toMatchObject({ unitOfMeasure: 'triệu đồng', target: { kind: 'at_least', value: 6300 } })
    expect(named(d, /hộ nghèo/iu)?.value.target).toEqual({ kind: 'reduce_by', amount: 1.2, baseline: 5.4 })
    expect(named(d, /nghiện ma túy/iu)?.value.target).toEqual({ kind: 'reduce_by', amount: 4, baseline: 21 })
    expect(named(d, /cháy rừng/iu)?.value.target).toEqual({ kind: 'at_most', value: 4, strict: false })
    expect(named(d, /thôn văn hóa/iu)?.value.target).toEqual({ kind: 'yes_no' })
    expect(named(d, /trường học/iu)?.value.target).toEqual({ kind: 'yes_no' })
    expect(named(d, /giao quân/iu)?.value.target).toMatchObject({ kind: 'rate_at_least', value: 100 })
    // The row's source is the line as written, labels included; the lead-in to the list is no goal.
    expect(named(d, /diện tích chè/iu)?.value.source).toBe('| Chỉ tiêu: Diện tích chè | Đơn vị: ha | Kế hoạch: duy trì 415 | Thực hiện 2026: 410 |')
    expect(d.indicators.some((i) => /sau đây/iu.test(i.value.name))).toBe(false)
    expect(d.indicators).toHaveLength(lines.length - 1)
  })
})

describe('a state kept and an event ruled out, joined by "và"', () => {
  it('drafts two goals, but keeps "giữ vững an ninh … và không để xảy ra điểm nóng" one', () => {
    const d = draftList({
      head: HEAD,
      year: 2027,
      items: ['Diện tích lúa cả năm đạt 820 ha.'],
      extra: 'Bên cạnh các chỉ tiêu trên, xã phấn đấu duy trì danh hiệu xã đạt chuẩn an toàn về an ninh, trật tự và không để dịch cúm gia cầm lây lan trên địa bàn.\nGiữ vững an ninh chính trị và không để xảy ra điểm nóng về trật tự xã hội.',
    })
    expect(named(d, /^Duy trì danh hiệu/u)?.value.source).toBe('duy trì danh hiệu xã đạt chuẩn an toàn về an ninh, trật tự')
    expect(named(d, /^Không để dịch cúm/u)?.value.target).toEqual({ kind: 'yes_no' })
    expect(d.indicators.filter((i) => /điểm nóng/u.test(i.value.source ?? ''))).toHaveLength(1)
  })
})
