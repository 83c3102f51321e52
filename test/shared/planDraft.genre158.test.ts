// Drafting a plan from its document (issue 13), sets 157 to 160: a cut after a field named before a
// comma ("Về văn hóa - xã hội, giảm … từ 1,5% trở lên") or after a numbered target's label ("Chỉ tiêu 8
// - Giảm nghèo: giảm … 3 - 4%") is a cut, named by what it cuts; a sentence saying how the list's
// targets are written or who is given them is no goal. Hand-written sentences.
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { withoutClosingMarks } from '../../src/shared/planDraft/lexicon'
import { draftList, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Nậm Chà', '21', '12 tháng 01', 2027)
const draft = listDrafter(HEAD)

describe('a cut after a label', () => {
  it('reads "giảm … từ X% trở lên" after a field named before a comma as a cut in points', () => {
    const d = draft(['- Về xã hội, giảm tỷ lệ hộ nghèo từ 2% trở lên so với cuối năm 2026; tỷ lệ trẻ em suy dinh dưỡng dưới 14%.'])
    const cut = d.indicators.find((i) => /hộ nghèo/u.test(i.value.source ?? ''))?.value
    expect(cut?.name).toBe('Tỷ lệ hộ nghèo')
    expect(cut?.target).toMatchObject({ kind: 'reduce_by', amount: 2 })
  })

  it('reads a range cut after a numbered target\'s label as a cut, not a range of the rate', () => {
    const d = draft(['Chỉ tiêu 5 - Giảm nghèo bền vững: giảm tỷ lệ hộ nghèo 2,5 - 3% so với cuối năm 2026.'])
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([['Tỷ lệ hộ nghèo', expect.objectContaining({ kind: 'reduce_by', amount: 2.5, max: 3 })]])
  })

  it('names a cut after a topic\'s label by what it cuts', () => {
    const d = draft(['- Giảm nghèo: giảm tỷ lệ hộ cận nghèo 1 - 1,5% so với cuối năm 2026.'])
    expect(d.indicators.map((i) => [i.value.name, i.value.target?.kind])).toEqual([['Tỷ lệ hộ cận nghèo', 'reduce_by']])
  })

  it('keeps a measure\'s own label before its cut', () => {
    const d = draft(['- Tỷ lệ hộ nghèo đa chiều: giảm 1,2% so với cuối năm 2026.'])
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([['Tỷ lệ hộ nghèo đa chiều', expect.objectContaining({ kind: 'reduce_by', amount: 1.2 })]])
  })
})

describe('a sentence about the list of targets', () => {
  it('drafts no goal from how the targets are written or who is given them', () => {
    const d = draft(['Các chỉ tiêu sau được giao cho từng thôn theo dõi; mỗi chỉ tiêu ghi rõ đơn vị chủ trì.', '- Tỷ lệ hộ gia đình đạt danh hiệu Gia đình văn hóa từ 90% trở lên.'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'rate_at_least', value: 90 }])
  })

  it('still drafts a goal whose subject is the targets reached', () => {
    const d = draft(['- Hoàn thành 100% các chỉ tiêu kinh tế - xã hội năm 2027 được giao.'])
    expect(d.indicators.length).toBe(1)
  })
})

describe('movements named by their ordinal, and the year\'s theme', () => {
  it('reads "Phong trào thứ hai: "…"" as a movement, not a goal', () => {
    const d = draft([
      'Phong trào thứ nhất: "Chung sức làm giao thông nông thôn, kiên cố hóa kênh mương"',
      'Chỉ tiêu: cứng hóa 6 km đường giao thông nông thôn; kiên cố hóa 2,5 km kênh mương nội đồng.',
      'Phong trào thứ hai: "Toàn dân giữ gìn an ninh, trật tự ở khu dân cư"',
      'Chỉ tiêu: 100% thôn đạt tiêu chuẩn an toàn về an ninh, trật tự.',
    ])
    expect(d.movements.map((m) => m.value)).toEqual(['Chung sức làm giao thông nông thôn, kiên cố hóa kênh mương', 'Toàn dân giữ gìn an ninh, trật tự ở khu dân cư'])
    expect(d.indicators.some((i) => /Phong trào/u.test(i.value.source ?? ''))).toBe(false)
    expect(d.indicators.length).toBe(3)
  })

  it('ends a movement\'s name at a quote a PDF\'s text gives as an opening one, and takes no theme for a movement', () => {
    const d = draftList({
      head: HEAD,
      year: 2027,
      bare: true,
      intro: 'CHỦ ĐỀ THI ĐUA\n"Đoàn kết, kỷ cương, về đích sớm các chỉ tiêu năm 2027"\nTiếp tục thực hiện phong trào “Cả nước chung sức xây dựng nông thôn mới“; phong trào “Vì người nghèo“.',
      items: ['- Thu ngân sách trên địa bàn đạt 12 tỷ đồng trở lên.'],
    })
    expect(d.movements.map((m) => m.value)).toEqual(['Cả nước chung sức xây dựng nông thôn mới', 'Vì người nghèo'])
  })
})

