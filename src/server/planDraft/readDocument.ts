// Reading the commune's plan document (issue 13) into plain text for the extractor
// (shared/planDraft/extract.ts): a Word .docx, a PDF with a text layer, or plain text (a .txt, or
// text pasted into the form). What the document is, is read from its first bytes, never from its
// name or the type the browser claims. Never throws on bad input: every way a document can be
// wrong ends as a Vietnamese reason to refuse it.
//
// The text: one paragraph a line; a table one line per row, its cells between bars ("| a | b |",
// as shared/planDraft/normalize.ts writes a table row); headings
// and bold text as plain lines; a PDF's pages separated by a line holding only a form feed
// ("\n\f\n"). Unicode NFC, "\n" line ends, no trailing spaces.
//
// Hostile files: a .docx is a zip, looked at by hand first (planFiles/zip.ts: the entries counted,
// each inflated once with a cap, so a zip bomb stops at the cap); then mammoth and pdf.js run in a
// worker thread (./documentWorker.mjs) with a heap cap and a time limit, a few at a time, so that
// a document that is slow or large to parse costs a refusal, never the server.
import { Worker } from 'node:worker_threads'
import { legacyFontOf } from '../../shared/planDraft/legacyFont'
import { PLAN_DOCUMENT_MAX_BYTES } from '../../shared/planDraft/types'
import { inflateZip, looksLikeZip, readZipDirectory, type ZipProblem } from '../planFiles/zip'

export type DocumentSource = 'docx' | 'pdf' | 'text'

export type ReadPlanDocumentResult = { ok: true; source: DocumentSource; text: string; notes: string[] } | { ok: false; problems: { message: string }[] }

export const DOCUMENT_LIMITS = {
  /** A .docx's zip: entries, one entry inflated, all inflated. A plan with photos is far below. */
  zip: { entries: 1000, entryBytes: 16 * 1024 * 1024, totalBytes: 64 * 1024 * 1024 },
  /** Pages of a PDF read; a longer one is read up to here, with a note. */
  pdfPages: 300,
  /** Characters of text kept; past this the text is cut, with a note. */
  textChars: 2_000_000,
  /** One document's parse in its worker. */
  workerMs: 60_000,
  workerHeapMb: 512,
  /** Workers reading at once; more documents wait their turn. */
  workers: 2,
} as const

const MB = (n: number): string => `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`
const refuse = (message: string): ReadPlanDocumentResult => ({ ok: false, problems: [{ message }] })
const PASTE = 'hãy mở tài liệu, chép phần chữ và dán vào ô văn bản'

/** The document as text, or why it cannot be read (never throws). */
export async function readPlanDocument(bytes: Buffer): Promise<ReadPlanDocumentResult> {
  try {
    return await readUnsafe(bytes)
  } catch {
    return refuse(`Không đọc được tài liệu: ${PASTE}`)
  }
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b)

async function readUnsafe(bytes: Buffer): Promise<ReadPlanDocumentResult> {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return refuse('Tệp rỗng')
  if (bytes.length > PLAN_DOCUMENT_MAX_BYTES) return refuse(`Tệp quá lớn (${MB(bytes.length)}; tối đa ${MB(PLAN_DOCUMENT_MAX_BYTES)})`)
  if (looksLikeZip(bytes)) return readDocx(bytes)
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return refuse(oleReason(bytes))
  // A PDF's header may follow a few bytes of junk (the format allows it within the first 1 KB).
  const pdfAt = bytes.subarray(0, 1024).indexOf('%PDF-')
  if (pdfAt >= 0) return readPdf(bytes.subarray(pdfAt))
  const other = otherKind(bytes)
  if (other) return refuse(other)
  return readText(bytes)
}

// ---------------------------------------------------------------------------
// Kinds that are not read

/** An OLE compound file: a password-protected Office file, or an old .doc / .xls. */
function oleReason(bytes: Buffer): string {
  // The directory names the streams in UTF-16LE: an encrypted OOXML file holds "EncryptedPackage".
  if (bytes.indexOf(Buffer.from('EncryptedPackage', 'utf16le')) >= 0) {
    return 'Tài liệu được đặt mật khẩu (mã hóa), không đọc được: hãy mở bằng Word, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ tài liệu) rồi lưu lại, hoặc dán chữ vào ô văn bản'
  }
  if (bytes.indexOf(Buffer.from('WordDocument', 'utf16le')) >= 0) {
    return 'Tệp là văn bản Word 97–2003 (.doc): hãy mở bằng Word và lưu lại dưới dạng .docx, hoặc dán chữ vào ô văn bản'
  }
  return 'Tệp là tài liệu Office cũ (.doc, .xls) không đọc được: hãy lưu lại dưới dạng Word (.docx), hoặc dán chữ vào ô văn bản'
}

