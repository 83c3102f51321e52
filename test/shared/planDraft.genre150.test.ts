// Drafting a plan from its document (issue 13): the rules added after held-out sets 150 to 152, each
// on hand-written sentences and tables in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { bySource, draftList, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Tân Phước', '09', '15 tháng 01', 2026)
const draft = listDrafter(HEAD)

describe('a ratio per hundred written in a table\'s unit cell', () => {
  it.each(['số bé trai/100 bé gái', 'trẻ trai/100 trẻ gái', 'nam/100 nữ'])('reads "%s" as a rate of a hundred, in the plan\'s words', (unit) => {
    const d = draft(['| TT | Chỉ tiêu | ĐVT | Năm 2025 | KH 2026 |', '|---|---|---|---|---|', `| 1 | Tỷ số giới tính khi sinh | ${unit} | 116 | ≤ 113 |`, '| 2 | Tổng đàn bò | con | 2.300 | 2.400 |'])
    expect(bySource(d, /giới tính/u)[0]?.value).toMatchObject({ unitOfMeasure: unit, aggregation: 'rate', scale: 100, proportion: false, target: { kind: 'at_most', value: 113, strict: false } })
  })
})

describe('households in poverty named bare, cut by a few percent', () => {
  const plan = (line: string): ReturnType<typeof draft> =>
    draftList({ head: HEAD, year: 2026, intro: 'Cuối năm 2025, tỷ lệ hộ nghèo của xã là 2,4%, hộ cận nghèo 3,1%; toàn xã còn 52 hộ nghèo.', items: [line, 'Tổng đàn trâu, bò đạt 2.500 con trở lên.'] })
  it('reads "hộ cận nghèo giảm 0,5 - 0,8%" as the near-poor rate cut in points, from its stated level', () => {
    const d = plan('Tỷ lệ hộ nghèo giảm còn dưới 1,8%; hộ cận nghèo giảm 0,5 - 0,8% so với cuối năm 2025.')
    expect(bySource(d, /cận nghèo giảm/u)[0]?.value).toMatchObject({ unitOfMeasure: '%', aggregation: 'rate', target: { kind: 'reduce_by', amount: 0.5, max: 0.8, baseline: 3.1 } })
    expect(bySource(d, /cận nghèo giảm/u)[0]?.value.target).not.toHaveProperty('relative')
  })
  it('keeps a share of the count where "số" counts them', () => {
    const d = plan('Số hộ nghèo giảm 25% so với cuối năm 2025.')
    expect(bySource(d, /Số hộ nghèo giảm/u)[0]?.value).toMatchObject({ unitOfMeasure: 'hộ', aggregation: 'stock', target: { kind: 'reduce_by', amount: 25, relative: true } })
  })
})

describe('a growth\'s base figure stated under the statistic\'s shorter name', () => {
  it('finds "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ" for the growth of "… dịch vụ tiêu dùng"', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      intro: 'Năm 2025, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ trên địa bàn ước đạt 2.860 tỷ đồng.',
      items: ['Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tăng 9% so với năm 2025.'],
    })
    expect(bySource(d, /bán lẻ/u)[0]?.value.target).toMatchObject({ kind: 'growth', percent: 9, baseYear: 2025, baseValue: 2860 })
  })
})

describe('a growth of more than a figure', () => {
  it('reads "tăng trên 7% so với năm 2025" as a growth, not a rate', () => {
    const d = draft(['- Giá trị sản xuất công nghiệp tăng trên 7% so với năm 2025.'])
    expect(bySource(d, /tăng trên 7%/u)[0]?.value).toMatchObject({ aggregation: 'flow', target: { kind: 'growth', percent: 7, baseYear: 2025 } })
  })
  it('joins it to the amount it restates, after a label\'s colon', () => {
    const d = draft(['- Doanh thu dịch vụ du lịch: đạt 64 tỷ đồng, tăng trên 8% so với năm 2025.', '- Tổng đàn lợn đạt 9.000 con.'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 64 }, { kind: 'at_least', value: 9000 }])
  })
})

describe('a ceiling set by zoning on an area farmed', () => {
  it('rolls up "không quá … ha theo quy hoạch" as the area standing', () => {
    const d = draft(['- Diện tích nuôi nghêu ven biển không quá 450 ha theo quy hoạch; sản lượng nghêu đạt 6.000 tấn.'])
    expect(bySource(d, /450 ha/u)[0]?.value).toMatchObject({ aggregation: 'stock', target: { kind: 'at_most', value: 450, strict: false } })
  })
  it('leaves an area planted in the year a flow, capped or not', () => {
    const d = draft(['- Diện tích cây ăn quả trồng mới không quá 60 ha theo quy hoạch.'])
    expect(bySource(d, /60 ha/u)[0]?.value.aggregation).toBe('flow')
  })
})
