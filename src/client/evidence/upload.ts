// Uploads the evidence queue when online, one file at a time, with the tus protocol
// (tus-js-client): an upload cut by a lost signal resumes where the server stands (its URL is kept
// with the file), and the file's client id makes a retry the same evidence on the server. Runs on
// its own, never inside a sync run: a photo never delays the figures, a figure never waits for a
// photo. A file leaves the phone only once the server confirmed it stored; a refusal keeps it,
// with the server's reason, until the user acts.
import { Upload, type DetailedError, type UploadOptions } from 'tus-js-client'
import { EvidenceSchema, type Evidence } from '../../shared/evidence'
import * as v from 'valibot'
import { waitingFiles, type EvidenceDb, type QueuedFile } from './store'

export interface UploadDeps {
  db: EvidenceDb
  commune: string
  /** `/api/communes/<commune>/evidence` on this origin, or a server's in a test. */
  base: string
  /** Reads a report's stored files (to confirm a file whose last answer was lost). */
  list(unit: string, period: string): Promise<Evidence[]>
  /** Progress of the file being sent (bytes sent of its size), for the screens and the sync badge. */
  onProgress?: (clientId: string, sent: number, total: number) => void
  /** What tus-js-client reads (the browser gives it the Blob; a test in Node a Buffer). */
  source?: (blob: Blob) => Promise<unknown>
  /** Extra tus options (a test's headers; the retry delays). */
  options?: Partial<UploadOptions>
}

/** What became of one file. */
export type UploadResult = 'stored' | 'refused' | 'later'

/** Chunks small enough for a 2G link to finish one now and then: what was sent stays sent. */
export const CHUNK_BYTES = 256 * 1024

function metadataOf(f: QueuedFile): Record<string, string> {
  return {
    clientId: f.clientId,
    unit: f.unit,
    period: f.period,
    ...(f.indicator ? { indicator: f.indicator } : {}),
    ...(f.caption ? { caption: f.caption } : {}),
    ...(f.filename ? { filename: f.filename } : {}),
  }
}

/**
 * The server's refusal in a tus error: a 4xx with the API's `{code, message}`. Not one: a network
 * error, a 5xx, a signed-out session (401: sign in, then it goes), a conflict of offsets or a
 * locked upload (tus 409 and 423 without our body: resumed from where the server stands).
 */
function refusalOf(err: Error | DetailedError): QueuedFile['refusal'] {
  const res = (err as DetailedError).originalResponse
  const status = res?.getStatus() ?? 0
  const ours = /"code"/.test(res?.getBody() ?? '')
  if (status < 400 || status >= 500 || status === 401 || ((status === 409 || status === 423) && !ours)) return null
  try {
    const body = JSON.parse(res!.getBody()) as { code?: unknown; message?: unknown; key?: unknown; params?: unknown }
    if (typeof body.code === 'string' && typeof body.message === 'string') {
      return {
        code: body.code,
        message: body.message,
        ...(typeof body.key === 'string' ? { key: body.key } : {}),
        ...(typeof body.params === 'object' && body.params !== null ? { params: body.params as Record<string, string | number> } : {}),
      }
    }
  } catch {
    // A 4xx without our JSON (a proxy's page): say so plainly.
  }
  return { code: `http_${status}`, message: `Máy chủ từ chối tệp (mã ${status})` }
}

/** Sends one file; resolves with what became of it (never rejects). */
export function uploadOne(deps: UploadDeps, f: QueuedFile): Promise<UploadResult> {
  return new Promise((resolve) => {
    void (async () => {
      if (!f.blob) return resolve('stored')
      const file = deps.source ? await deps.source(f.blob) : f.blob
      const upload: Upload = new Upload(file as Blob, {
        endpoint: `${deps.base}/uploads`,
        uploadUrl: f.uploadUrl,
        uploadSize: f.size,
        metadata: metadataOf(f),
        chunkSize: CHUNK_BYTES,
        retryDelays: [0, 2000, 10_000],
        storeFingerprintForResuming: false,
        removeFingerprintOnSuccess: false,
        ...deps.options,
        // A refusal is final: retrying would only be refused again.
        onShouldRetry: (err) => refusalOf(err) === null,
        onUploadUrlAvailable: () => {
          void deps.db.files.update(f.clientId, { uploadUrl: upload.url })
        },
        onProgress: (sent, total) => deps.onProgress?.(f.clientId, sent, total),
        onChunkComplete: (_chunk, accepted) => {
          void deps.db.files.update(f.clientId, { sent: accepted })
        },
        onSuccess: ({ lastResponse }) => {
          void (async () => {
            const stored = parseEvidence(lastResponse.getBody()) ?? (await confirm(deps, f))
            if (!stored) return resolve('later')
            // Confirmed: the bytes go, the row stays as a record of what was sent.
            await deps.db.files.update(f.clientId, { state: 'stored', blob: null, evidenceId: stored.id, sent: f.size, refusal: null })
            resolve('stored')
          })().catch(() => resolve('later'))
        },
        onError: (err) => {
          void (async () => {
            const refusal = refusalOf(err)
            if (refusal) {
              await deps.db.files.update(f.clientId, { state: 'refused', refusal, uploadUrl: null })
              return resolve('refused')
            }
            resolve('later')
          })().catch(() => resolve('later'))
        },
      })
      upload.start()
    })().catch(() => resolve('later'))
  })
}

function parseEvidence(body: string): Evidence | undefined {
  try {
    const r = v.safeParse(EvidenceSchema, JSON.parse(body))
    return r.success ? r.output : undefined
  } catch {
    return undefined
  }
}

/** A finished upload whose last answer carried no evidence (a resume found it complete): the report's list says. */
async function confirm(deps: UploadDeps, f: QueuedFile): Promise<Evidence | undefined> {
  return (await deps.list(f.unit, f.period)).find((e) => e.clientId === f.clientId)
}

/** Uploads what waits, oldest first, one at a time; stops at the first file that must wait (offline). */
export async function uploadWaiting(deps: UploadDeps): Promise<{ stored: number; refused: number; waiting: number }> {
  const files = await waitingFiles(deps.db, deps.commune)
  let stored = 0
  let refused = 0
  for (const [i, f] of files.entries()) {
    const r = await uploadOne(deps, f)
    if (r === 'stored') stored++
    else if (r === 'refused') refused++
    else return { stored, refused, waiting: files.length - i }
  }
  return { stored, refused, waiting: 0 }
}
