// Drafting a plan from its document (issue 13): the rules added after held-out set 95 (plans in the
// forms they reach the officer: a phone's viewer, a chat, an e-mail), each on hand-written sentences
// in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import { bulletHeading, capsHeading } from '../../src/shared/planDraft/sections'
import { draftList, named, planHead } from './planDraftText'

const HEAD = planHead('Phú Xuân', '09', '15 tháng 01', 2025)

describe("a table's rows as records of labelled short lines (a phone's viewer)", () => {
  const d = draftList({
    head: HEAD,
    year: 2025,
    bare: true,
    items: [
      'STT: 1',
      'Tên chỉ tiêu: Tổng đàn trâu, bò của toàn',
      'xã',
      'Đơn vị tính: con',
      'Thực hiện năm 2024: 1.420',
      'Kế hoạch: 1.500',
      'STT: 2',
      'Tên chỉ tiêu: Diện tích ngô',
      'Đơn vị tính: ha',
      'Thực hiện năm 2024: 310',
      'Kế hoạch: 330',
      'STT: 3',
      'Tên chỉ tiêu: Số lao động được tạo việc',
      'làm mới',
      'Đơn vị tính: lao',
      'động',
      'Thực hiện năm 2024: 150',
      'Kế hoạch: 170',
    ],
  })

  it("reads each record as a row: its name (wrapped), its unit and the plan's figure", () => {
    expect(named(d, /trâu, bò/iu)?.value).toMatchObject({ name: expect.stringMatching(/toàn xã$/u), unitOfMeasure: 'con', target: { kind: 'at_least', value: 1500 } })
    expect(named(d, /ngô/iu)?.value.target).toMatchObject({ value: 330 })
    expect(named(d, /việc làm mới/iu)?.value.target).toMatchObject({ value: 170 })
  })

  it("drafts no label as a goal, nor the past year's figure", () => {
    expect(d.indicators.map((i) => i.value.name).join('\n')).not.toMatch(/Tên chỉ tiêu|Đơn vị tính|Thực hiện năm|STT/u)
    expect(d.indicators.some((i) => JSON.stringify(i.value.target).includes('1420'))).toBe(false)
    expect(d.indicators).toHaveLength(3)
  })
})

describe('a chat whose heads hold the sender and the time on one line', () => {
  const d = draftPlan(`${HEAD}
Nguyễn Văn Hùng 07:45
Em gửi các thôn nội dung chính Kế hoạch thi đua năm 2025 của UBND xã, bản ký số gửi sau.
Căn cứ Kế hoạch số 03/KH-UBND ngày 06/01/2025 của UBND huyện về phát động thi đua năm 2025.
Mục đích: động viên cán bộ và Nhân dân thi đua lao động sản xuất.

Lò Thị Mai 07:50
Thôn Nà Hin xin đăng ký trồng 20 ha rừng ạ.

Nguyễn Văn Hùng 07:52
CÁC CHỈ TIÊU THI ĐUA NĂM 2025
1. Sản lượng lương thực đạt 4.200 tấn.
2. Tỷ lệ hộ nghèo giảm 1,2%.
3. Không để xảy ra dịch tả lợn châu Phi.

[Hình ảnh]
Nguyễn Văn Hùng 07:53
Ảnh bản ký trang 2 để các thôn xem ạ.

Nguyễn Văn Hùng 07:58
1. Hoàn thành 100% chỉ tiêu giao quân.
2. Giữ vững an ninh chính trị ở các thôn bản.
Khen thưởng: tập thể xuất sắc được thưởng 800.000đ, cá nhân 400.000đ.

Nguyễn Văn Hùng 08:00
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Vàng A Lử

Nguyễn Văn Hùng 08:30
Em bổ sung thêm 1 chỉ tiêu còn thiếu ạ:
3. Trồng mới 40 ha rừng sản xuất.
`)

  it('reads the poster\'s targets and goals, leaves the replies, the heads and the caption', () => {
    expect(named(d, /lương thực/iu)?.value.target).toMatchObject({ value: 4200 })
    expect(named(d, /dịch tả lợn/iu)?.value.target).toEqual({ kind: 'yes_no' })
    expect(named(d, /an ninh chính trị/iu)?.value.target).toEqual({ kind: 'yes_no' })
    const names = d.indicators.map((i) => i.value.name).join('\n')
    expect(names).not.toMatch(/Nguyễn Văn Hùng|Nà Hin|Ảnh bản ký/u)
  })

  it('reads no award as a target and the targets an addendum after the signature adds', () => {
    expect(d.indicators.some((i) => JSON.stringify(i.value.target).includes('800000'))).toBe(false)
    expect(named(d, /rừng sản xuất/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 40 })
  })

  it('keeps a one-line name and time that never comes back as plain text', () => {
    expect(normalizeText('Khai mạc 08:00\nBế mạc 11:30\nGiải lao 09:30\nSản lượng lúa đạt 900 tấn.')).toMatch(/^Khai mạc 08:00/u)
  })
})

describe("a plan's parts named in a message", () => {
  it('reads a title in capitals with the plan\'s year as a part', () => {
    expect(capsHeading('CHỈ TIÊU THI ĐUA NĂM 2025', 1)).toMatchObject({ level: 1, rest: 'CHỈ TIÊU THI ĐUA NĂM 2025' })
    expect(capsHeading('KẾT QUẢ 12 THÁNG', 1)).toBeUndefined()
  })

  it('reads "Khen thưởng: …" without a bullet as the awards, not "Chỉ tiêu: …"', () => {
    expect(bulletHeading('Khen thưởng: Giấy khen kèm 500.000 đồng', 2)).toMatchObject({ name: 'Khen thưởng', rest: 'Giấy khen kèm 500.000 đồng' })
    expect(bulletHeading('Chỉ tiêu: tổng đàn bò 2.000 con', 3)).toBeUndefined()
  })
})

describe("an HTML e-mail's table, cells joined by bars without outer ones", () => {
  const d = draftList({
    head: HEAD,
    year: 2025,
    bare: true,
    items: [
      'STT | Nội dung | Đơn vị | Năm 2024 | Năm 2025',
      'A | *NÔNG NGHIỆP*',
      '1 | Sản lượng cá nuôi | tấn | 640 | 700',
      '- Cá lồng | tấn | 210 | 240',
      'B | *XÃ HỘI*',
      '2 | Tỷ lệ hộ dùng nước sạch | % | 96 | 98',
    ],
  })

  it("reads the groups' rows as titles and the short rows under their columns", () => {
    expect(d.indicators.map((i) => i.value.name).join('\n')).not.toMatch(/NÔNG NGHIỆP|XÃ HỘI/u)
    expect(named(d, /cá lồng/iu)?.value.target).toMatchObject({ value: 240 })
    expect(named(d, /nước sạch/iu)?.value.target).toMatchObject({ value: 98 })
  })

  it("reads a program's footer after a bar as page furniture", () => {
    expect(normalizeText('Sản lượng lúa đạt 900 tấn.\n[VB-Office 3.1] 12_KH-UBND.doc | Trang 1/4\nTỷ lệ hộ nghèo giảm 1%.')).not.toMatch(/Trang 1\/4/u)
  })
})
