// Drafting a plan from its document (issue 13): the rules added after held-out set 110, each on
// hand-written sentences in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { bySource, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Tân Sơn', '04', '10 tháng 01', 2026)
const draft = listDrafter(HEAD)

describe('a figure others assign beside the commune\'s own, in one line', () => {
  it.each([
    ['- Diện tích trồng cây dược liệu: huyện giao 40 ha, xã phấn đấu 55 ha.', /dược liệu/u, { kind: 'at_least', value: 55 }],
    ['- Thu ngân sách trên địa bàn: cấp trên giao 2.600 triệu đồng, xã phấn đấu đạt 2.900 triệu đồng trở lên.', /ngân sách/u, { kind: 'at_least', value: 2900 }],
    ['- Tỷ lệ hộ dân sử dụng nước sạch: chỉ tiêu giao 88%, xã phấn đấu đạt 90%.', /nước sạch/u, { kind: 'rate_at_least', value: 90 }],
    ['- Tỷ lệ thu gom rác thải sinh hoạt: xã phấn đấu đạt 92%, tỉnh giao 90%.', /rác thải/u, { kind: 'rate_at_least', value: 92 }],
    ['- Số thôn đạt chuẩn nông thôn mới kiểu mẫu: huyện giao 3/9 thôn, xã phấn đấu 4/9 thôn.', /kiểu mẫu/u, { kind: 'at_least', value: 4 }],
  ])('drafts only the commune\'s figure: %s', (line, words, target) => {
    const d = draft([line])
    expect(d.indicators.map((i) => i.value.target)).toEqual([target])
    // (The source is the whole line, the name and its colon included.)
    expect(bySource(d, words)[0]?.value.source).toBe(line.replace(/^- /u, '').replace(/\.$/u, ''))
    expect(d.indicators[0]?.value.name).not.toMatch(/giao|phấn đấu/u)
  })

  it('keeps the commune\'s cut as a cut when the assigned one comes first', () => {
    const d = draft(['- Tỷ lệ hộ cận nghèo: tỉnh giao giảm 1%, xã phấn đấu giảm từ 1,5% trở lên so với cuối năm 2025.'])
    expect(d.indicators.map((i) => i.value.target)).toMatchObject([{ kind: 'reduce_by', amount: 1.5 }])
  })

  it('keeps an assigned figure with no figure of the commune beside it', () => {
    const d = draft(['- Trồng rừng thay thế: tỉnh giao 30 ha.'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 30 }])
  })
})

describe('forest paid for its environmental services', () => {
  it('is a standing area, not money spent', () => {
    const d = draft(['- Quản lý, bảo vệ 2.400 ha rừng được chi trả dịch vụ môi trường rừng; không để xảy ra cháy rừng.'])
    expect(bySource(d, /2\.400 ha/u)[0]?.value).toMatchObject({ unitOfMeasure: 'ha', aggregation: 'stock', target: { kind: 'at_least', value: 2400 } })
  })
})

describe('a crop named before its measure\'s word, after "trong đó:"', () => {
  it('reads its area, yield and output as one crop, the yield derived', () => {
    const d = draft(['- Tổng sản lượng lương thực có hạt đạt 3.100 tấn, trong đó: lúa chất lượng cao cả năm diện tích 300 ha, năng suất bình quân 40 tạ/ha, sản lượng 1.200 tấn; ngô lai cả năm diện tích 400 ha, năng suất bình quân 47,5 tạ/ha, sản lượng 1.900 tấn.'])
    const yields = d.indicators.filter((i) => i.value.unitOfMeasure === 'tạ/ha').map((i) => i.value)
    expect(yields).toHaveLength(2)
    for (const y of yields) expect(y.target?.kind).toBe('derived')
    expect(yields[0]?.name).toMatch(/lúa chất lượng cao$/u)
    expect(yields[0]?.formula).toMatch(/\* 10 \//u)
  })
})

describe('craftsmen honoured, and the workers a craft keeps', () => {
  it('reads "ít nhất 03 nghệ nhân được công nhận …" as a count of craftsmen, not a yes/no', () => {
    const d = draft(['- Phấn đấu có ít nhất 03 nghệ nhân được công nhận danh hiệu “Nghệ nhân ưu tú” nghề mây tre đan.'])
    expect(d.indicators.map((i) => i.value)).toMatchObject([{ unitOfMeasure: 'nghệ nhân', aggregation: 'flow', target: { kind: 'at_least', value: 3 } }])
  })

  it('reads workers "làm việc thường xuyên" as a level held', () => {
    const d = draft(['- Số lao động làm việc thường xuyên tại cụm công nghiệp đạt 1.200 người.'])
    expect(bySource(d, /1\.200 người/u)[0]?.value).toMatchObject({ aggregation: 'stock', target: { kind: 'at_least', value: 1200 } })
  })
})

describe('a duty done on a weekday of every month', () => {
  it('is how the movement runs, no goal', () => {
    const d = draft([
      '- Mỗi tổ dân phố duy trì ít nhất 01 buổi tổng vệ sinh vào sáng thứ Bảy cuối tháng.',
      '- Tỷ lệ hộ gia đình phân loại rác tại nguồn đạt 45%.',
    ])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'rate_at_least', value: 45 }])
  })
})

describe('a cut of events from the year the review states them for', () => {
  const plan = (review: string, item: string) => draftPlan(`${HEAD}
I. KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA NĂM 2025

Phong trào thi đua được triển khai rộng khắp. Bên cạnh đó còn một số tồn tại: ${review}; công tác tuyên truyền có lúc chưa thường xuyên.
II. MỤC ĐÍCH, YÊU CẦU
Động viên cán bộ và Nhân dân thi đua hoàn thành các chỉ tiêu năm 2026.
III. NỘI DUNG THI ĐUA VÀ CÁC CHỈ TIÊU CHỦ YẾU
- ${item}
IV. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp kết quả trước ngày 10/12/2026.
`)

  it('reads child marriages, counted in couples, as events whose cut is a ceiling', () => {
    const d = plan('tình trạng tảo hôn ở vùng cao vẫn còn (06 cặp)', 'Kéo giảm ít nhất 50% số cặp tảo hôn so với năm 2025.')
    expect(d.indicators.map((i) => i.value)).toMatchObject([{ unitOfMeasure: 'cặp', aggregation: 'flow', target: { kind: 'at_most', value: 3, strict: false } }])
  })

  it('finds the cases under the heading of the year, though their line names no year, their count in brackets after them', () => {
    const d = plan('tình trạng trộm cắp tài sản ở các chợ còn diễn biến phức tạp (08 vụ)', 'Giảm ít nhất 25% số vụ trộm cắp tài sản so với năm 2025.')
    expect(d.indicators.map((i) => i.value)).toMatchObject([{ unitOfMeasure: 'vụ', aggregation: 'flow', target: { kind: 'at_most', value: 6, strict: false } }])
  })

  it('takes no count from a review of another year', () => {
    const d = plan('tình trạng tảo hôn ở vùng cao vẫn còn (06 cặp)', 'Kéo giảm ít nhất 50% số cặp tảo hôn so với năm 2024.')
    expect(d.indicators[0]?.value.target).toMatchObject({ kind: 'reduce_by', amount: 50, relative: true })
  })
})

describe('the people giving land for the works', () => {
  it('is how a road is built, no goal beside the length to build', () => {
    const d = draft(['- Nhựa hóa 3,2 km đường trục thôn; người dân hiến đất, góp ngày công theo phương châm “Dân biết, dân bàn, dân làm”.'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 3.2 }])
  })
})
