// Drafting a plan from its document (issue 13): the rules added after held-out sets 191, 194 and
// 195, each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { bySource, planHead } from './planDraftText'

const HEAD = planHead('Phú Đông', '03', '08 tháng 01', 2026)

describe('duties that assign the numbered targets by ranges "(1) - (8)"', () => {
  const plan = (ranges: string): string => `${HEAD}
I. CHỈ TIÊU THI ĐUA NĂM 2026
**Kinh tế:**
(1) Diện tích gieo trồng ngô cả năm 240 ha.
(2) Tổng đàn dê 3.100 con trở lên.
(3) Giữ vững danh hiệu xã đạt chuẩn nông thôn mới; có thêm 02 thôn đạt chuẩn nông thôn mới kiểu mẫu.

**Xã hội:**
(4) Tỷ lệ hộ gia đình văn hóa 91% trở lên.
(5) Giải quyết việc làm mới cho 320 lao động.

II. TỔ CHỨC THỰC HIỆN
1. Bộ phận Kinh tế theo dõi chỉ tiêu ${ranges}; Bộ phận Văn hóa theo dõi chỉ tiêu (4)–(5).
`
  it.each(['(1) - (3)', '(1)-(3)', '(1) – (3)'])('keeps the last item of each range "%s" a target, no footnote', (ranges) => {
    const d = draftPlan(plan(ranges))
    expect(bySource(d, /thôn đạt chuẩn nông thôn mới kiểu mẫu/u).map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 2 }])
    expect(bySource(d, /Giữ vững danh hiệu/u).map((i) => i.value.target)).toEqual([{ kind: 'yes_no' }])
    expect(bySource(d, /320 lao động/u).map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 320 }])
    expect(d.indicators).toHaveLength(6)
  })
})