describe('amounts given, and a line introducing a table', () => {
  it('reads no target from a second amount listed after a level of support', () => {
    const d = draft(['- Vận động sửa chữa nhà cho hộ nghèo; mức hỗ trợ 50 triệu đồng/nhà xây mới, 20 triệu đồng/nhà sửa chữa.', '- Xây mới, sửa chữa ít nhất 12 nhà Đại đoàn kết.'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 12 }])
  })

  it('drafts no goal from a prose line ending on a colon before its table', () => {
    const d = draftList({
      head: HEAD,
      year: 2027,
      bare: true,
      items: ['1. Thi đua hoàn thành các chỉ tiêu chủ yếu năm 2027 theo Nghị quyết của Hội đồng nhân dân xã (biểu kèm theo):', '', 'STT\tChỉ tiêu\tĐơn vị tính\tKế hoạch năm 2027', '1\tThu ngân sách trên địa bàn\ttỷ đồng\t14,5'],
    })
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 14.5 }])
  })
})

describe('sets 165 to 168: standing crops, support given per unit, a quota per branch', () => {
  it('rolls up banana, yellow apricot and plum areas as standing, an area grown for export too', () => {
    const d = draft(['- Cây chuối: diện tích chuối xuất khẩu ≥ 650 ha.', '- Mai vàng: 120 ha.', '- Dâu Hạ Châu: 240 ha.', '- Trồng mới 35 ha chuối cấy mô.'])
    const agg = (v: number) => d.indicators.find((i) => i.value.target?.kind === 'at_least' && i.value.target.value === v)?.value.aggregation
    expect([agg(650), agg(120), agg(240), agg(35)]).toEqual(['stock', 'stock', 'stock', 'flow'])
  })

  it('reads no target from money given for each unit or at a level', () => {
    const d = draft([
      '- Hỗ trợ sửa chữa 08 căn nhà cho hộ nghèo, mỗi căn 35 triệu đồng.',
      '- Các hộ chỉnh trang ít nhất 15 vườn mẫu, hỗ trợ mỗi vườn 4.000.000 đồng.',
      '- Hỗ trợ xóa nhà tạm với mức 55 triệu đồng/nhà xây mới.',
      '- Thu ngân sách nhà nước trên địa bàn đạt 16 tỷ đồng.',
    ])
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['căn', { kind: 'at_least', value: 8 }],
      ['vườn', { kind: 'at_least', value: 15 }],
      ['tỷ đồng', { kind: 'at_least', value: 16 }],
    ])
  })

  it('reads no target from each branch\'s quota after "phấn đấu"', () => {
    const d = draft(['- Có 300 hộ đạt danh hiệu sản xuất, kinh doanh giỏi các cấp; phấn đấu mỗi chi hội có ít nhất 04 hộ đăng ký danh hiệu.'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 300 }])
  })
})

