// Drafting a plan from its document (issue 13): the rules added after held-out set 104, each on
// hand-written sentences in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { bySource, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Tân Mỹ', '04', '15 tháng 01', 2026)
const draft = (items: string[], intro?: string) => draftPlan(planWithList({ head: HEAD, year: 2026, items, bare: true, ...(intro !== undefined ? { intro } : {}) }))

describe('a table whose plan cell holds several "- " items joined by HTML line breaks', () => {
  const table = [
    '| STT | Nhóm chỉ tiêu | Nội dung chỉ tiêu | Đơn vị theo dõi |',
    '|---|---|---|---|',
    '| 1 | Nông nghiệp | - Tổng đàn bò 3.200 con;<br>- Sản lượng thịt hơi xuất chuồng 1.150 tấn;<BR/>- Diện tích rừng trồng mới 85 ha, trong đó rừng gỗ lớn 30 ha. | Phòng Kinh tế |',
    '| 2 | Văn hóa - xã hội | - Tỷ lệ người dân tham gia bảo hiểm y tế đạt 96% trở lên;<br />- Phối hợp tổ chức tốt các hoạt động văn hóa, thể thao. | Phòng Văn hóa - Xã hội |',
    '| 3 | Quốc phòng | - Hoàn thành 100% chỉ tiêu tuyển quân. | Ban Chỉ huy Quân sự |',
  ]

  it('reads each item (and each clause of one) as a target of its own, whatever the break is written', () => {
    const d = draft(table)
    const value = (words: RegExp) => bySource(d, words).map((i) => i.value.target)
    expect(value(/đàn bò/u)).toEqual([{ kind: 'at_least', value: 3200 }])
    expect(value(/thịt hơi/u)).toEqual([{ kind: 'at_least', value: 1150 }])
    expect(bySource(d, /rừng/u).map((i) => i.value.target).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      { kind: 'at_least', value: 30 },
      { kind: 'at_least', value: 85 },
    ])
    expect(value(/bảo hiểm y tế/u)).toEqual([{ kind: 'rate_at_least', value: 96 }])
    // (A later row of the same table with one item is read the same way.)
    expect(value(/tuyển quân/u)).toEqual([{ kind: 'rate_at_least', value: 100 }])
    // (No source runs over a break or holds the row's cells.)
    expect(d.indicators.some((i) => /<br|\|/iu.test(i.value.source ?? ''))).toBe(false)
  })

  it('leaves a cell of a heading or of recipients, whose parts are no bullets, alone', () => {
    const d = draft(['| Nơi nhận:<br>- UBND huyện;<br>- Lưu: VT. | TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH |'])
    expect(d.indicators).toEqual([])
  })
})

describe('a table laid out with spaces, broken by a page', () => {
  it('reads the rows after the page number and the running header as rows of the same table', () => {
    const d = draft([
      ' TT   Chỉ tiêu                                     ĐVT          TH 2025     KH 2026',
      ' I    KINH TẾ',
      ' 1    Tổng đàn bò                                  con            2.900       3.100',
      ' 2    Thu ngân sách trên địa bàn                   triệu đồng     4.150       4.400',
      '',
      '                                   - 3 -',
      '',
      'UBND xã Tân Mỹ - Kế hoạch thi đua năm 2026',
      '',
      ' II   XÃ HỘI',
      ' 3    Tỷ lệ người dân tham gia bảo hiểm y tế       %               93,2        ≥ 95',
      ' 4    Số vụ cháy nổ                                vụ                 03   Không để xảy ra',
      ' 5    Tỷ lệ hộ nghèo                               %               12,4    giảm 2 - 3',
    ])
    expect(bySource(d, /bảo hiểm y tế/u).map((i) => i.value.target)).toEqual([{ kind: 'rate_at_least', value: 95 }])
    expect(bySource(d, /cháy nổ/u).map((i) => i.value.target?.kind)).toEqual(['yes_no'])
    expect(bySource(d, /hộ nghèo/u).map((i) => i.value.target)).toMatchObject([{ kind: 'reduce_by', amount: 2, max: 3 }])
    // (Neither the header nor the group row is a target, nor glued to a row.)
    expect(d.indicators.some((i) => /Kế hoạch thi đua|XÃ HỘI/u.test(i.value.source ?? ''))).toBe(false)
  })
})

describe('the words of a plan for a mountain or a coastal commune', () => {
  it('counts bee colonies in "đàn", kept standing', () => {
    const d = draft(['- Nuôi ong: phát triển lên 900 đàn ong mật, sản lượng mật 6.500 lít trở lên.'])
    const [bees] = bySource(d, /900 đàn/u)
    expect(bees?.value).toMatchObject({ unitOfMeasure: 'đàn', aggregation: 'stock', target: { kind: 'at_least', value: 900 } })
  })

  it('holds the volume of fish tanks as a level, and timber cut in m3 as what the year adds', () => {
    const d = draft(['- Thể tích bể nuôi cá tầm đạt 4.200 m3.', '- Khai thác gỗ rừng trồng 12.000 m3.'])
    expect(bySource(d, /bể nuôi/u)[0]?.value).toMatchObject({ unitOfMeasure: 'm³', aggregation: 'stock' })
    expect(bySource(d, /gỗ/u)[0]?.value).toMatchObject({ unitOfMeasure: 'm³', aggregation: 'flow' })
  })
})

describe('clauses that are no goals', () => {
  it('leaves out broadcasts counted in sessions a week, attention paid by the Party cells, and tasks done as laid down', () => {
    const d = draft([
      '- Kết nạp ít nhất 10 đảng viên mới; các chi bộ thôn chú trọng phát triển đảng viên là người dân tộc thiểu số.',
      '- Đài truyền thanh xã phát chương trình thời sự địa phương ít nhất 04 buổi/tuần bằng tiếng Kinh và tiếng Tày.',
      '- Thu ngân sách đạt 5.200 triệu đồng trở lên; quản lý, chi ngân sách đúng dự toán, tiết kiệm.',
      '- Hoàn thành 100% chỉ tiêu tuyển quân; tổ chức huấn luyện dân quân tự vệ đúng kế hoạch.',
      '- Giữ vững xã đạt chuẩn an toàn về an ninh, trật tự.',
    ])
    expect(d.indicators.map((i) => i.value.target?.kind).sort()).toEqual(['at_least', 'at_least', 'rate_at_least', 'yes_no'])
    expect(bySource(d, /chi bộ|buổi\/tuần|đúng dự toán|đúng kế hoạch/u)).toEqual([])
  })

  it('leaves out a sentence on how the table of targets is written', () => {
    const d = draft([
      'Đơn vị tính ghi ngay sau mức chỉ tiêu; cột "Ghi chú" nêu kết quả năm 2025 để tham khảo.',
      'Cột "KH 2026" là chỉ tiêu phấn đấu, cột "TH 2025" chỉ để so sánh.',
      '- Tổng đàn lợn 3.000 con.',
    ])
    expect(d.indicators.map((i) => i.value.source)).toEqual(['Tổng đàn lợn 3.000 con'])
  })
})
