// The draft of the mid-year (sơ kết) or year-end (tổng kết) review report as a Word document, laid
// out as Vietnamese administrative documents are (Nghị định 30/2020/NĐ-CP): the issuing body and the
// national motto side by side, the number and the dateline, the title, the body, the signature.
// The officer completes what only people know (the number, the date, the directions: marked "…").
import { Paragraph, Table, TableLayoutType, TableRow, WidthType } from 'docx'
import { body, cell, centered, dateline, gap, headerBlock, heading, lowerFirst, packDocument, rule, run, signatureBlock, tableText, TEXT_WIDTH_MM, twip } from './nd30'
import type { PlanResults } from '../../shared/api'
import {
  asOfText,
  BASIS_LABELS,
  communeAuthority,
  communeFullName,
  communePlaceName,
  fieldSections,
  formatActual,
  formatProgress,
  formatViDate,
  indicatorNames,
  summarizeResults,
  verdictText,
} from '../../shared/summary'

export { DOCX_CONTENT_TYPE } from './nd30'

export type ReviewKind = 'so_ket' | 'tong_ket'

function reviewWords(kind: ReviewKind, year: number): { title: string; short: string; next: string } {
  return kind === 'so_ket'
    ? { title: `Sơ kết 6 tháng đầu năm ${year}`, short: `sơ kết 6 tháng đầu năm ${year}`, next: `6 tháng cuối năm ${year}` }
    : { title: `Tổng kết năm ${year}`, short: `tổng kết năm ${year}`, next: `năm ${year + 1}` }
}

/** "Kế hoạch số 15/KH-UBND ngày 25/01/2024 về “Phát động phong trào thi đua …”". */
function planReference(results: PlanResults): string {
  const number = results.planNumber ? ` số ${results.planNumber}` : ''
  const date = results.planIssuedOn ? ` ngày ${formatViDate(results.planIssuedOn)}` : ''
  return `Kế hoạch${number}${date} về “${results.planTitle}”`
}

/**
 * Fixed widths (160 mm in all, the table laid out as fixed so Word does not refit it): STT holds
 * "STT" and three digits, and "Tỷ lệ %" holds its header and "1.234,5%" on one line at 13 pt,
 * cell margins included; the name and the verdict wrap.
 */
export const TABLE_COLUMNS: readonly { header: string; mm: number }[] = [
  { header: 'STT', mm: 13 },
  { header: 'Chỉ tiêu', mm: 42 },
  { header: 'ĐVT', mm: 14 },
  { header: 'Chỉ tiêu năm', mm: 30 },
  { header: 'Thực hiện', mm: 22 },
  { header: 'Tỷ lệ %', mm: 21 },
  { header: 'Đánh giá', mm: 18 },
]

/** The results table of one field: a header row, a bold row per sub-field, a row per target. */
function resultsTable(section: ReturnType<typeof fieldSections>[number], nameOf: (code: string) => string, startAt: number): { table: Table; next: number } {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: TABLE_COLUMNS.map((c) => cell([tableText(c.header, { bold: true, align: 'center' })], c.mm, { shade: true })),
  })
  const rows: TableRow[] = [header]
  let stt = startAt
  for (const group of section.groups) {
    if (group.depth > 0) {
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            cell([tableText('')], TABLE_COLUMNS[0]!.mm),
            cell([tableText(group.field.name, { bold: true })], TEXT_WIDTH_MM - TABLE_COLUMNS[0]!.mm, { columnSpan: TABLE_COLUMNS.length - 1 }),
          ],
        }),
      )
    }
    for (const ind of group.indicators) {
      stt += 1
      const values = [
        tableText(String(stt), { align: 'center' }),
        tableText(ind.name),
        tableText(ind.unitOfMeasure, { align: 'center' }),
        tableText(ind.targetText),
        tableText(formatActual(ind, nameOf) || '–', { align: ind.actual === null && !ind.shares ? 'center' : 'right' }),
        tableText(formatProgress(ind), { align: 'right' }),
        tableText(verdictText(ind, { pace: true }), { align: 'center' }),
      ]
      rows.push(new TableRow({ cantSplit: true, children: values.map((p, i) => cell([p], TABLE_COLUMNS[i]!.mm)) }))
    }
  }
  return {
    table: new Table({
      layout: TableLayoutType.FIXED,
      width: { size: twip(TEXT_WIDTH_MM), type: WidthType.DXA },
      columnWidths: TABLE_COLUMNS.map((c) => twip(c.mm)),
      rows,
    }),
    next: stt,
  }
}

