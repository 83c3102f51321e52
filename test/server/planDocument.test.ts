// Reading the commune's plan document into text (issue 13): a .docx's paragraphs and table rows, a
// PDF's text layer page by page, plain text in UTF-8; and the refusals, each before the document
// can cost the server: empty, too large, a scan without text, password-protected, corrupt, a zip
// bomb, an Excel workbook, random bytes, text in an old encoding.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { DOCUMENT_LIMITS, htmlToText, readPlanDocument, type ReadPlanDocumentResult } from '../../src/server/planDraft/readDocument'
import { PLAN_DOCUMENT_MAX_BYTES } from '../../src/shared/planDraft/types'
import { deflatedSpaces, documentXml, docxParts, pdfOf, planDocx, zipOf } from './planDocuments'

const ROOT = new URL('../../', import.meta.url).pathname

async function textOf(bytes: Buffer): Promise<Extract<ReadPlanDocumentResult, { ok: true }>> {
  const r = await readPlanDocument(bytes)
  if (!r.ok) throw new Error(`refused: ${r.problems.map((p) => p.message).join('; ')}`)
  return r
}

async function refusal(bytes: Buffer): Promise<string> {
  const r = await readPlanDocument(bytes)
  if (r.ok) throw new Error(`read as ${r.source}: ${r.text.slice(0, 200)}`)
  expect(r.problems).toHaveLength(1)
  // Vietnamese, for the officer.
  expect(r.problems[0]!.message).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳýộệếềểễấầẩẫậắằẳẵặ]/i)
  return r.problems[0]!.message
}

/** The largest growth of memory while `run` runs, sampled every millisecond. */
async function peakMemory<T>(run: () => Promise<T>): Promise<{ result: T; peak: number }> {
  global.gc?.()
  const before = process.memoryUsage()
  let peak = 0
  const sample = (): void => {
    const m = process.memoryUsage()
    peak = Math.max(peak, m.rss - before.rss, m.heapUsed + m.arrayBuffers - (before.heapUsed + before.arrayBuffers))
  }
  const timer = setInterval(sample, 1)
  const result = await run()
  clearInterval(timer)
  sample()
  return { result, peak }
}

