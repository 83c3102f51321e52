// Drafting a plan from its document (issue 13): the rules added after held-out sets 135 to 138, each
// on hand-written sentences and tables in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { bySource, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Tân Phong', '09', '15 tháng 01', 2026)
const draft = listDrafter(HEAD)

describe('a count of titled units written as a signed fraction in a table\'s plan cell', () => {
  const table = (plan: string): string[] => [
    '| TT | Chỉ tiêu | ĐVT | TH 2025 | KH 2026 |',
    '|---|---|---|---|---|',
    `| 1 | Số thôn đạt chuẩn nông thôn mới kiểu mẫu | thôn | 7/14 | ${plan} |`,
    '| 2 | Tổng đàn trâu | con | 2.100 | 2.150 |',
  ]
  it.each(['≥ 9/14', 'ít nhất 9/14', '9/14'])('reads "%s" as at least 9 thôn, a stock', (plan) => {
    const d = draft(table(plan))
    expect(bySource(d, /kiểu mẫu/u)[0]?.value).toMatchObject({ unitOfMeasure: 'thôn', aggregation: 'stock', target: { kind: 'at_least', value: 9 } })
  })
  it('reads "> 9/14" as above 9', () => {
    const d = draft(table('> 9/14'))
    expect(bySource(d, /kiểu mẫu/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 9, strict: true })
  })
})

describe('rooms of lodgings counted in buồng', () => {
  it('reads "buồng" as the rooms standing at the year\'s end', () => {
    const d = draft(['- Số buồng phục vụ khách du lịch đạt 1.450 buồng trở lên; tổng lượt khách đạt 90.000 lượt.'])
    expect(bySource(d, /1\.450 buồng/u)[0]?.value).toMatchObject({ unitOfMeasure: 'buồng', aggregation: 'stock', target: { kind: 'at_least', value: 1450 } })
  })
  it('does not take bunches of bananas for rooms', () => {
    const d = draft(['- Sản lượng chuối tiêu hồng xuất bán đạt 40.000 buồng chuối.'])
    expect(d.indicators.filter((i) => i.value.unitOfMeasure === 'buồng')).toEqual([])
  })
})

describe('a list of counts sharing the verb that names the first', () => {
  it('names a bare count after the comma by its noun and the verb', () => {
    const d = draft(['- Thương mại, dịch vụ: phát triển mới ít nhất 06 doanh nghiệp, 03 hợp tác xã.'])
    const htx = bySource(d, /^03 hợp tác xã$/u)[0]?.value
    expect(htx).toMatchObject({ unitOfMeasure: 'hợp tác xã', aggregation: 'flow', target: { kind: 'at_least', value: 3 } })
    expect(htx?.name).toMatch(/^Số hợp tác xã phát triển mới$/u)
  })
  it('does so without a run-in label too', () => {
    const d = draft(['- Kết nạp mới 85 hội viên, 30 đoàn viên.'])
    expect(bySource(d, /^30 đoàn viên$/u)[0]?.value.name).toBe('Số đoàn viên kết nạp mới')
  })
})

describe('last year\'s figure in brackets before a part of the whole', () => {
  it('reads the part after the bracket as a target of the plan', () => {
    const d = draft(['- Về trồng trọt, diện tích gieo sạ lúa cả năm 1.200 ha (năm 2025 đạt 1.180 ha), trong đó diện tích lúa hữu cơ 150 ha; năng suất bình quân 60 tạ/ha; sản lượng lúa 7.200 tấn.'])
    const whole = bySource(d, /1\.200 ha/u)[0]?.value
    const part = bySource(d, /150 ha/u)[0]?.value
    expect(part).toMatchObject({ unitOfMeasure: 'ha', target: { kind: 'at_least', value: 150 }, partOf: whole?.code })
    // (The yield stays over the whole's area, not the part's.)
    expect(bySource(d, /60 tạ\/ha/u)[0]?.value.formula).toBe(`${bySource(d, /7\.200 tấn/u)[0]?.value.code} * 10 / ${whole?.code}`)
  })
  it('still reads a past year\'s own sentence as no target', () => {
    const d = draft(['- Diện tích lúa cả năm 1.200 ha. Năm 2025 đạt 1.180 ha, trong đó lúa hữu cơ 140 ha.'])
    expect(bySource(d, /140 ha/u)).toEqual([])
  })
})
