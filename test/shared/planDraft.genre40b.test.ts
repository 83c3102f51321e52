// Drafting a plan from its document (issue 13): the second round of rules after held-out sets 40
// and 41, each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan, normalizeText } from '../../src/shared/planDraft/extract'
import { draftList, named, planHead } from './planDraftText'

const HEAD = planHead('Thanh Sơn', '09', '15 tháng 01', 2026)

describe('a numbered movement heading over its first target (a web copy without blank lines)', () => {
  it('keeps "2. Phong trào …" apart from the capitalised line or the figure under it', () => {
    const text = normalizeText(`II. NỘI DUNG THI ĐUA
1. Phong trào thi đua phát triển chăn nuôi, thủy sản và trồng rừng gỗ lớn
Trồng mới 85 ha rừng gỗ lớn; tổng đàn gia súc đạt 4.200 con.
2. Phong trào thi đua bảo đảm an ninh trật tự tại các thôn vùng biên
100% thôn ký quy chế tự quản về an ninh trật tự.`)
    expect(text.split('\n')).toEqual([
      'II. NỘI DUNG THI ĐUA',
      '1. Phong trào thi đua phát triển chăn nuôi, thủy sản và trồng rừng gỗ lớn',
      'Trồng mới 85 ha rừng gỗ lớn; tổng đàn gia súc đạt 4.200 con.',
      '2. Phong trào thi đua bảo đảm an ninh trật tự tại các thôn vùng biên',
      '100% thôn ký quy chế tự quản về an ninh trật tự.',
    ])
    const d = draftPlan(`${HEAD}I. MỤC ĐÍCH, YÊU CẦU
Khơi dậy tinh thần thi đua.
${text}
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi.
`)
    const forest = d.indicators.find((i) => i.value.unitOfMeasure === 'ha')
    expect(forest?.value.name).not.toMatch(/phong trào/iu)
    expect(forest?.value.target).toMatchObject({ kind: 'at_least', value: 85 })
    const pact = named(d, /quy chế tự quản/iu)
    expect(pact?.value.name).not.toMatch(/phong trào/iu)
    expect(pact?.value.target).toEqual({ kind: 'yes_no' })
  })

  it('still joins a heading wrapped before a quoted name or cut at a connective', () => {
    expect(normalizeText(`1. Phong trào thi đua “Dân vận khéo” trên các lĩnh vực gắn với phong trào
“Chung tay xây dựng nông thôn mới”.`)).toBe('1. Phong trào thi đua “Dân vận khéo” trên các lĩnh vực gắn với phong trào “Chung tay xây dựng nông thôn mới”.')
    expect(normalizeText(`2. Phong trào thi đua xây dựng khu dân cư kiểu mẫu trên địa bàn của
Tổ dân phố Hòa Bình.`)).toBe('2. Phong trào thi đua xây dựng khu dân cư kiểu mẫu trên địa bàn của Tổ dân phố Hòa Bình.')
  })
})

describe('"X, Y và 04 doanh nghiệp": the last kinds of a list before "và"', () => {
  it('counts the figure after "và" by the verb before the first figure', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      items: ['Thành lập mới ít nhất 20 hộ sản xuất, kinh doanh hàng thủ công, chế biến nông sản và 04 doanh nghiệp.', 'Tỷ lệ hộ nghèo giảm 2%.'],
    })
    const firms = d.indicators.find((i) => i.value.unitOfMeasure === 'doanh nghiệp')
    expect(firms?.value.name).toBe('Số doanh nghiệp thành lập mới')
    expect(firms?.value.target).toMatchObject({ kind: 'at_least', value: 4 })
    expect(d.indicators.find((i) => i.value.unitOfMeasure === 'hộ')?.value.target).toMatchObject({ kind: 'at_least', value: 20 })
  })
})

describe('a measure named before "hoàn thành vượt dự toán được giao"', () => {
  it('restates the measure the plan gives a figure: no goal of its own', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      items: ['Tổng thu ngân sách nhà nước trên địa bàn đạt 14,5 tỷ đồng.', 'Tỷ lệ hộ dân sử dụng nước sạch đạt 96%.'],
      extra: `Ngoài các chỉ tiêu trên, xã phấn đấu:
- Tổng thu ngân sách nhà nước hoàn thành vượt kế hoạch huyện giao.
- Không để xảy ra cháy rừng lớn.`,
    })
    expect(d.indicators.filter((i) => /ngân sách/iu.test(i.value.name))).toHaveLength(1)
    expect(named(d, /ngân sách/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 14.5 })
    expect(named(d, /cháy rừng/iu)?.value.target).toEqual({ kind: 'yes_no' })
  })
})

describe("a crop's output restated in the grain total's bracket", () => {
  it('is one target: the crop line stated first, the total summed from it', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      items: ['Lúa nước: diện tích 300 ha, năng suất 60 tạ/ha, sản lượng 1.800 tấn.', 'Tổng sản lượng lương thực có hạt đạt 2.700 tấn (lúa 1.800 tấn, ngô 900 tấn).'],
    })
    const outputs = d.indicators.filter((i) => i.value.unitOfMeasure === 'tấn' && JSON.stringify(i.value.target) === JSON.stringify({ kind: 'at_least', value: 1800 }))
    expect(outputs).toHaveLength(1)
    expect(outputs[0]?.value.name).toMatch(/^Sản lượng lúa/u)
    const total = named(d, /lương thực/iu)
    expect(total?.value.target).toEqual({ kind: 'derived', value: 2700 })
    expect(total?.value.children).toContain(outputs[0]?.value.code)
  })
})
