// Drafting a plan from its document (issue 13): the rules added after held-out set 92, each on
// hand-written sentences in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftList, named, planHead } from './planDraftText'

const HEAD = planHead('Hòa Phú', '07', '12 tháng 01', 2026)

describe('a table a PDF gives one cell a line', () => {
  const d = draftList({
    head: HEAD,
    year: 2026,
    bare: true,
    items: [
      'Các chỉ tiêu chủ yếu năm 2026:',
      'STT',
      'Nội dung',
      'Đơn vị tính',
      'Kế hoạch năm 2026',
      '',
      'I',
      'Nông nghiệp',
      '1',
      'Tổng diện tích gieo trồng cây hằng năm',
      'Ha',
      '2.600',
      '',
      '1.1',
      'Diện tích lúa',
      'Ha',
      '1.900',
      '1.2',
      'Diện tích rau màu',
      'Ha',
      '700',
      '2',
      'Tổng đàn bò',
      'Con',
      '≥ 3.100',
      'Trang 2',
      '3',
      'Tỷ lệ hộ dùng nước hợp vệ sinh',
      '%',
      '97 - 98',
      'Ngoài ra, các thôn phấn đấu giữ vững danh hiệu thôn văn hóa.',
    ],
  })

  it('reads the rows after a blank line under the heading, each with its unit and plan cell', () => {
    expect(named(d, /đàn bò/iu)?.value).toMatchObject({ unitOfMeasure: 'con', target: { kind: 'at_least', value: 3100 } })
    expect(named(d, /nước hợp vệ sinh/iu)?.value.target).toEqual({ kind: 'range', min: 97, max: 98 })
  })

  it('takes rows numbered under a row ("1.1", "1.2") as its parts', () => {
    expect(named(d, /diện tích lúa/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 1900 })
    expect(named(d, /rau màu/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 700 })
    const whole = named(d, /cây hằng năm/iu)?.value
    expect(whole?.target).toMatchObject({ value: 2600 })
  })

  it('leaves a heading of cell names and the page number out', () => {
    expect(d.indicators.map((i) => i.value.name).filter((n) => /^(?:STT|Nội dung|Đơn vị tính|Kế hoạch năm 2026|Trang)/u.test(n))).toEqual([])
  })
})

describe('a table of villages with the commune’s total', () => {
  const d = draftList({
    head: HEAD,
    year: 2026,
    bare: true,
    intro: 'Đầu năm 2026 toàn xã còn 84 hộ nghèo.',
    items: [
      '1. Trồng trọt và giảm nghèo, giao cho từng thôn như sau:',
      '| TT | Thôn | Diện tích ngô (ha) | Hộ nghèo giảm (hộ) |',
      '|---|---|---|---|',
      '| 1 | Thôn Bình An | 60 | 5 |',
      '| 2 | Thôn Bình Minh | 45 | 4 |',
      '| 3 | Thôn Đồng Tâm | 55 | 3 |',
      '| | Toàn xã | 160 | 12 |',
    ],
  })

  it('takes no target from a village’s row', () => {
    expect(d.indicators.filter((i) => /Bình An|Bình Minh|Đồng Tâm/u.test(i.value.name))).toEqual([])
    expect(d.indicators.filter((i) => /ngô/iu.test(i.value.name))).toHaveLength(1)
  })

  it('reads the total row, one target a column, named by its heading', () => {
    expect(named(d, /diện tích ngô/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 160 })
    // "Hộ nghèo giảm (hộ)": a cut in the count of poor households.
    expect(named(d, /hộ nghèo/iu)?.value).toMatchObject({ unitOfMeasure: 'hộ', target: { kind: 'reduce_by', amount: 12 } })
  })
})

describe('the plan year’s figure beside a later year’s', () => {
  it('keeps the plan year’s figure and drops the one "đến năm …" after it', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      items: ['Tỷ lệ hộ gia đình văn hóa năm 2026 đạt 88%, đến năm 2027 đạt 90%;', 'Đàn dê năm 2026 đạt 1.500 con, phấn đấu đến cuối năm 2028 đạt 2.000 con.'],
    })
    expect(d.indicators.map((i) => i.value.target)).toEqual([expect.objectContaining({ kind: 'rate_at_least', value: 88 }), expect.objectContaining({ kind: 'at_least', value: 1500 })])
  })

  it('reads no target in a paragraph of a period’s aims', () => {
    const d = draftList({
      // (Before the plan's sections, where a plan recalls the aims it serves.)
      head: `${HEAD}Căn cứ Nghị quyết số 15/NQ-HĐND ngày 20/12/2025 của HĐND xã về nhiệm vụ năm 2026.\nMục tiêu giai đoạn 2026 - 2030 của Đảng bộ xã: thu nhập bình quân đầu người đạt 90 triệu đồng, tỷ lệ che phủ rừng đạt 60%.\n`,
      year: 2026,
      items: ['Thu nhập bình quân đầu người đạt 68 triệu đồng.'],
    })
    expect(d.indicators.map((i) => i.value.target)).toEqual([expect.objectContaining({ value: 68 })])
  })

  it('still reads a figure set by a period’s standard ("theo chuẩn nghèo đa chiều giai đoạn …")', () => {
    const d = draftList({ head: HEAD, year: 2026, items: ['Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giai đoạn 2026 - 2030 dưới 1,5%.'] })
    expect(named(d, /hộ nghèo/iu)?.value.target).toMatchObject({ kind: 'at_most', value: 1.5 })
  })
})

describe('a duty done in full', () => {
  it('reads "Hoàn thành 100% …" as at least that share, sure', () => {
    const d = draftList({ head: HEAD, year: 2026, items: ['Hoàn thành 100% kế hoạch tiêm phòng vắc xin cho đàn gia súc.'] })
    const done = named(d, /tiêm phòng/iu)
    expect(done?.value.target).toMatchObject({ kind: 'rate_at_least', value: 100 })
    expect(done?.confidence).toBe('high')
  })
})

describe('an appendix table that repeats a target of the text', () => {
  it('counts people as "lao động" in the text and "Người" in the table as one target', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      bare: true,
      items: [
        'Phấn đấu giải quyết việc làm mới cho 320 lao động; kéo giảm tỷ lệ hộ nghèo.',
        '| TT | Chỉ tiêu | ĐVT | Ước TH 2025 | KH 2026 |',
        '|---|---|---|---|---|',
        '| 1 | Số lao động được giải quyết việc làm mới | Người | 300 | 320 |',
        '| 2 | Số cây xanh trồng mới | Cây | 800 | 900 |',
      ],
    })
    expect(d.indicators.filter((i) => figureIs(i.value.target, 320))).toHaveLength(1)
    expect(named(d, /cây xanh/iu)?.value.target).toMatchObject({ value: 900 })
  })
})

function figureIs(t: unknown, value: number): boolean {
  return typeof t === 'object' && t !== null && (t as { value?: number }).value === value
}
