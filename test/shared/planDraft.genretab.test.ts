// Drafting a plan from its document (issue 13): the rules added after held-out sets 116 and 117
// (tables: a spreadsheet's schedule after the signature, …), each on hand-written sentences and
// tables in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { bySource, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Tân Mỹ Đông', '09', '14 tháng 01', 2026)
const draft = (items: string[], after = '') => draftPlan(planWithList({ head: HEAD, year: 2026, items, bare: true }) + after)

describe('a schedule of targets a spreadsheet saved with ";" and attached after the signature', () => {
  const signature = ['Nơi nhận:', '- UBND huyện;', '- Lưu: VT.', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Lê Văn Sáu', 'Tệp đính kèm: chi-tieu-2026.csv']
  const annex = [
    'BIỂU CHỈ TIÊU THI ĐUA NĂM 2026;;;;;',
    '(Kèm theo Kế hoạch số 09/KH-UBND ngày 14/01/2026);;;;;',
    'STT;Chỉ tiêu;ĐVT;Thực hiện năm 2025;Kế hoạch năm 2026;Ghi chú',
    'I;KINH TẾ;;;;',
    '1;Tổng đàn heo (thời điểm 01/10);con;5.200;5.500;',
    '2;"Tỷ lệ hộ thu gom; phân loại rác tại nguồn";%;61;≥ 70;',
    '3;"Số hộ đạt danh hiệu ""Hộ sản xuất giỏi""";hộ;140;150;Cấp xã công nhận',
  ]
  it('reads its rows as a table\'s, a quoted cell with ";" or doubled quotes as one', () => {
    const d = draft(['- Không để xảy ra cháy rừng trên địa bàn xã.'], [...signature, ...annex].join('\n') + '\n')
    expect(bySource(d, /heo/u)[0]?.value).toMatchObject({ unitOfMeasure: 'con', target: { kind: 'at_least', value: 5500 } })
    expect(bySource(d, /phân loại rác/u)[0]?.value).toMatchObject({ name: 'Tỷ lệ hộ thu gom; phân loại rác tại nguồn', target: { kind: 'rate_at_least', value: 70 } })
    expect(bySource(d, /Hộ sản xuất giỏi/u)[0]?.value).toMatchObject({ target: { kind: 'at_least', value: 150 } })
    // (The title padded with ";" is no row, and nothing after the signature but the schedule is read.)
    expect(bySource(d, /BIỂU|Kèm theo|Lê Văn Sáu/u)).toEqual([])
  })
  it('reads nothing after the signature without a schedule\'s title', () => {
    const d = draft(['- Không để xảy ra cháy rừng trên địa bàn xã.'], [...signature, ...annex.slice(2)].join('\n') + '\n')
    expect(bySource(d, /heo|rác/u)).toEqual([])
  })
})

describe('goals written beside a schedule of targets', () => {
  it('reads a goal after "Ngoài các chỉ tiêu tại Biểu, …:" without the lead-in, and none from a restatement of a row', () => {
    const d = draft([
      '1. Chỉ tiêu thi đua',
      'Các chỉ tiêu chủ yếu năm 2026 được giao tại Biểu kèm theo Kế hoạch này; cột ghi chú dùng để đối chiếu.',
      'Ngoài các chỉ tiêu tại Biểu, các thôn phấn đấu: trồng mới 15 ha cây ăn quả trên đất vườn tạp; hoàn thành thu ngân sách vượt dự toán được giao (chỉ tiêu số 4 tại Biểu).',
    ])
    expect(bySource(d, /cây ăn quả/u).map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 15 }])
    expect(bySource(d, /cây ăn quả/u)[0]?.value.source).toMatch(/^(?:các thôn phấn đấu: )?trồng mới 15 ha cây ăn quả trên đất vườn tạp$/u)
    expect(bySource(d, /ngân sách/u)).toEqual([])
  })
})

