// Drafting a plan from its document (issue 13): the rules added after held-out sets 52 and 53,
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { headingOf } from '../../src/shared/planDraft/sections'
import { draftList, named, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Na Rì', '11', '16 tháng 01', 2026)

const draft = (items: string[], extra = '') => draftPlan(planWithList({ head: HEAD, year: 2026, items, extra }))

describe('numbers and letters typed with a slash ("2/", "b/")', () => {
  it('reads "2/" and "b/" as headings, as "I/" and "1.1/" are', () => {
    expect(headingOf('2/ Chỉ tiêu thi đua')).toMatchObject({ level: 2, label: '2', rest: 'Chỉ tiêu thi đua' })
    expect(headingOf('b/ Về văn hóa - xã hội:')).toMatchObject({ level: 5, label: 'b', rest: 'Về văn hóa - xã hội:' })
    // A date or a fraction is no heading: no space after its slash.
    expect(headingOf('5/2026 hoàn thành sửa chữa nhà văn hóa thôn.')).toBeUndefined()
  })

  it('sets the awards\' section apart, its "b/" line of money awarded no target', () => {
    const d = draft(
      ['Thu nhập bình quân đầu người đạt 49 triệu đồng/người/năm.'],
      `IV/ KHEN THƯỞNG
a/ Cuối năm, UBND xã tổng kết, khen thưởng các tập thể, cá nhân tiêu biểu.
b/ Chủ tịch UBND xã tặng Giấy khen kèm tiền thưởng: tập thể 1.200.000 đồng, cá nhân 600.000 đồng.
`,
    )
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'rate_at_least', value: 49 }])
  })

  it('reads the targets under "2/ … a/ Về …:" headings, the headings themselves no goals', () => {
    const d = draftPlan(`${HEAD}I/ MỤC ĐÍCH, YÊU CẦU
a/ Phát huy tinh thần yêu nước của cán bộ và Nhân dân.
II/ NỘI DUNG, CHỈ TIÊU THI ĐUA
1/ Các phong trào thi đua
+ Phong trào "Cả nước chung tay vì người nghèo".
2/ Chỉ tiêu thi đua
a/ Về kinh tế:
+ Trồng mới 40 ha rừng sản xuất.
b/ Về xã hội:
+ Tỷ lệ hộ nghèo giảm 1,2%.
III/ GIẢI PHÁP
a/ Tăng cường tuyên truyền trên loa truyền thanh của các thôn.
`)
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 40 }, expect.objectContaining({ amount: 1.2 })])
    expect(named(d, /chỉ tiêu thi đua/iu)).toBeUndefined()
  })
})

describe("the plan's parts lettered in capitals above its roman fields", () => {
  const plan = (field: string): string => `${HEAD}A. MỤC ĐÍCH, YÊU CẦU
Động viên cán bộ và Nhân dân thi đua hoàn thành các chỉ tiêu năm 2026.
B. CHỦ ĐỀ THI ĐUA
"Na Rì đoàn kết, sáng tạo, phát triển".
C. CÁC CHỈ TIÊU THI ĐUA NĂM 2026
I. LĨNH VỰC KINH TẾ
1. Thu ngân sách nhà nước trên địa bàn đạt 5,2 tỷ đồng.
${field}
1. Không để xảy ra cháy rừng.
D. NHIỆM VỤ VÀ GIẢI PHÁP
1. Các ban, ngành, đoàn thể và các thôn tổ chức phát động, đăng ký thi đua.
2. Tập trung chỉ đạo chăm sóc rừng trồng, chuyển đổi giống cây có giá trị cao.
3. Thực hiện tốt phương án phòng chống thiên tai; duy trì các tổ đội xung kích ở 12 thôn.
4. Đẩy mạnh cải cách hành chính.
Đ. THỜI GIAN THI ĐUA
Từ ngày 01/01/2026 đến ngày 30/11/2026.
`

  it('"D. NHIỆM VỤ VÀ GIẢI PHÁP" after the last roman field is a part of solutions: its duties are no goals', () => {
    const d = draftPlan(plan('II. LĨNH VỰC QUỐC PHÒNG - AN NINH'))
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 5.2 }, { kind: 'yes_no' }])
  })

  it('a field named in lower case words is still read', () => {
    const d = draftPlan(plan('II. Lĩnh vực quốc phòng - an ninh'))
    expect(named(d, /cháy rừng/iu)?.value.target).toEqual({ kind: 'yes_no' })
  })
})

describe("a crop's measures after a clause of direction", () => {
  it('"Giữ ổn định sản xuất …, diện tích ngô cả năm 300 ha, năng suất …, sản lượng …": the yield is derived', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      bare: true,
      items: ['Về kinh tế: trồng mới 25 ha rừng. Giữ ổn định sản xuất lương thực, diện tích ngô cả năm 300 ha, năng suất 52 tạ/ha, sản lượng 1.560 tấn. Thu ngân sách đạt 6 tỷ đồng.'],
    })
    expect(named(d, /^Diện tích ngô/iu)?.value.target).toEqual({ kind: 'at_least', value: 300 })
    const y = named(d, /^Năng suất ngô/iu)?.value
    expect(y?.target).toEqual({ kind: 'derived', value: 52 })
    expect(y?.formula).toMatch(/\* 10 \//u)
    expect(named(d, /^Sản lượng ngô/iu)?.value.target).toEqual({ kind: 'at_least', value: 1560 })
  })
})
