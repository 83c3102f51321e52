// Drafting a plan from its document (issue 13), sets 262 to 266: a standing kept, then more to reach
// after "phấn đấu", "ít nhất" before its figure ("Giữ vững danh hiệu xã đạt chuẩn nông thôn mới, phấn đấu đạt
// thêm ít nhất 02 tiêu chí …") are two items; a list written "Label: last year's level → this year's"
// reads the figure after the arrow, the one before it the start of a cut; a "Trong đó" item right
// under a statement is a part of its figure in the same unit; a registration table's column "Đăng ký
// năm 2024" holds its targets, its title in capitals may go on with "CỦA …", and the titles a unit
// registers for are no targets; a template's example ("Ví dụ cách ghi: “…”") sets nothing; the change
// after a count of all the units ("4/4 trường … (tăng 01 trường …)") is none of its own; a structure
// ("cơ cấu kinh tế: …") inside a paragraph is one shares target, scored whatever money its parts are
// counted in; "căn hộ" counts apartments; "KH huyện giao | Xã đăng ký": the commune's own column; a
// part "Các đợt thi đua và chỉ tiêu" holds the targets its last phase announces, not the milestones of
// the phases before; a sector's growth named alone after a growth in money is in money; a field's
// label "Về sản xuất nông, lâm nghiệp," before a crop's figures is no part of their names; "công đoàn
// cơ sở" counts trade unions. Hand-written sentences.
import { describe, expect, it } from 'vitest'
import type { Indicator } from '../../src/shared/model'
import { scoreDraft } from '../../src/shared/planDraft/score'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { draftList, listDrafter, planHead } from './planDraftText'

const draft = listDrafter(planHead('Đông Phong', '09', '10 tháng 01', 2026))

describe('a standing kept, then more to reach', () => {
  it('reads "Giữ vững danh hiệu …, phấn đấu đạt thêm ít nhất 02 tiêu chí …" as a yes/no and a count of criteria', () => {
    const d = draft(['- Giữ vững danh hiệu xã đạt chuẩn nông thôn mới, phấn đấu đạt thêm ít nhất 02 tiêu chí xã nông thôn mới nâng cao; cứng hóa 3,5 km đường giao thông nông thôn.'])
    expect(d.indicators.map((i) => [i.value.name, i.value.unitOfMeasure, i.value.target])).toEqual([
      ['Số tiêu chí xã nông thôn mới nâng cao', 'tiêu chí', { kind: 'at_least', value: 2 }],
      ['Cứng hóa đường giao thông nông thôn', 'km', { kind: 'at_least', value: 3.5 }],
      ['Giữ vững danh hiệu xã đạt chuẩn nông thôn mới', 'đạt/không đạt', { kind: 'yes_no' }],
    ])
  })
  it('keeps "Thu ngân sách đạt 3,6 tỷ đồng trở lên, phấn đấu thu vượt dự toán …" one item', () => {
    const d = draft(['- Thu ngân sách nhà nước trên địa bàn đạt 3,6 tỷ đồng trở lên, phấn đấu thu vượt dự toán huyện giao.'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 3.6 }])
  })
})

