// Drafting a plan from its document (issue 13): tables drawn with box-drawing characters, as a word
// processor's text export, a PDF converter or a console tool writes them, each rule on hand-written
// tables in the language of commune plans (none taken from the held-out sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { bySource, listDrafter, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Ea Tiêu', '04', '15 tháng 01', 2026)
const draft = listDrafter(HEAD)
const targets = (d: ReturnType<typeof draft>) => d.indicators.map((i) => i.value.target)

describe('a table drawn with light box characters', () => {
  const table = [
    '┌─────┬────────────────────────────────────┬───────────┬─────────────┬───────────┐',
    '│ STT │ Chỉ tiêu                           │ ĐVT       │ Ước TH 2025 │ KH 2026   │',
    '├─────┼────────────────────────────────────┼───────────┼─────────────┼───────────┤',
    '│ 1   │ Sản lượng cà phê nhân              │ tấn       │       6.350 │  ≥ 6.600  │',
    '├─────┼────────────────────────────────────┼───────────┼─────────────┼───────────┤',
    '│ 2   │ Tỷ lệ hộ dân dùng nước hợp vệ sinh │ %         │        97,5 │      98,5 │',
    '├─────┼────────────────────────────────────┼───────────┼─────────────┼───────────┤',
    '│ 3   │ Tỷ lệ hộ nghèo                     │ %         │        2,35 │     < 1,8 │',
    '└─────┴────────────────────────────────────┴───────────┴─────────────┴───────────┘',
  ]
  it('reads each row as a pipe table\'s row, its rules no row', () => {
    const d = draft(table)
    expect(targets(d)).toEqual([{ kind: 'at_least', value: 6600 }, { kind: 'rate_at_least', value: 98.5 }, { kind: 'at_most', value: 1.8, strict: true }])
    expect(d.indicators.map((i) => i.value.unitOfMeasure)).toEqual(['tấn', '%', '%'])
    // (No yes/no goal from the heading row nor from a rule.)
    expect(bySource(d, /STT|Chỉ tiêu|[─┼]/u)).toEqual([])
  })
})

describe('the double and heavy forms of a box table', () => {
  it.each([
    [
      '╔════╦══════════════════════════════╦═════════╦═════════╗',
      '║ TT ║ Chỉ tiêu                     ║ ĐVT     ║ KH 2026 ║',
      '╠════╬══════════════════════════════╬═════════╬═════════╣',
      '║ 1  ║ Diện tích hồ tiêu hiện có    ║ ha      ║     410 ║',
      '║ 2  ║ Kết nạp đảng viên mới        ║ đảng viên ║    12 ║',
      '╚════╩══════════════════════════════╩═════════╩═════════╝',
    ],
    [
      '┏━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━┳━━━━━━━━━┓',
      '┃ TT ┃ Chỉ tiêu                     ┃ ĐVT     ┃ KH 2026 ┃',
      '┣━━━━╋━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╋━━━━━━━━━╋━━━━━━━━━┫',
      '┃ 1  ┃ Diện tích hồ tiêu hiện có    ┃ ha      ┃     410 ┃',
      '┃ 2  ┃ Kết nạp đảng viên mới        ┃ đảng viên ┃    12 ┃',
      '┗━━━━┻━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┻━━━━━━━━━┻━━━━━━━━━┛',
    ],
  ])('reads the rows of a table ruled with "%s"', (...table) => {
    const d = draft(table)
    expect(targets(d)).toEqual([{ kind: 'at_least', value: 410 }, { kind: 'at_least', value: 12 }])
    expect(d.indicators.map((i) => i.value.unitOfMeasure)).toEqual(['ha', 'đảng viên'])
  })
})

