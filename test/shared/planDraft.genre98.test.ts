// Drafting a plan from its document (issue 13): the rules added after held-out set 98, each on
// hand-written sentences in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { LEAD_BACK_RE } from '../../src/shared/planDraft/lexicon'
import { named, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Tân Lập', '09', '15 tháng 01', 2026)

describe("goods counted by their own count word", () => {
  it('reads pairs, sets, sheets, cases, pieces and rafts as count units', () => {
    const d = draftPlan(planWithList({
      head: HEAD,
      year: 2026,
      items: [
        'Các hộ làm nghề sản xuất dép cói các loại đạt 65.000 đôi.',
        'Làng mộc hoàn thành 1.200 bộ bàn ghế gỗ xuất khẩu.',
        'Hợp tác xã dệt thổ cẩm đạt 3.500 tấm.',
        'Cơ sở chế biến đóng gói 8.000 thùng nước mắm.',
        'Tổ đan lát sản xuất 20.000 cái giỏ tre.',
        'Phát triển nuôi cá trên hồ thủy điện đạt 45 bè.',
      ],
    }))
    const said = (words: RegExp) => d.indicators.find((i) => words.test(i.value.source ?? ''))
    expect(said(/dép cói/iu)?.value).toMatchObject({ unitOfMeasure: 'đôi', target: { kind: 'at_least', value: 65000 } })
    expect(said(/bàn ghế/iu)?.value).toMatchObject({ unitOfMeasure: 'bộ', target: { kind: 'at_least', value: 1200 } })
    expect(said(/thổ cẩm/iu)?.value).toMatchObject({ unitOfMeasure: 'tấm', target: { kind: 'at_least', value: 3500 } })
    expect(said(/nước mắm/iu)?.value).toMatchObject({ unitOfMeasure: 'thùng', target: { kind: 'at_least', value: 8000 } })
    expect(said(/giỏ tre/iu)?.value).toMatchObject({ unitOfMeasure: 'cái', target: { kind: 'at_least', value: 20000 } })
    expect(said(/nuôi cá/iu)?.value).toMatchObject({ unitOfMeasure: 'bè', target: { kind: 'at_least', value: 45 } })
  })

  it('counts no goods in "một bộ phận", "bộ phận một cửa" or "một tấm gương"', () => {
    const d = draftPlan(planWithList({
      head: HEAD,
      year: 2026,
      items: ['Nâng cấp 02 bộ phận tiếp nhận hồ sơ theo hướng hiện đại.', 'Mỗi cán bộ, công chức là một tấm gương về tinh thần phục vụ Nhân dân.'],
    }))
    expect(d.indicators.some((i) => ['bộ', 'tấm'].includes(i.value.unitOfMeasure))).toBe(false)
  })
})

describe('a lead-in joining the goals to the listed targets', () => {
  it('reads "Cùng với các chỉ tiêu trên, …:" as a pointer back, not a word of the goal', () => {
    expect(LEAD_BACK_RE.exec('Cùng với các chỉ tiêu nêu trên, xã phấn đấu: giữ vững …')?.[0]).toBe('Cùng với các chỉ tiêu nêu trên, ')
    expect(LEAD_BACK_RE.exec('Song song với việc thực hiện các chỉ tiêu trên, phấn đấu …')?.[0]).toBe('Song song với việc thực hiện các chỉ tiêu trên, ')
    const d = draftPlan(planWithList({
      head: HEAD,
      year: 2026,
      items: ['Trồng mới 40 ha rừng sản xuất.'],
      extra: 'Cùng với các chỉ tiêu trên, toàn xã phấn đấu: giữ vững quốc phòng, an ninh khu vực biên giới; không để xảy ra tình trạng xuất cảnh trái phép. Không để xảy ra cháy rừng.',
    }))
    const kept = named(d, /quốc phòng, an ninh/iu)
    expect(kept?.value.name).toMatch(/^Giữ vững quốc phòng, an ninh khu vực biên giới$/u)
    expect(kept?.value.target).toEqual({ kind: 'yes_no' })
    expect(named(d, /xuất cảnh trái phép/iu)?.value.target).toEqual({ kind: 'yes_no' })
  })
})
