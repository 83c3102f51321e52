// Drafting a plan from its document (issue 13): the rules added after held-out set 223 (a
// spreadsheet pasted with a header of two rows), each on hand-written tables in the language of
// commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import { planHead, planWithList } from './planDraftText'

const HEAD = planHead('Tân Phước', '11', '08 tháng 01', 2026)
const draft = (rows: string[]) => draftPlan(planWithList({ head: HEAD, year: 2026, items: rows, bare: true }))
const targets = (rows: string[]) => draft(rows).indicators.map((i) => ({ name: i.value.name, target: i.value.target }))

describe('a spreadsheet pasted as tab-separated text with a heading of two rows', () => {
  const sheet = [
    'STT\tNội dung chỉ tiêu\tĐơn vị tính\tNăm 2025\t\tNăm 2026\tGhi chú',
    '\t\t\tKH\tTH\tKH\t',
    'I\tLĨNH VỰC KINH TẾ\t\t\t\t\t',
    '1\tSản lượng khoai lang\ttấn\t2.300\t2.410\t2.500\t',
    '2\tDiện tích nuôi tôm\tha\t140\t152\t160\tVùng ven đê',
    'II\tLĨNH VỰC XÃ HỘI\t\t\t\t\t',
    '3\tTỷ lệ hộ cận nghèo\t%\t3,6\t3,4\tGiảm 0,4 - 0,6\t',
    '4\tTỷ lệ người dân có thẻ BHYT\t%\t93\t93,7\t≥ 94,5\t',
  ]

  it('keeps the lower row\'s empty cells under the cells merged down', () => {
    const text = normalizeText(sheet.join('\n'))
    expect(text.split('\n').slice(0, 2)).toEqual(['| STT | Nội dung chỉ tiêu | Đơn vị tính | Năm 2025 | | Năm 2026 | Ghi chú |', '| | | | KH | TH | KH |'])
  })

  it('reads the plan year\'s "KH", never the row number', () => {
    expect(targets(sheet)).toEqual([
      { name: expect.stringMatching(/khoai lang/u), target: { kind: 'at_least', value: 2500 } },
      { name: expect.stringMatching(/nuôi tôm/u), target: { kind: 'at_least', value: 160 } },
      { name: expect.stringMatching(/cận nghèo/u), target: expect.objectContaining({ kind: 'reduce_by', amount: 0.4, max: 0.6 }) },
      { name: expect.stringMatching(/BHYT/u), target: { kind: 'rate_at_least', value: 94.5 } },
    ])
  })

  it('takes last year\'s "TH" as a cut\'s starting level', () => {
    const near = draft(sheet).indicators.find((i) => /cận nghèo/u.test(i.value.name))
    expect(near?.value.target).toEqual({ kind: 'reduce_by', amount: 0.4, max: 0.6, baseline: 3.4 })
  })

  it('reads the same with the empty cells at the end of the lower row dropped', () => {
    const trimmed = [sheet[0]!, '\t\t\tKH\tTH\tKH', ...sheet.slice(2)]
    expect(targets(trimmed).map((t) => t.target)).toEqual([
      { kind: 'at_least', value: 2500 },
      { kind: 'at_least', value: 160 },
      { kind: 'reduce_by', amount: 0.4, max: 0.6, baseline: 3.4 },
      { kind: 'rate_at_least', value: 94.5 },
    ])
  })

  it('keeps a group\'s row of one name right under the heading a group\'s row', () => {
    const rows = [sheet[0]!, sheet[1]!, '\t\tNÔNG NGHIỆP', '1\tSố hộ trồng nấm rơm\thộ\t40\t43\t45\t']
    expect(normalizeText(rows.join('\n')).split('\n')[2]).toBe('| | NÔNG NGHIỆP |')
    expect(targets(rows).map((t) => t.target)).toEqual([{ kind: 'at_least', value: 45 }])
  })

  it('keeps a "Trong đó" row under it, its number cell empty, as a part of the row above', () => {
    const rows = [sheet[0]!, sheet[1]!, '1\tTổng đàn dê\tcon\t1.100\t1.150\t1.200\t', '\tTrong đó: dê sinh sản\tcon\t380\t390\t400\t']
    expect(normalizeText(rows.join('\n')).split('\n')[3]).toBe('| | Trong đó: dê sinh sản | con | 380 | 390 | 400 |')
    const [whole, part] = draft(rows).indicators
    expect(whole?.value.target).toEqual({ kind: 'at_least', value: 1200 })
    expect(part?.value).toMatchObject({ partOf: whole?.value.code, target: { kind: 'at_least', value: 400 } })
  })
})

describe('a heading of two rows naming measures under the years\' labels', () => {
  const tabs = [
    'TT\tChỉ tiêu\tĐVT\tThực hiện 2025\t\tKế hoạch 2026\t',
    '\t\t\tSố lượng\tTỷ lệ\tSố lượng\tTỷ lệ',
    '1\tTrẻ em dưới 5 tuổi được tiêm chủng đầy đủ\ttrẻ\t210\t97,2\t225\t98',
    '2\tHộ dùng nước sạch\thộ\t1.480\t88\t1.560\t92',
  ]
  const pipes = [
    '| TT | Chỉ tiêu | ĐVT | Thực hiện 2025 | | Kế hoạch 2026 | |',
    '|---|---|---|---|---|---|---|',
    '| | | | Số lượng | Tỷ lệ | Số lượng | Tỷ lệ |',
    '| 1 | Trẻ em dưới 5 tuổi được tiêm chủng đầy đủ | trẻ | 210 | 97,2 | 225 | 98 |',
    '| 2 | Hộ dùng nước sạch | hộ | 1.480 | 88 | 1.560 | 92 |',
  ]
  it.each([
    ['tabs', tabs],
    ['pipes', pipes],
  ])('reads the plan year\'s first column, in the row\'s unit (%s)', (_, rows) => {
    expect(targets(rows).map((t) => t.target)).toEqual([
      { kind: 'at_least', value: 225 },
      { kind: 'at_least', value: 1560 },
    ])
  })
})

describe('a Markdown heading of two rows with a merged year over "KH | TH"', () => {
  it('reads the plan year\'s "KH" and last year\'s "TH" as the cut\'s start', () => {
    const rows = [
      '| TT | Chỉ tiêu | ĐVT | Năm 2025 | | Năm 2026 | Ghi chú |',
      '|---|---|---|---|---|---|---|',
      '| | | | KH | TH | KH | |',
      '| 1 | Tỷ lệ hộ nghèo | % | 4,2 | 4,05 | Giảm 0,8 - 1 | |',
      '| 2 | Sản lượng cá nước ngọt | tấn | 860 | 874 | 900 | |',
    ]
    expect(targets(rows).map((t) => t.target)).toEqual([
      { kind: 'reduce_by', amount: 0.8, max: 1, baseline: 4.05 },
      { kind: 'at_least', value: 900 },
    ])
  })
})
