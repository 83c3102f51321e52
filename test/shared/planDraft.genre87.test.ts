// Drafting a plan from its document (issue 13): the rules added after held-out sets 87 and 89,
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { normalizeText } from '../../src/shared/planDraft/extract'
import { draftList, named, planHead } from './planDraftText'

const HEAD = planHead('Ea Sol', '07', '15 tháng 01', 2026)

describe('numbers written in words', () => {
  it('reads a figure in words where a figure stands: before "phần trăm", a unit or its digits in brackets', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      items: [
        'Tốc độ tăng giá trị sản xuất đạt sáu phẩy năm phần trăm (6,5%) so với năm 2025.',
        'Bê tông hóa ít nhất mười tám tuyến đường ngõ xóm.',
        'Làm mới ba (03) cây cầu dân sinh qua suối.',
        'Thu nhập bình quân đầu người đạt sáu mươi mốt triệu đồng/người/năm.',
        'Giảm ít nhất ba mươi lăm hộ nghèo.',
        'Tạo việc làm mới cho một trăm hai mươi (120) lao động.',
      ],
    })
    expect(named(d, /giá trị sản xuất/iu)?.value.target).toMatchObject({ kind: 'growth', percent: 6.5 })
    expect(named(d, /tuyến|bê tông/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 18 })
    expect(named(d, /cầu/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 3 })
    expect(named(d, /thu nhập/iu)?.value.target).toMatchObject({ kind: 'rate_at_least', value: 61 })
    expect(named(d, /hộ nghèo/iu)?.value.target).toMatchObject({ kind: 'reduce_by', amount: 35 })
    expect(named(d, /việc làm/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 120 })
  })

  it('writes the number in digits, and leaves years, ordinals, dates and ordinary words alone', () => {
    const line = (s: string): string => normalizeText(s)
    expect(line('Năm 2025 trên địa bàn xảy ra bảy vụ cháy rừng.')).toBe('Năm 2025 trên địa bàn xảy ra 7 vụ cháy rừng.')
    expect(line('Sản lượng đạt hai nghìn bốn trăm linh năm tấn.')).toBe('Sản lượng đạt 2.405 tấn.')
    expect(line('Tỷ lệ hộ nghèo dưới ba phẩy hai phần trăm.')).toBe('Tỷ lệ hộ nghèo dưới 3,2%.')
    expect(line('Đưa mười lăm người đi học nghề.')).toBe('Đưa 15 người đi học nghề.')
    for (const same of [
      'Năm nay xã tổ chức một số hoạt động với sự tham gia của ba bên.',
      'Chính quyền địa phương hai cấp vận hành ổn định trong năm 2026.',
      'Đăng ký thi đua trước ngày mười lăm tháng ba năm 2026.',
      'Sinh hoạt vào sáng thứ Năm, đợt hai bắt đầu từ tháng bảy.',
      'Thưởng hai triệu đồng (2.000.000 đồng) cho mỗi tập thể.',
      'Gieo trồng ba nghìn héc ta (3.000 ha) lúa.',
      'Trồng mới hai cây xanh, ba người đi học.',
    ])
      expect(line(same)).toBe(same)
  })
})

describe('a numbered "Thi đua …" line naming a movement', () => {
  it('stands alone over the paragraph of targets under it', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      bare: true,
      items: [
        '1. Thi đua phát triển nông nghiệp hàng hóa, thương mại, dịch vụ và du lịch cộng đồng',
        'Phấn đấu tốc độ tăng giá trị sản xuất đạt 9,2% so với năm 2025. Trồng mới 60 ha rừng sản xuất.',
      ],
    })
    const growth = named(d, /giá trị sản xuất/iu)
    expect(growth?.value.target).toMatchObject({ kind: 'growth', percent: 9.2 })
    expect(growth?.value.name).not.toMatch(/du lịch|dịch vụ/iu)
  })

  it('names a line of the movement, with the place it covers after its fields, no goal', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      bare: true,
      items: ['1. Thi đua giữ vững quốc phòng, an ninh, trật tự an toàn xã hội vùng biên giới.', '2. Thi đua bảo đảm an ninh chính trị trên địa bàn xã.', '- Trồng mới 40 ha rừng.'],
    })
    expect(d.indicators.filter((i) => /quốc phòng|an ninh/iu.test(i.value.source ?? i.value.name))).toHaveLength(0)
  })
})

