// Drafting a plan from its document (issue 13), sets 262 to 266: a standing kept, then more to reach
// after "phấn đấu", "ít nhất" before its figure ("Giữ vững danh hiệu xã đạt chuẩn nông thôn mới, phấn đấu đạt
// thêm ít nhất 02 tiêu chí …") are two items. Hand-written sentences.
import { describe, expect, it } from 'vitest'
import { listDrafter, planHead } from './planDraftText'

const draft = listDrafter(planHead('Đông Phong', '09', '10 tháng 01', 2026))

describe('a standing kept, then more to reach', () => {
  it('reads "Giữ vững danh hiệu …, phấn đấu đạt thêm ít nhất 02 tiêu chí …" as a yes/no and a count of criteria', () => {
    const d = draft(['- Giữ vững danh hiệu xã đạt chuẩn nông thôn mới, phấn đấu đạt thêm ít nhất 02 tiêu chí xã nông thôn mới nâng cao; cứng hóa 3,5 km đường giao thông nông thôn.'])
    expect(d.indicators.map((i) => [i.value.name, i.value.unitOfMeasure, i.value.target])).toEqual([
      ['Số tiêu chí xã nông thôn mới nâng cao', 'tiêu chí', { kind: 'at_least', value: 2 }],
      ['Cứng hóa đường giao thông nông thôn', 'km', { kind: 'at_least', value: 3.5 }],
      ['Giữ vững danh hiệu xã đạt chuẩn nông thôn mới', 'đạt/không đạt', { kind: 'yes_no' }],
    ])
  })
  it('keeps "Thu ngân sách đạt 3,6 tỷ đồng trở lên, phấn đấu thu vượt dự toán …" one item', () => {
    const d = draft(['- Thu ngân sách nhà nước trên địa bàn đạt 3,6 tỷ đồng trở lên, phấn đấu thu vượt dự toán huyện giao.'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 3.6 }])
  })
})