describe('a list of last year\'s level, an arrow, then this year\'s', () => {
  const d = draft([
    '- Diện tích cà phê hiện có: 6.240 ha → 6.300 ha',
    '- Năng suất cà phê nhân bình quân: 3,1 tấn/ha → 3,2 tấn/ha',
    '- Tỷ lệ hộ nghèo: 5,42% → giảm 1,5 - 2%',
    '- Tỷ lệ hộ cận nghèo: 6,1% → dưới 5,5%',
    '- Số trường đạt chuẩn quốc gia: 9/12 trường → 10/12 trường',
    '- Số vụ tai nạn giao thông: 6 vụ → giảm ít nhất 15%',
    '- Số vụ phạm pháp hình sự: 14 vụ → không quá 12 vụ',
  ])
  it('reads the figure after the arrow as the target, named by the label', () => {
    expect(d.indicators.map((i) => [i.value.name, i.value.target?.kind === 'reduce_by' ? { ...i.value.target, baseline: undefined } : i.value.target])).toEqual([
      ['Diện tích cà phê', { kind: 'at_least', value: 6300 }],
      ['Năng suất cà phê', { kind: 'rate_at_least', value: 3.2 }],
      ['Tỷ lệ hộ nghèo', { kind: 'reduce_by', amount: 1.5, max: 2, baseline: undefined }],
      ['Tỷ lệ hộ cận nghèo', { kind: 'at_most', value: 5.5, strict: true }],
      ['Số trường đạt chuẩn quốc gia', { kind: 'at_least', value: 10 }],
      ['Số vụ tai nạn giao thông', { kind: 'at_most', value: 5.1, strict: false }],
      ['Số vụ phạm pháp hình sự', { kind: 'at_most', value: 12, strict: false }],
    ])
  })
  it('takes the level before the arrow as the start of a cut', () => {
    const poor = d.indicators.find((i) => i.value.name === 'Tỷ lệ hộ nghèo')!
    expect(poor.value.target).toMatchObject({ kind: 'reduce_by', baseline: 5.42 })
  })
  it('leaves "TNGT giảm 5 → 3 vụ", an arrow after a verb, at most 3', () => {
    expect(draft(['- TNGT giảm 5 → 3 vụ.']).indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_most', value: 3, strict: false }])
  })
})

describe('a "Trong đó" item right under a statement', () => {
  it('is a part of the statement\'s figure in the same unit', () => {
    const d = draft(['- Diện tích tiêu 1.400 ha trở lên', '  + Trong đó tiêu hữu cơ 300 ha', '- Giải quyết việc làm cho 550 lao động, tỷ lệ lao động qua đào tạo đạt 72%', '  + Trong đó xuất khẩu lao động 30 người'])
    const code = (name: RegExp): string | undefined => d.indicators.find((i) => name.test(i.value.name))?.value.code
    expect(d.indicators.map((i) => [i.value.name, i.value.partOf])).toEqual([
      ['Diện tích tiêu', undefined],
      ['Tiêu hữu cơ', code(/^Diện tích tiêu$/u)],
      ['Giải quyết việc làm', undefined],
      ['Tỷ lệ lao động qua đào tạo', undefined],
      ['Xuất khẩu lao động', code(/^Giải quyết việc làm$/u)],
    ])
  })
  it('is so however many "Trong đó" items follow in a row', () => {
    const d = draft(['- Giải quyết việc làm cho 550 lao động', '  + Trong đó xuất khẩu lao động 30 người', '  + Trong đó vào làm việc tại khu công nghiệp 300 lao động'])
    const whole = d.indicators.find((i) => /^Giải quyết việc làm$/u.test(i.value.name))?.value.code
    expect(d.indicators.map((i) => i.value.partOf)).toEqual([undefined, whole, whole])
  })
  it('is no part of a statement two lines above', () => {
    const d = draft(['- Diện tích tiêu 1.400 ha trở lên', '- Trồng rừng tập trung 180 ha', '- Tổng đàn bò 6.800 con', '  + Trong đó tiêu hữu cơ 300 ha'])
    expect(d.indicators.find((i) => /hữu cơ/u.test(i.value.name))?.value.partOf).toBeUndefined()
  })
})

describe('a registration table of the commune\'s own targets', () => {
  const d = draftList({
    head: planHead('Hồng Phúc', '05', '08 tháng 01', 2024),
    year: 2024,
    bare: true,
    items: [
      'BẢNG ĐĂNG KÝ CHỈ TIÊU THI ĐUA NĂM 2024',
      'CỦA ỦY BAN NHÂN DÂN XÃ HỒNG PHÚC',
      '',
      'STT\tNội dung chỉ tiêu\tĐVT\tThực hiện năm 2023\tĐăng ký năm 2024\tBộ phận chủ trì theo dõi',
      '1\tThu nhập bình quân đầu người\ttriệu đồng/người/năm\t68,5\t74\tVăn phòng - Thống kê',
      '2\tXã đạt chuẩn nông thôn mới kiểu mẫu\t\tChưa đạt\tĐạt\tVăn phòng - Thống kê',
      '3\tSố thôn đạt chuẩn khu dân cư nông thôn mới kiểu mẫu\tthôn\t6/10\t8/10\tVăn phòng - Thống kê',
      '4\tSố hộ nghèo\thộ\t41\tgiảm ít nhất 10 hộ\tVăn hóa - Xã hội',
      '',
    ],
    extra: '4. Đăng ký danh hiệu thi đua và hình thức khen thưởng\n- Tập thể Ủy ban nhân dân xã đăng ký danh hiệu "Tập thể lao động xuất sắc".\n- 100% cán bộ, công chức xã đăng ký danh hiệu "Lao động tiên tiến", trong đó không quá 15% đăng ký danh hiệu "Chiến sĩ thi đua cơ sở".',
  })
  it('reads the column "Đăng ký năm 2024", not last year\'s nor the office\'s', () => {
    expect(d.indicators.map((i) => i.value.target?.kind === 'reduce_by' ? { kind: 'reduce_by', amount: i.value.target.amount } : i.value.target)).toEqual([
      { kind: 'rate_at_least', value: 74 },
      { kind: 'yes_no' },
      { kind: 'at_least', value: 8 },
      { kind: 'reduce_by', amount: 10 },
    ])
  })
  it('reads the title\'s "CỦA …" line and the titles registered for as no targets', () => {
    expect(d.indicators.some((i) => /ỦY BAN|danh hiệu|cán bộ/iu.test(i.value.name))).toBe(false)
  })
})

describe('an example in a template\'s guidance; the change after a count of all the units', () => {
  it('reads no target in "Ví dụ cách ghi: “Tỷ lệ hộ nghèo giảm 0,3 - 0,5% …”"', () => {
    const d = draft(['[HD: Điền số liệu vào các trường. Ví dụ cách ghi: "Tỷ lệ hộ nghèo giảm 0,3 - 0,5% so với cuối năm 2025".]', '- Tỷ lệ hộ nghèo giảm 0,6% so với cuối năm 2025.'])
    expect(d.indicators.map((i) => i.value.target?.kind === 'reduce_by' ? i.value.target.amount : undefined)).toEqual([0.6])
  })
  it('reads "có 4/4 trường đạt chuẩn quốc gia (tăng 01 trường so với năm 2025)" as a yes/no of every school', () => {
    const d = draft(['- Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%; đến cuối năm có 4/4 trường đạt chuẩn quốc gia (tăng 01 trường so với năm 2025); tỷ lệ hộ gia đình văn hóa đạt 92%.'])
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['%', { kind: 'rate_at_least', value: 95 }],
      ['%', { kind: 'rate_at_least', value: 92 }],
      ['đạt/không đạt', { kind: 'yes_no' }],
    ])
  })
})