const IMAGE = `Tệp là hình ảnh: ứng dụng không đọc chữ trong ảnh chụp hay ảnh quét; ${PASTE}, hoặc gõ lại`

/** The reason a file of another known kind is refused; undefined for what may be text. */
function otherKind(bytes: Buffer): string | undefined {
  const magics: [readonly number[], string][] = [
    [[0x89, 0x50, 0x4e, 0x47], IMAGE],
    [[0xff, 0xd8, 0xff], IMAGE],
    [[0x47, 0x49, 0x46, 0x38], IMAGE],
    [[0x49, 0x49, 0x2a, 0x00], IMAGE],
    [[0x4d, 0x4d, 0x00, 0x2a], IMAGE],
    [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'Tệp là văn bản RTF: hãy mở bằng Word và lưu lại dưới dạng .docx, hoặc dán chữ vào ô văn bản'],
    [[0x1f, 0x8b], 'Tệp là tệp nén (.gz): hãy giải nén và gửi văn bản bên trong (.docx, .pdf hoặc .txt)'],
    [[0x52, 0x61, 0x72, 0x21], 'Tệp là tệp nén (.rar): hãy giải nén và gửi văn bản bên trong (.docx, .pdf hoặc .txt)'],
    [[0x37, 0x7a, 0xbc, 0xaf], 'Tệp là tệp nén (.7z): hãy giải nén và gửi văn bản bên trong (.docx, .pdf hoặc .txt)'],
  ]
  for (const [magic, reason] of magics) if (startsWith(bytes, magic)) return reason
  return undefined
}

// ---------------------------------------------------------------------------
// Plain text

/** Control characters other than tab, line ends and form feed (a page break). */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g

const NOT_TEXT = 'Tệp không phải văn bản đọc được (dữ liệu nhị phân): hãy gửi tệp Word (.docx), PDF có chữ hoặc văn bản (.txt), hoặc dán chữ vào ô văn bản'

function readText(bytes: Buffer): ReadPlanDocumentResult {
  let text: string
  const bom16 = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : undefined
  try {
    // UTF-16 only with its byte order mark; UTF-8 with or without one.
    text = new TextDecoder(bom16 ?? 'utf-8', { fatal: true }).decode(bytes)
  } catch {
    // A NUL byte is never in text of a single-byte encoding: UTF-16 without its mark, or binary.
    if (bytes.includes(0)) return refuse(NOT_TEXT)
    return refuse('Tệp văn bản không ở mã UTF-8 (có thể là mã TCVN3/VNI cũ hoặc Windows-1258): hãy mở bằng Word, lưu lại với mã Unicode (UTF-8), hoặc dán chữ vào ô văn bản')
  }
  // Control characters other than tab, line ends and form feed: binary data that happens to be valid UTF-8.
  const controls = text.match(CONTROLS)?.length ?? 0
  if (controls > 0 && controls * 100 > text.length) return refuse(NOT_TEXT)
  return finish('text', text, [])
}

// ---------------------------------------------------------------------------
// Word (.docx)

const DOCX_BROKEN = `Tệp Word (.docx) hỏng, không đọc được: hãy mở bằng Word, lưu lại rồi thử lại, hoặc ${PASTE.replace('hãy ', '')}`

