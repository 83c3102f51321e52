// Drafting a plan from its document (issue 13): the rules added after held-out sets 174 to 182,
// each on hand-written sentences and tables in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { bySource, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Tân Mỹ', '09', '14 tháng 01', 2026)
const draft = listDrafter(HEAD)

describe('a Word table copied as tab-separated text, its groups\' rows holding their name only', () => {
  const table = (group: string): string[] => [
    'TT\tChỉ tiêu\tĐVT\tKế hoạch năm 2026',
    group,
    '1\tTổng đàn bò\tcon\t3.100',
    '2\tTrường đạt chuẩn quốc gia\ttrường\t4/4',
    '3\tSố ấp đạt danh hiệu Ấp văn hóa\tấp\t≥ 10/13',
    '4\tSố vụ cháy nhà dân\tvụ\tgiảm ít nhất 10% so với năm 2025',
  ]
  const review = ['Năm 2025, trên địa bàn xã xảy ra 20 vụ cháy nhà dân.']
  it.each(['\tA. KINH TẾ - XÃ HỘI', '\tI. CÁC CHỈ TIÊU CHỦ YẾU\t\t'])('keeps the table\'s columns past the group row "%s"', (group) => {
    const d = listDrafter(`${HEAD}${review.join('\n')}\n`)(table(group))
    expect(bySource(d, /4\/4/u)[0]?.value).toMatchObject({ aggregation: 'yes_no', target: { kind: 'yes_no' } })
    expect(bySource(d, /10\/13/u)[0]?.value).toMatchObject({ unitOfMeasure: 'ấp', aggregation: 'stock', target: { kind: 'at_least', value: 10 } })
    expect(bySource(d, /cháy nhà/u)[0]?.value).toMatchObject({ unitOfMeasure: 'vụ', target: { kind: 'at_most', value: 18 } })
  })
  it('reads an indented paragraph between two paragraphs as no table row', () => {
    const d = draft(['\tNăm 2026, phấn đấu tổng đàn bò đạt 3.100 con.', '\tĐÁNH GIÁ VÀ KHEN THƯỞNG', '\tCuối năm, xã bình xét khen thưởng.'])
    expect(bySource(d, /3\.100/u)[0]?.value).toMatchObject({ target: { kind: 'at_least', value: 3100 } })
  })
})

describe('a year\'s column saying in brackets what its figures are', () => {
  it('takes "Năm 2026 (KH)" as the plan column beside "Năm 2025 (ước)"', () => {
    const d = draft([
      '| STT | Chỉ tiêu | Đơn vị tính | Năm 2025 (ước) | Năm 2026 (KH) |',
      '|---|---|---|---|---|',
      '| 1 | Tổng đàn bò | con | 2.950 | 3.100 |',
      '| 2 | Trường đạt chuẩn quốc gia | trường | 3/4 | 4/4 |',
    ])
    expect(bySource(d, /4\/4/u)[0]?.value).toMatchObject({ aggregation: 'yes_no', target: { kind: 'yes_no' } })
    expect(bySource(d, /Tổng đàn bò/u)[0]?.value).toMatchObject({ target: { kind: 'at_least', value: 3100 } })
  })
})

describe('a slide deck exported as text, its slides marked "===== Slide N ====="', () => {
  const deck = [
    '===== Slide 1 =====',
    'ỦY BAN NHÂN DÂN PHƯỜNG AN HẢI',
    'HỘI NGHỊ TRIỂN KHAI PHONG TRÀO THI ĐUA NĂM 2026',
    'An Hải, ngày 15 tháng 01 năm 2026',
    '',
    '===== Slide 2 =====',
    'KẾT QUẢ NĂM 2025',
    '• Sản lượng cá khô chế biến: 640 tấn (đạt 107% KH)',
    '• Số vụ cháy nhà dân: 04 vụ',
    '• Tai nạn giao thông: 12 vụ, làm bị thương 09 người',
    '',
    '===== Slide 3 =====',
    'CHỈ TIÊU NĂM 2026',
    '• Sản lượng cá khô chế biến: ≥ 700 tấn',
    '• Tai nạn giao thông: giảm ≥ 25% so với năm 2025',
    '',
    'Ghi chú của người trình bày:',
    'Số cá khô giữ mức 700 tấn do thiếu mặt bằng phơi; năm ngoái vượt kế hoạch nhờ thời tiết thuận lợi.',
    '',
    '===== Slide 4 =====',
    'ĐÔ THỊ - MÔI TRƯỜNG',
    '• Không để xảy ra lấn chiếm vỉa hè trên các tuyến phố chính',
    '',
    '===== Slide 5 =====',
    'XIN CẢM ƠN!',
  ].join('\n')
  const d = draftPlan(deck)
  it('reads the review slide as a review, none of its figures a target', () => {
    expect(bySource(d, /640|04 vụ|12 vụ/u)).toEqual([])
    expect(bySource(d, /700 tấn/u).map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 700 }])
  })
  it('reads the notes under their label, to the next slide, as no target', () => {
    expect(bySource(d, /giữ mức|thời tiết/u)).toEqual([])
  })
  it('reads a cut after a label from the count the review slide gives', () => {
    expect(bySource(d, /Tai nạn giao thông: giảm/u)[0]?.value).toMatchObject({ unitOfMeasure: 'vụ', target: { kind: 'at_most', value: 9 } })
  })
  it('reads the goals of a slide on the town and its environment', () => {
    expect(bySource(d, /lấn chiếm vỉa hè/u)[0]?.value).toMatchObject({ aggregation: 'yes_no' })
  })
})

