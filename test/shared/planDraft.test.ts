// Drafting a plan from its document (issue 13): hand-written sentences in the language of commune
// plans (none taken from the seeds), then the three seed plans against their hand-made demo files.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { PlanSchema, type Indicator, type Target } from '../../src/shared/model'
import { CONTINUATION_RE, draftPlan, planFromDraft, sameGoal } from '../../src/shared/planDraft/extract'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import type { Drafted, PlanDraft } from '../../src/shared/planDraft/types'
import { scoreDraft } from '../../src/shared/planDraft/score'

// As scripts/planScore.ts (npm run plan:score) reads them.
const SEEDS = ['pho-thuan-2023', 'tra-phong-2022', 'truong-quang-trong-2022'] as const
const seedsDir = (): string => process.env.THIDUA_SEEDS ?? join(process.cwd(), '..', 'shared', 'seeds')
/** The score of every drafted item, or (`confident`) of those of confidence high or medium, not ambiguous. */
function scoreSeed(name: string, confident = false): ReturnType<typeof scoreDraft> {
  const demo = JSON.parse(readFileSync(join('src/server/demo/plans', `${name}.json`), 'utf8')) as { plan: { year: number; indicators: Indicator[] } }
  const draft = draftPlan(readFileSync(join(seedsDir(), `${name}.txt`), 'utf8'))
  const taken = new Set([...draft.fields.map((f) => f.id), ...draft.indicators.filter((i) => i.confidence !== 'low' && !i.ambiguous).map((i) => i.id)])
  return scoreDraft(planFromDraft(draft, confident ? taken : 'all', demo.plan.year), demo.plan, draft.indicators.filter((i) => i.ambiguous).length)
}

const HEAD = `ỦY BAN NHÂN DÂN XÃ HÒA AN
Số: 15/KH-UBND
Hòa An, ngày 10 tháng 01 năm 2025
KẾ HOẠCH
Phát động phong trào thi đua năm 2025
`

/** A plan whose list of targets is `items`, one a line. */
function planWith(items: string[], extra = ''): string {
  return `${HEAD}
I. MỤC ĐÍCH, YÊU CẦU
Động viên cán bộ và nhân dân phấn đấu hoàn thành 100% chỉ tiêu kế hoạch, tăng thu nhập 10% so với năm trước.
II. CHỈ TIÊU THI ĐUA
1. Các chỉ tiêu chủ yếu:
${items.map((i) => `- ${i}`).join('\n')}
${extra}
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp kết quả về 12 thôn trước ngày 15/12/2025.
`
}

function only(sentence: string): Drafted<Indicator> {
  const d = draftPlan(planWith([sentence]))
  expect(d.indicators, JSON.stringify(d.indicators.map((i) => i.value))).toHaveLength(1)
  return d.indicators[0]!
}

const target = (s: string): Target | undefined => only(s).value.target

describe('draftPlan: each target kind', () => {
  it('at least, strict or not', () => {
    expect(target('Sản lượng cá nuôi đạt 320 tấn.')).toEqual({ kind: 'at_least', value: 320 })
    expect(target('Số lao động được đào tạo nghề trên 150 người.')).toEqual({ kind: 'at_least', value: 150, strict: true })
    expect(target('Tạo việc làm mới cho ít nhất 200 lao động.')).toEqual({ kind: 'at_least', value: 200 })
  })

  it('rate at least, from "đạt", "trên" and "từ … trở lên"', () => {
    const r = only('Tỷ lệ hộ dùng điện an toàn đạt 99,5%.')
    expect(r.value).toMatchObject({ aggregation: 'rate', scale: 100, unitOfMeasure: '%', target: { kind: 'rate_at_least', value: 99.5 } })
    expect(target('Tỷ lệ người dân tham gia bảo hiểm xã hội tự nguyện trên 30%.')).toEqual({ kind: 'rate_at_least', value: 30, strict: true })
    expect(target('Tỷ lệ trẻ em được tiêm chủng đầy đủ đạt từ 98% trở lên.')).toEqual({ kind: 'rate_at_least', value: 98 })
  })

  it('at most: "dưới" is strict, "không quá" and "bằng hoặc thấp hơn" are not', () => {
    expect(target('Tỷ lệ sinh con thứ ba trở lên dưới 3%.')).toEqual({ kind: 'at_most', value: 3, strict: true })
    expect(target('Số vụ cháy rừng không quá 2 vụ.')).toEqual({ kind: 'at_most', value: 2, strict: false })
    expect(target('Tỷ lệ thất nghiệp ở mức bằng hoặc thấp hơn 2,5%.')).toEqual({ kind: 'at_most', value: 2.5, strict: false })
    expect(target('Tỷ lệ hộ cận nghèo cuối năm còn 4%.')).toEqual({ kind: 'at_most', value: 4, strict: false })
  })

  it('range: "từ … đến …" and "90 - 95%"', () => {
    expect(target('Tỷ lệ che phủ rừng từ 52 đến 55%.')).toEqual({ kind: 'range', min: 52, max: 55 })
    expect(target('Tỷ lệ khu dân cư văn hóa đạt 85 – 90%.')).toEqual({ kind: 'range', min: 85, max: 90 })
  })

  it('reduce by: an amount, points on a rate, and a share of the start-of-year figure', () => {
    const hn = only('Số hộ nghèo giảm 12 hộ.')
    expect(hn.value).toMatchObject({ aggregation: 'stock', unitOfMeasure: 'hộ', target: { kind: 'reduce_by', amount: 12 } })
    expect(target('Tỷ lệ hộ cận nghèo giảm 1,5 điểm phần trăm.')).toEqual({ kind: 'reduce_by', amount: 1.5 })
    const tn = only('Số vụ tai nạn giao thông giảm 10% so với năm 2024.')
    expect(tn.value).toMatchObject({ unitOfMeasure: 'vụ', target: { kind: 'reduce_by', amount: 10, relative: true } })
  })

  it('reduce by on a rate "so với đầu năm", or with the verb first, is ambiguous', () => {
    const a = only('Tỷ lệ trẻ em suy dinh dưỡng thể thấp còi giảm 10% so với đầu năm.')
    expect(a.ambiguous).toBe(true)
    expect(a.value.target).toEqual({ kind: 'reduce_by', amount: 10, relative: true })
    expect(a.alternatives?.map((x) => x.target)).toContainEqual({ kind: 'reduce_by', amount: 10 })
    const b = only('Giảm tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng 15%.')
    expect(b.ambiguous).toBe(true)
    expect(b.alternatives?.map((x) => x.target)).toContainEqual({ kind: 'at_most', value: 15, strict: false })
    expect(b.reasons.join(' ')).toMatch(/giảm 15%/)
  })

  it('a small cut of a rate with the verb first is read first in points, and stays ambiguous', () => {
    const c = only('Giảm tỷ lệ hộ cận nghèo 1-2% theo chuẩn mới.')
    expect(c.ambiguous).toBe(true)
    expect(c.value.target).toEqual({ kind: 'reduce_by', amount: 1, max: 2 })
    expect(c.alternatives?.map((x) => x.target)).toContainEqual({ kind: 'reduce_by', amount: 1, max: 2, relative: true })
  })

  it('a cut of cases against a year whose count the clause states is a ceiling on this year', () => {
    const f = only('Giảm ít nhất 20% số vụ cháy so với năm 2024 (năm 2024 xảy ra 5 vụ).')
    expect(f.value).toMatchObject({ name: 'Số vụ cháy', unitOfMeasure: 'vụ', aggregation: 'flow', target: { kind: 'at_most', value: 4, strict: false } })
    expect(f.reasons.join(' ')).toMatch(/không quá 4 vụ/)
  })

  it('a table row named "… tăng so với năm trước" in % is a growth of what it names', () => {
    const d = draftPlan(planWith([], '| 3 | Doanh thu dịch vụ lưu trú tăng so với năm trước | % | 7 | 9 |\n| 4 | Thu ngân sách trên địa bàn | tỷ đồng | 20 | 22 |'))
    expect(d.indicators[0]!.value).toMatchObject({ name: 'Doanh thu dịch vụ lưu trú', unitOfMeasure: 'tỷ đồng', target: { kind: 'growth', percent: 9, baseYear: 2024 } })
  })

  it('new units counted: "thêm 02 thôn đạt chuẩn …"', () => {
    expect(only('Phấn đấu có thêm 02 thôn đạt chuẩn thôn nông thôn mới kiểu mẫu.').value).toMatchObject({ unitOfMeasure: 'thôn', target: { kind: 'at_least', value: 2 } })
  })

  it('growth against a named year or the year before', () => {
    const g = only('Giá trị sản xuất ngành thương mại – dịch vụ tăng 12% so với năm 2024.')
    expect(g.value).toMatchObject({ unitOfMeasure: 'triệu đồng', aggregation: 'flow', target: { kind: 'growth', percent: 12, baseYear: 2024 } })
    expect(target('Doanh thu du lịch tăng 8 - 10% so với cùng kỳ.')).toEqual({ kind: 'growth', percent: 8, maxPercent: 10, baseYear: 2024 })
  })

  it('shares: one indicator whose parts are its children', () => {
    const d = draftPlan(planWith(['Cơ cấu kinh tế: nông, lâm nghiệp và thủy sản 30%; công nghiệp – xây dựng 25%; dịch vụ 45%.']))
    const whole = d.indicators[0]!.value
    expect(whole.target?.kind).toBe('shares')
    const parts = whole.target?.kind === 'shares' ? whole.target.parts : []
    expect(parts.map((p) => p.percent)).toEqual([30, 25, 45])
    expect(whole.children).toEqual(parts.map((p) => p.indicator))
    expect(d.indicators.slice(1).map((i) => i.value.name)).toEqual(['Cơ cấu kinh tế: nông, lâm nghiệp và thủy sản', 'Cơ cấu kinh tế: công nghiệp – xây dựng', 'Cơ cấu kinh tế: dịch vụ'])
    expect(d.issues).toEqual([])
  })

  it('derived: a crop\'s yield is output ÷ area, and a slip in the plan\'s arithmetic is flagged', () => {
    const ok = draftPlan(planWith(['Ngô lai: diện tích 85 ha, năng suất 62 tạ/ha, sản lượng 527 tấn.']))
    const [area, yieldI, output] = ok.indicators.map((i) => i.value)
    expect(area).toMatchObject({ name: 'Diện tích ngô lai', unitOfMeasure: 'ha', target: { kind: 'at_least', value: 85 } })
    expect(output).toMatchObject({ name: 'Sản lượng ngô lai', unitOfMeasure: 'tấn', target: { kind: 'at_least', value: 527 } })
    expect(yieldI).toMatchObject({ unitOfMeasure: 'tạ/ha', formula: `${output!.code} * 10 / ${area!.code}`, target: { kind: 'derived', value: 62 } })
    expect(ok.issues).toEqual([])
    const slip = draftPlan(planWith(['Lúa nước: diện tích 120 ha, năng suất 60 tạ/ha, sản lượng 702 tấn.']))
    expect(slip.issues.map((i) => i.code)).toEqual(['derived_mismatch'])
  })

  it('"trong đó": parts that add up are children of a computed whole, a part that does not is partOf', () => {
    const sum = draftPlan(planWith(['Tổng sản lượng lương thực có hạt 3.200 tấn, trong đó: lúa 2.700 tấn, ngô 500 tấn.']))
    const [whole, rice, maize] = sum.indicators.map((i) => i.value)
    expect(whole).toMatchObject({ target: { kind: 'derived', value: 3200 }, children: [rice!.code, maize!.code] })
    const part = draftPlan(planWith(['Giải quyết việc làm cho 350 lao động, trong đó xuất khẩu lao động 20 người.']))
    const [jobs, abroad] = part.indicators.map((i) => i.value)
    expect(jobs).toMatchObject({ aggregation: 'flow', target: { kind: 'at_least', value: 350 } })
    expect(abroad).toMatchObject({ partOf: jobs!.code, target: { kind: 'at_least', value: 20 } })
  })

  it('yes/no goals of a list, and "100% thôn … đạt" as each unit\'s yes/no', () => {
    const d = draftPlan(planWith(['Giữ vững xã đạt chuẩn an toàn về an ninh, trật tự.', 'Không để xảy ra dịch bệnh lớn trên đàn gia súc, gia cầm.', '100% thôn đạt danh hiệu thôn văn hóa.']))
    expect(d.indicators.map((i) => [i.value.aggregation, i.value.target?.kind])).toEqual([
      ['yes_no', 'yes_no'],
      ['yes_no', 'yes_no'],
      ['yes_no', 'yes_no'],
    ])
    expect(d.indicators[2]!.value.name).toBe('Thôn đạt danh hiệu thôn văn hóa')
    expect(d.indicators[2]!.reasons.join(' ')).toMatch(/mỗi đơn vị/)
    // Not a unit: a share of children is a rate.
    expect(only('100% trẻ em 6 tuổi vào lớp 1.').value).toMatchObject({ aggregation: 'rate', target: { kind: 'rate_at_least', value: 100 } })
  })
})

/** A plan without a list of targets: its goals are prose paragraphs under "Nội dung thi đua". */
function proseWith(paragraphs: string[]): string {
  return `${HEAD}
I. MỤC ĐÍCH, YÊU CẦU
Giữ vững danh hiệu phường văn minh đô thị, để mọi người dân cùng hưởng ứng.
II. NỘI DUNG THI ĐUA
${paragraphs.map((p, i) => `${i + 1}. ${p}`).join('\n')}
III. TỔ CHỨC THỰC HIỆN
Văn phòng theo dõi, tổng hợp kết quả thi đua.
`
}

const goals = (d: PlanDraft): string[] => d.indicators.map((i) => i.value.source ?? '')

describe('draftPlan: goals stated in prose', () => {
  it('one goal stated twice is one item: the first, the other in its reasons (words compared without accents)', () => {
    expect(sameGoal('giữ vững ổn định chính trị, trật tự an toàn giao thông', 'Giữ vững ổn định chính trị và trật tự an toàn giao thông trên địa bàn phường')).toBe(true)
    expect(sameGoal('dam bao ve sinh an toan thuc pham', 'Đảm bảo vệ sinh an toàn thực phẩm')).toBe(true)
    expect(sameGoal('Thực hiện tốt công tác phòng cháy chữa cháy', 'Thực hiện tốt công tác chi trả trợ cấp xã hội')).toBe(false)
    // A short goal listed inside a much longer clause is not that clause.
    expect(sameGoal('giữ vững an ninh nông thôn', 'giữ vững an ninh nông thôn, phát triển du lịch cộng đồng, chăm lo đời sống người cao tuổi và trẻ em')).toBe(false)
    const d = draftPlan(
      proseWith([
        'Giữ vững ổn định chính trị, trật tự an toàn giao thông; thực hiện tốt chính sách hỗ trợ người cao tuổi.',
        'Chủ động phòng ngừa các loại tội phạm; giữ vững ổn định chính trị và trật tự an toàn giao thông trên địa bàn phường.',
      ]),
    )
    expect(goals(d)).toEqual(['Giữ vững ổn định chính trị, trật tự an toàn giao thông', 'thực hiện tốt chính sách hỗ trợ người cao tuổi'])
    expect(d.indicators[0]!.reasons.join(' ')).toMatch(/nêu lại ở đoạn sau: “giữ vững ổn định chính trị và trật tự an toàn giao thông trên địa bàn phường”/)
  })

  it('a continuation ("đồng thời", "để", "trước hết là", "nhằm" …) extends the goal before it instead of drafting one', () => {
    const d = draftPlan(
      proseWith([
        'Duy trì sĩ số học sinh các cấp để giữ vững chất lượng phổ cập giáo dục, làm tốt công tác khuyến học; đồng thời kiểm soát tốt dịch bệnh trên đàn gia súc.',
        'Giữ vững an ninh nông thôn, trước hết là làm tốt công tác hòa giải ở cơ sở; thực hiện tốt chính sách người có công.',
        // After a clause that is no goal: a purpose is no goal either, "đồng thời …" may be one.
        'Rà soát quỹ đất công; nhằm xây dựng thêm nhà văn hóa thôn; đồng thời giữ vững chất lượng nước sinh hoạt.',
      ]),
    )
    expect(goals(d)).toEqual(['Duy trì sĩ số học sinh các cấp', 'Giữ vững an ninh nông thôn', 'thực hiện tốt chính sách người có công', 'giữ vững chất lượng nước sinh hoạt'])
    const first = d.indicators[0]!
    expect(d.text.slice(first.source.start, first.source.end)).toBe(
      'Duy trì sĩ số học sinh các cấp để giữ vững chất lượng phổ cập giáo dục, làm tốt công tác khuyến học; đồng thời kiểm soát tốt dịch bệnh trên đàn gia súc',
    )
    expect(first.reasons.join(' ')).toMatch(/nối tiếp.*đồng thời kiểm soát tốt dịch bệnh/)
    expect(CONTINUATION_RE.test('trong đó có việc sửa chữa nhà văn hóa')).toBe(true)
    expect(CONTINUATION_RE.test('trong đó: thôn 1 đạt 90%')).toBe(false)
    expect(CONTINUATION_RE.test('để lại')).toBe(true)
    expect(CONTINUATION_RE.test('đểu')).toBe(false)
  })

  it('a result is medium; a direction of effort or a means of running the plan is low, kept when it leads its item and folded into the lead after it', () => {
    const d = draftPlan(
      proseWith([
        'Giữ vững danh hiệu tổ dân phố văn hóa; thực hiện tốt chính sách hỗ trợ người cao tuổi; đẩy mạnh phát triển du lịch cộng đồng.',
        'Tăng cường tuyên truyền, quán triệt nghị quyết của Đảng ủy phường; các tổ dân phố tổ chức đăng ký giao ước thi đua với phường.',
      ]),
    )
    expect(d.indicators.map((i) => [i.value.source, i.confidence])).toEqual([
      ['Giữ vững danh hiệu tổ dân phố văn hóa', 'medium'],
      ['thực hiện tốt chính sách hỗ trợ người cao tuổi', 'medium'],
      ['Tăng cường tuyên truyền, quán triệt nghị quyết của Đảng ủy phường', 'low'],
    ])
    expect(d.indicators[0]!.reasons.join(' ')).toMatch(/gộp vào mục tiêu này.*đẩy mạnh phát triển du lịch cộng đồng/)
    expect(d.indicators[2]!.reasons.join(' ')).toMatch(/cách tổ chức thực hiện kế hoạch \(“tuyên truyền”\)/)
    expect(d.indicators[2]!.reasons.join(' ')).toMatch(/gộp vào mục tiêu này.*đăng ký giao ước thi đua/)
  })

  it('an item led by a direction of effort keeps its lead, and a later result of the item stays its own goal', () => {
    const d = draftPlan(
      proseWith([
        'Tăng cường công tác dân vận, vận động quần chúng; kiện toàn tổ chức và cán bộ. Giải quyết tốt đơn thư khiếu nại của công dân; nâng cao chất lượng sinh hoạt chi bộ.',
        'Phát triển chăn nuôi; phát triển kinh tế vườn; củng cố hệ thống thủy lợi nội đồng.',
      ]),
    )
    expect(d.indicators.map((i) => [i.value.source, i.confidence])).toEqual([
      ['Tăng cường công tác dân vận, vận động quần chúng', 'low'],
      ['Giải quyết tốt đơn thư khiếu nại của công dân', 'medium'],
      ['Phát triển chăn nuôi', 'low'],
      ['phát triển kinh tế vườn', 'low'],
    ])
    expect(d.indicators[0]!.reasons.join(' ')).toMatch(/kiện toàn tổ chức và cán bộ.*nâng cao chất lượng sinh hoạt chi bộ/)
    expect(d.indicators[2]!.reasons.join(' ')).toMatch(/củng cố hệ thống thủy lợi nội đồng/)
  })
})

