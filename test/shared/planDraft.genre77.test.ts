// Drafting a plan from its document (issue 13): the rules added after held-out set 77 (layouts the
// drafter had not met: a covenant of registration with short target cells, the figure before the name
// in a numbered list, a table with thin-space thousands, a two-column PDF flattened into shared lines),
// each on hand-written sentences in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan, normalizeText } from '../../src/shared/planDraft/extract'
import { draftList, named, planHead } from './planDraftText'

const HEAD = planHead('Hòa Bình', '07', '15 tháng 01', 2026)

describe('a covenant of registration: its targets in a table of short cells', () => {
  const covenant = `${HEAD}
I. MỤC ĐÍCH
Cụ thể hóa chỉ tiêu thi đua của xã năm 2026.
II. NỘI DUNG ĐĂNG KÝ THI ĐUA
| STT | Nội dung đăng ký | Chỉ tiêu | Ghi chú |
|---|---|---|---|
| 1 | Số hợp tác xã thành lập mới | 3 | |
| 2 | Tỷ lệ hộ dùng nước sạch | ≥ 96% | Năm 2025: 93,5% |
| 3 | Số hộ cận nghèo | Giảm 12 hộ | Đầu năm 2026: 70 hộ |
| 4 | Số vụ cháy rừng | Giảm 20% | Năm 2025: 5 vụ |
| 5 | Nhà văn hóa thôn đạt chuẩn | Duy trì 9/9 nhà | |
III. TỔ CHỨC THỰC HIỆN
Văn phòng tổng hợp kết quả trước ngày 10/12/2026.
`
  const d = draftPlan(covenant)

  it('reads a section of the content registered ("Nội dung đăng ký …") as targets, unlike one on registering', () => {
    expect(d.noTargets).toBe(false)
    const registering = draftPlan(covenant.replace('II. NỘI DUNG ĐĂNG KÝ THI ĐUA', 'II. ĐĂNG KÝ THI ĐUA'))
    expect(registering.noTargets).toBe(true)
  })

  it('counts a bare figure in what the row\'s "Số <noun>" names', () => {
    expect(named(d, /hợp tác xã/iu)?.value).toMatchObject({ unitOfMeasure: 'hợp tác xã', target: { kind: 'at_least', value: 3 } })
  })

  it('reads the note as the level the year starts from, never as a target', () => {
    expect(named(d, /nước sạch/iu)?.value.target).toEqual({ kind: 'rate_at_least', value: 96 })
    expect(named(d, /cận nghèo/iu)?.value.target).toEqual({ kind: 'reduce_by', amount: 12, baseline: 70 })
    expect(d.indicators.some((i) => 'value' in (i.value.target ?? {}) && (i.value.target as { value: number }).value === 93.5)).toBe(false)
  })

  it('reads a cut in % of what the row counts from last year\'s count in the note', () => {
    expect(named(d, /cháy rừng/iu)?.value).toMatchObject({ unitOfMeasure: 'vụ', target: { kind: 'at_most', value: 4, strict: false } })
  })

  it('reads "Duy trì n/n <units>" as a state all of them keep', () => {
    expect(named(d, /nhà văn hóa/iu)?.value.target).toEqual({ kind: 'yes_no' })
    expect(d.indicators).toHaveLength(5)
  })
})

describe('a numbered list that puts the figure before the name', () => {
  it('writes "<figure>: <name>" back as "<name> <figure>"', () => {
    expect(normalizeText('3. 1.250 tấn: sản lượng ngô cả năm (hai vụ).')).toBe('3. Sản lượng ngô cả năm đạt 1.250 tấn (hai vụ).')
    expect(normalizeText('- Dưới 8%: tỷ lệ hộ cận nghèo.')).toBe('- Tỷ lệ hộ cận nghèo dưới 8%.')
    expect(normalizeText('5. 100%: hoàn thành kế hoạch tiêm phòng cho đàn gia súc.')).toBe('5. Hoàn thành 100% kế hoạch tiêm phòng cho đàn gia súc.')
  })

  it('leaves a label, a year, a count of all of a kind and a capitalised name alone', () => {
    for (const line of ['2. Năm 2025: xã đạt 90% kế hoạch.', '4. 2026: năm chuyển đổi số.', '6. 12/12 thôn: giữ vững danh hiệu thôn văn hóa.', '7. 80%: Chỉ tiêu do huyện giao.']) expect(normalizeText(line)).toBe(line)
  })

  it('drafts each item as the sentence it stands for', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      bare: true,
      items: ['1. 7,5% trở lên: tốc độ tăng giá trị sản xuất nông nghiệp so với năm 2025.', '2. 1.800 con trở lên: tổng đàn dê, cừu.', '3. Giảm 0,5 - 1%: tỷ lệ hộ nghèo đa chiều.', '4. 180 lao động: được tạo việc làm mới.'],
    })
    expect(named(d, /giá trị sản xuất/iu)?.value.target).toMatchObject({ kind: 'growth', percent: 7.5, baseYear: 2025 })
    expect(named(d, /đàn dê/iu)?.value).toMatchObject({ name: 'Tổng đàn dê, cừu', unitOfMeasure: 'con', target: { kind: 'at_least', value: 1800 } })
    expect(named(d, /hộ nghèo/iu)?.value.target).toMatchObject({ kind: 'reduce_by', amount: 0.5, max: 1 })
    expect(named(d, /việc làm/iu)?.value.target).toEqual({ kind: 'at_least', value: 180 })
    expect(d.indicators).toHaveLength(4)
  })
})

