// Drafting a plan from its document (issue 13): the rules added after held-out set 102, each on
// hand-written sentences in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { planHead, planWithList } from './planDraftText'

const HEAD = planHead('Phú Lương', '07', '12 tháng 01', 2026)
const draft = (items: string[], intro?: string) => draftPlan(planWithList({ head: HEAD, year: 2026, items, bare: true, ...(intro !== undefined ? { intro } : {}) }))
const bySource = (d: ReturnType<typeof draft>, words: RegExp) => d.indicators.find((i) => words.test(i.value.source ?? ''))
const targets = (d: ReturnType<typeof draft>) => d.indicators.map((i) => i.value.target)

describe('movement blocks whose targets are labelled "Chỉ tiêu:"', () => {
  const blocks = [
    '1. Phong trào thi đua “Chung sức xây dựng nông thôn mới nâng cao”',
    '- Nội dung: Bê tông hóa đường ngõ xóm; trồng hoa ven các trục đường thôn; xây dựng mô hình phân loại rác tại hộ gia đình.',
    '- Chỉ tiêu: Cứng hóa 6,2 km đường giao thông nông thôn; tỷ lệ hộ gia đình có nhà tiêu hợp vệ sinh đạt 98%; tỷ lệ trẻ em hoàn thành chương trình giáo dục mầm non đạt 100%.',
    '- Đối tượng: Các thôn, hộ gia đình, Hội Nông dân, Đoàn Thanh niên xã; các trường học trên địa bàn.',
    '- Thời gian: Từ tháng 02 đến tháng 11 năm 2026; sơ kết sau mùa mưa bão.',
    '2. Phong trào “Toàn dân bảo vệ an ninh Tổ quốc”',
    '- Nội dung:',
    '+ Xây dựng tổ an ninh tự quản ở các thôn;',
    '+ giữ gìn trật tự nơi công cộng, bến đò.',
    '- Chỉ tiêu:',
    '+ Hoàn thành 100% chỉ tiêu tuyển chọn thanh niên nhập ngũ.',
    '+ Không để xảy ra trọng án trên địa bàn xã.',
    '- Hình thức: Tuần tra, vận động quần chúng; các thôn ký cam kết.',
  ]

  it('reads only the "Chỉ tiêu:" lines, and the other labelled lines and what is under them as no goals', () => {
    const d = draft(blocks)
    expect(bySource(d, /^Cứng hóa 6,2 km/u)?.value).toMatchObject({ unitOfMeasure: 'km', target: { kind: 'at_least', value: 6.2 } })
    expect(bySource(d, /nhà tiêu/u)?.value.target).toEqual({ kind: 'rate_at_least', value: 98 })
    expect(bySource(d, /trọng án/u)?.value.target).toEqual({ kind: 'yes_no' })
    for (const words of [/^(?:Nội dung|Đối tượng|Thời gian|Hình thức)/u, /mô hình phân loại rác/u, /trồng hoa/u, /tổ an ninh tự quản/u, /trật tự nơi công cộng/u, /các trường học/u, /sơ kết/u]) expect(bySource(d, words)).toBeUndefined()
    expect(d.indicators).toHaveLength(5)
    // (Where no line of the block is labelled "Chỉ tiêu:", its content still holds the targets.)
    const plain = draft(['1. Phong trào thi đua “Xanh - sạch - đẹp”', '- Nội dung: Trồng mới 1.500 cây xanh; không để phát sinh bãi rác tự phát.', '- Thời gian: Cả năm 2026.'])
    expect(bySource(plain, /1\.500 cây/u)?.value.target).toEqual({ kind: 'at_least', value: 1500 })
    expect(bySource(plain, /bãi rác tự phát/u)?.value.target).toEqual({ kind: 'yes_no' })
  })

  it('takes the label for no name of the targets, so that a duty done in full beside another full rate is kept', () => {
    const d = draft(blocks)
    expect(d.indicators.every((i) => !/^chỉ tiêu/iu.test(i.value.source ?? '') && !/chỉ tiêu\s*[–-]/iu.test(i.value.name))).toBe(true)
    expect(bySource(d, /^Hoàn thành 100% chỉ tiêu tuyển chọn/u)?.value.target).toEqual({ kind: 'rate_at_least', value: 100 })
    expect(bySource(d, /mầm non/u)?.value.target).toEqual({ kind: 'rate_at_least', value: 100 })
  })

  it('reads a 1 MB labelled line in linear time, as no goal', () => {
    const long = `- Nội dung: Giữ gìn cảnh quan${', hè phố'.repeat(130_000)}.`
    // (Its time is measured by `npm run bench` beside the drafter's other long lines, not asserted here.)
    const d = draft(['1. Phong trào thi đua “Xanh - sạch - đẹp”', long, '- Chỉ tiêu: Trồng mới 1.500 cây xanh.'])
    expect(targets(d)).toEqual([{ kind: 'at_least', value: 1500 }])
  })
})

