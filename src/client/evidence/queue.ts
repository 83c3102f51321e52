// Adding a chosen file to the evidence queue: checked and shrunk on the phone (prepare.ts), then
// stored as a Blob with its report, figure and caption, waiting for the next upload when online.
import type { EvidenceRefusal } from '../../shared/evidence'
import { prepareFile } from './prepare'
import type { EvidenceDb, QueuedFile } from './store'

export interface NewFile {
  commune: string
  unit: string
  period: string
  indicator: string | null
  caption: string
  file: Blob
  filename: string
}

export interface QueueDeps {
  db: EvidenceDb
  clock: () => Date
  newId: () => string
  /** The photo compressor (the canvas one in the browser; a test's stand-in). */
  compress?: (photo: Blob) => Promise<Blob>
  /** The head's setting: the photo keeps its location (off by default). */
  keepLocation?: boolean
}

/** Queues a file, or says why the phone refuses it (the file is then not kept: the user still has it). */
export async function queueFile(deps: QueueDeps, f: NewFile): Promise<{ ok: true; file: QueuedFile } | { ok: false; refusal: EvidenceRefusal }> {
  const prepared = await prepareFile(f.file, deps.compress, { keepLocation: deps.keepLocation === true })
  if (!prepared.ok) return prepared
  const row: QueuedFile = {
    clientId: deps.newId(),
    commune: f.commune,
    unit: f.unit,
    period: f.period,
    indicator: f.indicator,
    caption: f.caption.trim().slice(0, 500),
    filename: f.filename.slice(0, 200),
    type: prepared.type,
    size: prepared.blob.size,
    blob: prepared.blob,
    state: 'waiting',
    uploadUrl: null,
    sent: 0,
    refusal: null,
    evidenceId: null,
    createdAt: deps.clock().toISOString(),
    location: prepared.location,
  }
  await deps.db.files.add(row)
  return { ok: true, file: row }
}
