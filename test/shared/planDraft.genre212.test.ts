// Drafting a plan from its document (issue 13), sets 210 to 223: a letter-like plan whose paragraphs
// name their field before a colon ("Về kinh tế: …") outside any section is the year's content, even
// where it keeps an area "hiện có" (what a commune's description says), and that label is no part
// of a goal's name; a note on which column to follow sets nothing; a chat sentence answering a member
// is talk; an annual crop's area "hiện có" stands; a rate's start stated beside the count it is
// of ("số hộ nghèo … là 96 hộ, chiếm 1,72%"); a duty's rounds a period, a campaign's phases, a field's
// name alone over its items are no targets; a count of all units after a figure's stop, a goal after
// a note on the table, are. Hand-written sentences.
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import { listDrafter, planHead, planWithList } from './planDraftText'

const letter = (...paragraphs: string[]): string =>
  `${planHead('Tân Hưng', '07', '12 tháng 01', 2027)}\nĐể thực hiện thắng lợi nhiệm vụ năm 2027, UBND xã phát động phong trào thi đua như sau.\n\n${paragraphs.join('\n\n')}\n\nCác ban, ngành, đoàn thể căn cứ kế hoạch này tổ chức thực hiện.\n`

describe('a paragraph naming its field before a colon, outside any section', () => {
  it('reads its targets, an area kept "hiện có" among them', () => {
    const d = draftPlan(letter('Về kinh tế: Diện tích trồng dừa đạt 860 ha; diện tích nuôi cua hiện có duy trì trên 310 ha. Sản lượng cua đạt 950 tấn trở lên.', 'Về xã hội: Tỷ lệ hộ nghèo giảm 0,5% so với cuối năm 2026.'))
    expect(d.indicators.map((i) => i.value.target)).toEqual([
      { kind: 'at_least', value: 860 },
      { kind: 'at_least', value: 310, strict: true },
      { kind: 'at_least', value: 950 },
      { kind: 'reduce_by', amount: 0.5 },
    ])
  })

  it('still leaves out the commune\'s description before the targets', () => {
    const d = draftPlan(letter('Xã Tân Hưng có diện tích nuôi cua hiện có 300 ha và 12 ấp.', 'Về kinh tế: Sản lượng cua đạt 950 tấn trở lên.'))
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 950 }])
  })
})

describe('a goal after its paragraph\'s field label', () => {
  it('names the goal without the label, after an ordinal too', () => {
    const d = draftPlan(letter('Về quốc phòng - an ninh: Hoàn thành chỉ tiêu tuyển quân năm 2027; giữ vững an ninh chính trị.', 'Sáu là, về môi trường: không để xảy ra ô nhiễm môi trường nghiêm trọng.'))
    expect(d.indicators.map((i) => i.value.name)).toEqual(['Hoàn thành chỉ tiêu tuyển quân năm 2027', 'Giữ vững an ninh chính trị', 'Không để xảy ra ô nhiễm môi trường nghiêm trọng'])
    expect(d.indicators.map((i) => i.value.source)).toEqual(['Hoàn thành chỉ tiêu tuyển quân năm 2027', 'giữ vững an ninh chính trị', 'không để xảy ra ô nhiễm môi trường nghiêm trọng'])
  })

  it('names an area kept "giữ ổn định khoảng" by its crop alone', () => {
    const d = draftPlan(letter('Về kinh tế: Diện tích nuôi cua quảng canh giữ ổn định 4.800 ha; diện tích chè giữ vững ổn định khoảng 620 ha.'))
    expect(d.indicators.map((i) => [i.value.name, i.value.aggregation])).toEqual([
      ['Diện tích cua quảng canh', 'stock'],
      ['Diện tích chè', 'stock'],
    ])
  })
})

const draft = listDrafter(planHead('Tân Hưng', '07', '12 tháng 01', 2027))

