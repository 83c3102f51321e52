// Drafting a plan from its document (issue 13): the rules added after held-out sets 32 and 33,
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import type { Indicator } from '../../src/shared/model'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import type { Drafted } from '../../src/shared/planDraft/types'
import { named, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Hòa Bình', '05', '06 tháng 01', 2026)

const planWith = (items: string[], extra = '', bare = false): string => planWithList({ head: HEAD, year: 2026, items, extra, bare })

const read = (d: { indicators: Drafted<Indicator>[] }): [string, Indicator['target']][] => d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])

describe('a table of targets', () => {
  it('takes no target from a column comparing the plan with last year, though it names the plan year', () => {
    const table = `| TT | Chỉ tiêu | ĐVT | Ước thực hiện năm 2025 | Kế hoạch năm 2026 | KH 2026 so với TH 2025 (%) |
|---|---|---|---|---|---|
| 1 | Tổng đàn lợn | Con | 8.100 | 8.400 | 103,7 |
| 2 | Tốc độ tăng giá trị sản xuất | % | 6,9 | 7 - 7,5 | - |
| 3 | Số thôn đạt chuẩn văn hóa | Thôn | 9/14 | 11/14 | - |`
    const d = draftPlan(planWith([], table))
    expect(read(d)).toEqual([
      ['con', { kind: 'at_least', value: 8400 }],
      [expect.any(String), { kind: 'growth', percent: 7, maxPercent: 7.5, baseYear: 2025 }],
      ['thôn', { kind: 'at_least', value: 11 }],
    ])
  })
})

describe('a movement written as running prose in the list of targets', () => {
  it('keeps the figures and the results, not the efforts around them', () => {
    const d = draftPlan(
      planWith(
        [
          '1. Thi đua phát triển chăn nuôi',
          'Khuyến nông viên hướng dẫn các hộ cải tạo chuồng trại, ủ thức ăn thô xanh cho mùa khô. Tổng đàn dê đạt 2.600 con trở lên; tiêm phòng đầy đủ cho đàn gia súc, không để dịch tả lợn châu Phi lây lan trên địa bàn.',
          'Lồng ghép các chương trình hỗ trợ sinh kế cho hộ nghèo; lực lượng thú y hoàn thành tiêm phòng vụ xuân trước tháng 4. Thôn Nà Mạ là điểm sáng về chăn nuôi của xã.',
        ],
        '',
        true,
      ),
    )
    const names = d.indicators.map((i) => i.value.name)
    expect(named(d, /dê/u)?.value.target).toEqual({ kind: 'at_least', value: 2600 })
    expect(names.some((n) => /dịch tả lợn/u.test(n))).toBe(true)
    expect(names.some((n) => /lực lượng thú y hoàn thành/iu.test(n))).toBe(true)
    expect(names.some((n) => /khuyến nông|lồng ghép|điểm sáng/iu.test(n))).toBe(false)
  })

  it('names what the villages keep by the thing kept, not by who keeps it', () => {
    const d = draftPlan(planWith(['Các thôn chăm sóc, khoanh nuôi, duy trì 640 ha quế dưới tán rừng tự nhiên.']))
    expect(d.indicators[0]!.value.name).toMatch(/^Chăm sóc, khoanh nuôi quế dưới tán rừng/u)
  })

  it('reads no target from the length of the stretch where a state holds', () => {
    const d = draftPlan(planWith(['Giữ vững an ninh biên giới, không để xảy ra vượt biên trái phép trên đoạn biên giới dài 9,4 km do xã quản lý.']))
    expect(d.indicators.map((i) => i.value.target?.kind)).toEqual(['yes_no'])
  })
})

