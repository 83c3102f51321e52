// Plan documents made by the tests (issue 13): a .docx with the `docx` package, PDFs written by
// hand (a text layer in a Type0 font whose ToUnicode map is the identity, so Vietnamese survives;
// pages that are only an image, as a scan is; a password-protected one), and zips made byte by
// byte (a bomb, an encrypted entry).
import { createHash } from 'node:crypto'
import { constants, deflateRawSync } from 'node:zlib'
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx'

/** A plan's .docx: a heading, target sentences (one partly bold), a numbered section, a table. */
export async function planDocx(): Promise<Buffer> {
  const cell = (...texts: string[]): TableCell => new TableCell({ children: texts.map((t) => new Paragraph(t)) })
  const doc = new Document({
    numbering: { config: [{ reference: 'muc', levels: [{ level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.START }] }] },
    sections: [
      {
        children: [
          new Paragraph({ text: 'KẾ HOẠCH', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Phát động phong trào thi đua năm 2025', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'CÁC CHỈ TIÊU CHỦ YẾU', numbering: { reference: 'muc', level: 0 } }),
          new Paragraph({ children: [new TextRun({ text: 'Tổng sản lượng lương thực', bold: true }), new TextRun(' đạt 1.448,5 tấn trở lên.')] }),
          new Paragraph('Tỷ lệ người dân tham gia bảo hiểm y tế đạt 95%.'),
          new Table({
            rows: [
              new TableRow({ children: [cell('STT'), cell('Chỉ tiêu'), cell('Đơn vị', '(tính)'), cell('Kế hoạch')] }),
              new TableRow({ children: [cell('1'), cell('Diện tích lúa'), cell('ha'), cell('229')] }),
              new TableRow({ children: [cell('2'), cell('Tỷ lệ hộ nghèo giảm'), cell('%'), cell('1,5')] }),
            ],
          }),
          new Paragraph('Giữ vững an ninh chính trị, trật tự an toàn xã hội.'),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}

// ---------------------------------------------------------------------------
// PDF

/** A page: its lines of text, or `'scan'` for a page that is only an image. */
export type PdfPage = readonly string[] | 'scan'

const TO_UNICODE = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
1 beginbfrange
<0000> <FFFF> <0000>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`

const hex16 = (s: string): string => [...s].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('')

/** A PDF of the given pages; `password` makes it one that opens only with that password (RC4, revision 2). */
export function pdfOf(pages: readonly PdfPage[], options: { password?: string } = {}): Buffer {
  const objects: string[] = []
  const add = (body: string): number => objects.push(body)
  const stream = (content: string, dict = ''): number => add(`<< ${dict} /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`)
  const catalog = add('')
  const pagesRef = add('')
  const toUnicode = stream(TO_UNICODE)
  const descriptor = add('<< /Type /FontDescriptor /FontName /ArialMT /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>')
  const cidFont = add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ArialMT /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 500 /CIDToGIDMap /Identity >>`)
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /ArialMT /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`)
  const image = stream('\x00\x80\x80\xff', '/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8')
  const kids: number[] = []
  for (const page of pages) {
    const content = page === 'scan' ? 'q 595 0 0 842 0 0 cm /Im1 Do Q' : `BT /F1 12 Tf 72 780 Td 16 TL\n${page.map((l) => `<${hex16(l)}> Tj T*`).join('\n')}\nET`
    const contents = stream(content)
    kids.push(add(`<< /Type /Page /Parent ${pagesRef} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> /XObject << /Im1 ${image} 0 R >> >> /Contents ${contents} 0 R >>`))
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesRef} 0 R >>`
  objects[pagesRef - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`
  const id = createHash('md5').update('thi-dua').digest()
  let trailerExtra = ''
  if (options.password !== undefined) {
    const encrypt = add(standardSecurity(options.password, id))
    trailerExtra = ` /Encrypt ${encrypt} 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>]`
  }
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex')

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i)
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255
    ;[s[i], s[j]] = [s[j]!, s[i]!]
  }
  const out = Buffer.alloc(data.length)
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255
    j = (j + s[i]!) & 255
    ;[s[i], s[j]] = [s[j]!, s[i]!]
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 255]!
  }
  return out
}

/** The standard security handler's dictionary, revision 2 (40-bit RC4): PDF 1.7, 7.6.3.3–4. */
function standardSecurity(password: string, id: Buffer): string {
  const padded = (p: string): Buffer => Buffer.concat([Buffer.from(p, 'latin1'), PAD]).subarray(0, 32)
  const md5 = (...parts: Buffer[]): Buffer => createHash('md5').update(Buffer.concat(parts)).digest()
  const o = rc4(md5(padded(`${password}-owner`)).subarray(0, 5), padded(password))
  const permissions = -44
  const p = Buffer.alloc(4)
  p.writeInt32LE(permissions)
  const u = rc4(md5(padded(password), o, p, id).subarray(0, 5), PAD)
  return `<< /Filter /Standard /V 1 /R 2 /O <${o.toString('hex')}> /U <${u.toString('hex')}> /P ${permissions} >>`
}

// ---------------------------------------------------------------------------
// Zips by hand

export interface RawZipEntry {
  name: string
  /** The entry's bytes as stored: deflated already when `method` is 8. */
  data: Buffer
  method: 0 | 8
  /** The uncompressed size the zip declares (it may lie). */
  size: number
  flags?: number
}

/** A zip of entries as given, CRCs left zero (nothing here checks them). */
export function zipOf(entries: readonly RawZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(e.flags ?? 0, 6)
    local.writeUInt16LE(e.method, 8)
    local.writeUInt32LE(e.data.length, 18)
    local.writeUInt32LE(e.size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(e.flags ?? 0, 8)
    central.writeUInt16LE(e.method, 10)
    central.writeUInt32LE(e.data.length, 20)
    central.writeUInt32LE(e.size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, e.data)
    centrals.push(central, name)
    offset += 30 + name.length + e.data.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

/** `mb` megabytes of spaces, deflated without ever holding them: one flushed megabyte repeated, then an empty final block. */
export function deflatedSpaces(mb: number): Buffer {
  const megabyte = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), { finishFlush: constants.Z_FULL_FLUSH })
  return Buffer.concat([...Array.from({ length: mb }, () => megabyte), Buffer.from([0x03, 0x00])])
}

/** The parts of a .docx besides its document, stored. */
export function docxParts(document: string): RawZipEntry[] {
  const stored = (name: string, text: string): RawZipEntry => ({ name, data: Buffer.from(text, 'utf8'), method: 0, size: Buffer.byteLength(text) })
  return [
    stored(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    stored('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    stored('word/document.xml', document),
  ]
}

/** A minimal document.xml holding the given paragraphs. */
export function documentXml(paragraphs: readonly string[]): string {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('')
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`
}