describe('prose beside figures, titles and lists (held-out plans)', () => {
  const spanText = (d: PlanDraft, i: number): string => d.text.slice(d.indicators[i]!.source.start, d.indicators[i]!.source.end)

  it('starts a figure’s span at its name, after the spaces and commas before it', () => {
    const d = draftPlan(planWith(['Cây ngô: diện tích 370 ha, năng suất 40 tạ/ha']))
    expect(d.indicators.slice(0, 2).map((_, i) => spanText(d, i))).toEqual(['Cây ngô: diện tích 370 ha', 'năng suất 40 tạ/ha'])
    // No output stated: the third item is the output, with no target, for the yield's formula.
    expect(d.indicators.slice(2).map((i) => [i.value.name, i.value.target])).toEqual([['Sản lượng ngô', undefined]])
  })

  it('reads the goals of a paragraph that also states a figure, and "không để …" as a goal, not a purpose', () => {
    const d = draftPlan(
      proseWith([
        'Sản xuất đúng lịch thời vụ, phấn đấu tổng sản lượng lương thực đạt 3.150 tấn trở lên. Chủ động phòng, chống dịch bệnh, không để xảy ra dịch bệnh nguy hiểm trên đàn gia súc.',
      ]),
    )
    expect(goals(d)).toEqual(expect.arrayContaining(['không để xảy ra dịch bệnh nguy hiểm trên đàn gia súc']))
    expect(d.indicators.filter((i) => i.value.aggregation !== 'yes_no').map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 3150 }])
  })

  it('takes a heading that names its section for a title, not a goal', () => {
    const d = draftPlan(`${HEAD}
I. MỤC ĐÍCH, YÊU CẦU
Động viên cán bộ và nhân dân thi đua.
II. NỘI DUNG THI ĐUA
1. Thi đua phát triển kinh tế, xây dựng nông thôn mới
Giữ vững xã đạt chuẩn nông thôn mới, không để tiêu chí nào bị sụt giảm.
`)
    expect(goals(d)).toEqual(['Giữ vững xã đạt chuẩn nông thôn mới, không để tiêu chí nào bị sụt giảm'])
  })

  it('reads "không để A, không để B" as one goal, and a result after a direction of effort as its own', () => {
    const d = draftPlan(proseWith(['Không để xảy ra trọng án, không để hình thành tụ điểm ma túy; tăng cường tuần tra, giữ vững an ninh nông thôn.']))
    expect(goals(d)).toEqual(['Không để xảy ra trọng án, không để hình thành tụ điểm ma túy', 'giữ vững an ninh nông thôn'])
  })

  it('reads goals past "phấn đấu cuối năm" and a topic "Về giáo dục,", a state reached by its subject, and "100% thôn đạt …" in prose', () => {
    const d = draftPlan(
      proseWith([
        'Phấn đấu cuối năm duy trì xã đạt chuẩn an toàn thực phẩm. Về giáo dục, duy trì vững chắc kết quả phổ cập giáo dục tiểu học; Trường Tiểu học số 1 được công nhận đạt chuẩn quốc gia mức độ 2.',
        'Đẩy mạnh phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”, phấn đấu 100% thôn đạt danh hiệu “Thôn văn hóa”.',
      ]),
    )
    // The figure's item comes first (figures are read before prose goals); it holds its clause.
    expect(goals(d)).toEqual([
      expect.stringMatching(/100% thôn đạt danh hiệu/u),
      'Phấn đấu cuối năm duy trì xã đạt chuẩn an toàn thực phẩm',
      'Về giáo dục, duy trì vững chắc kết quả phổ cập giáo dục tiểu học',
      'Trường Tiểu học số 1 được công nhận đạt chuẩn quốc gia mức độ 2',
    ])
    const thon = d.indicators.find((i) => /thôn đạt danh hiệu/iu.test(i.value.name))!
    expect([thon.value.aggregation, thon.value.target]).toEqual(['yes_no', { kind: 'yes_no' }])
  })

  it('in a plan that lists its targets, keeps from its content sections only states to keep or reach, and never a quoted name', () => {
    const d = draftPlan(
      planWith(
        ['Tỷ lệ hộ nghèo giảm còn 2,1%'],
        `2. Nội dung thi đua cụ thể
- Tăng cường tuần tra, kiểm soát địa bàn; thực hiện tốt phong trào “Chung tay vì người nghèo, không để ai bị bỏ lại phía sau”.
- Giữ vững phường đạt tiêu chuẩn “An toàn về an ninh, trật tự”.`,
      ),
    )
    expect(goals(d).filter((g) => !/hộ nghèo giảm/u.test(g))).toEqual(['Giữ vững phường đạt tiêu chuẩn “An toàn về an ninh, trật tự”'])
  })
})

describe('figures that are no targets, shares of a whole, and measures (held-out plans)', () => {
  const targets = (d: PlanDraft) => d.indicators.map((i) => [i.value.target, i.value.unitOfMeasure])

  it('reads "7/9 thôn" as a count of 7, and "19/19 tiêu chí" kept as a yes/no; "12 thôn" alone is no target', () => {
    const d = draftPlan(planWith(['Có 7/9 thôn đạt danh hiệu “Thôn văn hóa”', 'Giữ vững 19/19 tiêu chí xã đạt chuẩn nông thôn mới', 'Tổng hợp kết quả của 12 thôn']))
    expect(targets(d)).toEqual([
      [{ kind: 'at_least', value: 7 }, 'thôn'],
      [{ kind: 'yes_no' }, 'đạt/không đạt'],
      [{ kind: 'yes_no' }, 'đạt/không đạt'],
    ])
  })

  it('leaves out figures stated as they stand or given: a start of the year, its share, an amount of support', () => {
    const d = draftPlan(planWith(['Đầu năm 2026 toàn xã có 148 hộ nghèo, chiếm 1,62% tổng số hộ. Phấn đấu số hộ nghèo giảm 25% so với đầu năm', 'Hỗ trợ ít nhất 12 hộ nghèo; mức hỗ trợ từ Quỹ là 40.000.000 đồng/hộ']))
    expect(targets(d)).toEqual([
      [{ kind: 'reduce_by', amount: 25, relative: true }, 'hộ'],
      [{ kind: 'at_least', value: 12 }, 'hộ'],
    ])
  })

  it('reads a cut in ‰ as points, and leaves out the operands of a product and "trên 1 ha"', () => {
    const d = draftPlan(
      planWith([
        'Tỷ suất sinh thô giảm 0,3‰ so với năm 2025',
        'Sản lượng lúa được tính bằng diện tích nhân năng suất (2.830 ha × 60 tạ/ha = 16.980 tấn)',
        'Giá trị sản phẩm thu hoạch trên 1 ha đất trồng trọt đạt 135 triệu đồng trở lên',
      ]),
    )
    expect(targets(d)).toEqual([
      [{ kind: 'reduce_by', amount: 0.3 }, '‰'],
      [{ kind: 'at_least', value: 16980 }, 'tấn'],
      // Per hectare, as its name says: a rate in triệu đồng/ha.
      [{ kind: 'rate_at_least', value: 135 }, 'triệu đồng/ha'],
    ])
  })

  it('names a crop past "bình quân", "cả năm", "gieo cấy", and a measure before its written formula', () => {
    const d = draftPlan(planWith(['Lúa cả năm: diện tích gieo cấy 820 ha, năng suất bình quân 62,5 tạ/ha, sản lượng 5.125 tấn', 'Cây ngô: diện tích 370 ha, năng suất 40 tạ/ha, sản lượng = diện tích × năng suất = 1.480 tấn']))
    expect(d.indicators.map((i) => i.value.name)).toEqual(['Diện tích lúa', 'Năng suất lúa', 'Sản lượng lúa', 'Diện tích ngô', 'Năng suất ngô', 'Sản lượng ngô'])
  })

  it('reads the sentences before a list’s introduction on the same line', () => {
    const d = draftPlan(planWith([], 'Phấn đấu tổng giá trị sản xuất tăng 8,2% so với cùng kỳ. Các chỉ tiêu cụ thể:\n- Tổng đàn bò đạt 1.250 con'))
    expect(targets(d).map(([t]) => t)).toEqual([{ kind: 'growth', percent: 8.2, baseYear: 2024 }, { kind: 'at_least', value: 1250 }])
  })
})

describe('what is no target: past results, directions, duties, the closing call', () => {
  it('a section reviewing last year holds no targets', () => {
    const d = draftPlan(`${HEAD}
I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2024
Năm 2024 sản lượng lương thực đạt 4.200 tấn; tỷ lệ hộ nghèo giảm từ 5,1% xuống còn 3,9%.
II. CHỈ TIÊU THI ĐUA NĂM 2025
- Sản lượng lương thực đạt 4.350 tấn.
`)
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 4350 }])
  })

  it('sections of propaganda, slogans, registration and shared-out duties hold none', () => {
    const d = draftPlan(`${HEAD}
I. MỤC ĐÍCH, YÊU CẦU
Động viên cán bộ và Nhân dân thi đua hoàn thành kế hoạch năm 2025.
II. NỘI DUNG THI ĐUA
1. Giữ vững xã đạt chuẩn an toàn về an ninh, trật tự; tỷ lệ hộ tham gia bảo hiểm y tế đạt 95%.
III. CÔNG TÁC TUYÊN TRUYỀN
Đài truyền thanh phát ít nhất 3 lần mỗi tuần, tuyên truyền đến 100% hộ gia đình.
IV. ĐĂNG KÝ THI ĐUA
Các thôn hoàn thành việc gửi bản đăng ký danh hiệu thi đua trước ngày 20/02/2025.
V. NHIỆM VỤ CỦA CÁC CƠ QUAN, ĐƠN VỊ
Công an xã bảo đảm an ninh trật tự trong các dịp lễ, tết.
`)
    expect(d.indicators.map((i) => i.value.unitOfMeasure)).toEqual(['%', 'đạt/không đạt'])
  })

  it('in a plan that sets figures, prose keeps its results and drops its directions of effort', () => {
    const d = draftPlan(`${HEAD}
I. MỤC ĐÍCH, YÊU CẦU
Động viên cán bộ và Nhân dân thi đua hoàn thành kế hoạch năm 2025.
II. NỘI DUNG THI ĐUA
1. Đẩy mạnh phát triển chăn nuôi theo hướng an toàn sinh học. Không để dịch bệnh lớn xảy ra trên đàn gia súc; tổng đàn lợn đạt 4.000 con.
2. Làm tốt công tác chăm sóc người có công. Kéo giảm số vụ vi phạm pháp luật về trật tự xã hội; không còn hộ gia đình chính sách ở nhà tạm.
3. Phấn đấu hoàn thành tốt nhiệm vụ chính trị được giao.
`)
    expect(d.indicators.map((i) => i.value.source)).toEqual([
      'tổng đàn lợn đạt 4.000 con',
      'Không để dịch bệnh lớn xảy ra trên đàn gia súc',
      'Kéo giảm số vụ vi phạm pháp luật về trật tự xã hội',
      'không còn hộ gia đình chính sách ở nhà tạm',
    ])
  })

  it('in a list of targets, a direction or a means is none', () => {
    const d = draftPlan(planWith(['Tỷ lệ che phủ rừng đạt 48%; tăng cường tuần tra bảo vệ rừng trong mùa khô.', 'Thường xuyên tuyên truyền pháp luật cho Nhân dân.', 'Xây dựng xã vững mạnh về quốc phòng, an ninh.']))
    expect(d.indicators.map((i) => i.value.name)).toEqual(['Tỷ lệ che phủ rừng', 'Xây dựng xã vững mạnh về quốc phòng, an ninh'])
  })

  it('"Duy trì 100% trường học đạt chuẩn quốc gia" is each school’s yes/no', () => {
    expect(only('Duy trì 100% trường học đạt chuẩn quốc gia.').value).toMatchObject({ aggregation: 'yes_no', name: 'Trường học đạt chuẩn quốc gia' })
  })

  it('"Giảm 12 hộ nghèo và 20 hộ cận nghèo": the second figure takes the cue, each names what it counts', () => {
    const d = draftPlan(planWith(['Giảm 9 hộ nghèo và 14 hộ cận nghèo theo chuẩn đa chiều, đưa tỷ lệ hộ nghèo xuống dưới 1%.']))
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([
      ['Số hộ nghèo', { kind: 'reduce_by', amount: 9 }],
      ['Số hộ cận nghèo theo chuẩn đa chiều', { kind: 'reduce_by', amount: 14 }],
      ['Tỷ lệ hộ nghèo', { kind: 'at_most', value: 1, strict: true }],
    ])
  })

  it('themes, movements by name and phases are no goals; a paragraph on last year’s results holds no targets', () => {
    const d = draftPlan(`${HEAD}
Năm 2024, xã đã hoàn thành 20/22 chỉ tiêu: thu ngân sách đạt 9,2 tỷ đồng, giải quyết việc làm cho 210 lao động.
I. MỤC ĐÍCH, YÊU CẦU
Động viên cán bộ và Nhân dân thi đua hoàn thành kế hoạch năm 2025.
II. CHỦ ĐỀ VÀ CHỈ TIÊU THI ĐUA
- Chủ đề thi đua năm 2025: “Đoàn kết – Kỷ cương – Phát triển”.
- Phong trào thi đua “Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau”.
- Thu ngân sách trên địa bàn đạt 10 tỷ đồng.
- Giữ vững xã đạt chuẩn an toàn về an ninh, trật tự.
III. CÁC ĐỢT THI ĐUA
- Đợt thứ nhất: thi đua lập thành tích chào mừng Đại hội Đảng bộ xã, hoàn thành trước ngày 30/6/2025.
`)
    expect(d.indicators.map((i) => i.value.source)).toEqual(['Thu ngân sách trên địa bàn đạt 10 tỷ đồng', 'Giữ vững xã đạt chuẩn an toàn về an ninh, trật tự'])
  })

  it('a table laid out with spaces (a PDF) is read by its columns: parts, yields and a total', () => {
    const d = draftPlan(`${HEAD}
I. MỤC ĐÍCH, YÊU CẦU
Động viên cán bộ và Nhân dân thi đua hoàn thành kế hoạch năm 2025.
II. CHỈ TIÊU THI ĐUA
Bảng 2. Chỉ tiêu trồng trọt năm 2025
STT  Cây trồng                  Diện tích (ha)   Năng suất (tạ/ha)   Sản lượng (tấn)
1    Lúa cả năm                          700                 60             4.200
     - Lúa Đông Xuân                     400                 62             2.480
     - Lúa Hè Thu                        300              57,33             1.720
2    Ngô                                 150                 50               750
     Tổng sản lượng lương thực                                            4.950
`)
    const by = (code: string): Indicator => d.indicators.find((i) => i.value.code === code)!.value
    const rows = d.indicators.map((i) => [i.value.name, i.value.target?.kind])
    expect(rows).toHaveLength(13)
    const rice = d.indicators.slice(0, 3).map((i) => i.value)
    expect(rice.map((i) => i.target)).toEqual([{ kind: 'derived', value: 700 }, { kind: 'derived', value: 60 }, { kind: 'derived', value: 4200 }])
    expect(rice[0]!.children!.map((c) => by(c).target)).toEqual([{ kind: 'at_least', value: 400 }, { kind: 'at_least', value: 300 }])
    expect(rice[1]!.formula).toMatch(/\* 10 \//)
    const total = d.indicators.at(-1)!.value
    expect(total).toMatchObject({ name: 'Tổng sản lượng lương thực', target: { kind: 'derived', value: 4950 } })
    expect(total.children!.map((c) => by(c).name)).toEqual([rice[2]!.name, 'Sản lượng ngô'])
  })

  it('a table is read by its headings: the plan column, not last year’s nor the notes; words and wholes in the plan column', () => {
    const d = draftPlan(planWith([], [
      '| TT | Chỉ tiêu | ĐVT | Thực hiện 2024 | Kế hoạch 2025 | Ghi chú |',
      '| 1 | Tốc độ tăng giá trị sản xuất nông nghiệp | % | 4,1 | ≥ 4,5 | So với năm 2024 |',
      '| 2 | Số hộ nghèo giảm trong năm | hộ | 11 | 8 | Cuối năm 2024 còn 96 hộ |',
      '| 3 | Tỷ lệ hộ dùng nước hợp vệ sinh | % | 99 | Duy trì | |',
      '| 4 | Trạm Y tế đạt Bộ tiêu chí quốc gia | | Đạt | Duy trì | |',
      '| 5 | Trường học đạt chuẩn quốc gia | trường | 3/4 | 4/4 | |',
    ].join('\n')))
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([
      ['Giá trị sản xuất nông nghiệp', { kind: 'growth', percent: 4.5, baseYear: 2024 }],
      // (From the level its note states for the end of last year, passes.ts settleBaselines.)
      ['Số hộ nghèo', { kind: 'reduce_by', amount: 8, baseline: 96 }],
      ['Tỷ lệ hộ dùng nước hợp vệ sinh', { kind: 'rate_at_least', value: 99 }],
      ['Trạm Y tế đạt Bộ tiêu chí quốc gia', { kind: 'yes_no' }],
      ['Trường học đạt chuẩn quốc gia', { kind: 'yes_no' }],
    ])
  })

  it('a clause joined by "và" to a figure’s clause is a target of its own; duties to register works are none', () => {
    const d = draftPlan(planWith(['Tỷ lệ trẻ 5 tuổi ra lớp đạt 99% và trẻ 6 tuổi vào lớp 1 đạt 100%.', 'Mỗi thôn đăng ký ít nhất 01 công trình chào mừng Đại hội.', 'Đạt thêm 02 tiêu chí, nâng tổng số tiêu chí nông thôn mới nâng cao lên 12/19 tiêu chí.']))
    expect(d.indicators.map((i) => i.value.target)).toEqual([
      { kind: 'rate_at_least', value: 99 },
      { kind: 'rate_at_least', value: 100 },
      { kind: 'at_least', value: 12 },
    ])
  })

  it('table rows: footnote marks, a cut named first, a plan in words, and a crop over three rows', () => {
    const d = draftPlan(planWith([], [
      '| TT | Chỉ tiêu | ĐVT | KH năm 2025 | Đơn vị chủ trì |',
      '| 1 | Diện tích lúa cả năm | ha | 400 | Công chức Nông nghiệp |',
      '| 2 | Năng suất lúa bình quân | tạ/ha | 60 | Công chức Nông nghiệp |',
      '| 3 | Sản lượng lúa | tấn | 2.400 | Công chức Nông nghiệp |',
      '| 4 | Tỷ lệ rác thải được thu gom | % | 90(1) | Tổ vệ sinh |',
      '| 5 | Giảm tỷ lệ hộ nghèo | % | 0,5 - 1 | Công chức LĐTBXH |',
      '| 6 | Xếp loại chính quyền xã | - | Hoàn thành tốt nhiệm vụ | Văn phòng |',
      '(1) Tính trên khối lượng phát sinh tại các thôn ven đường.',
    ].join('\n')))
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([
      ['Diện tích lúa cả năm', { kind: 'at_least', value: 400 }],
      ['Năng suất lúa bình quân', { kind: 'derived', value: 60 }],
      ['Sản lượng lúa', { kind: 'at_least', value: 2400 }],
      ['Tỷ lệ rác thải được thu gom', { kind: 'rate_at_least', value: 90 }],
      ['Tỷ lệ hộ nghèo', { kind: 'reduce_by', amount: 0.5, max: 1 }],
      ['Xếp loại chính quyền xã', { kind: 'yes_no' }],
    ])
    expect(d.indicators[1]!.value.formula).toMatch(/\* 10 \//)
  })

  it('"Chỉ tiêu 1:" labels, "không thấp hơn năm trước", units’ directions, a review subsection', () => {
    const d = draftPlan(`${HEAD}
I. MỤC ĐÍCH, YÊU CẦU
Động viên cán bộ và Nhân dân thi đua hoàn thành kế hoạch năm 2025.
II. CHỈ TIÊU THI ĐUA
1. Kết quả năm 2024 làm cơ sở xây dựng chỉ tiêu
Tổng thu ngân sách trên địa bàn đạt 7.800 triệu đồng.
2. Các chỉ tiêu chủ yếu:
- Chỉ tiêu 1: Giá trị sản xuất tăng 8% so với năm 2024.
- Chỉ tiêu 2: Tổng thu ngân sách trên địa bàn bằng hoặc cao hơn năm 2024.
- Các trường tiếp tục đổi mới phương pháp dạy học.
`)
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([
      ['Giá trị sản xuất', { kind: 'growth', percent: 8, baseYear: 2024 }],
      // (The review subsection "Kết quả năm 2024" states 2024's revenue, 7.800 triệu đồng: not below it is at least it.)
      ['Tổng thu ngân sách trên địa bàn', { kind: 'at_least', value: 7800 }],
    ])
  })

  it('two plan columns: the one the commune strives for, the assigned one where it is empty; merged group rows; a crop’s rows under its name', () => {
    const d = draftPlan(planWith([], [
      '| TT | Nội dung | Đơn vị tính | Chỉ tiêu giao | Chỉ tiêu phấn đấu |',
      '| I | CHỈ TIÊU VỀ KINH TẾ | CHỈ TIÊU VỀ KINH TẾ | CHỈ TIÊU VỀ KINH TẾ | CHỈ TIÊU VỀ KINH TẾ |',
      '| 1 | Tốc độ tăng giá trị sản xuất so với năm 2024 | % | 8 | 8,5 |',
      '| 2 | Cây lúa cả năm | | | |',
      '| | - Diện tích gieo trồng | ha | 900 | 900 |',
      '| | - Năng suất bình quân | tạ/ha | 60 | 62 |',
      '| | - Sản lượng | tấn | 5.400 | 5.580 |',
      '| 3 | Tổng đàn gia cầm | nghìn con | 120 | |',
      '| 4 | Giữ vững chuẩn phổ cập giáo dục tiểu học mức độ 3 | | x | x |',
    ].join('\n')))
    expect(d.indicators.map((i) => [i.value.name, i.value.unitOfMeasure, i.value.target])).toEqual([
      ['Giá trị sản xuất', 'triệu đồng', { kind: 'growth', percent: 8.5, baseYear: 2024 }],
      ['Diện tích gieo trồng cây lúa cả năm', 'ha', { kind: 'at_least', value: 900 }],
      ['Năng suất bình quân cây lúa cả năm', 'tạ/ha', { kind: 'derived', value: 62 }],
      ['Sản lượng cây lúa cả năm', 'tấn', { kind: 'at_least', value: 5580 }],
      ['Tổng đàn gia cầm', 'nghìn con', { kind: 'at_least', value: 120 }],
      ['Giữ vững chuẩn phổ cập giáo dục tiểu học mức độ 3', 'đạt/không đạt', { kind: 'yes_no' }],
    ])
  })

  it('a part of the document reviewing last year, a running footer, criteria of a title, a cut of cases whose base the review states', () => {
    const d = draftPlan(`${HEAD}
Phần thứ nhất
KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA NĂM 2024
Năm 2024 trên địa bàn xảy ra 30 vụ phạm pháp hình sự; thu ngân sách đạt 9,1 tỷ đồng.
Phần thứ hai
NỘI DUNG THI ĐUA NĂM 2025
I. TIÊU CHÍ "THÔN VĂN HÓA"
Tiêu chí 1. Có từ 90% số hộ trở lên đạt danh hiệu "Gia đình văn hóa".
KH thi đua năm 2025 - UBND xã Hòa An                 Trang 2
II. CHỈ TIÊU
- Kéo giảm ít nhất 10% số vụ phạm pháp hình sự so với năm 2024.
`)
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['đạt/không đạt', { kind: 'yes_no' }],
      ['vụ', { kind: 'at_most', value: 27, strict: false }],
    ])
    expect(d.text).not.toMatch(/Trang 2/)
  })

  it('a total’s part restated on its crop’s own line is one target, the crop’s output', () => {
    const d = draftPlan(planWith(['Tổng sản lượng lương thực có hạt đạt 3.100 tấn, trong đó: thóc 2.500 tấn, ngô 600 tấn.', 'Lúa cả năm: diện tích 480 ha, năng suất 52,1 tạ/ha, sản lượng 2.500 tấn.', 'Ngô: diện tích 130 ha, năng suất 46,2 tạ/ha, sản lượng 600 tấn.']))
    const total = d.indicators[0]!.value
    expect(total.target).toEqual({ kind: 'derived', value: 3100 })
    const names = total.children!.map((c) => d.indicators.find((i) => i.value.code === c)!.value.name)
    expect(names).toEqual(['Sản lượng lúa', 'Sản lượng ngô'])
    expect(d.indicators).toHaveLength(7)
  })

  it('workers keep the plan’s word, comrades are people, a part counts in its whole’s unit', () => {
    expect(only('Giải quyết việc làm cho 85 lao động.').value.unitOfMeasure).toBe('lao động')
    const d = draftPlan(planWith(['Kết nạp 12 đảng viên mới, trong đó đảng viên nữ 5 đồng chí.']))
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['đảng viên', { kind: 'at_least', value: 12 }],
      ['đảng viên', { kind: 'at_least', value: 5 }],
    ])
  })
})

