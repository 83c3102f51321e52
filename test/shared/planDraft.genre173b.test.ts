// Drafting a plan from its document (issue 13): the rules added after held-out sets 169 to 173 (the
// minutes of a launching conference; an award's conditions, a paper's deadline, a part's starting
// count, a table's cut of incidents), each on hand-written sentences in the language of commune
// plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { bySource, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Mỹ Thạnh Tây', '03', '09 tháng 01', 2026)
const draft = listDrafter(HEAD)

/** The minutes of a conference launching a plan, as its secretary writes them. */
const MINUTES = `ĐẢNG ỦY - HĐND - UBND - UBMTTQVN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ MỸ THẠNH TÂY                                     Độc lập - Tự do - Hạnh phúc

                                   Mỹ Thạnh Tây, ngày 08 tháng 01 năm 2026

BIÊN BẢN
Hội nghị phát động phong trào thi đua năm 2026

Thời gian: bắt đầu lúc 08 giờ 00 phút, ngày 08/01/2026.
Chủ trì: đồng chí Huỳnh Văn Lực, Chủ tịch UBND xã.
Thư ký: đồng chí Đỗ Thị Yến, công chức Văn phòng - Thống kê.

NỘI DUNG HỘI NGHỊ

1. Đồng chí Phan Minh Đức, Phó Chủ tịch UBND xã, báo cáo kết quả thực hiện phong trào thi đua năm 2025: sản lượng khóm 9.120 tấn; thu ngân sách 4,1 tỷ đồng; tỷ lệ hộ nghèo cuối năm 2025 còn 3,6%; xây dựng 12 căn nhà tình nghĩa.

2. Đồng chí Phan Minh Đức thông qua dự thảo Kế hoạch phát động phong trào thi đua năm 2026, với các chỉ tiêu chủ yếu:
- Sản lượng khóm đạt 9.500 tấn.
- Chuyển đổi 30 ha đất lúa sang trồng khóm.
- Thu ngân sách trên địa bàn đạt 4,5 tỷ đồng.
- Tỷ lệ hộ nghèo giảm 1% so với cuối năm 2025.
- Tỷ lệ hộ dân sử dụng nước sạch đạt 96%.
- Xây dựng 10 căn nhà tình nghĩa.

3. Ý kiến thảo luận
- Đồng chí Trương Văn Hậu, Trưởng ấp Cà Dăm: ấp đã chuẩn bị 8 ha đất chuyển đổi, đề nghị nâng chỉ tiêu chuyển đổi lên 40 ha.
- Bà Lê Thị Thu, Chủ tịch Hội Liên hiệp Phụ nữ xã: hội đã vận động được 3 căn nhà, đề nghị nâng số nhà tình nghĩa lên 14 căn.

4. Kết luận của đồng chí chủ trì
Hội nghị thống nhất các chỉ tiêu như dự thảo, điều chỉnh, bổ sung như sau:
- Chuyển đổi 40 ha đất lúa sang trồng khóm (tăng 10 ha so với dự thảo).
- Xây dựng 14 căn nhà tình nghĩa.
- Chỉ tiêu thu ngân sách giữ nguyên như dự thảo.
- Bổ sung chỉ tiêu: Không để xảy ra ngộ độc thực phẩm đông người.

Hội nghị biểu quyết: 64/64 đại biểu (100%) nhất trí.
Hội nghị kết thúc lúc 11 giờ 00 phút cùng ngày.

THƯ KÝ                                                   CHỦ TRÌ
(đã ký)                                                  (đã ký)
Đỗ Thị Yến                                               Huỳnh Văn Lực
`

describe('the minutes of a conference that launched the plan', () => {
  const d = draftPlan(MINUTES)
  const targets = (words: RegExp): unknown[] => bySource(d, words).map((i) => i.value.target)

  it('reads no target from last year\'s results an official reports', () => {
    expect(bySource(d, /9\.120|4,1 tỷ|12 căn|3,6%/u)).toEqual([])
  })

  it('reads no target from what the delegates say', () => {
    expect(bySource(d, /Trương Văn Hậu|Lê Thị Thu|đề nghị|vận động|8 ha/u)).toEqual([])
  })

  it('reads no target from the vote, the closing time or the signatures', () => {
    expect(bySource(d, /biểu quyết|kết thúc|THƯ KÝ|CHỦ TRÌ|Đỗ Thị Yến|Huỳnh Văn Lực/u)).toEqual([])
  })

  it('takes the conclusion\'s figure for a target it changes, the draft\'s quoted in its reasons', () => {
    expect(targets(/Chuyển đổi/u)).toEqual([{ kind: 'at_least', value: 40 }])
    expect(bySource(d, /Chuyển đổi/u)[0]?.reasons.join(' ')).toMatch(/dự thảo: “Chuyển đổi 30 ha/u)
    expect(targets(/nhà tình nghĩa/u)).toEqual([{ kind: 'at_least', value: 14 }])
    expect(bySource(d, /so với dự thảo/u)).toEqual([])
  })

  it('keeps the draft\'s figure for a target the conclusion keeps, and adds the one it adds', () => {
    expect(targets(/Thu ngân sách|thu ngân sách/u)).toEqual([{ kind: 'at_least', value: 4.5 }])
    expect(targets(/ngộ độc/u)).toEqual([{ kind: 'yes_no' }])
    expect(bySource(d, /ngộ độc/u)[0]?.value.name).toMatch(/^Không để xảy ra/u)
    expect(targets(/nước sạch/u)).toEqual([{ kind: 'rate_at_least', value: 96 }])
  })

  it('finds the cut\'s starting figure in the report all the same', () => {
    expect(targets(/hộ nghèo giảm/u)).toEqual([{ kind: 'reduce_by', amount: 1, baseline: 3.6 }])
  })
})

