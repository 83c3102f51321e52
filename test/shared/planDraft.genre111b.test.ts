// Drafting a plan from its document (issue 13): the rules added after held-out sets 111 and 113
// (the rest), each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { matchScore } from '../../src/shared/planDraft/score'
import { bySource, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Tân Phú', '05', '09 tháng 01', 2026)
const draft = listDrafter(HEAD)

describe('a count of two kinds of producers as one unit ("hộ, cơ sở")', () => {
  it('reads the pair as the unit and the statement whole, past the comma', () => {
    const d = draft(['- Giữ vững ít nhất 45 hộ, cơ sở chế biến hải sản khô đạt chứng nhận an toàn thực phẩm.'])
    const found = bySource(d, /45 hộ, cơ sở/u)
    expect(found).toHaveLength(1)
    expect(found[0]?.value).toMatchObject({ unitOfMeasure: 'hộ, cơ sở', target: { kind: 'at_least', value: 45 } })
    expect(found[0]?.value.source).toMatch(/an toàn thực phẩm$/u)
  })
  it('reads "hợp tác xã, tổ hợp tác" alike, and a table\'s unit cell "hộ, cơ sở"', () => {
    const d = draft([
      '- Thành lập mới 04 hợp tác xã, tổ hợp tác trong lĩnh vực nông nghiệp.',
      '',
      '| TT | Chỉ tiêu | ĐVT | TH 2025 | KH 2026 |',
      '|---|---|---|---|---|',
      '| 1 | Số hộ, cơ sở làm nghề mây tre đan đang hoạt động | hộ, cơ sở | 310 | ≥ 325 |',
    ])
    expect(bySource(d, /04 hợp tác xã/u)[0]?.value).toMatchObject({ unitOfMeasure: 'hợp tác xã, tổ hợp tác', target: { kind: 'at_least', value: 4 } })
    expect(bySource(d, /mây tre đan/u)[0]?.value).toMatchObject({ unitOfMeasure: 'hộ, cơ sở', target: { kind: 'at_least', value: 325 } })
  })
  it('keeps a count of households before another clause on households', () => {
    const d = draft(['- Giảm ít nhất 25 hộ, hộ nghèo còn dưới 1%.'])
    expect(d.indicators.map((i) => i.value.unitOfMeasure)).not.toContain('hộ, hộ')
  })
  it('scores such a unit against a hand-made unit that is one of the two, and nothing looser', () => {
    const d = draft(['- Giữ vững ít nhất 45 hộ, cơ sở chế biến hải sản khô đạt chứng nhận an toàn thực phẩm.'])
    const drafted = bySource(d, /45 hộ, cơ sở/u)[0]!.value
    expect(matchScore(drafted, { ...drafted, unitOfMeasure: 'cơ sở' })).toBeGreaterThan(0)
    expect(matchScore(drafted, { ...drafted, unitOfMeasure: 'hộ' })).toBeGreaterThan(0)
    expect(matchScore(drafted, { ...drafted, unitOfMeasure: 'hộ, cơ sở' })).toBeGreaterThan(0)
    expect(matchScore(drafted, { ...drafted, unitOfMeasure: 'doanh nghiệp' })).toBe(0)
    expect(matchScore({ ...drafted, unitOfMeasure: 'cơ sở' }, { ...drafted, unitOfMeasure: 'hộ, cơ sở' })).toBe(0)
  })
})

describe('the units\' own targets to register, after the list', () => {
  it.each([
    'Các thôn, cơ quan, trường học căn cứ các chỉ tiêu nêu trên đăng ký chỉ tiêu thi đua của đơn vị, bảo đảm không thấp hơn mức bình quân của xã.',
    '*Các tổ dân phố, đơn vị căn cứ kế hoạch này đăng ký giao ước thi đua, bảo đảm không thấp hơn chỉ tiêu chung.*',
  ])('reads no goal from "%s"', (note) => {
    const d = draft(['- Kết nạp từ 12 đảng viên mới trở lên.', '- Tỷ lệ hộ gia đình văn hóa đạt 92% trở lên.', '', note])
    expect(bySource(d, /đăng ký|không thấp hơn/u)).toEqual([])
    expect(d.indicators).toHaveLength(2)
  })
})

describe('the scale of the emulation\'s scoring', () => {
  it('reads no target from "tổng số 100 điểm" or "tối đa 8 điểm", and keeps a score to reach', () => {
    const d = draft([
      '- Kết nạp từ 12 đảng viên mới trở lên.',
      '',
      'Bộ tiêu chí gồm 25 chỉ tiêu chia thành 05 nhóm, tổng số 100 điểm; mỗi chỉ tiêu có điểm tối đa 8 điểm.',
      '',
      '- Chỉ số cải cách hành chính của xã đạt tổng số 92 điểm trở lên.',
    ])
    expect(d.indicators.filter((i) => i.value.unitOfMeasure === 'điểm').map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 92 }])
  })
})