describe('notes, past years inside a list, and numbers inside a clause (held-out plans)', () => {
  it('a paragraph opening on a past year recalls the start, even inside a list of targets; a note after a table sets nothing', () => {
    const d = draftPlan(`${HEAD}
II. CHỈ TIÊU THI ĐUA
1. Các chỉ tiêu thi đua năm 2025
Năm 2024, tổng giá trị sản xuất của xã tăng 8,1%; thu nhập bình quân đầu người đạt 59,4 triệu đồng.
Xã đăng ký phấn đấu thực hiện các chỉ tiêu chủ yếu sau:
| TT | Nội dung | Đơn vị tính | Chỉ tiêu |
| 1 | Thu nhập bình quân đầu người | triệu đồng | 64 |
Ghi chú: cột "Chỉ tiêu" là chỉ tiêu huyện giao; dòng để trống thì phấn đấu đạt chỉ tiêu giao.
`)
    expect(d.indicators.map((i) => [i.value.name, i.value.unitOfMeasure, i.value.target])).toEqual([['Thu nhập bình quân đầu người', 'triệu đồng/người/năm', { kind: 'rate_at_least', value: 64 }]])
  })

  it('a comma inside a number does not cut the clause, and a cut of a rate keeps the level it starts from', () => {
    const d = draftPlan(planWith(['Tỷ lệ hộ nghèo giảm 1,2% (từ 4,85% cuối năm 2024 xuống còn 3,65%).', 'Cứng hóa 6,5 km đường giao thông nông thôn và kiên cố hóa 2,8 km kênh mương nội đồng.']))
    expect(d.indicators.map((i) => [i.value.source, i.value.target])).toEqual([
      ['Tỷ lệ hộ nghèo giảm 1,2% (từ 4,85% cuối năm 2024 xuống còn 3,65%)', { kind: 'reduce_by', amount: 1.2, baseline: 4.85 }],
      ['Cứng hóa 6,5 km đường giao thông nông thôn', { kind: 'at_least', value: 6.5 }],
      ['và kiên cố hóa 2,8 km kênh mương nội đồng', { kind: 'at_least', value: 2.8 }],
    ])
  })
})

describe('a goal and a figure in one clause (held-out plans)', () => {
  it('"và" or ", đồng thời" joining a goal without a figure to a figure\'s clause makes two items', () => {
    const d = draftPlan(planWith([
      'Xã giữ vững chuẩn nông thôn mới và đạt thêm 02 tiêu chí xã nông thôn mới nâng cao.',
      'Kéo giảm tai nạn giao thông trên cả ba tiêu chí và tỷ lệ điều tra, khám phá án hình sự đạt trên 80%.',
      'Đàn lợn đạt 21.500 con, đồng thời không để dịch bệnh lớn xảy ra trên đàn gia súc, gia cầm.',
    ]))
    expect(d.indicators.map((i) => [i.value.source, i.value.target?.kind]).sort()).toEqual(
      [
        ['Xã giữ vững chuẩn nông thôn mới', 'yes_no'],
        ['đạt thêm 02 tiêu chí xã nông thôn mới nâng cao', 'at_least'],
        ['Kéo giảm tai nạn giao thông trên cả ba tiêu chí', 'yes_no'],
        ['tỷ lệ điều tra, khám phá án hình sự đạt trên 80%', 'rate_at_least'],
        ['Đàn lợn đạt 21.500 con', 'at_least'],
        ['không để dịch bệnh lớn xảy ra trên đàn gia súc, gia cầm', 'yes_no'],
      ].sort(),
    )
  })

  it('one goal of two parts, or two verbs on one object, stays one item', () => {
    expect(goals(draftPlan(planWith(['Giữ vững an ninh chính trị và trật tự an toàn xã hội trên địa bàn xã.'])))).toEqual(['Giữ vững an ninh chính trị và trật tự an toàn xã hội trên địa bàn xã'])
    const d = draftPlan(planWith(['100% tàu cá có chiều dài từ 15 m trở lên lắp đặt và duy trì hoạt động thiết bị giám sát hành trình.']))
    expect(d.indicators).toHaveLength(1)
  })
})

describe('growth in money, shares and titles (held-out plans)', () => {
  it('a growth in money takes the unit (and the base year\'s figure) the document states for it; its parts take the same unit', () => {
    const d = draftPlan(`${HEAD}
I. TÌNH HÌNH
Năm 2024, tổng giá trị sản xuất đạt 2.146 tỷ đồng; thu nhập bình quân đầu người 66,8 triệu đồng; thu ngân sách 22.940 triệu đồng.
II. CHỈ TIÊU THI ĐUA
Chỉ tiêu 1: Tổng giá trị sản xuất tăng 8%, trong đó nông, lâm nghiệp và thủy sản tăng 3,5%.
Chỉ tiêu 2: Cơ cấu kinh tế: nông, lâm nghiệp và thủy sản 31,4% - công nghiệp, xây dựng 27,8% - thương mại, dịch vụ 40,8%.
`)
    const byName = (n: string) => d.indicators.find((i) => i.value.name === n)?.value
    expect(byName('Tổng giá trị sản xuất')).toMatchObject({ unitOfMeasure: 'tỷ đồng', target: { kind: 'growth', percent: 8, baseYear: 2024, baseValue: 2146 } })
    expect(d.indicators.find((i) => /thủy sản/u.test(i.value.name) && i.value.target?.kind === 'growth')?.value.unitOfMeasure).toBe('tỷ đồng')
    const shares = byName('Cơ cấu kinh tế')!
    expect(shares.source).toBe('Cơ cấu kinh tế: nông, lâm nghiệp và thủy sản 31,4% - công nghiệp, xây dựng 27,8% - thương mại, dịch vụ 40,8%')
    expect(shares.unitOfMeasure).toBe('tỷ đồng')
    expect(d.indicators.filter((i) => i.value.name.startsWith('Cơ cấu kinh tế:')).map((i) => i.value.name)).toEqual([
      'Cơ cấu kinh tế: nông, lâm nghiệp và thủy sản',
      'Cơ cấu kinh tế: công nghiệp, xây dựng',
      'Cơ cấu kinh tế: thương mại, dịch vụ',
    ])
  })

  it('a heading followed by its own sub-headings is a title, not a goal', () => {
    const d = draftPlan(`${HEAD}
II. NỘI DUNG THI ĐUA VÀ CÁC CHỈ TIÊU CHỦ YẾU
3. Thi đua bảo đảm quốc phòng, an ninh
a) Quốc phòng. Hoàn thành 100% chỉ tiêu tuyển chọn và gọi công dân nhập ngũ.
b) An ninh, trật tự. Giữ vững ổn định an ninh chính trị, trật tự an toàn xã hội.
`)
    expect(goals(d)).not.toContain('Thi đua bảo đảm quốc phòng, an ninh')
    expect(goals(d)).toContain('Giữ vững ổn định an ninh chính trị, trật tự an toàn xã hội')
  })
})

describe('tables against last year, counts in words, duties of organisations, milestones (seventh held-out set)', () => {
  const table = (rows: string[]) => `${HEAD}
II. CHỈ TIÊU THI ĐUA
| STT | Chỉ tiêu | ĐVT | Thực hiện năm 2024 | Kế hoạch năm 2025 | So sánh (%) | Cơ quan chủ trì |
| --- | --- | --- | --- | --- | --- | --- |
| __I__ | __Kinh tế - đô thị__ |  |  |  |  |  |
| 1 | Số doanh nghiệp thành lập mới | Doanh nghiệp | 46 | 55 | 119,6 | Phòng Kinh tế |
| __II__ | __Văn hóa - xã hội__ |  |  |  |  |  |
${rows.join('\n')}
`

  it('a group row in emphasis is no heading; a bare figure on what is to come down is a ceiling; a cut in % of a count is from last year\'s column', () => {
    const d = draftPlan(table([
      '| 2 | Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều cuối năm | % | 0,42 | 0,30 | - | Phòng Văn hóa - Xã hội |',
      '| 3 | Số hộ nghèo giảm trong năm | Hộ | 18 | 21 | 116,7 | Phòng Văn hóa - Xã hội |',
      '| 4 | Số vụ tai nạn giao thông | Vụ | 20 | Giảm 10% | - | Công an |',
      '| 5 | Giải quyết việc làm mới | Người | 1.150 | 1.200 | 104,3 | Phòng Văn hóa - Xã hội |',
    ]))
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['doanh nghiệp', { kind: 'at_least', value: 55 }],
      ['%', { kind: 'at_most', value: 0.3, strict: false }],
      ['hộ', { kind: 'reduce_by', amount: 21 }],
      ['vụ', { kind: 'at_most', value: 18, strict: false }],
      ['người', { kind: 'at_least', value: 1200 }],
    ])
  })

  it('counts written in words before a unit are figures; "cả hai vụ", "chia làm hai đợt", "mỗi xã một sản phẩm" are not', () => {
    const d = draftPlan(planWith([
      'Thành lập mới hai hợp tác xã nông nghiệp, hoàn thành ba cây cầu dân sinh.',
      'Công nhận thêm ba thôn đạt chuẩn thôn nông thôn mới kiểu mẫu.',
      'Không để đất lúa bị bỏ hoang trong cả hai vụ.',
    ]))
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['hợp tác xã', { kind: 'at_least', value: 2 }],
      ['cầu', { kind: 'at_least', value: 3 }],
      ['thôn', { kind: 'at_least', value: 3 }],
      ['đạt/không đạt', { kind: 'yes_no' }],
    ])
    expect(d.indicators[0]!.value.source).toBe('Thành lập mới hai hợp tác xã nông nghiệp')
  })

  it('"vượt 5% chỉ tiêu" is 105% of the assigned figure; per-capita income is per person per year; the measure follows ", phấn đấu"', () => {
    const d = draftPlan(planWith(['Toàn xã thi đua đẩy mạnh sản xuất, phấn đấu tổng giá trị sản xuất tăng 8,5% so với năm 2024, thu nhập bình quân đầu người đạt 68 triệu đồng; thu ngân sách nhà nước trên địa bàn vượt 5% chỉ tiêu tỉnh giao.']))
    expect(d.indicators.map((i) => [i.value.name, i.value.unitOfMeasure, i.value.target])).toEqual([
      ['Tổng giá trị sản xuất', 'triệu đồng', { kind: 'growth', percent: 8.5, baseYear: 2024 }],
      ['Thu nhập bình quân đầu người', 'triệu đồng/người/năm', { kind: 'rate_at_least', value: 68 }],
      ['Tỷ lệ thu ngân sách nhà nước trên địa bàn so với chỉ tiêu được giao', '%', { kind: 'rate_at_least', value: 105 }],
    ])
  })

  it('duties of organisations and quotas of each of them are no targets', () => {
    const d = draftPlan(proseWith([
      'Tỷ lệ hộ nghèo giảm 1,2%. Các hội, đoàn thể tiếp tục vận động hội viên chuyển đổi cây trồng, vật nuôi; các thôn chủ động dồn điền, đổi thửa.',
      'Hội Liên hiệp Phụ nữ, Đoàn Thanh niên tiếp tục phát động các cuộc vận động giúp đỡ hộ nghèo; mỗi chi hội nhận đỡ đầu ít nhất một hộ nghèo.',
      'Các thôn giữ vững danh hiệu thôn văn hóa.',
    ]))
    expect(goals(d)).toEqual(['Tỷ lệ hộ nghèo giảm 1,2%', 'Các thôn giữ vững danh hiệu thôn văn hóa'])
  })

  it('a milestone within the year leads to the target, it is not one; "Đến hết năm 2023, …" reviews a past year', () => {
    const d = draftPlan(`${HEAD.replace(/2025/gu, '2024')}
I. KẾT QUẢ
Đến hết năm 2023, xã đạt 14/19 tiêu chí xã nông thôn mới nâng cao; thu nhập bình quân đầu người năm 2023 đạt 54,2 triệu đồng.
II. CHỈ TIÊU
- Giao thông: đến ngày 30/6/2024 cứng hóa được 3,2 km đường trục thôn; đến ngày 31/12/2024 cứng hóa đạt 7,5 km.
- Vườn mẫu: đến ngày 30/6/2024 xây dựng được 6 vườn mẫu; đến ngày 31/12/2024 xây dựng đạt 15 vườn mẫu.
`)
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['km', { kind: 'at_least', value: 7.5 }],
      ['vườn', { kind: 'at_least', value: 15 }],
    ])
  })

  it('"Tốc độ tăng … đạt 6,5%" is a growth; a total stated on its own line after its crops is their sum', () => {
    const d = draftPlan(planWith([
      'Tốc độ tăng giá trị sản xuất bình quân đạt 6,5% so với năm 2024.',
      'Cây lúa cả năm: diện tích 1.240 ha, sản lượng 7.737,6 tấn.',
      'Cây ngô: diện tích 185 ha, sản lượng 897,25 tấn.',
      'Tổng sản lượng lương thực có hạt đạt 8.634,85 tấn.',
    ]))
    expect(d.indicators[0]!.value).toMatchObject({ name: 'Giá trị sản xuất bình quân', target: { kind: 'growth', percent: 6.5, baseYear: 2024 } })
    const total = d.indicators.find((i) => i.value.name.startsWith('Tổng sản lượng'))!.value
    expect(total.target).toEqual({ kind: 'derived', value: 8634.85 })
    expect(total.children?.map((c) => d.indicators.find((i) => i.value.code === c)?.value.target)).toEqual([
      { kind: 'at_least', value: 7737.6 },
      { kind: 'at_least', value: 897.25 },
    ])
  })
})

