// Drafting a plan from its document (issue 13): the rules added after held-out sets 48 and 49,
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { named, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Tân Lợi', '05', '10 tháng 01', 2026)

const draft = (items: string[]) => draftPlan(planWithList({ head: HEAD, year: 2026, items }))

describe("a phase's level beside the year's in one statement", () => {
  it("takes the year's figure, named by the words before the phase, its source the whole statement", () => {
    const d = draft([
      'Tổng thu ngân sách xã: Đợt 1 (đến 30/6) đạt 3,1 tỷ đồng, cả năm đạt 6,5 tỷ đồng trở lên.',
      'Tỷ lệ người dân tham gia bảo hiểm xã hội tự nguyện: Đợt 1 đạt 12%, cả năm trên 20%.',
      'Nhựa hóa đường trục thôn: 6 tháng đầu năm hoàn thành 1,2 km, cả năm hoàn thành 4 km.',
    ])
    expect(named(d, /thu ngân sách/iu)?.value).toMatchObject({ name: 'Tổng thu ngân sách xã', unitOfMeasure: 'tỷ đồng', target: { kind: 'at_least', value: 6.5 } })
    expect(named(d, /thu ngân sách/iu)?.value.source).toBe('Tổng thu ngân sách xã: Đợt 1 (đến 30/6) đạt 3,1 tỷ đồng, cả năm đạt 6,5 tỷ đồng trở lên')
    expect(named(d, /bảo hiểm xã hội/iu)?.value.target).toMatchObject({ kind: 'rate_at_least', value: 20, strict: true })
    expect(named(d, /nhựa hóa/iu)?.value).toMatchObject({ name: 'Nhựa hóa đường trục thôn', target: { kind: 'at_least', value: 4 } })
    // The phases' own figures are no targets.
    const values = d.indicators.map((i) => JSON.stringify(i.value.target))
    expect(values.some((v) => /"value":(?:3\.1|12|1\.2)\b/u.test(v))).toBe(false)
    expect(d.indicators).toHaveLength(3)
  })

  it('keeps a crop measure of the year with its phase named first', () => {
    const d = draft(['Diện tích gieo cấy lúa: Đợt 1 (vụ Chiêm) gieo cấy 410 ha, cả năm đạt 820 ha; năng suất bình quân cả năm 60 tạ/ha; sản lượng lúa Đợt 1 đạt 2.400 tấn, cả năm đạt 4.920 tấn.'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([
      { kind: 'at_least', value: 820 },
      expect.objectContaining({ kind: 'derived', value: 60 }),
      { kind: 'at_least', value: 4920 },
    ])
  })

  it('leaves a phase figure alone when no year figure follows it', () => {
    const d = draft(['Đợt 1 (đến 30/6) hoàn thành 50% khối lượng nạo vét kênh mương.'])
    expect(d.indicators.filter((i) => i.value.aggregation !== 'yes_no')).toHaveLength(0)
  })
})

describe('a branch of a mass organisation placed in the villages', () => {
  it('"100% chi hội … ở các thôn …" is a yes/no each village reports; an unplaced "100% chi hội …" stays a rate', () => {
    const d = draft(['100% chi hội phụ nữ ở các thôn tổ chức ký cam kết không sinh con thứ ba.', '100% chi hội cựu chiến binh đạt trong sạch, vững mạnh.'])
    expect(named(d, /phụ nữ/iu)?.value.target).toEqual({ kind: 'yes_no' })
    expect(named(d, /cựu chiến binh/iu)?.value.target).toMatchObject({ kind: 'rate_at_least', value: 100 })
  })
})

describe('cases a verb deals with', () => {
  it('"100% các trường hợp …" is a rate of cases (no school), named by the verb and the cases to the clause end', () => {
    const d = draft(['Giải quyết dứt điểm 100% các trường hợp xây dựng trái phép, sai giấy phép phát sinh trên địa bàn.'])
    const i = named(d, /trường hợp/iu)
    expect(i?.value).toMatchObject({ unitOfMeasure: '%', target: { kind: 'rate_at_least', value: 100 } })
    expect(i?.value.name).toMatch(/^Tỷ lệ giải quyết dứt điểm các trường hợp xây dựng trái phép, sai giấy phép/u)
  })
})

describe('a sown area whose crop follows the hectares', () => {
  it('"Toàn xã phấn đấu gieo trồng 900 ha ngô, năng suất …, sản lượng …" is the crop\'s area, the yield derived', () => {
    const d = draft(['Toàn xã phấn đấu gieo trồng 900 ha ngô, năng suất bình quân 55 tạ/ha, sản lượng ngô hạt đạt 4.950 tấn.'])
    expect(named(d, /^Diện tích ngô/iu)?.value.target).toEqual({ kind: 'at_least', value: 900 })
    expect(named(d, /^Năng suất ngô/iu)?.value).toMatchObject({ target: { kind: 'derived', value: 55 } })
    expect(named(d, /^Năng suất ngô/iu)?.value.formula).toMatch(/\* 10 \//u)
  })
})