describe('a total and its sectors', () => {
  it('makes an amount in money the sum of the sectors whose growths follow it', () => {
    const d = draftPlan(planWith(['Giá trị sản xuất trên địa bàn đạt 1.240 tỷ đồng, tăng 9% so với năm 2025. Trong đó: nông nghiệp tăng 3%; công nghiệp - xây dựng tăng 12%; dịch vụ tăng 10%.']))
    const total = d.indicators[0]!.value
    expect(total.target).toEqual({ kind: 'derived', value: 1240 })
    expect(total.children).toHaveLength(3)
    const parts = d.indicators.filter((i) => total.children?.includes(i.value.code))
    expect(parts.map((p) => [p.value.unitOfMeasure, p.value.target])).toEqual([
      ['tỷ đồng', { kind: 'growth', percent: 3, baseYear: 2025 }],
      ['tỷ đồng', { kind: 'growth', percent: 12, baseYear: 2025 }],
      ['tỷ đồng', { kind: 'growth', percent: 10, baseYear: 2025 }],
    ])
    // The total's own "tăng 9%" restates its amount.
    expect(d.indicators).toHaveLength(4)
  })

  it('counts craft villages as craft villages', () => {
    const d = draftPlan(planWith(['Có thêm 02 làng nghề truyền thống được công nhận.']))
    expect(read(d)).toEqual([['làng nghề', { kind: 'at_least', value: 2 }]])
  })
})

describe('parts in brackets', () => {
  it('reads the kinds of a planting in brackets as its parts, the planting their sum', () => {
    const d = draftPlan(planWith(['Trồng rừng sản xuất 150 ha (trồng mới 30 ha, trồng lại sau khai thác 120 ha).']))
    expect(d.indicators[0]!.value.target).toEqual({ kind: 'derived', value: 150 })
    expect(d.indicators[0]!.value.source).toBe('Trồng rừng sản xuất 150 ha')
    expect(d.indicators.slice(1).map((i) => [i.value.name, i.value.target])).toEqual([
      ['Trồng mới', { kind: 'at_least', value: 30 }],
      ['Trồng lại sau khai thác', { kind: 'at_least', value: 120 }],
    ])
  })

  it('reads a "trong đó" in brackets after an area as its part, and the crop\'s yield over the whole', () => {
    const d = draftPlan(planWith(['Cây cam: duy trì diện tích 420 ha (trong đó cam hữu cơ 80 ha); năng suất bình quân 180 tạ/ha, sản lượng 7.560 tấn.']))
    const area = named(d, /^Diện tích cam$/u)!
    const part = named(d, /cam hữu cơ/u)!
    expect(area.value.target).toEqual({ kind: 'at_least', value: 420 })
    expect(part.value.partOf).toBe(area.value.code)
    expect(part.value.source).toBe('trong đó cam hữu cơ 80 ha')
    expect(named(d, /^Năng suất cam$/u)?.value.target?.kind).toBe('derived')
  })
})

describe('a crop singled out in prose', () => {
  it('reads "Riêng cây …, diện tích …, năng suất …" as that crop\'s measures, its yield derived', () => {
    const d = draftPlan(planWith(['Sản lượng trái cây đạt 21.000 tấn. Riêng cây bưởi, diện tích cho trái 430 ha, năng suất bình quân 18 tấn/ha, sản lượng 7.740 tấn.']))
    expect(named(d, /^Năng suất bưởi$/u)?.value.target).toEqual({ kind: 'derived', value: 18 })
    expect(named(d, /^Diện tích bưởi$/u)?.value.target).toEqual({ kind: 'at_least', value: 430 })
  })

  it('names a cut after the movement it serves by what is cut', () => {
    const d = draftPlan(planWith(['Hưởng ứng phong trào “Vì người nghèo”, trong năm giảm ít nhất 9 hộ nghèo.']))
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([[expect.not.stringMatching(/phong trào|trong năm/iu), { kind: 'reduce_by', amount: 9 }]])
  })
})

