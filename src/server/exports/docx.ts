// The draft of the mid-year (sơ kết) or year-end (tổng kết) review report as a Word document, laid
// out as Vietnamese administrative documents are (Nghị định 30/2020/NĐ-CP): the issuing body and the
// national motto side by side, the number and the dateline, the title, the body, the signature.
// The officer completes what only people know (the number, the date, the directions: marked "…").
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
  type ParagraphChild,
} from 'docx'
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

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

export type ReviewKind = 'so_ket' | 'tong_ket'

const FONT = 'Times New Roman'
/** Half-points: 14 pt body, 13 pt tables and the header block, 12 pt and 11 pt for the recipients. */
const BODY = 28
const SMALL = 26
const TINY = 22

/** A4 portrait, top and bottom 2 cm, left 3 cm, right 2 cm: the text is 160 mm wide. */
const TEXT_WIDTH_MM = 160
/** Millimetres to twentieths of a point, rounded (A4 is 11906 × 16838). */
const twip = (mm: number): number => Math.round((mm * 1440) / 25.4)

interface RunOptions {
  bold?: boolean
  italics?: boolean
  size?: number
  underline?: boolean
}

/** "Thành phố Quảng Ngãi" → "thành phố Quảng Ngãi", as a common noun inside a sentence. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1)
}

function run(text: string, o: RunOptions = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: o.size ?? BODY,
    ...(o.bold ? { bold: true } : {}),
    ...(o.italics ? { italics: true } : {}),
    ...(o.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
  })
}

function centered(children: ParagraphChild[], after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after }, children })
}

/** A body paragraph: justified, first line indented 1 cm, 6 pt after. */
function body(text: string | ParagraphChild[], o: RunOptions = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: twip(10) },
    spacing: { before: 0, after: 120, line: 300 },
    children: typeof text === 'string' ? [run(text, o)] : text,
  })
}

function heading(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: twip(10) },
    spacing: { before: 120, after: 120 },
    keepNext: true,
    children: [run(text, { bold: true })],
  })
}

/** The short rule under the issuing body and under the title: a bottom border on an indented empty paragraph. */
function rule(indentMm: number): Paragraph {
  return new Paragraph({
    indent: { left: twip(indentMm), right: twip(indentMm) },
    spacing: { before: 0, after: 60 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  })
}

function cell(children: Paragraph[], widthMm: number, o: { columnSpan?: number; borders?: boolean; shade?: boolean } = {}): TableCell {
  return new TableCell({
    children,
    width: { size: twip(widthMm), type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(o.columnSpan ? { columnSpan: o.columnSpan } : {}),
    ...(o.borders === false ? { borders: TableBorders.NONE } : {}),
    ...(o.shade ? { shading: { fill: 'F2F2F2' } } : {}),
  })
}

/** The header block: issuing body and number on the left, national motto and dateline on the right, without borders. */
function headerBlock(results: PlanResults): Table {
  const left = 62
  const right = TEXT_WIDTH_MM + 10 - left
  const row = (l: Paragraph[], r: Paragraph[]): TableRow => new TableRow({ children: [cell(l, left, { borders: false }), cell(r, right, { borders: false })] })
  return new Table({
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    // A little wider than the text, as the block customarily reaches into the left margin.
    indent: { size: -twip(10), type: WidthType.DXA },
    width: { size: twip(left + right), type: WidthType.DXA },
    columnWidths: [twip(left), twip(right)],
    rows: [
      row(
        [centered([run(communeAuthority(results.commune), { bold: true, size: SMALL })]), rule(18)],
        [
          centered([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: SMALL - 2 })]),
          centered([run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: SMALL, underline: true })], 60),
        ],
      ),
      row(
        [centered([run('Số: …/BC-UBND', { size: SMALL })])],
        [centered([run(`${communePlaceName(results.commune)}, ngày … tháng … năm ${results.year}`, { italics: true, size: SMALL })])],
      ),
    ],
  })
}

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

function tableText(text: string, o: RunOptions & { align?: 'left' | 'center' | 'right' } = {}): Paragraph {
  const alignment = o.align === 'center' ? AlignmentType.CENTER : o.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT
  return new Paragraph({ alignment, spacing: { before: 0, after: 0 }, children: [run(text, { size: SMALL, ...o })] })
}


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

/** Recipients on the left, the signature on the right, without borders. */
function signatureBlock(results: PlanResults): Table {
  const left = 75
  const right = TEXT_WIDTH_MM - left
  const leftLine = (text: string): Paragraph => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(text, { size: TINY })] })
  return new Table({
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    width: { size: twip(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: [twip(left), twip(right)],
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell(
            [
              new Paragraph({ spacing: { before: 0, after: 0 }, children: [run('Nơi nhận:', { bold: true, italics: true, size: SMALL - 2 })] }),
              // Since July 2025 a commune reports to the province; older plans still to their district.
              leftLine(`- UBND ${lowerFirst(results.commune.district ?? results.commune.province)} (báo cáo);`),
              leftLine('- Thường trực Đảng ủy, HĐND;'),
              leftLine('- Hội đồng Thi đua – Khen thưởng;'),
              leftLine('- …;'),
              leftLine('- Lưu: VT.'),
            ],
            left,
            { borders: false },
          ),
          cell(
            [
              centered([run('TM. ỦY BAN NHÂN DÂN', { bold: true })]),
              centered([run('CHỦ TỊCH', { bold: true })]),
              centered([run('')]),
              centered([run('')]),
              centered([run('')]),
              centered([run(results.signedBy ?? '…', { bold: true })]),
            ],
            right,
            { borders: false },
          ),
        ],
      }),
    ],
  })
}

/** The header of every page but the first: its number, centred, 14 pt upright. */
function pageNumberHeader(): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: BODY })] })],
  })
}

/** The review report of a commune's results, as the bytes of a .docx file. */
/** `appendix`: what follows the signature on pages of its own (the evidence photos chosen: exports/evidenceAppendix.ts). */
export async function buildReviewDocx(results: PlanResults, kind: ReviewKind, appendix: readonly (Paragraph | Table)[] = []): Promise<Buffer> {
  const words = reviewWords(kind, results.year)
  const commune = communeFullName(results.commune)
  const summary = summarizeResults(results)
  const nameOf = indicatorNames(results)

  const children: (Paragraph | Table)[] = [
    headerBlock(results),
    new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }),
    centered([run('BÁO CÁO', { bold: true })]),
    centered([run(`${words.title} việc thực hiện ${planReference(results)}`, { bold: true })]),
    rule(60),
    new Paragraph({ spacing: { before: 120, after: 0 }, children: [] }),
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
  children.push(new Paragraph({ spacing: { before: 120, after: 0 }, children: [] }))
  children.push(signatureBlock(results))
  children.push(...appendix)

  const doc = new Document({
    creator: 'Thi đua',
    title: `Báo cáo ${words.short} - ${commune}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        // Nghị định 30/2020, Phụ lục I: the page number centred at the top of the page, in Arabic
        // figures, from the second page on: the first page has its own header, left empty.
        headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
        properties: {
          titlePage: true,
          page: {
            size: { width: twip(210), height: twip(297) },
            margin: { top: twip(20), bottom: twip(20), left: twip(30), right: twip(20), header: twip(10), footer: twip(10) },
          },
        },
        children,
      },
    ],
  })
  return Packer.toBuffer(doc)
}