describe('reviews with targets, restated figures, OCR, footnote marks (eighth held-out set)', () => {
  it('a section "Kết quả năm 2024 và chỉ tiêu thi đua năm 2025" holds targets; a figure restated in a table for the villages is one target', () => {
    const d = draftPlan(`${HEAD}
II. KẾT QUẢ NĂM 2024 VÀ CHỈ TIÊU THI ĐUA NĂM 2025
Năm 2024, tổng đàn trâu, bò đạt 3.400 con.
1.2.1. Tổng đàn trâu, bò duy trì tối thiểu 3.460 con.
1.2.2. Không phát sinh ổ dịch bệnh nguy hiểm trên đàn gia súc, gia cầm.
Để tổ chức thực hiện, UBND xã phân bổ một số chỉ tiêu trên cho các thôn như bảng dưới đây:
| TT | Chỉ tiêu | ĐVT | Thôn 1 | Thôn 2 | Toàn xã |
| 1 | Tổng đàn trâu, bò | con | 1.700 | 1.760 | 3.460 |
`)
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['con', { kind: 'at_least', value: 3460 }],
      ['đạt/không đạt', { kind: 'yes_no' }],
    ])
    expect(d.indicators[0]!.reasons.some((r) => r.includes('nêu lại'))).toBe(true)
  })

  it('repairs what OCR makes of figures: O for 0, l for 1, a space before a thousands dot, a unit without accents', () => {
    expect(normalizeText('Trồng rừng 12O ha; đàn trâu 4.2O0 con; đạt 1O0%; lúa l.200 ha; sản lượng 2 .500 tấn; đạt 52 trieu đồng; Điều lệ; 10 Ong')).toBe(
      'Trồng rừng 120 ha; đàn trâu 4.200 con; đạt 100%; lúa 1.200 ha; sản lượng 2.500 tấn; đạt 52 triệu đồng; Điều lệ; 10 Ong',
    )
  })

  it('"(*)" marks a figure and opens its footnote; a remark in brackets is no target', () => {
    const d = draftPlan(`${HEAD}
II. CHỈ TIÊU THI ĐUA
(Bảng chỉ tiêu dán từ file Excel tổng hợp của Phòng Kinh tế)
TT\tChỉ tiêu\tĐVT\tKH 2025\tGhi chú
1\tTỷ lệ hộ gia đình đạt danh hiệu "Gia đình văn hóa"\t%\t95(*)\t
(*) Chỉ tiêu thi đua của phường, cao hơn chỉ tiêu giao (tỷ lệ hộ gia đình văn hóa 93%).
`)
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'rate_at_least', value: 95 }])
  })

  it('a small cut of a rate "so với đầu năm" is read first in points, from the level stated in brackets', () => {
    expect(only('Tỷ lệ hộ nghèo giảm từ 0,8% trở lên so với đầu năm (đầu năm 2025 là 3,65%).').value.target).toEqual({ kind: 'reduce_by', amount: 0.8, baseline: 3.65 })
  })
})

describe('appendices, two-row headings, registration tables, budgets, words (ninth held-out set)', () => {
  it('reads an appendix after the signature, with a heading of two rows', () => {
    const d = draftPlan(`${HEAD}
II. NỘI DUNG THI ĐUA
1. Năm 2024, mặc dù còn nhiều khó khăn, kinh tế của phường tăng trưởng khá: thu ngân sách đạt 23.870 triệu đồng; giải quyết việc làm cho 296 lao động.
2. Thi đua hoàn thành các chỉ tiêu tại Phụ lục kèm theo Kế hoạch này.
Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
PHỤ LỤC – CÁC CHỈ TIÊU THI ĐUA NĂM 2025
_(Kèm theo Kế hoạch số 09/KH-UBND)_
| TT | Chỉ tiêu | ĐVT | Năm 2025 |  | Ghi chú |
|  |  |  | Kế hoạch | Phấn đấu |  |
| 1 | Tổng thu ngân sách nhà nước trên địa bàn | Triệu đồng | 24.600 | 26.000 | Thị xã giao |
| 2 | Số vụ phạm pháp hình sự | Vụ | Giảm 5% | Giảm 10% | Năm 2024: 20 vụ |
`)
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['triệu đồng', { kind: 'at_least', value: 26000 }],
      ['vụ', { kind: 'at_most', value: 18, strict: false }],
    ])
  })

  it('a registration table: the figure and its unit in the "Chỉ tiêu" cell, the deadline column left out', () => {
    const d = draftPlan(`${HEAD}
II. NỘI DUNG THI ĐUA
3. Bảng đăng ký chỉ tiêu thi đua năm 2025
| TT | Nội dung đăng ký | Chỉ tiêu | Thời gian hoàn thành | Đơn vị chủ trì |
| 1 | Tổng thu ngân sách nhà nước trên địa bàn | 18.500 triệu đồng | Tháng 12/2025 | Phòng Kinh tế |
| 2 | Số vụ tai nạn giao thông | Giảm 10% so với năm 2024 (năm 2024: 10 vụ) | Tháng 12/2025 | Công an xã |
| 3 | Xã đạt tiêu chuẩn "An toàn về an ninh, trật tự" | Giữ vững | Tháng 12/2025 | Công an xã |
| 4 | Tỷ lệ thôn đạt tiêu chuẩn "An toàn về an ninh, trật tự" | 100% | Tháng 12/2025 | Công an xã |
`)
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['triệu đồng', { kind: 'at_least', value: 18500 }],
      ['vụ', { kind: 'at_most', value: 9, strict: false }],
      ['đạt/không đạt', { kind: 'yes_no' }],
      ['đạt/không đạt', { kind: 'yes_no' }],
    ])
    expect(d.indicators.every((i) => i.value.source?.startsWith('| '))).toBe(true)
  })

  it('a budget table: the unit in the heading, spending and the reserve are ceilings, a total its parts\' sum', () => {
    const d = draftPlan(`${HEAD}
II. CHỈ TIÊU THI ĐUA
Biểu dự toán thu, chi ngân sách năm 2025
| Nội dung | Dự toán 2025 (triệu đồng) |
| A. Tổng thu ngân sách nhà nước trên địa bàn | 32.450 |
| 1. Thu tiền sử dụng đất | 15.000 |
| 2. Thu khác | 17.450 |
| B. Tổng chi ngân sách | 21.360 |
| 1. Chi thường xuyên | 20.933 |
| 2. Dự phòng ngân sách | 427 |
`)
    expect(d.indicators.map((i) => i.value.target)).toEqual([
      { kind: 'derived', value: 32450 },
      { kind: 'at_least', value: 15000 },
      { kind: 'at_least', value: 17450 },
      { kind: 'at_most', value: 21360, strict: false },
      { kind: 'at_most', value: 20933, strict: false },
      { kind: 'at_most', value: 427, strict: false },
    ])
  })

  it('percentages in words, new units recognised ("từ 3-5 bản được công nhận mới"), "gồm:" parts, kg per person', () => {
    expect(normalizeText('đạt chín mươi phần trăm; ba mươi lăm phần trăm; một trăm phần trăm; 90 phần trăm quân số')).toBe('đạt 90%; 35%; 100%; 90% quân số')
    const d = draftPlan(planWith([
      'Có từ 3-5 bản được công nhận mới danh hiệu bản văn hóa.',
      'Tổng đàn gia súc 6.850 con, gồm: trâu 2.100 con, bò 1.450 con, dê 3.300 con.',
      'Bình quân lương thực đầu người đạt từ 420 kg/người/năm trở lên.',
      'Ngoài các chỉ tiêu trên, mỗi bản tổ chức ít nhất 02 buổi tuyên truyền về bảo vệ rừng.',
    ]))
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['bản', { kind: 'range', min: 3, max: 5 }],
      ['con', { kind: 'derived', value: 6850 }],
      ['con', { kind: 'at_least', value: 2100 }],
      ['con', { kind: 'at_least', value: 1450 }],
      ['con', { kind: 'at_least', value: 3300 }],
      ['kg/người/năm', { kind: 'rate_at_least', value: 420 }],
    ])
  })

  it('a paragraph reviewing last year that goes on with the plan\'s year keeps the targets after the turn', () => {
    const d = draftPlan(planWith([], 'Năm 2024, giá trị sản xuất tăng 7,4%, toàn xã còn 157 hộ nghèo, chiếm 3,86%. Năm 2025, xã phấn đấu tốc độ tăng giá trị sản xuất đạt 8,5% trở lên so với năm 2024; giữ vững xã đạt chuẩn nông thôn mới nâng cao.'))
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([
      ['Giá trị sản xuất', { kind: 'growth', percent: 8.5, baseYear: 2024 }],
      ['Giữ vững xã đạt chuẩn nông thôn mới nâng cao', { kind: 'yes_no' }],
    ])
  })
})

describe('targets against last year\'s stated figure, names in quotes, deadlines (tenth held-out set)', () => {
  it('reads a comparison with the base year\'s figure in brackets', () => {
    const d = draftPlan(planWith([
      'Số hộ kinh doanh đăng ký mới không thấp hơn năm 2024 (năm 2024: 85 hộ).',
      'Tỷ lệ điều tra, khám phá án hình sự cao hơn năm 2024 (năm 2024 đạt 86%).',
      'Số vụ vi phạm trật tự xây dựng không vượt quá mức năm 2024 (15 vụ).',
      'Số lao động có việc làm mới cao hơn năm 2024 ít nhất 50 người (năm 2024: 420 người).',
      'Tỷ lệ người dân tham gia bảo hiểm y tế tăng thêm 2 điểm phần trăm so với năm 2024 (năm 2024 đạt 91%).',
      'Thu nhập bình quân đầu người cao hơn năm 2024 ít nhất 8% (năm 2024: 72 triệu đồng/người/năm).',
      'Thu ngân sách nhà nước trên địa bàn cao hơn năm 2024 ít nhất 5% (năm 2024 thu được 38,6 tỷ đồng).',
    ]))
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['hộ', { kind: 'at_least', value: 85 }],
      ['%', { kind: 'rate_at_least', value: 86, strict: true }],
      ['vụ', { kind: 'at_most', value: 15, strict: false }],
      ['người', { kind: 'at_least', value: 470 }],
      ['%', { kind: 'rate_at_least', value: 93 }],
      ['triệu đồng/người/năm', { kind: 'rate_at_least', value: 77.76 }],
      ['tỷ đồng', { kind: 'growth', percent: 5, baseYear: 2024, baseValue: 38.6 }],
    ])
  })

  it('movement names in quotes, a quota of several organisations and a deadline are no targets', () => {
    const d = draftPlan(planWith([
      'Tỷ lệ hộ nghèo giảm 0,5%; “Chung tay xây dựng đô thị văn minh”; “Toàn dân bảo vệ an ninh Tổ quốc”.',
      'Mỗi chi hội, chi đoàn có ít nhất 01 mô hình “Dân vận khéo”; hoàn thành trước ngày 10/02/2025.',
    ]))
    expect(goals(d)).toEqual(['Tỷ lệ hộ nghèo giảm 0,5%'])
  })
})

describe('typed from a photo, the year so far (eleventh held-out set)', () => {
  it('repairs a roman numeral typed with l, spaces as thousands separators and measures\' lost accents', () => {
    expect(normalizeText('Il. NỘI DUNG\n- Lúa: diện tích 1 120 ha, nâng suất 58 tạ/ha, sán lượng 6 496 tấn; ≥ 12 500 con; tỷ lệ hô nghèo; ngày 15 tháng 01 năm 2023; 11 thôn 120 hộ')).toBe(
      'II. NỘI DUNG\n- Lúa: diện tích 1.120 ha, năng suất 58 tạ/ha, sản lượng 6.496 tấn; ≥ 12.500 con; tỷ lệ hộ nghèo; ngày 15 tháng 01 năm 2023; 11 thôn 120 hộ',
    )
  })

  it('a paragraph on the year so far ("Trong 8 tháng đầu năm, …") holds no targets', () => {
    const d = draftPlan(planWith(['Thu ngân sách trên địa bàn đạt 46,5 tỷ đồng.'], 'Trong 8 tháng đầu năm, thu ngân sách nhà nước trên địa bàn đạt 28,7 tỷ đồng; giải quyết việc làm cho 412 lao động.'))
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 46.5 }])
  })
})

describe('units in the name cell, shares for the villages, topic lines, letters (twelfth held-out set)', () => {
  it('a table with the unit in brackets in the name cell, beside last year\'s plan and result', () => {
    const d = draftPlan(`${HEAD}
II. CHỈ TIÊU THI ĐUA
| TT | Chỉ tiêu | KH 2024 | TH 2024 | KH 2025 |
| 1 | Thu ngân sách trên địa bàn (triệu đồng) | 18.500 | 19.840 | 21.200 |
| 2 | Tỷ lệ hộ nghèo (%) | 0,6 | 0,52 | < 0,4 |
| 3 | Số vụ tai nạn giao thông (vụ) | ≤ 12 | 10 | Giảm 10% |
`)
    expect(d.indicators.map((i) => [i.value.name, i.value.unitOfMeasure, i.value.target])).toEqual([
      ['Thu ngân sách trên địa bàn', 'triệu đồng', { kind: 'at_least', value: 21200 }],
      ['Tỷ lệ hộ nghèo', '%', { kind: 'at_most', value: 0.4, strict: true }],
      ['Số vụ tai nạn giao thông', 'vụ', { kind: 'at_most', value: 9, strict: false }],
    ])
  })

  it('a commune figure shared out to its villages is one target; a topic line over its items is none', () => {
    const d = draftPlan(`${HEAD}
II. NỘI DUNG VÀ CHỈ TIÊU THI ĐUA
Các phong trào được triển khai đến từng thôn, bản, với các chỉ tiêu:
- Về phát triển kinh tế
+ Nông nghiệp, lâm nghiệp
* Trồng mới 145 ha rừng sản xuất, trong đó thôn Nà Lừa 45 ha, thôn Khuổi Bon 38 ha, thôn Bản Chang 34 ha, thôn Phja Đăm 28 ha.
* Tổng đàn trâu, bò đạt 3.250 con, trong đó thôn Nà Lừa 950 con, thôn Khuổi Bon 820 con.
`)
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['ha', { kind: 'at_least', value: 145 }],
      ['con', { kind: 'at_least', value: 3250 }],
    ])
    expect(d.indicators[0]!.reasons.join(' ')).toContain('Nà Lừa')
  })

  it('in a long sentence the measure starts after the request; "kéo giảm … ít nhất 10%" is a cut; a size in brackets describes', () => {
    const d = draftPlan(planWith([
      'Về quốc phòng, an ninh, Ủy ban nhân dân đề nghị Ban Chỉ huy Quân sự, Công an phối hợp chặt chẽ với các khu phố để hoàn thành 100% chỉ tiêu giao quân.',
      'Mỗi người dân là một “camera” an ninh, cùng kéo giảm số vụ tai nạn giao thông ít nhất 10% so với năm 2024 (năm 2024 xảy ra 20 vụ).',
      'Hoàn thành nâng cấp tuyến đường Trần Phú (đoạn từ cầu Lạc Sơn đến chợ An Lạc, dài 1,2 km).',
    ]))
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([
      ['Tỷ lệ hoàn thành chỉ tiêu giao quân', { kind: 'rate_at_least', value: 100 }],
      ['Số vụ tai nạn giao thông', { kind: 'at_most', value: 18, strict: false }],
      ['Hoàn thành nâng cấp tuyến đường Trần Phú (đoạn từ cầu Lạc Sơn đến chợ An Lạc, dài 1,2 km)', { kind: 'yes_no' }],
    ])
  })
})