async function readDocx(bytes: Buffer): Promise<ReadPlanDocumentResult> {
  const dir = readZipDirectory(bytes, DOCUMENT_LIMITS.zip)
  if (!dir.ok) return refuse(zipReason(dir.problem))
  const { names } = dir
  if (!names.has('word/document.xml')) {
    if (names.has('xl/workbook.xml')) return refuse('Tệp là bảng tính Excel (.xlsx), không phải văn bản kế hoạch: bảng tính theo mẫu kế hoạch được nhập ở mục “Nhập tệp kế hoạch”; ở đây hãy gửi văn bản Word (.docx) hoặc PDF')
    if (names.has('ppt/presentation.xml')) return refuse('Tệp là bài trình chiếu PowerPoint (.pptx), không phải văn bản kế hoạch: hãy gửi văn bản Word (.docx) hoặc PDF')
    if (names.has('content.xml') && names.has('mimetype')) return refuse('Tệp là tài liệu OpenDocument (.odt): hãy mở bằng LibreOffice hoặc Word và lưu lại dưới dạng Word (.docx)')
    return refuse('Tệp nén (.zip) không phải văn bản Word (.docx): hãy gửi chính văn bản kế hoạch (.docx, .pdf hoặc .txt)')
  }
  const inflated = inflateZip(bytes, dir.entries, DOCUMENT_LIMITS.zip)
  if (inflated !== undefined) return refuse(typeof inflated === 'string' ? inflated : zipReason(inflated))
  const out = await inWorker('docx', bytes)
  if (!out.ok) return refuse(out.reason === 'encrypted' ? zipReason({ kind: 'encrypted' }) : out.reason === 'broken' ? DOCX_BROKEN : limitReason(out.reason))
  const { text, numbered } = htmlToText(out.html ?? '')
  const notes: string[] = []
  if (numbered) notes.push('Số thứ tự tự động của Word (I, II…, 1, 2…, a, b…) được ghi lại thành 1, 2, 3…: hãy đối chiếu với văn bản gốc')
  if (!/\p{L}/u.test(text)) {
    return refuse((out.images ?? 0) > 0 ? `Văn bản Word chỉ có hình ảnh (trang quét dán vào), không có chữ: ${PASTE}, hoặc gõ lại` : 'Văn bản Word không có chữ')
  }
  if ((out.images ?? 0) > 0) notes.push(`Văn bản có ${out.images} hình ảnh: chữ trong ảnh (nếu có) không được đọc`)
  return finish('docx', text, notes)
}

function zipReason(problem: ZipProblem): string {
  switch (problem.kind) {
    case 'entries':
      return `Tệp có quá nhiều thành phần (${problem.count}); văn bản kế hoạch không có nhiều như vậy`
    case 'too_big':
      return `Tệp bung ra quá lớn (tối đa ${MB(DOCUMENT_LIMITS.zip.totalBytes)}, mỗi phần ${MB(DOCUMENT_LIMITS.zip.entryBytes)}): văn bản kế hoạch không lớn như vậy`
    case 'encrypted':
      return 'Tài liệu được đặt mật khẩu (mã hóa), không đọc được: hãy mở bằng Word, bỏ mật khẩu rồi lưu lại, hoặc dán chữ vào ô văn bản'
    case 'broken':
      return DOCX_BROKEN
  }
}

/** Tags whose text stands on a line of its own. */
const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'div', 'dt', 'dd', 'pre'])

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
      return Number.isInteger(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m
    }
    return ENTITIES[e.toLowerCase()] ?? m
  })
}

interface Cell {
  parts: string[]
}
interface Row {
  cells: string[]
  cell?: Cell
}
interface Table {
  rows: string[]
  row?: Row
}

/**
 * mammoth's HTML as text: a paragraph, heading or list item a line; a table row a line, its cells
 * between bars, `| a | b |` (a cell's paragraphs joined by spaces; a row of one cell as its text; a
 * table inside a cell as "a, b; c, d"); an ordered
 * list's items numbered 1., 2. (nested 1.1.), others "- ". `numbered` when Word's numbering was
 * rewritten so.
 */
export function htmlToText(html: string): { text: string; numbered: boolean } {
  const lines: string[] = []
  let line = ''
  const tables: Table[] = []
  const lists: { ordered: boolean; count: number }[] = []
  let numbered = false
  const cell = (): Cell | undefined => tables.at(-1)?.row?.cell
  const flush = (): void => {
    const t = line.replace(/\s+/g, ' ').trim()
    line = ''
    if (t === '') return
    const c = cell()
    if (c) c.parts.push(t)
    else lines.push(t)
  }
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>|([^<]+)|</g)) {
    const [, close, rawTag, , text] = m
    if (rawTag === undefined) {
      line += decodeEntities(text ?? '<')
      continue
    }
    const tag = rawTag.toLowerCase()
    if (tag === 'br') {
      flush()
      continue
    }
    if (BLOCK.has(tag)) {
      flush()
      if (tag === 'li' && !close) {
        const ordered = lists.filter((l) => l.ordered)
        const own = lists.at(-1)
        if (own) own.count++
        if (own?.ordered) {
          numbered = true
          line = `${ordered.map((l) => l.count).join('.')}. `
        } else line = '- '
      }
      continue
    }
    if (tag === 'ol' || tag === 'ul') {
      flush()
      if (close) lists.pop()
      else lists.push({ ordered: tag === 'ol', count: 0 })
      continue
    }
    if (tag === 'table') {
      flush()
      if (!close) {
        tables.push({ rows: [] })
        continue
      }
      const done = tables.pop()
      if (!done) continue
      const c = cell()
      if (c) c.parts.push(done.rows.join('; '))
      else lines.push(...done.rows)
      continue
    }
    const table = tables.at(-1)
    if (!table) continue
    if (tag === 'tr') {
      flush()
      if (!close) table.row = { cells: [] }
      else if (table.row) {
        const cells = table.row.cells
        // A row whose cells are all empty (a spacer) is no line; a row of one cell (a framed box)
        // is its text; a table inside a cell keeps no bars, which would split the outer row.
        const filled = cells.filter((x) => x !== '')
        if (filled.length === 1) table.rows.push(filled[0]!)
        else if (filled.length > 1) table.rows.push(tables.length > 1 ? filled.join(', ') : `| ${cells.join(' | ')} |`)
        table.row = undefined
      }
      continue
    }
    if ((tag === 'td' || tag === 'th') && table.row) {
      flush()
      if (!close) table.row.cell = { parts: [] }
      else if (table.row.cell) {
        table.row.cells.push(table.row.cell.parts.join(' '))
        table.row.cell = undefined
      }
    }
  }
  flush()
  return { text: lines.join('\n'), numbered }
}

