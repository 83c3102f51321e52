// Drafting a plan from its document (issue 13), sets 191 to 197: a measure named after the commune that
// strives for it ("Phát huy lợi thế …, phường phấn đấu đón 1,5 triệu lượt khách …") is named by what it
// counts, not by the effort before the comma. Hand-written sentences.
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
