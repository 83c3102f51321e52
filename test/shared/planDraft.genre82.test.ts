// Drafting a plan from its document (issue 13): the rules added after held-out sets 82 and 83,
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftList, named, planHead } from './planDraftText'

const HEAD = planHead('Sơn Thủy', '07', '15 tháng 01', 2025)
const targets = (d: ReturnType<typeof draftList>): string[] => d.indicators.map((i) => i.value.source ?? i.value.name)

describe('a space-aligned table across a page break', () => {
  // The figures set flush left under their headings, a running footer "… – Trang 1" between two rows.
  const table = [
    'TT    Chỉ tiêu                              ĐVT                    Ước TH 2024   KH 2025',
    '1     Tổng đàn bò                           con                    1.840         1.900',
    '2     Diện tích rừng trồng mới              ha                     55            60',
    '',
    '                                        KH số 07/KH-UBND – Trang 1',
    '',
    '3     Số hộ nuôi ong lấy mật                hộ                     42            48',
    '4     Thu nhập bình quân đầu người          triệu đồng/người/năm   52            58',
  ]

  it('reads every row, the plan year\'s column the target, and the footer as no target', () => {
    const d = draftList({ head: HEAD, year: 2025, items: table, bare: true })
    expect(named(d, /đàn bò/iu)?.value.target).toMatchObject({ value: 1900 })
    expect(named(d, /rừng trồng/iu)?.value.target).toMatchObject({ value: 60 })
    expect(named(d, /nuôi ong/iu)?.value.target).toMatchObject({ value: 48 })
    expect(named(d, /thu nhập/iu)?.value.target).toMatchObject({ value: 58 })
    expect(targets(d).some((t) => /trang\s+1|KH-UBND/iu.test(t))).toBe(false)
    expect(d.indicators).toHaveLength(4)
  })

  it('drops a footer "… – Trang 2/3" standing alone in the prose', () => {
    const d = draftList({
      head: HEAD,
      year: 2025,
      items: ['Tỷ lệ hộ dân sử dụng nước hợp vệ sinh đạt 97%.'],
      extra: `\n                                        Kế hoạch thi đua năm 2025 - Trang 2/3\n\n- Giữ vững an ninh chính trị, trật tự an toàn xã hội.`,
    })
    expect(targets(d).some((t) => /trang\s+2/iu.test(t))).toBe(false)
    expect(named(d, /nước hợp vệ sinh/iu)?.value.target).toMatchObject({ value: 97 })
  })
})

describe('a crop\'s output named by its product', () => {
  it('links "sản lượng củ tươi" to the crop of the line, the yield derived', () => {
    const d = draftList({
      head: HEAD,
      year: 2025,
      items: ['Tổng diện tích gieo trồng cây hằng năm đạt 900 ha, trong đó khoai lang 120 ha, sắn 400 ha.', 'Khoai lang: năng suất 150 tạ/ha, sản lượng củ tươi 1.800 tấn.', 'Sắn: năng suất 200 tạ/ha, sản lượng củ tươi 8.000 tấn.'],
    })
    expect(named(d, /năng suất sắn/iu)?.value.target).toEqual({ kind: 'derived', value: 200 })
    expect(named(d, /năng suất sắn/iu)?.value.formula).toMatch(/\* 10 \//u)
    expect(named(d, /năng suất khoai lang/iu)?.value.target).toEqual({ kind: 'derived', value: 150 })
    expect(named(d, /sản lượng sắn/iu)?.value.target).toMatchObject({ value: 8000 })
  })
})

describe('a lead-in to the goals that follow its colon', () => {
  it('reads the goal after "… các mục tiêu sau:" in a paragraph of security goals', () => {
    const d = draftList({
      head: HEAD,
      year: 2025,
      items: ['Tỷ lệ hộ nghèo giảm 1% so với cuối năm 2024.'],
      extra: '3. Về quốc phòng, an ninh, ngoài các chỉ tiêu nêu trên, phấn đấu thực hiện các mục tiêu chủ yếu sau: Giữ vững ổn định an ninh chính trị, trật tự an toàn xã hội trên địa bàn; không để xảy ra cháy rừng. Tỷ lệ giải quyết tin báo tố giác tội phạm đạt 90% trở lên.',
    })
    const kept = d.indicators.find((i) => /^Giữ vững ổn định an ninh chính trị/iu.test(i.value.source ?? ''))
    expect(kept?.value.target).toEqual({ kind: 'yes_no' })
    expect(kept?.value.source).not.toMatch(/mục tiêu/iu)
    expect(named(d, /cháy rừng/iu)?.value.target).toEqual({ kind: 'yes_no' })
    expect(named(d, /tin báo/iu)?.value.target).toMatchObject({ value: 90 })
  })
})
