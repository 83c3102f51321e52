// Drafting a plan from its document (issue 13): the rules added after held-out sets 56 and 57,
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { named, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Tân Hợp', '07', '15 tháng 01', 2026)

const SIGNED = `Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Lê Văn Hòa
`

describe('a numbered schedule after the signature ("Biểu số 01")', () => {
  it('reads the schedule as an appendix, its rows numbered "1." and "1.1"', () => {
    const d = draftPlan(`${HEAD}I. MỤC ĐÍCH, YÊU CẦU
1. Khơi dậy tinh thần thi đua trong toàn xã.
II. NỘI DUNG THI ĐUA
1. Phong trào "Chung sức xây dựng nông thôn mới".
Các chỉ tiêu thi đua cụ thể có Biểu số 02 kèm theo.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp.

${SIGNED}
Biểu số 02
CÁC CHỈ TIÊU THI ĐUA NĂM 2026

| TT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2026 | Ghi chú |
|---|---|---|---|---|
| 1. | Kinh tế | | | |
| 1.1 | Diện tích cây chè | ha | 640 | Duy trì |
| 1.2 | Tổng đàn lợn | con | 5.200 | |
| 2. | Xã hội | | | |
| 2.1 | Tỷ lệ người dân tham gia bảo hiểm y tế | % | ≥ 95 | |
`)
    expect(named(d, /cây chè/iu)?.value.target).toEqual({ kind: 'at_least', value: 640 })
    expect(named(d, /đàn lợn/iu)?.value.target).toEqual({ kind: 'at_least', value: 5200 })
    expect(named(d, /bảo hiểm y tế/iu)?.value.target).toMatchObject({ kind: 'rate_at_least', value: 95 })
  })
})

describe('a figure in passing that restates a whole summed from its parts', () => {
  it('keeps the table\'s whole with its parts, not the sentence that names it first', () => {
    const d = draftPlan(`${HEAD}I. MỤC ĐÍCH, YÊU CẦU
1. Khơi dậy tinh thần thi đua trong toàn xã.
II. NỘI DUNG THI ĐUA
1. Phong trào "Chung sức xây dựng nông thôn mới", trọng tâm là phấn đấu tổng sản lượng lương thực đạt 7.300 tấn.
2. Các chỉ tiêu cụ thể:
| TT | Chỉ tiêu | ĐVT | Kế hoạch 2026 |
|---|---|---|---|
| 1 | Tổng sản lượng lương thực có hạt | tấn | 7.300 |
| | Trong đó: | | |
| | - Sản lượng thóc | tấn | 6.500 |
| | - Sản lượng ngô | tấn | 800 |
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp.
`)
    const totals = d.indicators.filter((i) => i.value.unitOfMeasure === 'tấn' && /lương thực/iu.test(i.value.name))
    expect(totals).toHaveLength(1)
    expect(totals[0]?.value.target).toMatchObject({ kind: 'derived', value: 7300 })
    expect(totals[0]?.value.children).toHaveLength(2)
  })
})

describe('a letter without sections whose lead-in sentences introduce its lists', () => {
  const LETTER = `HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG XÃ AN PHÚ
Số: 03/TB-HĐTĐKT
An Phú, ngày 18 tháng 01 năm 2026
THÔNG BÁO
Về các chỉ tiêu thi đua năm 2026

Năm 2025, xã trồng mới 180 ha rừng, thu ngân sách 9,2 tỷ đồng.

Hội đồng đề nghị các thôn đăng ký thi đua theo các chỉ tiêu dưới đây. Về kinh tế, toàn xã phấn đấu:
- Diện tích quế hiện có duy trì 2.400 ha;
- Trồng mới 200 ha rừng sản xuất.
Về an ninh, trật tự, Công an xã phối hợp các thôn bảo đảm:
- Giữ vững an ninh chính trị, trật tự an toàn xã hội;
- Không để xảy ra cháy rừng.
Các chỉ tiêu trên là căn cứ bình xét cuối năm; tập thể nào không đạt từ 85% chỉ tiêu trở lên thì không được xét danh hiệu thi đua.

Nơi nhận:
- Lưu: VT.
`
  it('reads the "- " lines under "… phấn đấu:" and "… bảo đảm:" as targets', () => {
    const d = draftPlan(LETTER)
    expect(named(d, /quế/iu)?.value.target).toEqual({ kind: 'at_least', value: 2400 })
    expect(named(d, /rừng sản xuất/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 200 })
    expect(d.indicators.some((i) => /an ninh chính trị/iu.test(i.value.source ?? '') && i.value.target?.kind === 'yes_no')).toBe(true)
    expect(d.indicators.some((i) => /cháy rừng/iu.test(i.value.source ?? '') && i.value.target?.kind === 'yes_no')).toBe(true)
  })

  it('reads no target in the condition "… nào không đạt … thì …" after the lists', () => {
    const d = draftPlan(LETTER)
    expect(d.indicators.some((i) => /nào không đạt/iu.test(i.value.source ?? ''))).toBe(false)
    expect(d.indicators).toHaveLength(4)
  })
})

describe('a table by quarter', () => {
  it('takes the "Cả năm" column for the year\'s target, "n/n" there a yes/no', () => {
    const d = draftPlan(`${HEAD}I. MỤC ĐÍCH, YÊU CẦU
1. Khơi dậy tinh thần thi đua trong toàn xã.
II. CHỈ TIÊU THI ĐUA NĂM 2026
| TT | Chỉ tiêu | ĐVT | Quý I | Quý II | Quý III | Quý IV | Cả năm |
|---|---|---|---|---|---|---|---|
| 1 | Số lao động được tạo việc làm mới | người | 30 | 50 | 40 | 30 | 150 |
| 2 | Số thôn giữ vững danh hiệu Thôn văn hóa | thôn | - | - | - | - | 11/11 |
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp.
`)
    expect(named(d, /việc làm/iu)?.value.target).toEqual({ kind: 'at_least', value: 150 })
    expect(named(d, /thôn văn hóa/iu)?.value.target).toEqual({ kind: 'yes_no' })
  })
})

describe('"khu vực" as the unit a ward reports by', () => {
  it('reads "Tỷ lệ khu vực đạt danh hiệu … | % | 100" as each khu vực\'s yes/no', () => {
    const d = draftPlan(`${HEAD}I. MỤC ĐÍCH, YÊU CẦU
1. Khơi dậy tinh thần thi đua trong toàn phường.
II. CHỈ TIÊU THI ĐUA
| STT | Chỉ tiêu | ĐVT | Năm 2025 | Năm 2026 |
|---|---|---|---|---|
| 1 | Tỷ lệ khu vực đạt danh hiệu Khu vực văn hóa | % | 90 | 100 |
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp.
`)
    expect(named(d, /khu vực/iu)?.value.target).toEqual({ kind: 'yes_no' })
  })

  it('reads no commune target in "mỗi khu vực có ít nhất 01 …" beside a movement', () => {
    const d = draftPlan(`${HEAD}I. MỤC ĐÍCH, YÊU CẦU
1. Khơi dậy tinh thần thi đua trong toàn phường.
II. NỘI DUNG THI ĐUA
1. Phong trào "Chung tay xây dựng đô thị văn minh", mỗi khu vực có ít nhất 01 tuyến hẻm sáng - xanh - sạch.
2. Thu ngân sách trên địa bàn đạt 14 tỷ đồng trở lên.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp.
`)
    expect(d.indicators.some((i) => i.value.unitOfMeasure === 'tuyến')).toBe(false)
    expect(named(d, /ngân sách/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 14 })
  })
})

describe('giáo họ', () => {
  it('reads "có ít nhất 18/21 giáo họ được công nhận …" as a count of at least 18', () => {
    const d = draftPlan(planWithList({ head: HEAD, year: 2026, items: ['Có ít nhất 18/21 giáo họ được công nhận "Giáo họ văn hóa".', 'Tỷ lệ hộ gia đình văn hóa đạt 92%.'] }))
    const parishes = d.indicators.find((i) => /giáo họ/iu.test(i.value.source ?? ''))
    expect(parishes?.value.target).toEqual({ kind: 'at_least', value: 18 })
    expect(parishes?.value.unitOfMeasure).toBe('giáo họ')
  })

  it('reads no target in the commune described with its forming in brackets', () => {
    const d = draftPlan(`${HEAD}Căn cứ Nghị quyết của HĐND xã về nhiệm vụ năm 2026.

Xã Tân Hợp (thành lập từ ngày 01/7/2025 trên cơ sở sáp nhập hai xã cũ) có 12 thôn và 9 giáo họ, trên 35% dân số theo đạo Công giáo.
I. MỤC ĐÍCH, YÊU CẦU
1. Khơi dậy tinh thần thi đua trong toàn xã.
II. NỘI DUNG THI ĐUA
1. Thu ngân sách trên địa bàn đạt 14 tỷ đồng trở lên.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp.
`)
    expect(d.indicators.some((i) => /dân số/iu.test(i.value.source ?? ''))).toBe(false)
    expect(d.indicators).toHaveLength(1)
  })
})
