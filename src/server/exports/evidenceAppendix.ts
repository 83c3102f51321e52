// The review report's appendix of evidence photos (issue 16): the photos the officer chose, each
// turned upright, at most 1600 px and re-encoded as JPEG (a WebP cannot go into Word), on pages of
// their own after the signature, each with its number, caption, unit, period and figure.
import { AlignmentType, ImageRun, Paragraph, TextRun, type Table } from 'docx'
import sharp from 'sharp'
import { isImageType, type Evidence } from '../../shared/evidence'
import type { EvidenceStorage } from '../evidence/storage'
import type { StoredEvidence } from '../db/evidence'

/** At most this many photos in one appendix (each adds a few hundred KB to the file). */
export const APPENDIX_MAX_PHOTOS = 30
/** The widest a photo is laid out, in pixels at 96 dpi (15 cm, the text width of an A4 page). */
const MAX_WIDTH_PX = 567
const MAX_HEIGHT_PX = 720

export interface AppendixPhoto {
  evidence: Evidence
  /** The unit's, the period's and the figure's names, as the report names them. */
  where: string
  jpeg: Buffer
  width: number
  height: number
}

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of stream) chunks.push(Buffer.from(c))
  return Buffer.concat(chunks)
}

/** The chosen files' photos ready for Word (PDFs and files whose bytes are gone are left out). */
export async function appendixPhotos(storage: EvidenceStorage, files: readonly StoredEvidence[], whereOf: (e: Evidence) => string): Promise<AppendixPhoto[]> {
  const photos: AppendixPhoto[] = []
  for (const f of files.slice(0, APPENDIX_MAX_PHOTOS)) {
    if (!isImageType(f.evidence.type)) continue
    const stream = await storage.get(f.storageKey)
    if (!stream) continue
    const { data, info } = await sharp(await readAll(stream), { limitInputPixels: 100_000_000 })
      .autoOrient()
      .resize(1600, 1600, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80 })
      .toBuffer({ resolveWithObject: true })
    photos.push({ evidence: f.evidence, where: whereOf(f.evidence), jpeg: data, width: info.width, height: info.height })
  }
  return photos
}

/** The appendix's paragraphs: a title on a new page, then each photo with its caption. */
export function evidenceAppendix(photos: readonly AppendixPhoto[]): (Paragraph | Table)[] {
  if (photos.length === 0) return []
  const out: (Paragraph | Table)[] = [
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: 'PHỤ LỤC: HÌNH ẢNH MINH CHỨNG', bold: true, size: 28, font: 'Times New Roman' })],
    }),
  ]
  photos.forEach((p, i) => {
    const scale = Math.min(1, MAX_WIDTH_PX / p.width, MAX_HEIGHT_PX / p.height)
    const caption = p.evidence.caption || p.evidence.filename
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { before: 240 },
        children: [
          new ImageRun({
            type: 'jpg',
            data: p.jpeg,
            transformation: { width: Math.round(p.width * scale), height: Math.round(p.height * scale) },
            altText: { name: `Hình ${i + 1}`, description: caption, title: caption },
          }),
        ],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [
          new TextRun({ text: `Hình ${i + 1}. `, bold: true, font: 'Times New Roman', size: 26 }),
          new TextRun({ text: caption ? `${caption} ` : '', font: 'Times New Roman', size: 26 }),
          new TextRun({ text: `(${p.where})`, italics: true, font: 'Times New Roman', size: 26 }),
        ],
      }),
    )
  })
  return out
}
