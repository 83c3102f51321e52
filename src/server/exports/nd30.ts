// The layout of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I), shared by
// every Word file the server writes: Times New Roman, A4 with its margins, the header block (the
// issuing body and the number on the left, the national motto and the dateline on the right), the
// short rules, tables of fixed widths, the signature block, and the page number at the top from
// the second page on.
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

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

export const FONT = 'Times New Roman'
/** Half-points: 14 pt body, 13 pt tables and the header block, 12 pt and 11 pt for the recipients. */
export const BODY = 28
export const SMALL = 26
export const TINY = 22

/** A4 portrait, top and bottom 2 cm, left 3 cm, right 2 cm: the text is 160 mm wide. */
export const TEXT_WIDTH_MM = 160
/** Millimetres to twentieths of a point, rounded (A4 is 11906 × 16838). */
export const twip = (mm: number): number => Math.round((mm * 1440) / 25.4)

export interface RunOptions {
  bold?: boolean
  italics?: boolean
  size?: number
  underline?: boolean
}

/** "Thành phố Quảng Ngãi" → "thành phố Quảng Ngãi", as a common noun inside a sentence. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1)
}

export function run(text: string, o: RunOptions = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: o.size ?? BODY,
    ...(o.bold ? { bold: true } : {}),
    ...(o.italics ? { italics: true } : {}),
    ...(o.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
  })
}

export function centered(children: ParagraphChild[], after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after }, children })
}

/** A body paragraph: justified, first line indented 1 cm, 6 pt after. */
export function body(text: string | ParagraphChild[], o: RunOptions = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: twip(10) },
    spacing: { before: 0, after: 120, line: 300 },
    children: typeof text === 'string' ? [run(text, o)] : text,
  })
}

export function heading(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: twip(10) },
    spacing: { before: 120, after: 120 },
    keepNext: true,
    children: [run(text, { bold: true })],
  })
}

/** An empty paragraph of `before` twentieths of a point. */
export function gap(before = 120): Paragraph {
  return new Paragraph({ spacing: { before, after: 0 }, children: [] })
}

/** The short rule under the issuing body and under the title: a bottom border on an indented empty paragraph. */
export function rule(indentMm: number): Paragraph {
  return new Paragraph({
    indent: { left: twip(indentMm), right: twip(indentMm) },
    spacing: { before: 0, after: 60 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  })
}

export function cell(children: Paragraph[], widthMm: number, o: { columnSpan?: number; borders?: boolean; shade?: boolean } = {}): TableCell {
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

export function tableText(text: string, o: RunOptions & { align?: 'left' | 'center' | 'right' } = {}): Paragraph {
  const alignment = o.align === 'center' ? AlignmentType.CENTER : o.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT
  return new Paragraph({ alignment, spacing: { before: 0, after: 0 }, children: [run(text, { size: SMALL, ...o })] })
}

/**
 * The header block: the issuing body (“UBND XÃ …”) and the number (“Số: 12/QĐ-UBND”) on the left,
 * the national motto and the dateline on the right, without borders.
 */
export function headerBlock(authority: string, number: string, dateline: string): Table {
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
        [centered([run(authority, { bold: true, size: SMALL })]), rule(18)],
        [
          centered([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: SMALL - 2 })]),
          centered([run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: SMALL, underline: true })], 60),
        ],
      ),
      row([centered([run(`Số: ${number}`, { size: SMALL })])], [centered([run(dateline, { italics: true, size: SMALL })])]),
    ],
  })
}

/** “Trà Phong, ngày 05 tháng 01 năm 2025”; without a date, “…, ngày … tháng … năm <year>”. */
export function dateline(place: string, isoDate: string | null, year: number): string {
  if (!isoDate) return `${place}, ngày … tháng … năm ${year}`
  const [y, m, d] = isoDate.split('-')
  // Nghị định 30: days below 10 and the months January and February are written with a leading zero.
  const month = Number(m) <= 2 ? m! : String(Number(m))
  return `${place}, ngày ${d} tháng ${month} năm ${y}`
}

/** Recipients on the left, the signature (its lines, the signer's name last) on the right, without borders. */
export function signatureBlock(recipients: readonly string[], signature: readonly string[], signer: string): Table {
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
          cell([new Paragraph({ spacing: { before: 0, after: 0 }, children: [run('Nơi nhận:', { bold: true, italics: true, size: SMALL - 2 })] }), ...recipients.map(leftLine)], left, { borders: false }),
          cell(
            [...signature.map((line) => centered([run(line, { bold: true })])), centered([run('')]), centered([run('')]), centered([run('')]), centered([run(signer || '…', { bold: true })])],
            right,
            { borders: false },
          ),
        ],
      }),
    ],
  })
}

/** The header of every page but the first: its number, centred, 14 pt upright. */
export function pageNumberHeader(): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: BODY })] })],
  })
}

/** A document of one A4 section in this layout, as the bytes of a .docx file. */
export async function packDocument(title: string, children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    creator: 'Thi đua',
    title,
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