describe('a box table without a unit column', () => {
  const table = [
    '┌────┬───────────────────────────────────────────────┬──────────┬──────────┐',
    '│ TT │ Chỉ tiêu                                      │ TH 2025  │ KH 2026  │',
    '├────┼───────────────────────────────────────────────┼──────────┼──────────┤',
    '│ I. KINH TẾ                                                               │',
    '├────┼───────────────────────────────────────────────┼──────────┼──────────┤',
    '│ 1  │ Thu ngân sách nhà nước trên địa bàn (triệu đồng) │ 18.400 │ 19.500 │',
    '│ 2  │ Tổng đàn bò (con)                             │ 2.150    │ ≥ 2.300  │',
    '│    │ - Trong đó: bò lai (con)                      │ 1.020    │ 1.150    │',
    '└────┴───────────────────────────────────────────────┴──────────┴──────────┘',
  ]
  it('takes each row\'s unit from the bracket at its name\'s end, and reads a group\'s row merged over the table as no goal', () => {
    const d = draft(table)
    expect(targets(d)).toEqual([{ kind: 'at_least', value: 19500 }, { kind: 'at_least', value: 2300 }, { kind: 'at_least', value: 1150 }])
    expect(d.indicators.map((i) => i.value.unitOfMeasure)).toEqual(['triệu đồng', 'con', 'con'])
    expect(bySource(d, /KINH TẾ/u)).toEqual([])
  })
})

describe('a note framed in a box of one column', () => {
  it('is read as the text it frames, no table', () => {
    const d = draft([
      '┌──────────────────────────────────────────────────────────────┐',
      '│ Phấn đấu năm 2026 trồng mới 35 ha rừng sản xuất.             │',
      '└──────────────────────────────────────────────────────────────┘',
    ])
    expect(targets(d)).toEqual([{ kind: 'at_least', value: 35 }])
    expect(d.indicators[0]?.value.source).toBe('Phấn đấu năm 2026 trồng mới 35 ha rừng sản xuất')
  })
})

describe('a box table whose heading is wrapped over two lines', () => {
  const table = [
    '┌────┬──────────────────────────────┬──────────┬───────────┐',
    '│ TT │ Chỉ tiêu                     │ Thực     │ Kế hoạch  │',
    '│    │                              │ hiện     │ năm 2026  │',
    '│    │                              │ năm 2025 │           │',
    '├────┼──────────────────────────────┼──────────┼───────────┤',
    '│ 1  │ Số hộ nghèo (hộ)             │ 64       │ Giảm 15 hộ │',
    '│ 2  │ Tỷ lệ trẻ em suy dinh dưỡng (%) │ 9,4   │ ≤ 8,5     │',
    '└────┴──────────────────────────────┴──────────┴───────────┘',
  ]
  it('joins each heading cell\'s lines, so that last year\'s column is known and a cut starts from it', () => {
    const d = draft(table)
    expect(targets(d)).toEqual([{ kind: 'reduce_by', amount: 15, baseline: 64 }, { kind: 'at_most', value: 8.5, strict: false }])
    expect(bySource(d, /Thực|hiện|Kế hoạch/u)).toEqual([])
  })
})

describe('the level a table\'s growth row starts from, stated in the review', () => {
  const review = (sentence: string) =>
    draftPlan(
      planWithList({
        head: HEAD,
        year: 2026,
        bare: true,
        intro: `Năm 2025, xã hoàn thành 18/20 chỉ tiêu Nghị quyết Hội đồng nhân dân xã giao. ${sentence}`,
        items: ['| TT | Chỉ tiêu | ĐVT | KH 2026 |', '|---|---|---|---|', '| 1 | Tốc độ tăng tổng giá trị sản xuất | % | 8,5 |'],
      }),
    )
  it('reads the amount the pace names, in the paragraph about last year, as the base', () => {
    const d = review('Tổng giá trị sản xuất trên địa bàn ước đạt 1.265 tỷ đồng, tăng 7,9% so với năm 2024.')
    expect(d.indicators[0]?.value).toMatchObject({ unitOfMeasure: 'tỷ đồng', target: { kind: 'growth', percent: 8.5, baseYear: 2025, baseValue: 1265 } })
  })
  it('takes no base from a sentence that strives for a level', () => {
    const d = review('Phấn đấu tổng giá trị sản xuất đạt 1.380 tỷ đồng.')
    expect(d.indicators[0]?.value.target).toEqual({ kind: 'growth', percent: 8.5, baseYear: 2025 })
  })
})