describe('draftPlan: lists of "Name: value" lines and tables one cell a line', () => {
  /** A plan whose targets are "Name: value" lines (no bullets) under a numbered field. */
  const labelled = (lines: string[]): PlanDraft =>
    draftPlan(`${HEAD}
I. CHỈ TIÊU THI ĐUA NĂM 2025
1. Lĩnh vực kinh tế - xã hội
${lines.join('\n')}
II. TỔ CHỨC THỰC HIỆN
Văn phòng tổng hợp, báo cáo.
`)
  const targets = (d: PlanDraft) => d.indicators.map((i) => [i.value.name, i.value.unitOfMeasure, i.value.target])

  it('reads the signs ≥, >, ≤, < before a figure as the words they stand for', () => {
    expect(target('Số hợp tác xã thành lập mới: > 3 hợp tác xã.')).toEqual({ kind: 'at_least', value: 3, strict: true })
    expect(target('Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân: ≤ 9,5%.')).toEqual({ kind: 'at_most', value: 9.5, strict: false })
    expect(target('Tỷ lệ lao động không có việc làm: < 2%.')).toEqual({ kind: 'at_most', value: 2, strict: true })
    expect(target('Tỷ lệ hộ dùng nước hợp vệ sinh: ≥97%.')).toEqual({ kind: 'rate_at_least', value: 97 })
  })

  it('keeps each "Name: value" line an item of its own, even after a long line without a stop', () => {
    const text = normalizeText('Tỷ lệ cặp vợ chồng áp dụng các biện pháp tránh thai hiện đại trong độ tuổi sinh đẻ: ≥ 70%\nTỷ lệ hộ nghèo: giảm 0,5% so với đầu năm\nANTT: giữ vững xã đạt chuẩn an toàn')
    expect(text.split('\n')).toHaveLength(3)
  })

  it('links area, yield and output of a crop on "Name: value" lines, and a table row whose name has a remark in brackets', () => {
    const d = labelled(['Diện tích gieo trồng ngô cả năm (hai vụ): 420 ha', 'Năng suất ngô bình quân: 55 tạ/ha', 'Sản lượng ngô: 2.310 tấn'])
    const yieldRow = d.indicators.find((i) => /năng suất/iu.test(i.value.name))!
    expect(yieldRow.value.target).toEqual({ kind: 'derived', value: 55 })
    expect(yieldRow.value.formula).toMatch(/\* 10 \//u)
  })

  it('a bare 0 for cases is "none": at most 0; two kinds of cases are two targets', () => {
    const d = labelled(['Số vụ cháy rừng: 0 vụ', 'Số vụ cháy, nổ gây thiệt hại nghiêm trọng: 0 vụ'])
    expect(targets(d)).toEqual([
      ['Số vụ cháy rừng', 'vụ', { kind: 'at_most', value: 0, strict: false }],
      ['Số vụ cháy, nổ gây thiệt hại nghiêm trọng', 'vụ', { kind: 'at_most', value: 0, strict: false }],
    ])
  })

  it('"giảm cả 3 tiêu chí" is a yes/no goal, not three criteria to reach', () => {
    const d = labelled(['Số vụ phạm pháp hình sự: ≤ 5 vụ', 'Tai nạn giao thông: giảm cả 3 tiêu chí so với năm 2024'])
    expect(d.indicators.map((i) => i.value.target?.kind)).toEqual(['at_most', 'yes_no'])
    expect(d.indicators[1]!.value.name).toMatch(/^Tai nạn giao thông/u)
  })

  it('reads units of organisations and a percentage of the plan in a unit cell', () => {
    expect(only('Thành lập mới 03 tổ hội nghề nghiệp.').value).toMatchObject({ unitOfMeasure: 'tổ hội', target: { kind: 'at_least', value: 3 } })
    expect(only('Vận động hiến máu tình nguyện đạt ít nhất 120 đơn vị máu.').value).toMatchObject({ unitOfMeasure: 'đơn vị máu', target: { kind: 'at_least', value: 120 } })
    const d = draftPlan(planWith([], 'TT\tChỉ tiêu\tĐVT\tKế hoạch 2025\n1\tHuấn luyện dân quân\t% kế hoạch\t100\n2\tSản lượng lúa\ttấn\t3.200'))
    expect(d.indicators[0]!.value).toMatchObject({ name: expect.stringMatching(/huấn luyện dân quân$/iu), unitOfMeasure: '%', target: { kind: 'rate_at_least', value: 100 } })
    expect(d.indicators[1]!.value).toMatchObject({ name: 'Sản lượng lúa', unitOfMeasure: 'tấn', target: { kind: 'at_least', value: 3200 } })
  })

  it("takes a cut in cases from the count stated later in the base year's review paragraph", () => {
    const d = draftPlan(`${HEAD}
I. KẾT QUẢ NĂM 2024
Năm 2024, kinh tế của xã tiếp tục tăng trưởng; thu ngân sách đạt 9.100 triệu đồng. Trên địa bàn xảy ra 30 vụ tai nạn giao thông, làm bị thương 12 người.
II. CHỈ TIÊU THI ĐUA NĂM 2025
- Số vụ tai nạn giao thông giảm ít nhất 10% so với năm 2024.
`)
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_most', value: 27, strict: false }])
  })

  it('rebuilds a table whose cells a PDF gives one per line, across a page break', () => {
    const raw = `Bảng 1. Chỉ tiêu năm 2025
TT
Chỉ tiêu
Đơn vị tính
Kế hoạch 2025
1
Tổng thu ngân sách trên địa bàn
triệu đồng
8.400
2
Tỷ lệ hộ dùng nước sạch
%
≥ 98

                                                   Trang 2/4
UBND XÃ HÒA AN                          Kế hoạch thi đua năm 2025
3
Số hộ nghèo giảm trong năm
hộ
12
b) Về văn hóa - xã hội:`
    expect(normalizeText(raw).split('\n')).toEqual([
      'Bảng 1. Chỉ tiêu năm 2025',
      '| TT | Chỉ tiêu | Đơn vị tính | Kế hoạch 2025 |',
      '| 1 | Tổng thu ngân sách trên địa bàn | triệu đồng | 8.400 |',
      '| 2 | Tỷ lệ hộ dùng nước sạch | % | ≥ 98 |',
      '| 3 | Số hộ nghèo giảm trong năm | hộ | 12 |',
      'b) Về văn hóa - xã hội:',
    ])
    // Numbers alone that do not follow on (a page number, a list of figures) stay as they are.
    // "TT" with no numbered rows after it is no table.
    expect(normalizeText('TT\nChỉ tiêu\nGhi chú\n- Giữ vững an ninh, trật tự.')).not.toContain('|')
  })
})

describe('draftPlan: items numbered in brackets, reviews, phases and per-population rates', () => {
  it('reads "(1) …" items as a list, but a line opening on a footnote mark the text uses stays a note', () => {
    const d = draftPlan(`${HEAD}
I. KẾT QUẢ NĂM 2024
Năm 2024, thu ngân sách đạt 42.318 triệu đồng.
II. MỤC TIÊU, CHỈ TIÊU NĂM 2025
1. Các chỉ tiêu thi đua cụ thể
(1) Tổng thu ngân sách nhà nước trên địa bàn đạt 45.500 triệu đồng trở lên (năm 2024 đạt 42.318 triệu đồng).
(2) Tỷ lệ hộ nghèo giảm còn dưới 0,15%.
`)
    expect(d.indicators.map((i) => i.value.target)).toEqual([
      { kind: 'at_least', value: 45500 },
      { kind: 'at_most', value: 0.15, strict: true },
    ])
    expect(normalizeText('| 1 | Tỷ lệ tuyến phố văn minh | % | ≥ 80 (1) |\n(1) Tính trên tổng số 42 tuyến.')).toContain('\n(1) Tính trên')
  })

  it('leaves out a section on where things stand and the plan\'s own funding', () => {
    const d = draftPlan(`${HEAD}
I. THỰC TRẠNG
Theo kết quả rà soát cuối năm 2024, toàn xã có 3.176 hộ, trong đó 87 hộ nghèo; còn 9 căn nhà tạm.
II. CHỈ TIÊU THI ĐUA NĂM 2025
- Xây mới 12 căn nhà Đại đoàn kết cho hộ nghèo.
III. KINH PHÍ
Tổng kinh phí dự kiến 0,92 tỷ đồng; mỗi hộ kinh doanh ủng hộ tối thiểu 200.000 đồng.
`)
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([['căn', { kind: 'at_least', value: 12 }]])
  })

  it("the year's figure shared out over phases in brackets is one target; a support level is not one", () => {
    const d = draftPlan(planWith(['Xây mới 12 căn nhà Đại đoàn kết (Giai đoạn 1: 4 căn; Giai đoạn 2: 5 căn; Giai đoạn 3: 3 căn), mức hỗ trợ 60 triệu đồng/căn.', 'Vận động Quỹ "Vì người nghèo" đạt 350 triệu đồng trở lên (Đợt 1 đạt 150 triệu đồng, Đợt 2 đạt 200 triệu đồng).']))
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['căn', { kind: 'at_least', value: 12 }],
      ['triệu đồng', { kind: 'at_least', value: 350 }],
    ])
  })

  it('"trên dưới" is about the figure; rates per population and at birth have their units', () => {
    expect(target('Sản lượng lương thực có hạt trên dưới 3.900 tấn.')).toEqual({ kind: 'at_least', value: 3900 })
    const d = draftPlan(planWith(['Duy trì đạt 9 bác sĩ/vạn dân và 14 giường bệnh/vạn dân.', 'Tỷ số giới tính khi sinh không quá 110 bé trai/100 bé gái.']))
    expect(d.indicators.map((i) => [i.value.name, i.value.unitOfMeasure, i.value.target])).toEqual([
      [expect.any(String), 'bác sĩ/vạn dân', { kind: 'rate_at_least', value: 9 }],
      ['Số giường bệnh/vạn dân', 'giường bệnh/vạn dân', { kind: 'rate_at_least', value: 14 }],
      [expect.stringMatching(/^Tỷ số giới tính khi sinh/u), 'bé trai/100 bé gái', { kind: 'at_most', value: 110, strict: false }],
    ])
  })

  it('in a table: a herd total over its "Trong đó: +" rows, a crop output given as the part row of the grain total, a value per hectare', () => {
    const d = draftPlan(
      planWith(
        [],
        `| TT | Chỉ tiêu | Đơn vị tính | Thực hiện 2024 | Kế hoạch 2025 |
|---|---|---|---|---|
| 1 | Tổng sản lượng lương thực có hạt | Tấn | 8.112 | 8.400 |
| | - Lúa | Tấn | 6.905 | 7.150 |
| | - Ngô | Tấn | 1.207 | 1.250 |
| 2 | Diện tích lúa cả năm | Ha | 1.102 | 1.100 |
| 3 | Năng suất lúa bình quân | Tạ/ha | 62,7 | 65 |
| 4 | Giá trị sản xuất trên 1 ha đất canh tác | Triệu đồng | 128 | 135 |
| 5 | Tổng đàn trâu, bò | Con | 5.640 | 5.800 |
| | Trong đó: + Đàn trâu | Con | 1.210 | 1.150 |
| | + Đàn bò | Con | 4.430 | 4.650 |`,
      ),
    )
    const byName = (re: RegExp) => d.indicators.find((i) => re.test(i.value.name))!.value
    expect(byName(/^năng suất lúa/iu)).toMatchObject({ target: { kind: 'derived', value: 65 }, formula: expect.stringMatching(/\* 10 \//u) })
    expect(byName(/^giá trị sản xuất trên 1 ha/iu)).toMatchObject({ unitOfMeasure: 'triệu đồng/ha', target: { kind: 'rate_at_least', value: 135 } })
    expect(byName(/^tổng đàn trâu/iu)).toMatchObject({ target: { kind: 'derived', value: 5800 }, children: expect.any(Array) })
    expect(byName(/^tổng sản lượng lương thực/iu)).toMatchObject({ target: { kind: 'derived', value: 8400 } })
  })
})

describe('draftPlan: decisions, phrase tables, chat copies and ordinary lists', () => {
  it('reads a decision\'s articles: Điều 1 holds the targets, the rewards article and an appendix sharing them out to the villages do not', () => {
    const d = draftPlan(`ỦY BAN NHÂN DÂN XÃ HÒA AN
Số: 18/QĐ-UBND
Hòa An, ngày 09 tháng 01 năm 2026
QUYẾT ĐỊNH
Về việc giao chỉ tiêu thi đua năm 2026
Điều 1. Giao chỉ tiêu thi đua năm 2026 cho các thôn (xã được thành lập ngày 01/7/2025; năm 2025 tỷ lệ hộ nghèo cuối năm còn 3,12%, xảy ra 10 vụ tai nạn giao thông), cụ thể như sau:
a) Thu ngân sách nhà nước trên địa bàn đạt 9.600 triệu đồng trở lên.
b) Cứng hóa 5,5 km đường giao thông nông thôn.
Điều 2. Khen thưởng
Thôn hoàn thành từ 90% chỉ tiêu được giao trở lên được thưởng 2.000.000 đồng.
Điều 3. Tổ chức thực hiện
Văn phòng theo dõi, tổng hợp.
CHỦ TỊCH
Hoàng Văn Thịnh
PHỤ LỤC
PHÂN BỔ MỘT SỐ CHỈ TIÊU THI ĐUA NĂM 2026 CHO CÁC THÔN
Thôn Đông Hạ: lúa 260 ha, sản lượng 1.586 tấn.
Cộng toàn xã: lúa 1.380 ha.
`)
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['triệu đồng', { kind: 'at_least', value: 9600 }],
      ['km', { kind: 'at_least', value: 5.5 }],
    ])
  })

  it('reads a table "Chỉ tiêu | Mức phấn đấu" whose cells are phrases, in figures or in words', () => {
    const d = draftPlan(
      planWith(
        [],
        `| Chỉ tiêu | Mức phấn đấu |
|---|---|
| I. KINH TẾ | |
| Tổng thu ngân sách nhà nước trên địa bàn | Đạt 48.500 triệu đồng trở lên |
| Giá trị sản xuất thương mại - dịch vụ | Tăng 8% so với năm 2024 |
| Cháy, nổ gây thiệt hại nghiêm trọng về người và tài sản | Không để xảy ra |
| Nâng cấp đường Nguyễn Thái Học | Hoàn thành trước ngày 30/9/2025 |
| Trường Mầm non Hoa Sen | Được công nhận lại đạt chuẩn quốc gia mức độ 1 |
| Đảng viên mới được kết nạp | Ít nhất 15 đồng chí |`,
      ),
    )
    expect(d.indicators.map((i) => i.value.target)).toEqual([
      { kind: 'at_least', value: 48500 },
      { kind: 'growth', percent: 8, baseYear: 2024 },
      { kind: 'yes_no' },
      { kind: 'yes_no' },
      { kind: 'yes_no' },
      { kind: 'at_least', value: 15 },
    ])
  })

  it('in a list: a paragraph on the end of last year states, "thêm ít nhất 02 bản" counts new ones, a crop\'s lines are linked', () => {
    const d = draftPlan(`${HEAD}
II. CHỈ TIÊU THI ĐUA
Cuối năm 2024, toàn xã có 1.127 hộ, trong đó 435 hộ nghèo, chiếm 38,6%. Năm 2025 phấn đấu đạt các chỉ tiêu sau:
- Diện tích gieo trồng lúa cả năm đạt 1.240 ha.
- Năng suất lúa bình quân cả năm đạt 62 tạ/ha.
- Sản lượng lúa cả năm đạt 7.688 tấn.
- Có thêm ít nhất 02 bản được công nhận danh hiệu "Bản văn hóa".
`)
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['ha', { kind: 'at_least', value: 1240 }],
      ['tạ/ha', { kind: 'derived', value: 62 }],
      ['tấn', { kind: 'at_least', value: 7688 }],
      ['bản', { kind: 'at_least', value: 2 }],
    ])
  })

  it('a table row "… giảm so với năm 2025 | % | ≥ 5" on cases counted in the review is a ceiling', () => {
    const d = draftPlan(`${HEAD}
I. KẾT QUẢ NĂM 2024
Năm 2024, trên địa bàn xảy ra 20 vụ tai nạn giao thông.
II. CHỈ TIÊU THI ĐUA NĂM 2025
| TT | Chỉ tiêu | ĐVT | Kế hoạch 2025 |
|---|---|---|---|
| 1 | Số vụ tai nạn giao thông giảm so với năm 2024 | % | ≥ 5 |
`)
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_most', value: 19, strict: false }])
  })
})

describe('draftPlan: web pages, paragraphs by field and crops named many ways', () => {
  it('reads a web page: links and the related news after the article are not targets, a paragraph "Về …:" is content', () => {
    const d = draftPlan(`CỔNG THÔNG TIN ĐIỆN TỬ THỊ TRẤN HÒA AN
Thị trấn Hòa An phát động phong trào thi đua năm 2024
Xem thêm: Thị trấn Hòa An tổng kết năm 2023: 9/10 chỉ tiêu đạt và vượt kế hoạch
Về kinh tế: Diện tích vườn ươm đạt 310 ha; sản xuất, cung ứng 18 triệu cây giống các loại.
Về quốc phòng, an ninh: Hoàn thành 100% chỉ tiêu giao quân. Giữ vững thị trấn đạt chuẩn "An toàn về an ninh, trật tự", không để xảy ra tội phạm nghiêm trọng.
Tệp đính kèm: 05-KH-UBND-thi-dua-2024.pdf (312 KB)
Xem thêm:
- Khu phố 5 ra quân thu gom 12 tấn rác thải, khơi thông 3 km kênh rạch
- Thị trấn Hòa An đạt 94,7% tỷ lệ tham gia bảo hiểm y tế năm 2023
`)
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target?.kind])).toEqual([
      ['ha', 'at_least'],
      ['triệu cây', 'at_least'],
      ['%', 'rate_at_least'],
      // "Giữ vững … “An toàn về an ninh, trật tự”, không để xảy ra tội phạm nghiêm trọng": two goals,
      // serious crime being an outcome of its own (test/fixtures/heldout2/README.md, conventions).
      ['đạt/không đạt', 'yes_no'],
      ['đạt/không đạt', 'yes_no'],
    ])
    expect(d.indicators[2]!.value.name).not.toMatch(/^Về/u)
  })

  it('"Đầu năm 2023, toàn xã còn 98 hộ nghèo, …" states where the year starts; "13/15 xóm" counts xóm', () => {
    const d = draftPlan(`ỦY BAN NHÂN DÂN XÃ DIÊM HÒA
KẾ HOẠCH
Phát động phong trào thi đua năm 2023
Đầu năm 2023, toàn xã còn 98 hộ nghèo, chiếm 3,46% tổng số hộ. Căn cứ tình hình thực tế, Ủy ban nhân dân xã đề ra các chỉ tiêu thi đua năm 2023 như sau:
1. Giảm ít nhất 20 hộ nghèo.
2. Có 13/15 xóm đạt danh hiệu xóm văn hóa.
`)
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['hộ', expect.objectContaining({ kind: 'reduce_by', amount: 20 })],
      ['xóm', { kind: 'at_least', value: 13 }],
    ])
  })

  it('links a crop named by its plant, its product or the whole commune, whatever the line opens on', () => {
    const d = draftPlan(
      planWith([
        'Cây cà phê: diện tích 6.450 ha, năng suất bình quân 3,2 tấn/ha, sản lượng cà phê nhân 20.640 tấn.',
        'Tổng diện tích chè toàn xã 612 ha, năng suất chè búp tươi bình quân 140 tạ/ha, sản lượng 8.568 tấn.',
      ]),
    )
    expect(d.indicators.filter((i) => i.value.target?.kind === 'derived').map((i) => i.value.target)).toEqual([
      { kind: 'derived', value: 3.2 },
      { kind: 'derived', value: 140 },
    ])
  })
})

describe('draftPlan: items numbered inside a paragraph, and units of trade and markets', () => {
  it('"… các chỉ tiêu chủ yếu sau: (1) …; (2) …": each number opens a target of its own, named from it', () => {
    const d = draftPlan(planWith([], 'Năm 2025, xã phấn đấu hoàn thành và vượt các chỉ tiêu chủ yếu sau: (1) Tổng giá trị sản xuất tăng 10 - 11% so với năm 2024; (2) Thu nhập bình quân đầu người đạt 72 triệu đồng.'))
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([
      ['Tổng giá trị sản xuất', { kind: 'growth', percent: 10, maxPercent: 11, baseYear: 2024 }],
      ['Thu nhập bình quân đầu người', { kind: 'rate_at_least', value: 72 }],
    ])
  })

  it('counts trade in triệu USD and markets in chợ', () => {
    expect(only('Giá trị hàng hóa xuất nhập khẩu qua cửa khẩu đạt 42 triệu USD trở lên.').value).toMatchObject({ unitOfMeasure: 'triệu USD', target: { kind: 'at_least', value: 42 } })
    expect(only('Chỉnh trang 02 chợ dân sinh.').value).toMatchObject({ unitOfMeasure: 'chợ', target: { kind: 'at_least', value: 2 } })
  })
})

describe('draftPlan: sets 21 and 22 (descriptions, cases of labour accidents, sowing, footers)', () => {
  it('leaves out the commune described ("Đặc điểm tình hình", "hiện có … nhân khẩu") and how often a duty is done', () => {
    const d = draftPlan(`${HEAD}
Thị trấn hiện có 9 tổ dân phố và 4 bản, 2.412 hộ với 9.706 nhân khẩu; đến ngày 31/12/2024 còn 164 hộ nghèo. Ủy ban nhân dân thị trấn xây dựng Kế hoạch như sau:
I. ĐẶC ĐIỂM TÌNH HÌNH
Xã có 08 ấp, 3.912 hộ, trong đó đồng bào dân tộc Khmer chiếm 63,4%.
II. CHỈ TIÊU THI ĐUA
- Giảm ít nhất 18 hộ nghèo.
- Tăng cường kiểm tra, xử lý lấn chiếm vỉa hè (mỗi tháng ít nhất 02 đợt ra quân).
`)
    // The inspections are a way of working (a direction), not a goal of the year.
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target?.kind])).toEqual([['hộ', 'reduce_by']])
  })

  it('a cut in labour accidents counts cases, from the count the review states', () => {
    const d = draftPlan(`${HEAD}
I. KẾT QUẢ NĂM 2024
Trên địa bàn có 612 doanh nghiệp. Năm 2024 trên địa bàn xảy ra 20 vụ tai nạn lao động và 40 vụ phạm pháp hình sự.
II. CHỈ TIÊU THI ĐUA NĂM 2025
- Giảm ít nhất 5% số vụ tai nạn lao động so với năm 2024.
- Kéo giảm từ 5% số vụ phạm pháp hình sự trở lên so với năm 2024.
`)
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['vụ', { kind: 'at_most', value: 19, strict: false }],
      ['vụ', { kind: 'at_most', value: 38, strict: false }],
    ])
  })

  it('a crop\'s hectares right before its yield are its area ("trong đó lúa ruộng 310 ha, năng suất …"), a village\'s share is not', () => {
    const d = draftPlan(planWith(['Tổng diện tích gieo trồng cây hằng năm đạt 1.240 ha; trong đó lúa ruộng 310 ha, năng suất bình quân 52 tạ/ha, sản lượng 1.612 tấn.']))
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 1240 }, { kind: 'at_least', value: 310 }, { kind: 'derived', value: 52 }, { kind: 'at_least', value: 1612 }])
  })

  it('links a season\'s direct-seeded area ("gieo sạ") to its yield and output', () => {
    const d = draftPlan(planWith(['Lúa vụ Đông Xuân 2024 - 2025: gieo sạ 2.950 ha, năng suất bình quân 7,2 tấn/ha, sản lượng 21.240 tấn.']))
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 2950 }, { kind: 'derived', value: 7.2 }, { kind: 'at_least', value: 21240 }])
  })

  it('drops a running footer that closes each page before its number; "trên cả 3 tiêu chí" after "và" stays in its goal', () => {
    const text = normalizeText(`- Nạo vét 12 tuyến kênh thủy lợi nội đồng.
Xã An Phú - Kế hoạch thi đua năm 2025
                                         2
- Giữ vững an ninh trật tự.
Xã An Phú - Kế hoạch thi đua năm 2025
                                         3
- Kiềm chế, kéo giảm tai nạn giao thông đường bộ và đường thủy trên cả 3 tiêu chí.`)
    expect(text).not.toContain('Kế hoạch thi đua năm 2025')
    const d = draftPlan(planWith(['Kiềm chế, kéo giảm tai nạn giao thông đường bộ và đường thủy trên cả 3 tiêu chí.']))
    expect(d.indicators.map((i) => i.value.target?.kind)).toEqual(['yes_no'])
  })
})