/** The recipients and the chairman's signature. */
function reviewSignature(results: PlanResults): Table {
  return signatureBlock(
    [
      // Since July 2025 a commune reports to the province; older plans still to their district.
      `- UBND ${lowerFirst(results.commune.district ?? results.commune.province)} (báo cáo);`,
      '- Thường trực Đảng ủy, HĐND;',
      '- Hội đồng Thi đua – Khen thưởng;',
      '- …;',
      '- Lưu: VT.',
    ],
    ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
    results.signedBy ?? '…',
  )
}

/** The review report of a commune's results, as the bytes of a .docx file. */
/** `appendix`: what follows the signature on pages of its own (the evidence photos chosen: exports/evidenceAppendix.ts). */
export async function buildReviewDocx(results: PlanResults, kind: ReviewKind, appendix: readonly (Paragraph | Table)[] = []): Promise<Buffer> {
  const words = reviewWords(kind, results.year)
  const commune = communeFullName(results.commune)
  const summary = summarizeResults(results)
  const nameOf = indicatorNames(results)

  const children: (Paragraph | Table)[] = [
    headerBlock(communeAuthority(results.commune), '…/BC-UBND', dateline(communePlaceName(results.commune), null, results.year)),
    gap(240),
    centered([run('BÁO CÁO', { bold: true })]),
    centered([run(`${words.title} việc thực hiện ${planReference(results)}`, { bold: true })]),
    rule(60),
    gap(),
    body(
      `Thực hiện ${planReference(results)}, Ủy ban nhân dân ${lowerFirst(commune)} báo cáo ${words.short} phong trào thi đua như sau:`,
    ),
    heading('I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THI ĐUA'),
    body([run(`Số liệu ${asOfText(results)}. ${BASIS_LABELS[results.basis]}.`, { italics: true })]),
  ]

  const sections = fieldSections(results)
  let stt = 0
  sections.forEach((section, i) => {
    children.push(heading(`${i + 1}. ${section.field.name}`))
    const { table, next } = resultsTable(section, nameOf, stt)
    stt = next
    children.push(table)
  })
  if (sections.length === 0) children.push(body('Kế hoạch chưa có chỉ tiêu nào.'))

  // Short paragraphs: the counts, one per field (its name in bold), then the notes on coverage and basis.
  children.push(heading('II. ĐÁNH GIÁ CHUNG'))
  children.push(body(summary.opening))
  summary.fields.forEach((f, i) => children.push(body([run(`${i + 1}. ${f.field}: `, { bold: true }), run(f.text)])))
  for (const note of summary.notes) children.push(body(note))
  children.push(body([run('Ưu điểm, hạn chế và nguyên nhân: ', { bold: true }), run('…', {})]))

  children.push(heading(`III. PHƯƠNG HƯỚNG, NHIỆM VỤ ${words.next.toLocaleUpperCase('vi')}`))
  children.push(body([run(`(Phần này do cán bộ hoàn thiện: các nhiệm vụ, giải pháp trọng tâm ${words.next}.)`, { italics: true })]))
  for (const n of [1, 2, 3]) children.push(body(`${n}. …`))
  children.push(body(`Trên đây là báo cáo ${words.short} phong trào thi đua của Ủy ban nhân dân ${lowerFirst(commune)}./.`))
  children.push(gap())
  children.push(reviewSignature(results))
  children.push(...appendix)

  return packDocument(`Báo cáo ${words.short} - ${commune}`, children)
}
