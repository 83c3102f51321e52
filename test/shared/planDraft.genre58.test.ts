// Drafting a plan from its document (issue 13): the rules added after held-out sets 58 and 59,
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { decimalHabit } from '../../src/shared/planDraft/lexicon'
import { named, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Đông Lĩnh', '09', '10 tháng 01', 2026)

describe('the rate of work against a harm ("phòng cháy, chữa cháy")', () => {
  it('reads it as a rate to raise, not a ceiling like the harm itself', () => {
    const d = draftPlan(`${HEAD}I. MỤC ĐÍCH, YÊU CẦU
Khơi dậy tinh thần thi đua trong toàn xã.
II. CHỈ TIÊU THI ĐUA
| STT | Chỉ tiêu | Đơn vị tính | Thực hiện năm 2025 | Kế hoạch năm 2026 |
|---|---|---|---|---|
| 1 | Tỷ lệ cơ sở kinh doanh được hướng dẫn phòng cháy, chữa cháy | % | 75 | 90 |
| 2 | Tỷ lệ trường học có mô hình phòng, chống ma túy | % | 60 | 80 |
| 3 | Số vụ cháy nhà dân | vụ | 4 | 2 |
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp.
`)
    expect(named(d, /hướng dẫn phòng cháy/iu)?.value.target).toMatchObject({ kind: 'rate_at_least', value: 90 })
    expect(named(d, /ma túy/iu)?.value.target).toMatchObject({ kind: 'rate_at_least', value: 80 })
    expect(named(d, /cháy nhà dân/iu)?.value.target).toMatchObject({ kind: 'at_most', value: 2 })
  })
})

describe('sessions the villages hold, named together ("các thôn tổ chức … ít nhất 03 buổi")', () => {
  it('sets no commune target for the count each of them is asked to hold', () => {
    const d = draftPlan(`${HEAD}I. MỤC ĐÍCH, YÊU CẦU
Khơi dậy tinh thần thi đua.
II. CHỈ TIÊU THI ĐUA
1. Trồng mới 45 ha rừng sản xuất.
2. Tỷ lệ hộ dân sử dụng nước sạch đạt 90%.
III. CÁC PHONG TRÀO THI ĐUA
1. Phong trào "Bản làng xanh - sạch - đẹp": hộ gia đình cam kết thu gom rác đúng nơi quy định; các thôn, bản tổ chức họp dân bàn việc giữ vệ sinh ít nhất 03 lần trong năm.
2. Phong trào "Toàn dân bảo vệ an ninh Tổ quốc".
IV. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi.
`)
    expect(named(d, /rừng/iu)?.value.target).toEqual({ kind: 'at_least', value: 45 })
    expect(d.indicators.some((i) => /vệ sinh|họp dân/iu.test(`${i.value.name} ${i.value.source ?? ''}`))).toBe(false)
  })

  it('still reads a count the commune itself holds ("Tổ chức ít nhất 06 đợt …")', () => {
    const d = draftPlan(planWithList({ head: HEAD, year: 2026, items: ['Tổ chức ít nhất 06 đợt ra quân khơi thông kênh mương nội đồng.'] }))
    expect(named(d, /kênh mương/iu)?.value.target).toEqual({ kind: 'at_least', value: 6 })
  })
})

describe('a year and the commune that strives after a field\'s label', () => {
  it('links the yield of a crop sown "… ha lúa cả năm" to its area and output', () => {
    const d = draftPlan(planWithList({
      head: HEAD,
      year: 2026,
      bare: true,
      items: ['a) Về kinh tế: Năm 2026 xã phấn đấu gieo cấy 1.320 ha lúa cả năm, năng suất bình quân đạt 61 tạ/ha, sản lượng đạt 8.052 tấn. Tổng đàn lợn đạt 4.500 con.'],
    }))
    const yieldB = named(d, /năng suất/iu)
    expect(yieldB?.value.name).toMatch(/lúa/iu)
    expect(yieldB?.value.target).toEqual({ kind: 'derived', value: 61 })
    expect(yieldB?.value.formula).toMatch(/\* 10 \//u)
    expect(named(d, /diện tích lúa/iu)?.value.target).toEqual({ kind: 'at_least', value: 1320 })
  })
})

describe('the Central Highlands\' bon and the Khmer sóc as reporting units', () => {
  it('reads "100% bon, thôn có …" and "100% sóc …" as a yes/no each unit reports', () => {
    const d = draftPlan(planWithList({
      head: HEAD,
      year: 2026,
      items: ['100% bon, thôn có tổ hòa giải hoạt động hiệu quả.', '100% sóc đạt danh hiệu "Sóc văn hóa".', '100% hồ sơ thủ tục hành chính được giải quyết đúng hạn.'],
    }))
    expect(named(d, /hòa giải/iu)?.value.target).toEqual({ kind: 'yes_no' })
    expect(named(d, /sóc văn hóa/iu)?.value.target).toEqual({ kind: 'yes_no' })
    expect(named(d, /hồ sơ/iu)?.value.target).toMatchObject({ kind: 'rate_at_least', value: 100 })
  })
})

describe('an item labelled "Giải pháp:" under a field\'s targets', () => {
  it('sets no target from the means it names', () => {
    const d = draftPlan(`${HEAD}I. MỤC ĐÍCH, YÊU CẦU
Khơi dậy tinh thần thi đua.
II. NỘI DUNG THI ĐUA
1. Thi đua phát triển kinh tế
- Các chỉ tiêu:
+ Diện tích chè duy trì 420 ha.
+ Thu ngân sách trên địa bàn đạt 6,5 tỷ đồng.
- Giải pháp: hướng dẫn các hộ chuyển đổi giống chè mới; hỗ trợ hợp tác xã quảng bá sản phẩm trên mạng xã hội.
- Biện pháp thực hiện: mở 02 lớp tập huấn kỹ thuật cho nông dân.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi.
`)
    expect(named(d, /chè/iu)?.value.target).toEqual({ kind: 'at_least', value: 420 })
    expect(d.indicators.some((i) => /hợp tác xã|giống chè|tập huấn/iu.test(`${i.value.name} ${i.value.source ?? ''}`))).toBe(false)
  })
})

describe('a phone number in the signature of the e-mail that forwards a plan', () => {
  it('is no decimal: the plan\'s own decimal commas settle "4.250 tấn"', () => {
    expect(decimalHabit('Thu ngân sách đạt 3,2 tỷ đồng.\n--\nVăn phòng UBND xã\nĐT: 0238.3xxx.xxx')).toBe('comma')
    expect(decimalHabit('Tăng trưởng đạt 6.5% so với năm trước.')).toBe('dot')
    const d = draftPlan(`${planWithList({ head: HEAD, year: 2026, items: ['Sản lượng lương thực đạt 4.250 tấn.', 'Thu ngân sách đạt 3,2 tỷ đồng.'] })}
--
Trần Thị Mai
Văn phòng - Thống kê UBND xã Đông Lĩnh
ĐT: 0238.3xxx.xxx
`)
    const food = named(d, /lương thực/iu)
    expect(food?.value.target).toEqual({ kind: 'at_least', value: 4250 })
    expect(food?.ambiguous).toBe(false)
  })
})
