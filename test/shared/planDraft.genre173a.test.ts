// Drafting a plan from its document (issue 13): the rules added after held-out set 173 (slides, a
// bulletin's two columns), each on hand-written text in the language of commune plans (none taken
// from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { bySource, named } from './planDraftText'

/** A conference's slides copied slide by slide, "•" bullets, tab-indented "–" sub-bullets, footers and notes. */
const DECK = `Slide 1
ỦY BAN NHÂN DÂN XÃ ĐẮK RÔ MEN
HỘI NGHỊ TRIỂN KHAI PHONG TRÀO THI ĐUA NĂM 2026
Kế hoạch số 14/KH-UBND ngày 09/01/2026
Ghi chú của người trình bày: Thưa các đồng chí, tôi xin trình bày các chỉ tiêu thi đua năm 2026 của Kế hoạch, phấn đấu năm 2026 về đích sớm.

Slide 2
NHÌN LẠI NĂM 2025
• 15 thôn, buôn, 48% dân số là đồng bào dân tộc thiểu số
• Cà phê vẫn là cây trồng chủ lực
Hội nghị triển khai thi đua 2026                          2/7
Ghi chú của người trình bày: Năm 2025 sản lượng cà phê đạt 7.900 tấn; tỷ lệ hộ nghèo cuối năm 2025 là 8,4%.

Slide 3
CHỈ TIÊU KINH TẾ (1/2)
• Cà phê
\t– Diện tích hiện có: 1.320 ha
\t– Trong đó tái canh: 180 ha
\t– Sản lượng: 8.250 tấn
• Ngô lai
\t– Diện tích gieo trồng cả năm: 410 ha
\t– Năng suất: 62 tạ/ha
\t– Sản lượng: 2.542 tấn
• Tổng đàn heo: 6.500 con
Hội nghị triển khai thi đua 2026                          3/7
Ghi chú của người trình bày: Chỉ tiêu sản lượng cà phê cao hơn 350 tấn so với năm 2025.

Slide 4
CHỈ TIÊU VĂN HÓA - XÃ HỘI (2/2)
• Giảm tỷ lệ hộ nghèo: 2 - 2,5%
• Tỷ lệ tham gia BHYT: ≥ 96%
Hội nghị triển khai thi đua 2026                          4/7

Slide 5
CÁC PHONG TRÀO THI ĐUA
1. "Đắk Rô Men chung sức xây dựng nông thôn mới"
2. "Toàn dân bảo vệ an ninh Tổ quốc"
Hội nghị triển khai thi đua 2026                          5/7

Slide 6
THỜI GIAN VÀ KHEN THƯỞNG
• Đợt 1: 09/01 – 30/6/2026
• Khen thưởng: Tập thể 2.500.000 đồng
Hội nghị triển khai thi đua 2026                          6/7

Slide 7
XIN CẢM ƠN!
Hội nghị triển khai thi đua 2026                          7/7
`

describe('a conference\'s slides copied slide by slide', () => {
  const d = draftPlan(DECK)

  it('reads the targets of the slides titled as the targets\' part, not the title slide\'s "1." nor the awards', () => {
    expect(d.header.year?.value).toBe(2026)
    expect(named(d, /heo/u)?.value).toMatchObject({ unitOfMeasure: 'con', target: { kind: 'at_least', value: 6500 } })
    expect(bySource(d, /BHYT/u)[0]?.value.target).toEqual({ kind: 'rate_at_least', value: 96 })
    expect(bySource(d, /2\.500\.000/u)).toEqual([])
  })

  it('names each sub-bullet that measures a crop without naming one by its bullet\'s crop', () => {
    expect(bySource(d, /1\.320 ha/u)[0]?.value).toMatchObject({ name: expect.stringMatching(/^Diện tích cà phê/u), aggregation: 'stock' })
    expect(bySource(d, /8\.250 tấn/u)[0]?.value.name).toMatch(/^Sản lượng cà phê/u)
    // (A part of the area after "trong đó" is the crop's, a part of its area.)
    const area = bySource(d, /1\.320 ha/u)[0]?.value
    expect(bySource(d, /180 ha/u)[0]?.value).toMatchObject({ name: expect.stringMatching(/^Diện tích cà phê/u), partOf: area?.code, target: { kind: 'at_least', value: 180 } })
    expect(bySource(d, /2\.542 tấn/u)[0]?.value.name).toMatch(/^Sản lượng ngô lai/u)
    // (The maize yield, over the maize area and output, is computed from them.)
    expect(bySource(d, /62 tạ\/ha/u)[0]?.value).toMatchObject({ name: expect.stringMatching(/^Năng suất ngô lai/u), target: { kind: 'derived' } })
    expect(bySource(d, /62 tạ\/ha/u)[0]?.value.formula).toMatch(/ \/ /u)
    // (A bullet naming a field, not a crop, leaves its items' own names.)
    const field = draftPlan(DECK.replace('• Ngô lai', '• Trồng trọt'))
    expect(bySource(field, /2\.542 tấn/u)[0]?.value.name).not.toMatch(/trồng trọt/iu)
  })

  it('reads no target from the review slide nor from the presenter\'s notes, but takes a starting figure there', () => {
    expect(bySource(d, /48%|7\.900|350 tấn/u)).toEqual([])
    expect(bySource(d, /hộ nghèo/u)[0]?.value.target).toEqual({ kind: 'reduce_by', amount: 2, max: 2.5, baseline: 8.4 })
  })

  it('reads a slide titled on its mark\'s line ("Slide 2: …") as well', () => {
    const d2 = draftPlan(`Slide 1: HỘI NGHỊ PHÁT ĐỘNG THI ĐUA NĂM 2026
UBND xã Ia Pết, Kế hoạch số 03/KH-UBND
Slide 2
CHỦ ĐỀ THI ĐUA NĂM 2026
"Ia Pết đoàn kết, chung sức xây dựng nông thôn mới"
Slide 3: CÁC CHỈ TIÊU CHỦ YẾU
• Thu ngân sách trên địa bàn: 9,5 tỷ đồng
• Số người được giải quyết việc làm: 220 người
Slide 4: KHEN THƯỞNG
• Cá nhân: 1.000.000 đồng
`)
    // (The theme on a slide of its own is the plan's.)
    expect(d2.header.theme?.value).toBe('Ia Pết đoàn kết, chung sức xây dựng nông thôn mới')
    expect(d2.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 9.5 }, { kind: 'at_least', value: 220 }])
  })
})

