// Drafting a plan from its document (issue 13): the rules added after held-out sets 42 and 43,
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { readDigits } from '../../src/shared/planDraft/lexicon'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import { named, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Thanh Long', '09', '15 tháng 01', 2026)

const plan = (items: string[], options: { intro?: string; bare?: boolean; extra?: string } = {}): ReturnType<typeof draftPlan> =>
  draftPlan(planWithList({ head: HEAD, year: 2026, items, ...options }))

describe('a crop product written out with each measure named', () => {
  it('reads "diện tích A ha × năng suất B tạ/ha = sản lượng C tấn" as area, derived yield and output', () => {
    const d = plan([
      'Tổng sản lượng lương thực có hạt đạt 3.900 tấn trở lên, trong đó:',
      '+ Cây sắn: diện tích 150 ha × năng suất 200 tạ/ha = sản lượng 3.000 tấn;',
      '+ Cây lúa nương: diện tích 200 ha × năng suất 45 tạ/ha = sản lượng 900 tấn.',
    ])
    expect(named(d, /^diện tích.*sắn/iu)?.value.target).toEqual({ kind: 'at_least', value: 150 })
    expect(named(d, /^năng suất.*sắn/iu)?.value.target).toEqual({ kind: 'derived', value: 200 })
    expect(named(d, /^sản lượng.*sắn/iu)?.value.target).toEqual({ kind: 'at_least', value: 3000 })
    expect(named(d, /^diện tích.*lúa nương/iu)?.value.target).toEqual({ kind: 'at_least', value: 200 })
    const total = named(d, /lương thực/iu)
    expect(total?.value.target).toEqual({ kind: 'derived', value: 3900 })
    expect(total?.value.children).toHaveLength(2)
  })

  it('leaves a formula named in words alone ("sản lượng = diện tích × năng suất = N tấn")', () => {
    const d = plan(['Cây đậu tương: diện tích 80 ha, năng suất 22 tạ/ha, sản lượng = diện tích × năng suất = 176 tấn.'])
    expect(d.indicators.filter((i) => i.value.unitOfMeasure === 'tấn')).toHaveLength(1)
  })
})

describe('a field named by "Lĩnh vực" over numbered items', () => {
  it('names the items under it and is no goal, however long its name', () => {
    const d = plan(
      [
        '* Lĩnh vực kinh tế',
        '1) Trồng mới ít nhất 60 ha rừng sản xuất.',
        '* Lĩnh vực quốc phòng - an ninh, trật tự xã hội',
        '2) Không để xảy ra cháy rừng.',
      ],
      { bare: true },
    )
    expect(d.indicators.filter((i) => /lĩnh vực/iu.test(i.value.name))).toHaveLength(0)
    expect(named(d, /cháy rừng/iu)?.value.target).toEqual({ kind: 'yes_no' })
  })
})

describe('a cut "so với cùng kỳ" on cases counted last year', () => {
  const intro = 'Năm 2025, trên địa bàn xảy ra 40 vụ phạm pháp hình sự và 12 vụ tai nạn giao thông.'
  it('reads "so với cùng kỳ năm 2025" as against 2025', () => {
    const d = plan(['Số vụ phạm pháp hình sự giảm ít nhất 10% so với cùng kỳ năm 2025.'], { intro })
    expect(named(d, /phạm pháp/iu)?.value.target).toEqual({ kind: 'at_most', value: 36, strict: false })
  })

  it('reads "so với cùng kỳ" with no year as against the year before the plan', () => {
    const d = plan(['Tai nạn giao thông giảm ít nhất 25% số vụ so với cùng kỳ.'], { intro })
    expect(named(d, /tai nạn/iu)?.value.target).toEqual({ kind: 'at_most', value: 9, strict: false })
  })
})

describe('cases held at last year\'s level', () => {
  it('reads "bằng hoặc thấp hơn năm 2025" as at most the count the plan states for 2025', () => {
    const d = plan(['Số vụ cháy, nổ bằng hoặc thấp hơn năm 2025.'], { intro: 'Năm 2025, trên địa bàn xảy ra 3 vụ cháy, nổ.' })
    expect(named(d, /cháy, nổ/iu)?.value).toMatchObject({ unitOfMeasure: 'vụ', aggregation: 'flow', target: { kind: 'at_most', value: 3, strict: false } })
  })

  it('stays a yes/no when the plan does not state the count', () => {
    const d = plan(['Số vụ cháy, nổ bằng hoặc thấp hơn năm 2025.'])
    expect(named(d, /cháy, nổ/iu)?.value.target).toEqual({ kind: 'yes_no' })
  })
})

describe('thousands grouped the English way', () => {
  it('reads three places ending in 0 after a comma as thousands: a decimal has no trailing zero', () => {
    expect(readDigits('3,500', { integer: false, percent: false, habit: 'unknown' })?.value).toBe(3500)
    expect(readDigits('2,750', { integer: false, percent: false, habit: 'unknown' })?.value).toBe(2750)
    // (A share stays a decimal; three places not ending in 0 stay open.)
    expect(readDigits('12,500', { integer: false, percent: true, habit: 'unknown' })?.value).toBe(12.5)
    expect(readDigits('3,125', { integer: false, percent: false, habit: 'unknown' })?.alternatives).toEqual([3125])
  })

  it('drafts "sản lượng sắn đạt 3,500 tấn" as 3.500 tấn in a document that mixes its habits', () => {
    const d = plan(['Sản lượng sắn đạt 3,500 tấn.', 'Tỷ lệ che phủ rừng đạt 41.5%.', 'Tỷ lệ hộ nghèo giảm 1,5%.'])
    expect(named(d, /sắn/iu)?.value.target).toEqual({ kind: 'at_least', value: 3500 })
  })
})

describe('a check mark as a bullet, and cameras counted', () => {
  it('reads "✓" opening a line as its bullet', () => {
    expect(normalizeText('✓ Tỷ lệ hộ dùng nước sạch  ≥ 95 % .')).toMatch(/^- Tỷ lệ hộ dùng nước sạch/u)
  })

  it('drafts "Lắp đặt mới ≥ 45 camera an ninh" as a count of cameras', () => {
    const d = plan(['✓ Lắp đặt mới  ≥ 45 camera an ninh tại các ngã ba, ngã tư .'], { bare: true })
    const cams = d.indicators.find((i) => i.value.unitOfMeasure === 'camera')
    expect(cams?.value.target).toEqual({ kind: 'at_least', value: 45 })
    expect(cams?.value.name).not.toMatch(/✓/u)
  })
})

describe('a year\'s figure over its seasons in a table', () => {
  it('sums the season rows right under a "cả năm" row', () => {
    const d = plan([], {
      extra: `| STT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2026 |
|---|---|---|---|
| 1 | Diện tích gieo cấy lúa cả năm | ha | 980 |
| | - Vụ Chiêm Xuân | ha | 500 |
| | - Vụ Mùa | ha | 480 |
| 2 | Tổng đàn trâu | con | 1.200 |`,
    })
    const year = named(d, /lúa cả năm/iu)
    expect(year?.value.target).toEqual({ kind: 'derived', value: 980 })
    expect(year?.value.children).toHaveLength(2)
  })
})

describe('a run-in paragraph of several sentences', () => {
  it('keeps each "trong đó" and each bracket of parts to its own sentence', () => {
    const d = plan(
      [
        'a) Về kinh tế: Giá trị sản xuất tăng 8% so với năm 2025, trong đó công nghiệp - xây dựng tăng 10%. Diện tích lúa cả năm 760 ha (vụ Đông Xuân 390 ha, vụ Hè Thu 370 ha), sản lượng đạt 4.500 tấn. Thu ngân sách trên địa bàn đạt 9,5 tỷ đồng.',
      ],
      { bare: true },
    )
    const rice = d.indicators.find((i) => i.value.unitOfMeasure === 'ha' && i.value.target?.kind === 'derived')
    expect(rice?.value.target).toEqual({ kind: 'derived', value: 760 })
    expect(rice?.value.children).toHaveLength(2)
    expect(named(d, /ngân sách/iu)?.value.partOf).toBeUndefined()
  })

  it('still takes the whole of "Trong đó:" opening a sentence from the sentence before', () => {
    const d = plan(['Trồng mới 90 ha rừng. Trong đó: rừng phòng hộ 30 ha, rừng sản xuất 60 ha.'])
    expect(d.indicators.find((i) => i.value.target?.kind === 'derived')?.value.target).toEqual({ kind: 'derived', value: 90 })
  })

  it('ends a sentence at a stop after a year, before a figure that opens the next', () => {
    const d = plan(['b) Về xã hội: Tỷ lệ sinh con thứ 3 trở lên giảm 0,2% so với năm 2025. 12/12 thôn giữ vững danh hiệu "Thôn văn hóa", tỷ lệ hộ gia đình văn hóa đạt 90%.'], { bare: true })
    expect(d.indicators.find((i) => /12\/12 thôn/u.test(i.value.name))?.value.target).toEqual({ kind: 'yes_no' })
    expect(named(d, /gia đình văn hóa/iu)?.value.target).toMatchObject({ kind: 'rate_at_least', value: 90 })
  })
})
