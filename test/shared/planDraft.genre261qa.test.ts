// Drafting a plan from its document (issue 13), set 261: targets agreed as questions and answers,
// kept from a chat group or as minutes ("Hỏi: Chỉ tiêu thu ngân sách năm nay bao nhiêu?" / "Đáp:
// Đạt 24,5 tỷ đồng trở lên"). A question sets nothing and names what its answer measures; an answer
// saying its level only is named by it; a later "Sửa lại: …" replaces the answer of its measure; an
// answer declining the figure asked, the chair's closing words, set nothing. Hand-written sentences.
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { planHead } from './planDraftText'

const head = planHead('Tân Hưng', '07', '12 tháng 01', 2027)
const plan = (...lines: string[]): string => `${head}
I. MỤC ĐÍCH, YÊU CẦU
Động viên cán bộ và Nhân dân thi đua hoàn thành các chỉ tiêu năm 2027.
II. CHỈ TIÊU THI ĐUA
${lines.join('\n')}
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp kết quả trước ngày 10/12/2027.
`
const targets = (text: string): [string, unknown][] => draftPlan(text).indicators.map((i) => [i.value.name, i.value.target])

describe('targets agreed as questions and answers, in a chat group or minutes', () => {
  const chat = [
    '[07:30] Văn phòng UBND: Hỏi: Chỉ tiêu thu ngân sách năm nay bao nhiêu?',
    '[07:34] Bộ phận Tài chính: Đáp: Đạt 24,5 tỷ đồng trở lên.',
    '[07:35] Văn phòng UBND: Hỏi: Tỷ lệ hộ dùng nước sạch đạt bao nhiêu phần trăm?',
    '[07:36] Trạm Y tế: Đáp: Trên 98%.',
    '[07:37] Văn phòng UBND: Hỏi: Trồng rừng năm nay thì sao?',
    '[07:39] Bộ phận Nông nghiệp: Đáp: Trồng mới 45 ha rừng sản xuất.',
    '[08:15] Bộ phận Nông nghiệp: Sửa lại: Trồng mới 50 ha rừng sản xuất (theo kế hoạch huyện).',
    '[07:40] Bộ phận Nông nghiệp: Hỏi: Số lớp tập huấn kỹ thuật có đưa vào chỉ tiêu không?',
    '[07:41] Văn phòng UBND: Đáp: Không đưa vào chỉ tiêu, chỉ là giải pháp (dự kiến 06 lớp).',
    '[07:42] Văn phòng UBND: Hỏi: Tỷ lệ trẻ em suy dinh dưỡng?',
    '[07:44] Trạm Y tế: Đáp: Không quá 9%.',
    '[08:20] Văn phòng UBND: Thống nhất các nội dung trên, lấy theo số đã sửa.',
  ]

  it('reads each answer, named by its question where it says its level only, the revision last', () => {
    expect(targets(plan(...chat))).toEqual([
      ['Thu ngân sách', { kind: 'at_least', value: 24.5 }],
      ['Tỷ lệ hộ dùng nước sạch', { kind: 'rate_at_least', value: 98, strict: true }],
      ['Trồng mới rừng sản xuất', { kind: 'at_least', value: 50 }],
      ['Tỷ lệ trẻ em suy dinh dưỡng', { kind: 'at_most', value: 9, strict: false }],
    ])
  })

  it('reads the same minutes without the chat\'s heads', () => {
    const minutes = chat.slice(0, -1).map((l) => l.replace(/^\[[^\]]*\][^:]*:\s*/u, ''))
    expect(targets(plan(...minutes))).toEqual(targets(plan(...chat)))
  })

  it('drafts no question, even one that holds a figure', () => {
    const d = draftPlan(plan('Hỏi: Năm 2026 đạt 22 tỷ đồng, năm nay thu ngân sách bao nhiêu?', 'Đáp: Đạt 24,5 tỷ đồng trở lên.', 'Hỏi: Nước sạch?', 'Đáp: Tỷ lệ hộ dùng nước sạch trên 98%.', 'Hỏi: Trồng rừng?', 'Đáp: Trồng mới 45 ha rừng sản xuất.'))
    expect(d.indicators.map((i) => i.value.source)).toEqual(['Thu ngân sách: Đạt 24,5 tỷ đồng trở lên', 'Tỷ lệ hộ dùng nước sạch trên 98%', 'Trồng mới 45 ha rừng sản xuất'])
  })

  it('names a revision saying its level only by the question it follows', () => {
    const d = draftPlan(plan('Hỏi: Chỉ tiêu thu ngân sách năm nay bao nhiêu?', 'Đáp: Đạt 24,5 tỷ đồng.', 'Sửa lại: Đạt 26 tỷ đồng trở lên.', 'Hỏi: Nước sạch?', 'Đáp: Tỷ lệ hộ dùng nước sạch trên 98%.', 'Hỏi: Trồng rừng?', 'Đáp: Trồng mới 45 ha rừng sản xuất.'))
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([
      ['Thu ngân sách', { kind: 'at_least', value: 26 }],
      ['Tỷ lệ hộ dùng nước sạch', { kind: 'rate_at_least', value: 98, strict: true }],
      ['Trồng mới rừng sản xuất', { kind: 'at_least', value: 45 }],
    ])
  })
})
