// Drafting a plan from its document (issue 13): metres counted ("dệt 180.000 mét vải") are a
// quantity in "mét"; a figure in metres after "dài", "rộng", "cao", "sâu" or "cách" is a size, part
// of what the target names ("tàu cá có chiều dài từ 15 mét trở lên"). Hand-written sentences.
import { describe, expect, it } from 'vitest'
import { QUANTITY_RE } from '../../src/shared/planDraft/lexicon'
import { listDrafter, planHead } from './planDraftText'

const draft = listDrafter(planHead('Tân Khánh', '14', '10 tháng 01', 2026))

describe('metres', () => {
  it('reads cloth woven in metres as a flow in "mét"', () => {
    const d = draft(['- Sản lượng vải thổ cẩm dệt thủ công đạt 180.000 mét trở lên.'])
    expect(d.indicators.map((i) => [i.value.name, i.value.unitOfMeasure, i.value.aggregation, i.value.target])).toEqual([
      ['Sản lượng vải thổ cẩm dệt thủ công', 'mét', 'flow', { kind: 'at_least', value: 180000 }],
    ])
  })

  it('keeps a size in metres inside the name of a rate', () => {
    const d = draft(['- 100% tàu cá có chiều dài từ 12 mét trở lên được lắp thiết bị giám sát hành trình.'])
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([['%', { kind: 'rate_at_least', value: 100 }]])
    expect(d.indicators[0]?.value.name).toMatch(/12 mét/u)
  })

  it('reads no quantity in a width, a height or a distance', () => {
    for (const text of ['mở rộng mặt đường rộng 6 mét', 'tường rào cao trên 2,5 mét', 'giếng khoan sâu 40 mét', 'trồng cây cách 5 mét một cây']) {
      expect([...text.matchAll(new RegExp(QUANTITY_RE.source, QUANTITY_RE.flags))].filter((m) => /mét/u.test(m[0]))).toEqual([])
    }
  })

  it('reads square and cubic metres written out', () => {
    const d = draft(['- Xây dựng mới 1.200 mét vuông nhà văn hóa; nạo vét 15.000 mét khối kênh mương nội đồng.'])
    expect(d.indicators.map((i) => i.value.unitOfMeasure)).toEqual(['m²', 'm³'])
  })
})
