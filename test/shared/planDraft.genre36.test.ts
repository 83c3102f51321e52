// Drafting a plan from its document (issue 13): the rules added after held-out sets 36 and 37,
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import type { Indicator } from '../../src/shared/model'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import { matchScore } from '../../src/shared/planDraft/score'
import type { Drafted } from '../../src/shared/planDraft/types'
import { named, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Tân Lộc', '14', '12 tháng 01', 2026)

const planWith = (items: string[], extra = '', bare = false, intro?: string): string => planWithList({ head: HEAD, year: 2026, items, extra, bare, intro })

const sources = (d: { text: string; indicators: Drafted<Indicator>[] }): string[] => d.indicators.map((i) => d.text.slice(i.source.start, i.source.end))

describe('a plan attached to the decision that issues it', () => {
  const text = `ỦY BAN NHÂN DÂN
XÃ TÂN LỘC
Số: 31/QĐ-UBND
Tân Lộc, ngày 09 tháng 01 năm 2026
QUYẾT ĐỊNH
Về việc ban hành Kế hoạch thi đua năm 2026
CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN LỘC
Căn cứ Luật Thi đua, khen thưởng năm 2022;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thi đua năm 2026 của xã.
Điều 2. Quyết định có hiệu lực từ ngày ký.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
CHỦ TỊCH
Trần Văn Bình

ỦY BAN NHÂN DÂN
XÃ TÂN LỘC
KẾ HOẠCH
Thi đua năm 2026
(Ban hành kèm theo Quyết định số 31/QĐ-UBND ngày 09/01/2026 của Chủ tịch UBND xã)
I. CHỈ TIÊU THI ĐUA
1. Thu ngân sách trên địa bàn đạt 14,2 tỷ đồng.
2. Tỷ lệ hộ nghèo dưới 2%.
II. TỔ CHỨC THỰC HIỆN
Văn phòng theo dõi, tổng hợp.
`
  it('reads the plan after the decision’s signature, with the decision’s number', () => {
    const d = draftPlan(text)
    expect(d.header.number?.value).toBe('31/QĐ-UBND')
    expect(named(d, /ngân sách/u)?.value.target).toEqual({ kind: 'at_least', value: 14.2 })
    expect(named(d, /hộ nghèo/u)?.value.target).toMatchObject({ kind: 'at_most', value: 2 })
  })
  it('still reads nothing after the signature of a plan with no attachment', () => {
    const d = draftPlan(planWith(['Thu ngân sách trên địa bàn đạt 14,2 tỷ đồng.'], '', false).replace('III. TỔ CHỨC', 'Nơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nTrần Văn Bình\nGhi chú: trồng thêm 30 ha rừng.\nIII. TỔ CHỨC'))
    expect(named(d, /rừng/u)).toBeUndefined()
  })
})

describe('a past year reviewed at the end of a paragraph', () => {
  it('reads no target in the sentences on a past year after a full stop', () => {
    const intro = 'Tiếp tục các phong trào thi đua của xã. Năm 2025, toàn xã có 64 doanh nghiệp, thu ngân sách đạt 12,6 tỷ đồng; xảy ra 14 vụ tai nạn giao thông.'
    const d = draftPlan(planWith(['Thu ngân sách trên địa bàn đạt 14,2 tỷ đồng.'], '', false, intro).replace('I. MỤC ĐÍCH, YÊU CẦU', 'I. NỘI DUNG'))
    expect(d.indicators.map((i) => i.value.target)).not.toContainEqual(expect.objectContaining({ value: 12.6 }))
    expect(d.indicators.map((i) => i.value.target)).not.toContainEqual(expect.objectContaining({ value: 64 }))
    expect(named(d, /ngân sách/u)?.value.target).toEqual({ kind: 'at_least', value: 14.2 })
  })
})

describe('items numbered in brackets that the duties refer back to', () => {
  const items = ['(1) Trồng mới 40 ha rừng sản xuất.', '(2) Đàn bò 1.800 con trở lên.', '(3) Tỷ lệ hộ nghèo giảm 1,2%.']
  const duties = '\nIV. PHÂN CÔNG\n1. Phòng Kinh tế theo dõi chỉ tiêu (1) đến (2); Phòng Văn hóa - Xã hội theo dõi chỉ tiêu (3).\n'
  it('reads them as the list’s items, not as footnotes', () => {
    const normal = normalizeText(planWith(items, duties, true))
    expect(normal).toContain('- Trồng mới 40 ha rừng sản xuất.')
    expect(normal).toContain('- Đàn bò 1.800 con trở lên.')
    const d = draftPlan(planWith(items, duties, true))
    expect(named(d, /bò/u)?.value.target).toEqual({ kind: 'at_least', value: 1800 })
    expect(named(d, /rừng/u)?.value.target).toEqual({ kind: 'at_least', value: 40 })
  })
  it('knows a reference by its last words, however long the line before it', () => {
    // The reference is read from the words just before the bracket (a line of thousands of them is
    // read in linear time): a long preamble, and spaces before the bracket, change nothing.
    const long = `1. Phòng Kinh tế ${'chủ trì, phối hợp với các thôn, '.repeat(40)}theo dõi chỉ tiêu    (1) đến    (2).\n`
    const normal = normalizeText(planWith(items, `\nIV. PHÂN CÔNG\n${long}`, true))
    expect(normal).toContain('- Trồng mới 40 ha rừng sản xuất.')
    expect(normal).toContain('- Đàn bò 1.800 con trở lên.')
    // A letter just before the reference word ("thủ tục (2)" is no reference; "mục (2)" is).
    expect(normalizeText(planWith(items, '\nIV. PHÂN CÔNG\nHoàn thiện thủ tục (2).\n', true))).not.toContain('- Đàn bò 1.800 con trở lên.')
  })
  it('keeps a footnote mark after a figure a footnote', () => {
    const normal = normalizeText(planWith(['Thu ngân sách đạt 14,2 tỷ đồng (1).'], '\n(1) Chưa kể thu tiền sử dụng đất.\n'))
    expect(normal).not.toContain('- Chưa kể thu tiền sử dụng đất.')
  })
})

describe('a name in quotes carried to the next line of a PDF', () => {
  it('joins the line that opens on the quote to the sentence before it', () => {
    const raw = 'Tiếp tục các phong trào “Chung sức xây dựng nông thôn mới”, “Vì người nghèo” và phong trào\n“Dân vận khéo” trên địa bàn xã.'
    expect(normalizeText(raw)).toBe('Tiếp tục các phong trào “Chung sức xây dựng nông thôn mới”, “Vì người nghèo” và phong trào “Dân vận khéo” trên địa bàn xã.')
  })
  it('leaves a quoted line after a colon on its own', () => {
    const raw = 'Khẩu hiệu của phong trào năm nay được thống nhất trong toàn xã như sau:\n“Đoàn kết, sáng tạo, về đích sớm”'
    expect(normalizeText(raw).split('\n')).toHaveLength(2)
  })
})

describe('a growth naming no measure after an amount', () => {
  it('restates the amount before it, whatever it counts', () => {
    const d = draftPlan(planWith(['Đón 12.000 lượt khách tham quan trở lên, tăng 15% so với năm 2025;']))
    expect(d.indicators).toHaveLength(1)
    expect(d.indicators[0]!.value.target).toEqual({ kind: 'at_least', value: 12000 })
  })
  it('keeps a growth that names its own measure', () => {
    const d = draftPlan(planWith(['Sản lượng thủy sản đạt 2.400 tấn, giá trị sản xuất nông nghiệp tăng 6% so với năm 2025.']))
    expect(d.indicators.map((i) => i.value.target?.kind)).toContain('growth')
  })
})

describe('a table heading of two rows whose plan spans the whole year and half of it', () => {
  const table = `| TT | Chỉ tiêu | ĐVT | Thực hiện năm 2025 | Kế hoạch năm 2026 | |
| | | | | Cả năm | 6 tháng |
|---|---|---|---|---|---|
| 1 | Diện tích gieo trồng ngô | ha | 310 | 320 | 150 |
| 2 | Tổ hợp tác hoạt động hiệu quả | tổ hợp tác | 6 | 8 | - |`
  it('takes the whole year’s column as the plan and the second heading row as no goal', () => {
    const d = draftPlan(planWith([], `\n${table}\n`))
    expect(d.indicators.map((i) => i.value.aggregation)).not.toContain('yes_no')
    expect(named(d, /ngô/u)?.value.target).toEqual({ kind: 'at_least', value: 320 })
    expect(named(d, /tổ hợp tác/iu)?.value.target).toEqual({ kind: 'at_least', value: 8 })
  })
})

describe('a goal of reaching an assigned measure that has its own figure', () => {
  it('restates that figure; it is no goal of its own', () => {
    const d = draftPlan(planWith(['Thu ngân sách nhà nước trên địa bàn đạt 9,5 tỷ đồng.', 'Phấn đấu hoàn thành vượt dự toán thu ngân sách nhà nước trên địa bàn được giao.']))
    expect(d.indicators).toHaveLength(1)
    expect(named(d, /ngân sách/u)?.reasons.join(' ')).toMatch(/nêu lại chỉ tiêu này/u)
  })
  it('stays a goal when the measure has no figure', () => {
    const d = draftPlan(planWith(['Tỷ lệ hộ nghèo dưới 2%.', 'Phấn đấu đạt và vượt chỉ tiêu thu ngân sách được giao.']))
    expect(d.indicators).toHaveLength(2)
  })
})

describe('how often a duty is done, as a count per period', () => {
  it('is no goal of the year', () => {
    const d = draftPlan(planWith(['Tỷ lệ hộ nghèo dưới 2%.', 'Hội Nông dân xã tổ chức sinh hoạt chuyên đề về chuyển đổi số 02 lần/quý cho hội viên.']))
    expect(sources(d).join(' ')).not.toMatch(/lần\/quý/u)
  })
})

describe('the least every village must hold in the year', () => {
  it('is a yes/no each village reports, in a list and in prose', () => {
    const list = draftPlan(planWith(['Tỷ lệ hộ nghèo dưới 2%.', 'Mỗi thôn tổ chức ít nhất 03 đợt tổng vệ sinh đường làng trong năm.']))
    expect(list.indicators.find((i) => /đợt tổng vệ sinh/u.test(i.value.source ?? ''))?.value.aggregation).toBe('yes_no')
    const prose = draftPlan(
      `${HEAD}\nI. NỘI DUNG THI ĐUA\nVề văn hóa - xã hội, tỷ lệ hộ nghèo giảm dưới 2%; mỗi khu dân cư tổ chức ít nhất 02 buổi giao lưu văn nghệ trong năm.\nII. TỔ CHỨC THỰC HIỆN\nVăn phòng theo dõi.\n`,
    )
    expect(prose.indicators.find((i) => /giao lưu văn nghệ/u.test(i.value.source ?? ''))?.value.aggregation).toBe('yes_no')
  })
  it('is no goal when it is only a duty with no year', () => {
    const d = draftPlan(planWith(['Tỷ lệ hộ nghèo dưới 2%.', 'Mỗi thôn tổ chức ít nhất 01 buổi họp dân để phổ biến kế hoạch.']))
    expect(d.indicators.find((i) => /họp dân/u.test(i.value.source ?? ''))).toBeUndefined()
  })
})

describe('scoring units', () => {
  it('counts “HTX” and “hợp tác xã” as one unit', () => {
    const d = draftPlan(planWith(['Có 6 hợp tác xã nông nghiệp hoạt động hiệu quả.']))
    const drafted = d.indicators[0]!.value
    expect(drafted.unitOfMeasure).toBe('hợp tác xã')
    expect(matchScore(drafted, { ...drafted, unitOfMeasure: 'HTX' })).toBeGreaterThan(0)
    expect(matchScore(drafted, { ...drafted, unitOfMeasure: 'tổ hợp tác' })).toBe(0)
  })
})
