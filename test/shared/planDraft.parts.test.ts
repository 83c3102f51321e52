// Drafting a plan from its document (issue 13): a plan whose parts are named "PHẦN I", "PHẦN II" over
// their titles, with its targets under "A.", "B." groups and its first "1." an item of a later part,
// begins at its first part (the body is not taken to start at that later "1."); kilns are counted
// as such ("15 lò nung"). Hand-written plans.
import { describe, expect, it } from 'vitest'
import { draftPlan, WHOLE_TEXT_REASON } from '../../src/shared/planDraft/extract'

const PLAN = `ỦY BAN NHÂN DÂN XÃ TÂN PHÚ ĐÔNG
Số: 09/KH-UBND
Tân Phú Đông, ngày 15 tháng 01 năm 2026

KẾ HOẠCH
Phát động phong trào thi đua năm 2026

PHẦN I
TÌNH HÌNH CHUNG
Năm 2025, toàn xã thu ngân sách 10,2 tỷ đồng, có 1.150 hộ trồng bưởi.

PHẦN II
CHỈ TIÊU THI ĐUA NĂM 2026
A. VỀ KINH TẾ
+ Thu ngân sách nhà nước trên địa bàn đạt 11 tỷ đồng trở lên.
+ Chuyển đổi ít nhất 20 lò gạch thủ công sang lò công nghệ mới; duy trì 6 lò gốm cổ phục vụ du lịch.
B. VỀ XÃ HỘI
+ Tỷ lệ người dân tham gia bảo hiểm y tế đạt 95% trở lên.

PHẦN III
KHEN THƯỞNG
1. Tặng Giấy khen kèm tiền thưởng 1.000.000 đồng cho tập thể tiêu biểu.
2. Các ấp đăng ký thi đua trước ngày 15/02/2026.
`

describe('a plan in parts named "PHẦN I", "PHẦN II"', () => {
  it('reads the targets of its second part, not only what follows its first "1."', () => {
    const d = draftPlan(PLAN)
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['tỷ đồng', { kind: 'at_least', value: 11 }],
      ['lò', { kind: 'at_least', value: 20 }],
      ['lò', { kind: 'at_least', value: 6 }],
      ['%', { kind: 'rate_at_least', value: 95 }],
    ])
    // (The review in the first part states where things stand; the awards are no targets.)
    expect(d.indicators.some((i) => /1\.150|10,2/u.test(i.value.source ?? ''))).toBe(false)
  })

  it('counts kilns kept as a stock and kilns converted in the year as a flow', () => {
    const d = draftPlan(PLAN)
    expect(d.indicators.filter((i) => i.value.unitOfMeasure === 'lò').map((i) => i.value.aggregation)).toEqual(['flow', 'stock'])
  })
})

describe('a part named alone on its line after a part without targets', () => {
  it('ends "Mục đích: …" and reads the targets under "Chỉ tiêu thi đua năm 2025"', () => {
    const d = draftPlan(`ỦY BAN NHÂN DÂN PHƯỜNG AN HẢI
Số: 05/KH-UBND
An Hải, ngày 08 tháng 01 năm 2025
KẾ HOẠCH
Phát động phong trào thi đua năm 2025

Thực hiện Kế hoạch của UBND thành phố, UBND phường ban hành kế hoạch như sau:

**Mục đích:** Khơi dậy tinh thần thi đua trong cán bộ và nhân dân 9 khu phố.

**Chỉ tiêu thi đua năm 2025**

**Về kinh tế:** Thu ngân sách nhà nước trên địa bàn đạt 14 tỷ đồng trở lên; phát triển mới 10 doanh nghiệp.

**Về xã hội:** Tỷ lệ người dân tham gia bảo hiểm y tế đạt 95% trở lên.

**Khen thưởng:** Khu phố dẫn đầu được thưởng 2.000.000 đồng.
`)
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['tỷ đồng', { kind: 'at_least', value: 14 }],
      ['doanh nghiệp', { kind: 'at_least', value: 10 }],
      ['%', { kind: 'rate_at_least', value: 95 }],
    ])
  })
})

describe('a part named for its purpose and its targets together', () => {
  const PLAN = `ỦY BAN NHÂN DÂN XÃ PHONG NẬM
Số: 04/KH-UBND
Phong Nậm, ngày 10 tháng 01 năm 2026
KẾ HOẠCH
Phát động phong trào thi đua năm 2026

Căn cứ Kế hoạch của UBND tỉnh về công tác thi đua năm 2026.

I. MỤC ĐÍCH, YÊU CẦU VÀ CHỈ TIÊU THI ĐUA
1. Mục đích, yêu cầu
- Phong trào thi đua phải thiết thực, hiệu quả, tránh hình thức.
2. Các chỉ tiêu thi đua chủ yếu
a) Về kinh tế
- Tổng đàn trâu, bò đạt 4.200 con trở lên.
b) Về xã hội
- Về giảm nghèo: Phấn đấu giảm tỷ lệ hộ nghèo từ 3 - 4% so với cuối năm 2025.
- Giữ vững an ninh biên giới quốc gia.

II. KHEN THƯỞNG
Tặng Giấy khen cho không quá 6 tập thể.
`
  it('reads the targets under it and leaves out its purposes', () => {
    const d = draftPlan(PLAN)
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([
      ['Tổng đàn trâu, bò', { kind: 'at_least', value: 4200 }],
      ['Tỷ lệ hộ nghèo', { kind: 'reduce_by', amount: 3, max: 4 }],
      ['Giữ vững an ninh biên giới quốc gia', { kind: 'yes_no' }],
    ])
  })
})

describe('a plan whose targets stand nowhere the rules look', () => {
  const PLAN = `ỦY BAN NHÂN DÂN XÃ TÂN AN
Số: 03/KH-UBND
Tân An, ngày 05 tháng 01 năm 2026
KẾ HOẠCH
Phát động phong trào thi đua năm 2026

I. MỤC ĐÍCH, YÊU CẦU
- Thu ngân sách nhà nước trên địa bàn đạt 8 tỷ đồng trở lên.
- Tỷ lệ người dân tham gia bảo hiểm y tế đạt 95% trở lên.

II. KHEN THƯỞNG
Tặng Giấy khen kèm tiền thưởng 1.000.000 đồng cho tập thể tiêu biểu.
`
  it('is read again as a whole, its purpose included, every item marked low with the reason', () => {
    const d = draftPlan(PLAN)
    expect(d.noTargets).toBe(false)
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target, i.confidence])).toEqual([
      ['tỷ đồng', { kind: 'at_least', value: 8 }, 'low'],
      ['%', { kind: 'rate_at_least', value: 95 }, 'low'],
    ])
    expect(d.indicators.every((i) => i.reasons[0] === WHOLE_TEXT_REASON)).toBe(true)
  })

  it('is not read again where the rules found a target', () => {
    const d = draftPlan(PLAN.replace('I. MỤC ĐÍCH, YÊU CẦU', 'I. CHỈ TIÊU THI ĐUA'))
    expect(d.indicators.map((i) => i.confidence)).not.toContain('low')
    expect(d.indicators.some((i) => i.reasons.includes(WHOLE_TEXT_REASON))).toBe(false)
  })

  it('still finds no target in a text that is no plan', () => {
    expect(draftPlan('Thông báo lịch họp tổ dân phố số 3 vào ngày 12/3.\nMời các hộ dự họp đúng giờ.').noTargets).toBe(true)
  })
})