describe('an award\'s conditions and a paper\'s deadline', () => {
  it('reads no target from the bar a unit must clear to be rewarded', () => {
    const d = draft(['- Tổng đàn dê duy trì 1.800 con.', '- Ấp được xét khen thưởng khi có từ 85% trở lên số hộ đạt danh hiệu Gia đình văn hóa.'])
    expect(bySource(d, /85%/u)).toEqual([])
    expect(bySource(d, /1\.800/u).map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 1800 }])
  })

  it('reads nothing from a section of criteria for rewarding the villages', () => {
    const text = `${HEAD}
I. NỘI DUNG THI ĐUA
1. Các chỉ tiêu chủ yếu:
- Tổng đàn dê duy trì 1.800 con.
2. Tiêu chí bình xét thi đua đối với các ấp
Ấp đạt khi có từ 90% số hộ ký cam kết; không có hộ lấn chiếm hành lang kênh; quỹ khuyến học bình quân từ 30.000 đồng/hộ trở lên.
II. TỔ CHỨC THỰC HIỆN
Văn phòng theo dõi, tổng hợp.
`
    const d = draftPlan(text)
    expect(bySource(d, /90%|lấn chiếm|30\.000/u)).toEqual([])
    expect(d.indicators).toHaveLength(1)
  })

  it('reads no goal from a paper the units must complete by a date', () => {
    const d = draft(['- Tổng đàn dê duy trì 1.800 con.', '- Hộ đăng ký đạt danh hiệu Gia đình văn hóa phải hoàn thành hồ sơ trước ngày 15/11/2026.', '+ Khu phố đăng ký đạt danh hiệu văn hóa phải hoàn thiện hồ sơ trước ngày 20/11/2026.'])
    expect(bySource(d, /hồ sơ/u)).toEqual([])
  })

  it('still reads a goal whose date is the result\'s, after the paper completed on the way', () => {
    const d = draft(['- Xây dựng xã đạt chuẩn nông thôn mới nâng cao: hoàn thiện hồ sơ trong quý III, phấn đấu được công nhận trước ngày 15/12/2026.'])
    expect(d.indicators.length).toBeGreaterThan(0)
  })
})

describe('the starting count of a part after "trong đó"', () => {
  it('finds the part\'s count named without the whole\'s adjective', () => {
    const text = `${HEAD}
I. KẾT QUẢ NĂM 2025
Đến cuối năm 2025, toàn xã còn 186 hộ nghèo (chiếm 5,2%), trong đó 102 hộ là đồng bào dân tộc thiểu số.
II. CHỈ TIÊU THI ĐUA NĂM 2026
- Giảm ít nhất 45 hộ nghèo, trong đó hộ nghèo đồng bào dân tộc thiểu số giảm ít nhất 30 hộ.
III. TỔ CHỨC THỰC HIỆN
Văn phòng theo dõi, tổng hợp.
`
    const d = draftPlan(text)
    expect(bySource(d, /giảm ít nhất 30 hộ/u).map((i) => i.value.target)).toEqual([{ kind: 'reduce_by', amount: 30, baseline: 102 }])
  })
})

describe('a table\'s cut of incidents by a share, the year named in the row', () => {
  it('is a ceiling on last year\'s count the review states', () => {
    const text = `${HEAD}
I. KẾT QUẢ NĂM 2025
Năm 2025, trên địa bàn xảy ra 20 vụ tai nạn giao thông.
II. CHỈ TIÊU THI ĐUA NĂM 2026
| TT | Chỉ tiêu | ĐVT | Huyện giao | Xã phấn đấu |
|---|---|---|---|---|
| 1 | Tổng đàn dê | con | 1.700 | 1.800 |
| 2 | Số vụ tai nạn giao thông so với năm 2025 | vụ | giảm 5% | giảm ít nhất 15% |
III. TỔ CHỨC THỰC HIỆN
Văn phòng theo dõi, tổng hợp.
`
    const d = draftPlan(text)
    expect(bySource(d, /tai nạn/u).map((i) => i.value.target)).toEqual([{ kind: 'at_most', value: 17, strict: false }])
  })
})