describe('a running footer of a PDF', () => {
  it('drops a footer with its page number set apart, and the same words heading the next page', () => {
    const raw = [
      '- Tỷ lệ che phủ rừng đạt 48%.',
      'UBND xã Hòa Bình - Kế hoạch thi đua năm 2026                                  1',
      'UBND xã Hòa Bình - Kế hoạch thi đua năm 2026',
      '- Tổng đàn bò đạt 3.100 con.',
      'UBND xã Hòa Bình - Kế hoạch thi đua năm 2026                                  2',
      'UBND xã Hòa Bình - Kế hoạch thi đua năm 2026',
      '- Kết nạp 12 đảng viên mới.',
    ].join('\n')
    expect(normalizeText(raw)).toBe('- Tỷ lệ che phủ rừng đạt 48%.\n- Tổng đàn bò đạt 3.100 con.\n- Kết nạp 12 đảng viên mới.')
  })
})

describe('goals that are not targets of the year', () => {
  it('counts every ward group keeping a street as one yes/no', () => {
    const d = draftPlan(planWith(['100% tổ dân phố xây dựng và duy trì ít nhất 01 tuyến đường hoa.']))
    expect(d.indicators.map((i) => i.value.target?.kind)).toEqual(['yes_no'])
  })

  it('drafts no goal from a routine done every month or a count of trainings each year', () => {
    const d = draftPlan(planWith(['Tỷ lệ hộ gia đình văn hóa đạt 92%; duy trì tổng vệ sinh vào sáng thứ Bảy cuối cùng của mỗi tháng.'], '2. Các phong trào\nPhong trào “Dân vận khéo”: mỗi năm tổ chức 03 lớp bồi dưỡng cho cán bộ thôn.'))
    expect(read(d)).toEqual([['%', { kind: 'rate_at_least', value: 92 }]])
  })

  it('drafts no goal from a duty each office registers', () => {
    const d = draftPlan(planWith(['Cán bộ thực hiện nghiêm quy chế văn hóa công sở; mỗi bộ phận đăng ký ít nhất 01 mô hình cải cách hành chính.']))
    expect(d.indicators.filter((i) => /đăng ký/u.test(i.value.source ?? ''))).toEqual([])
  })

  it('drafts no goal from a line that restates a target of the list above, nor from carrying a movement on', () => {
    const d = draftPlan(planWith(['Thu ngân sách trên địa bàn đạt 12,5 tỷ đồng.', 'Hoàn thành dự toán thu ngân sách theo chỉ tiêu tại mục 1; không để nợ đọng thuế kéo dài.', 'Tiếp tục phong trào “Chung sức xây dựng nông thôn mới”.']))
    expect(d.indicators.map((i) => i.value.source)).toEqual(['Thu ngân sách trên địa bàn đạt 12,5 tỷ đồng', 'không để nợ đọng thuế kéo dài'])
  })

  it('drafts no goal from a way to go ("theo hướng …")', () => {
    const d = draftPlan(planWith(['Tổng đàn trâu đạt 1.900 con; phát triển chăn nuôi theo hướng tập trung, an toàn dịch bệnh.']))
    expect(d.indicators).toHaveLength(1)
  })

  it('takes the villages keeping a title before a figure as a goal of its own', () => {
    const d = draftPlan(planWith(['Duy trì 8/8 thôn đạt danh hiệu “Thôn văn hóa”, tỷ lệ gia đình văn hóa đạt 91%.']))
    expect(d.indicators.map((i) => [i.value.source, i.value.target?.kind])).toEqual([
      ['tỷ lệ gia đình văn hóa đạt 91%', 'rate_at_least'],
      ['Duy trì 8/8 thôn đạt danh hiệu “Thôn văn hóa”', 'yes_no'],
    ])
  })

  it('drafts no goal from the applicant not having to come back, after the files done on time', () => {
    const d = draftPlan(`${HEAD}
II. NỘI DUNG THI ĐUA
1. Thi đua cải cách hành chính
Thực hiện tốt cải cách hành chính. 100% hồ sơ được giải quyết đúng hạn, không để người dân phải đi lại nhiều lần.
`)
    expect(d.indicators.filter((i) => i.value.target?.kind === 'yes_no' && /đi lại/u.test(i.value.source ?? ''))).toEqual([])
    expect(d.indicators.some((i) => i.value.target?.kind === 'rate_at_least')).toBe(true)
  })
})