// ---------------------------------------------------------------------------
// PDF

interface PdfItem {
  s: string
  eol: boolean
  x: number
  y: number
  w: number
  h: number
}

async function readPdf(bytes: Buffer): Promise<ReadPlanDocumentResult> {
  const out = await inWorker('pdf', bytes)
  if (!out.ok) {
    if (out.reason === 'encrypted') return refuse(`PDF được đặt mật khẩu, không đọc được: hãy mở bằng trình đọc PDF có mật khẩu, ${PASTE.replace('hãy ', '')}`)
    if (out.reason === 'broken') return refuse(`Tệp PDF hỏng, không đọc được: ${PASTE}`)
    return refuse(limitReason(out.reason))
  }
  const pages = (out.pages ?? []).map(pageText)
  const numPages = out.numPages ?? pages.length
  const blank = pages.flatMap((t, i) => (letters(t) < 10 ? [i + 1] : []))
  if (pages.length === 0 || blank.length === pages.length) {
    return refuse(`PDF là ảnh quét, không có lớp chữ: ứng dụng không đọc chữ trong ảnh; ${PASTE} (nếu có bản Word thì gửi bản Word)`)
  }
  const notes: string[] = []
  if (numPages > pages.length) notes.push(`PDF có ${numPages} trang: chỉ đọc ${pages.length} trang đầu`)
  if (blank.length > 0) notes.push(`${blank.length === 1 ? 'Trang' : 'Các trang'} ${pageList(blank)} không có lớp chữ (ảnh quét?): phần đó không được đọc, hãy tự bổ sung`)
  // Pages without text are left out, not left blank: the note names them.
  return finish('pdf', pages.filter((_, i) => !blank.includes(i + 1)).join('\n\f\n'), notes)
}

const letters = (s: string): number => s.match(/\p{L}|\p{N}/gu)?.length ?? 0

/** "1, 3–5, 9": pages as runs. */
function pageList(pages: number[]): string {
  const runs: string[] = []
  for (let i = 0; i < pages.length; ) {
    let j = i
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++
    runs.push(j === i ? String(pages[i]) : `${pages[i]}–${pages[j]}`)
    i = j + 1
  }
  return runs.join(', ')
}

/** A page's text items as lines: a new line at the end of a line pdf.js marks, or where the baseline moves. */
export function pageText(items: readonly PdfItem[]): string {
  const lines: string[] = []
  let line = ''
  let prev: PdfItem | undefined
  for (const it of items) {
    if (prev && !prev.eol && line !== '') {
      const size = Math.max(prev.h, it.h, 1)
      if (Math.abs(it.y - prev.y) > size * 0.5) {
        lines.push(line)
        line = ''
      } else {
        // Same line: a gap wider than a fraction of the font size is a space the PDF did not draw.
        const gap = it.x - (prev.x + prev.w)
        if (gap > size * 0.15 && !/\s$/.test(line) && !/^\s/.test(it.s)) line += ' '
      }
    }
    line += it.s
    if (it.eol) {
      lines.push(line)
      line = ''
    }
    prev = it
  }
  if (line !== '') lines.push(line)
  return lines
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n')
}

// ---------------------------------------------------------------------------
// The worker