describe('a yield in kg/ha in a table broken down by quarter', () => {
  const table = (rows: string[]) => draft([
    '| TT | Chỉ tiêu | ĐVT | Quý I | Quý II | Quý III | Quý IV | Cả năm 2026 |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ])
  it('derives the yield from the area farmed and the output, the quarter cells dashes', () => {
    const d = table([
      '| 1 | Diện tích nuôi tôm càng xanh | ha | 20 | 25 | 15 | - | 60 |',
      '| 2 | Năng suất tôm càng xanh | kg/ha | - | - | - | - | 900 |',
      '| 3 | Sản lượng tôm càng xanh | kg | 10.000 | 14.000 | 18.000 | 12.000 | 54.000 |',
    ])
    const yieldRow = bySource(d, /Năng suất/u)[0]?.value
    expect(yieldRow).toMatchObject({ unitOfMeasure: 'kg/ha', aggregation: 'stock', target: { kind: 'derived', value: 900 } })
    const [area, output] = [bySource(d, /Diện tích/u)[0]!.value.code, bySource(d, /Sản lượng/u)[0]!.value.code]
    expect(yieldRow?.formula).toBe(`${output} / ${area}`)
  })
  it('reads the eggs weighed as the product of the animal stocked', () => {
    const d = table([
      '| 1 | Diện tích thả nuôi artemia trên ruộng muối | ha | 150 | 30 | - | - | 180 |',
      '| 2 | Năng suất trứng artemia bình quân | kg/ha | - | - | - | - | 95 |',
      '| 3 | Sản lượng trứng artemia | kg | 9.000 | 8.100 | - | - | 17.100 |',
    ])
    expect(bySource(d, /Năng suất/u)[0]?.value.target).toEqual({ kind: 'derived', value: 95 })
  })
})

describe('units striving together for a result, after the list', () => {
  const after = (line: string) => draft(['- Kết nạp từ 12 đảng viên mới trở lên.', '- Tỷ lệ hộ gia đình văn hóa đạt 92% trở lên.', '', line])
  it.each([
    'Ngoài các chỉ tiêu trên, các thôn, buôn và Trạm Y tế phối hợp phấn đấu không để dịch sốt xuất huyết (sốt Dengue, sốt xuất huyết nặng) bùng phát trên diện rộng.',
    'Các tổ dân phố và Công an phường phối hợp phấn đấu không để tội phạm ma túy (mua bán, tàng trữ trái phép) phát sinh trên địa bàn.',
  ])('reads the result in "%s" as a yes/no goal', (line) => {
    const goals = bySource(after(line), /không để/u)
    expect(goals.map((i) => i.value.target)).toEqual([{ kind: 'yes_no' }])
    expect(goals[0]?.value.source).toMatch(/trên (?:diện rộng|địa bàn)$/u)
  })
  it('still reads no goal from the units\' duty with no result', () => {
    expect(bySource(after('Các thôn, buôn và Trạm Y tế phối hợp tổ chức tuyên truyền phòng, chống dịch bệnh cho nhân dân.'), /tuyên truyền/u)).toEqual([])
  })
})
