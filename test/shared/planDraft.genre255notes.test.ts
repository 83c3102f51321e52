// Drafting a plan from its document (issue 13), set 255: a draft exported from a word processor
// keeps its reviewers' comments ("[Comment AB1]: …", "Nhận xét [CD2]: …") after the paragraphs they
// sit on: they remark on the plan and set nothing. A deck of slides whose bullets are tabs alone: a
// group bullet names the targets under it, a crop named with its seasons ("Ngô 2 vụ") heads its
// "DT", "NS", "SL"; "HN", "HCN" are the poor and near-poor households, their start found in the
// slide's notes. Hand-written sentences.
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { listDrafter, planHead } from './planDraftText'

const draft = listDrafter(planHead('Tân Hưng', '07', '12 tháng 01', 2026))

describe('reviewers\' comments kept by a word processor\'s export', () => {
  it('reads no target from a comment labelled by its reviewer, in either language', () => {
    const d = draft([
      '- Sản lượng cá nuôi đạt 1.250 tấn trở lên.',
      '[Comment LMH1]: Nên nâng lên 1.400 tấn? Năm 2025 đã đạt 1.310 tấn.',
      '- Tỷ lệ hộ gia đình văn hóa đạt 90% trở lên; có 12/14 ấp đạt danh hiệu “Ấp văn hóa”.',
      'Nhận xét [PQ2]: Đã sửa từ 11/14 ấp lên 12/14 ấp theo ý kiến Thường trực; giữ 90% là phù hợp.',
      'Commented [LMH3]: Giảm 5% có khả thi không?',
      '- Giải quyết việc làm cho 300 lao động.',
    ])
    expect(d.indicators.map((i) => i.value.target)).toEqual([
      { kind: 'at_least', value: 1250 },
      { kind: 'rate_at_least', value: 90 },
      { kind: 'at_least', value: 12 },
      { kind: 'at_least', value: 300 },
    ])
  })
})

/** A deck of slides copied out as text: each slide's mark, its title, its bullets indented by tabs alone, its notes. */
const deck = (...slides: { title: string; bullets: string[]; notes?: string }[]): string =>
  slides
    .map(
      (s, k) =>
        `Slide ${k + 1}/${slides.length}\n${s.title}\n${s.bullets.join('\n')}\n${s.notes === undefined ? '' : `Ghi chú:\n${s.notes}\n`}`,
    )
    .join('\n')

const opening = {
  title: 'UBND XÃ TÂN HƯNG',
  bullets: ['\tKẾ HOẠCH PHÁT ĐỘNG PHONG TRÀO THI ĐUA NĂM 2026', '\tKế hoạch số 07/KH-UBND ngày 12/01/2026 của UBND xã Tân Hưng'],
}

describe('a deck of slides whose bullets are tabs alone', () => {
  it('reads a group bullet over the targets under it as no goal', () => {
    const d = draftPlan(
      deck(opening, {
        title: 'CHỈ TIÊU KINH TẾ - XÃ HỘI',
        bullets: ['\tSản xuất - thương mại', '\t\tGTSX tăng ≥ 8% so với năm 2025', '\t\tThu NSNN ≥ 12 tỷ đồng', '\tY tế - dân số', '\t\tBHYT ≥ 95% dân số', '\tGiữ vững xã đạt chuẩn nông thôn mới nâng cao'],
      }),
    )
    expect(d.indicators.map((i) => i.value.source)).toEqual(['GTSX tăng ≥ 8% so với năm 2025', 'Thu NSNN ≥ 12 tỷ đồng', 'BHYT ≥ 95% dân số', 'Giữ vững xã đạt chuẩn nông thôn mới nâng cao'])
  })

  it('reads a crop named with its seasons as the name of its measures under it, no target', () => {
    const d = draftPlan(
      deck(opening, {
        title: 'CHỈ TIÊU NÔNG NGHIỆP',
        bullets: ['\tTrồng trọt', '\t\tNgô 2 vụ', '\t\t\tDT 300 ha', '\t\t\tNS 50 tạ/ha', '\t\t\tSL ≥ 1.500 tấn'],
      }),
    )
    expect(d.indicators.map((i) => [i.value.name, i.value.unitOfMeasure])).toEqual([
      ['Diện tích ngô 2 vụ', 'ha'],
      ['Năng suất ngô 2 vụ', 'tạ/ha'],
      ['Sản lượng ngô 2 vụ', 'tấn'],
    ])
  })

  it('reads the poor and near-poor households\' short forms as their rates, the start from the notes', () => {
    const d = draftPlan(
      deck(opening, {
        title: 'CHỈ TIÊU XÃ HỘI',
        bullets: ['\tGiảm nghèo', '\t\tHN giảm 0,5% so với cuối năm 2025', '\t\tHCN ≤ 3%'],
        notes: 'Cuối năm 2025: HN 2,4% (130 hộ), HCN 3,6% (196 hộ).',
      }),
    )
    expect(d.indicators.map((i) => [i.value.name, i.value.unitOfMeasure, i.value.target])).toEqual([
      ['Tỷ lệ hộ nghèo', '%', { kind: 'reduce_by', amount: 0.5, baseline: 2.4 }],
      ['Tỷ lệ hộ cận nghèo', '%', { kind: 'at_most', value: 3, strict: false }],
    ])
  })
})