interface WorkerAnswer {
  ok: boolean
  reason?: 'encrypted' | 'broken' | 'timeout' | 'memory'
  html?: string
  images?: number
  numPages?: number
  pages?: PdfItem[][]
}

function limitReason(reason: WorkerAnswer['reason']): string {
  return reason === 'timeout'
    ? `Tài liệu đọc quá lâu (quá ${DOCUMENT_LIMITS.workerMs / 1000} giây), có thể quá lớn hoặc hỏng: ${PASTE}`
    : `Tài liệu quá lớn hoặc quá phức tạp để đọc: ${PASTE}`
}

const WORKER_URL = new URL('./documentWorker.mjs', import.meta.url)
let running = 0
const waiting: (() => void)[] = []

/** Parses the document in a worker of its own, a few at a time; a worker past its limits is ended. */
async function inWorker(kind: 'docx' | 'pdf', bytes: Uint8Array): Promise<WorkerAnswer> {
  if (running >= DOCUMENT_LIMITS.workers) await new Promise<void>((resolve) => waiting.push(resolve))
  running++
  try {
    return await new Promise<WorkerAnswer>((resolve) => {
      const worker = new Worker(WORKER_URL, {
        workerData: { kind, bytes: new Uint8Array(bytes), maxPages: DOCUMENT_LIMITS.pdfPages },
        resourceLimits: { maxOldGenerationSizeMb: DOCUMENT_LIMITS.workerHeapMb, maxYoungGenerationSizeMb: 32 },
        stdout: true,
        stderr: true,
      })
      // What the libraries print (pdf.js warnings) is theirs: not the server's log.
      worker.stdout.resume()
      worker.stderr.resume()
      let settled = false
      const settle = (answer: WorkerAnswer): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        resolve(answer)
        void worker.terminate()
      }
      const timer = setTimeout(() => settle({ ok: false, reason: 'timeout' }), DOCUMENT_LIMITS.workerMs)
      worker.once('message', (answer: WorkerAnswer) => settle(answer))
      worker.once('error', (err: Error & { code?: string }) => settle({ ok: false, reason: err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'broken' }))
      worker.once('exit', () => settle({ ok: false, reason: 'broken' }))
    })
  } finally {
    running--
    waiting.shift()?.()
  }
}

// ---------------------------------------------------------------------------

/** A text typed in a TCVN3 font (.VnTime) and copied as such: the draft reads it in Unicode. */
export const TCVN3_NOTE = 'Văn bản gõ bằng phông chữ TCVN3 (ABC, .VnTime) đã được chuyển sang Unicode để đọc: hãy đối chiếu với văn bản gốc, nhất là chữ hoa có dấu'
/** A text typed in a VNI font (VNI-Times) and copied as such: the draft reads it in Unicode. */
export const VNI_NOTE = 'Văn bản gõ bằng phông chữ VNI (VNI-Times) đã được chuyển sang Unicode để đọc: hãy đối chiếu với văn bản gốc'
/** A UTF-8 text once opened as Windows-1252 and saved again ("Káº¿ hoáº¡ch"): the draft reads it in Unicode. */
export const CP1252_NOTE = 'Văn bản bị lỗi mã hóa (chữ UTF-8 đã bị mở như Windows-1252 rồi lưu lại) đã được chuyển lại sang Unicode để đọc: hãy đối chiếu với văn bản gốc'

/** The text as the extractor takes it, cut at the cap (with a note). */
function finish(source: DocumentSource, raw: string, notes: string[]): ReadPlanDocumentResult {
  let text = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(CONTROLS, '')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{4,}/g, '\n\n\n')
  if (!/\p{L}/u.test(text)) return refuse(source === 'text' ? 'Văn bản trống: hãy dán nội dung kế hoạch' : 'Tài liệu không có chữ')
  if (text.length > DOCUMENT_LIMITS.textChars) {
    text = text.slice(0, DOCUMENT_LIMITS.textChars)
    notes.push(`Văn bản quá dài: chỉ đọc ${DOCUMENT_LIMITS.textChars.toLocaleString('vi-VN')} ký tự đầu`)
  }
  // (The drafter converts it, shared/planDraft/legacyFont.ts: the officer is told why the text shown differs.)
  const font = legacyFontOf(text)
  if (font !== undefined) notes.push(font === 'TCVN3' ? TCVN3_NOTE : font === 'VNI' ? VNI_NOTE : CP1252_NOTE)
  return { ok: true, source, text, notes }
}
