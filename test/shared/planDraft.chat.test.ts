// Drafting a plan from a group chat copied as text (issue 13): one rule for both forms of a message's
// head (normalize.ts, chatMessages), each test on hand-written sentences in the language of commune plans.
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import { named } from './planDraftText'

describe('a chat whose heads are a time in brackets, a sender and a colon', () => {
  it('reads the plan in the first message and leaves a reply after it out', () => {
    const d = draftPlan(`KẾ HOẠCH THI ĐUA NĂM 2026
[08:12, 12/01/2026] VP UBND xã - Ngọc Ánh: Gửi các đ/c tóm tắt KH thi đua năm 2026 của xã.
Tình hình 2025 (để các đ/c nắm): thu NS 16,8 tỷ đ, hộ cận nghèo 214 hộ, TNGT 20 vụ.
Chỉ tiêu năm 2026:
✅ Tổng giá trị sản xuất tăng ≥ 9% so với 2025
✅ Việc làm mới 350 LĐ
[08:20, 12/01/2026] Trưởng thôn Phú Hòa 2 - Đức: Nhận ạ. Thôn em đăng ký bê tông 1,5 km nhé 👍
`)
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      [expect.any(String), { kind: 'growth', percent: 9, baseYear: 2025 }],
      ['lao động', { kind: 'at_least', value: 350 }],
    ])
  })

  const chat = `Nhóm Zalo: Cán bộ xã và trưởng bản xã Mường Lạn
[07:30, 08/01/2027] Quàng Thị Hương - VP UBND xã: Em gửi các bản chỉ tiêu thi đua năm 2027 của xã để triển khai.
CÁC CHỈ TIÊU THI ĐUA NĂM 2027
1. Trồng mới 45 ha rừng sản xuất.
2. Tỷ lệ trẻ em trong độ tuổi được tiêm chủng đầy đủ đạt 97%.
3. Tạo việc làm mới cho 120 lao động.
[07:41, 08/01/2027] Lò Văn Pâng - Trưởng bản Co Muông: Bản Co Muông đăng ký trồng 8 ha rừng và 30 hộ làm chuồng trại xa nhà ạ.
[07:44, 08/01/2027] Cà Thị Dung - Bản Phiêng Lứng: Đã nhận
[07:52, 08/01/2027] Quàng Thị Hương - VP UBND xã: sửa lại: tỷ lệ trẻ em trong độ tuổi được tiêm chủng đầy đủ năm 2027 là 98% (em gõ nhầm 97%).
[07:55, 08/01/2027] Lò Văn Pâng - Trưởng bản Co Muông: Vâng, bản em nắm rồi ạ
`

  it('keeps the messages of the member who posts the plan only, the text after each head\'s colon included', () => {
    const text = normalizeText(chat)
    expect(text).not.toMatch(/\[07:|Co Muông|Phiêng Lứng/u)
    expect(text).toMatch(/^Em gửi các bản chỉ tiêu thi đua năm 2027/mu)
    const d = draftPlan(chat)
    expect(named(d, /rừng/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 45 })
    expect(named(d, /việc làm/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 120 })
    expect(d.indicators.some((i) => /chuồng trại|đăng ký/iu.test(i.value.source ?? ''))).toBe(false)
  })

  it('takes the correction its sender posts in a later message for the target', () => {
    const d = draftPlan(chat)
    const shots = d.indicators.filter((i) => /tiêm chủng/iu.test(i.value.name))
    expect(shots.map((i) => i.value.target)).toEqual([expect.objectContaining({ kind: 'rate_at_least', value: 98 })])
  })

  it('leaves out a sentence of talk to the group inside a line, keeping the sentence after it', () => {
    expect(normalizeText('[09:00, 02/01/2027] Hà Văn Tú: Em gửi lại kế hoạch ạ. Sản lượng lúa đạt 900 tấn.\n[09:05, 02/01/2027] Lò Thị Én: Đã nhận\n')).toBe('Sản lượng lúa đạt 900 tấn.')
  })
})
