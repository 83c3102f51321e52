// Drafting a plan from its document (issue 13): the rules added after held-out sets 90, 91 and 93,
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftList, named, planHead } from './planDraftText'

const HEAD = planHead('Phú Mỹ', '07', '12 tháng 01', 2026)

describe('a plan posted in a group chat', () => {
  const d = draftList({
    head: HEAD,
    year: 2026,
    bare: true,
    items: [
      'Lê Thị Thu (Văn phòng UBND xã)',
      '07:45',
      'Văn phòng gửi các chỉ tiêu thi đua năm 2026 của xã:',
      '+ Trồng mới 60 ha rừng sản xuất.',
      '+ Tỷ lệ hộ dân dùng nước hợp vệ sinh đạt 96%.',
      'Đinh Văn Tám (Trưởng thôn Bản Chiềng)',
      '08:02',
      'Đã nhận ạ. Thôn Bản Chiềng xin đăng ký trồng 12 ha rừng, vận động 100% hộ làm nhà tiêu hợp vệ sinh',
      'Lê Thị Thu (Văn phòng UBND xã)',
      '08:10',
      '+ Tạo việc làm mới cho 150 lao động.',
      '+ Số hộ nghèo giảm 20 hộ.',
      'Lê Thị Thu (Văn phòng UBND xã)',
      '08:31',
      'sửa lại: tỷ lệ hộ dân dùng nước hợp vệ sinh năm 2026 là 98% (em ghi nhầm 96%). Các thôn lưu ý giúp em.',
      'Phạm Thị Nga (Trưởng thôn Nà Lầu)',
      '08:40',
      'Nà Lầu đăng ký 3 hộ thoát nghèo ạ',
    ],
  })

  it('reads only the messages of the member who posts the plan', () => {
    const sources = d.indicators.map((i) => i.value.source ?? '')
    expect(sources.filter((s) => /bản chiềng|nà lầu|đăng ký/iu.test(s))).toEqual([])
    expect(named(d, /rừng/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 60 })
    expect(named(d, /việc làm/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 150 })
  })

  it('takes a corrected figure for the target, instead of the figure it corrects', () => {
    const water = d.indicators.filter((i) => /nước hợp vệ sinh/iu.test(i.value.name))
    expect(water.map((i) => i.value.target)).toEqual([expect.objectContaining({ kind: 'rate_at_least', value: 98 })])
    expect(d.indicators.filter((i) => i.value.target && 'value' in i.value.target && i.value.target.value === 96)).toEqual([])
  })
})

describe('awards named before a colon', () => {
  it('reads no target from a numbered item "Khen thưởng: …" and its sums of money', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      items: ['Tổng đàn gia cầm đạt 40.000 con trở lên.'],
      extra: '4. Khen thưởng: tập thể dẫn đầu được tặng Giấy khen kèm 2.000.000 đồng; cá nhân tiêu biểu 800.000 đồng; thôn về đích sớm nhất được thưởng thêm 1.500.000 đồng.',
    })
    expect(d.indicators.map((i) => i.value.unitOfMeasure)).toEqual(['con'])
  })
})

describe('a cut in a table measured from the year its note names', () => {
  it('caps the cases at last year\'s count stated in the text, less the cut', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      bare: true,
      intro: 'Năm 2025, trên địa bàn xã xảy ra 30 vụ phạm pháp hình sự, 4 vụ cháy nhà.',
      items: [
        '| STT | Chỉ tiêu | Đơn vị tính | Kế hoạch 2026 | Ghi chú |',
        '|---|---|---|---|---|',
        '| 1 | Tổng đàn bò | con | 2.400 | Công chức nông nghiệp theo dõi |',
        '| 2 | Số vụ phạm pháp hình sự | vụ | Giảm ít nhất 20% | So với năm 2025 |',
      ],
    })
    expect(named(d, /phạm pháp/iu)?.value.target).toEqual({ kind: 'at_most', value: 24, strict: false })
  })
})

describe('a yield over the area of a farming model named by its crops', () => {
  it('derives the rice yield from the output over the rice-and-fish area when they agree', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      items: ['Diện tích canh tác theo mô hình lúa - cá phấn đấu đạt 500 ha; năng suất lúa bình quân 50 tạ/ha, sản lượng lúa 2.500 tấn.'],
    })
    const area = named(d, /mô hình/iu)
    const rice = named(d, /năng suất/iu)
    expect(rice?.value.target).toMatchObject({ kind: 'derived', value: 50 })
    expect(rice?.value.formula).toContain(area!.value.code)
  })

  it('leaves the yield a figure of its own when the output over that area does not come to it', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      items: ['Diện tích canh tác theo mô hình lúa - cá phấn đấu đạt 400 ha; năng suất lúa bình quân 50 tạ/ha, sản lượng lúa 2.500 tấn.'],
    })
    expect(named(d, /năng suất/iu)?.value.formula).toBeUndefined()
  })
})

describe('revenue brought up to what is assigned, with no figure', () => {
  it('reads it as a goal reached or not in a paragraph of prose', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      bare: true,
      items: ['Đẩy mạnh phát triển thương mại, dịch vụ ven đô. Tổng thu ngân sách trên địa bàn xã hoàn thành vượt dự toán huyện giao. Thu nhập bình quân đầu người đạt 68 triệu đồng/người/năm.'],
    })
    expect(named(d, /thu ngân sách/iu)?.value.target).toEqual({ kind: 'yes_no' })
    expect(named(d, /thu nhập/iu)?.value.target).toMatchObject({ value: 68 })
  })
})

describe('a cut of at least a share, "giảm không dưới"', () => {
  it('reads "giảm không dưới 1,5%" as a cut and "tăng không dưới 7%" as a growth, not as levels to reach', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      items: ['Tỷ lệ hộ cận nghèo giảm không dưới 1,5%.', 'Giá trị sản xuất nông nghiệp tăng không dưới 7% so với năm 2025.', 'Tỷ lệ trẻ em trong độ tuổi đi học mẫu giáo không dưới 97%.'],
    })
    expect(named(d, /cận nghèo/iu)?.value.target).toMatchObject({ kind: 'reduce_by', amount: 1.5 })
    expect(named(d, /giá trị sản xuất/iu)?.value.target).toMatchObject({ kind: 'growth', percent: 7 })
    expect(named(d, /mẫu giáo/iu)?.value.target).toMatchObject({ kind: 'rate_at_least', value: 97 })
  })
})

describe('all of two kinds of unit sharing one state', () => {
  it('reads "12/12 thôn và 2/2 khu phố giữ vững danh hiệu …" as one goal', () => {
    const d = draftList({ head: HEAD, year: 2026, items: ['12/12 thôn và 2/2 khu phố giữ vững danh hiệu Thôn văn hóa, Khu phố văn hóa.'] })
    expect(d.indicators.map((i) => i.value.source)).toEqual(['12/12 thôn và 2/2 khu phố giữ vững danh hiệu Thôn văn hóa, Khu phố văn hóa'])
  })

  it('still reads a figure and all of a kind keeping a state as two', () => {
    const d = draftList({ head: HEAD, year: 2026, items: ['Tỷ lệ hộ gia đình văn hóa đạt 91% và 5/5 trường giữ vững đạt chuẩn quốc gia.'] })
    expect(d.indicators).toHaveLength(2)
  })
})