describe('past the assigned plan by at least a share', () => {
  it('reads "vượt ít nhất 8% dự toán … giao" as at least 108 % of it', () => {
    const d = draftList({ head: HEAD, year: 2026, items: ['Thu ngân sách nhà nước trên địa bàn vượt ít nhất 8% dự toán huyện giao.'] })
    expect(named(d, /ngân sách/iu)?.value.target).toEqual({ kind: 'rate_at_least', value: 108 })
  })
})

describe('the commune described before the plan', () => {
  it('drafts no target from "Xã … có N đơn vị dân cư (… buôn và … thôn), N hộ"', () => {
    const d = draftList({
      head: `${HEAD}\nCăn cứ Luật Thi đua, khen thưởng năm 2022;\nCăn cứ Nghị quyết của Hội đồng nhân dân xã về nhiệm vụ năm 2026.\n\nXã Ea Sol có 12 đơn vị dân cư (7 buôn và 5 thôn), 2.310 hộ, đồng bào dân tộc thiểu số chiếm 64% dân số.\n`,
      year: 2026,
      items: ['Trồng mới 40 ha rừng sản xuất.'],
    })
    expect(d.indicators.filter((i) => /hộ|dân số|đơn vị/iu.test(i.value.source ?? i.value.name))).toHaveLength(0)
    expect(named(d, /rừng/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 40 })
  })
})

describe('totals of a crop table', () => {
  const d = draftList({
    head: HEAD,
    year: 2026,
    bare: true,
    items: [
      '1. Các chỉ tiêu chung',
      '- Tổng sản lượng lương thực có hạt (lúa, ngô) đạt 2.050 tấn.',
      '- Trồng mới 40 ha rừng sản xuất.',
      '- Tổng đàn bò đạt 3.200 con trở lên.',
      '- Thu ngân sách trên địa bàn đạt 3,8 tỷ đồng.',
      '- Thu nhập bình quân đầu người đạt 45 triệu đồng/người/năm.',
      '- Tỷ lệ người dân tham gia bảo hiểm y tế đạt 96%.',
      '- Tỷ lệ hộ dùng nước hợp vệ sinh đạt 98%.',
      '- Tạo việc làm mới cho 150 lao động.',
      '- Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi dưới 14%.',
      '- Bê tông hóa 3 km đường giao thông nông thôn.',
    ],
    extra: `2. Cây trồng chủ yếu năm 2026
| TT | Cây trồng | Diện tích (ha) | Năng suất (tạ/ha) | Sản lượng (tấn) |
|---|---|---|---|---|
| 1 | Lúa | 250 | 60 | 1.500 |
| 2 | Ngô | 100 | 55 | 550 |
| 3 | Sắn | 300 | 200 | 6.000 |
| | Cộng | 650 | - | - |`,
  })

  it('sums a total naming its parts in brackets from the table below', () => {
    const total = named(d, /lương thực/iu)
    expect(total?.value.target).toEqual({ kind: 'derived', value: 2050 })
    expect(total?.value.children).toHaveLength(2)
  })

  it('reads the "Cộng" row as the sum of the areas', () => {
    const sum = d.indicators.find((i) => /Cộng/u.test(i.value.source ?? ''))
    expect(sum?.value.target).toEqual({ kind: 'derived', value: 650 })
    expect(sum?.value.children).toHaveLength(3)
  })
})

describe('a thị trấn\'s "khu" keeping a title', () => {
  it('reads "100% khu giữ vững danh hiệu …" as each khu\'s yes/no', () => {
    const d = draftList({ head: HEAD, year: 2026, items: ['100% khu giữ vững danh hiệu “Khu dân cư văn hóa”.'] })
    expect(d.indicators[0]?.value.target).toEqual({ kind: 'yes_no' })
  })
})
