// Drafting a plan from its document (issue 13): the rules added after held-out set 109, each on
// hand-written sentences in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { bySource, listDrafter, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Tân Phước', '09', '15 tháng 01', 2026)
const draft = listDrafter(HEAD)

describe('a table whose content cell holds the whole statement, beside who is in charge and by when', () => {
  const table = [
    '| STT | Nội dung chỉ tiêu | Đơn vị chủ trì | Thời hạn |',
    '|---|---|---|---|',
    '| **I** | **KINH TẾ - XÃ HỘI** | | |',
    '| 1 | Sản lượng chè búp tươi đạt 4.600 tấn trở lên; diện tích chè trồng mới 25 ha | Phòng Kinh tế | Quý IV/2026 |',
    '| 2 | Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi còn dưới 12% | Trạm Y tế xã | Năm học 2026 - 2027 |',
    '| **II** | **QUỐC PHÒNG, AN NINH VÀ TRẬT TỰ XÃ HỘI** | | |',
    '| 3 | Không để xảy ra khiếu kiện đông người, vượt cấp | Công an xã | Thường xuyên |',
  ]
  it('reads each clause of the content cell as prose, the other columns never', () => {
    const d = draft(table)
    expect(d.noTargets).toBe(false)
    expect(d.indicators.map((i) => [i.value.source, i.value.target])).toEqual([
      ['Sản lượng chè búp tươi đạt 4.600 tấn trở lên', { kind: 'at_least', value: 4600 }],
      ['diện tích chè trồng mới 25 ha', { kind: 'at_least', value: 25 }],
      ['Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi còn dưới 12%', { kind: 'at_most', value: 12, strict: true }],
      ['Không để xảy ra khiếu kiện đông người, vượt cấp', { kind: 'yes_no' }],
    ])
    expect(bySource(d, /Phòng|Trạm|Công an|Quý|Năm học|Thường xuyên|KINH TẾ|QUỐC PHÒNG/u)).toEqual([])
  })
  it('reads a table of a number and a content column alone the same way', () => {
    const d = draft(['| TT | Nội dung |', '|---|---|', '| 1 | Kết nạp từ 12 đảng viên mới trở lên |', '| 2 | Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa” đạt 93% trở lên |'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 12 }, { kind: 'rate_at_least', value: 93 }])
  })
  it('still reads a table with a plan column by its columns', () => {
    const d = draft(['| TT | Nội dung chỉ tiêu | ĐVT | Kế hoạch 2026 | Cơ quan chủ trì |', '|---|---|---|---|---|', '| 1 | Sản lượng chè búp tươi | tấn | 4.600 | Phòng Kinh tế |'])
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([['tấn', { kind: 'at_least', value: 4600 }]])
  })
})

describe('bullets of the Symbol and Wingdings fonts copied from Word as letters before a tab', () => {
  const list = [
    'Ø\tVề nông nghiệp:',
    '§\tGiảm tỷ lệ hộ nghèo từ 0,8 - 1% so với cuối năm 2025.',
    'v\tDiện tích nuôi nghêu thương phẩm đạt 150 ha trở lên.',
    'ü\tKhông để xảy ra ngộ độc thực phẩm đông người.',
  ]
  it('reads the letter as a list mark, not a word of the item', () => {
    const d = draft(list)
    expect(d.indicators.map((i) => i.value.source)).toEqual([
      'Giảm tỷ lệ hộ nghèo từ 0,8 - 1% so với cuối năm 2025',
      'Diện tích nuôi nghêu thương phẩm đạt 150 ha trở lên',
      'Không để xảy ra ngộ độc thực phẩm đông người',
    ])
    // (The bullet gone, the cut reads as a cut of 0,8 to 1 point, not a range of the rate.)
    expect(d.indicators[0]?.value.target).toMatchObject({ kind: 'reduce_by', amount: 0.8, max: 1 })
  })
  it('keeps such a letter that opens a word, or stands before no tab', () => {
    const d = draft(['- Vận động 120 hộ tham gia mô hình kinh tế tuần hoàn.', 'v Tỷ lệ hộ dùng nước hợp vệ sinh đạt 99%.'])
    expect(d.indicators.map((i) => i.value.source)).toEqual(['Vận động 120 hộ tham gia mô hình kinh tế tuần hoàn', 'v Tỷ lệ hộ dùng nước hợp vệ sinh đạt 99%'])
  })
})

describe('a rotation farmed as a model, kept', () => {
  it('reads "duy trì" on a rice-shrimp or shrimp-rice model\'s area as a level (stock), a sown rice area still a flow', () => {
    const d = draft(['- Duy trì diện tích mô hình tôm - lúa 1.450 ha; diện tích gieo sạ lúa cả năm 3.100 ha.'])
    expect(bySource(d, /tôm - lúa/u)[0]?.value).toMatchObject({ aggregation: 'stock', target: { kind: 'at_least', value: 1450 } })
    expect(bySource(d, /gieo sạ/u)[0]?.value).toMatchObject({ aggregation: 'flow', target: { kind: 'at_least', value: 3100 } })
  })
})

