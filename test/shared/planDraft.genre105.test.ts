// Drafting a plan from its document (issue 13): the rules added after held-out set 105, each on
// hand-written sentences in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { amountAggregation } from '../../src/shared/planDraft/lexicon'
import { bySource, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Tân Mỹ', '04', '15 tháng 01', 2026)
const draft = (items: string[], intro?: string) => draftPlan(planWithList({ head: HEAD, year: 2026, items, bare: true, ...(intro !== undefined ? { intro } : {}) }))

describe('a table with a mid-year milestone column after the year\'s plan', () => {
  const table = (milestone: string) => [
    `| STT | Chỉ tiêu | Đơn vị | Kế hoạch năm 2026 | ${milestone} |`,
    '|---|---|---|---|---|',
    '| 1 | Diện tích lúa gieo trồng | ha | 1.450 | 760 |',
    '| 2 | Thu ngân sách trên địa bàn | triệu đồng | 9.200 | 4.100 |',
    '| 3 | Số lao động được tạo việc làm mới | người | 210 | - |',
  ]

  it.each(['Trong đó: 6 tháng đầu năm', 'Trong đó 9 tháng'])('takes the year\'s column, not "%s"', (milestone) => {
    const d = draft(table(milestone))
    expect(bySource(d, /lúa gieo trồng/u).map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 1450 }])
    expect(bySource(d, /ngân sách/u).map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 9200 }])
    expect(bySource(d, /việc làm mới/u).map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 210 }])
  })
})

describe('Word\'s second-level bullets "o" before a tab', () => {
  it('reads the targets under a label bullet, each its own', () => {
    const d = draft([
      '•\tCây cà phê:',
      'o\tDiện tích cà phê hiện có duy trì 820 ha, trong đó cà phê tái canh 95 ha;',
      'o\tSản lượng cà phê nhân đạt 2.300 tấn trở lên.',
      '•\tChăn nuôi:',
      'o\tTổng đàn trâu từ 1.250 con trở lên.',
    ])
    expect(bySource(d, /820 ha/u)[0]?.value).toMatchObject({ unitOfMeasure: 'ha', aggregation: 'stock', target: { kind: 'at_least', value: 820 } })
    expect(bySource(d, /95 ha/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 95 })
    expect(bySource(d, /2\.300 tấn/u)[0]?.value).toMatchObject({ unitOfMeasure: 'tấn', aggregation: 'flow', target: { kind: 'at_least', value: 2300 } })
    expect(bySource(d, /1\.250 con/u)[0]?.value).toMatchObject({ unitOfMeasure: 'con', aggregation: 'stock', target: { kind: 'at_least', value: 1250 } })
    // (The source is the statement, without the bullet and its tab.)
    expect(bySource(d, /1\.250 con/u)[0]?.value.source).toMatch(/^Tổng đàn trâu/u)
  })
})

describe('an amount restated as how far it goes past the estimate', () => {
  it('keeps "vượt từ 6% trở lên so với dự toán" with the amount, one target', () => {
    const d = draft(['- Thu ngân sách trên địa bàn đạt 9,6 tỷ đồng, vượt từ 6% trở lên so với dự toán huyện giao.'])
    const found = d.indicators.filter((i) => /ngân sách|dự toán/u.test(i.value.source ?? ''))
    expect(found.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 9.6 }])
  })
})

describe('units of ports and irrigation works', () => {
  it('counts sluices ("cống") built in the year, a flow, not a yes/no', () => {
    const d = draft(['- Nạo vét 8 km kênh mương; làm mới 04 cống điều tiết nước.'])
    expect(bySource(d, /04 cống/u)[0]?.value).toMatchObject({ unitOfMeasure: 'cống', aggregation: 'flow', target: { kind: 'at_least', value: 4 } })
  })

  it('reads containers in TEU as their own flow, no part of a total in tonnes', () => {
    const d = draft(['- Hàng hóa qua cảng đạt 12 triệu tấn, trong đó hàng container đạt 350 nghìn TEU.'])
    const teu = bySource(d, /TEU/u)[0]?.value
    expect(teu).toMatchObject({ unitOfMeasure: 'nghìn TEU', aggregation: 'flow', target: { kind: 'at_least', value: 350 } })
    expect(teu?.partOf).toBeUndefined()
  })
})

describe('establishments meeting the conditions of their trade', () => {
  it('counts hatcheries "đủ điều kiện" as a level held', () => {
    expect(amountAggregation('Số cơ sở sản xuất giống thủy sản đủ điều kiện', { unit: 'cơ sở' })?.aggregation).toBe('stock')
    expect(amountAggregation('Cơ sở kinh doanh thuốc thú y đủ tiêu chuẩn', { unit: 'cơ sở' })?.aggregation).toBe('stock')
  })
})
