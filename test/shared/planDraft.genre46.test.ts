// Drafting a plan from its document (issue 13): the rules added after held-out sets 46 and 47,
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import { draftList, named, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Hòa Mỹ', '07', '15 tháng 01', 2026)

describe('a numbered table copied from a PDF as spaced lines', () => {
  const table = [
    ' STT  Nội dung chỉ tiêu                      ĐVT       Thực hiện    Kế hoạch',
    '                                                       năm 2025     năm 2026',
    ' I    KINH TẾ',
    ' 1    Diện tích nuôi trồng thủy sản            ha        212          220',
    ' 2    Tổng thu ngân sách trên địa bàn          triệu     6.400        7.000',
    '      (không tính tiền giao đất)               đồng',
    '      Trong đó: thu từ thuế, phí tại chỗ       triệu     2.100        2.500',
    '                                               đồng',
    '',
    'UBND xã Hòa Mỹ - Kế hoạch thi đua năm 2026                                   2',
    '',
    ' 3    Số hộ nghèo                              hộ        96           giảm 15',
    ' II   XÃ HỘI',
    ' 4    Xã đạt chuẩn "An toàn thực phẩm"         -         Chưa đạt     Đạt',
    '',
    '     3. Các ấp đăng ký thi đua trước ngày 15/02/2026.',
  ].join('\n')

  it('reads each row with its wrapped heading, name and unit, across the page footer', () => {
    const rows = normalizeText(table).split('\n').filter((l) => l.startsWith('|'))
    expect(rows[0]).toBe('| STT | Nội dung chỉ tiêu | ĐVT | Thực hiện năm 2025 | Kế hoạch năm 2026 |')
    expect(rows).toContain('| 2 | Tổng thu ngân sách trên địa bàn (không tính tiền giao đất) | triệu đồng | 6.400 | 7.000 |')
    expect(rows).toContain('| | Trong đó: thu từ thuế, phí tại chỗ | triệu đồng | 2.100 | 2.500 |')
    expect(rows).toContain('| 3 | Số hộ nghèo | hộ | 96 | giảm 15 |')
    expect(rows).toContain('| 4 | Xã đạt chuẩn "An toàn thực phẩm" | - | Chưa đạt | Đạt |')
    expect(rows).toHaveLength(8)
  })

  it('drafts the rows as targets', () => {
    const d = draftPlan(planWithList({ head: HEAD, year: 2026, items: [], extra: table.replace(/\n {5}3\. .*$/u, '') }))
    expect(named(d, /thủy sản/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 220 })
    expect(named(d, /thu ngân sách/iu)?.value).toMatchObject({ unitOfMeasure: 'triệu đồng', target: { value: 7000 } })
  })
})

describe('a heading that introduces the targets', () => {
  it('states no goal of its own, a remark in brackets before its colon', () => {
    const d = draftPlan(`${HEAD}I. MỤC ĐÍCH
Động viên Nhân dân thi đua lao động sản xuất.
II. NỘI DUNG THI ĐUA
1. Thi đua thực hiện tốt các chỉ tiêu chủ yếu năm 2026 (theo số liệu của công chức Thống kê):
- Trồng mới 45 ha rừng sản xuất.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp.
`)
    expect(d.indicators.map((i) => i.value.name).join(' / ')).not.toMatch(/thực hiện tốt/iu)
    expect(named(d, /rừng/iu)?.value.target).toMatchObject({ value: 45 })
  })
})

describe('a table row "Trong đó: - Thóc"', () => {
  it('is the rice output of the total, so the rice yield is computed', () => {
    const d = draftPlan(`${HEAD}I. MỤC ĐÍCH
Động viên Nhân dân thi đua lao động sản xuất.
II. CÁC CHỈ TIÊU CHỦ YẾU
STT\tChỉ tiêu\tĐVT\tKế hoạch 2026
1\tSản lượng lương thực có hạt\ttấn\t2.000
\tTrong đó: - Thóc\ttấn\t1.500
\t- Ngô\ttấn\t500
2\tDiện tích lúa cả năm\tha\t250
3\tNăng suất lúa bình quân\ttạ/ha\t60
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp.
`)
    expect(named(d, /^thóc$/iu)).toBeDefined()
    expect(named(d, /năng suất lúa/iu)?.value.target).toMatchObject({ kind: 'derived', value: 60 })
  })
})

describe('items numbered in brackets run together in a paragraph', () => {
  it('reads each "(n)" sentence as a clause of its own, goals without figures too', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      bare: true,
      items: ['Về xã hội: (5) Tỷ lệ hộ nghèo giảm 1% trở lên. (6) Duy trì 3/3 trạm y tế đạt chuẩn quốc gia. (7) Hoàn thành chỉ tiêu giao quân năm 2026. (8) Lắp đặt mới ít nhất 120 bồn chứa nước sạch cho hộ khó khăn.'],
    })
    expect(named(d, /trạm y tế/iu)?.value.target).toEqual({ kind: 'yes_no' })
    expect(named(d, /giao quân/iu)?.value.target).toEqual({ kind: 'yes_no' })
    expect(d.indicators.find((i) => i.value.unitOfMeasure === 'bồn')?.value.target).toMatchObject({ kind: 'at_least', value: 120 })
  })
})