describe("a perennial crop's yield over the part of its area that bears", () => {
  it('computes the yield over the harvested part where the output over it gives the stated yield, and ends the parts at a clause of another subject', () => {
    const d = draft([
      '- Cây bưởi: diện tích hiện có 260 ha, trong đó diện tích cho thu hoạch 200 ha, năng suất bình quân 15 tấn/ha, sản lượng 3.000 tấn; rau màu: diện tích gieo trồng 40 ha, sản lượng 800 tấn.',
    ])
    const area = bySource(d, /260 ha/u)!.value
    const part = bySource(d, /200 ha/u)!.value
    const yieldB = bySource(d, /15 tấn\/ha/u)!.value
    const output = bySource(d, /3\.000 tấn/u)!.value
    expect(part.partOf).toBe(area.code)
    expect(yieldB.target).toEqual({ kind: 'derived', value: 15 })
    expect(yieldB.formula).toBe(`${output.code} / ${part.code}`)
    expect(bySource(d, /40 ha/u)!.value.partOf).toBeUndefined()
    // (Where the output over the whole area gives the yield, the yield stays over the whole.)
    const whole = draft(['- Cây nhãn: diện tích hiện có 300 ha, trong đó diện tích nhãn chín muộn 60 ha, năng suất bình quân 12 tấn/ha, sản lượng 3.600 tấn.'])
    expect(bySource(whole, /12 tấn\/ha/u)!.value.formula).toBe(`${bySource(whole, /3\.600 tấn/u)!.value.code} / ${bySource(whole, /300 ha/u)!.value.code}`)
  })

  it("links a table's group of rubber rows whose measures name the latex, over the tapped area", () => {
    const d = draft([
      '| STT | Chỉ tiêu | ĐVT | Kế hoạch năm 2026 | Đơn vị theo dõi |',
      '|---|---|---|---|---|',
      '| 3 | Cây cao su | | | |',
      '| | - Diện tích cao su hiện có | ha | ≥ 3.200 | Bộ phận Kinh tế |',
      '| | - Trong đó: diện tích cho mủ | ha | 2.500 | Bộ phận Kinh tế |',
      '| | - Năng suất mủ khô | tấn/ha | 1,6 | Bộ phận Kinh tế |',
      '| | - Sản lượng mủ khô | tấn | 4.000 | Bộ phận Kinh tế |',
    ])
    const yieldB = bySource(d, /Năng suất mủ khô/u)!.value
    expect(yieldB.target).toEqual({ kind: 'derived', value: 1.6 })
    expect(yieldB.formula).toBe(`${bySource(d, /Sản lượng mủ khô/u)!.value.code} / ${bySource(d, /diện tích cho mủ/u)!.value.code}`)
  })
})

describe('residential groups called "khu" counted as a share of all', () => {
  it('reads "18/20 khu" as a count to reach and all of them as a yes/no, a place called "khu" as no count', () => {
    const d = draft([
      '1. Tỷ lệ gia đình văn hóa: từ 92% trở lên; số khu đạt danh hiệu “Khu dân cư văn hóa”: 18/20 khu trở lên.',
      '- Giữ vững 20/20 khu đạt chuẩn “Khu dân cư an toàn về an ninh, trật tự”.',
      '- Xây dựng ít nhất 01 khu vui chơi cho thiếu nhi.',
    ])
    expect(bySource(d, /18\/20 khu/u)?.value).toMatchObject({ unitOfMeasure: 'khu', aggregation: 'stock', target: { kind: 'at_least', value: 18 } })
    expect(bySource(d, /20\/20 khu/u)?.value.target).toEqual({ kind: 'yes_no' })
    expect(d.indicators.filter((i) => i.value.unitOfMeasure === 'khu')).toHaveLength(1)
  })
})

describe("a cut of cases against last year's results table", () => {
  it('reads the count in the table\'s "TH" column as where the cut starts: a ceiling', () => {
    const text = `${HEAD}I. KẾT QUẢ THỰC HIỆN NĂM 2025
Kết quả một số chỉ tiêu:
| TT | Chỉ tiêu | ĐVT | KH 2025 | TH 2025 | Đánh giá |
|---|---|---|---|---|---|
| 1 | Thu ngân sách nhà nước trên địa bàn | tỷ đồng | 20 | 21,3 | Vượt |
| 2 | Số vụ tai nạn giao thông | vụ | giảm 10% | 20 | Không đạt |
II. CHỈ TIÊU THI ĐUA NĂM 2026
1. Thu ngân sách nhà nước trên địa bàn: đạt 22 tỷ đồng trở lên.
2. Số vụ tai nạn giao thông: kéo giảm ít nhất 10% so với năm 2025.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp.
`
    const d = draftPlan(text)
    expect(bySource(d, /tai nạn giao thông/u)?.value).toMatchObject({ unitOfMeasure: 'vụ', aggregation: 'flow', target: { kind: 'at_most', value: 18, strict: false } })
    expect(d.indicators).toHaveLength(2)
  })
})

describe("a line's label naming the clauses after it", () => {
  it('rolls up a count joined by "và" as the label says, what is set up new a flow', () => {
    const d = draft(['1. Thành lập mới: ít nhất 12 doanh nghiệp và 30 hộ kinh doanh.', '2. Tổng đàn bò: duy trì 1.200 con và đàn lợn 4.000 con.'])
    expect(bySource(d, /12 doanh nghiệp/u)?.value.aggregation).toBe('flow')
    expect(bySource(d, /30 hộ kinh doanh/u)?.value.aggregation).toBe('flow')
    expect(bySource(d, /4\.000 con/u)?.value.aggregation).toBe('stock')
  })
})