describe('notes on the table, a chat, an annual crop standing', () => {
  it('reads no goal from a note on which column to follow', () => {
    const d = draft(['Thôn thực hiện theo cột "Thôn đăng ký"; ô nào bỏ trống thì lấy theo mức xã giao.', '- Tỷ lệ hộ gia đình văn hóa đạt 93% trở lên.'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'rate_at_least', value: 93 }])
  })

  it('leaves out a chat sentence that answers a member, keeps one leading into a list', () => {
    const chat = [
      `[08:10, 15/01/2027] Lê Văn Tâm: ${planHead('Tân Hưng', '07', '12 tháng 01', 2027)}`,
      'II. CHỈ TIÊU',
      '- Sản lượng lúa cả năm đạt 12.400 tấn trở lên.',
      '[08:12, 15/01/2027] Phạm Thị Thu: Lúa tăng nhiều vậy anh?',
      '[08:13, 15/01/2027] Lê Văn Tâm: Dạ, theo huyện giao ạ, có thêm diện tích lúa trên đất 1 vụ',
      '[08:20, 15/01/2027] Lê Văn Tâm: Vâng em bổ sung thêm chỉ tiêu:',
      '- Tỷ lệ hộ nghèo giảm 0,6% so với cuối năm 2026.',
      '[08:21, 15/01/2027] Phạm Thị Thu: Ok anh',
      '',
    ].join('\n')
    expect(draftPlan(chat).indicators.map((i) => i.value.target)).toEqual([
      { kind: 'at_least', value: 12400 },
      { kind: 'reduce_by', amount: 0.6 },
    ])
  })

  it('reads an annual crop\'s area said to exist now as standing, one sown as the year\'s', () => {
    const d = draft(['| 1 | Diện tích rau hữu cơ hiện có | ha | 30 | 36 |', '| 2 | Diện tích gieo trồng rau các loại | ha | 410 | 420 |'])
    expect(d.indicators.map((i) => i.value.aggregation)).toEqual(['stock', 'flow'])
  })
})

describe('a rate\'s start beside its count', () => {
  it('reads "số hộ nghèo cuối năm … là N hộ, chiếm X%" as the level a cut of the rate starts from', () => {
    const d = draftPlan(letter('Năm 2026, tổng số hộ nghèo cuối năm 2026 là 112 hộ, chiếm 2,14%; số hộ cận nghèo là 150 hộ.', 'Về xã hội: Tỷ lệ hộ nghèo giảm từ 0,6% trở lên so với cuối năm 2026.'))
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'reduce_by', amount: 0.6, baseline: 2.14 }])
  })
})

describe('rounds, phases, field names, all the units, a goal after a note', () => {
  it('reads no target in rounds a period ("mỗi quý … 01 đợt") nor in a campaign "chia làm 3 đợt"', () => {
    const d = draft(['- Hội Nông dân mỗi tháng tổ chức ít nhất 02 buổi tập huấn kỹ thuật; định kỳ tổ chức 01 lần kiểm tra.', '- Thời gian: chia làm 3 đợt.', '- Sản lượng lúa đạt 5.200 tấn.'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 5200 }])
  })

  it('reads a line that only names a field as no goal', () => {
    const d = draft(['*Kinh tế*', '- Sản lượng ngô đạt 1.300 tấn.', '*Văn hóa - xã hội*', '- Tỷ lệ hộ nghèo dưới 1,5%.', 'Quốc phòng - an ninh', '- Giữ vững an ninh chính trị, trật tự an toàn xã hội.'])
    expect(d.indicators.map((i) => i.value.name)).toEqual(['Sản lượng ngô', 'Tỷ lệ hộ nghèo', 'Giữ vững an ninh chính trị, trật tự an toàn xã hội'])
  })

  it('reads a count of all the units after a stop that ends on a figure', () => {
    const d = draftPlan(letter('Về xã hội: Huy động 100% trẻ 6 tuổi vào lớp 1. 12/12 thôn giữ vững danh hiệu thôn văn hóa.'))
    expect(d.indicators.map((i) => i.value.name)).toContain('12/12 thôn giữ vững danh hiệu thôn văn hóa')
  })

  it('reads the goal a note under the table adds after its own sentence', () => {
    const d = draft(['| 1 | Sản lượng lúa | tấn | 5.000 | 5.200 |', '', 'Ghi chú: cột năm 2026 là số ước thực hiện, không phải chỉ tiêu. Ngoài các chỉ tiêu trên, xã phấn đấu giữ vững xã đạt chuẩn an toàn về an ninh, trật tự.'])
    expect(d.indicators.map((i) => i.value.name)).toEqual(['Sản lượng lúa', 'Giữ vững xã đạt chuẩn an toàn về an ninh, trật tự'])
  })
})

