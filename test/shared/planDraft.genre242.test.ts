// Drafting a plan from its document (issue 13): the rules added after held-out set 242, each on
// hand-written sentences in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { bySource, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Tân Phước', '09', '15 tháng 01', 2026)
const draft = listDrafter(HEAD)

describe('a table a PDF gave with each row\'s figures before its name', () => {
  const table = [
    'KH năm 2026 ĐVT Chỉ tiêu',
    'I. NÔNG NGHIỆP',
    '2.350 ha Diện tích gieo cấy lúa hai vụ',
    '58 tạ/ha Năng suất lúa bình quân',
    '3.100 con Tổng đàn trâu',
    '1,8 tỷ đồng Thu ngân sách trên địa bàn',
    'Trang 1/3',
    'II. XÃ HỘI',
    '0,8 - 1 % Giảm tỷ lệ hộ nghèo (cuối năm 2025: 2,40%)',
    '≥ 93 % Tỷ lệ dân số tham gia bảo hiểm y tế',
    '< 8 % Tỷ lệ trẻ em suy dinh dưỡng thể nhẹ cân',
    '11/12 ấp Số ấp đạt danh hiệu Ấp văn hóa',
    '100 % Hoàn thành chỉ tiêu tuyển quân',
    'Đạt Giữ vững xã đạt chuẩn an toàn về an ninh, trật tự',
  ]
  it('reads each row as its name and its plan figure, with its bound and unit', () => {
    const d = draft(table)
    expect(bySource(d, /gieo cấy lúa/u)[0]?.value).toMatchObject({ unitOfMeasure: 'ha', target: { kind: 'at_least', value: 2350 } })
    expect(bySource(d, /trâu/u)[0]?.value).toMatchObject({ unitOfMeasure: 'con', aggregation: 'stock', target: { kind: 'at_least', value: 3100 } })
    expect(bySource(d, /ngân sách/u)[0]?.value).toMatchObject({ unitOfMeasure: 'tỷ đồng', target: { kind: 'at_least', value: 1.8 } })
    expect(bySource(d, /hộ nghèo/u)[0]?.value.target).toMatchObject({ kind: 'reduce_by', amount: 0.8, max: 1, baseline: 2.4 })
    expect(bySource(d, /bảo hiểm y tế/u)[0]?.value.target).toEqual({ kind: 'rate_at_least', value: 93 })
    expect(bySource(d, /suy dinh dưỡng/u)[0]?.value.target).toEqual({ kind: 'at_most', value: 8, strict: true })
    expect(bySource(d, /Ấp văn hóa/u)[0]?.value).toMatchObject({ unitOfMeasure: 'ấp', target: { kind: 'at_least', value: 11 } })
    expect(bySource(d, /tuyển quân/u)[0]?.value.target).toEqual({ kind: 'rate_at_least', value: 100 })
    expect(bySource(d, /an ninh, trật tự/u)[0]?.value.target).toEqual({ kind: 'yes_no' })
    // (The heading is no goal, and no two rows are read as one.)
    expect(bySource(d, /ĐVT|Chỉ tiêu$/u)).toEqual([])
    expect(d.indicators.filter((i) => /\d.*\d.*\d/u.test(i.value.source ?? '') && /tạ\/ha.*con|con.*tỷ/u.test(i.value.source ?? ''))).toEqual([])
  })
  it('reads a run of three rows or more without its heading', () => {
    const d = draft(['1.500 tấn Sản lượng cá nuôi', '42 km Đường giao thông được bê tông hóa', '95 % Tỷ lệ hộ dùng nước sạch'])
    expect(bySource(d, /cá nuôi/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 1500 })
    expect(bySource(d, /bê tông/u)[0]?.value).toMatchObject({ unitOfMeasure: 'km', target: { kind: 'at_least', value: 42 } })
    expect(bySource(d, /nước sạch/u)[0]?.value.target).toEqual({ kind: 'rate_at_least', value: 95 })
  })
  it('leaves a sentence that opens on a figure as prose', () => {
    const d = draft(['1.200 hộ được hỗ trợ vay vốn phát triển sản xuất trong năm.', '- Thu ngân sách đạt 2,1 tỷ đồng.'])
    expect(bySource(d, /vay vốn/u).map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 1200 }])
  })
})
