// Drafting a plan from its document (issue 13): the rules added after held-out sets 111 and 113
// (the rest), each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { matchScore } from '../../src/shared/planDraft/score'
import { planHead, planWithList } from './planDraftText'

const HEAD = planHead('Tân Phú', '05', '09 tháng 01', 2026)
const draft = (items: string[]) => draftPlan(planWithList({ head: HEAD, year: 2026, items, bare: true }))
const bySource = (d: ReturnType<typeof draft>, words: RegExp) => d.indicators.filter((i) => words.test(i.value.source ?? ''))

describe('a count of two kinds of producers as one unit ("hộ, cơ sở")', () => {
  it('reads the pair as the unit and the statement whole, past the comma', () => {
    const d = draft(['- Giữ vững ít nhất 45 hộ, cơ sở chế biến hải sản khô đạt chứng nhận an toàn thực phẩm.'])
    const found = bySource(d, /45 hộ, cơ sở/u)
    expect(found).toHaveLength(1)
    expect(found[0]?.value).toMatchObject({ unitOfMeasure: 'hộ, cơ sở', target: { kind: 'at_least', value: 45 } })
    expect(found[0]?.value.source).toMatch(/an toàn thực phẩm$/u)
  })
  it('reads "hợp tác xã, tổ hợp tác" alike, and a table\'s unit cell "hộ, cơ sở"', () => {
    const d = draft([
      '- Thành lập mới 04 hợp tác xã, tổ hợp tác trong lĩnh vực nông nghiệp.',
      '',
      '| TT | Chỉ tiêu | ĐVT | TH 2025 | KH 2026 |',
      '|---|---|---|---|---|',
      '| 1 | Số hộ, cơ sở làm nghề mây tre đan đang hoạt động | hộ, cơ sở | 310 | ≥ 325 |',
    ])
    expect(bySource(d, /04 hợp tác xã/u)[0]?.value).toMatchObject({ unitOfMeasure: 'hợp tác xã, tổ hợp tác', target: { kind: 'at_least', value: 4 } })
    expect(bySource(d, /mây tre đan/u)[0]?.value).toMatchObject({ unitOfMeasure: 'hộ, cơ sở', target: { kind: 'at_least', value: 325 } })
  })
  it('keeps a count of households before another clause on households', () => {
    const d = draft(['- Giảm ít nhất 25 hộ, hộ nghèo còn dưới 1%.'])
    expect(d.indicators.map((i) => i.value.unitOfMeasure)).not.toContain('hộ, hộ')
  })
  it('scores such a unit against a hand-made unit that is one of the two, and nothing looser', () => {
    const d = draft(['- Giữ vững ít nhất 45 hộ, cơ sở chế biến hải sản khô đạt chứng nhận an toàn thực phẩm.'])
    const drafted = bySource(d, /45 hộ, cơ sở/u)[0]!.value
    expect(matchScore(drafted, { ...drafted, unitOfMeasure: 'cơ sở' })).toBeGreaterThan(0)
    expect(matchScore(drafted, { ...drafted, unitOfMeasure: 'hộ' })).toBeGreaterThan(0)
    expect(matchScore(drafted, { ...drafted, unitOfMeasure: 'hộ, cơ sở' })).toBeGreaterThan(0)
    expect(matchScore(drafted, { ...drafted, unitOfMeasure: 'doanh nghiệp' })).toBe(0)
    expect(matchScore({ ...drafted, unitOfMeasure: 'cơ sở' }, { ...drafted, unitOfMeasure: 'hộ, cơ sở' })).toBe(0)
  })
})

describe('the units\' own targets to register, after the list', () => {
  it.each([
    'Các thôn, cơ quan, trường học căn cứ các chỉ tiêu nêu trên đăng ký chỉ tiêu thi đua của đơn vị, bảo đảm không thấp hơn mức bình quân của xã.',
    '*Các tổ dân phố, đơn vị căn cứ kế hoạch này đăng ký giao ước thi đua, bảo đảm không thấp hơn chỉ tiêu chung.*',
  ])('reads no goal from "%s"', (note) => {
    const d = draft(['- Kết nạp từ 12 đảng viên mới trở lên.', '- Tỷ lệ hộ gia đình văn hóa đạt 92% trở lên.', '', note])
    expect(bySource(d, /đăng ký|không thấp hơn/u)).toEqual([])
    expect(d.indicators).toHaveLength(2)
  })
})

describe('the scale of the emulation\'s scoring', () => {
  it('reads no target from "tổng số 100 điểm" or "tối đa 8 điểm", and keeps a score to reach', () => {
    const d = draft([
      '- Kết nạp từ 12 đảng viên mới trở lên.',
      '',
      'Bộ tiêu chí gồm 25 chỉ tiêu chia thành 05 nhóm, tổng số 100 điểm; mỗi chỉ tiêu có điểm tối đa 8 điểm.',
      '',
      '- Chỉ số cải cách hành chính của xã đạt tổng số 92 điểm trở lên.',
    ])
    expect(d.indicators.filter((i) => i.value.unitOfMeasure === 'điểm').map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 92 }])
  })
})