describe('a yes/no row with a note after its plan cell', () => {
  it('ends the row\'s source with its plan cell', () => {
    const d = draft([
      '| TT | Chỉ tiêu | ĐVT | Thực hiện 2025 | Kế hoạch 2026 | Ghi chú |',
      '|---|---|---|---|---|---|',
      '| 1 | Trạm y tế đạt chuẩn quốc gia về y tế xã | trạm | 1/1 | 1/1 | Đã được Sở Y tế đánh giá lại trong quý IV năm 2025 theo bộ tiêu chí mới |',
    ])
    expect(bySource(d, /Trạm y tế/u).map((i) => [i.value.target, i.value.source])).toEqual([[{ kind: 'yes_no' }, '| 1 | Trạm y tế đạt chuẩn quốc gia về y tế xã | trạm | 1/1 | 1/1 |']])
  })
})

describe('a table whose columns a rule of dashes sets, each cell wrapped inside its column (pandoc\'s multiline table)', () => {
  const table = [
    '  ----------------------------------------------------------------',
    '  STT  Chỉ tiêu                     Đơn vị tính  Thực hiện  Kế hoạch',
    '                                                 năm 2025   năm 2026',
    '  ---- ---------------------------- ------------ ---------- ----------',
    '  I    **KINH TẾ**',
    '',
    '  1    Sản lượng thanh long ruột    tấn          4.100      4.350',
    '       đỏ xuất khẩu chính ngạch',
    '',
    '  2    Cây xoài cát',
    '',
    '       – Diện tích hiện có          ha           515        530',
    '',
    '       – Trong đó: diện tích được   ha           90         120',
    '       cấp mã số vùng trồng',
    '',
    '  3    Thu nhập bình quân đầu       triệu        71,5       77',
    '       người                        đồng/người/năm',
    '',
    '  4    Số hộ cận nghèo              hộ           118        Giảm ít',
    '                                                            nhất 12 hộ',
    '',
    '  5    Hợp tác xã, tổ hợp tác       HTX, THT     7          ≥ 8',
    '       xếp loại khá trở lên',
    '  ----------------------------------------------------------------',
    '',
    'Ghi chú: Cột "Thực hiện năm 2025" là số liệu năm trước để so sánh, không phải chỉ tiêu thi đua.',
  ]
  const d = draft(table)
  it('reads each row whole, its wrapped lines joined cell by cell', () => {
    expect(bySource(d, /thanh long/u)[0]?.value).toMatchObject({ name: 'Sản lượng thanh long ruột đỏ xuất khẩu chính ngạch', unitOfMeasure: 'tấn', target: { kind: 'at_least', value: 4350 } })
    expect(bySource(d, /Thu nhập/u)[0]?.value).toMatchObject({ unitOfMeasure: 'triệu đồng/người/năm', target: { kind: 'rate_at_least', value: 77 } })
    expect(bySource(d, /cận nghèo/u)[0]?.value.target).toEqual({ kind: 'reduce_by', amount: 12, baseline: 118 })
    // (The heading, its wrapped line, the rules and the group row are no rows.)
    expect(bySource(d, /STT|năm 2026|KINH TẾ|---/u)).toEqual([])
    expect(d.indicators).toHaveLength(6)
  })
  it('reads the "–" sub-rows under a crop\'s group row as the crop\'s, "Trong đó" a part of the row above', () => {
    const area = bySource(d, /Diện tích hiện có/u)[0]
    const part = bySource(d, /mã số vùng trồng/u)[0]
    expect(area?.value).toMatchObject({ unitOfMeasure: 'ha', aggregation: 'stock', target: { kind: 'at_least', value: 530 } })
    expect(part?.value).toMatchObject({ aggregation: 'stock', target: { kind: 'at_least', value: 120 } })
    expect(part?.value.partOf).toBe(area?.value.code)
  })
  it('keeps a unit of two abbreviations as the table writes it, and cooperatives graded "khá" are a level', () => {
    expect(bySource(d, /Hợp tác xã/u)[0]?.value).toMatchObject({ unitOfMeasure: 'HTX, THT', aggregation: 'stock', target: { kind: 'at_least', value: 8 } })
    const piped = draft(['| TT | Chỉ tiêu | ĐVT | KH 2026 |', '|---|---|---|---|', '| 1 | Hợp tác xã, tổ hợp tác thủy sản được xếp loại khá | HTX, THT | 4 |'])
    expect(piped.indicators.map((i) => [i.value.unitOfMeasure, i.value.aggregation, i.value.target])).toEqual([['HTX, THT', 'stock', { kind: 'at_least', value: 4 }]])
  })
  it('reads no table where the rows run on without a closing rule', () => {
    const open = draft(table.slice(0, 12))
    expect(bySource(open, /\| 4\.350 \||\| 530 \|/u)).toEqual([])
  })
})

