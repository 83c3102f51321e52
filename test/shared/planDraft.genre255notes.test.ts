// Drafting a plan from its document (issue 13), set 255: a draft exported from a word processor
// keeps its reviewers' comments ("[Comment AB1]: …", "Nhận xét [CD2]: …") after the paragraphs they
// sit on: they remark on the plan and set nothing. Hand-written sentences.
import { describe, expect, it } from 'vitest'
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
