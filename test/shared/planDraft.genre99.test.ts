// Drafting a plan from its document (issue 13): the rules added after held-out set 99, each on
// hand-written sentences in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { named, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Phú Thịnh', '07', '12 tháng 01', 2026)
const draft = (items: string[]) => draftPlan(planWithList({ head: HEAD, year: 2026, items }))

describe("a crop's yield beside its area and output, after a topic's label", () => {
  it('derives the yield of any crop named after the measure, with "bình quân" or without', () => {
    const d = draft([
      'Sản xuất nông nghiệp: phấn đấu diện tích chè hiện có 820 ha; năng suất chè búp tươi bình quân đạt 105 tạ/ha, sản lượng 8.610 tấn.',
      'Trồng trọt: diện tích cà phê 1.500 ha, năng suất cà phê nhân đạt 3,2 tấn/ha, sản lượng cà phê nhân 4.800 tấn.',
      'Phát triển nông nghiệp: phấn đấu tổng diện tích mía đạt 600 ha, năng suất mía bình quân đạt 750 tạ/ha, sản lượng 45.000 tấn.',
      'Cây trồng chủ lực: diện tích sắn 900 ha; năng suất sắn củ tươi đạt 200 tạ/ha, sản lượng 18.000 tấn.',
      // A crop's own label still names the crop.
      'Cây lạc: diện tích 300 ha, năng suất bình quân 25 tạ/ha, sản lượng 750 tấn.',
    ])
    const crops = [
      { crop: 'chè', code: 'CHE', value: 105, formula: 'CHE_SL * 10 / CHE_DT', area: 820 },
      { crop: 'cà phê', code: 'CA_PHE', value: 3.2, formula: 'CA_PHE_SL / CA_PHE_DT', area: 1500 },
      { crop: 'mía', code: 'MIA', value: 750, formula: 'MIA_SL * 10 / MIA_DT', area: 600 },
      { crop: 'sắn', code: 'SAN', value: 200, formula: 'SAN_SL * 10 / SAN_DT', area: 900 },
      { crop: 'lạc', code: 'LAC', value: 25, formula: 'LAC_SL * 10 / LAC_DT', area: 300 },
    ]
    for (const { crop, code, value, formula, area } of crops) {
      expect(named(d, new RegExp(`^Năng suất ${crop}$`, 'u'))?.value, crop).toMatchObject({ code: `${code}_NS`, aggregation: 'stock', formula, target: { kind: 'derived', value } })
      expect(named(d, new RegExp(`^Diện tích ${crop}$`, 'u'))?.value, crop).toMatchObject({ code: `${code}_DT`, target: { kind: 'at_least', value: area } })
    }
    // The topic names no crop of its own.
    expect(d.indicators.some((i) => /nông nghiệp|trồng trọt|cây trồng/iu.test(i.value.name))).toBe(false)
  })

  it("derives the yield over the crop's whole area, not over the part after \"trong đó\"", () => {
    const d = draft(['Sản xuất nông, lâm nghiệp: phấn đấu duy trì diện tích chè 640 ha, trong đó chè đặc sản 150 ha; năng suất chè bình quân đạt 110 tạ/ha, sản lượng 7.040 tấn.'])
    expect(named(d, /^Năng suất chè$/u)?.value).toMatchObject({ formula: 'CHE_SL * 10 / CHE_DT', target: { kind: 'derived', value: 110 } })
    expect(named(d, /^Diện tích chè$/u)?.value.target).toEqual({ kind: 'at_least', value: 640 })
  })
})

describe('all of a count of units kept, beside a figure', () => {
  const bySource = (d: ReturnType<typeof draft>, words: RegExp) => d.indicators.find((i) => words.test(i.value.source ?? ''))
  const yesNo = (d: ReturnType<typeof draft>, words: RegExp) => d.indicators.find((i) => words.test(i.value.source ?? '') && i.value.target?.kind === 'yes_no')

  it('drafts "N/N … đạt / giữ vững …" after a field\'s label as a yes/no goal; an unequal count stays a count to reach', () => {
    const d = draft([
      'Giáo dục: duy trì 5/5 trường đạt chuẩn quốc gia, tỷ lệ trẻ 5 tuổi ra lớp đạt 100%.',
      'Y tế: giữ vững 1/1 trạm y tế đạt Bộ tiêu chí quốc gia về y tế xã, tỷ lệ người dân tham gia bảo hiểm y tế đạt 95%.',
      'Văn hóa: 10/12 thôn đạt danh hiệu thôn văn hóa, tỷ lệ hộ gia đình văn hóa đạt 90%.',
      'Khuyến học: phấn đấu 3/4 trường đạt chuẩn quốc gia, tỷ lệ học sinh lên lớp đạt 98%.',
    ])
    for (const words of [/5\/5 trường đạt chuẩn quốc gia$/u, /1\/1 trạm y tế đạt Bộ tiêu chí quốc gia về y tế xã$/u]) {
      expect(yesNo(d, words)?.value, String(words)).toMatchObject({ unitOfMeasure: 'đạt/không đạt', aggregation: 'yes_no' })
    }
    expect(bySource(d, /trẻ 5 tuổi ra lớp/u)?.value.target).toEqual({ kind: 'rate_at_least', value: 100 })
    expect(bySource(d, /bảo hiểm y tế/u)?.value.target).toEqual({ kind: 'rate_at_least', value: 95 })
    // Not all of them: a count, as before ("12/14 thôn" is at least 12).
    expect(bySource(d, /10\/12 thôn/u)?.value).toMatchObject({ unitOfMeasure: 'thôn', target: { kind: 'at_least', value: 10 } })
    expect(bySource(d, /3\/4 trường/u)?.value).toMatchObject({ unitOfMeasure: 'trường', target: { kind: 'at_least', value: 3 } })
    expect(d.indicators.filter((i) => i.value.target?.kind === 'yes_no')).toHaveLength(2)
  })

  it('reads any figure\'s clause after it, joined by a comma or by "và", as a target of its own', () => {
    const d = draft([
      'Văn hóa: tiếp tục giữ vững 8/8 tổ dân phố đạt danh hiệu tổ dân phố văn hóa và tỷ lệ hộ gia đình văn hóa đạt 93%.',
      '6/6 ấp giữ vững danh hiệu ấp văn hóa, huy động 99% hộ dân tham gia bảo vệ môi trường.',
      'Duy trì 2/2 khu đạt chuẩn khu dân cư kiểu mẫu, vận động 150 hộ chỉnh trang nhà ở.',
    ])
    for (const words of [/8\/8 tổ dân phố đạt danh hiệu tổ dân phố văn hóa$/u, /6\/6 ấp giữ vững danh hiệu ấp văn hóa$/u, /2\/2 khu đạt chuẩn khu dân cư kiểu mẫu$/u]) {
      expect(yesNo(d, words)?.value, String(words)).toMatchObject({ unitOfMeasure: 'đạt/không đạt', aggregation: 'yes_no' })
    }
    expect(bySource(d, /^tỷ lệ hộ gia đình văn hóa đạt 93%/u)?.value.target).toEqual({ kind: 'rate_at_least', value: 93 })
    expect(bySource(d, /^huy động 99% hộ dân/u)?.value.target).toEqual({ kind: 'rate_at_least', value: 99 })
    expect(bySource(d, /^vận động 150 hộ/u)?.value).toMatchObject({ unitOfMeasure: 'hộ', target: { kind: 'at_least', value: 150 } })
  })
})
