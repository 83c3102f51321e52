// Drafting a plan from its document (issue 13), sets 183 to 188: a table row's name cell closing on a
// bracket of parts ("Diện tích lúa cả năm (vụ Xuân 365 ha, vụ Mùa 355 ha) | ha | 720") names the parts of
// its figure; all of a kind of unit keeping a state before ", có thêm 01 …" is a goal of its own; and a
// goal's source span is where its words stand, after the list's bullet. Hand-written plans.
import { describe, expect, it } from 'vitest'
import { listDrafter, planHead } from './planDraftText'

const draft = listDrafter(planHead('Tân Phong', '08', '12 tháng 01', 2026))
const table = (rows: string[]): string[] => ['| TT | Chỉ tiêu | ĐVT | KH 2026 | Ghi chú |', '|---|---|---|---|---|', ...rows]

describe('parts in a table row\'s name cell', () => {
  it('reads the seasons in brackets as the parts of the year\'s figure', () => {
    const d = draft(table(['| 1 | Diện tích gieo cấy lúa cả năm (vụ Đông Xuân 410 ha, vụ Hè Thu 390 ha) | ha | 800 | Giảm 5 ha do chuyển đổi |', '| 2 | Sản lượng lúa | tấn | 4.800 | |']))
    const whole = d.indicators.find((i) => /^Diện tích gieo cấy lúa cả năm$/u.test(i.value.name))?.value
    expect(whole?.target).toEqual({ kind: 'derived', value: 800 })
    const parts = d.indicators.filter((i) => whole?.children?.includes(i.value.code)).map((i) => [i.value.unitOfMeasure, i.value.target])
    expect(parts).toEqual([
      ['ha', { kind: 'at_least', value: 410 }],
      ['ha', { kind: 'at_least', value: 390 }],
    ])
  })

  it('reads kinds parted by ";" as parts when they add up', () => {
    const d = draft(table(['| 3 | Trồng rừng tập trung (trồng mới 60 ha; trồng lại sau khai thác 140 ha) | ha | 200 | |']))
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'derived', value: 200 }, { kind: 'at_least', value: 60 }, { kind: 'at_least', value: 140 }])
  })

  it('leaves a bracket whose figures do not add up to the row as a note', () => {
    const d = draft(table(['| 4 | Tổng đàn gia súc (trâu 900 con, bò 2.000 con) | con | 3.500 | |']))
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 3500 }])
  })
})

describe('all of a kind of unit kept, then more to reach', () => {
  it('drafts the state kept and the unit added as two items', () => {
    const d = draft(['- Giữ vững 7/7 trường đạt chuẩn quốc gia, có thêm 01 trường đạt chuẩn quốc gia mức độ 2.'])
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual(
      expect.arrayContaining([
        ['đạt/không đạt', { kind: 'yes_no' }],
        ['trường', { kind: 'at_least', value: 1 }],
      ]),
    )
    expect(d.indicators.find((i) => i.value.target?.kind === 'at_least')?.value.name).not.toMatch(/7\/7/u)
  })
})

describe('a goal\'s source span', () => {
  it('stands on the goal\'s words, after the bullet, for each clause of a line', () => {
    const d = draft(['+ Giữ vững ổn định an ninh chính trị; không để xảy ra cháy rừng.', '+ Hoàn thành chỉ tiêu tuyển quân năm 2026.', '- Tỷ lệ hộ nghèo giảm 1,5% so với cuối năm 2025.'])
    expect(d.indicators.length).toBe(4)
    for (const i of d.indicators) expect(d.text.slice(i.source.start, i.source.end)).toContain(i.value.source)
    const kept = d.indicators.find((i) => /an ninh chính trị/u.test(i.value.name))!
    expect(d.text.slice(kept.source.start, kept.source.end)).toMatch(/^Giữ vững/u)
  })
})

describe('a rotation\'s area', () => {
  it('reads "diện tích canh tác lúa – tôm duy trì ổn định" as a standing area, a rice area sown as a flow', () => {
    const d = draft(['- Diện tích canh tác lúa – tôm duy trì ổn định 2.600 ha; diện tích gieo cấy lúa cả năm 3.100 ha.'])
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.aggregation])).toEqual([
      ['ha', 'stock'],
      ['ha', 'flow'],
    ])
  })
})