describe('sets 224 to 229: a herd\'s growth, a quota of each organisation, per cent as "o/o"', () => {
  it('counts a herd\'s growth in head, from the herd the review states', () => {
    const d = draftPlan(letter('Năm 2026, tổng đàn trâu, bò của xã 6.400 con.', 'Về kinh tế: Tổng đàn trâu, bò tăng 4% so với năm 2026; đàn gia cầm tăng 6% so với năm 2026.'))
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['con', { kind: 'growth', percent: 4, baseYear: 2026, baseValue: 6400 }],
      ['con', { kind: 'growth', percent: 6, baseYear: 2026 }],
    ])
  })

  it('reads no target in a quota asked of each organisation or member', () => {
    const d = draft(['- Phong trào “Vì người nghèo”: mỗi tổ chức đoàn thể nhận giúp đỡ ít nhất 02 hộ nghèo; mỗi đảng viên vận động 01 hộ tham gia bảo hiểm y tế.', '- Giảm 25 hộ nghèo trong năm.'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'reduce_by', amount: 25 }])
  })

  it('reads "o/o" after a figure as per cent and "dat" before a figure as "đạt"', () => {
    const d = draft(['- Tỷ lệ lao động qua đào tạo dat 70 o/o.', '- Tỷ lệ hộ dùng nước sạch dat 95,5o/o trở lên.'])
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([
      ['Tỷ lệ lao động qua đào tạo', { kind: 'rate_at_least', value: 70 }],
      ['Tỷ lệ hộ dùng nước sạch', { kind: 'rate_at_least', value: 95.5 }],
    ])
  })
})

describe('sets 230 to 235: starts stated in a results list or "tại thời điểm 31/12", an announcing sentence, a phường\'s "khối"', () => {
  it('reads last year\'s cases from the list under "Kết quả năm …:", a count "tại thời điểm 31/12/…"', () => {
    const head = planHead('Tân Hưng', '07', '12 tháng 01', 2027)
    const intro = 'Xã có 20 thôn. Kết quả năm 2026:\n+ Sản lượng lúa 3.900 tấn;\n+ Xảy ra 15 vụ tai nạn giao thông.\nSố người nghiện ma túy có hồ sơ quản lý tại thời điểm 31/12/2026 là 40 người.'
    const d = draftPlan(planWithList({ head, year: 2027, intro, items: ['Số vụ tai nạn giao thông giảm ít nhất 20% so với năm 2026.', 'Giảm ít nhất 10% số người nghiện ma túy so với cuối năm 2026.'] }))
    expect(d.indicators.map((i) => i.value.target)).toEqual([
      { kind: 'at_most', value: 12, strict: false },
      { kind: 'reduce_by', amount: 10, relative: true, baseline: 40 },
    ])
  })

  it('reads no goal in a sentence announcing the targets that follow', () => {
    const d = draftPlan(planWithList({ head: planHead('Tân Hưng', '07', '12 tháng 01', 2027), year: 2027, bare: true, items: ['Năm 2027, UBND xã phát động cán bộ và Nhân dân thi đua thực hiện các chỉ tiêu chủ yếu sau đây.', '1. Về kinh tế: (1) Sản lượng chè búp tươi đạt 9.500 tấn.'] }))
    expect(d.indicators.map((i) => i.value.name)).toEqual(['Sản lượng chè'])
  })

  it('reads every "khối" holding a title as each one\'s yes/no, goods supplied as a flow', () => {
    const d = draft(['| TT | Chỉ tiêu | ĐVT | KH 2027 |', '|---|---|---|---|', '| 1 | Tỷ lệ khối đạt danh hiệu "Khối văn hóa" | % | 100 |', '| 2 | Số lượng cây cảnh cung ứng thị trường dịp Tết | nghìn chậu | 350 |'])
    expect(d.indicators.map((i) => [i.value.target, i.value.aggregation])).toEqual([
      [{ kind: 'yes_no' }, 'yes_no'],
      [{ kind: 'at_least', value: 350 }, 'flow'],
    ])
  })
})