describe('draftPlan: sets 23 and 24 (labels before a colon, khối phố, more units)', () => {
  it('"trong đó lúa 2 vụ: diện tích 215 ha, năng suất 48 tạ/ha, sản lượng 2.064 tấn": the seasons label the crop, they are no target', () => {
    const d = draftPlan(planWith(['Tổng diện tích gieo trồng 640 ha, trong đó lúa 2 vụ: diện tích 215 ha, năng suất 48 tạ/ha, sản lượng 1.032 tấn.']))
    expect(d.indicators.map((i) => i.value.unitOfMeasure)).not.toContain('vụ')
    expect(d.indicators.find((i) => i.value.unitOfMeasure === 'tạ/ha')?.value.target).toEqual({ kind: 'derived', value: 48 })
  })

  it('reads "100% khối phố" as each khối phố\'s status, and units di tích, chuỗi, DN', () => {
    expect(only('100% khối phố đạt danh hiệu "Khối phố văn hóa".').value.target).toEqual({ kind: 'yes_no' })
    expect(only('Tu bổ, chống xuống cấp 03 di tích.').value.unitOfMeasure).toBe('di tích')
    expect(only('Xây dựng mới ít nhất 03 chuỗi liên kết sản xuất, tiêu thụ rau an toàn.').value.unitOfMeasure).toBe('chuỗi')
    expect(only('Số doanh nghiệp thành lập mới ≥ 45 DN.').value).toMatchObject({ unitOfMeasure: 'doanh nghiệp', target: { kind: 'at_least', value: 45 } })
    expect(only('Sản lượng dừa trái đạt 27,5 triệu trái.').value).toMatchObject({ unitOfMeasure: 'triệu trái', target: { kind: 'at_least', value: 27.5 } })
    expect(only('Duy trì hoạt động của 06 đội cồng chiêng tại các buôn.').value.unitOfMeasure).toBe('đội')
  })
})

describe('draftPlan: sentences opening on a figure, directions in a list, crops abbreviated (issue 13, held-out files under 90 %)', () => {
  it('a stop before a figure ends a sentence: "… vệ sinh môi trường. 100% tổ dân phố …" is its own item', () => {
    const d = draftPlan(planWith(['Giữ vững trật tự đô thị, không để tái lấn chiếm vỉa hè. 100% tổ dân phố đạt tiêu chuẩn "Tổ dân phố văn minh".']))
    const status = d.indicators.find((i) => /tổ dân phố/iu.test(i.value.name))
    expect(status?.value.target).toEqual({ kind: 'yes_no' })
    expect(status?.value.source).toMatch(/^100% tổ dân phố đạt tiêu chuẩn/u)
    // A decimal stays one number.
    expect(only('Tỷ lệ che phủ cây xanh đạt 6.5 %.').value.target).toEqual({ kind: 'rate_at_least', value: 6.5 })
  })

  it('"Tập trung chăm sóc, cải tạo vườn cây …" in a list says where the effort goes, no target; "tập trung hoàn thành …" is one', () => {
    const d = draftPlan(planWith(['Tập trung chăm sóc, cải tạo vườn chè gắn với chế biến sâu.', 'Sản lượng chè búp đạt 1.200 tấn.', 'Tập trung hoàn thành dứt điểm việc cấp giấy chứng nhận quyền sử dụng đất.']))
    expect(d.indicators.map((i) => i.value.source)).toEqual(['Sản lượng chè búp đạt 1.200 tấn', 'Tập trung hoàn thành dứt điểm việc cấp giấy chứng nhận quyền sử dụng đất'])
  })

  it('a "trong đó" part of a named whole after a topic and a colon is named by itself', () => {
    const d = draftPlan(planWith(['Nâng cao chất lượng hoạt động hợp tác xã: tổng số thành viên đạt 420 người, trong đó thành viên nữ 150 người.']))
    expect(d.indicators.map((i) => i.value.name)).toEqual(['Nâng cao chất lượng hoạt động hợp tác xã – tổng số thành viên', 'Thành viên nữ'])
  })

  it('"Ngô cả năm: DT 300 ha, NS 55 tạ/ha, SL 1.650 tấn": a crop\'s measures abbreviated; "Thu NS" stays a budget', () => {
    const d = draftPlan(planWith(['Ngô cả năm: DT 300 ha, NS 55 tạ/ha, SL 1.650 tấn', 'Thu NS trên địa bàn ≥ 9,2 tỷ đ']))
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([
      ['Diện tích ngô', { kind: 'at_least', value: 300 }],
      ['Năng suất ngô', { kind: 'derived', value: 55 }],
      ['Sản lượng ngô', { kind: 'at_least', value: 1650 }],
      ['Thu NS trên địa bàn', { kind: 'at_least', value: 9.2 }],
    ])
    expect(d.indicators[1]!.value.formula).toBe('NGO_SL * 10 / NGO_DT')
  })

  it('a "trong đó" area between a crop\'s area and its yield does not take the yield; "các loại" qualifies the crop', () => {
    const d = draftPlan(planWith(['Diện tích hoa các loại đạt 120 ha, trong đó diện tích hoa trồng trong nhà lưới đạt 40 ha; năng suất bình quân 15 tấn/ha; sản lượng hoa đạt 1.800 tấn.']))
    const yieldItem = d.indicators.find((i) => i.value.unitOfMeasure === 'tấn/ha')
    expect(yieldItem?.value).toMatchObject({ target: { kind: 'derived', value: 15 } })
    expect(yieldItem?.value.formula).toMatch(/^HOA_SL \/ HOA_DT$/u)
  })
})

describe('draftPlan: a yield stated without its output (issue 13, held-out files under 90 %)', () => {
  it('"Diện tích đậu tương 120 ha, năng suất 22 tạ/ha": the yield is derived, the output drafted with no target for its formula', () => {
    const d = draftPlan(planWith(['Diện tích đậu tương 120 ha, năng suất 22 tạ/ha.']))
    expect(d.indicators.map((i) => [i.value.name, i.value.target, i.value.formula])).toEqual([
      ['Diện tích đậu tương', { kind: 'at_least', value: 120 }, undefined],
      ['Năng suất đậu tương', { kind: 'derived', value: 22 }, 'DAU_TUONG_SL * 10 / DAU_TUONG_DT'],
      ['Sản lượng đậu tương', undefined, undefined],
    ])
    expect(v.safeParse(PlanSchema, planFromDraft(d, 'all', 2025)).success).toBe(true)
  })

  it('the output is the part of a total stated on another line ("trong đó thóc 600 tấn")', () => {
    const d = draftPlan(planWith(['Tổng sản lượng lương thực đạt 1.000 tấn, trong đó thóc 600 tấn, ngô 400 tấn.', 'Diện tích lúa 100 ha, năng suất 60 tạ/ha; diện tích ngô 80 ha, năng suất 50 tạ/ha.']))
    const byCode = new Map(d.indicators.map((i) => [i.value.code, i.value]))
    expect(byCode.get('LUA_SL')).toMatchObject({ target: { kind: 'at_least', value: 600 }, source: 'trong đó thóc 600 tấn' })
    expect(byCode.get('NGO_SL')).toMatchObject({ target: { kind: 'at_least', value: 400 } })
    expect(byCode.get('LUA_NS')).toMatchObject({ formula: 'LUA_SL * 10 / LUA_DT', target: { kind: 'derived', value: 60 } })
    expect(d.indicators.filter((i) => !i.value.target)).toEqual([])
    expect(d.issues.filter((i) => i.code === 'derived_mismatch')).toEqual([])
  })
})

describe('draftPlan: a plan written as a letter (issue 13, held-out files under 90 %)', () => {
  const letter = `${HEAD}
Kính gửi: các cơ quan, đơn vị và Nhân dân trong xã.

Năm qua, xã đã hoàn thành phần lớn các chỉ tiêu được giao.

Trong lĩnh vực nông nghiệp, Ủy ban nhân dân xã mong bà con tích cực chuyển đổi cây trồng để giá trị thu hoạch trên một ha đất canh tác đạt 150 triệu đồng trở lên; đồng thời hoàn thành cứng hóa kênh mương nội đồng thôn Đông trước mùa mưa.

Về an ninh, trật tự, đề nghị Công an xã phối hợp với các thôn để hoàn thành 100% kế hoạch tuần tra, đồng thời giữ vững xã đạt chuẩn an toàn về an ninh, trật tự; 100% thôn giữ vững danh hiệu "Thôn an toàn", đồng thời Trường Tiểu học Hòa An được công nhận lại đạt chuẩn quốc gia mức độ 1.

Với cuộc vận động "Ngày vì người nghèo", Ủy ban nhân dân xã đề nghị Ủy ban Mặt trận Tổ quốc xã chủ trì vận động Quỹ "Vì người nghèo" đạt ít nhất 90 triệu đồng.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Bình`
  const d = draftPlan(letter)

  it('a paragraph opening on its field before a comma ("Trong lĩnh vực …, ", "Về …, ") is content: its goals are read', () => {
    expect(goals(d)).toEqual(expect.arrayContaining(['hoàn thành cứng hóa kênh mương nội đồng thôn Đông trước mùa mưa', 'giữ vững xã đạt chuẩn an toàn về an ninh, trật tự']))
  })

  it('", đồng thời" ends a status and opens a goal of its own', () => {
    expect(goals(d)).toEqual(expect.arrayContaining(['100% thôn giữ vững danh hiệu “Thôn an toàn”', 'Trường Tiểu học Hòa An được công nhận lại đạt chuẩn quốc gia mức độ 1']))
  })

  it('names a figure from the measure\'s verb after "chủ trì", and never by "đồng thời"', () => {
    const fund = d.indicators.find((i) => i.value.target?.kind === 'at_least' && i.value.unitOfMeasure === 'triệu đồng')
    expect(fund?.value.name).toBe('Vận động Quỹ “Vì người nghèo”')
    const d2 = draftPlan(planWith(['Tổng giá trị sản xuất tăng 8% so với năm 2024; đồng thời thu ngân sách trên địa bàn đạt 12.500 triệu đồng.']))
    expect(d2.indicators.map((i) => i.value.name)).toEqual(['Tổng giá trị sản xuất', 'Thu ngân sách trên địa bàn'])
  })
})

describe('draftPlan: assigned figures in brackets, awards, GTSX (issue 13, held-out files under 90 %)', () => {
  it('"(huyện giao 20 tỷ đồng, Đảng ủy giao 21 tỷ đồng)": figures others assign, after the commune\'s own, are no targets', () => {
    const d = draftPlan(planWith(['Tổng thu ngân sách đạt 22 tỷ đồng trở lên (huyện giao 20 tỷ đồng, Đảng ủy giao 21 tỷ đồng).']))
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 22 }])
  })

  it('a clause that sets an award ("… hoàn thành 100% chỉ tiêu thưởng 2 triệu đồng") holds no target', () => {
    const d = draftPlan(planWith(['Tỷ lệ hộ dùng nước sạch đạt 95%.', 'Cuối năm, tổ dân phố hoàn thành 100% chỉ tiêu thưởng 2 triệu đồng.']))
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'rate_at_least', value: 95 }])
  })

  it('"GTSX tăng 8%" is a growth in money, as "giá trị sản xuất" is', () => {
    const d = draftPlan(planWith(['Tổng giá trị sản xuất năm 2024 đạt 1.200 tỷ đồng.', 'Tổng GTSX tăng ≥ 8% so với năm 2024.']))
    expect(d.indicators.at(-1)!.value).toMatchObject({ unitOfMeasure: 'tỷ đồng', target: { kind: 'growth', percent: 8, baseYear: 2024 } })
  })
})

describe('draftPlan: items numbered inside prose, "không có …" (issue 13, held-out files under 90 %)', () => {
  it('"…; (6) Hoàn thành chỉ tiêu huấn luyện dân quân; …": the number is no word of the goal, which is read', () => {
    const d = draftPlan(
      proseWith([
        'Thi đua trong các lĩnh vực',
        'Xã phấn đấu: (5) Tỷ lệ hộ nghèo còn dưới 3%; (6) Hoàn thành chỉ tiêu huấn luyện dân quân tự vệ; các thôn phát huy vai trò tổ hòa giải; phấn đấu không có thôn yếu kém về an ninh trật tự.',
      ]),
    )
    expect(goals(d)).toEqual(expect.arrayContaining(['Hoàn thành chỉ tiêu huấn luyện dân quân tự vệ', 'phấn đấu không có thôn yếu kém về an ninh trật tự']))
    expect(d.indicators.map((i) => i.value.name)).not.toContain(expect.stringMatching(/\(\d+\)/u))
  })
})

describe('draftPlan: counts of times (issue 13, held-out files under 90 %)', () => {
  it('"ít nhất 04 lần trong năm" is a count of times; "03 lần mỗi tuần", "01 lần/năm", "4 lần trong thai kỳ" are not', () => {
    expect(only('Phối hợp tổ chức diễn tập phòng cháy, chữa cháy ít nhất 04 lần trong năm.').value).toMatchObject({ unitOfMeasure: 'lần', target: { kind: 'at_least', value: 4 } })
    const d = draftPlan(planWith(['Tỷ lệ phụ nữ mang thai được khám thai ít nhất 4 lần trong thai kỳ đạt 85%.', '100% chợ được kiểm tra an toàn thực phẩm ít nhất 01 lần/năm.', 'Đài truyền thanh phát tin về phong trào ít nhất 03 lần mỗi tuần.']))
    expect(d.indicators.map((i) => i.value.unitOfMeasure)).not.toContain('lần')
    expect(d.indicators[0]!.value.target).toEqual({ kind: 'rate_at_least', value: 85 })
  })
})

describe('draftPlan: all of the villages after a rate, a rating kept (issue 13, held-out files under 90 %)', () => {
  it('"… đạt 91%, 7/7 ấp, khu phố đạt danh hiệu văn hóa": the villages\' state after a rate is a yes/no of its own', () => {
    const d = draftPlan(planWith(['Tỷ lệ hộ gia đình được công nhận gia đình văn hóa đạt 91%, 7/7 ấp, khu phố đạt danh hiệu văn hóa.']))
    expect(d.indicators.map((i) => [i.value.source, i.value.target])).toEqual([
      ['Tỷ lệ hộ gia đình được công nhận gia đình văn hóa đạt 91%', { kind: 'rate_at_least', value: 91 }],
      ['7/7 ấp, khu phố đạt danh hiệu văn hóa', { kind: 'yes_no' }],
    ])
  })

  it('"phường duy trì xếp loại tốt về chỉ số hài lòng …": a rating to keep, said of the commune, is a goal', () => {
    const d = draftPlan(
      proseWith(['Thi đua trong cải cách hành chính', 'Công chức bộ phận một cửa nâng cao tinh thần phục vụ; tỷ lệ hồ sơ trực tuyến đạt 60%; phường duy trì xếp loại tốt về chỉ số hài lòng của người dân.']),
    )
    expect(goals(d)).toContain('phường duy trì xếp loại tốt về chỉ số hài lòng của người dân')
  })
})

describe('draftPlan: a message\'s pictographs (issue 13, held-out files under 90 %)', () => {
  it('a pictograph opening a line ("✔️ Lúa xuân: DT …", "📍 Đàn bò …") is its bullet, no part of a name', () => {
    expect(normalizeText('✔️ Lúa xuân: DT 300 ha\n📍 Đàn bò 1.200 con\nGhi chú 👍')).toBe('- Lúa xuân: DT 300 ha\n- Đàn bò 1.200 con\nGhi chú 👍')
    const d = draftPlan(planWith([], '✔️ Lúa xuân: DT 300 ha, NS 60 tạ/ha, SL 1.800 tấn\n📍 Đàn bò đạt 1.200 con'))
    expect(d.indicators.map((i) => i.value.name)).toEqual(['Diện tích lúa xuân', 'Năng suất lúa xuân', 'Sản lượng lúa xuân', 'Đàn bò'])
  })
})

