// Downloads a generated file (the XLSX results, the DOCX review) with fetch, reading the body as
// a stream so the screen can show how far it got, then hands it to the browser as a saved file.
// Failures are Vietnamese messages ready to show: the server's own for a refusal (4xx JSON
// {code, message}), ours for a server fault, a lost connection or an interrupted body.

export type DownloadFailure = 'network' | 'server' | 'refused' | 'interrupted'

export class DownloadError extends Error {
  override name = 'DownloadError'
  constructor(
    readonly kind: DownloadFailure,
    /** The server's message for a refusal, when it sent one. */
    readonly serverMessage: string | undefined,
    readonly status: number | undefined,
    readonly code?: string,
  ) {
    super(serverMessage ?? kind)
  }
}

export interface DownloadProgress {
  loaded: number
  /** From Content-Length; null when the server did not say. */
  total: number | null
}

export interface DownloadedFile {
  blob: Blob
  filename: string
}

export interface DownloadOptions {
  signal?: AbortSignal
  /** Called once the first bytes arrive and after every chunk. */
  onProgress?: (p: DownloadProgress) => void
  /** Used when the server names no file. */
  fallbackName?: string
}

/**
 * The file name a Content-Disposition header gives: `filename*` (RFC 5987, UTF-8 percent-encoded,
 * how Vietnamese names travel) wins over `filename`. Path parts are dropped. Null when none.
 */
export function filenameFromDisposition(header: string | null | undefined): string | null {
  if (!header) return null
  const star = /filename\*\s*=\s*([^;]+)/i.exec(header)?.[1]?.trim()
  if (star) {
    const m = /^([\w!#$%&+^`{}~-]+)?'[^']*'(.+)$/.exec(star.replace(/^"(.*)"$/, '$1'))
    if (m?.[2]) {
      const charset = (m[1] ?? 'utf-8').toLowerCase()
      try {
        const name = charset === 'utf-8' ? decodeURIComponent(m[2]) : m[2].replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
        if (name) return safeName(name)
      } catch {
        // a malformed escape: fall back to the plain filename
      }
    }
  }
  const plain = /(?:^|;)\s*filename\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/i.exec(header)?.[1]?.trim()
  if (!plain) return null
  const unquoted = plain.startsWith('"') ? plain.slice(1, -1).replace(/\\(.)/g, '$1') : plain
  return unquoted ? safeName(unquoted) : null
}

function safeName(name: string): string {
  return name.split(/[\\/]/).pop()!.trim() || name
}

async function failure(res: Response): Promise<DownloadError> {
  let body: unknown
  try {
    body = await res.json()
  } catch {
    body = undefined
  }
  const { code, message } = (typeof body === 'object' && body !== null ? body : {}) as { code?: unknown; message?: unknown }
  if (res.status >= 400 && res.status < 500) {
    const text = typeof message === 'string' && message.length > 0 ? message : undefined
    return new DownloadError('refused', text, res.status, typeof code === 'string' ? code : undefined)
  }
  return new DownloadError('server', undefined, res.status)
}

/** Fetches `url` and reads it to the end; rejects with a DownloadError, or the AbortError when cancelled. */
export async function downloadFile(url: string, { signal, onProgress, fallbackName = 'tai-ve' }: DownloadOptions = {}): Promise<DownloadedFile> {
  let res: Response
  try {
    res = await fetch(url, { signal, credentials: 'same-origin' })
  } catch (err) {
    if (signal?.aborted) throw err
    throw new DownloadError('network', undefined, undefined)
  }
  if (!res.ok) throw await failure(res)
  const length = Number(res.headers.get('content-length'))
  const total = Number.isFinite(length) && length > 0 ? length : null
  const type = res.headers.get('content-type') ?? 'application/octet-stream'
  const filename = filenameFromDisposition(res.headers.get('content-disposition')) ?? fallbackName
  const chunks: Uint8Array[] = []
  let loaded = 0
  try {
    if (res.body) {
      const reader = res.body.getReader()
      const stop = () => void reader.cancel().catch(() => undefined)
      signal?.addEventListener('abort', stop, { once: true })
      try {
        for (;;) {
          const { done, value } = await reader.read()
          if (signal?.aborted) throw signal.reason
          if (done) break
          chunks.push(value)
          loaded += value.byteLength
          onProgress?.({ loaded, total })
        }
      } finally {
        signal?.removeEventListener('abort', stop)
      }
    } else {
      const buf = new Uint8Array(await res.arrayBuffer())
      chunks.push(buf)
      loaded = buf.byteLength
      onProgress?.({ loaded, total })
    }
  } catch (err) {
    if (signal?.aborted) throw signal.reason ?? err
    throw new DownloadError('interrupted', undefined, res.status)
  }
  if (total !== null && loaded < total) throw new DownloadError('interrupted', undefined, res.status)
  return { blob: new Blob(chunks as BlobPart[], { type }), filename }
}

/** Hands the file to the browser's download (an object URL on an `<a download>`), then frees it. */
export function saveFile({ blob, filename }: DownloadedFile, doc: Document = document): void {
  const url = URL.createObjectURL(blob)
  const a = doc.createElement('a')
  a.href = url
  a.download = filename
  a.rel = 'noopener'
  a.style.display = 'none'
  doc.body.append(a)
  try {
    a.click()
  } finally {
    a.remove()
    // Some browsers start reading the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
}

/** "1,2 MB", "340 KB", "512 B" with vi-VN decimals. */
export function formatBytes(n: number, format: (x: number, digits: number) => string): string {
  if (n < 1024) return `${format(n, 0)} B`
  if (n < 1024 * 1024) return `${format(n / 1024, n < 10 * 1024 ? 1 : 0)} KB`
  return `${format(n / (1024 * 1024), 1)} MB`
}
