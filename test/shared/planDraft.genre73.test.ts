// Drafting a plan from its document (issue 13): the rules added after held-out sets 73 and 74,
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { pastYearTail } from '../../src/shared/planDraft/guards'
import { matchScore } from '../../src/shared/planDraft/score'
import { draftList, named, planHead } from './planDraftText'

const HEAD = planHead('Tà Xùa', '07', '08 tháng 01', 2026)

describe('all of a kind keeping a state, joined by "và" after a figure', () => {
  it('reads "… 100% thôn có …  và giữ vững 4/4 trường đạt chuẩn …" as two yes/no goals', () => {
    const d = draftList({ head: HEAD, year: 2026, items: ['Tỷ lệ hộ dùng nước hợp vệ sinh đạt 97%, 100% thôn có sân thể thao đạt chuẩn và giữ vững 4/4 trường đạt chuẩn quốc gia.'] })
    expect(named(d, /nước hợp vệ sinh/iu)?.value.target).toEqual({ kind: 'rate_at_least', value: 97 })
    expect(named(d, /sân thể thao/iu)?.value.target).toEqual({ kind: 'yes_no' })
    const schools = named(d, /trường đạt chuẩn quốc gia/iu)
    expect(schools?.value.target).toEqual({ kind: 'yes_no' })
    expect(schools?.value.source).toBe('giữ vững 4/4 trường đạt chuẩn quốc gia')
    expect(d.indicators).toHaveLength(3)
  })

  it('splits after a count as after a rate, and keeps "duy trì n/n …" too', () => {
    const d = draftList({ head: HEAD, year: 2026, items: ['Trồng mới 35 ha quế và duy trì 9/9 bản đạt danh hiệu bản văn hóa.'] })
    expect(named(d, /quế/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 35 })
    expect(named(d, /bản văn hóa/iu)?.value.target).toEqual({ kind: 'yes_no' })
  })

  it('leaves a share of units short of all a count, and a verb without its object one goal', () => {
    const d = draftList({ head: HEAD, year: 2026, items: ['Tỷ lệ hộ gia đình văn hóa đạt 90% và 8/10 thôn đạt danh hiệu thôn văn hóa.'] })
    expect(named(d, /hộ gia đình văn hóa/iu)?.value.target).toEqual({ kind: 'rate_at_least', value: 90 })
    expect(named(d, /thôn đạt danh hiệu/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 8 })
    const one = draftList({ head: HEAD, year: 2026, items: ['Phấn đấu 7/7 bản đạt và giữ vững danh hiệu bản văn hóa.'] })
    expect(one.indicators).toHaveLength(1)
  })
})

describe('a past year after a stop, without its comma', () => {
  it('cuts the paragraph where "; năm <past year> …" turns to what that year did', () => {
    const text = 'Xã có 9 bản. Đầu năm 2026 toàn xã còn 88 hộ nghèo; năm 2025 trồng mới 40 ha quế, sản lượng chè đạt 900 tấn.'
    expect(text.slice(pastYearTail(text, 2026))).toBe(' năm 2025 trồng mới 40 ha quế, sản lượng chè đạt 900 tấn.')
    expect(pastYearTail('Trồng mới 40 ha quế; năm 2026 phấn đấu đạt 900 tấn chè.', 2026)).toBe(-1)
    expect(pastYearTail('Tăng 8% so với năm 2025.', 2026)).toBe(-1)
  })

  it('drafts no target from last year\'s results before the plan\'s sections', () => {
    const head = `${HEAD}Căn cứ Kế hoạch số 03/KH-UBND của UBND huyện.
Xã có 9 bản đồng bào Mông. Đầu năm 2026
toàn xã còn 88 hộ nghèo;
năm 2025 trồng mới 40 ha quế,
sản lượng chè búp tươi 900 tấn.
`
    const d = draftList({ head, year: 2026, items: ['Trồng mới 50 ha quế.', 'Sản lượng chè búp tươi đạt 960 tấn.'] })
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 50 }, { kind: 'at_least', value: 960 }])
  })
})

describe('reporting units of two kinds counted together', () => {
  it('matches a count in "thôn, bản" with the same count in "thôn", its first kind', () => {
    const d = draftList({ head: HEAD, year: 2026, items: ['Có ít nhất 8/10 thôn, bản đạt danh hiệu thôn, bản văn hóa.'] })
    const drafted = d.indicators[0]!.value
    expect(drafted.target).toEqual({ kind: 'at_least', value: 8 })
    expect(matchScore(drafted, { ...drafted, unitOfMeasure: 'thôn' })).toBeGreaterThan(0)
    expect(matchScore(drafted, { ...drafted, unitOfMeasure: 'thôn, bản' })).toBeGreaterThan(0)
    expect(matchScore({ ...drafted, unitOfMeasure: 'tổ dân phố và khu phố' }, { ...drafted, unitOfMeasure: 'tổ dân phố' })).toBeGreaterThan(0)
    // The second kind alone, or a unit that is no reporting unit, is another unit.
    expect(matchScore(drafted, { ...drafted, unitOfMeasure: 'bản' })).toBe(0)
    expect(matchScore({ ...drafted, unitOfMeasure: 'thôn, hộ' }, { ...drafted, unitOfMeasure: 'thôn' })).toBe(0)
  })
})
