// Drafting a plan from its document (issue 13): the rules added after held-out sets 78 and 79 (a plan
// quoted in an e-mail reply, a level held "bằng hoặc cao hơn" last year's with that year's figure stated
// in the plan's account of it, an abbreviated unit in a table's ĐVT column), each on hand-written
// sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan, normalizeText } from '../../src/shared/planDraft/extract'
import { sameTarget } from '../../src/shared/planDraft/score'
import { draftList, named, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Tà Xùa', '03', '09 tháng 01', 2026)

describe('a plan quoted in an e-mail reply', () => {
  const plan = planWithList({
    head: HEAD,
    year: 2026,
    items: ['Trồng mới 150 ha rừng sản xuất.', 'Giảm tỷ lệ hộ nghèo 3 - 4%.', 'Không để xảy ra cháy rừng.', 'Tỷ lệ hộ dùng nước hợp vệ sinh đạt 92%.'],
  })
  const quoted = (marks: (i: number) => string): string =>
    `Chủ đề: Re: Kế hoạch thi đua 2026\nTừ: Văn phòng xã\n\nEm đã nhận, sẽ nhập vào phần mềm.\n\nVào Th 5, 8 thg 1, 2026 lúc 10:12 Lò Văn Sính đã viết:\n${plan
      .split('\n')
      .map((l, i) => `${marks(i)}${l}`.trimEnd())
      .join('\n')}\n`

  it('reads the quoted plan as if unquoted, with "> " or ">> " or "> > " on its lines', () => {
    for (const marks of [() => '> ', (i: number) => (i % 3 === 0 ? '>> ' : '> '), (i: number) => (i % 2 === 0 ? '> > ' : '> ')]) {
      const d = draftPlan(quoted(marks))
      expect(named(d, /rừng sản xuất/iu)?.value.target).toEqual({ kind: 'at_least', value: 150 })
      expect(named(d, /hộ nghèo/iu)?.value.target).toMatchObject({ kind: 'reduce_by', amount: 3, max: 4 })
      expect(named(d, /cháy rừng/iu)?.value.target).toEqual({ kind: 'yes_no' })
      expect(named(d, /nước hợp vệ sinh/iu)?.value.target).toEqual({ kind: 'rate_at_least', value: 92 })
      expect(d.indicators.some((i) => /^>/u.test(i.value.source ?? ''))).toBe(false)
    }
  })

  it('keeps a blank quoted line (">" alone) and a wrapped sentence of the quote together', () => {
    const text = normalizeText('Anh gửi lại:\n> Tỷ lệ trẻ em đi học đạt\n> 99% trở lên.\n>\n> Giữ vững an ninh trật tự.\n')
    expect(text).toContain('Tỷ lệ trẻ em đi học đạt 99% trở lên.')
    expect(text).not.toMatch(/^>/mu)
  })

  it('keeps a lone line opening on "> 88%" a figure, strictly above', () => {
    expect(normalizeText('Tỷ lệ hộ có thẻ bảo hiểm y tế\n> 88%\n')).toContain('> 88%')
    expect(normalizeText('Tỷ lệ che phủ rừng đạt\n> 60%;\n> 61% năm sau;\n> 62% năm 2028.\n')).toContain('> 60%')
  })
})

describe('a level held at last year\'s ("bằng hoặc cao hơn năm 2025"), that year stated in the plan', () => {
  const intro = 'Năm 2025, diện tích chè búp tươi 360 ha; tổng thu ngân sách trên địa bàn đạt 8,2 tỷ đồng; tỷ lệ thôn có nhà văn hóa đạt chuẩn đạt 87,5%. Năm 2026, xã phấn đấu hoàn thành các chỉ tiêu.'

  it('reads a list item as at least that level: an amount in its unit, a rate in %', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      intro,
      items: ['Diện tích chè búp tươi duy trì bằng hoặc cao hơn năm 2025.', 'Tổng thu ngân sách trên địa bàn không thấp hơn năm trước.', 'Tỷ lệ thôn có nhà văn hóa đạt chuẩn bằng hoặc cao hơn năm 2025.'],
    })
    const tea = named(d, /chè/iu)
    expect(tea?.value.name).toBe('Diện tích chè búp tươi')
    expect(tea?.value).toMatchObject({ unitOfMeasure: 'ha', target: { kind: 'at_least', value: 360 } })
    expect(named(d, /ngân sách/iu)?.value).toMatchObject({ unitOfMeasure: 'tỷ đồng', target: { kind: 'at_least', value: 8.2 } })
    expect(named(d, /nhà văn hóa/iu)?.value).toMatchObject({ unitOfMeasure: '%', aggregation: 'rate', target: { kind: 'rate_at_least', value: 87.5 } })
  })

  it('reads such a clause in running prose, and before "và" and a figure', () => {
    const d = draftPlan(`${HEAD}I. MỤC ĐÍCH, YÊU CẦU
${intro}
II. CHỈ TIÊU THI ĐUA
1. Về kinh tế
Diện tích lúa nương 120 ha, sản lượng 300 tấn. Diện tích chè búp tươi giữ bằng hoặc cao hơn năm 2025; tổng thu ngân sách trên địa bàn bằng hoặc cao hơn năm 2025. Giữ vững xã đạt chuẩn nông thôn mới.
2. Về văn hóa - xã hội
Tỷ lệ thôn có nhà văn hóa đạt chuẩn bằng hoặc cao hơn năm 2025 và 100% thôn có đội văn nghệ. Tỷ lệ hộ dùng điện lưới đạt 98%.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng tổng hợp kết quả trước ngày 10/12/2026.
`)
    expect(named(d, /chè/iu)?.value.target).toEqual({ kind: 'at_least', value: 360 })
    expect(named(d, /ngân sách/iu)?.value.target).toEqual({ kind: 'at_least', value: 8.2 })
    expect(named(d, /nhà văn hóa/iu)?.value.target).toEqual({ kind: 'rate_at_least', value: 87.5 })
  })

  it('takes no level from a sentence of the plan\'s own year, and leaves an amount a growth of 0 % without one', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      intro: 'Năm 2026, xã phấn đấu tổng thu ngân sách trên địa bàn đạt 9 tỷ đồng.',
      items: ['Tổng thu ngân sách trên địa bàn bằng hoặc cao hơn năm 2025.', 'Tỷ lệ thôn có nhà văn hóa đạt chuẩn bằng hoặc cao hơn năm 2025.'],
    })
    expect(named(d, /ngân sách/iu)?.value.target).toEqual({ kind: 'growth', percent: 0, baseYear: 2025 })
    expect(named(d, /nhà văn hóa/iu)?.value.target).toEqual({ kind: 'yes_no' })
  })

  it('scores a growth of 0 % on a stated level and "at least" that level as one target', () => {
    expect(sameTarget({ kind: 'growth', percent: 0, baseYear: 2025, baseValue: 8.2 }, { kind: 'at_least', value: 8.2 })).toBe(true)
    expect(sameTarget({ kind: 'at_least', value: 8.2 }, { kind: 'growth', percent: 0, baseYear: 2025, baseValue: 8.2 })).toBe(true)
    expect(sameTarget({ kind: 'growth', percent: 5, baseYear: 2025, baseValue: 8.2 }, { kind: 'at_least', value: 8.2 })).toBe(false)
    expect(sameTarget({ kind: 'growth', percent: 0, baseYear: 2025 }, { kind: 'at_least', value: 8.2 })).toBe(false)
  })

  it('scores a computed target the hand-made plan gives no figure as matched by any computed figure, and one it gives a figure by that figure only', () => {
    expect(sameTarget({ kind: 'derived', value: 55.4 }, { kind: 'derived' })).toBe(true)
    expect(sameTarget({ kind: 'derived' }, { kind: 'derived' })).toBe(true)
    expect(sameTarget({ kind: 'derived', value: 55.4 }, { kind: 'derived', value: 55.4 })).toBe(true)
    expect(sameTarget({ kind: 'derived', value: 54 }, { kind: 'derived', value: 55.4 })).toBe(false)
    expect(sameTarget({ kind: 'derived' }, { kind: 'derived', value: 55.4 })).toBe(false)
    expect(sameTarget({ kind: 'at_least', value: 55.4 }, { kind: 'derived' })).toBe(false)
  })
})