describe('a Word file\'s tracked changes and comments as pandoc writes them', () => {
  it('reads the text as changed: deletions and comments out, insertions in, attributes wrapped over lines', () => {
    const d = draft([
      '- Thu ngân sách trên địa bàn đạt [7,5]{.deletion author="Lò Văn An" date="2027-01-06T08:25:00Z"}[8,1]{.insertion author="Lò Văn An"',
      'date="2027-01-06T08:25:00Z"} tỷ đồng.',
      '- [Kiên cố hóa 3 km kênh mương nội đồng.]{.deletion author="Lò Văn An" date="2027-01-06T08:22:00Z"}',
      '- [Đề nghị nâng lên 5.000 tấn.]{.comment-start id="1" author="Hà Thị Bình" date="2027-01-05T14:35:00Z"}Sản lượng chè búp tươi đạt 4.600 tấn[[]{.comment-end id="2"}]{.comment-end id="1"}.',
      '- Trồng rừng tập trung 90 ha[; trồng cây phân tán 15.000 cây]{.insertion author="Lò Văn An" date="2027-01-06T08:20:00Z"}.',
    ])
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['tỷ đồng', { kind: 'at_least', value: 8.1 }],
      ['tấn', { kind: 'at_least', value: 4600 }],
      ['ha', { kind: 'at_least', value: 90 }],
      ['cây', { kind: 'at_least', value: 15000 }],
    ])
    expect(d.text).not.toMatch(/\{\.(?:deletion|insertion|comment)/u)
  })
})

describe('a plan in paragraphs with no headings, one opening on its field with what stands', () => {
  it('reads the paragraph for its targets, not as a description of the commune', () => {
    const text = `ỦY BAN NHÂN DÂN PHƯỜNG AN LẠC ĐÔNG
Số: 12/KH-UBND
An Lạc Đông, ngày 08 tháng 01 năm 2027

KẾ HOẠCH
Phát động phong trào thi đua năm 2027

Phường An Lạc Đông được thành lập trên cơ sở sắp xếp ba xã cũ, có 21 khu phố, diện tích cao su hiện có 1.480 ha.

Về phát triển kinh tế, phường phấn đấu thu ngân sách nhà nước đạt 42 tỷ đồng trở lên; diện tích cao su hiện có duy trì 1.450 ha, sản lượng mủ khô đạt 2.100 tấn.
`
    const d = draftPlan(text)
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['tỷ đồng', { kind: 'at_least', value: 42 }],
      ['ha', { kind: 'at_least', value: 1450 }],
      ['tấn', { kind: 'at_least', value: 2100 }],
    ])
  })
})

describe('fields as run-in labels after a review written as one', () => {
  const plan = (review: string) => `UBND XÃ PHÌN HỒ
Số: 04/KH-UBND
Phìn Hồ, ngày 06 tháng 01 năm 2027

KẾ HOẠCH
Phát động phong trào thi đua năm 2027

**Tình hình năm 2026:** ${review}

**Về kinh tế:** Phấn đấu sản lượng chè búp tươi đạt 6.400 tấn; thu ngân sách đạt 2,8 tỷ đồng.

**Về văn hóa - xã hội:** Giảm tỷ lệ hộ nghèo 4 - 5% so với cuối năm 2026.

**Thời gian thi đua:** Đợt 1 từ ngày 06/01/2027 đến ngày 30/6/2027.
`
  it('reads the year\'s fields after the review, not as part of it', () => {
    const d = draftPlan(plan('Năm 2026 sản lượng chè búp tươi đạt 6.050 tấn; thu ngân sách đạt 2,5 tỷ đồng.'))
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target?.kind])).toEqual([
      ['tấn', 'at_least'],
      ['tỷ đồng', 'at_least'],
      ['%', 'reduce_by'],
    ])
    expect(d.indicators.map((i) => (i.value.target?.kind === 'at_least' ? i.value.target.value : undefined))).toEqual([6400, 2.8, undefined])
  })
})

describe('a clause\'s closing marks', () => {
  it('cuts the stops, commas and spaces that close a clause, and only those', () => {
    expect(withoutClosingMarks('giữ vững an ninh, trật tự .;, ')).toBe('giữ vững an ninh, trật tự')
    expect(withoutClosingMarks('… không để xảy ra cháy rừng…', /[\s,.…]/u)).toBe('… không để xảy ra cháy rừng')
    expect(withoutClosingMarks(' ,;. ')).toBe('')
  })

  it('reads a goal whose words a long run of commas parts', () => {
    const d = draft([`- Về an ninh: giữ vững an ninh trật tự${', '.repeat(20_000)}không để xảy ra cháy rừng.`])
    expect(d.indicators.some((i) => /cháy rừng/u.test(i.value.source ?? ''))).toBe(true)
  })
})