describe('a grid table whose right cell lists several "- " items, one a line', () => {
  const grid = [
    '+----+-----------------+--------------------------------------------------------------------+',
    '| TT | Lĩnh vực        | Chỉ tiêu thi đua năm 2026                                          |',
    '+====+=================+====================================================================+',
    '| 1  | Nông nghiệp,    | - Tổng đàn bò sữa duy trì 2.600 con trở lên;                       |',
    '|    | nông thôn mới   | - Trồng mới 35 ha cây ăn quả, trong đó bưởi da xanh 20 ha;          |',
    '|    |                 | - Giữ vững xã đạt chuẩn nông thôn mới nâng cao, có thêm 02 thôn     |',
    '|    |                 | đạt chuẩn nông thôn mới kiểu mẫu.                                  |',
    '+----+-----------------+--------------------------------------------------------------------+',
    '| 2  | Khoa học, công  | - Có ít nhất 25 sáng kiến của cán bộ, hội viên được công nhận;      |',
    '|    | nghệ            | - Mỗi thôn đăng ký ít nhất 01 mô hình ứng dụng khoa học kỹ thuật.  |',
    '+----+-----------------+--------------------------------------------------------------------+',
  ]
  const d = draft(grid)
  it('reads each item as a line of a list, each clause of two targets its own', () => {
    expect(bySource(d, /bò sữa/u)[0]?.value).toMatchObject({ unitOfMeasure: 'con', target: { kind: 'at_least', value: 2600 } })
    expect(bySource(d, /35 ha/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 35 })
    expect(bySource(d, /bưởi da xanh 20 ha/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 20 })
    // (An item wrapped onto a line without its bullet goes on: "… có thêm 02 thôn đạt chuẩn … kiểu mẫu".)
    expect(bySource(d, /02 thôn/u)[0]?.value.source).toMatch(/02 thôn đạt chuẩn nông thôn mới kiểu mẫu$/u)
    expect(bySource(d, /nông thôn mới nâng cao/u).map((i) => i.value.target)).toContainEqual({ kind: 'yes_no' })
    // (The fields' names, wrapped beside the items, are no targets; a duty of each thôn is none either.)
    expect(bySource(d, /^(?:Nông nghiệp|nông thôn mới$|Khoa học)|mô hình/u)).toEqual([])
  })
  it('counts innovations recognised in "sáng kiến"', () => {
    expect(bySource(d, /sáng kiến/u)[0]?.value).toMatchObject({ unitOfMeasure: 'sáng kiến', target: { kind: 'at_least', value: 25 } })
  })
  it('keeps rows of figures under one rule as rows', () => {
    const rows = draft([
      '+----+---------------------+-------+-----------+',
      '| TT | Chỉ tiêu            | ĐVT   | KH 2026   |',
      '+====+=====================+=======+===========+',
      '| 1  | Cây bưởi            |       |           |',
      '|    | - Diện tích hiện có | ha    | 420       |',
      '|    | - Sản lượng         | tấn   | 6.300     |',
      '+----+---------------------+-------+-----------+',
    ])
    expect(rows.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 420 }, { kind: 'at_least', value: 6300 }])
  })
})