describe('sets 236 to 241: a field label closed by a stop, a group heading between items, goods by the million metres, a certified part, a start "trên địa bàn là …"', () => {
  it('reads the goals of a paragraph whose field label ends on a stop', () => {
    const d = draftPlan(letter('**Về quốc phòng - an ninh.** Hoàn thành 100% chỉ tiêu giao quân; giữ vững xã đạt chuẩn an toàn về an ninh, trật tự; không để hình thành tụ điểm phức tạp về ma túy.'))
    expect(d.indicators.map((i) => i.value.name)).toEqual(['Tỷ lệ hoàn thành chỉ tiêu giao quân', 'Giữ vững xã đạt chuẩn an toàn về an ninh, trật tự', 'Không để hình thành tụ điểm phức tạp về ma túy'])
  })

  it('reads no goal in a group\'s heading between "Chỉ tiêu N." items', () => {
    const d = draft(['NHÓM CHỈ TIÊU VỀ KINH TẾ', 'Chỉ tiêu 1. Sản lượng lúa đạt 4.200 tấn.', '', 'NHÓM CHỈ TIÊU VỀ VĂN HÓA - XÃ HỘI', 'Chỉ tiêu 2. Tỷ lệ hộ nghèo giảm 0,5% so với cuối năm 2026.'])
    expect(d.indicators.map((i) => i.value.name)).toEqual(['Sản lượng lúa', 'Tỷ lệ hộ nghèo'])
  })

  it('counts cloth by the million metres, a certified part of a standing area as standing, a start "trên địa bàn là …"', () => {
    const head = planHead('Tân Hưng', '07', '12 tháng 01', 2027)
    const intro = 'Năm 2026, số người sử dụng trái phép chất ma túy trên địa bàn là 30 người.'
    const d = draftPlan(planWithList({ head, year: 2027, intro, items: ['Sản lượng vải lụa đạt 1,8 triệu mét trở lên.', 'Diện tích cam hiện có duy trì 600 ha, trong đó diện tích được cấp giấy chứng nhận VietGAP 120 ha.', 'Giảm ít nhất 10% số người sử dụng trái phép chất ma túy so với cuối năm 2026.'] }))
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.aggregation, i.value.target])).toEqual([
      ['triệu mét', 'flow', { kind: 'at_least', value: 1.8 }],
      ['ha', 'stock', { kind: 'at_least', value: 600 }],
      ['ha', 'stock', { kind: 'at_least', value: 120 }],
      ['người', 'stock', { kind: 'reduce_by', amount: 10, relative: true, baseline: 30 }],
    ])
  })
})

describe('sets 243 to 248: lamps by the bulb, a quota of each household, a resolution\'s targets as a whole', () => {
  it('counts lamps put up by the bulb', () => {
    const d = draft(['- Lắp đặt mới 80 bóng đèn chiếu sáng công cộng trên các tuyến đường thôn.'])
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([['bóng', { kind: 'at_least', value: 80 }]])
  })

  it('reads no target in a quota asked of each household, nor a goal in "hoàn thành các chỉ tiêu Nghị quyết …"', () => {
    const d = draft(['- Vận động mỗi hộ gia đình trồng ít nhất 03 cây ăn quả.', '- Thi đua hoàn thành các chỉ tiêu Nghị quyết Đại hội Đảng bộ xã đề ra.', '- Sản lượng lúa đạt 3.100 tấn.'])
    expect(d.indicators.map((i) => i.value.name)).toEqual(['Sản lượng lúa'])
  })
})

describe('words broken by stray spaces are joined only in a copy broken throughout', () => {
  const clean = 'Vận động nhân dân tha m gia bảo hiểm y tế đạt 95%.'
  it('leaves one lone pair as typed: two short words side by side are more likely than a broken copy', () => {
    expect(normalizeText(`KẾ HOẠCH\n${clean}\n- Năng suất lúa đạt 60 tạ/ha.`)).toContain('tha m gia')
  })
  it('joins every broken word, on every line, where the document holds two or more', () => {
    const text = normalizeText(`KẾ HOẠCH\n${clean}\n- Năng suất lúa đ ạt 60 tạ/ha.`)
    expect(text).toContain('tham gia bảo hiểm')
    expect(text).toContain('lúa đạt 60 tạ/ha')
  })
})

