// Drafting a plan from its document (issue 13), sets 191 to 197: a measure named after the commune that
// strives for it ("Phát huy lợi thế …, phường phấn đấu đón 1,5 triệu lượt khách …") is named by what it
// counts, not by the effort before the comma; sets 198 to 203: a sentence saying where the targets stand
// or come from is no goal, a unit put first for an award sets no target, a bamboo area stands. Hand-written sentences.
import { describe, expect, it } from 'vitest'
import { listDrafter, planHead } from './planDraftText'

const draft = listDrafter(planHead('Hòa Lạc', '05', '09 tháng 01', 2026))

describe('the commune that strives, after a comma', () => {
  it('leaves the effort before ", xã phấn đấu" out of the measure\'s name', () => {
    const d = draft(['- Tập trung khai thác lợi thế cảnh quan, xã phấn đấu tổng mức bán lẻ hàng hóa đạt 1.250 tỷ đồng.', '- Phát triển du lịch cộng đồng, phường phấn đấu đón 45.000 lượt khách trở lên.'])
    const names = d.indicators.map((i) => i.value.name)
    expect(names[0]).toBe('Tổng mức bán lẻ hàng hóa')
    for (const n of names) expect(n).not.toMatch(/lợi thế|du lịch cộng đồng|phấn đấu/u)
  })
})

describe('sentences about the list, awards, bamboo', () => {
  it('drafts no goal from a sentence saying where the targets stand or come from, nor from one on a column', () => {
    const d = draft(['Các chỉ tiêu chủ yếu được giao tại biểu dưới đây; cột "Cơ quan theo dõi" chỉ để phân công.', 'Các chỉ tiêu thi đua theo Nghị quyết số 12/NQ-HĐND ngày 20/12/2025 của HĐND xã.', '- Giữ vững an ninh chính trị, trật tự an toàn xã hội.'])
    expect(d.indicators.map((i) => i.value.name)).toEqual(['Giữ vững an ninh chính trị, trật tự an toàn xã hội'])
  })

  it('reads no target in a condition for being put first for an award', () => {
    const d = draft(['- Hộ có từ 02 ha cây ăn quả trở lên đạt VietGAP được ưu tiên đề nghị khen thưởng.', '- Tỷ lệ hộ gia đình văn hóa đạt 92% trở lên.'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'rate_at_least', value: 92 }])
  })

  it('reads a bamboo area kept for its shoots as a standing area', () => {
    const d = draft(['- Diện tích tre lấy măng đạt 320 ha; diện tích luồng hiện có 150 ha.'])
    expect(d.indicators.map((i) => i.value.aggregation)).toEqual(['stock', 'stock'])
  })
})

describe('a paragraph looking back at last year', () => {
  it('reads "Nhìn lại năm 2025, …" as a review, its figures no targets', () => {
    const d = draft(['Nhìn lại năm 2025, sản lượng lúa cả năm của xã đạt 48.300 tấn, sản lượng dừa 6.200 tấn; thu ngân sách đạt 108% dự toán.', '- Sản lượng lúa cả năm đạt 49.000 tấn trở lên.'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 49000 }])
  })
})

describe('a table\'s cut from the year\'s end', () => {
  it('reads "giảm 0,4 so với cuối năm 2025" under a rate\'s row as a cut in points', () => {
    const d = draft(['| TT | Chỉ tiêu | ĐVT | Kế hoạch 2026 | Đơn vị chủ trì |', '|---|---|---|---|---|', '| 1 | Tỷ lệ hộ nghèo | % | giảm 0,4 so với cuối năm 2025 | Bộ phận Văn hóa - Xã hội |'])
    expect(d.indicators.map((i) => [i.value.name, i.value.target?.kind])).toEqual([['Tỷ lệ hộ nghèo', 'reduce_by']])
  })
})
