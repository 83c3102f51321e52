// Drafting a plan from its document (issue 13): the rules added after held-out sets 68 and 69
// (a crop named before the verb that sows it, a second measure joined by "với" or "cho", a bracket
// on the measures in a crop table's row, projects and classes counted), each on hand-written
// sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { bareCrop } from '../../src/shared/planDraft/crops'
import { draftList, named, planHead } from './planDraftText'

const head = planHead('Tân Thành', '06', '09 tháng 01', 2027)
const year = 2027

describe('a crop named before the verb that sows it', () => {
  it('reads area, yield and output when the crop and its season come before "gieo trồng"', () => {
    const d = draftList({ head, year, items: ['Ngô nếp cả năm gieo trồng 120 ha, năng suất bình quân 52 tạ/ha, sản lượng 624 tấn.'] })
    expect(named(d, /^Diện tích ngô nếp/iu)?.value.target).toEqual({ kind: 'at_least', value: 120 })
    const yieldOf = named(d, /^Năng suất ngô nếp/iu)?.value
    expect(yieldOf?.target).toEqual({ kind: 'derived', value: 52 })
    expect(yieldOf?.formula).toMatch(/_SL \* 10 \/ .*_DT$/u)
    expect(d.indicators.some((i) => i.value.target?.kind === 'rate_at_least')).toBe(false)
  })

  it('reads the crop before the verb when the season follows it, the output before the yield', () => {
    const d = draftList({ head, year, items: ['Cây lạc gieo trồng cả năm 85 ha, sản lượng 212,5 tấn, năng suất 25 tạ/ha.'] })
    const yieldOf = named(d, /^Năng suất lạc/iu)?.value
    expect(yieldOf?.target).toEqual({ kind: 'derived', value: 25 })
    expect(named(d, /^Sản lượng lạc/iu)?.value.target).toEqual({ kind: 'at_least', value: 212.5 })
  })

  it('names the crop of an output that follows its area with no crop of its own', () => {
    const d = draftList({ head, year, items: ['Cây sắn trồng 200 ha cho sản lượng 4.000 tấn.'] })
    expect(named(d, /^Diện tích sắn$/iu)?.value.target).toEqual({ kind: 'at_least', value: 200 })
    expect(named(d, /^Sản lượng sắn$/iu)?.value.target).toEqual({ kind: 'at_least', value: 4000 })
  })
})

describe('a second measure joined by "với" or "cho"', () => {
  it('reads the output after "với" as a target of its own', () => {
    const d = draftList({ head, year, items: ['Khai thác rừng sản xuất 150 ha với sản lượng gỗ đạt 15.000 m3; tỷ lệ che phủ rừng đạt 52%.'] })
    expect(named(d, /^Khai thác rừng/iu)?.value.target).toEqual({ kind: 'at_least', value: 150 })
    const timber = named(d, /sản lượng gỗ/iu)?.value
    expect(timber?.target).toEqual({ kind: 'at_least', value: 15000 })
    expect(timber?.source).toMatch(/^sản lượng gỗ đạt 15\.000 m3$/u)
    expect(named(d, /che phủ/iu)?.value.target).toMatchObject({ value: 52 })
  })

  it('keeps "so với" inside the clause it compares', () => {
    const d = draftList({ head, year, items: ['Giá trị sản xuất nông nghiệp tăng 6% so với năm 2026.'] })
    expect(d.indicators).toHaveLength(1)
    expect(d.indicators[0]?.value.target).toMatchObject({ kind: 'growth', percent: 6, baseYear: 2026 })
  })
})

describe('a crop table row whose name holds a bracket on the measures', () => {
  it('reads the row as the crop\'s area, yield and output, the yield derived', () => {
    const d = draftList({
      head,
      year,
      bare: true,
      items: ['| Cây trồng | Diện tích (ha) | Năng suất (tạ/ha) | Sản lượng (tấn) |', '|---|---|---|---|', '| Chè (diện tích kinh doanh, sản lượng búp tươi) | 300 | 95 | 2.850 |'],
    })
    expect(named(d, /^Năng suất chè$/iu)?.value.target).toEqual({ kind: 'derived', value: 95 })
    expect(named(d, /^Diện tích chè$/iu)?.value.target).toEqual({ kind: 'at_least', value: 300 })
    expect(d.indicators.some((i) => i.value.target?.kind === 'rate_at_least')).toBe(false)
  })

  it('drops only a bracket that speaks of the measures from a crop\'s name', () => {
    expect(bareCrop('cao su (diện tích cho mủ, sản lượng mủ khô)')).toBe('cao su')
    expect(bareCrop('rừng keo (FSC)')).toBe('rừng keo (FSC)')
  })
})

describe('projects and classes are counted', () => {
  it('reads "ít nhất 02 dự án" and "ít nhất 04 lớp" as counts to reach', () => {
    const d = draftList({ head, year, items: ['Thu hút ít nhất 02 dự án đầu tư vào khu du lịch sinh thái.', 'Mở ít nhất 04 lớp đào tạo nghề cho lao động nông thôn.'] })
    const projects = named(d, /dự án/iu)?.value
    expect(projects?.target).toEqual({ kind: 'at_least', value: 2 })
    expect(projects?.unitOfMeasure).toBe('dự án')
    const classes = named(d, /lớp/iu)?.value
    expect(classes?.target).toEqual({ kind: 'at_least', value: 4 })
    expect(classes?.unitOfMeasure).toBe('lớp')
  })
})
