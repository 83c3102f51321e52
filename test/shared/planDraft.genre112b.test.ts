// Drafting a plan from its document (issue 13): the rules added after held-out set 112 was read a
// second time, each on hand-written sentences in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { bySource, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Phú Mỹ', '07', '14 tháng 01', 2027)
const draft = (items: string[]) => draftPlan(planWithList({ head: HEAD, year: 2027, items, bare: true }))

describe('an indicator card whose level holds several targets', () => {
  // (Under a heading that does not say "chỉ tiêu": the cards are the list wherever they stand.)
  const text = `${HEAD}I. MỤC ĐÍCH, YÊU CẦU
Động viên cán bộ và Nhân dân thi đua hoàn thành kế hoạch năm 2027.
II. BỘ CHỈ SỐ THI ĐUA NĂM 2027
Chỉ số 1. Hợp tác xã, tổ hợp tác thành lập mới
- Đơn vị tính: hợp tác xã
- Thực hiện năm 2026: 18 hợp tác xã
- Mức phấn đấu năm 2027: từ 20 hợp tác xã trở lên, trong đó hợp tác xã nông nghiệp ứng dụng công nghệ cao ít nhất 6 hợp tác xã
- Cơ quan chủ trì: Phòng Kinh tế

Chỉ số 2. Hộ nghèo, hộ cận nghèo
- Đơn vị tính: hộ
- Thực hiện năm 2026: còn 7 hộ nghèo, 41 hộ cận nghèo
- Mức phấn đấu năm 2027: cuối năm không còn hộ nghèo; giảm ít nhất 12 hộ cận nghèo
- Cơ quan chủ trì: Phòng Văn hóa - Xã hội

Chỉ số 3. An toàn thực phẩm tại các chợ
- Đơn vị tính: %; Đạt/Không đạt
- Mức phấn đấu năm 2027: 100% quầy hàng thực phẩm tươi sống được kiểm tra định kỳ; không để xảy ra ngộ độc thực phẩm đông người
- Cơ quan chủ trì: Trạm Y tế xã

Chỉ số 4. Camera giám sát an ninh tại các ngã ba, ngã tư
- Đơn vị tính: camera
- Thực hiện năm 2026: 240 camera
- Mức phấn đấu năm 2027: từ 300 camera trở lên
- Cơ quan chủ trì: Công an xã
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp kết quả trước ngày 10/12/2027.
`
  const d = draftPlan(text)
  it('reads each target of the level: the part after "trong đó", the clause after ";"', () => {
    expect(bySource(d, /20 hợp tác xã/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 20 })
    const whole = bySource(d, /20 hợp tác xã/u)[0]?.value.code
    expect(bySource(d, /ít nhất 6 hợp tác xã/u)[0]?.value).toMatchObject({ target: { kind: 'at_least', value: 6 }, partOf: whole })
    expect(bySource(d, /100% quầy hàng/u)[0]?.value.target).toEqual({ kind: 'rate_at_least', value: 100 })
    expect(bySource(d, /ngộ độc/u)[0]?.value.target).toEqual({ kind: 'yes_no' })
  })
  it('reads "cuối năm không còn hộ nghèo" as at most 0 households, a stock', () => {
    expect(bySource(d, /không còn hộ nghèo/u)[0]?.value).toMatchObject({ unitOfMeasure: 'hộ', aggregation: 'stock', target: { kind: 'at_most', value: 0, strict: false } })
  })
  it('takes the near-poor households\' start from "còn 7 hộ nghèo, 41 hộ cận nghèo" (the verb shared)', () => {
    expect(bySource(d, /giảm ít nhất 12 hộ cận nghèo/u)[0]?.value.target).toEqual({ kind: 'reduce_by', amount: 12, baseline: 41 })
  })
  it('keeps cameras as a stock (equipment standing)', () => {
    expect(bySource(d, /300 camera/u)[0]?.value).toMatchObject({ aggregation: 'stock', target: { kind: 'at_least', value: 300 } })
  })
})

