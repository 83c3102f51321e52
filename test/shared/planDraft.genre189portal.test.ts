// Drafting a plan from its document (issue 13): the rules added after held-out set 189 (a commune
// portal's news page copied whole), each on hand-written sentences in the language of commune plans
// (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { bySource, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Tân Hòa Bắc', '09', '14 tháng 01', 2026)
const draft = listDrafter(HEAD)

/** A portal's news page: its masthead, menu and breadcrumbs, the article (`body`), then its byline and links. */
const portalPage = (body: string[], byline = 'Thanh Trúc - Văn phòng HĐND và UBND xã'): string =>
  [
    'CỔNG THÔNG TIN ĐIỆN TỬ XÃ TÂN HÒA BẮC',
    'TỈNH ĐỒNG THÁP',
    'Thứ Tư, 14/01/2026',
    'Trang chủ',
    'Tin tức - Sự kiện',
    'Thủ tục hành chính',
    'Tìm kiếm',
    'Trang chủ » Tin tức - Sự kiện » Thi đua - Khen thưởng',
    'Xã Tân Hòa Bắc phát động phong trào thi đua năm 2026',
    '14/01/2026 09:15 | Lượt xem: 642',
    'Ngày 09/01/2026, Ủy ban nhân dân xã Tân Hòa Bắc ban hành Kế hoạch số 09/KH-UBND về phát động phong trào thi đua năm 2026.',
    ...body,
    byline,
    'Tin liên quan',
    'Xã Tân Hòa Bắc trao 60 suất quà cho hộ nghèo (05/01/2026)',
    'Lượt truy cập: 118.204 | Đang online: 12',
  ].join('\n')

const LIST = [
  'Theo kế hoạch, năm 2026 xã phấn đấu đạt các chỉ tiêu chủ yếu sau:',
  'Về kinh tế:',
  '- Diện tích lúa gieo trồng cả năm 3.150 ha.',
  '- Thu ngân sách nhà nước trên địa bàn đạt 21,4 tỷ đồng trở lên.',
  'Về văn hóa - xã hội:',
  '- Tỷ lệ dân số tham gia bảo hiểm y tế đạt 94% trở lên.',
  '- Giữ vững xã đạt chuẩn nông thôn mới nâng cao.',
]

describe('a paragraph describing the commune under a portal\'s masthead', () => {
  it('reads no target from how the commune was formed, its area and its people', () => {
    const d = draftPlan(
      portalPage([
        'Xã Tân Hòa Bắc được thành lập trên cơ sở sáp nhập xã Tân Hòa và xã Hòa Bắc, có diện tích tự nhiên 42,3 km², dân số 21.870 người, gồm 11 ấp. Năm 2025, toàn xã gieo trồng 3.080 ha lúa; thu ngân sách đạt 19,6 tỷ đồng.',
        ...LIST,
      ]),
    )
    expect(bySource(d, /km²|21\.870|thành lập|3\.080|19,6/u)).toEqual([])
    expect(d.indicators.map((i) => i.value.target)).toEqual([
      { kind: 'at_least', value: 3150 },
      { kind: 'at_least', value: 21.4 },
      { kind: 'rate_at_least', value: 94 },
      { kind: 'yes_no' },
    ])
  })

  it.each([
    'Xã Tân Hòa Bắc (thành lập từ ngày 01/7/2025) có diện tích tự nhiên 42,3 km², gồm 11 ấp với 6.540 hộ.',
    'Xã Tân Hòa Bắc nằm ở phía bắc tỉnh, cách trung tâm tỉnh 28 km, có dân số 21.870 người.',
  ])('reads none from "%s" either', (line) => {
    const d = draftPlan(portalPage([line, ...LIST]))
    expect(bySource(d, /42,3|6\.540|28 km|21\.870/u)).toEqual([])
    expect(d.indicators).toHaveLength(4)
  })

  it('reads the plan\'s year where the paragraph turns to it', () => {
    const d = draftPlan(portalPage(['Xã Tân Hòa Bắc được thành lập trên cơ sở sáp nhập xã Tân Hòa và xã Hòa Bắc, có dân số 21.870 người. Năm 2026, xã phấn đấu giải quyết việc làm mới cho 350 lao động.', ...LIST]))
    expect(bySource(d, /21\.870/u)).toEqual([])
    expect(bySource(d, /350 lao động/u).map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 350 }])
  })

  it('still reads a target naming the commune in the list', () => {
    const d = draft(['- Xã Tân Hòa Bắc được công nhận đạt chuẩn xã nông thôn mới kiểu mẫu.', '- Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%.'])
    expect(bySource(d, /kiểu mẫu/u).map((i) => i.value.target)).toEqual([{ kind: 'yes_no' }])
    expect(d.indicators).toHaveLength(2)
  })
})

describe('the money an award carries', () => {
  it.each([
    'Mức thưởng kèm Giấy khen của Chủ tịch UBND xã là 2.000.000 đồng đối với tập thể và 1.000.000 đồng đối với cá nhân.',
    'Tiền thưởng kèm theo Giấy khen: tập thể 1,5 triệu đồng, cá nhân 800.000 đồng.',
  ])('is no target in "%s"', (line) => {
    const d = draft(['- Thu ngân sách nhà nước trên địa bàn đạt 21,4 tỷ đồng trở lên.', line])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 21.4 }])
  })
})

describe('an article\'s byline', () => {
  it.each(['Thanh Trúc - Văn phòng HĐND và UBND xã', 'Lê Hoàng Phúc (Trung tâm Văn hóa - Thể thao xã)', 'Tác giả: Ngọc Diệp'])('reads no goal from "%s" under the targets', (byline) => {
    const d = draftPlan(portalPage(LIST, byline))
    expect(d.indicators.map((i) => i.value.target)).toEqual([
      { kind: 'at_least', value: 3150 },
      { kind: 'at_least', value: 21.4 },
      { kind: 'rate_at_least', value: 94 },
      { kind: 'yes_no' },
    ])
  })
})

describe('a page\'s share line', () => {
  it.each(['Chia sẻ: Facebook | Zalo', 'Chia sẻ bài viết: Facebook, Zalo, Email'])('reads no goal from "%s" under the targets', (line) => {
    const d = draft(['- Thu ngân sách nhà nước trên địa bàn đạt 21,4 tỷ đồng trở lên.', '- Giữ vững xã đạt chuẩn nông thôn mới nâng cao.', line])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 21.4 }, { kind: 'yes_no' }])
  })
})
