// Drafting a plan from its document (issue 13): the rules added after held-out set 75 (layouts the
// drafter had not met: a scan's OCR text, items lettered inside paragraphs, a table by quarter),
// each on hand-written sentences in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { normalizeText } from '../../src/shared/planDraft/extract'
import { draftList, named, planHead } from './planDraftText'

const HEAD = planHead('Tân Lập', '05', '12 tháng 01', 2026)

describe('a figure a scan cut over two lines', () => {
  it('joins the digits that complete a thousands group or a decimal, before a unit', () => {
    expect(normalizeText('- Diện tích ngô 420 ha, sản lượng 2.9\n40 tấn.')).toContain('sản lượng 2.940 tấn.')
    expect(normalizeText('- Thu ngân sách trên địa bàn đạt 9,\n8 tỷ đồng.')).toContain('đạt 9,8 tỷ đồng.')
    expect(normalizeText('- Tổng đàn lợn 3.40\n0 con.')).toContain('3.400 con.')
  })

  it('never joins two figures on lines of their own', () => {
    // A complete figure, a rate, a year, or more digits than the group lacks: two figures.
    expect(normalizeText('- Diện tích lúa đạt 1.200\n50 ha trồng màu.')).toContain('1.200 50 ha')
    expect(normalizeText('- Tỷ lệ tiêm chủng đạt 95%\n12 thôn đạt chuẩn.')).toContain('95% 12 thôn')
    expect(normalizeText('- Sản lượng đạt kế hoạch năm 2025\n30 tấn cá.')).toContain('2025 30 tấn')
    expect(normalizeText('- Sản lượng 1.2\n500 tấn.')).not.toContain('1.2500')
    // (Digits completing the group but no unit after them: not a figure's end.)
    expect(normalizeText('- Các thôn 3, 4,\n5 và 6 hoàn thành.')).not.toContain('4,5')
  })

  it('reads the joined figure as the target', () => {
    const d = draftList({ head: HEAD, year: 2026, items: ['Sản lượng lương thực có hạt đạt 6.3\n25 tấn.', 'Thu ngân sách nhà nước trên địa bàn đạt 15,\n4 tỷ đồng.'] })
    expect(named(d, /lương thực/iu)?.value.target).toEqual({ kind: 'at_least', value: 6325 })
    expect(named(d, /ngân sách/iu)?.value.target).toEqual({ kind: 'at_least', value: 15.4 })
    expect(d.indicators).toHaveLength(2)
  })
})

describe('items lettered inside one paragraph', () => {
  const d = draftList({
    head: HEAD,
    year: 2026,
    bare: true,
    intro: 'Năm 2025, trên địa bàn xã xảy ra 15 vụ tai nạn giao thông, làm bị thương 6 người.',
    items: [
      '1. Về kinh tế: a) giá trị sản xuất nông nghiệp tăng 6% so với năm 2025; b) giữ vững xã đạt chuẩn nông thôn mới; c) không để dịch bệnh lớn xảy ra trên đàn gia súc, gia cầm.',
      '2. Về văn hóa - xã hội: (a) tỷ lệ hộ nghèo giảm còn dưới 1,5%; (b) 100% học sinh trong độ tuổi được đến trường; (c) không để xảy ra ngộ độc thực phẩm đông người.',
      '3. Về quốc phòng - an ninh: ⓐ giữ vững xã đạt chuẩn an toàn về an ninh, trật tự; ⓑ kéo giảm ít nhất 20% số vụ tai nạn giao thông so với năm 2025.',
    ],
  })

  it('ends each item at the next letter ("a)", "(a)", "ⓐ"), and leaves the mark out of its name', () => {
    expect(named(d, /nông thôn mới/iu)?.value).toMatchObject({ name: 'Giữ vững xã đạt chuẩn nông thôn mới', target: { kind: 'yes_no' } })
    expect(named(d, /dịch bệnh/iu)?.value.target).toEqual({ kind: 'yes_no' })
    expect(named(d, /ngộ độc/iu)?.value.name).toBe('Không để xảy ra ngộ độc thực phẩm đông người')
    expect(named(d, /an ninh, trật tự/iu)?.value).toMatchObject({ name: 'Giữ vững xã đạt chuẩn an toàn về an ninh, trật tự', target: { kind: 'yes_no' } })
    expect(named(d, /hộ nghèo/iu)?.value.target).toMatchObject({ kind: 'at_most', value: 1.5 })
    expect(d.indicators.some((i) => /(?:^|\s)\(?[a-zđ]\)|[ⓐ-ⓩⒶ-Ⓩ]/iu.test(i.value.name))).toBe(false)
  })

  it("makes a lettered cut in % of the cases a ceiling from last year's stated count", () => {
    expect(named(d, /tai nạn giao thông/iu)?.value.target).toEqual({ kind: 'at_most', value: 12, strict: false })
  })

  it('splits only at a list of letters after a colon or a semicolon, in order', () => {
    expect(normalizeText('Thực hiện theo điểm a) khoản 1 Điều 3 và điểm b) khoản 2 Điều 5 của Nghị định.').split('\n')).toHaveLength(1)
    expect(normalizeText('z) Ghi chú: a) một lần; c) hai lần.').split('\n')).toEqual(['z) Ghi chú:', 'a) một lần; c) hai lần.'])
    expect(normalizeText('Chỉ tiêu chủ yếu: a) trồng mới 20 ha rừng; b) giữ vững an ninh; d) không để cháy rừng.').split('\n')).toEqual(['Chỉ tiêu chủ yếu:', 'a) trồng mới 20 ha rừng;', 'b) giữ vững an ninh; d) không để cháy rừng.'])
  })
})

describe('a table by quarter with the year in its own column', () => {
  it('reads a "Kéo giảm … so với năm …" row in % as a ceiling from the stated count', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      bare: true,
      intro: 'Năm 2025, trên địa bàn xảy ra 10 vụ tai nạn giao thông.',
      items: [
        '| TT | Chỉ tiêu | ĐVT | Quý I | Quý II | Quý III | Quý IV | Cả năm |',
        '|---|---|---|---|---|---|---|---|',
        '| 1 | Thu ngân sách trên địa bàn | tỷ đồng | 2 | 4,5 | 7 | 10 | 10 |',
        '| 2 | Kéo giảm số vụ tai nạn giao thông so với năm 2025 | % | - | - | - | - | ≥ 20 |',
      ],
    })
    expect(named(d, /tai nạn/iu)?.value).toMatchObject({ unitOfMeasure: 'vụ', target: { kind: 'at_most', value: 8, strict: false } })
  })
})

describe('a lead-in back to the table, then the units that strive', () => {
  it('reads the goals after "Ngoài các chỉ tiêu trong bảng, … thi đua:" by their own words', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      bare: true,
      items: [
        '| TT | Chỉ tiêu | ĐVT | Kế hoạch năm 2026 |',
        '|---|---|---|---|',
        '| 1 | Trồng mới rừng tập trung | ha | 45 |',
      ],
      extra: 'Ngoài các chỉ tiêu trong bảng, các thôn, các hội đoàn thể thi đua: không để xảy ra cháy nổ lớn; giữ vững an ninh chính trị trên địa bàn.',
    })
    expect(named(d, /cháy nổ/iu)?.value).toMatchObject({ name: 'Không để xảy ra cháy nổ lớn', target: { kind: 'yes_no' } })
    expect(named(d, /an ninh chính trị/iu)?.value.target).toEqual({ kind: 'yes_no' })
  })
})
