// Drafting a plan from its document (issue 13): the rules added after held-out sets 123 to 127, each
// on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftList, bySource, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Hòa Lợi', '06', '12 tháng 01', 2026)
const draft = listDrafter(HEAD)
const TABLE = ['| TT | Chỉ tiêu | ĐVT | Ước TH 2025 | KH 2026 |', '|---|---|---|---|---|']

describe('carrying on a work with no figure and no state to reach', () => {
  const list = (line: string): string[] => ['1. Về kinh tế', 'a) Trồng trọt', '- Diện tích gieo trồng ngô cả năm 420 ha.', `- ${line}`, 'b) Chăn nuôi', '- Tổng đàn dê duy trì 1.800 con.']
  it.each([
    'Tiếp tục chuyển đổi đất bãi ven sông trồng ngô kém hiệu quả sang trồng rau an toàn, trồng cỏ nuôi bò.',
    'Tiếp tục bảo tồn nghề dệt chiếu cói truyền thống gắn với phát triển du lịch làng nghề.',
  ])('reads no goal from "%s"', (line) => {
    const d = draft(list(line))
    expect(bySource(d, /Tiếp tục/u)).toEqual([])
    // (The figures around it are still read.)
    expect(bySource(d, /ngô cả năm|đàn dê/u)).toHaveLength(2)
  })
  it('still reads a state kept or a standard reached', () => {
    const d = draft(list('Tiếp tục giữ vững 3/3 hợp tác xã nông nghiệp hoạt động hiệu quả.'))
    expect(bySource(d, /giữ vững/u).map((i) => i.value.target)).toEqual([{ kind: 'yes_no' }])
  })
})

describe('counts of establishments and of places', () => {
  it('reads establishments working or holding a certificate as a level at the year\'s end', () => {
    const d = draft([
      '- Số cơ sở mộc dân dụng (tủ, giường, ván ghép thanh) đạt 27 cơ sở trở lên.',
      '- Có ít nhất 30 cơ sở chế biến cá khô được cấp giấy chứng nhận đủ điều kiện an toàn thực phẩm.',
    ])
    expect(bySource(d, /mộc dân dụng/u)[0]?.value).toMatchObject({ unitOfMeasure: 'cơ sở', aggregation: 'stock', target: { kind: 'at_least', value: 27 } })
    expect(bySource(d, /cá khô/u)[0]?.value).toMatchObject({ unitOfMeasure: 'cơ sở', aggregation: 'stock', target: { kind: 'at_least', value: 30 } })
  })
  it('keeps those set up, added or moved in the year a flow', () => {
    const d = draft([
      '- Có thêm 04 cơ sở chế biến cá khô được cấp giấy chứng nhận đủ điều kiện an toàn thực phẩm.',
      '- Thành lập mới 06 cơ sở dịch vụ nông nghiệp.',
      '- Số cơ sở kinh doanh ăn uống được kiểm tra an toàn thực phẩm đạt 60 cơ sở.',
      ...TABLE,
      '| 1 | Cơ sở rèn di dời vào cụm công nghiệp trong năm | cơ sở | 9 | 12 |',
    ])
    expect(bySource(d, /Có thêm/u)[0]?.value).toMatchObject({ aggregation: 'flow', target: { kind: 'at_least', value: 4 } })
    expect(bySource(d, /Thành lập mới/u)[0]?.value).toMatchObject({ aggregation: 'flow', target: { kind: 'at_least', value: 6 } })
    expect(bySource(d, /di dời/u)[0]?.value).toMatchObject({ aggregation: 'flow', target: { kind: 'at_least', value: 12 } })
    // (Those the year's work is done to: the inspections.)
    expect(bySource(d, /được kiểm tra/u)[0]?.value).toMatchObject({ aggregation: 'flow', target: { kind: 'at_least', value: 60 } })
  })
  it('reads places standing at the year\'s end as a level, and those removed as a flow', () => {
    const d = draft([...TABLE, '| 1 | Số điểm tập kết rác tự phát ven kênh | điểm | 7 | ≤ 3 |', '| 2 | Xóa bỏ điểm ùn tắc giao thông giờ cao điểm | điểm | 2 | 4 |'])
    expect(bySource(d, /tập kết rác/u)[0]?.value).toMatchObject({ unitOfMeasure: 'điểm', aggregation: 'stock', target: { kind: 'at_most', value: 3, strict: false } })
    expect(bySource(d, /Xóa bỏ/u)[0]?.value).toMatchObject({ aggregation: 'flow' })
  })
})

describe('the starting level of a people\'s poverty rate', () => {
  const intro = 'Năm 2025, xã có 1.240 hộ; cuối năm 2025 tỷ lệ hộ nghèo đồng bào Ta Ôi - Pa Kô là 24,5%.'
  it.each(['Tỷ lệ hộ nghèo đồng bào Ta Ôi - Pa Kô giảm 3% trở lên.', 'Tỷ lệ hộ nghèo đồng bào Ta Ôi-Pa Kô giảm 3% trở lên.'])(
    'is found in the review whatever the dash of the name: "%s"',
    (line) => {
      const d = draftList({ head: HEAD, year: 2026, intro, items: [line, 'Tổng đàn bò 2.000 con.'] })
      expect(bySource(d, /Pa Kô/u)[0]?.value.target).toEqual({ kind: 'reduce_by', amount: 3, baseline: 24.5 })
    },
  )
})