describe('cameras and establishments: what stands and what the year adds', () => {
  it('reads cameras put up anew as a flow, establishments "đang hoạt động" and their part as stocks', () => {
    const d = draft([
      '| TT | Chỉ tiêu | ĐVT | Kế hoạch năm 2027 |',
      '|---|---|---|---|',
      '| 1 | Lắp đặt mới camera an ninh tại các tuyến đường trục | camera | 45 |',
      '| 2 | Cơ sở kinh doanh dịch vụ ăn uống đang hoạt động | cơ sở | 230 |',
      '| | Trong đó: nhà hàng đạt chuẩn phục vụ khách du lịch | cơ sở | 30 |',
    ])
    expect(bySource(d, /45/u)[0]?.value.aggregation).toBe('flow')
    expect(bySource(d, /230/u)[0]?.value.aggregation).toBe('stock')
    expect(bySource(d, /\| 30 \|/u)[0]?.value.aggregation).toBe('stock')
  })
})

describe('a count of sessions with its period after it', () => {
  it.each([
    '- Phát huy vai trò các tổ tự quản ven sông; tổ chức ít nhất 01 đợt thu gom rác thải nhựa “Vì dòng sông xanh” mỗi tháng.',
    '- Giữ gìn cảnh quan khu di tích; các chi hội luân phiên tổ chức ít nhất 02 đợt dọn vệ sinh “Đường làng sạch đẹp” hằng quý.',
  ])('reads no target from "%s"', (line) => {
    const d = draft(['- Trồng mới 600 cây xanh trên các tuyến đường liên thôn.', line])
    expect(bySource(d, /đợt|buổi/u)).toEqual([])
    expect(bySource(d, /600 cây/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 600 })
  })
})

describe('notes and duties that are no targets', () => {
  it('reads no goal from a note that says where each unit is written', () => {
    const d = draft(['Đơn vị tính của các chỉ tiêu được ghi trong ngoặc đơn sau tên chỉ tiêu.', '| TT | Chỉ tiêu (đơn vị tính) | Kế hoạch năm 2027 |', '|---|---|---|', '| 1 | Sản lượng lúa cả năm (tấn) | 4.300 |'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 4300 }])
  })
  it('reads no target from a quota given to each official', () => {
    const d = draft(['- Cán bộ, công chức chấp hành nghiêm kỷ luật hành chính; mỗi công chức được phân công ít nhất 02 tổ dân phố để hỗ trợ người dân nộp hồ sơ trực tuyến.', '- Kết nạp từ 12 đảng viên mới trở lên.'])
    expect(bySource(d, /phân công|tổ dân phố/u)).toEqual([])
    expect(bySource(d, /12 đảng viên/u)).toHaveLength(1)
  })
  it('reads carrying on building as an effort, a standard to reach as a goal', () => {
    const d = draft(['- Giữ vững 5/5 trường đạt chuẩn quốc gia; tiếp tục phát triển mô hình thư viện thân thiện trong các trường.', '- Tiếp tục xây dựng Trường Mầm non Hoa Sen được công nhận đạt chuẩn quốc gia mức độ 1.'])
    expect(bySource(d, /thư viện thân thiện/u)).toEqual([])
    expect(bySource(d, /Hoa Sen/u).map((i) => i.value.target)).toEqual([{ kind: 'yes_no' }])
  })
})

describe('no household left in a state', () => {
  it('reads "không còn hộ …" as at most 0, and "không còn thôn chưa có …" as a yes/no', () => {
    const d = draft(['- Đến cuối năm, toàn xã không còn hộ đói giáp hạt.', '- Không còn thôn chưa có nhà văn hóa đạt chuẩn.'])
    expect(bySource(d, /hộ đói/u)[0]?.value).toMatchObject({ unitOfMeasure: 'hộ', aggregation: 'stock', target: { kind: 'at_most', value: 0, strict: false } })
    expect(bySource(d, /nhà văn hóa/u)[0]?.value.target).toEqual({ kind: 'yes_no' })
  })
})