describe('draftPlan: set 27 (wraps after ";", land kept, "trên", each village, lead-ins)', () => {
  it('a line cut after ";" that goes on in lower case is the same item; a bullet after ";" is a new one', () => {
    expect(normalizeText('- Cây quế: trồng mới 40 ha;\nsản lượng vỏ quế khô 210 tấn.\n- Đàn lợn 3.100 con;\n- Đàn gà 25.000 con.')).toBe('- Cây quế: trồng mới 40 ha; sản lượng vỏ quế khô 210 tấn.\n- Đàn lợn 3.100 con;\n- Đàn gà 25.000 con.')
  })

  it('"duy trì / giữ ổn định … hiện có 300 ha" is the level to keep; "hiện có 9 thôn" alone is a fact', () => {
    expect(only('Giữ ổn định diện tích quế hiện có 1.250 ha.').value).toMatchObject({ unitOfMeasure: 'ha', target: { kind: 'at_least', value: 1250 } })
    const d = draftPlan(planWith(['Xã hiện có 340 ha rừng sản xuất; phấn đấu trồng mới 35 ha rừng.']))
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 35 }])
  })

  it('a yield that names no crop is of the crop the next measure names; "trồng mới, trồng dặm" names no crop', () => {
    const d = draftPlan(planWith(['Cây quế: duy trì diện tích quế hiện có 900 ha, trồng mới, trồng dặm 30 ha; năng suất bình quân 20 tạ/ha, sản lượng vỏ quế 1.800 tấn.']))
    const byName = new Map(d.indicators.map((i) => [i.value.name, i.value]))
    expect([...byName.keys()]).toEqual(['Diện tích quế', 'Trồng mới, trồng dặm', 'Năng suất vỏ quế', 'Sản lượng vỏ quế'])
    expect(byName.get('Năng suất vỏ quế')).toMatchObject({ unitOfMeasure: 'tạ/ha', target: { kind: 'derived', value: 20 }, formula: `${byName.get('Sản lượng vỏ quế')!.code} * 10 / ${byName.get('Diện tích quế')!.code}` })
  })

  it('"trên" bounds only the figure right after it: "Ngoài các chỉ tiêu trên, phấn đấu 100% …" is no strict target, and its lead-in no part of the name', () => {
    const i = only('Ngoài các chỉ tiêu trên, phấn đấu 100% hộ kinh doanh tại chợ ký cam kết bảo đảm an toàn thực phẩm.')
    expect(i.value.target).toEqual({ kind: 'rate_at_least', value: 100 })
    expect(i.value.name).toBe('Tỷ lệ hộ kinh doanh tại chợ ký cam kết bảo đảm an toàn thực phẩm')
    expect(i.value.source).toBe('phấn đấu 100% hộ kinh doanh tại chợ ký cam kết bảo đảm an toàn thực phẩm')
    expect(target('Tỷ lệ lao động nông thôn qua đào tạo đạt trên 70%.')).toEqual({ kind: 'rate_at_least', value: 70, strict: true })
  })

  it('"trên" after a guarding duty with its object named is "on": the length or area is where it is done, not a target', () => {
    const d = draftPlan(planWith(['Tuần tra, kiểm soát chặt chẽ an ninh vùng biển trên 14 km bờ biển của xã, không để xảy ra khai thác hải sản trái phép.', 'Bảo vệ tốt trên 600 ha rừng đặc dụng.']))
    expect(d.indicators.map((i) => [i.value.source, i.value.target])).toEqual([
      ['Tuần tra, kiểm soát chặt chẽ an ninh vùng biển trên 14 km bờ biển của xã, không để xảy ra khai thác hải sản trái phép', { kind: 'yes_no' }],
      ['Bảo vệ tốt trên 600 ha rừng đặc dụng', { kind: 'at_least', value: 600, strict: true }],
    ])
  })

  it('", không để …" after a figure\'s clause is a goal of its own; after "19/19 tiêu chí" it is the same goal', () => {
    const d = draftPlan(planWith(['Trồng mới 45 ha rừng tập trung, không để xảy ra phá rừng làm nương rẫy.', 'Giữ vững 19/19 tiêu chí nông thôn mới, không để tiêu chí nào bị giảm chuẩn.']))
    expect(d.indicators.map((i) => [i.value.source, i.value.target?.kind])).toEqual([
      ['Trồng mới 45 ha rừng tập trung', 'at_least'],
      ['không để xảy ra phá rừng làm nương rẫy', 'yes_no'],
      ['Giữ vững 19/19 tiêu chí nông thôn mới, không để tiêu chí nào bị giảm chuẩn', 'yes_no'],
    ])
  })

  it('a figure asked of each village is no commune target: "Mỗi bản có ít nhất 01 …" is a state each reports, a duty of some or an action asked of each is nothing', () => {
    const d = draftPlan(planWith(['Mỗi bản có ít nhất 01 điểm sinh hoạt văn hóa cộng đồng hoạt động thường xuyên.', 'Mỗi thôn vùng giáp ranh duy trì ít nhất 01 tổ tuần tra ban đêm.', 'Hướng dẫn mỗi thôn làm 02 bể chứa rác thải nông nghiệp.', 'Mỗi tổ dân phố xây dựng ít nhất 01 tuyến phố văn minh.']))
    expect(d.indicators.map((i) => [i.value.source, i.value.target])).toEqual([['Mỗi bản có ít nhất 01 điểm sinh hoạt văn hóa cộng đồng hoạt động thường xuyên', { kind: 'yes_no' }]])
  })

  it('"Có 9/11 thôn, bản đạt …": villages of two kinds counted together, the count named by them', () => {
    expect(only('Có 9/11 thôn, bản được công nhận “Bản không có ma túy”.').value).toMatchObject({ name: 'Số thôn, bản được công nhận “Bản không có ma túy”', unitOfMeasure: 'thôn, bản', target: { kind: 'at_least', value: 9 } })
  })

  it('"Giảm tỷ lệ … từ 1 - 1,5%, trong đó hộ … giảm 2%": the part in % of a rate is that rate of the part, in points', () => {
    const d = draftPlan(planWith(['Giảm tỷ lệ hộ cận nghèo từ 1 - 1,5%, trong đó hộ cận nghèo có người khuyết tật giảm 2% trở lên.']))
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([
      ['Tỷ lệ hộ cận nghèo', { kind: 'reduce_by', amount: 1, max: 1.5 }],
      ['Tỷ lệ hộ cận nghèo có người khuyết tật', { kind: 'reduce_by', amount: 2 }],
    ])
  })

  it('"Đợt thi đua đặc biệt “…”: …" names a phase; a goal set for a later year than the plan\'s is not this plan\'s', () => {
    const d = draftPlan(planWith(['Tổng đàn dê đạt 900 con.', 'Đợt thi đua đặc biệt “Phòng, chống bão lũ năm 2025”: thời gian do UBND xã quyết định theo diễn biến thời tiết.', 'Giữ vững xã đạt chuẩn nông thôn mới nâng cao trước năm 2027.', 'Giữ vững xã đạt chuẩn an toàn thực phẩm.']))
    expect(d.indicators.map((i) => i.value.source)).toEqual(['Tổng đàn dê đạt 900 con', 'Giữ vững xã đạt chuẩn an toàn thực phẩm'])
    const prose = draftPlan(proseWith(['Thi đua phát triển kinh tế, đàn trâu đạt 1.200 con; hoàn thành xây dựng xã đạt chuẩn nông thôn mới vào năm 2027; giữ vững an ninh trật tự.']))
    expect(goals(prose)).not.toContain('hoàn thành xây dựng xã đạt chuẩn nông thôn mới vào năm 2027')
  })

  it('a table\'s "- Trong đó: …" row is a part of the row above, named without "Trong đó"', () => {
    const d = draftPlan(planWith([], '| TT | Chỉ tiêu | ĐVT | Kế hoạch 2025 |\n| 1 | Tổng vốn đầu tư toàn xã hội | tỷ đồng | 420 |\n| | - Trong đó: vốn ngoài ngân sách | tỷ đồng | 310 |'))
    const [whole, part] = d.indicators.map((i) => i.value)
    expect(part).toMatchObject({ name: 'Vốn ngoài ngân sách', partOf: whole!.code, target: { kind: 'at_least', value: 310 } })
  })

  it('names: "Có thêm 03 hợp tác xã …" counts the new ones, "… giảm còn dưới 1%" names no "giảm", a field\'s label and a joining "và" are no part of it', () => {
    expect(only('Có thêm 03 hợp tác xã được xếp loại khá trở lên.').value.name).toBe('Số hợp tác xã mới được xếp loại khá')
    expect(only('Tỷ lệ hộ cận nghèo giảm còn dưới 1,5%.').value).toMatchObject({ name: 'Tỷ lệ hộ cận nghèo', target: { kind: 'at_most', value: 1.5, strict: true } })
    const d = draftPlan(planWith(['Y tế: duy trì 100% trẻ em dưới 1 tuổi được tiêm chủng đầy đủ và Trạm Y tế xã được công nhận đạt chuẩn quốc gia.']))
    expect(d.indicators[0]!.value.name).toBe('Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ')
  })

  it('in prose too, "Mỗi thôn có ít nhất một …" is the state every village must have', () => {
    const d = draftPlan(proseWith(['Thi đua xây dựng nông thôn mới: bê tông hóa 2,5 km đường nội đồng. Mỗi thôn có ít nhất một đội thanh niên tình nguyện hoạt động thường xuyên.']))
    expect(goals(d)).toContain('Mỗi thôn có ít nhất một đội thanh niên tình nguyện hoạt động thường xuyên')
  })

  it('a crop\'s yield after its area\'s shares for the villages, or on the line after "trong đó diện tích lúa hai vụ", is still output ÷ area', () => {
    const shares = draftPlan(planWith(['Sắn: diện tích 250 ha, trong đó thôn Khe Mơ 100 ha, thôn Đồng Chùa 150 ha; năng suất 180 tạ/ha, sản lượng 4.500 tấn.']))
    expect(shares.indicators.map((i) => [i.value.name, i.value.target?.kind])).toEqual([
      ['Diện tích sắn', 'at_least'],
      ['Năng suất sắn', 'derived'],
      ['Sản lượng sắn', 'at_least'],
    ])
    const lines = draftPlan(planWith(['Tổng diện tích gieo trồng cây hàng năm 700 ha; trong đó diện tích lúa hai vụ 420 ha.', 'Năng suất lúa bình quân đạt 5,8 tấn/ha; sản lượng lúa 2.436 tấn.']))
    const area = lines.indicators.find((i) => i.value.name === 'Diện tích lúa hai vụ')!.value
    expect(lines.indicators.find((i) => i.value.name === 'Năng suất lúa')!.value).toMatchObject({ target: { kind: 'derived', value: 5.8 }, formula: `LUA_SL / ${area.code}` })
  })

  it('a table\'s "Tỷ lệ TDP đạt … | % | 100" is the state of every tổ dân phố (yes/no)', () => {
    const d = draftPlan(planWith([], '| TT | Chỉ tiêu | ĐVT | Kế hoạch 2025 |\n| 1 | Tỷ lệ TDP đạt chuẩn “Khu dân cư an toàn” | % | 100 |\n| 2 | Tỷ lệ hộ dùng nước sạch | % | 100 |'))
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'yes_no' }, { kind: 'rate_at_least', value: 100 }])
  })
})

describe('draftPlan: set 28 (lodging houses, codes, phases, a figure restated, sizes, cases cut by a count)', () => {
  it('"nhà trọ" and "mã số" are units of counted things', () => {
    const d = draftPlan(planWith([], '| TT | Chỉ tiêu | ĐVT | Kế hoạch năm |\n| 1 | Số nhà trọ được cấp giấy chứng nhận an toàn | nhà trọ | 35 |'))
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([['nhà trọ', { kind: 'at_least', value: 35 }]])
    expect(only('Cấp mới 04 mã số cơ sở đóng gói nông sản.').value).toMatchObject({ unitOfMeasure: 'mã số', target: { kind: 'at_least', value: 4 } })
  })

  it('a size that says which units are counted ("có từ 10 ha trở lên") does not take the subject from a % figure', () => {
    const i = only('100% hợp tác xã có từ 50 thành viên trở lên ứng dụng chuyển đổi số trong quản lý.')
    expect(i.value.target).toEqual({ kind: 'rate_at_least', value: 100 })
    expect(i.value.name).toBe('Tỷ lệ hợp tác xã có từ 50 thành viên trở lên ứng dụng chuyển đổi số trong quản lý')
  })

  it('a figure of the table restated in a paragraph after it ("… phối hợp phấn đấu hoàn thành chỉ tiêu thu ngân sách …") is one target', () => {
    const d = draftPlan(
      planWith([], '| TT | Chỉ tiêu | ĐVT | Kế hoạch năm |\n| 1 | Tổng thu ngân sách nhà nước trên địa bàn xã | triệu đồng | 24.600 |\n| 2 | Tỷ lệ hộ dùng nước sạch | % | 98 |\n\nCác thôn, hợp tác xã cùng phối hợp phấn đấu hoàn thành chỉ tiêu thu ngân sách 24.600 triệu đồng; không để xảy ra khiếu kiện đông người.'),
    )
    expect(d.indicators.map((i) => [i.value.name, i.value.target?.kind])).toEqual([
      ['Tổng thu ngân sách nhà nước trên địa bàn xã', 'at_least'],
      ['Tỷ lệ hộ dùng nước sạch', 'rate_at_least'],
      ['Không để xảy ra khiếu kiện đông người', 'yes_no'],
    ])
  })

  it('a section on a phase ("3. Đợt thi đua đặc biệt") under the targets holds no goals', () => {
    const d = draftPlan(planWith(['Giữ vững an ninh trật tự trên địa bàn xã.'], '2. Đợt thi đua đặc biệt\nKhi xảy ra dịch bệnh trên đàn gia súc, UBND xã phát động đợt thi đua cao điểm phòng chống dịch; thời gian do Chủ tịch UBND xã quyết định.'))
    expect(d.indicators.map((i) => i.value.source)).toEqual(['Giữ vững an ninh trật tự trên địa bàn xã'])
  })

  it('a cut of cases by a count from a year whose count is stated is a ceiling; "giảm ít nhất 10%" against a review\'s count too', () => {
    expect(target('Giảm ít nhất 03 vụ cháy nổ so với năm 2024 (năm 2024 xảy ra 11 vụ).')).toEqual({ kind: 'at_most', value: 8, strict: false })
    expect(target('Giảm 12 hộ nghèo so với năm 2024.')).toEqual({ kind: 'reduce_by', amount: 12 })
    const d = draftPlan(planWith(['Kéo giảm số vụ phạm pháp hình sự ít nhất 20% so với năm 2024.'], '').replace('I. MỤC ĐÍCH, YÊU CẦU', 'I. KẾT QUẢ NĂM 2024\nPhạm pháp hình sự trong năm 2024 xảy ra 15 vụ.\nII. MỤC ĐÍCH, YÊU CẦU'))
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_most', value: 12, strict: false }])
  })
})

describe('scoreDraft', () => {
  const yn = (code: string, source: string): Indicator => ({
    code,
    name: source,
    field: 'A',
    unitOfMeasure: 'đạt/không đạt',
    aggregation: 'yes_no',
    proportion: true,
    target: { kind: 'yes_no' },
    reporters: { kinds: ['thon'], units: [] },
    source,
  })
  it('a hand-made source stitched from excerpts ("A; … B") is matched by one excerpt', () => {
    const expected = { indicators: [yn('PCCC', 'Tăng cường phòng cháy chữa cháy ở khu dân cư; … Thực hiện tốt công tác cứu hộ cứu nạn trong mùa mưa bão')] }
    expect(scoreDraft({ indicators: [yn('X', 'Thực hiện tốt công tác cứu hộ cứu nạn trong mùa mưa bão')] }, expected, 0).matched).toBe(1)
    expect(scoreDraft({ indicators: [yn('X', 'Tăng cường phòng cháy chữa cháy ở khu dân cư')] }, expected, 0).matched).toBe(1)
    expect(scoreDraft({ indicators: [yn('X', 'Thực hiện tốt chính sách hỗ trợ người cao tuổi')] }, expected, 0).matched).toBe(0)
  })

  it('a hand-made source quoting tracked changes as pandoc writes them is matched by the clause as changed', () => {
    const expected = { indicators: [yn('CHAY', 'Không để xảy ra cháy rừng[, cháy nhựa thông tại bãi tập kết]{.insertion author="Lăng Văn Hào" date="2027-01-06T08:31:00Z"}')] }
    expect(scoreDraft({ indicators: [yn('X', 'Không để xảy ra cháy rừng, cháy nhựa thông tại bãi tập kết')] }, expected, 0).matched).toBe(1)
  })

  it('counts the same unit written two ways as one: % of the plan and %, houses as nhà or căn, m2 and m², a growth whatever its money', () => {
    const one = (name: string, unitOfMeasure: string, target: Target): Indicator => ({ ...yn('X', name), unitOfMeasure, aggregation: 'flow', target })
    const match = (drafted: Indicator, expected: Indicator) => scoreDraft({ indicators: [drafted] }, { indicators: [expected] }, 0).matched
    expect(match(one('Huấn luyện dân quân', '%', { kind: 'rate_at_least', value: 100 }), one('Huấn luyện dân quân', '% kế hoạch', { kind: 'rate_at_least', value: 100 }))).toBe(1)
    expect(match(one('Xây mới nhà Đại đoàn kết', 'nhà', { kind: 'at_least', value: 5 }), one('Xây mới nhà Đại đoàn kết', 'căn', { kind: 'at_least', value: 5 }))).toBe(1)
    expect(match(one('Diện tích cây xanh trồng mới', 'm²', { kind: 'at_least', value: 2000 }), one('Diện tích cây xanh trồng mới', 'm2', { kind: 'at_least', value: 2000 }))).toBe(1)
    // A visit is a visit, the visitor named or not.
    expect(match(one('Lượt khách du lịch đến xã', 'lượt', { kind: 'at_least', value: 350000 }), one('Lượt khách du lịch đến xã', 'lượt người', { kind: 'at_least', value: 350000 }))).toBe(1)
    expect(match(one('Đón khách du lịch', 'triệu lượt khách', { kind: 'at_least', value: 1.2 }), one('Đón khách du lịch', 'triệu lượt', { kind: 'at_least', value: 1.2 }))).toBe(1)
    expect(match(one('Đón khách du lịch', 'triệu lượt khách', { kind: 'at_least', value: 1.2 }), one('Đón khách du lịch', 'lượt', { kind: 'at_least', value: 1.2 }))).toBe(0)
    expect(match(one('Tổng giá trị sản xuất', 'tỷ đồng', { kind: 'growth', percent: 9, baseYear: 2024 }), one('Tổng giá trị sản xuất', 'triệu đồng', { kind: 'growth', percent: 9, baseYear: 2024 }))).toBe(1)
    // A growth is its percentage: a hand-made plan giving it the unit "%" names the percentage, the draft the amount's unit.
    expect(match(one('Tốc độ tăng giá trị sản xuất', 'tỷ đồng', { kind: 'growth', percent: 9.2, baseYear: 2025 }), one('Tốc độ tăng giá trị sản xuất', '%', { kind: 'growth', percent: 9.2, baseYear: 2025 }))).toBe(1)
    expect(match(one('Tốc độ tăng giá trị sản xuất', 'tấn', { kind: 'growth', percent: 9.2, baseYear: 2025 }), one('Tốc độ tăng giá trị sản xuất', 'tỷ đồng', { kind: 'growth', percent: 9.2, baseYear: 2025 }))).toBe(0)
    // An amount is not a growth: its money must agree.
    expect(match(one('Thu ngân sách', 'tỷ đồng', { kind: 'at_least', value: 18 }), one('Thu ngân sách', 'triệu đồng', { kind: 'at_least', value: 18 }))).toBe(0)
    // Counted by the million or one by one, the officer's choice: the figures must agree once multiplied.
    expect(match(one('Đón khách hành hương', 'triệu lượt khách', { kind: 'at_least', value: 4.2, strict: true }), one('Đón khách hành hương', 'lượt', { kind: 'at_least', value: 4200000, strict: true }))).toBe(1)
    expect(match(one('Thu ngân sách', 'tỷ đồng', { kind: 'at_least', value: 1.35 }), one('Thu ngân sách', 'triệu đồng', { kind: 'at_least', value: 1350 }))).toBe(1)
    expect(match(one('Sản lượng cá', 'nghìn tấn', { kind: 'range', min: 1.2, max: 1.5 }), one('Sản lượng cá', 'tấn', { kind: 'range', min: 1200, max: 1500 }))).toBe(1)
    expect(match(one('Đón khách hành hương', 'triệu lượt khách', { kind: 'at_least', value: 4.2 }), one('Đón khách hành hương', 'lượt', { kind: 'at_least', value: 420000 }))).toBe(0)
    expect(match(one('Sản lượng cá', 'nghìn tấn', { kind: 'at_least', value: 1.2 }), one('Sản lượng cá', 'ha', { kind: 'at_least', value: 1200 }))).toBe(0)
  })

  it('lists the matched targets rolled up another way than the hand-made plan, and only those', () => {
    const area = (code: string, aggregation: Indicator['aggregation'], value: number): Indicator => ({ ...yn(code, 'Diện tích chè hiện có'), unitOfMeasure: 'ha', aggregation, target: { kind: 'at_least', value } })
    const s = scoreDraft({ indicators: [area('A', 'flow', 385), area('B', 'stock', 90), area('C', 'flow', 7)] }, { indicators: [area('X', 'stock', 385), area('Y', 'stock', 90)] }, 0)
    expect(s.matched).toBe(2)
    expect(s.aggregationDiffers.map((d) => [d.drafted.code, d.expected.code])).toEqual([['A', 'X']])
  })

  it('counts the matched targets whose hand-made plan states the figure a cut or a growth starts from, and those drafted without it or with another', () => {
    const cut = (code: string, baseline?: number): Indicator => ({ ...yn(code, 'Tỷ lệ hộ nghèo'), unitOfMeasure: '%', aggregation: 'rate', target: { kind: 'reduce_by', amount: 1.5, ...(baseline !== undefined ? { baseline } : {}) } })
    const growth = (code: string, baseValue?: number): Indicator => ({ ...yn(code, 'Tổng giá trị sản xuất'), unitOfMeasure: 'tỷ đồng', aggregation: 'flow', target: { kind: 'growth', percent: 8, baseYear: 2025, ...(baseValue !== undefined ? { baseValue } : {}) } })
    const none = scoreDraft({ indicators: [cut('A'), growth('B', 1200)] }, { indicators: [cut('X', 4.86), growth('Y')] }, 0)
    // The cut's start is missing from the draft; the growth's hand-made plan states none, so it is not counted.
    expect([none.matched, none.based, none.baseDiffers.map((d) => d.drafted.code)]).toEqual([2, 1, ['A']])
    const right = scoreDraft({ indicators: [cut('A', 4.86), growth('B', 1250)] }, { indicators: [cut('X', 4.86), growth('Y', 1200)] }, 0)
    expect([right.based, right.baseDiffers.map((d) => d.drafted.code)]).toEqual([2, ['B']])
  })
})

