// Drafting a plan from its document (issue 13): the rules added after held-out set 72 (layouts the
// drafter had not met), each on hand-written sentences in the language of commune plans (none taken
// from the set).
import { describe, expect, it } from 'vitest'
import { normalizeText } from '../../src/shared/planDraft/extract'
import { draftList, named, planHead } from './planDraftText'

const HEAD = planHead('Phú Mỹ', '03', '08 tháng 01', 2026)
const targets = (d: ReturnType<typeof draftList>) => d.indicators.filter((i) => i.value.target)

describe("a target's name over labelled lines (result, plan, note)", () => {
  const d = draftList({
    head: HEAD,
    year: 2026,
    bare: true,
    items: [
      'Dưới đây là từng chỉ tiêu, kèm kết quả năm trước để so sánh.',
      'Chỉ tiêu 1: Tổng đàn trâu',
      '- Ước thực hiện năm 2025: 1.180 con',
      '- Kế hoạch năm 2026: đạt 1.250 con trở lên',
      '- Ghi chú: tính cả đàn nuôi bán chăn thả ở các thôn vùng đồi.',
      'Sản xuất của xã chịu ảnh hưởng lớn của thời tiết, giá vật tư tăng cao.',
      'Chỉ tiêu 2: Tai nạn giao thông',
      '- Thực hiện năm 2025: 10 vụ',
      '- Kế hoạch năm 2026: kéo giảm ít nhất 20% số vụ so với năm 2025',
      'Chỉ tiêu 3: Sản lượng lương thực',
      '- Thực hiện năm 2025: 7.900 tấn',
      '- Kế hoạch năm 2026: đạt 8.000 tấn (lúa 7.200 tấn, ngô 800 tấn)',
      'Chỉ tiêu 4: Trật tự xã hội',
      '- Kết quả năm 2025: ổn định',
      '- Kế hoạch năm 2026: giữ vững trật tự an toàn xã hội; không để xảy ra tội phạm ma túy',
    ],
  })

  it('reads the plan line as the target the heading names, never last year nor the note', () => {
    expect(named(d, /trâu/iu)?.value.target).toEqual({ kind: 'at_least', value: 1250 })
    expect(targets(d).some((i) => 'value' in i.value.target! && (i.value.target as { value: number }).value === 1180)).toBe(false)
    // (The row's source is the whole group, its note included; no target is read from the note or the prose.)
    expect(targets(d).some((i) => /bán chăn thả|kết quả năm trước|thời tiết/iu.test(i.value.name) || /^(?:dưới đây|sản xuất của xã)/iu.test(i.value.source ?? ''))).toBe(false)
    expect(targets(d)).toHaveLength(7)
  })

  it('takes a cut in % from last year\'s line, parts in brackets and goals split by ";"', () => {
    expect(named(d, /tai nạn/iu)?.value.target).toEqual({ kind: 'at_most', value: 8, strict: false })
    const grain = named(d, /lương thực/iu)
    expect(grain?.value.target).toEqual({ kind: 'derived', value: 8000 })
    expect(grain?.value.children).toHaveLength(2)
    expect(named(d, /giữ vững trật tự/iu)?.value.target).toEqual({ kind: 'yes_no' })
    expect(named(d, /tội phạm ma túy/iu)?.value.target).toEqual({ kind: 'yes_no' })
  })
})

describe('a table that shares the targets out to the villages', () => {
  it('reads the commune-wide column, never a village\'s', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      bare: true,
      items: [
        '| Chỉ tiêu | ĐVT | Cả xã | Thôn Bắc | Thôn Trung | Thôn Hạ |',
        '| Diện tích trồng ngô | ha | 120 | 50 | 40 | 30 |',
        '| Tỷ lệ hộ dùng nước hợp vệ sinh | % | 98 | 99 | 97 | 98 |',
        '| Giữ vững danh hiệu Làng văn hóa | – | Đạt | Đạt | Đạt | Đạt |',
      ],
    })
    expect(named(d, /ngô/iu)?.value.target).toEqual({ kind: 'at_least', value: 120 })
    expect(named(d, /nước/iu)?.value.target).toEqual({ kind: 'rate_at_least', value: 98 })
    expect(named(d, /làng văn hóa/iu)?.value.target).toEqual({ kind: 'yes_no' })
    expect(targets(d)).toHaveLength(3)
  })
})

describe('a spreadsheet pasted with tabs', () => {
  const d = draftList({
    head: HEAD,
    year: 2026,
    bare: true,
    items: [
      'STT\tChỉ tiêu\tĐVT\tThực hiện 2025\tKế hoạch 2026',
      '1\tSản lượng thủy sản\ttấn\t610\t650',
      '\t- Thủy sản nuôi trồng\ttấn\t420\t450',
      '\t- Thủy sản khai thác\ttấn\t190\t200',
      '2\tTỷ lệ hộ có nhà vệ sinh hợp chuẩn\t%\t88\t90',
      '3\tTỷ lệ người cao tuổi được khám sức khỏe định kỳ\t\t70\t< 80',
      '4\tTỷ lệ ấp đạt danh hiệu "Ấp văn hóa"\t\t90\t100',
    ],
  })

  it('makes a row whose "- " rows add up to it their sum', () => {
    const total = named(d, /^sản lượng thủy sản/iu)
    expect(total?.value.target).toEqual({ kind: 'derived', value: 650 })
    expect(total?.value.children).toHaveLength(2)
  })

  it('gives a unit cell a merged cell left empty the unit above it', () => {
    expect(named(d, /người cao tuổi/iu)?.value).toMatchObject({ unitOfMeasure: '%', target: { kind: 'at_most', value: 80, strict: true } })
    expect(named(d, /ấp đạt danh hiệu/iu)?.value.target).toEqual({ kind: 'yes_no' })
  })
})

describe("a web page's copy with HTML entities", () => {
  it('decodes the entities before reading: "&amp;" ends no clause, "&nbsp;" names no goal', () => {
    expect(normalizeText('Du lịch &amp; dịch vụ&nbsp;tăng 9%&#8211;10%; &quot;Xanh&quot; &#x110;ạt')).toBe('Du lịch & dịch vụ tăng 9%–10%; “Xanh” Đạt')
    expect(normalizeText('Giữ &unknown; và &#0; như cũ')).toBe('Giữ &unknown; và &#0; như cũ')
    const d = draftList({
      head: HEAD,
      year: 2026,
      bare: true,
      items: ['Về nông nghiệp &amp; nông thôn:&nbsp;', '• Giá trị sản xuất ngành nông &amp; lâm nghiệp tăng 6% so với năm 2025.'],
    })
    expect(targets(d)).toHaveLength(1)
    expect(targets(d)[0]?.value.target).toEqual({ kind: 'growth', percent: 6, baseYear: 2025 })
    expect(targets(d)[0]?.value.name).toMatch(/nông & lâm nghiệp/u)
  })
})