describe('a Word document (.docx)', () => {
  it('reads paragraphs one a line, headings and bold text as plain lines, a table one row a line', async () => {
    const r = await textOf(await planDocx())
    expect(r.source).toBe('docx')
    expect(r.text.split('\n')).toEqual([
      'KẾ HOẠCH',
      'Phát động phong trào thi đua năm 2025',
      '1. CÁC CHỈ TIÊU CHỦ YẾU',
      'Tổng sản lượng lương thực đạt 1.448,5 tấn trở lên.',
      'Tỷ lệ người dân tham gia bảo hiểm y tế đạt 95%.',
      '| STT | Chỉ tiêu | Đơn vị (tính) | Kế hoạch |',
      '| 1 | Diện tích lúa | ha | 229 |',
      '| 2 | Tỷ lệ hộ nghèo giảm | % | 1,5 |',
      'Giữ vững an ninh chính trị, trật tự an toàn xã hội.',
    ])
    // Word's own numbering (here I.) is not in the document's text: the officer is told.
    expect(r.notes.join('\n')).toMatch(/Số thứ tự tự động/)
  })

  it('turns mammoth’s HTML into lines: lists, nested tables, one-cell rows, entities, line breaks', () => {
    const html =
      '<h1>KẾ HOẠCH &amp; CHỈ TIÊU</h1><p>Dòng một<br />dòng hai</p>' +
      '<ol><li>Kinh tế<ol><li>Nông nghiệp</li><li>Dịch vụ</li></ol></li><li>Xã hội</li></ol><ul><li>gạch đầu dòng</li></ul>' +
      '<table><tr><td><p>Khung một ô</p></td></tr><tr><td></td><td></td></tr><tr><td><p>a</p></td><td><table><tr><td>x</td><td>y</td></tr><tr><td>z</td><td>w</td></tr></table></td></tr></table>' +
      '<p>&lt;5%&gt; &#7871; &#x1EC7;</p>'
    expect(htmlToText(html)).toEqual({
      text: ['KẾ HOẠCH & CHỈ TIÊU', 'Dòng một', 'dòng hai', '1. Kinh tế', '1.1. Nông nghiệp', '1.2. Dịch vụ', '2. Xã hội', '- gạch đầu dòng', 'Khung một ô', '| a | x, y; z, w |', '<5%> ế ệ'].join('\n'),
      numbered: true,
    })
  })

  it('refuses a password-protected document (the encrypted package Word writes, or an encrypted zip entry)', async () => {
    const header = Buffer.from('d0cf11e0a1b11ae1', 'hex')
    const ole = Buffer.concat([header, Buffer.alloc(1024), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(512)])
    expect(await refusal(ole)).toMatch(/mật khẩu/)
    const entry = docxParts(documentXml(['Kế hoạch']))
    const encrypted = zipOf(entry.map((e) => (e.name === 'word/document.xml' ? { ...e, flags: 1 } : e)))
    expect(await refusal(encrypted)).toMatch(/mật khẩu/)
    // An old Word file is not encrypted: it is told to be saved as .docx.
    const doc = Buffer.concat([header, Buffer.alloc(1024), Buffer.from('WordDocument', 'utf16le')])
    expect(await refusal(doc)).toMatch(/Word 97–2003 \(\.doc\)/)
  })

  it('refuses a corrupt document: cut short, a broken XML, a zip without a document', async () => {
    const good = await planDocx()
    expect(await refusal(good.subarray(0, Math.floor(good.length / 2)))).toMatch(/hỏng/)
    expect(await refusal(zipOf(docxParts('<w:document><w:body><w:p>')))).toMatch(/hỏng/)
    const zip = new JSZip()
    zip.file('hello.txt', 'xin chào')
    expect(await refusal(await zip.generateAsync({ type: 'nodebuffer' }))).toMatch(/không phải văn bản Word/)
    expect(await refusal(Buffer.from('PK\u0003\u0004 không thật là zip'))).toMatch(/hỏng/)
  })

  it('says an Excel workbook is one, and where it goes', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Chỉ tiêu').addRow(['Diện tích lúa', 229])
    expect(await refusal(Buffer.from(await wb.xlsx.writeBuffer()))).toMatch(/bảng tính Excel \(\.xlsx\).*Nhập tệp kế hoạch/)
  })

  it('refuses a zip bomb, 100 MB of one character compressed small, without inflating it whole', async () => {
    const bomb = deflatedSpaces(100)
    expect(bomb.length).toBeLessThan(200_000)
    const parts = docxParts(documentXml(['Kế hoạch']))
    const withBomb = (size: number): Buffer => zipOf([...parts.filter((e) => e.name !== 'word/document.xml'), { name: 'word/document.xml', data: bomb, method: 8, size }])
    // Declared as what it is: refused from the directory alone.
    const honest = await peakMemory(() => readPlanDocument(withBomb(100 * 1024 * 1024)))
    expect(honest.result).toEqual({ ok: false, problems: [{ message: expect.stringMatching(/bung ra quá lớn/) }] })
    expect(honest.peak).toBeLessThan(40 * 1024 * 1024)
    // Declared small: inflated only up to the cap of one entry.
    const lying = await peakMemory(() => readPlanDocument(withBomb(1000)))
    expect(lying.result).toEqual({ ok: false, problems: [{ message: expect.stringMatching(/bung ra quá lớn/) }] })
    expect(lying.peak).toBeLessThan(DOCUMENT_LIMITS.zip.entryBytes + 40 * 1024 * 1024)
    // Many parts each under the cap, together over it.
    const many = zipOf(
      [...parts, ...Array.from({ length: 6 }, (_, i) => ({ name: `word/media/image${i}.bmp`, data: deflatedSpaces(12), method: 8 as const, size: 1000 }))],
    )
    expect(await refusal(many)).toMatch(/bung ra quá lớn/)
  })

  it('reads a document written by hand with only the parts Word needs, and refuses one with no text', async () => {
    const r = await textOf(zipOf(docxParts(documentXml(['Năm 2025 phấn đấu 100% thôn đạt chuẩn văn hóa.']))))
    expect(r).toEqual({ ok: true, source: 'docx', text: 'Năm 2025 phấn đấu 100% thôn đạt chuẩn văn hóa.', notes: [] })
    expect(await refusal(zipOf(docxParts(documentXml([' ']))))).toMatch(/không có chữ/)
  })
})

