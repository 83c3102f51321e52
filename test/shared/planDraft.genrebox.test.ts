// Drafting a plan from its document (issue 13): tables drawn with box-drawing characters, as a word
// processor's text export, a PDF converter or a console tool writes them, each rule on hand-written
// tables in the language of commune plans (none taken from the held-out sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { planHead, planWithList } from './planDraftText'

const HEAD = planHead('Ea Tiêu', '04', '15 tháng 01', 2026)
const draft = (items: string[]) => draftPlan(planWithList({ head: HEAD, year: 2026, items, bare: true }))
const targets = (d: ReturnType<typeof draft>) => d.indicators.map((i) => i.value.target)
const bySource = (d: ReturnType<typeof draft>, words: RegExp) => d.indicators.filter((i) => words.test(i.value.source ?? ''))

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