describe('a paragraph opening on its field before a comma: every field of the one vocabulary', () => {
  it('leaves "Về xây dựng hệ thống chính trị," out of the goal\'s name, as "Về kinh tế,"', () => {
    const d = draftPlan(letter('Về kinh tế, diện tích trồng dừa đạt 860 ha.', 'Về xây dựng hệ thống chính trị, kết nạp 15 đảng viên mới.'))
    expect(d.indicators.map((i) => i.value.name)).toEqual(['Diện tích trồng dừa', 'Kết nạp đảng viên mới'])
  })
})

describe('a part in brackets, the subject of a verb of making', () => {
  it('reads a part of high-quality rice in brackets as a part, no height, and the yield after it as the crop\'s', () => {
    const d = draft(['- Diện tích gieo trồng lúa cả năm 1.180 ha (trong đó lúa chất lượng cao 650 ha), năng suất bình quân 62 tạ/ha, sản lượng 7.316 tấn.'])
    const [area, part, yieldOf, output] = d.indicators.map((i) => i.value)
    expect(part).toMatchObject({ name: 'Diện tích lúa chất lượng cao', partOf: area!.code, target: { kind: 'at_least', value: 650 } })
    expect(yieldOf).toMatchObject({ name: 'Năng suất lúa', target: { kind: 'derived', value: 62 } })
    expect(output).toMatchObject({ target: { kind: 'at_least', value: 7316 } })
  })
  it('still reads a length in brackets as the size of what it follows', () => {
    expect(draft(['- Nhựa hóa 3 tuyến đường (đoạn từ cầu Lạc Sơn đến chợ An Lạc, dài 1,2 km).']).indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 3 }])
  })
  it('names what a verb of making alone makes by the counted noun and the words after it, up to a clause of its own', () => {
    const d = draft(['- Xây dựng mới 3 cây cầu giao thông nông thôn và nâng cấp, mở rộng 6,5 km đường giao thông ấp.', '- Phát triển mới ít nhất 350 đoàn viên công đoàn và thành lập mới 04 công đoàn cơ sở.', '- Thành lập mới 2 hợp tác xã nông nghiệp.'])
    expect(d.indicators.map((i) => i.value.name)).toEqual(expect.arrayContaining(['Xây dựng mới cây cầu giao thông nông thôn', 'Phát triển mới đoàn viên công đoàn', 'Thành lập mới hợp tác xã nông nghiệp']))
  })
})

describe('a measure\'s own label before a verb of keeping, a crop after the verb that sows it', () => {
  it('names a standing area and a herd by their labels, and derives the crop\'s yield from that area', () => {
    const d = draft(['- **Diện tích sầu riêng hiện có:** duy trì ổn định 1.320 ha.', '- **Sầu riêng:** năng suất bình quân 20 tấn/ha; sản lượng đạt 26.400 tấn trở lên.', '- Tổng đàn bò: duy trì ổn định 1.250 con.'])
    expect(d.indicators.map((i) => [i.value.name, i.value.target?.kind])).toEqual([
      ['Diện tích sầu riêng', 'at_least'],
      ['Năng suất sầu riêng', 'derived'],
      ['Sản lượng sầu riêng', 'at_least'],
      ['Tổng đàn bò', 'at_least'],
    ])
  })
  it('reads "trồng lạc 85 ha" before a yield as the crop\'s area, not "trồng mới" or "trồng dặm"', () => {
    const d = draft(['- Trồng lạc 85 ha, năng suất 25 tạ/ha, sản lượng 212,5 tấn.', '- Cà phê: trồng mới, trồng dặm 25 ha; năng suất 3 tấn/ha.'])
    expect(d.indicators.map((i) => i.value.name).slice(0, 3)).toEqual(['Diện tích lạc', 'Năng suất lạc', 'Sản lượng lạc'])
    expect(d.indicators[1]!.value.target).toMatchObject({ kind: 'derived', value: 25 })
    expect(d.indicators[3]!.value.name).not.toMatch(/^Diện tích/u)
  })
})

