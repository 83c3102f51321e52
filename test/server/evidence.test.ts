// Evidence uploads on PGlite and PostgreSQL: resumable, idempotent by client id, refused for
// another unit, a forged type, the bad-input table, a locked period, an approved report and a full
// quota — each refusal clear, nothing half-stored.
import { join } from 'node:path'
import JSZip from 'jszip'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CompletenessBoard } from '../../src/shared/api'
import type { Evidence } from '../../src/shared/evidence'
import { DATABASES, type Agent } from './harness'
import { C, cid, droppedPatch, filesUnder, HTML_AS_JPG, PDF, photo, startEvidenceServer, tusCreate, tusHead, tusPatch, upload, UPLOADS, type EvidenceServer } from './evidenceHelpers'

describe.each(DATABASES)('evidence on $name', (factory) => {
  let s: EvidenceServer
  let t1: Agent, t2: Agent, officer: Agent, leader: Agent
  let jpeg: Buffer

  beforeAll(async () => {
    s = await startEvidenceServer(factory)
    ;[t1, t2, officer, leader] = await Promise.all([s.login(`${C}.t1`), s.login(`${C}.t2`), s.login(`${C}.canbo`), s.login(`${C}.lanhdao`)])
    jpeg = await photo(400, 300, 6)
  }, 120_000)
  afterAll(async () => {
    await s?.close()
  })

  const count = async (): Promise<number> => Number((await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM evidence')).rows[0]!.n)
  const stored = (): Promise<string[]> => filesUnder(join(s.dataDir, 'evidence', 'files'))
  const pending = async (): Promise<string[]> => (await filesUnder(join(s.dataDir, 'evidence', 'uploads'))).filter((f) => !f.endsWith('.json'))

  it('stores a photo for a figure: bytes, thumbnail upright, metadata pulled by the unit and the officer only', async () => {
    const clientId = cid()
    const res = await upload(s, t1, { clientId, unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', caption: 'Cánh đồng lúa thôn 1', filename: 'IMG_0001.jpg' }, jpeg)
    expect(res.statusCode, res.body).toBe(200)
    const e = res.json<Evidence>()
    expect(e).toMatchObject({ clientId, unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', caption: 'Cánh đồng lúa thôn 1', type: 'image/jpeg', size: jpeg.length, thumbnail: true, deleted: false })
    // EXIF orientation 6: the picture is upright as 300 × 400.
    expect([e.width, e.height]).toEqual([300, 400])

    const file = await t1.request('GET', `/api/communes/${C}/evidence/${e.id}/file`)
    expect(file.statusCode).toBe(200)
    expect(file.headers['content-type']).toBe('image/jpeg')
    expect(Buffer.compare(file.rawPayload, jpeg)).toBe(0)
    const thumb = await officer.request('GET', `/api/communes/${C}/evidence/${e.id}/thumbnail`)
    expect(thumb.statusCode).toBe(200)
    expect(thumb.headers['content-type']).toBe('image/webp')
    const tm = await sharp(thumb.rawPayload).metadata()
    expect(tm.height).toBeGreaterThan(tm.width)
    expect(tm.exif).toBeUndefined()
    expect((await leader.request('GET', `/api/communes/${C}/evidence/${e.id}/file`)).statusCode).toBe(200)

    const pulled = async (a: Agent): Promise<string[]> => (await a.pullAll(C)).pages.flatMap((p) => p.evidence ?? []).map((x) => x.clientId)
    expect(await pulled(t1)).toContain(clientId)
    expect(await pulled(officer)).toContain(clientId)
    expect(await pulled(t2)).not.toContain(clientId)

    const list = await officer.request('GET', `/api/communes/${C}/evidence?unit=T1&period=2024-Q1`)
    expect(list.json<{ evidence: Evidence[] }>().evidence.map((x) => x.id)).toContain(e.id)
    expect(await pending()).toEqual([])
  })

  it('resumes an interrupted upload where it stopped: a dropped connection, a HEAD, the rest', async () => {
    const clientId = cid()
    const big = await photo(900, 700)
    const created = await tusCreate(s, t1, { clientId, unit: 'T1', period: '2024-Q1', caption: 'Nhà văn hóa thôn' }, big.length)
    expect(created.statusCode, created.body).toBe(201)
    const location = created.headers.location!
    expect(location).toMatch(new RegExp(`^${UPLOADS}/c\\d+-${clientId}$`))
    // The signal goes after 100 KB of the photo.
    await droppedPatch(s, t1, location, 0, big, 100_000)
    const head = await tusHead(s, t1, location)
    expect(head.statusCode).toBe(200)
    const offset = Number(head.headers['upload-offset'])
    expect(offset).toBeGreaterThan(0)
    expect(offset).toBeLessThanOrEqual(100_000)
    expect((await s.db.query('SELECT 1 FROM evidence WHERE client_id = $1', [clientId])).rowCount).toBe(0)
    const wrongOffset = await tusPatch(s, t1, location, 0, big)
    expect(wrongOffset.statusCode).toBe(409)
    // Back online: the rest, from where the server stands.
    const half = offset + Math.floor((big.length - offset) / 2)
    expect((await tusPatch(s, t1, location, offset, big.subarray(offset, half))).statusCode).toBe(204)
    expect((await tusHead(s, t1, location)).headers['upload-offset']).toBe(String(half))
    const rest = await tusPatch(s, t1, location, half, big.subarray(half))
    expect(rest.statusCode, rest.body).toBe(200)
    const e = rest.json<Evidence>()
    expect(e.size).toBe(big.length)
    expect(e.indicator).toBeNull()
    const file = await t1.request('GET', `/api/communes/${C}/evidence/${e.id}/file`)
    expect(Buffer.compare(file.rawPayload, big)).toBe(0)
    expect(await pending()).toEqual([])
  })

  it('a retried upload with the same client id never makes a second copy', async () => {
    const clientId = cid()
    const meta = { clientId, unit: 'T1', period: '2024-Q1', caption: 'Danh sách hộ tham gia BHYT' }
    // Creation retried while in progress: the same upload, where it stands.
    const a = await tusCreate(s, t1, meta, PDF.length)
    await tusPatch(s, t1, a.headers.location!, 0, PDF.subarray(0, 10))
    const b = await tusCreate(s, t1, meta, PDF.length)
    expect(b.statusCode).toBe(201)
    expect(b.headers.location).toBe(a.headers.location)
    expect(b.headers['upload-offset']).toBe('10')
    const done = await tusPatch(s, t1, a.headers.location!, 10, PDF.subarray(10))
    expect(done.statusCode, done.body).toBe(200)
    const first = done.json<Evidence>()
    expect(first).toMatchObject({ type: 'application/pdf', thumbnail: false, width: null })
    const before = await count()
    // The answer was lost; the phone sends the whole file again, with the same client id.
    const again = await upload(s, t1, meta, PDF)
    expect(again.statusCode).toBe(200)
    expect(again.json<Evidence>().id).toBe(first.id)
    const created = await tusCreate(s, t1, meta, PDF.length)
    expect(created.statusCode).toBe(201)
    expect(created.headers['upload-offset']).toBe(String(PDF.length))
    expect((await tusHead(s, t1, created.headers.location!)).headers['upload-offset']).toBe(String(PDF.length))
    expect(await count()).toBe(before)
  })

  it('refuses another unit: its uploads, its upload in progress, its files, even with the URL', async () => {
    const denied = await tusCreate(s, t2, { clientId: cid(), unit: 'T1', period: '2024-Q1' }, jpeg.length)
    expect(denied.statusCode).toBe(403)
    expect((await tusCreate(s, leader, { clientId: cid(), unit: 'T1', period: '2024-Q1' }, jpeg.length)).statusCode).toBe(403)

    const clientId = cid()
    const mine = await tusCreate(s, t1, { clientId, unit: 'T1', period: '2024-Q1' }, jpeg.length)
    const location = mine.headers.location!
    expect((await tusHead(s, t2, location)).statusCode).toBe(404)
    expect((await tusPatch(s, t2, location, 0, jpeg)).statusCode).toBe(404)
    // A retry of T1's client id by T2 does not reach T1's upload either.
    expect((await tusCreate(s, t2, { clientId, unit: 'T2', period: '2024-Q1' }, jpeg.length)).statusCode).toBe(403)
    const done = await tusPatch(s, t1, location, 0, jpeg)
    const e = done.json<Evidence>()
    expect((await t2.request('GET', `/api/communes/${C}/evidence/${e.id}/file`)).statusCode).toBe(404)
    expect((await t2.request('GET', `/api/communes/${C}/evidence/${e.id}/thumbnail`)).statusCode).toBe(404)
    expect((await t2.request('GET', `/api/communes/${C}/evidence?unit=T1&period=2024-Q1`)).statusCode).toBe(403)
    expect((await t2.request('DELETE', `/api/communes/${C}/evidence/${e.id}`)).statusCode).toBe(404)
    // Another commune's officer cannot even tell the commune exists.
    const other = await s.login(`${C}.canbo`)
    expect((await other.request('GET', `/api/communes/xa-khac/evidence/${e.id}/file`)).statusCode).toBe(404)
  })

  it('the bad-input table: each a clear refusal, nothing half-stored', async () => {
    const before = { rows: await count(), files: (await stored()).length }
    const meta = () => ({ clientId: cid(), unit: 'T1', period: '2024-Q1' })

    const empty = await tusCreate(s, t1, meta(), 0)
    expect([empty.statusCode, empty.json().code]).toEqual([400, 'evidence_empty'])

    const huge = await tusCreate(s, t1, meta(), 100 * 1024 * 1024)
    expect([huge.statusCode, huge.json().code]).toEqual([413, 'evidence_too_large'])
    expect(huge.json().message).toContain('10 MB')

    const forged = await upload(s, t1, { ...meta(), filename: 'anh.jpg' }, HTML_AS_JPG)
    expect(forged.statusCode).toBe(415)
    expect(forged.json()).toMatchObject({ code: 'evidence_type', key: 'evidence_type' })

    const truncated = await upload(s, t1, meta(), jpeg.subarray(0, Math.floor(jpeg.length * 0.6)))
    expect([truncated.statusCode, truncated.json().code]).toEqual([400, 'evidence_truncated'])

    // The end marker present but the data cut: decoding finds it.
    const cut = Buffer.concat([jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), Buffer.from([0xff, 0xd9])])
    expect((await upload(s, t1, meta(), cut)).json().code).toBe('evidence_truncated')

    expect((await tusCreate(s, t1, 'unit !!!', 10)).statusCode).toBe(400)
    expect((await tusCreate(s, t1, meta(), undefined)).statusCode).toBe(400)
    const unknown = await tusCreate(s, t1, { ...meta(), indicator: 'KHONG_CO' }, 10)
    expect(unknown.statusCode).toBe(404)

    expect(await count()).toBe(before.rows)
    expect((await stored()).length).toBe(before.files)
    expect(await pending()).toEqual([])
  })

  it('refuses a locked period and an approved report, before any byte and at the last one', async () => {
    // Locked while the upload was under way: refused at completion, nothing kept.
    const clientId = cid()
    const created = await tusCreate(s, t2, { clientId, unit: 'T2', period: '2024-Q2' }, jpeg.length)
    expect(created.statusCode).toBe(201)
    expect((await officer.request('PATCH', `/api/communes/${C}/periods/2024-Q2`, { locked: true, lockReason: 'Đã tổng hợp' })).statusCode).toBe(200)
    const late = await tusPatch(s, t2, created.headers.location!, 0, jpeg)
    expect([late.statusCode, late.json().code]).toEqual([409, 'evidence_period_locked'])
    expect((await tusHead(s, t2, created.headers.location!)).statusCode).toBe(404)
    const locked = await tusCreate(s, t2, { clientId: cid(), unit: 'T2', period: '2024-Q2' }, jpeg.length)
    expect([locked.statusCode, locked.json().code]).toEqual([409, 'evidence_period_locked'])
    expect((await s.db.query("SELECT 1 FROM evidence WHERE client_id = $1", [clientId])).rowCount).toBe(0)

    // An approved report takes no new file, and none is removed from it.
    const kept = (await upload(s, t2, { clientId: cid(), unit: 'T2', period: '2024-Q1' }, PDF)).json<Evidence>()
    const pushed = await t2.push(C, [
      t2.value({ unit: 'T2', indicator: 'LUA_DT', value: { kind: 'number', value: 100 } }),
      { kind: 'report', mutationId: `r-${cid()}`, deviceId: t2.deviceId, unit: 'T2', period: '2024-Q1', action: 'submit', baseVersion: 0, clientTime: '2024-04-02T00:00:00Z' },
    ])
    expect(pushed.outcomes.map((o) => o.status)).toEqual(['applied', 'applied'])
    // While it waits for review the unit may still add evidence the officer asked for.
    expect((await upload(s, t2, { clientId: cid(), unit: 'T2', period: '2024-Q1' }, jpeg)).statusCode).toBe(200)
    expect((await officer.request('POST', `/api/communes/${C}/reports/T2/2024-Q1/decision`, { action: 'approve' })).statusCode).toBe(200)
    const approved = await tusCreate(s, t2, { clientId: cid(), unit: 'T2', period: '2024-Q1' }, jpeg.length)
    expect([approved.statusCode, approved.json().code]).toEqual([409, 'evidence_report_approved'])
    const del = await t2.request('DELETE', `/api/communes/${C}/evidence/${kept.id}`)
    expect([del.statusCode, del.json().code]).toEqual([409, 'evidence_report_approved'])
  })

  it('the owner removes a file before approval: pulled as removed, bytes gone, audited', async () => {
    const e = (await upload(s, t1, { clientId: cid(), unit: 'T1', period: '2024-Q3' }, jpeg)).json<Evidence>()
    const cursor = (await t1.pullAll(C)).cursor
    const files = (await stored()).length
    expect((await leader.request('DELETE', `/api/communes/${C}/evidence/${e.id}`)).statusCode).toBe(403)
    const del = await t1.request('DELETE', `/api/communes/${C}/evidence/${e.id}`)
    expect(del.statusCode).toBe(200)
    const after = (await t1.pullAll(C, cursor)).pages.flatMap((p) => p.evidence ?? [])
    expect(after).toEqual([expect.objectContaining({ id: e.id, deleted: true, thumbnail: false })])
    expect((await t1.request('GET', `/api/communes/${C}/evidence/${e.id}/file`)).statusCode).toBe(404)
    expect((await stored()).length).toBe(files - 2)
    const audit = await s.db.query<{ old: unknown; new: unknown }>("SELECT old, new FROM audit WHERE entity = 'evidence' ORDER BY id DESC LIMIT 1")
    expect(audit.rows[0]).toMatchObject({ old: expect.objectContaining({ id: e.id }), new: null })
  })

  it('puts the chosen photos in the review report as an appendix, upright, with their captions', async () => {
    const photoFile = (await upload(s, t1, { clientId: cid(), unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', caption: 'Nhà văn hóa thôn 1' }, jpeg)).json<Evidence>()
    const pdfFile = (await upload(s, t1, { clientId: cid(), unit: 'T1', period: '2024-Q1', caption: 'Danh sách hộ' }, PDF)).json<Evidence>()
    const res = await officer.request('GET', `/api/communes/${C}/exports/review.docx?year=2024&evidence=${photoFile.id},${pdfFile.id}`)
    expect(res.statusCode, res.body).toBe(200)
    const zip = await JSZip.loadAsync(res.rawPayload)
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/') && !f.endsWith('/'))
    expect(media).toHaveLength(1)
    const image = await sharp(await zip.file(media[0]!)!.async('nodebuffer')).metadata()
    expect([image.format, image.width, image.height]).toEqual(['jpeg', 300, 400])
    const xml = await zip.file('word/document.xml')!.async('string')
    expect(xml).toContain('PHỤ LỤC: HÌNH ẢNH MINH CHỨNG')
    expect(xml).toContain('Nhà văn hóa thôn 1')
    expect(xml).toContain('Thôn 1, kỳ 2024-Q1, Diện tích lúa')
    // Without a choice, no appendix; an unknown or removed file is not found.
    const plain = await JSZip.loadAsync((await officer.request('GET', `/api/communes/${C}/exports/review.docx?year=2024`)).rawPayload)
    expect(Object.keys(plain.files).some((f) => f.startsWith('word/media/') && !f.endsWith('/'))).toBe(false)
    expect((await officer.request('GET', `/api/communes/${C}/exports/review.docx?year=2024&evidence=00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404)
    expect((await officer.request('GET', `/api/communes/${C}/exports/review.docx?year=2024&evidence=not-an-id`)).statusCode).toBe(400)
    expect((await t1.request('DELETE', `/api/communes/${C}/evidence/${photoFile.id}`)).statusCode).toBe(200)
    expect((await t1.request('DELETE', `/api/communes/${C}/evidence/${pdfFile.id}`)).statusCode).toBe(200)
  })

  it('counts the reports sent with and without evidence on the completeness board', async () => {
    const board = (await officer.request('GET', `/api/communes/${C}/completeness?year=2024`)).json<CompletenessBoard>()
    const cell = (unit: string, period: string) => board.cells.find((c) => c.unit === unit && c.period === period)
    const files = Number((await s.db.query<{ n: number }>("SELECT count(*)::int AS n FROM evidence e JOIN units u ON u.id = e.unit_id WHERE u.code = 'T1' AND NOT e.deleted AND e.period_id = (SELECT id FROM periods WHERE code = '2024-Q1')")).rows[0]!.n)
    expect(cell('T1', '2024-Q1')?.evidence).toBe(files)
    expect(cell('T2', '2024-Q1')?.evidence).toBe(2)
    expect(cell('T1', '2024-Q3')?.evidence).toBe(0)
    // T2's approved report has files; T1's report was never sent.
    expect(board.evidence).toEqual({ with: 1, without: 0 })
  })
})

describe.each(DATABASES)('evidence quota on $name', (factory) => {
  let s: EvidenceServer
  let t1: Agent
  beforeAll(async () => {
    s = await startEvidenceServer(factory, { EVIDENCE_QUOTA_MB: '1' })
    t1 = await s.login(`${C}.t1`)
  }, 120_000)
  afterAll(async () => {
    await s?.close()
  })

  it('refuses a file past the commune quota, at completion and before any byte', async () => {
    const big = await photo(1100, 800)
    expect(big.length).toBeGreaterThan(600_000)
    // Two uploads that each fit, started together: the second to finish is refused, nothing kept.
    const a = await tusCreate(s, t1, { clientId: cid(), unit: 'T1', period: '2024-Q2' }, big.length)
    const b = await tusCreate(s, t1, { clientId: cid(), unit: 'T1', period: '2024-Q2' }, big.length)
    expect([a.statusCode, b.statusCode]).toEqual([201, 201])
    expect((await tusPatch(s, t1, a.headers.location!, 0, big)).statusCode).toBe(200)
    const second = await tusPatch(s, t1, b.headers.location!, 0, big)
    expect([second.statusCode, second.json().code]).toEqual([409, 'evidence_quota'])
    expect(second.json().message).toContain('1 MB')
    // Declared too large for what is left: refused before any byte.
    const early = await tusCreate(s, t1, { clientId: cid(), unit: 'T1', period: '2024-Q1' }, 500_000)
    expect([early.statusCode, early.json().code]).toEqual([409, 'evidence_quota'])
    expect((await s.db.query('SELECT count(*)::int AS n FROM evidence')).rows[0]).toEqual({ n: 1 })
    expect((await filesUnder(join(s.dataDir, 'evidence', 'files'))).length).toBe(2)
  })
})