describe('draftPlan: units of measure and aggregation', () => {
  it.each([
    ['Sản lượng thủy sản đạt 1.500 tấn.', 'tấn', 'flow', 1500],
    ['Trồng mới 50 ha rừng sản xuất.', 'ha', 'flow', 50],
    ['Năng suất lúa bình quân đạt 62,5 tạ/ha.', 'tạ/ha', 'rate', 62.5],
    ['Tổng đàn bò đạt 1.250 con.', 'con', 'stock', 1250],
    ['Kết nạp 30 đảng viên mới.', 'đảng viên', 'flow', 30],
    ['Số học sinh huy động ra lớp 450 học sinh.', 'học sinh', 'stock', 450],
    ['Hỗ trợ xây mới 15 căn nhà cho hộ nghèo.', 'căn', 'flow', 15],
    ['Huy động quỹ vì người nghèo 50.000.000 đồng.', 'đồng', 'flow', 50_000_000],
    ['Thu nhập bình quân đầu người đạt 65 triệu đồng/người/năm.', 'triệu đồng/người/năm', 'rate', 65],
    ['Thu ngân sách trên địa bàn đạt 2,5 tỷ đồng.', 'tỷ đồng', 'flow', 2.5],
    ['Bê tông hóa đường giao thông nông thôn 3,5 km.', 'km', 'flow', 3.5],
    ['Xây dựng 1.200 m² sân chơi cho trẻ em.', 'm²', 'flow', 1200],
    ['Tỷ lệ sinh thô dưới 15‰.', '‰', 'rate', 15],
  ])('%s', (sentence, unit, aggregation, value) => {
    const i = only(sentence).value
    expect(i.unitOfMeasure).toBe(unit)
    expect(i.aggregation).toBe(aggregation)
    const t = i.target
    expect(t && 'value' in t ? t.value : undefined).toBe(value)
    if (aggregation === 'rate') expect(i.scale).toBe(unit === '‰' ? 1000 : unit === '%' ? 100 : 1)
  })

  it('every indicator reports from every residential unit kind and keeps the plan\'s words', () => {
    const i = only('Tỷ lệ hộ dùng nước sạch đạt 97%.')
    expect(i.value.reporters.kinds).toEqual(['thon', 'to_dan_pho', 'khom', 'ap', 'ban'])
    expect(i.value.source).toBe('Tỷ lệ hộ dùng nước sạch đạt 97%')
  })
})

describe('draftPlan: numbers', () => {
  it('a dot decimal in a PDF\'s text is a decimal', () => {
    const d = draftPlan(planWith(['Tỷ lệ tăng dân số tự nhiên dưới 1.1%.', 'Tỷ lệ hộ nghèo còn 2.35%.']))
    expect(d.indicators.map((i) => i.value.target)).toEqual([
      { kind: 'at_most', value: 1.1, strict: true },
      { kind: 'at_most', value: 2.35, strict: false },
    ])
    expect(d.indicators[0]!.reasons.join(' ')).toMatch(/dấu chấm thập phân/)
  })

  it('"13.345" is marked ambiguous unless the unit or the document settles it', () => {
    const pdf = draftPlan(planWith(['Tỷ lệ che phủ rừng đạt 6.1%.', 'Sản lượng lúa đạt 13.345 tấn.']))
    const rice = pdf.indicators[1]!
    expect(rice.ambiguous).toBe(true)
    expect(rice.value.target).toEqual({ kind: 'at_least', value: 13345 })
    expect(rice.alternatives?.map((a) => a.target)).toEqual([{ kind: 'at_least', value: 13.345 }])
    expect(rice.confidence).toBe('low')
    // People are counted in whole numbers.
    const people = only('Dân số trung bình đạt 13.345 người.')
    expect([people.ambiguous, people.value.target]).toEqual([false, { kind: 'at_least', value: 13345 }])
    // The document writes decimals with a comma: its dot groups thousands.
    const vi = draftPlan(planWith(['Tỷ lệ che phủ rừng đạt 61,5%.', 'Sản lượng lúa đạt 13.345 tấn.']))
    expect([vi.indicators[1]!.ambiguous, vi.indicators[1]!.value.target]).toEqual([false, { kind: 'at_least', value: 13345 }])
  })

  it('"13,345" is ambiguous too (a decimal, or thousands the English way)', () => {
    const i = only('Sản lượng ngô đạt 13,345 tấn.')
    expect(i.ambiguous).toBe(true)
    expect(i.value.target).toEqual({ kind: 'at_least', value: 13.345 })
    expect(i.alternatives?.map((a) => a.target)).toEqual([{ kind: 'at_least', value: 13345 }])
    expect(i.reasons[0]).toMatch(/13,345.*13\.345/)
  })
})

describe('the basis paragraph, per one hectare, a web page without numbers (held-out set 29)', () => {
  it('reads a "Căn cứ kết quả … năm N" paragraph of a past year as a review, not as targets', () => {
    const d = draftPlan(`${HEAD}Căn cứ kết quả thực hiện kế hoạch năm 2024: thu ngân sách đạt 6.150 triệu đồng; tỷ lệ hộ nghèo cuối năm còn 3,2%; xảy ra 4 vụ cháy rừng.
I. CHỈ TIÊU THI ĐUA
1. Thu ngân sách đạt 6.500 triệu đồng trở lên.
`)
    expect(d.indicators.map((i) => i.value.source)).toEqual(['Thu ngân sách đạt 6.500 triệu đồng trở lên'])
  })

  it('reads "trên 01 ha" as per hectare and keeps the unit "triệu đồng/ha/năm" as written', () => {
    const i = only('Giá trị thu được bình quân trên 01 ha đất trồng trọt đạt 190 triệu đồng/ha/năm.')
    expect(i.value.unitOfMeasure).toBe('triệu đồng/ha/năm')
    expect(i.value.target).toEqual({ kind: 'rate_at_least', value: 190 })
  })

  it('reads "100% <units> có ít nhất 01 …" as the state every unit keeps, like "mỗi thôn có ít nhất 01 …"', () => {
    const i = only('100% thôn có ít nhất 01 đội văn nghệ hoạt động thường xuyên.')
    expect(i.value.target).toEqual({ kind: 'yes_no' })
  })

  it('reads the seasons in brackets after the area of a year as its parts ("… 480 ha (vụ Chiêm 250 ha, vụ Mùa 230 ha)")', () => {
    const d = draftPlan(planWith(['Diện tích cấy lúa cả năm 480 ha (vụ Chiêm 250 ha, vụ Mùa 230 ha).']))
    expect(d.indicators.map((i) => i.value.target)).toEqual([
      { kind: 'derived', value: 480 },
      { kind: 'at_least', value: 250 },
      { kind: 'at_least', value: 230 },
    ])
    expect(d.indicators[0]!.value.children).toHaveLength(2)
  })

  it('reads a growth right after an amount of money as restating it, one target', () => {
    const d = draftPlan(planWith(['Thu ngân sách trên địa bàn phấn đấu đạt 21,4 tỷ đồng, tăng khoảng 9% so với thực hiện năm 2024.']))
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 21.4 }])
  })

  it('reads a web copy whose parts are titled in capitals and whose fields are plain lines over "*" items', () => {
    const d = draftPlan(`Trang chủ » Tin tức
KẾ HOẠCH
Thi đua năm 2025

MỤC ĐÍCH, YÊU CẦU

Động viên Nhân dân thi đua lao động sản xuất.

NỘI DUNG THI ĐUA

Chỉ tiêu thi đua năm 2025:

Về xã hội
* Giảm ít nhất 10 hộ nghèo.
* Xã giữ vững chuẩn nông thôn mới trong năm 2025.
Về an ninh
* Không để xảy ra cháy rừng trong mùa khô.

KHEN THƯỞNG

Cuối năm tặng Giấy khen cho các tập thể tiêu biểu.
`)
    expect(d.indicators.map((i) => [i.value.source, i.value.target?.kind])).toEqual([
      ['Giảm ít nhất 10 hộ nghèo', 'reduce_by'],
      ['Xã giữ vững chuẩn nông thôn mới trong năm 2025', 'yes_no'],
      ['Không để xảy ra cháy rừng trong mùa khô', 'yes_no'],
    ])
  })
})

describe('draftPlan: the text as read', () => {
  it('drops a header that opens two pages after their page numbers, even in a sentence cut by the page break', () => {
    const raw = `${HEAD}
II. CHỈ TIÊU THI ĐUA
1. Các chỉ tiêu chủ yếu:
- Tỷ lệ hộ cận nghèo giảm từ 1 đến
Trang 1
UBND xã Hòa An - Kế hoạch thi đua năm 2025
1,5%.
- Tổng đàn bò đạt
Trang 2
UBND xã Hòa An - Kế hoạch thi đua năm 2025
1.250 con.
`
    const text = normalizeText(raw)
    expect(text).not.toContain('UBND xã Hòa An - Kế hoạch')
    expect(text).toContain('- Tỷ lệ hộ cận nghèo giảm từ 1 đến 1,5%.')
    expect(text).toContain('- Tổng đàn bò đạt 1.250 con.')
  })

  it('joins hard-wrapped lines, drops page numbers and running headers, undoes hyphenation', () => {
    const raw = `${HEAD}
II. CHỈ TIÊU THI ĐUA
Kế hoạch số 15/KH-UBND của xã Hòa An
1. Các chỉ tiêu chủ yếu:
- Tỷ lệ hộ gia đình sử dụng nước
hợp vệ sinh đạt 98%.
- Tỷ lệ người dân sử dụng dịch vụ in-
ternet đạt 80%.

2

Kế hoạch số 15/KH-UBND của xã Hòa An
- Tổng đàn lợn đạt
1.800 con.

3

Kế hoạch số 15/KH-UBND của xã Hòa An
`
    const d = draftPlan(raw)
    expect(d.text).not.toMatch(/^\d$/m)
    expect(d.text).not.toMatch(/Kế hoạch số 15/)
    expect(d.indicators.map((i) => i.value.source)).toEqual(['Tỷ lệ hộ gia đình sử dụng nước hợp vệ sinh đạt 98%', 'Tỷ lệ người dân sử dụng dịch vụ internet đạt 80%', 'Tổng đàn lợn đạt 1.800 con'])
    for (const i of d.indicators) expect(d.text.slice(i.source.start, i.source.end)).toBe(i.value.source)
  })

  it('joins a line cut after a colon or across a page, keeps an introduction that comes back in each section', () => {
    const intro = 'Phấn đấu thực hiện các chỉ tiêu chủ yếu:'
    const raw = `${HEAD}
II. CHỈ TIÊU
1. Kinh tế
${intro}
- Cơ cấu kinh tế: nông nghiệp chiếm:
40%, dịch vụ chiếm: 60%.
2. Xã hội
${intro}
- Tỷ lệ hộ nghèo giảm 1,5% theo chuẩn nghèo đa chiều của
\f
Trung ương.
3. Quốc phòng
${intro}
- Giữ vững xã vững mạnh về quốc phòng.`
    const d = draftPlan(raw)
    expect(d.text.split('\n').filter((l) => l === intro)).toHaveLength(3)
    expect(d.text).toContain('nông nghiệp chiếm: 40%')
    expect(d.text).toContain('của Trung ương.')
    expect(d.indicators.map((i) => i.value.target?.kind)).toEqual(['shares', undefined, undefined, 'reduce_by', 'yes_no'])
  })

  it('strips Markdown emphasis, headings and bullet glyphs, and unifies dashes and quotes', () => {
    expect(normalizeText('## **II. Chỉ tiêu**\n• Tỷ lệ — “đạt” 90%\n+ *Phấn đấu* "giữ vững"')).toBe('II. Chỉ tiêu\n- Tỷ lệ – “đạt” 90%\n- Phấn đấu “giữ vững”')
  })

  it('reads table rows, | separated or tab separated', () => {
    const d = draftPlan(
      planWith(
        [],
        `| STT | Chỉ tiêu | ĐVT | Kế hoạch 2025 |
|---|---|---|---|
| 1 | Sản lượng lương thực | tấn | 4.500 |
| 2 | Tỷ lệ hộ nghèo | % | dưới 2 |
| 3 | Tỷ lệ tham gia BHYT | % | ≥ 95 |
Tỷ lệ trẻ em được tiêm chủng\t%\t98`,
      ),
    )
    expect(d.indicators.map((i) => [i.value.name, i.value.unitOfMeasure, i.value.target])).toEqual([
      ['Sản lượng lương thực', 'tấn', { kind: 'at_least', value: 4500 }],
      ['Tỷ lệ hộ nghèo', '%', { kind: 'at_most', value: 2, strict: true }],
      ['Tỷ lệ tham gia BHYT', '%', { kind: 'rate_at_least', value: 95 }],
      ['Tỷ lệ trẻ em được tiêm chủng', '%', { kind: 'rate_at_least', value: 98 }],
    ])
  })

  it('leaves out purposes, duties and the legal basis, and fields without targets', () => {
    const d = draftPlan(planWith(['Sản lượng cá nuôi đạt 320 tấn.']))
    expect(d.indicators).toHaveLength(1)
    expect(d.fields.map((f) => f.value)).toEqual([
      { code: 'II', name: 'CHỈ TIÊU THI ĐUA' },
      { code: 'II.1', name: 'Các chỉ tiêu chủ yếu', parent: 'II' },
    ])
    expect(d.indicators[0]!.value.field).toBe('II.1')
  })

  it('a text that is not a plan has no targets', () => {
    const d = draftPlan('Sáng nay trời mưa to ở Hà Nội. Giá vàng tăng 2% so với hôm qua, khoảng 300 người đến xem lễ hội hoa, nhiều người mua 2 kg cam.')
    expect(d.noTargets).toBe(true)
    expect(d.indicators).toEqual([])
    expect(draftPlan('').noTargets).toBe(true)
  })
})

describe('draftPlan: the header', () => {
  const d = draftPlan(`${HEAD}với chủ đề “Đoàn kết, sáng tạo, về đích sớm”, như sau:
II. CHỈ TIÊU
- Sản lượng cá nuôi đạt 320 tấn.
Đợt 1: từ ngày 01/01/2025 đến ngày 30/6/2025.
Đợt 2: từ tháng 7 đến tháng 12 năm 2025.
Phát động đợt thi đua đặc biệt khi có thiên tai.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Bình`)

  it('reads number, date, commune, year, title, theme and signer, each with its span', () => {
    const h = d.header
    expect([h.number?.value, h.issuedOn?.value, h.commune?.value, h.year?.value, h.title?.value, h.theme?.value, h.signedBy?.value]).toEqual([
      '15/KH-UBND',
      '2025-01-10',
      'xã Hòa An',
      2025,
      'Phát động phong trào thi đua năm 2025',
      'Đoàn kết, sáng tạo, về đích sớm',
      'Lê Văn Bình',
    ])
    expect(d.text.slice(h.number!.source.start, h.number!.source.end)).toBe('15/KH-UBND')
  })

  it('reads phases with dates and a special phase without', () => {
    expect(d.phases.map((p) => p.value)).toEqual([
      { code: 'DOT1', name: 'Đợt 1: từ ngày 01/01/2025 đến ngày 30/6/2025', from: '2025-01-01', to: '2025-06-30' },
      { code: 'DOT2', name: 'Đợt 2: từ tháng 7 đến tháng 12 năm 2025', from: '2025-07-01', to: '2025-12-31' },
      { code: 'DB1', name: 'đợt thi đua đặc biệt khi có thiên tai', special: true },
    ])
  })
})

describe('draftPlan on any text', () => {
  const pieces = ['I. ', 'II. Chỉ tiêu:', '\n', '\n\n', '- ', '1. ', 'a) ', 'đạt ', 'trên ', 'dưới ', 'giảm ', 'tăng ', 'từ ', ' – ', 'trong đó: ', 'Tỷ lệ hộ nghèo ', 'Lúa: diện tích ', 'năng suất ', 'sản lượng ', '13.345', '13,345', '0', '100', '%', '‰', ' tấn', ' ha', ' tạ/ha', ' người', ' hộ', ' so với năm 2024', ', ', '; ', '. ', '| a | 5 | % |', 'Cơ cấu kinh tế: ', 'Đợt 1: từ 01/07 đến 01/01/2025', 'KẾ HOẠCH', 'xã ', 'Hòa An']
  it('never throws, every span lies in the text, and planFromDraft gives a valid plan', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.string({ maxLength: 20 }), (parts, noise) => {
        const d = draftPlan(parts.join('') + noise)
        for (const i of [...d.indicators, ...d.fields, ...d.phases]) {
          expect(i.source.start).toBeGreaterThanOrEqual(0)
          expect(i.source.end).toBeLessThanOrEqual(d.text.length)
          expect(i.source.start).toBeLessThanOrEqual(i.source.end)
        }
        expect(v.safeParse(PlanSchema, planFromDraft(d, 'all', 2025)).success).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})

describe('planFromDraft', () => {
  const d: PlanDraft = draftPlan(planWith(['Ngô lai: diện tích 85 ha, năng suất 62 tạ/ha, sản lượng 527 tấn.', 'Giữ vững xã đạt chuẩn an toàn về an ninh, trật tự.']))

  it('takes every item into a valid plan', () => {
    const plan = planFromDraft(d, 'all', 2025)
    expect(v.safeParse(PlanSchema, plan).success).toBe(true)
    expect(plan.indicators).toHaveLength(4)
    expect(plan).toMatchObject({ year: 2025, number: '15/KH-UBND', issuedOn: '2025-01-10', title: 'Phát động phong trào thi đua năm 2025' })
  })

  it('drops references to items not taken and fields left empty', () => {
    const taken = new Set(['indicator.1', 'indicator.2', ...d.fields.map((f) => f.id)])
    const plan = planFromDraft(d, taken, 2025)
    expect(plan.indicators.map((i) => i.name)).toEqual(['Năng suất ngô lai', 'Sản lượng ngô lai'])
    // The yield's formula needed the area: it is now a plain target of its stated figure.
    expect(plan.indicators[0]).toMatchObject({ target: { kind: 'at_least', value: 62 } })
    expect(plan.indicators[0]!.formula).toBeUndefined()
    expect(plan.title).toBe('Kế hoạch phát động phong trào thi đua năm 2025')
    const none = planFromDraft(d, new Set(['indicator.3']), 2025)
    expect(none.fields).toEqual([{ code: 'CHUNG', name: 'Chỉ tiêu chung' }])
  })
})

// The seeds live beside the repository (shared/seeds): the score is checked where they are.
describe.skipIf(!existsSync(seedsDir()))('the seed plans against their hand-made demo plans', () => {
  // Honest levels reached (npm run plan:score): Trà Phong states only qualitative goals in prose,
  // and its hand-made plan took some of them; the draft takes every goal clause of a plan that
  // sets no figure (its directions of effort at low confidence). Its hand-made plan also keeps
  // two duties of its section "Kế hoạch đăng ký giao ước thi đua", which the draft leaves out:
  // registration is a duty, and the app follows it on its registration board (issue 15).
  // `confident`: the items of confidence high or medium.
  const floors: Record<(typeof SEEDS)[number], { recall: number; precision: number; confident: { recall: number; precision: number } }> = {
    'pho-thuan-2023': { recall: 0.96, precision: 1, confident: { recall: 0.96, precision: 1 } },
    'tra-phong-2022': { recall: 0.88, precision: 0.88, confident: { recall: 0.5, precision: 1 } },
    'truong-quang-trong-2022': { recall: 0.97, precision: 1, confident: { recall: 0.95, precision: 1 } },
  }
  it('flags the rice line of the Trương Quang Trọng plan (229 ha × 65 tạ/ha is not 1.448,5 t)', () => {
    const d = draftPlan(readFileSync(`${seedsDir()}/truong-quang-trong-2022.txt`, 'utf8'))
    expect(d.issues.filter((i) => i.code === 'derived_mismatch').map((i) => i.refs)).toEqual([['LUA_NS', 'LUA_SL', 'LUA_DT']])
  })

  it.each(SEEDS)('%s', (seed) => {
    const s = scoreSeed(seed)
    expect(s.recall).toBeGreaterThanOrEqual(floors[seed].recall)
    expect(s.precision).toBeGreaterThanOrEqual(floors[seed].precision)
    const c = scoreSeed(seed, true)
    expect(c.recall).toBeGreaterThanOrEqual(floors[seed].confident.recall)
    expect(c.precision).toBeGreaterThanOrEqual(floors[seed].confident.precision)
  })
})
