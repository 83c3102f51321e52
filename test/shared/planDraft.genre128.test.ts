// Drafting a plan from its document (issue 13): the rules added after held-out sets 128, 130 and
// 131, each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { bySource, draftList, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Phú Hòa', '09', '15 tháng 01', 2026)
const draft = listDrafter(HEAD)

describe('a section that sketches the commune as it stands', () => {
  it('reads no target from "Khái quát tình hình"', () => {
    const d = draftPlan(`${HEAD}
I. KHÁI QUÁT TÌNH HÌNH
Xã Phú Hòa được hợp nhất từ 02 xã cũ, gồm 15 thôn, diện tích tự nhiên 72,5 km², dân số 24.300 người.
II. CHỈ TIÊU THI ĐUA
- Trồng mới 120 ha rừng sản xuất.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp kết quả trước ngày 10/12/2026.
`)
    expect(bySource(d, /km|dân số/u)).toEqual([])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 120 }])
  })
})

describe('a field\'s run-in label before the words of its measure', () => {
  it('reads a growth "tốc độ tăng … đạt X - Y%" after a label', () => {
    const d = draft(['- **Kinh tế:** tốc độ tăng giá trị sản xuất các ngành đạt 7 - 7,5% so với năm 2025.'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'growth', percent: 7, maxPercent: 7.5, baseYear: 2025 }])
  })

  it('links the yield of a crop named before "diện tích" after a branch\'s label', () => {
    const d = draft(['- Trồng trọt: ngô cả năm diện tích gieo trồng 600 ha, năng suất bình quân 50 tạ/ha, sản lượng 3.000 tấn; khoai lang diện tích 80 ha, năng suất 120 tạ/ha, sản lượng 960 tấn.'])
    expect(bySource(d, /50 tạ\/ha/u)[0]?.value).toMatchObject({ target: { kind: 'derived', value: 50 }, formula: 'NGO_SL * 10 / NGO_DT' })
    expect(bySource(d, /120 tạ\/ha/u)[0]?.value).toMatchObject({ target: { kind: 'derived', value: 120 }, formula: 'KHOAI_LANG_SL * 10 / KHOAI_LANG_DT' })
  })

  it('links the yield when a field led in with commas opens the sentence', () => {
    const d = draft(['Về nông, lâm, thủy sản, diện tích gieo cấy lúa cả năm 900 ha, năng suất bình quân 60 tạ/ha, sản lượng 5.400 tấn.'])
    expect(bySource(d, /60 tạ\/ha/u)[0]?.value).toMatchObject({ target: { kind: 'derived', value: 60 }, formula: 'LUA_SL * 10 / LUA_DT' })
    expect(bySource(d, /900 ha/u)[0]?.value.name).toBe('Diện tích lúa')
  })
})

describe('goods a craft turns out by the million', () => {
  it.each([
    ['- Làng nghề: sản xuất 2,6 triệu chiếc chiếu cói.', 'triệu chiếc', 2.6],
    ['- Sản xuất 40 triệu viên gạch không nung.', 'triệu viên', 40],
    ['- Làng nghề da giày đạt 1,5 triệu đôi giày.', 'triệu đôi', 1.5],
  ])('keeps the plan\'s own unit in "%s"', (line, unit, value) => {
    const d = draft([line])
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.aggregation, i.value.target])).toEqual([[unit, 'flow', { kind: 'at_least', value }]])
  })
})

describe('cages and rafts counted by the piece', () => {
  it('drafts a cap on cages standing as a stock, whatever their count word', () => {
    const d = draft(['| TT | Chỉ tiêu | ĐVT | TH 2025 | KH 2026 |', '|---|---|---|---|---|', '| 1 | Số lồng nuôi cá trên hồ thủy điện | cái | 240 | ≤ 220 |', '| 2 | Sản xuất lồng đèn trung thu | chiếc | 9.000 | 10.000 |'])
    expect(bySource(d, /lồng nuôi cá/u)[0]?.value).toMatchObject({ aggregation: 'stock', target: { kind: 'at_most', value: 220, strict: false } })
    expect(bySource(d, /lồng đèn/u)[0]?.value.aggregation).toBe('flow')
  })
})

describe('a cut after a field\'s run-in label, what it cuts named after the figure', () => {
  const intro = 'Năm 2025, trên địa bàn xảy ra 25 vụ phạm pháp hình sự, 10 vụ tai nạn giao thông; cuối năm 2025 còn 40 người nghiện ma túy có hồ sơ quản lý và 52 hộ cận nghèo.'
  const drafted = (items: string[]) => draftList({ head: HEAD, year: 2026, items, bare: true, intro })

  it('reads a cut of cases as a ceiling from the count the review states', () => {
    const d = drafted(['- **Trật tự xã hội:** Kéo giảm ít nhất 20% số vụ phạm pháp hình sự so với năm 2025.'])
    expect(d.indicators[0]?.value).toMatchObject({ unitOfMeasure: 'vụ', aggregation: 'flow', target: { kind: 'at_most', value: 20, strict: false } })
  })

  it('counts the people it cuts, from the number the review states', () => {
    const d = drafted(['- Phòng, chống tệ nạn: Giảm 10% số người nghiện ma túy so với cuối năm 2025.'])
    expect(d.indicators[0]?.value).toMatchObject({ unitOfMeasure: 'người', target: { kind: 'reduce_by', amount: 10, relative: true, baseline: 40 } })
  })

  it('starts a cut of households from the count the review states', () => {
    const d = drafted(['- An sinh: Giảm 12 hộ cận nghèo trên địa bàn.'])
    expect(d.indicators[0]?.value).toMatchObject({ unitOfMeasure: 'hộ', target: { kind: 'reduce_by', amount: 12, baseline: 52 } })
  })

  it('keeps the label\'s name where the words after the figure are a bare count', () => {
    const d = drafted(['- Tai nạn giao thông: kéo giảm ít nhất 20% số vụ so với năm 2025.'])
    expect(d.indicators[0]?.value).toMatchObject({ name: 'Tai nạn giao thông', target: { kind: 'at_most', value: 8, strict: false } })
  })
})

describe('units that strive together ("… thi đua không để …") in a paragraph after a table', () => {
  it('reads the result they strive for', () => {
    const d = draft([
      '| TT | Chỉ tiêu | ĐVT | KH 2026 |',
      '|---|---|---|---|',
      '| 1 | Tổng đàn trâu | con | 1.800 |',
      '',
      // (A line of running prose, over 150 characters: only a result is a goal there.)
      'Ngoài các chỉ tiêu trên, các bản, tổ dân phố và dân quân thi đua không để xảy ra cháy nổ lớn; không để phát sinh điểm nóng về an ninh, trật tự trong các dịp lễ, Tết trên địa bàn.',
    ])
    expect(bySource(d, /cháy nổ/u).map((i) => i.value.target)).toEqual([{ kind: 'yes_no' }])
  })
})
