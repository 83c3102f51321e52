// Drafting a plan from its document (issue 13): a crop's seasons counted before its area ("lúa 2 vụ
// 1.120 ha") name the crop, they are no target; a table's crop area written as a part of the area
// sown ("- Trong đó: lúa nước cả năm | ha | 1.300") is the area its yield is computed over.
// Hand-written sentences and tables.
import { describe, expect, it } from 'vitest'
import { draftList, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Đông Sơn', '08', '06 tháng 01', 2026)
const draft = listDrafter(HEAD)

describe('a crop\'s seasons before its area', () => {
  it('reads the area, the yield and the output of "lúa 2 vụ", not a count of 2 vụ', () => {
    const d = draft(['- Trồng trọt: diện tích lúa 2 vụ 860 ha, năng suất 58 tạ/ha, sản lượng 4.988 tấn.'])
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['ha', { kind: 'at_least', value: 860 }],
      ['tạ/ha', { kind: 'derived', value: 58 }],
      ['tấn', { kind: 'at_least', value: 4988 }],
    ])
  })

  it('reads "gieo trồng 3 vụ đạt … ha" as the area', () => {
    const d = draft(['- Cây bắp gieo trồng 3 vụ đạt 420 ha.'])
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([['ha', { kind: 'at_least', value: 420 }]])
  })

  it('links the yield of a crop named with its seasons and "đạt" before its measure\'s word, after a branch\'s label', () => {
    const d = draft(['a) Trồng trọt: Cây lúa nước gieo cấy 2 vụ đạt diện tích 360 ha, năng suất bình quân 48 tạ/ha, sản lượng 1.728 tấn.'])
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([
      ['Diện tích lúa nước 2 vụ', { kind: 'at_least', value: 360 }],
      ['Năng suất lúa nước 2 vụ', { kind: 'derived', value: 48 }],
      ['Sản lượng lúa nước 2 vụ', { kind: 'at_least', value: 1728 }],
    ])
  })

  it('still reads a count of incidents in vụ', () => {
    const d = draft(['- Giảm 2 vụ tai nạn giao thông so với năm 2025.', '- Không quá 3 vụ cháy rừng, diện tích thiệt hại dưới 2 ha.'])
    expect(d.indicators.some((i) => i.value.unitOfMeasure === 'vụ' && /cháy rừng/u.test(i.value.name))).toBe(true)
    expect(d.indicators.some((i) => i.value.unitOfMeasure === 'vụ' && /tai nạn/u.test(i.value.name))).toBe(true)
  })
})

describe('a crop area written as a part of the area sown', () => {
  it('computes the yield over the part whose figures give it', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      bare: true,
      items: [
        '| TT | Chỉ tiêu | ĐVT | Ước TH 2025 | KH 2026 |',
        '|---|---|---|---|---|',
        '| 1 | Tổng diện tích gieo trồng cây hằng năm | ha | 2.900 | 3.000 |',
        '| | - Trong đó: lúa nước cả năm | ha | 1.150 | 1.200 |',
        '| 2 | Năng suất lúa bình quân | tạ/ha | 59 | 60 |',
        '| 3 | Sản lượng lúa | tấn | 6.785 | 7.200 |',
      ],
    })
    const yieldRow = d.indicators.find((i) => i.value.unitOfMeasure === 'tạ/ha')
    const part = d.indicators.find((i) => /lúa nước/iu.test(i.value.name))
    const output = d.indicators.find((i) => i.value.unitOfMeasure === 'tấn')
    expect(yieldRow?.value.target).toEqual({ kind: 'derived', value: 60 })
    expect(yieldRow?.value.formula).toBe(`${output?.value.code} * 10 / ${part?.value.code}`)
  })
})

describe('a crop area named before a label\'s colon', () => {
  it('names "Diện tích chè hiện có: duy trì ≥ 1.280 ha" without the colon or the sign', () => {
    const d = draft(['1. Diện tích chè hiện có: duy trì ≥ 1.280 ha.', '2. Diện tích quế hiện có: duy trì 3.150 ha.'])
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([
      ['Diện tích chè', { kind: 'at_least', value: 1280 }],
      ['Diện tích quế', { kind: 'at_least', value: 3150 }],
    ])
  })
})
