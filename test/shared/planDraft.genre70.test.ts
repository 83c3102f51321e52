// Drafting a plan from its document (issue 13): the rules added after held-out sets 70 and 71
// (a range with its unit after each number, a figure inside a rate's name, a mass organisation's
// duty outside the list of targets, a cut of fires from last year's count in a hard-wrapped
// review), each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { draftList, named, planHead } from './planDraftText'

const head = planHead('Phú Lâm', '04', '08 tháng 01', 2027)
const year = 2027

describe('a range with its unit written after each number', () => {
  it('reads "từ X ha đến Y ha" as the range "từ X đến Y ha"', () => {
    const d = draftList({ head, year, items: ['Diện tích khoai lang gieo trồng từ 350 ha đến 420 ha.', 'Sản lượng thủy sản nuôi trồng đạt từ 1.200 tấn tới 1.350 tấn.'] })
    expect(named(d, /khoai lang/iu)?.value.target).toEqual({ kind: 'range', min: 350, max: 420 })
    expect(named(d, /thủy sản/iu)?.value.target).toEqual({ kind: 'range', min: 1200, max: 1350 })
  })

  it('reads no range when the units differ or no number follows "đến"', () => {
    const d = draftList({ head, year, items: ['Bê tông hóa 4 km đường giao thông nông thôn đến 3 thôn vùng cao.'] })
    expect(d.indicators[0]?.value.target).toEqual({ kind: 'at_least', value: 4 })
  })
})

describe('a figure inside a rate\'s name', () => {
  it('keeps a size that says which units the rate counts in its name, the rate\'s own figure the target', () => {
    const d = draftList({
      head,
      year,
      items: ['Tỷ lệ hợp tác xã có từ 50 thành viên trở lên áp dụng chuyển đổi số đạt 70%.', 'Tỷ lệ hộ có trên 3 ha đất rừng tham gia trồng rừng gỗ lớn là 40%.', 'Tỷ lệ người từ 60 tuổi trở lên được khám sức khỏe định kỳ đạt 80%.'],
    })
    expect(d.indicators).toHaveLength(3)
    expect(named(d, /hợp tác xã có từ 50 thành viên trở lên/iu)?.value.target).toEqual({ kind: 'rate_at_least', value: 70 })
    expect(named(d, /hộ có trên 3 ha đất rừng/iu)?.value.target).toEqual({ kind: 'rate_at_least', value: 40 })
    expect(named(d, /người từ 60 tuổi/iu)?.value.target).toEqual({ kind: 'rate_at_least', value: 80 })
  })

  it('still reads a figure set by the rate\'s own verb before a later %', () => {
    const d = draftList({ head, year, items: ['Tỷ lệ hộ nghèo giảm 25 hộ, còn dưới 2%.'] })
    expect(d.indicators.some((i) => i.value.target?.kind === 'reduce_by' && i.value.target.amount === 25)).toBe(true)
  })
})

describe('a mass organisation\'s duty outside the list of targets', () => {
  it('reads no target from "Đoàn Thanh niên duy trì 03 đội …", "Hội Phụ nữ phối hợp mở 02 lớp …" in the duties', () => {
    const d = draftList({
      head,
      year,
      items: ['Trồng mới ít nhất 500 cây xanh.'],
      extra: 'III. NHIỆM VỤ\n- Đoàn Thanh niên duy trì 03 đội thanh niên tình nguyện giữ gìn vệ sinh môi trường.\n- Hội Phụ nữ, Hội Nông dân phối hợp mở 02 lớp dạy nghề cho lao động nông thôn.',
    })
    expect(d.indicators).toHaveLength(1)
    expect(named(d, /cây xanh/iu)?.value.target).toEqual({ kind: 'at_least', value: 500 })
  })

  it('keeps an organisation\'s figure written in the list of targets as a target', () => {
    const d = draftList({ head, year, items: ['Đoàn Thanh niên tổ chức ít nhất 10 đợt ra quân làm sạch kênh mương.'] })
    expect(d.indicators).toHaveLength(1)
    expect(d.indicators[0]?.value.target).toEqual({ kind: 'at_least', value: 10 })
  })
})

describe('a cut of fires from the count stated in a hard-wrapped review of last year', () => {
  it('sets the ceiling from "xảy ra N vụ cháy" in the review paragraph, broken over lines', () => {
    const text = `${head}I. MỤC ĐÍCH, YÊU CẦU
Năm 2026, tổng thu ngân sách trên địa bàn
đạt 41 tỷ đồng; toàn xã xảy ra 20 vụ cháy;
còn 96 hộ nghèo.
II. CHỈ TIÊU THI ĐUA
- Trồng mới ít nhất 500 cây xanh.
- Kéo giảm ít nhất 15% số vụ cháy so với năm 2026.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp kết quả trước ngày 10/12/2027.
`
    const fires = named(draftPlan(text), /cháy/iu)?.value
    expect(fires?.target).toEqual({ kind: 'at_most', value: 17, strict: false })
    expect(fires?.unitOfMeasure).toBe('vụ')
  })

  it('does not take a count of forest fires for the count of fires', () => {
    const text = `${head}I. MỤC ĐÍCH, YÊU CẦU
Năm 2026, tổng thu ngân sách trên địa bàn
đạt 41 tỷ đồng; toàn xã xảy ra 4 vụ cháy rừng.
II. CHỈ TIÊU THI ĐUA
- Kéo giảm ít nhất 15% số vụ cháy so với năm 2026.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp kết quả trước ngày 10/12/2027.
`
    expect(named(draftPlan(text), /cháy/iu)?.value.target).toMatchObject({ kind: 'reduce_by', amount: 15 })
  })
})