describe('a structure inside a paragraph; apartments', () => {
  it('reads "…; cơ cấu kinh tế: công nghiệp - xây dựng 74,5%, …, nông nghiệp 1,7%. Thu ngân sách …" as one shares target between the others', () => {
    const d = draft(['a) Về kinh tế: Tổng giá trị sản xuất tăng 10,5% so với năm 2025; cơ cấu kinh tế: công nghiệp - xây dựng 74,5%, thương mại - dịch vụ 23,8%, nông nghiệp 1,7%. Thu ngân sách nhà nước trên địa bàn đạt 335 tỷ đồng.'])
    expect(d.indicators.filter((i) => i.value.target).map((i) => i.value.target!.kind === 'shares' ? i.value.target!.parts.map((p) => p.percent) : i.value.target!.kind)).toEqual(['growth', [74.5, 23.8, 1.7], 'at_least'])
  })
  it('scores a shares target whatever money its parts are counted in, as a growth', () => {
    const one = (unitOfMeasure: string): Indicator => ({ code: 'CCKT', name: 'Cơ cấu kinh tế', field: 'I', unitOfMeasure, aggregation: 'flow', proportion: true, target: { kind: 'shares', parts: [{ indicator: 'A', percent: 60 }, { indicator: 'B', percent: 40 }], tolerance: 1 }, reporters: { kinds: ['bo_phan'], units: [] }, source: 'Cơ cấu kinh tế: nông nghiệp 60%, dịch vụ 40%' })
    expect(scoreDraft({ indicators: [one('triệu đồng')] }, { indicators: [one('tỷ đồng')] }, 0).matched).toBe(1)
    expect(scoreDraft({ indicators: [one('triệu đồng')] }, { indicators: [one('ha')] }, 0).matched).toBe(0)
  })
  it('counts "320 căn hộ nhà ở xã hội" in căn hộ', () => {
    expect(draft(['- Hoàn thành, bàn giao 320 căn hộ nhà ở xã hội cho công nhân.']).indicators.map((i) => i.value.unitOfMeasure)).toEqual(['căn hộ'])
  })
})