describe('a part naming its targets beside its solutions, "a) Chỉ tiêu" and "b) Giải pháp" under every field', () => {
  const fields = ['nông nghiệp', 'kinh tế', 'văn hóa - xã hội'].flatMap((field, k) => [
    `${k + 1}. Lĩnh vực ${field}`,
    'a) Chỉ tiêu',
    `- Diện tích trồng rừng mới đạt ${k + 12} ha.`,
    'b) Giải pháp',
    `- Tổ chức ít nhất ${k + 3} lớp tập huấn cho khoảng 320 lượt nông dân.`,
  ])
  const text = ['KẾ HOẠCH', 'Phát động phong trào thi đua năm 2026', 'PHẦN I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', '- Động viên toàn dân thi đua.', 'PHẦN II. NỘI DUNG PHONG TRÀO THI ĐUA, CHỈ TIÊU VÀ GIẢI PHÁP', ...fields, 'PHẦN III. TỔ CHỨC THỰC HIỆN', '1. Văn phòng tổng hợp kết quả.'].join('\n')
  it('reads the targets of each field and none of its solutions, however often the same lettered heading comes back', () => {
    const d = draftPlan(text)
    expect(d.indicators.map((i) => [i.value.target, i.confidence === 'low'])).toEqual([12, 13, 14].map((value) => [{ kind: 'at_least', value }, false]))
  })
})

describe('sets 249 to 254: a review naming the year of its targets, a table naming units in brackets, a clause of direction before a measure', () => {
  it('reads no target in last year\'s results whose paragraph names the plan\'s year as that of its targets', () => {
    const d = draftPlan(['KẾ HOẠCH', 'Phát động phong trào thi đua năm 2026', 'Căn cứ Luật Thi đua, khen thưởng năm 2022;', 'Căn cứ Nghị quyết số 27/NQ-HĐND ngày 19/12/2025 của Hội đồng nhân dân xã.', 'Sáu tháng cuối năm 2025, xã đã hoàn thành cơ bản các chỉ tiêu. Kết quả cả năm 2025: sản lượng cam đạt 36.900 tấn; trồng rừng tập trung 615 ha. Những kết quả trên là cơ sở để xã đặt ra các chỉ tiêu thi đua năm 2026.', 'I. MỤC ĐÍCH, YÊU CẦU', '- Động viên toàn dân thi đua.', 'II. CHỈ TIÊU', '- Sản lượng cam đạt 38.700 tấn.'].join('\n'))
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 38700 }])
  })
  it('reads a count of units "29/31" whose unit is in brackets after the row\'s name, and leaves that unit out of a yes/no\'s name', () => {
    const d = draft(['| Chỉ tiêu (đơn vị tính) | Kế hoạch năm 2027 |', '|---|---|', '| Số thôn đạt danh hiệu Thôn văn hóa (thôn) | 29/31 |', '| Trường học giữ vững chuẩn quốc gia (trường) | 11/11 |'])
    expect(d.indicators.map((i) => [i.value.name, i.value.unitOfMeasure, i.value.target])).toEqual([
      ['Số thôn đạt danh hiệu Thôn văn hóa', 'thôn', { kind: 'at_least', value: 29 }],
      ['Trường học giữ vững chuẩn quốc gia', 'đạt/không đạt', { kind: 'yes_no' }],
    ])
  })
  it('names a cut by the measure after a clause of direction, a ceiling on last year\'s cases; a yield "tấn quả tươi/ha"', () => {
    const d = draftPlan(['KẾ HOẠCH', 'Phát động phong trào thi đua năm 2027', 'Năm 2026, trên địa bàn xã xảy ra 10 vụ tai nạn giao thông.', 'II. CHỈ TIÊU', '- Kiềm chế tai nạn giao thông, số vụ tai nạn giao thông giảm 10% trở lên so với năm 2026.', '- Năng suất cà phê bình quân 9 tấn quả tươi/ha.'].join('\n'))
    expect(d.indicators.map((i) => [i.value.name, i.value.unitOfMeasure, i.value.target])).toEqual([
      ['Số vụ tai nạn giao thông', 'vụ', { kind: 'at_most', value: 9, strict: false }],
      ['Năng suất cà phê', 'tấn/ha', expect.objectContaining({ value: 9 })],
    ])
  })
})