describe('readiness against a hazard beside the result it guards', () => {
  it('reads only the result as a goal', () => {
    const d = draft(['- Chủ động phòng, chống sạt lở bờ sông, bờ kênh; không để thiệt hại về người khi có thiên tai.', '- Chủ động ứng phó với bão, lũ, bảo đảm an toàn tính mạng cho Nhân dân.'])
    expect(d.indicators.map((i) => i.value.source)).toEqual(['không để thiệt hại về người khi có thiên tai'])
  })
})

describe('fish counted by the million', () => {
  it('reads "triệu con" as the unit of fingerlings sold (a flow) and of a flock kept (a stock)', () => {
    const d = draft(['- Sản lượng cá tra giống xuất bán đạt 40 triệu con trở lên; đàn gia cầm duy trì 1,5 triệu con.'])
    expect(bySource(d, /cá tra/u)[0]?.value).toMatchObject({ unitOfMeasure: 'triệu con', aggregation: 'flow', target: { kind: 'at_least', value: 40 } })
    expect(bySource(d, /gia cầm/u)[0]?.value).toMatchObject({ unitOfMeasure: 'triệu con', aggregation: 'stock', target: { kind: 'at_least', value: 1.5 } })
  })
})

describe('a rise in ‰ on a rate whose last level the document states', () => {
  const plan = (intro: string) =>
    draftPlan(planWithList({ head: HEAD, year: 2026, intro, items: ['- Tỷ suất sinh thô tăng 0,2‰ so với năm 2025.'] }))
  it('is the level to reach: last year\'s plus the rise', () => {
    const d = plan('Tỷ suất sinh thô năm 2025 là 9,6‰; dân số 12.400 người. Động viên Nhân dân thi đua hoàn thành các chỉ tiêu năm 2026.')
    expect(bySource(d, /sinh thô/u)[0]?.value).toMatchObject({ unitOfMeasure: '‰', aggregation: 'rate', scale: 1000, proportion: false, target: { kind: 'rate_at_least', value: 9.8 } })
  })
  it('looks up no level for a "name" that is a run of text (no regular expression of its length)', () => {
    const d = draftPlan(planWithList({ head: HEAD, year: 2026, items: [`- Tỷ suất sinh thô ${'năm 2025 '.repeat(20_000)}tăng 0,2‰ so với năm 2025.`] }))
    expect(d.indicators.length).toBeLessThanOrEqual(1)
  })
  it('is no such level where the document states none', () => {
    const d = plan('Động viên Nhân dân thi đua hoàn thành các chỉ tiêu năm 2026.')
    expect(bySource(d, /sinh thô/u)[0]?.value.target?.kind).not.toBe('rate_at_least')
  })
})

describe('a table copied one cell a line: a row without a number under a row of its own', () => {
  const table = [
    'TT',
    'Chỉ tiêu',
    'ĐVT',
    'Ước thực hiện 2025',
    'Kế hoạch 2026',
    'I',
    'KINH TẾ - XÃ HỘI',
    '1',
    'Sản lượng cà phê nhân',
    'tấn',
    '2.350',
    '2.500',
    '2',
    'Tạo việc làm mới cho người lao động',
    'người',
    '310',
    '330',
    '- Trong đó: đi làm việc có thời hạn ở nước ngoài theo hợp đồng',
    'người',
    '18',
    '25',
    'II',
    'TÀI NGUYÊN, MÔI TRƯỜNG - QUỐC PHÒNG, AN NINH',
    '3',
    'Tỷ lệ chất thải rắn sinh hoạt được thu gom',
    '%',
    '88',
    '≥ 90',
    '4',
    'Số vụ tai nạn giao thông',
    'vụ',
    '06',
    'Giảm ít nhất 01 vụ',
  ]
  it('reads the part as its row, the group row after it and every row after that by their columns', () => {
    const d = draft(table)
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['tấn', { kind: 'at_least', value: 2500 }],
      ['người', { kind: 'at_least', value: 330 }],
      ['người', { kind: 'at_least', value: 25 }],
      ['%', { kind: 'rate_at_least', value: 90 }],
      ['vụ', { kind: 'at_most', value: 5, strict: false }],
    ])
    expect(bySource(d, /TÀI NGUYÊN|KINH TẾ/u)).toEqual([])
  })
  it('reads a part as the last row of the table, before a note or a list of bullets, and ends the table there', () => {
    const rows = table.slice(0, 21)
    const bullets = ['- Giữ vững an ninh chính trị trên địa bàn', '- Không để xảy ra cháy rừng']
    for (const after of [bullets, ['Ghi chú: số liệu ước thực hiện năm 2025 chỉ để so sánh.', ...bullets]]) {
      const d = draft([...rows, ...after])
      expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
        ['tấn', { kind: 'at_least', value: 2500 }],
        ['người', { kind: 'at_least', value: 330 }],
        ['người', { kind: 'at_least', value: 25 }],
        ['đạt/không đạt', { kind: 'yes_no' }],
        ['đạt/không đạt', { kind: 'yes_no' }],
      ])
      expect(bySource(d, /Giữ vững|cháy rừng/u).map((i) => i.value.source)).toEqual(['Giữ vững an ninh chính trị trên địa bàn', 'Không để xảy ra cháy rừng'])
    }
  })
})