describe('an abbreviated unit in a table\'s ĐVT column', () => {
  it('keeps "CLB" or "HTX" as the column writes it, the name from the name cell', () => {
    const d = draftPlan(`${HEAD}I. MỤC ĐÍCH, YÊU CẦU
Động viên Nhân dân thi đua.
II. CHỈ TIÊU THI ĐUA
| TT | Chỉ tiêu | ĐVT | Thực hiện 2025 | Kế hoạch 2026 |
|---|---|---|---|---|
| 1 | Số câu lạc bộ dân ca duy trì sinh hoạt | CLB | 5 | 7 |
| 2 | Hợp tác xã chè hoạt động hiệu quả | HTX | 2 | 3 |
| 3 | Diện tích chè búp tươi | ha | 350 | 360 |
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng tổng hợp kết quả trước ngày 10/12/2026.
`)
    const clubs = named(d, /câu lạc bộ/iu)
    expect(clubs?.value).toMatchObject({ name: 'Số câu lạc bộ dân ca duy trì sinh hoạt', unitOfMeasure: 'CLB', target: { kind: 'at_least', value: 7 } })
    expect(named(d, /hợp tác xã/iu)?.value).toMatchObject({ unitOfMeasure: 'HTX', target: { kind: 'at_least', value: 3 } })
    expect(named(d, /diện tích chè/iu)?.value.unitOfMeasure).toBe('ha')
  })
})