/** Two columns side by side, as a PDF's text layer reads a bulletin's page across. */
const col = (left: string, right: string): string => `${left.padEnd(48)}${right}`.trimEnd()
const bulletin = (last = '- Thu ngân sách đạt 18 tỷ đồng.'): string => [
  'ĐẶC SAN XÃ HƯNG THỊNH ĐÔNG                                 Tháng 02/2026',
  '',
  '                   KẾ HOẠCH THI ĐUA NĂM 2026 CỦA XÃ',
  '',
  col('UBND xã Hưng Thịnh Đông đã ban hành Kế', '2. Về văn hóa - xã hội'),
  col('hoạch số 11/KH-UBND ngày 15/01/2026.', '- Tỷ lệ tham gia bảo hiểm y tế đạt 95%.'),
  col('', '- Có 12/12 ấp giữ vững danh hiệu'),
  col('I. CHỈ TIÊU THI ĐUA NĂM 2026', 'Ấp văn hóa.'),
  col('1. Về kinh tế', '- Giải quyết việc làm cho 420 lao động.'),
  col('- Tổng đàn dê duy trì 2.600 con.', '3. Về quốc phòng - an ninh'),
  col('- Sản lượng cá nuôi đạt 1.350 tấn;', '- Không để xảy ra trọng án.'),
  col('giá trị sản phẩm thủy sản đạt 62 tỷ', ''),
  col('đồng.', 'II. KHEN THƯỞNG'),
  col(last, 'Mỗi tập thể được thưởng 3.000.000 đồng; hộ'),
  col('', 'nuôi từ 50 con dê trở lên được biểu dương.'),
  '',
  'Đặc san lưu hành nội bộ                                                   2',
].join('\n')
const BULLETIN = bulletin()

describe('a page of two columns read across', () => {
  it('reads the left column, then the right one, not line by line across', () => {
    const d = draftPlan(BULLETIN)
    expect(bySource(d, /dê/u)[0]?.value).toMatchObject({ source: 'Tổng đàn dê duy trì 2.600 con', target: { kind: 'at_least', value: 2600 } })
    expect(bySource(d, /62 tỷ/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 62 })
    expect(bySource(d, /bảo hiểm y tế/u)[0]?.value.source).toBe('Tỷ lệ tham gia bảo hiểm y tế đạt 95%')
    expect(bySource(d, /420 lao động/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 420 })
    // (A line cut by the column's narrow edge goes on in the next, even on a capital.)
    expect(bySource(d, /12\/12 ấp/u).map((i) => i.value.source)).toEqual(['Có 12/12 ấp giữ vững danh hiệu Ấp văn hóa'])
    expect(bySource(d, /3\.000\.000|50 con/u)).toEqual([])
    // (A table whose columns are runs of spaces is no page of two columns.)
    const table = draftPlan(`${BULLETIN.split('\n').slice(0, 4).join('\n')}
I. CHỈ TIÊU THI ĐUA NĂM 2026
Chỉ tiêu                                  ĐVT        Kế hoạch 2026
Tổng đàn dê                               con        2.600
Sản lượng cá nuôi                         tấn        1.350
Thu ngân sách                             tỷ đồng    18
Số lao động được giải quyết việc làm      người      420
Tỷ lệ tham gia bảo hiểm y tế              %          95
`)
    expect(table.indicators.map((i) => i.value.target)).toEqual([
      { kind: 'at_least', value: 2600 },
      { kind: 'at_least', value: 1350 },
      { kind: 'at_least', value: 18 },
      { kind: 'at_least', value: 420 },
      { kind: 'rate_at_least', value: 95 },
    ])
  })

  it('takes an income per person a year\'s plan sets for the year\'s', () => {
    const d = draftPlan(bulletin('- Thu nhập bình quân 71 triệu đồng/người.'))
    expect(bySource(d, /71 triệu/u)[0]?.value.unitOfMeasure).toBe('triệu đồng/người/năm')
  })
})
