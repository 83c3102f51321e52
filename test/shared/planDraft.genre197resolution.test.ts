// Drafting a plan from its document (issue 13): the rules added after held-out set 197 (a council's
// resolution; a year-end report with next year's directions), each on hand-written sentences in the
// language of commune documents (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { bySource, listDrafter, planHead } from './planDraftText'

const RESOLUTION = `HỘI ĐỒNG NHÂN DÂN
XÃ PHÚ LÂM TÂY

Số: 15/NQ-HĐND                        Phú Lâm Tây, ngày 18 tháng 12 năm 2025

NGHỊ QUYẾT
Về nhiệm vụ phát triển kinh tế - xã hội năm 2026

HỘI ĐỒNG NHÂN DÂN XÃ PHÚ LÂM TÂY
KHÓA II, KỲ HỌP THỨ TƯ

Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;
Xét Báo cáo của UBND xã về tình hình kinh tế - xã hội năm 2025 và phương hướng năm 2026;

QUYẾT NGHỊ:

Điều 1. Tán thành đánh giá kết quả thực hiện nhiệm vụ năm 2025 và thông qua mục tiêu, các chỉ tiêu chủ yếu, nhiệm vụ, giải pháp năm 2026 như sau:
1. Kết quả năm 2025: thu ngân sách trên địa bàn 12.400 triệu đồng; sản lượng lương thực 5.210 tấn; 9/11 thôn đạt danh hiệu "Thôn văn hóa".
2. Mục tiêu tổng quát: Đẩy mạnh sản xuất nông nghiệp hàng hóa; giữ vững quốc phòng, an ninh.
3. Các chỉ tiêu chủ yếu:
(1) Thu ngân sách trên địa bàn đạt 13.000 triệu đồng.
(2) Sản lượng lương thực đạt 5.400 tấn.
(3) Tỷ lệ người dân tham gia bảo hiểm y tế đạt 95%.
4. Nhiệm vụ, giải pháp chủ yếu: thống nhất với Báo cáo của UBND xã; trong đó hỗ trợ 3 triệu đồng/ha cho diện tích chuyển đổi sang trồng rau; thu hồi 7,5 ha đất cụm công nghiệp trước ngày 30/6/2026.

Điều 2. Tổ chức thực hiện
1. Giao UBND xã tổ chức thực hiện Nghị quyết.
2. Mỗi Ban HĐND xã tổ chức ít nhất 02 cuộc giám sát trong năm.

Nghị quyết này đã được HĐND xã Phú Lâm Tây khóa II, kỳ họp thứ tư thông qua ngày 18 tháng 12 năm 2025./.

Nơi nhận:
- Lưu: VT.
CHỦ TỊCH

Lò Văn Sinh
`

describe("a People's Council resolution", () => {
  const d = draftPlan(RESOLUTION)
  it('takes the year of its title, not the year its results and its date name most', () => {
    expect(d.header.year?.value).toBe(2026)
  })
  it('reads the targets of "Điều 1", whose sentence names them beside the means', () => {
    expect(d.indicators.map((i) => i.value.target)).toEqual([
      { kind: 'at_least', value: 13000 },
      { kind: 'at_least', value: 5400 },
      { kind: 'rate_at_least', value: 95 },
    ])
  })
  it('reads no target from the results approved, the general aim, the means after their label, nor "Điều 2"', () => {
    expect(d.indicators).toHaveLength(3)
    expect(bySource(d, /12\.400|5\.210|9\/11|quốc phòng|3 triệu|7,5 ha|02 cuộc/u)).toEqual([])
  })
})

const REPORT = `ỦY BAN NHÂN DÂN
XÃ HƯNG ĐẠO NAM

Số: 140/BC-UBND                        Hưng Đạo Nam, ngày 10 tháng 12 năm 2025

BÁO CÁO
Tình hình thực hiện nhiệm vụ năm 2025 và phương hướng, nhiệm vụ năm 2026

Phần I
KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025

I. CÔNG TÁC ĐIỀU HÀNH
UBND xã tổ chức 12 phiên họp thường kỳ; ban hành 85 kế hoạch.

II. KẾT QUẢ CÁC LĨNH VỰC
1. Kinh tế: thu ngân sách đạt 9.800 triệu đồng.
2. Quốc phòng, an ninh: trên địa bàn xảy ra 20 vụ tai nạn giao thông, làm bị thương 11 người.

Phần II
PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026

I. MỤC TIÊU TỔNG QUÁT
Phát triển kinh tế bền vững; giữ vững quốc phòng, an ninh.

II. CÁC CHỈ TIÊU CHỦ YẾU
- Thu ngân sách nhà nước trên địa bàn đạt 10.500 triệu đồng.
- Số vụ tai nạn giao thông giảm ít nhất 15% so với năm 2025.

III. ĐỀ XUẤT, KIẾN NGHỊ
Đề nghị UBND tỉnh hỗ trợ 8 tỷ đồng nâng cấp đê bao Cồn Tre.

Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Đinh Văn Hào
`

describe('a year-end report with the next year\'s directions', () => {
  const d = draftPlan(REPORT)
  it('takes the next year, the last its title names', () => {
    expect(d.header.year?.value).toBe(2026)
  })
  it('reads the targets of Part II only: no meeting of Part I, no general aim, no request to the province', () => {
    expect(bySource(d, /phiên họp|9\.800|quốc phòng|8 tỷ đồng/u)).toEqual([])
    expect(bySource(d, /10\.500/u).map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 10500 }])
  })
  it('cuts the accidents from the count Part I states, under a roman section that names no year', () => {
    expect(bySource(d, /tai nạn giao thông giảm/u).map((i) => [i.value.aggregation, i.value.target])).toEqual([['flow', { kind: 'at_most', value: 17, strict: false }]])
  })
})

describe('a length after "dài", in km as in metres', () => {
  const draft = listDrafter(planHead('Yên Thịnh', '04', '08 tháng 01', 2026))
  it('reads the length of a road named by its size as part of its name, no figure to reach', () => {
    const d = draft(['- Hoàn thành nâng cấp tuyến đường liên thôn Đồng Mới dài 3,4 km.'])
    expect(bySource(d, /Đồng Mới/u).map((i) => i.value.target)).toEqual([{ kind: 'yes_no' }])
  })
  it('still counts the kilometres built, widened or laid', () => {
    const d = draft(['- Nâng cấp, mở rộng 2,6 km đường trục xã.', '- Bê tông hóa 5,1 km đường ngõ xóm.'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([
      { kind: 'at_least', value: 2.6 },
      { kind: 'at_least', value: 5.1 },
    ])
  })
})
