// Drafting a plan from its document (issue 13): the rules added after held-out sets 111 and 113, each
// on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { bySource, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Hòa Lợi', '06', '12 tháng 01', 2026)
const draft = listDrafter(HEAD)
const TABLE = ['| TT | Chỉ tiêu | ĐVT | Ước TH 2025 | KH 2026 |', '|---|---|---|---|---|']

describe('a cut of a count of events beside last year\'s count', () => {
  it('is a ceiling on this year\'s count, in couples as in cases', () => {
    const d = draft([...TABLE, '| 1 | Số cặp tảo hôn trên địa bàn | cặp | 05 | Giảm ít nhất 02 cặp |', '| 2 | Số vụ cháy nhà dân | vụ | 8 | Giảm ≥ 25% |'])
    expect(bySource(d, /tảo hôn/u)[0]?.value).toMatchObject({ unitOfMeasure: 'cặp', aggregation: 'flow', target: { kind: 'at_most', value: 3, strict: false } })
    expect(bySource(d, /cháy nhà/u)[0]?.value).toMatchObject({ unitOfMeasure: 'vụ', aggregation: 'flow', target: { kind: 'at_most', value: 6, strict: false } })
  })
  it('leaves a cut of households a cut from their level', () => {
    const d = draft([...TABLE, '| 1 | Số hộ nghèo | hộ | 40 | Giảm ít nhất 6 hộ |'])
    expect(bySource(d, /hộ nghèo/u)[0]?.value).toMatchObject({ aggregation: 'stock', target: { kind: 'reduce_by', amount: 6, baseline: 40 } })
  })
})

describe('power plants and farms that stand', () => {
  it('reads megawatts and kilowatt-hours as units, the capacity a stock and the electricity a flow', () => {
    const d = draft([
      '| TT | Chỉ tiêu | Thực hiện năm 2025 | Kế hoạch năm 2026 |',
      '|---|---|---|---|',
      '| 1 | Công suất điện mặt trời áp mái đã lắp đặt (MW) | 12 | 15 |',
      '| 2 | Điện năng phát lên lưới (triệu kWh) | 16 | 19,5 |',
      '| 3 | Diện tích nuôi cá tra thâm canh (ha) | 120 | 130 |',
    ])
    expect(bySource(d, /MW/u)[0]?.value).toMatchObject({ unitOfMeasure: 'MW', aggregation: 'stock', target: { kind: 'at_least', value: 15 } })
    expect(bySource(d, /kWh/u)[0]?.value).toMatchObject({ unitOfMeasure: 'triệu kWh', aggregation: 'flow', target: { kind: 'at_least', value: 19.5 } })
    expect(bySource(d, /cá tra/u)[0]?.value).toMatchObject({ unitOfMeasure: 'ha', aggregation: 'stock' })
  })
  it('reads places kept to an export standard as a level kept', () => {
    const d = draft(['- Duy trì ít nhất 05 cơ sở chế biến thanh long đạt tiêu chuẩn xuất khẩu sang thị trường châu Âu.'])
    expect(bySource(d, /thanh long/u)[0]?.value).toMatchObject({ unitOfMeasure: 'cơ sở', aggregation: 'stock', target: { kind: 'at_least', value: 5 } })
  })
})
