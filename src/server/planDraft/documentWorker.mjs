// Runs in a worker thread started by ./readDocument.ts, one document per worker: mammoth turns a
// .docx into HTML, pdf.js reads a PDF's text layer page by page. Apart from the server's event
// loop, under a heap cap and a time limit set by the parent, which ends the worker when either is
// passed. Plain JavaScript, so that it runs as it is under tsx, Vitest and Node alike.
//
// In:  workerData = { kind: 'docx' | 'pdf', bytes: Uint8Array, maxPages: number }
// Out: one message, { ok: true, html, images } for a .docx; { ok: true, numPages, pages } for a
//      PDF, each page its text items { s, eol, x, y, w, h }; or { ok: false, reason } with reason
//      'encrypted' | 'broken'.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parentPort, workerData } from 'node:worker_threads'

async function readDocx(bytes) {
  const { default: mammoth } = await import('mammoth')
  let images = 0
  // Images are counted, never read: their bytes stay compressed and out of the HTML.
  const convertImage = mammoth.images.imgElement(() => {
    images++
    return Promise.resolve({ src: '' })
  })
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) }, { convertImage, ignoreEmptyParagraphs: true })
  return { ok: true, html: result.value, images }
}

async function readPdf(bytes, maxPages) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  // The predefined CMaps (CJK encodings) and the standard fonts' data ship with pdfjs-dist.
  const root = dirname(fileURLToPath(import.meta.resolve('pdfjs-dist/package.json')))
  const task = pdfjs.getDocument({
    data: bytes,
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
  })
  let doc
  try {
    doc = await task.promise
  } catch (err) {
    return { ok: false, reason: err && err.name === 'PasswordException' ? 'encrypted' : 'broken' }
  }
  const pages = []
  const count = Math.min(doc.numPages, maxPages)
  for (let n = 1; n <= count; n++) {
    const page = await doc.getPage(n)
    const content = await page.getTextContent()
    const items = []
    for (const it of content.items) {
      if (typeof it.str !== 'string') continue
      items.push({ s: it.str, eol: it.hasEOL === true, x: it.transform[4], y: it.transform[5], w: it.width, h: it.height || Math.abs(it.transform[3]) || 0 })
    }
    pages.push(items)
    page.cleanup()
  }
  const numPages = doc.numPages
  await doc.destroy()
  return { ok: true, numPages, pages }
}

async function main() {
  const { kind, bytes, maxPages } = workerData
  try {
    return kind === 'docx' ? await readDocx(bytes) : await readPdf(bytes, maxPages)
  } catch (err) {
    return { ok: false, reason: err && err.name === 'PasswordException' ? 'encrypted' : 'broken' }
  }
}

parentPort.postMessage(await main())