describe('a table whose thousands are set apart by a thin space', () => {
  it('joins the groups of a figure cell, wherever no unit follows', () => {
    expect(normalizeText('| 3 | Sản lượng sắn | tấn | 2\u202F140 | 2\u2009350 |')).toBe('| 3 | Sản lượng sắn | tấn | 2.140 | 2.350 |')
    expect(normalizeText('| 4 | Thu ngân sách | triệu đồng | ≥ 12\u00A0600 |')).toBe('| 4 | Thu ngân sách | triệu đồng | ≥ 12.600 |')
    // (Not a cell of words and figures, nor a year beside a figure.)
    expect(normalizeText('| 5 | Nhà ở | căn | 2025 12 |')).toBe('| 5 | Nhà ở | căn | 2025 12 |')
  })

  it('reads the joined figure as the row\'s target', () => {
    const d = draftList({ head: HEAD, year: 2026, bare: true, items: ['| TT | Chỉ tiêu | ĐVT | Ước TH 2025 | KH 2026 |', '|---|---|---|---|---|', '| 1 | Sản lượng sắn | tấn | 2\u202F140 | 2\u202F350 |'] })
    expect(named(d, /sắn/iu)?.value.target).toEqual({ kind: 'at_least', value: 2350 })
  })
})

describe('a page of two columns flattened into shared lines', () => {
  it('splits a line where a sentence ends before a wide gap and the next opens after it', () => {
    expect(normalizeText('- Diện tích ngô đạt 300 ha.        - 9/9 thôn duy trì danh hiệu thôn văn hóa.').split('\n')).toEqual(['- Diện tích ngô đạt 300 ha.', '- 9/9 thôn duy trì danh hiệu thôn văn hóa.'])
    expect(normalizeText('a) Lĩnh vực kinh tế:          b) Lĩnh vực xã hội:').split('\n')).toEqual(['a) Lĩnh vực kinh tế:', 'b) Lĩnh vực xã hội:'])
  })

  it('keeps a letterhead, an aligned table and a short gap on one line', () => {
    expect(normalizeText('UBND HUYỆN TÂY SƠN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').split('\n')).toHaveLength(1)
    expect(normalizeText('- Thu ngân sách đạt 8 tỷ đồng.  - Tổng đàn bò 900 con.').split('\n')).toHaveLength(1)
    expect(normalizeText('1.      Diện tích lúa      ha      820').split('\n')).toHaveLength(1)
  })

  it('drafts the goals of the right column', () => {
    const d = draftList({ head: HEAD, year: 2026, bare: true, items: ['- Sản lượng ngô đạt 2.100 tấn.          - 9/9 thôn duy trì danh hiệu thôn văn hóa.', '- Giữ vững quốc phòng; không để xảy ra cháy rừng.          - Không để phát sinh điểm nóng về đất đai.'] })
    expect(named(d, /ngô/iu)?.value.target).toEqual({ kind: 'at_least', value: 2100 })
    expect(named(d, /thôn văn hóa/iu)?.value.target).toEqual({ kind: 'yes_no' })
    expect(named(d, /cháy rừng/iu)?.value.target).toEqual({ kind: 'yes_no' })
    expect(named(d, /điểm nóng/iu)?.value.target).toEqual({ kind: 'yes_no' })
  })
})