describe('a statement ending on a colon over its parts', () => {
  it('reads the statement\'s figure, and its "Trong đó" item as its part', () => {
    const d = draft([
      '- Diện tích chè hiện có duy trì 620 ha:',
      '+ Trong đó diện tích chè đạt chứng nhận VietGAP 150 ha.',
      '- Đào tạo nghề cho 350 lao động nông thôn:',
      '+ Trong đó lao động nữ 140 người.',
    ])
    const tea = bySource(d, /620 ha/u)[0]
    expect(tea?.value).toMatchObject({ unitOfMeasure: 'ha', target: { kind: 'at_least', value: 620 } })
    expect(tea?.value.source).not.toMatch(/:$/u)
    expect(bySource(d, /150 ha/u)[0]?.value.partOf).toBe(tea?.value.code)
    const trained = bySource(d, /350 lao động/u)[0]
    expect(trained?.value).toMatchObject({ target: { kind: 'at_least', value: 350 } })
    expect(bySource(d, /140 người/u)[0]?.value.partOf).toBe(trained?.value.code)
  })
  it.each(['- Thời gian thi đua chia làm 03 đợt:', '- Cây lúa 2 vụ:'])('reads no target from the count of what follows, "%s"', (line) => {
    const d = draft([line, '+ Đợt 1: từ tháng 01 đến tháng 6/2026.', '- Tổng đàn bò 3.100 con.'])
    expect(bySource(d, /đợt:|vụ:/u)).toEqual([])
  })
})

describe('a section on the commune as it is, named "Khái quát"', () => {
  it('reads none of its figures', () => {
    const text = `${HEAD}I. KHÁI QUÁT\nXã Tân Mỹ được thành lập ngày 01/7/2025 trên cơ sở nhập hai xã, có 14 ấp với gần 6.300 hộ.\nII. CHỈ TIÊU THI ĐUA NĂM 2026\n- Tổng đàn bò đạt 3.100 con.\nIII. TỔ CHỨC THỰC HIỆN\n1. Văn phòng theo dõi, tổng hợp.\n`
    const d = draftPlan(text)
    expect(bySource(d, /6\.300/u)).toEqual([])
    expect(bySource(d, /3\.100/u)).toHaveLength(1)
  })
})

describe('reaching what is assigned, naming no measure, right after a figured target', () => {
  it('restates that target, no goal of its own', () => {
    const text = `${HEAD}I. MỤC ĐÍCH\nĐộng viên cán bộ và Nhân dân.\nII. NHIỆM VỤ VÀ CHỈ TIÊU\n1. Chỉ tiêu kinh tế\n1.1. Chăn nuôi\na) Tổng đàn bò đạt 3.100 con.\n1.2. Ngân sách, hạ tầng\na) Thu ngân sách trên địa bàn phấn đấu đạt 9,8 tỷ đồng, hoàn thành vượt dự toán cấp trên giao.\nb) Bê tông hóa 3,2 km đường trục ấp.\nIII. TỔ CHỨC THỰC HIỆN\n1. Văn phòng theo dõi, tổng hợp.\n`
    const d = draftPlan(text)
    expect(bySource(d, /dự toán/u)).toEqual([])
    expect(bySource(d, /9,8 tỷ đồng/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 9.8 })
  })
})
