// Drafting a plan from its document (issue 13): the rules added after held-out set 107, each on
// hand-written sentences in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { bySource, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Hòa Lợi', '06', '12 tháng 01', 2026)
const draft = listDrafter(HEAD)

describe('the plan\'s own word for what it counts', () => {
  it('keeps "triệu quả" for eggs, and "triệu trái" for fruit', () => {
    const d = draft(['- Tổng đàn vịt đẻ duy trì 85 nghìn con, sản lượng trứng vịt đạt 21 triệu quả; sản lượng dừa đạt 14 triệu trái.'])
    expect(bySource(d, /21 triệu quả/u)[0]?.value).toMatchObject({ unitOfMeasure: 'triệu quả', aggregation: 'flow', target: { kind: 'at_least', value: 21 } })
    expect(bySource(d, /14 triệu trái/u)[0]?.value).toMatchObject({ unitOfMeasure: 'triệu trái', target: { kind: 'at_least', value: 14 } })
  })
})

describe('footnotes marked "(*)", "(**)" under a table', () => {
  const table = [
    '| TT | Chỉ tiêu | ĐVT | KH 2026 |',
    '|---|---|---|---|',
    '| 1 | Sản lượng nước mắm đóng chai có nhãn hiệu (*) | nghìn lít | 320 |',
    '| 2 | Nhựa hóa đường ngõ xóm (**) | km | 4,2 |',
    '',
    '(*) Chỉ tính nước mắm của các hộ đã được cấp giấy chứng nhận an toàn thực phẩm.',
    '(**) Giữ đúng danh mục tuyến đường được Đảng ủy xã thống nhất tại Nghị quyết số 31/NQ-ĐU ngày 20/12/2025.',
    '(***) Đạt chuẩn theo Quyết định số 12/QĐ-UBND của UBND tỉnh về tiêu chí đường giao thông nông thôn.',
  ]
  it('reads no goal from a footnote that explains a marked row', () => {
    const d = draft(table)
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 320 }, { kind: 'at_least', value: 4.2 }])
    expect(bySource(d, /Nghị quyết|Quyết định|giấy chứng nhận/u)).toEqual([])
  })
})

describe('a prose line that cites a listed target by its number', () => {
  it.each([
    'Phấn đấu thu ngân sách trên địa bàn hoàn thành vượt dự toán huyện giao (chỉ tiêu số 5).',
    'Giữ vững tỷ lệ tham gia bảo hiểm y tế theo kế hoạch (xem chỉ tiêu 12).',
  ])('reads no new goal from "%s"', (line) => {
    const d = draft(['| TT | Chỉ tiêu | ĐVT | KH 2026 |', '|---|---|---|---|', '| 1 | Tổng đàn bò | con | 2.400 |', '', 'Các chỉ tiêu khác:', `- ${line}`, '- Không để xảy ra cháy rừng trên địa bàn xã.'])
    expect(bySource(d, /chỉ tiêu/u)).toEqual([])
    // (A goal of its own beside it is still read.)
    expect(bySource(d, /cháy rừng/u).map((i) => i.value.target)).toEqual([{ kind: 'yes_no' }])
  })
})
