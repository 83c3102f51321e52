// Where evidence files' bytes live: one interface, two adapters — the file system under DATA_DIR
// (the embedded default) and S3-compatible object storage (AWS S3, MinIO, a province's cloud).
// Metadata lives in the database (db/evidence.ts); a key here is the row's `storage_key`.
import { createReadStream } from 'node:fs'
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import type { Readable } from 'node:stream'
import { randomUUID } from 'node:crypto'
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3'

export interface EvidenceStorage {
  readonly kind: 'fs' | 's3'
  /** Stores `body` under `key`, whole or not at all (a reader never sees half a file). */
  put(key: string, body: Buffer, contentType: string): Promise<void>
  /** The bytes under `key`, or undefined when there are none. */
  get(key: string): Promise<Readable | undefined>
  stat(key: string): Promise<{ size: number } | undefined>
  /** Removes `key`; a missing key is not an error. */
  delete(key: string): Promise<void>
}

/** A key is made by the server (`c12/uuid`, `c12/uuid.thumb.webp`): never a client's text. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/

function checkKey(key: string): string {
  if (!KEY.test(key) || key.includes('..')) throw new Error(`invalid storage key ${JSON.stringify(key)}`)
  return key
}

/** Files under `root` (DATA_DIR/evidence): written to a temporary name, then renamed into place. */
export function fsStorage(root: string): EvidenceStorage {
  const base = resolve(root)
  const pathOf = (key: string): string => {
    const path = resolve(base, ...checkKey(key).split('/'))
    if (!path.startsWith(base + sep)) throw new Error(`storage key outside the root: ${key}`)
    return path
  }
  return {
    kind: 'fs',
    async put(key, body) {
      const path = pathOf(key)
      await mkdir(dirname(path), { recursive: true })
      const tmp = join(dirname(path), `.tmp-${randomUUID()}`)
      try {
        await writeFile(tmp, body, { flag: 'wx' })
        await rename(tmp, path)
      } catch (err) {
        await rm(tmp, { force: true })
        throw err
      }
    },
    async get(key) {
      const path = pathOf(key)
      if (!(await stat(path).catch(() => undefined))?.isFile()) return undefined
      return createReadStream(path)
    },
    async stat(key) {
      const s = await stat(pathOf(key)).catch(() => undefined)
      return s?.isFile() ? { size: s.size } : undefined
    },
    async delete(key) {
      await rm(pathOf(key), { force: true })
    },
  }
}

export interface S3Settings {
  bucket: string
  /** Keys start with this (`evidence/`), so the bucket may hold other things. */
  prefix: string
  /** A non-AWS endpoint (`http://minio:9000`); unset: AWS in `region`. */
  endpoint: string | undefined
  region: string
  /** Path-style addressing (`endpoint/bucket/key`), which most S3-compatible servers need. */
  forcePathStyle: boolean
  /** Unset: the AWS SDK's default chain (environment, instance role). */
  accessKeyId: string | undefined
  secretAccessKey: string | undefined
}

/** The S3 client of these settings (shared by the storage and the tus upload store). */
export function s3ClientConfig(s: S3Settings): S3ClientConfig {
  return {
    region: s.region,
    forcePathStyle: s.forcePathStyle,
    // Checksums only where S3 requires them: many S3-compatible servers refuse the SDK's newer defaults.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(s.endpoint ? { endpoint: s.endpoint } : {}),
    ...(s.accessKeyId && s.secretAccessKey ? { credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey } } : {}),
  }
}

const isMissing = (err: unknown): boolean => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } }
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404
}

/** Objects in an S3-compatible bucket: a PUT is atomic there, so no temporary name is needed. */
export function s3Storage(settings: S3Settings, client: S3Client = new S3Client(s3ClientConfig(settings))): EvidenceStorage & { client: S3Client } {
  const Bucket = settings.bucket
  const keyOf = (key: string): string => settings.prefix + checkKey(key)
  return {
    kind: 's3',
    client,
    async put(key, body, contentType) {
      await client.send(new PutObjectCommand({ Bucket, Key: keyOf(key), Body: body, ContentType: contentType, ContentLength: body.length }))
    },
    async get(key) {
      try {
        const r = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(key) }))
        return r.Body as Readable | undefined
      } catch (err) {
        if (isMissing(err)) return undefined
        throw err
      }
    },
    async stat(key) {
      try {
        const r = await client.send(new HeadObjectCommand({ Bucket, Key: keyOf(key) }))
        return { size: Number(r.ContentLength ?? 0) }
      } catch (err) {
        if (isMissing(err)) return undefined
        throw err
      }
    },
    async delete(key) {
      try {
        await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(key) }))
      } catch (err) {
        if (!isMissing(err)) throw err
      }
    },
  }
}