describe('a list with leader dots: its heading, a sub-row indented under its whole', () => {
  it('reads no goal in the list\'s heading and the indented "trong đó" row as a row of its own', () => {
    const d = draft(['Chỉ tiêu ............................ Mức phấn đấu năm 2027', '- Giá trị sản phẩm mây tre đan ..................... 385 tỷ đồng', '      trong đó giá trị xuất khẩu ......................................... 240 tỷ đồng', '- Tổng sản lượng thủy sản .................... 15.200 tấn'])
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([
      ['Giá trị sản phẩm mây tre đan', { kind: 'at_least', value: 385 }],
      ['Giá trị xuất khẩu', { kind: 'at_least', value: 240 }],
      ['Tổng sản lượng thủy sản', { kind: 'at_least', value: 15200 }],
    ])
  })
})

describe('a count of units on a key–value line, a crop\'s share of an area in brackets', () => {
  it('counts "Số ấp …: ít nhất 12/14" in the units the name counts; "11/11" stays a state kept', () => {
    const d = draft(['- Số ấp đạt danh hiệu ấp văn hóa: ít nhất 12/14.', '- Số thôn đạt chuẩn nông thôn mới: 11/11.'])
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['ấp', { kind: 'at_least', value: 12 }],
      ['đạt/không đạt', { kind: 'yes_no' }],
    ])
  })
  it('names each crop\'s share of an area in brackets as its area, and reckons the crop\'s yield on it', () => {
    const d = draft(['- Tổng diện tích cây lâu năm 10.370 ha (điều 6.850 ha, cao su 3.100 ha, hồ tiêu 420 ha).', '- Năng suất hạt điều bình quân 1,25 tấn/ha.', '- Sản lượng hạt điều 8.562,5 tấn.'])
    const names = d.indicators.map((i) => i.value.name)
    expect(names.slice(1, 4)).toEqual(['Diện tích điều', 'Diện tích cao su', 'Diện tích hồ tiêu'])
    expect(d.indicators[4]!.value).toMatchObject({ name: 'Năng suất hạt điều', target: { kind: 'derived', value: 1.25 } })
  })
})

describe('a campaign held in rounds', () => {
  it('reads no target in "được tổ chức thành 02 đợt", while rounds of an action stay a count', () => {
    const d = draft(['- Phong trào thi đua năm 2027 được tổ chức thành 02 đợt.', '- Tổ chức 02 đợt ra quân làm sạch môi trường.'])
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([['Tổ chức đợt ra quân làm sạch môi trường', { kind: 'at_least', value: 2 }]])
  })
})

describe('the generic aim counted or pointing to an appendix; shrimp seed by the billion', () => {
  it('reads no goal in "hoàn thành và hoàn thành vượt mức 25 chỉ tiêu chủ yếu về phát triển kinh tế - xã hội … theo Nghị quyết …"', () => {
    const d = draft(['- Phấn đấu hoàn thành và hoàn thành vượt mức 25 chỉ tiêu chủ yếu về phát triển kinh tế - xã hội, quốc phòng - an ninh năm 2027 theo Nghị quyết của Hội đồng nhân dân xã (chi tiết tại Phụ lục kèm theo Kế hoạch này).', '- Tỷ lệ hộ nghèo giảm 1%.'])
    expect(d.indicators.map((i) => i.value.target?.kind)).toEqual(['reduce_by'])
  })
  it('counts shrimp seed in "tỷ con"', () => {
    expect(draft(['- Sản xuất tôm giống: xuất trại 1,6 tỷ con post trở lên.']).indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([['tỷ con', { kind: 'at_least', value: 1.6 }]])
  })
})

describe('an alley\'s width, said bare', () => {
  it('reads "hẻm dưới 3 mét" as which alleys, the length in km as the figure; "kiệt, hẻm 3,8 km" stays a length', () => {
    const d = draft(['- Nạo vét, khơi thông cống rãnh 5 km, trong đó hẻm dưới 3 mét được thoát nước chống ngập ít nhất 1,2 km.', '- Bê tông hóa, nâng cấp đường kiệt, hẻm 3,8 km.'])
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['km', { kind: 'at_least', value: 5 }],
      ['km', { kind: 'at_least', value: 1.2 }],
      ['km', { kind: 'at_least', value: 3.8 }],
    ])
  })
})
