// Evidence rows pulled from the server (sync's pull delivers every file's metadata of the units
// the user may see, uploaded from this phone or another, or removed): kept in the evidence
// database beside the phone's own queue, so the head's two phones and the officer see the same
// list. A pulled row of a file this phone queued confirms it (its bytes go); a removal drops the
// row unless the phone still holds bytes of it (never: a stored file has none). The bytes of a
// pulled file stay on the server (its thumbnail is read by id when shown).
import type { Evidence } from '../../shared/evidence'
import { evidenceDb, type EvidenceDb, type QueuedFile } from './store'

/** Keeps a pull page's evidence rows; idempotent (a page taken twice changes nothing), never moves a version back. */
export async function keepPulledEvidence(commune: string, rows: readonly Evidence[], db: EvidenceDb = evidenceDb()): Promise<void> {
  if (rows.length === 0) return
  await db.transaction('rw', db.files, async () => {
    const existing = await db.files.bulkGet(rows.map((e) => e.clientId))
    const put: QueuedFile[] = []
    const drop: string[] = []
    rows.forEach((e, i) => {
      const mine = existing[i]
      if (mine && (mine.version ?? -1) > e.version) return
      if (e.deleted) {
        if (mine && mine.blob === null) drop.push(e.clientId)
        return
      }
      put.push({
        clientId: e.clientId,
        commune,
        unit: e.unit,
        period: e.period,
        indicator: e.indicator,
        caption: e.caption,
        filename: e.filename,
        type: e.type,
        size: e.size,
        blob: null,
        state: 'stored',
        uploadUrl: null,
        sent: e.size,
        refusal: null,
        evidenceId: e.id,
        createdAt: mine?.createdAt ?? e.uploadedAt,
        thumbnail: e.thumbnail,
        version: e.version,
        uploadedBy: e.uploadedBy,
        location: mine?.location ?? null,
      })
    })
    if (put.length > 0) await db.files.bulkPut(put)
    if (drop.length > 0) await db.files.bulkDelete(drop)
  })
}