describe('a PDF', () => {
  it('reads the text layer page by page, a form feed line between pages', async () => {
    const r = await textOf(pdfOf([['KẾ HOẠCH', 'Tỷ lệ hộ nghèo giảm còn 1,5% (theo chuẩn mới).'], ['Giữ vững an ninh trật tự.']]))
    expect(r).toEqual({ ok: true, source: 'pdf', text: 'KẾ HOẠCH\nTỷ lệ hộ nghèo giảm còn 1,5% (theo chuẩn mới).\n\f\nGiữ vững an ninh trật tự.', notes: [] })
  })

  it('refuses a scan without a text layer, and names the scanned pages of a partly scanned one', async () => {
    expect(await refusal(pdfOf(['scan', 'scan']))).toMatch(/PDF là ảnh quét, không có lớp chữ.*dán/)
    const r = await textOf(pdfOf([['Kế hoạch thi đua năm 2025'], 'scan', 'scan', ['Tổ chức thực hiện'], 'scan']))
    expect(r.text).toBe('Kế hoạch thi đua năm 2025\n\f\nTổ chức thực hiện')
    expect(r.notes).toEqual([expect.stringMatching(/^Các trang 2–3, 5 không có lớp chữ/)])
  })

  it('refuses a password-protected PDF, and a corrupt one', async () => {
    expect(await refusal(pdfOf([['Kế hoạch']], { password: 'matkhau' }))).toMatch(/PDF được đặt mật khẩu/)
    expect(await refusal(Buffer.from('%PDF-1.7\nkhông phải PDF thật\n%%EOF'))).toMatch(/PDF hỏng/)
  })

  it('reads no more than the page cap, and says so', async () => {
    const pages = Array.from({ length: DOCUMENT_LIMITS.pdfPages + 2 }, (_, i) => [`Trang số ${i + 1} của kế hoạch`])
    const r = await textOf(pdfOf(pages))
    expect(r.text.split('\n\f\n')).toHaveLength(DOCUMENT_LIMITS.pdfPages)
    expect(r.notes).toEqual([`PDF có ${DOCUMENT_LIMITS.pdfPages + 2} trang: chỉ đọc ${DOCUMENT_LIMITS.pdfPages} trang đầu`])
  }, 60_000)

  it('reads text without the optional native canvas package installed', () => {
    // pdf.js loads @napi-rs/canvas only to draw pages; here every require of it fails, as where it is absent.
    const dir = mkdtempSync(join(tmpdir(), 'thidua-nocanvas-'))
    try {
      writeFileSync(
        join(dir, 'block.cjs'),
        `const Module = require('node:module')
const resolve = Module._resolveFilename
Module._resolveFilename = function (request, ...rest) {
  if (request === '@napi-rs/canvas') { require('node:fs').appendFileSync(${JSON.stringify(join(dir, 'blocked'))}, 'canvas\\n'); throw Object.assign(new Error('not installed'), { code: 'MODULE_NOT_FOUND' }) }
  return resolve.call(this, request, ...rest)
}`,
      )
      writeFileSync(join(dir, 'pdf.bin'), pdfOf([['Kế hoạch thi đua năm 2025']]))
      writeFileSync(
        join(dir, 'run.mts'),
        `import { readFileSync } from 'node:fs'
import { readPlanDocument } from ${JSON.stringify(join(ROOT, 'src/server/planDraft/readDocument.ts'))}
console.log(JSON.stringify(await readPlanDocument(readFileSync(${JSON.stringify(join(dir, 'pdf.bin'))}))))`,
      )
      const run = spawnSync(process.execPath, ['--require', join(dir, 'block.cjs'), '--import', 'tsx', join(dir, 'run.mts')], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
      expect(run.status, run.stderr).toBe(0)
      // pdf.js asked for it in the worker that read the PDF, and did without it.
      expect(readFileSync(join(dir, 'blocked'), 'utf8')).toContain('canvas')
      expect(JSON.parse(run.stdout)).toEqual({ ok: true, source: 'pdf', text: 'Kế hoạch thi đua năm 2025', notes: [] })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})

describe('plain text', () => {
  it('reads UTF-8 with or without its mark, UTF-16 with its mark; line ends and Unicode form made one', async () => {
    const text = 'KẾ HOẠCH\r\nTỷ lệ hộ nghèo giảm còn 1,5%.  \r\n'
    const want = { ok: true, source: 'text', text: 'KẾ HOẠCH\nTỷ lệ hộ nghèo giảm còn 1,5%.\n', notes: [] }
    expect(await readPlanDocument(Buffer.from(text))).toEqual(want)
    expect(await readPlanDocument(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual(want)
    expect(await readPlanDocument(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual(want)
    const be = Buffer.from(text, 'utf16le').swap16()
    expect(await readPlanDocument(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual(want)
    // Decomposed (as a Mac or some PDFs write it): composed.
    expect((await textOf(Buffer.from('Tỷ lệ'.normalize('NFD')))).text).toBe('Tỷ lệ')
  })

  it('refuses UTF-16 without its mark, an old Vietnamese encoding, random bytes, binary that is valid UTF-8', async () => {
    expect(await refusal(Buffer.from('Kế hoạch thi đua năm 2025', 'utf16le'))).toMatch(/không phải văn bản/)
    expect(await refusal(Buffer.from('K\xea ho\xb9ch thi \xae\xb5a', 'latin1'))).toMatch(/không ở mã UTF-8/)
    const random = randomBytes(64 * 1024)
    random[0] = 0x00
    expect(await refusal(random)).toMatch(/không phải văn bản/)
    expect(await refusal(Buffer.from('\u0001\u0002\u0003abc\u0004\u0005'.repeat(100)))).toMatch(/không phải văn bản/)
    expect(await refusal(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toMatch(/hình ảnh/)
  })

  it('refuses an empty file, text with no letters, and a file over the size limit before reading it', async () => {
    expect(await refusal(Buffer.alloc(0))).toBe('Tệp rỗng')
    expect(await refusal(Buffer.from(' \n\t\n'))).toMatch(/Văn bản trống/)
    expect(await refusal(Buffer.alloc(PLAN_DOCUMENT_MAX_BYTES + 1, 0x41))).toMatch(/Tệp quá lớn/)
  })
})