describe('the commune\'s registered column beside the assigned one', () => {
  it('reads "Xã đăng ký", the assigned figure standing in where it is empty', () => {
    const d = draft(['| TT | Chỉ tiêu | ĐVT | KH huyện giao | Xã đăng ký |', '|---|---|---|---|---|', '| 1 | Giá trị sản xuất hoa, cây cảnh | tỷ đồng | 165 | 172 |', '| 2 | Diện tích gieo cấy lúa cả năm | ha | 260 | |'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 172 }, { kind: 'at_least', value: 260 }])
  })
})

describe('a part of the phases and the targets', () => {
  const plan = `${planHead('Ngọc Lam', '04', '10 tháng 01', 2027)}
I. MỤC ĐÍCH, YÊU CẦU
Động viên cán bộ và Nhân dân thi đua.
III. CÁC ĐỢT THI ĐUA VÀ CHỈ TIÊU
Năm 2027 tổ chức 03 đợt thi đua.
1. Đợt 1: Từ ngày 15/01/2027 đến ngày 30/4/2027
Mốc phấn đấu đến hết Đợt 1:
- Giải quyết việc làm cho 300 lao động;
2. Đợt 3 (đợt về đích): Từ ngày 01/9/2027 đến ngày 15/12/2027
Thi đua về đích. Đến hết năm 2027, phấn đấu đạt các chỉ tiêu cả năm sau:
a) Về kinh tế:
- Thu ngân sách nhà nước trên địa bàn đạt 86,5 tỷ đồng trở lên.
- Giải quyết việc làm cho 1.100 lao động.
IV. KHEN THƯỞNG
1. Tặng Giấy khen cho 05 tập thể.
`
  it('reads the year\'s targets the last phase announces, not the milestones nor the count of rounds', () => {
    expect(draftPlan(plan).indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 86.5 }, { kind: 'at_least', value: 1100 }])
  })
})

describe('a sector named alone; a field\'s label before a comma; trade unions', () => {
  it('counts "…, thương mại - dịch vụ tăng 14%" after a growth in money in that money', () => {
    const d = draft(['- Giá trị sản xuất công nghiệp - xây dựng tăng 10,5%, thương mại - dịch vụ tăng 14% so với năm 2025.'])
    expect(d.indicators.map((i) => [i.value.target?.kind, /đồng$/u.test(i.value.unitOfMeasure)])).toEqual([['growth', true], ['growth', true]])
  })
  it('names a crop\'s figures after "Về sản xuất nông, lâm nghiệp, gieo cấy …" by the crop, its yield derived', () => {
    const d = draft(['- Về sản xuất nông, lâm nghiệp, gieo cấy 300 ha lúa nước, năng suất bình quân 50 tạ/ha, sản lượng 1.500 tấn.'])
    expect(d.indicators.map((i) => [i.value.name, i.value.target?.kind])).toEqual([
      ['Diện tích lúa nước', 'at_least'],
      ['Năng suất lúa nước', 'derived'],
      ['Sản lượng lúa nước', 'at_least'],
    ])
  })
  it('counts "Thành lập mới ít nhất 12 công đoàn cơ sở" in công đoàn cơ sở', () => {
    expect(draft(['- Thành lập mới ít nhất 12 công đoàn cơ sở, kết nạp 3.000 đoàn viên.']).indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['công đoàn cơ sở', { kind: 'at_least', value: 12 }],
      ['đoàn viên', { kind: 'at_least', value: 3000 }],
    ])
  })
})
