import 'fake-indexeddb/auto'
// The sync badge's evidence line: counts of waiting and refused files read from the state index,
// the percent of the file being sent from the upload's progress, and the uploader started once
// when files wait (a phone reloaded away from the entry screen still sends them).
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { evidenceCounts, watchEvidence, type EvidenceBadge } from '../../../src/client/evidence/badge'
import { setEvidenceProgress } from '../../../src/client/evidence/progress'
import { openEvidenceDb, type QueuedFile } from '../../../src/client/evidence/store'
import { until } from '../app/harness'

const dbs: ReturnType<typeof openEvidenceDb>[] = []
afterEach(() => {
  for (const db of dbs.splice(0)) db.close()
  setEvidenceProgress({ current: null, waiting: 0 })
})

const file = (state: QueuedFile['state'], commune = 'xa-thu'): QueuedFile => ({
  clientId: `c-${randomUUID()}`,
  commune,
  unit: 'T1',
  period: '2024-Q1',
  indicator: null,
  caption: '',
  filename: 'a.jpg',
  type: 'image/jpeg',
  size: 10,
  blob: state === 'stored' ? null : new Blob([new Uint8Array(10)]),
  state,
  uploadUrl: null,
  sent: 0,
  refusal: state === 'refused' ? { code: 'evidence_quota', message: 'hết dung lượng' } : null,
  evidenceId: null,
  createdAt: '2024-05-10T08:00:00.000Z',
})

describe('the badge’s evidence', () => {
  it('counts a commune’s waiting and refused files, not the stored ones nor another commune’s', async () => {
    const db = openEvidenceDb(`badge-${randomUUID()}`)
    dbs.push(db)
    await db.files.bulkAdd([file('waiting'), file('waiting'), file('refused'), file('stored'), file('waiting', 'xa-khac')])
    expect(await evidenceCounts(db, 'xa-thu')).toEqual({ waiting: 2, refused: 1 })
  })

  it('follows the counts and the file being sent, and starts the uploader once when files wait', async () => {
    const db = openEvidenceDb(`badge-${randomUUID()}`)
    dbs.push(db)
    const seen: EvidenceBadge[] = []
    const uploads: string[] = []
    const stop = watchEvidence('xa-thu', (b) => seen.push(b), { db, upload: (c) => uploads.push(c) })
    await until(() => expect(seen.at(-1)).toEqual({ waiting: 0, refused: 0, percent: null }))
    expect(uploads).toEqual([])
    const a = file('waiting')
    await db.files.bulkAdd([a, file('waiting')])
    await until(() => expect(seen.at(-1)).toEqual({ waiting: 2, refused: 0, percent: null }))
    expect(uploads).toEqual(['xa-thu'])
    setEvidenceProgress({ current: { clientId: a.clientId, sent: 45, total: 100 }, waiting: 2 })
    expect(seen.at(-1)).toEqual({ waiting: 2, refused: 0, percent: 45 })
    await db.files.update(a.clientId, { state: 'stored', blob: null })
    setEvidenceProgress({ current: null, waiting: 1 })
    await until(() => expect(seen.at(-1)).toEqual({ waiting: 1, refused: 0, percent: null }))
    await db.files.add(file('waiting'))
    await until(() => expect(seen.at(-1)?.waiting).toBe(2))
    expect(uploads).toEqual(['xa-thu'])
    stop()
  })
})
