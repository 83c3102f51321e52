// Drafting a plan from its document (issue 13), set 255: a plan typed without Vietnamese marks (sent
// by SMS, typed with no Vietnamese input: "Ke hoach", "Ty le ho ngheo giam 0,5% so voi cuoi nam
// 2026") is recognised from the whole document, and the marks of the plan's vocabulary (units,
// verbs and bounds, measures, sections' words) are put back before it is read; a marked plan with a
// few unmarked words is no such text. Hand-written sentences, their marks taken off.
import type { Plan } from '../../src/shared/model'
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { sourcesAsRead } from '../../src/shared/planDraft/score'
import { unmarkedDocument, withMarks, withoutMarks } from '../../src/shared/planDraft/unmarked'
import { planHead, planWithList } from './planDraftText'

const items = [
  'Sản lượng lúa cả năm đạt 5.600 tấn trở lên.',
  'Năng suất ngô bình quân 48 tạ/ha.',
  'Thu nhập bình quân đầu người đạt 62 triệu đồng/người/năm.',
  'Tổng đàn trâu, bò duy trì từ 3.100 con trở lên.',
  'Tỷ lệ hộ nghèo giảm 0,5% so với cuối năm 2026.',
  'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân không quá 9%.',
  'Giải quyết việc làm cho 150 lao động, trong đó xuất khẩu lao động 20 người.',
  'Giữ vững an ninh chính trị, không để xảy ra trọng án.',
]
const marked = planWithList({ head: planHead('Tân Hưng', '07', '12 tháng 01', 2027), year: 2027, items })
const unmarked = withoutMarks(marked)

describe('a plan typed without marks', () => {
  it('is told from the whole document, not from a few words that lost their marks', () => {
    expect([...unmarked].every((c) => c.charCodeAt(0) < 0x80)).toBe(true)
    expect(unmarkedDocument(unmarked)).toBe(true)
    expect(unmarkedDocument(marked)).toBe(false)
    // (An OCR that lost the marks of some words: a marked plan still.)
    expect(unmarkedDocument(marked.replace('đạt 5.600 tấn', 'dat 5.600 tan').replace('Thu nhập', 'Thu nhap'))).toBe(false)
    // (Words that are no Vietnamese syllables: no plan typed without marks.)
    expect(unmarkedDocument('The commune shall report its figures to the district before the tenth of December. '.repeat(8))).toBe(false)
  })

  it('gets the marks of the plan vocabulary back, each word in its place and its case', () => {
    const line = 'KE HOACH: San luong lua dat 3.200 tan; ty le ho ngheo con 3,1%, giam 0,5% so voi nam 2026; dan bo 2.300 con tro len.'
    const restored = withMarks(line)
    expect(restored).toBe('KẾ HOẠCH: Sản lượng lúa đạt 3.200 tấn; tỷ lệ hộ nghèo còn 3,1%, giảm 0,5% so với năm 2026; đàn bò 2.300 con trở lên.')
    expect(restored.length).toBe(line.length)
  })

  it('reads a unit only after its figure and a word of a figure\'s clause only before it, and a longer phrase first', () => {
    expect(withMarks('trong 12 thang, tang 8 tan/ha')).toBe('trong 12 tháng, tăng 8 tấn/ha')
    expect(withMarks('cac hop tac xa, 4 hop tac xa')).toBe('các hợp tác xã, 4 hợp tác xã')
    // ("Ho Chi Minh", "su dung dat", "duoc tang Giay khen": a phrase settles a word that alone means another.)
    expect(withMarks('duong Ho Chi Minh; su dung dat hieu qua; duoc tang Giay khen')).toBe('đường Hồ Chí Minh; sử dụng đất hieu qua; được tặng Giấy khen')
    // (A word that spells two units is neither; nor is a unit that spells a herd's animal: "2.240 bo" may be cattle.)
    expect(withMarks('12/14 bon; 2.240 bo')).toBe('12/14 bon; 2.240 bo')
  })

  it('drafts the targets its marked original gives, by the same names, their sources in the text the draft returns', () => {
    const want = draftPlan(marked)
    const got = draftPlan(unmarked)
    const read = (d: typeof want): unknown[] => d.indicators.map((i) => [i.value.name, i.value.unitOfMeasure, i.value.aggregation, i.value.target])
    expect(read(got)).toEqual(read(want))
    expect(got.indicators).toHaveLength(10)
    // (The sources point at the same words of the text the draft returns, where the marked original's do.)
    expect(got.indicators.map((i) => got.text.slice(i.source!.start, i.source!.end))).toEqual(want.indicators.map((i) => want.text.slice(i.source!.start, i.source!.end)))
    for (const i of got.indicators) expect(got.text.slice(i.source!.start, i.source!.end)).toContain(i.value.source)
  })

  it('is scored against hand-made sources copied from it, marked the same way', () => {
    const expected = { indicators: [{ code: 'HN', name: 'Tỷ lệ hộ nghèo', source: 'Ty le ho ngheo giam 0,5% so voi cuoi nam 2026' }] }
    expect(sourcesAsRead(expected as unknown as Plan, unmarked).indicators[0]!.source).toBe('Tỷ lệ hộ nghèo giảm 0,5% so với cuối năm 2026')
    expect(sourcesAsRead(expected as unknown as Plan, marked).indicators[0]!.source).toBe('Ty le ho ngheo giam 0,5% so voi cuoi nam 2026')
  })
})
