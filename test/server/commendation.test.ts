// Bình xét, khen thưởng and hồ sơ thành tích (issue 15, items 3–4) on both databases: the year's
// registrations judged against their titles' criteria, the council's decisions (audited), the
// refusals that write nothing, the Tờ trình and the Quyết định read back from their DOCX (the
// list matches the decisions; quốc hiệu, số ký hiệu, page numbers), and the achievement records.
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AwardDecision, EvaluationBoard, EvaluationLine, PeopleAchievements, UnitAchievements } from '../../src/shared/commendation'
import type { ValueData } from '../../src/shared/model'
import type { RegistrationContent } from '../../src/shared/registration'
import { DATABASES, fixtureFile, mid, startServer, type Agent, type TestServer } from './harness'
import { expectRefusal } from './management'

const C = 'xa-thu'
const api = `/api/communes/${C}`
const YEAR = 2024

const num = (value: number): ValueData => ({ kind: 'number', value })
const ratio = (numerator: number, denominator: number): ValueData => ({ kind: 'ratio', numerator, denominator })

// ---------------------------------------------------------------------------
// Reading a DOCX back

const decode = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => decode([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))).filter((t) => t !== '')
}
function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => [...m[1]!.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((r) => [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => paragraphs(c[1]!).join('\n'))))
}
interface Docx {
  text: string[]
  /** The lists: tables whose header starts with STT, their numbered rows, by the header's second cell. */
  lists: { header: string[]; rows: string[][] }[]
  /** The header part of pages after the first, and of the first. */
  headers: { first: string; other: string }
  titlePage: boolean
}
async function readDocx(buffer: Buffer): Promise<Docx> {
  const zip = await JSZip.loadAsync(buffer)
  const xml = await zip.file('word/document.xml')!.async('string')
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string')
  const sect = xml.match(/<w:sectPr[^>]*>([\s\S]*?)<\/w:sectPr>/)![1]!
  const part = async (type: string): Promise<string> => {
    const id = sect.match(new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"`))![1]
    return zip.file(`word/${rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))![1]}`)!.async('string')
  }
  return {
    text: paragraphs(xml),
    lists: tables(xml)
      .filter((t) => t[0]?.[0] === 'STT')
      .map((t) => ({ header: t[0]!, rows: t.slice(1).filter((r) => /^\d+$/.test(r[0] ?? '')) })),
    headers: { first: await part('first'), other: await part('default') },
    titlePage: /<w:titlePg(?: w:val="(?:true|1)")?\/>/.test(sect),
  }
}

/** The Nghị định 30 layout: quốc hiệu, tiêu ngữ, the number, and the page number from the second page on. */
function expectNd30(doc: Docx, number: RegExp): void {
  expect(doc.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
  expect(doc.text).toContain('Độc lập - Tự do - Hạnh phúc')
  expect(doc.text.some((t) => number.test(t)), `${number} in ${doc.text.slice(0, 6).join(' | ')}`).toBe(true)
  expect(doc.titlePage).toBe(true)
  expect(doc.headers.first).not.toMatch(/PAGE/)
  expect(doc.headers.other).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/)
}

// ---------------------------------------------------------------------------

describe.each(DATABASES)('commendation on $name', (factory) => {
  let s: TestServer
  let officer: Agent
  let leader: Agent
  let t1: Agent
  let t2: Agent

  const board = async (agent = officer, year = YEAR): Promise<EvaluationBoard> => {
    const res = await agent.request('GET', `${api}/commendation/${year}`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json<EvaluationBoard>()
  }
  const lineOf = (b: EvaluationBoard, unit: string, title: string, person: string | null = null): EvaluationLine => {
    const l = b.lines.find((x) => x.unit === unit && x.title === title && x.person === person)
    if (!l) throw new Error(`no line ${unit} ${title} ${person}`)
    return l
  }
  const state = async () => {
    const r = await s.db.query<{ rows: number; decisions: number; audit: number }>(
      `SELECT (SELECT count(*)::int FROM commendations) AS rows, (SELECT count(*)::int FROM award_decisions) AS decisions,
              (SELECT count(*)::int FROM audit WHERE entity = 'commendation') AS audit`,
    )
    return r.rows[0]!
  }
  const evaluate = (unit: string, body: Record<string, unknown>, agent = officer) => agent.request('PUT', `${api}/commendation/${YEAR}/${unit}`, body)

  beforeAll(async () => {
    const file = fixtureFile(C)
    const lua = file.plan.indicators.find((i) => i.code === 'LUA_DT')!
    lua.unitTargets = { T1: { kind: 'at_least', value: 100 }, T2: { kind: 'at_least', value: 120 } }
    s = await startServer(factory, [file, fixtureFile('xa-khac')])
    ;[officer, leader, t1, t2] = await Promise.all([s.login(`${C}.canbo`), s.login(`${C}.lanhdao`), s.login(`${C}.t1`), s.login(`${C}.t2`)])

    // Registrations: the deadline is 31 March; village 1 on time, village 2 late (let in), the police by the officer.
    s.clock.now = new Date('2024-02-10T02:00:00Z')
    const ok = (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBe(200)
    ok(await officer.request('PUT', `${api}/registration-settings/${YEAR}`, { deadline: '2024-03-31', allowLate: false, allowLateUnits: ['T2'] }))
    const t1Content: RegistrationContent = {
      collective: ['TDPVH'],
      people: [
        { name: 'Nguyễn Văn An', position: 'Trưởng thôn', title: 'CSTDCS' },
        { name: 'Hộ ông Lê Văn Bình', position: 'Xóm Đông', title: 'GDVH' },
      ],
      pledges: 'Giữ vững danh hiệu thôn văn hóa',
    }
    ok(await t1.request('PUT', `${api}/registrations/${YEAR}/T1`, { action: 'submit', content: t1Content }))
    ok(await officer.request('PUT', `${api}/registrations/${YEAR}/CA`, { action: 'submit', content: { collective: ['TTLDTT'], people: [{ name: 'Phạm Văn Dũng', position: 'Trưởng công an', title: 'LDTT' }], pledges: '' } }))
    s.clock.now = new Date('2024-04-10T02:00:00Z')
    ok(await t2.request('PUT', `${api}/registrations/${YEAR}/T2`, { action: 'submit', content: { collective: ['TDPVH'], people: [], pledges: '' } }))
    ok(await officer.request('POST', `${api}/registrations/${YEAR}/T1/decision`, { action: 'approve' }))
    ok(await officer.request('POST', `${api}/registrations/${YEAR}/CA/decision`, { action: 'approve' }))

    // Figures of the first quarter, approved: village 1 meets its targets, village 2 does not.
    const submit = async (agent: Agent, unit: string, values: Record<string, ValueData>): Promise<void> => {
      const res = await agent.push(C, [
        ...Object.entries(values).map(([indicator, value]) => agent.value({ unit, period: '2024-Q1', indicator, value, baseVersion: 0 })),
        { kind: 'report', mutationId: mid(), deviceId: agent.deviceId, unit, period: '2024-Q1', action: 'submit', baseVersion: 0, clientTime: s.clock.now.toISOString() },
      ])
      expect(res.outcomes.every((o) => o.status === 'applied'), JSON.stringify(res.outcomes)).toBe(true)
      ok(await officer.request('POST', `${api}/reports/${unit}/2024-Q1/decision`, { action: 'approve' }))
    }
    await submit(t1, 'T1', { LUA_DT: num(100), LUA_SL: num(700), BHYT: ratio(48, 50) })
    await submit(t2, 'T2', { LUA_DT: num(60), LUA_SL: num(300), BHYT: ratio(80, 100) })
    // The year has ended (signed in again: the sessions of February have expired).
    s.clock.now = new Date('2025-01-10T02:00:00Z')
    ;[officer, leader, t1, t2] = await Promise.all([s.login(`${C}.canbo`), s.login(`${C}.lanhdao`), s.login(`${C}.t1`), s.login(`${C}.t2`)])
  }, 60_000)
  afterAll(() => s?.close())

  it('lists every registered line with whether it qualifies, criterion by criterion', async () => {
    const b = await board()
    expect(b).toMatchObject({ year: YEAR, yearEnded: true, deadline: '2024-03-31', scoring: false })
    expect(b.lines.map((l) => [l.unit, l.title, l.person, l.registrationStatus])).toEqual([
      ['CA', 'TTLDTT', null, 'approved'],
      ['CA', 'LDTT', 'Phạm Văn Dũng', 'approved'],
      ['T1', 'TDPVH', null, 'approved'],
      ['T1', 'CSTDCS', 'Nguyễn Văn An', 'approved'],
      ['T1', 'GDVH', 'Hộ ông Lê Văn Bình', 'approved'],
      ['T2', 'TDPVH', null, 'submitted'],
    ])
    const t1Line = lineOf(b, 'T1', 'TDPVH')
    // On time, its targets met; the council has not judged yet.
    expect(t1Line.qualification.checks.map((c) => [c.key, c.state])).toEqual([
      ['on_time', 'met'],
      ['targets', 'met'],
      ['council', 'pending'],
    ])
    expect(t1Line.qualification.qualifies).toBe(false)
    const t2Line = lineOf(b, 'T2', 'TDPVH')
    // Late (let in by the officer, still late) and short of its rice target.
    expect(t2Line.qualification.checks.find((c) => c.key === 'on_time')).toMatchObject({ state: 'unmet', params: { sent: '2024-04-10', deadline: '2024-03-31' } })
    expect(t2Line.qualification.checks.find((c) => c.key === 'targets')!.state).toBe('unmet')
    // A person is judged on the registration and the council only.
    expect(lineOf(b, 'T1', 'CSTDCS', 'Nguyễn Văn An').qualification.checks.map((c) => c.key)).toEqual(['on_time', 'council'])
    expect(b.titles.find((t) => t.code === 'TTLDTT')).toMatchObject({ custom: false, criteria: { onTime: true, minAchievedShare: 1 } })
    // The leader reads it; a village head does not.
    expect((await board(leader)).lines).toHaveLength(6)
    expectRefusal(await t1.request('GET', `${api}/commendation/${YEAR}`), 403, 'forbidden')
  })

  it('refuses bad decisions with a clear reason, writing nothing', async () => {
    const before = await state()
    // A registration not approved (village 2's is only sent).
    const notApproved = await evaluate('T2', { title: 'TDPVH', decision: 'approved' })
    expectRefusal(notApproved, 409, 'registration_not_approved')
    expect(notApproved.json()).toMatchObject({ key: 'registration_not_approved', params: { unit: 'T2', status: 'submitted', year: YEAR } })
    // A line not registered: a title, a person.
    expectRefusal(await evaluate('T1', { title: 'TTLDTT', decision: 'approved' }), 404, 'line_not_registered')
    expectRefusal(await evaluate('T1', { title: 'CSTDCS', person: 'Trần Thị Cúc', decision: 'approved' }), 404, 'line_not_registered')
    // A year without a plan, an unknown unit, a wrong decision, a non-officer.
    expectRefusal(await officer.request('PUT', `${api}/commendation/2023/T1`, { title: 'TDPVH', decision: 'approved' }), 404, 'not_found')
    expectRefusal(await officer.request('GET', `${api}/commendation/2023`), 404, 'not_found')
    expectRefusal(await evaluate('KHONG', { title: 'TDPVH', decision: 'approved' }), 404, 'not_found')
    expectRefusal(await evaluate('T1', { title: 'TDPVH', decision: 'maybe' }), 400, 'invalid')
    expectRefusal(await evaluate('T1', { title: 'TDPVH', decision: 'approved' }, leader), 403, 'forbidden')
    // Before the year's end, unless the officer confirms.
    s.clock.now = new Date('2024-12-20T02:00:00Z')
    const early = await evaluate('T1', { title: 'TDPVH', decision: 'approved' })
    expectRefusal(early, 409, 'year_not_ended')
    expect(early.json()).toMatchObject({ params: { year: YEAR } })
    expect(await state()).toEqual(before)
    const confirmed = await evaluate('T1', { title: 'TDPVH', decision: 'not_approved', confirm: true })
    expect(confirmed.statusCode, confirmed.body).toBe(200)
    s.clock.now = new Date('2025-01-10T02:00:00Z')
    expect(await state()).toEqual({ ...before, rows: before.rows + 1, audit: before.audit + 1 })
  })

  it('records the council’s decisions, each audited, and the same again writes nothing', async () => {
    const ok = async (unit: string, body: Record<string, unknown>) => {
      const res = await evaluate(unit, body)
      expect(res.statusCode, res.body).toBe(200)
      return res.json<Record<string, unknown>>()
    }
    expect(await ok('T1', { title: 'TDPVH', councilMet: true, decision: 'approved' })).toMatchObject({ unit: 'T1', title: 'TDPVH', person: null, councilMet: true, decision: 'approved', award: null })
    // The person's name as registered, whatever the spacing or case typed.
    expect(await ok('T1', { title: 'CSTDCS', person: ' nguyễn  văn an ', councilMet: true, decision: 'proposed_upward', award: 'Bằng khen của Chủ tịch UBND tỉnh', note: 'Sáng kiến cấp tỉnh' })).toMatchObject({
      person: 'Nguyễn Văn An',
      decision: 'proposed_upward',
    })
    await ok('T1', { title: 'GDVH', person: 'Hộ ông Lê Văn Bình', councilMet: false, decision: 'not_approved' })
    await ok('CA', { title: 'TTLDTT', councilMet: true, decision: 'approved', award: 'Giấy khen của Chủ tịch UBND xã' })
    await ok('CA', { title: 'LDTT', person: 'Phạm Văn Dũng', councilMet: true, decision: 'approved' })
    const audit = await s.db.query<{ unit: string; old: unknown; new: unknown }>(
      `SELECT u.code AS unit, a.old, a.new FROM audit a JOIN units u ON u.id = a.unit_id WHERE a.entity = 'commendation' ORDER BY a.id`,
    )
    expect(audit.rows).toHaveLength(6)
    expect(audit.rows[1]).toEqual({
      unit: 'T1',
      old: { year: YEAR, title: 'TDPVH', councilMet: null, decision: 'not_approved', award: null, note: '' },
      new: { year: YEAR, title: 'TDPVH', councilMet: true, decision: 'approved', award: null, note: '' },
    })
    expect(audit.rows[2]!.new).toMatchObject({ person: 'Nguyễn Văn An', decision: 'proposed_upward', award: 'Bằng khen của Chủ tịch UBND tỉnh' })
    const before = await state()
    await ok('T1', { title: 'TDPVH', councilMet: true, decision: 'approved' })
    expect(await state()).toEqual(before)
    // The change log lists them under their own kind.
    const feed = await officer.request('GET', `${api}/audit?entity=commendation`)
    expect(feed.statusCode, feed.body).toBe(200)
    const rows = feed.json<{ entity: string }[]>()
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((r) => r.entity === 'commendation')).toBe(true)

    const b = await board()
    expect(lineOf(b, 'T1', 'TDPVH').qualification.qualifies).toBe(true)
    expect(lineOf(b, 'CA', 'TTLDTT')).toMatchObject({ decision: 'approved', awardText: 'Giấy khen của Chủ tịch UBND xã', awarded: null })
    expect(lineOf(b, 'CA', 'LDTT', 'Phạm Văn Dũng').awardText).toBe('Danh hiệu “Lao động tiên tiến”')
  })

  it('writes the Tờ trình: the approved lines and those proposed upward, in the Nghị định 30 layout', async () => {
    const res = await leader.request('GET', `${api}/commendation/${YEAR}/to-trinh.docx?number=5&date=2025-01-12`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="to-trinh-khen-thuong-xa-thu-2024\.docx"/)
    const doc = await readDocx(res.rawPayload)
    expectNd30(doc, /^Số: 5\/TTr-UBND$/)
    expect(doc.text).toContain('TỜ TRÌNH')
    expect(doc.text).toContain('xa-thu, ngày 12 tháng 01 năm 2025')
    const b = await board()
    const listed = doc.lists.flatMap((l) => l.rows.map((r) => (r.length === 3 ? [r[1], r[2]] : [r[1], r[3]])))
    const decided = b.lines.filter((l) => l.decision === 'approved' || l.decision === 'proposed_upward')
    expect(listed.sort()).toEqual(
      decided.map((l) => [l.person ?? l.unitName, l.decision === 'proposed_upward' && l.note ? `${l.awardText} (${l.note})` : l.awardText]).sort(),
    )
    expect(doc.text.join('\n')).not.toMatch(/Lê Văn Bình/)
    // Without a number: a blank for the officer to fill.
    const blank = await readDocx((await officer.request('GET', `${api}/commendation/${YEAR}/to-trinh.docx`)).rawPayload)
    expect(blank.text).toContain('Số: …/TTr-UBND')
    expectRefusal(await officer.request('GET', `${api}/commendation/2023/to-trinh.docx`), 404, 'not_found')
  })

  it('refuses a decision without a number or date, before the year’s end, twice, or with nothing to award', async () => {
    const before = await state()
    const post = (body: Record<string, unknown>) => officer.request('POST', `${api}/commendation/${YEAR}/decisions`, body)
    expectRefusal(await post({}), 400, 'decision_number_required')
    expectRefusal(await post({ number: '12', signedOn: '' }), 400, 'decision_number_required')
    expectRefusal(await post({ number: ' ', signedOn: '2025-01-15' }), 400, 'decision_number_required')
    expectRefusal(await officer.request('GET', `${api}/commendation/${YEAR}/quyet-dinh.docx?number=12`), 400, 'decision_number_required')
    expectRefusal(await post({ number: '12', signedOn: '15/01/2025' }), 400, 'invalid')
    s.clock.now = new Date('2024-12-30T02:00:00Z')
    expectRefusal(await post({ number: '12', signedOn: '2024-12-30' }), 409, 'year_not_ended')
    s.clock.now = new Date('2025-01-10T02:00:00Z')
    expectRefusal(await leader.request('POST', `${api}/commendation/${YEAR}/decisions`, { number: '12', signedOn: '2025-01-15' }), 403, 'forbidden')
    expect(await state()).toEqual(before)
  })

  it('records the decision, marks the awards, and writes the Quyết định with its list', async () => {
    // A draft first, with its number and date, before anything is recorded.
    const draft = await officer.request('GET', `${api}/commendation/${YEAR}/quyet-dinh.docx?number=12&signedOn=2025-01-15&signer=${encodeURIComponent('Nguyễn Văn Chủ')}`)
    expect(draft.statusCode, draft.body).toBe(200)
    expectNd30(await readDocx(draft.rawPayload), /^Số: 12\/QĐ-UBND$/)

    const res = await officer.request('POST', `${api}/commendation/${YEAR}/decisions`, { number: '12', signedOn: '2025-01-15', signer: 'Nguyễn Văn Chủ', signerTitle: 'chu_tich' })
    expect(res.statusCode, res.body).toBe(200)
    const decision = res.json<AwardDecision>()
    expect(decision).toMatchObject({ year: YEAR, number: '12/QĐ-UBND', signedOn: '2025-01-15', signer: 'Nguyễn Văn Chủ', lines: 3 })
    const audit = await s.db.query<{ new: Record<string, unknown> }>(`SELECT a.new FROM audit a WHERE a.entity = 'commendation' AND a.unit_id IS NULL ORDER BY a.id DESC LIMIT 1`)
    expect(audit.rows[0]!.new).toMatchObject({ year: YEAR, awardDecision: { number: '12/QĐ-UBND', signedOn: '2025-01-15' }, awarded: expect.arrayContaining([{ unit: 'T1', title: 'TDPVH' }]) })

    // The same number again (however typed), and nothing left to award.
    const before = await state()
    const dup = await officer.request('POST', `${api}/commendation/${YEAR}/decisions`, { number: '12/qđ-ubnd', signedOn: '2025-01-16' })
    expectRefusal(dup, 409, 'duplicate_decision')
    expect(dup.json()).toMatchObject({ params: { number: '12/qđ-ubnd' } })
    expectRefusal(await officer.request('POST', `${api}/commendation/${YEAR}/decisions`, { number: '13', signedOn: '2025-01-16' }), 409, 'nothing_to_award')
    expectRefusal(await officer.request('GET', `${api}/commendation/${YEAR}/quyet-dinh.docx?number=13&signedOn=2025-01-16`), 409, 'nothing_to_award')
    // An awarded line's decision no longer changes.
    expectRefusal(await evaluate('T1', { title: 'TDPVH', decision: 'not_approved' }), 409, 'already_awarded')
    expect(await state()).toEqual(before)

    const b = await board()
    const awarded = b.lines.filter((l) => l.awarded?.id === decision.id)
    expect(awarded.map((l) => [l.unit, l.title])).toEqual([
      ['CA', 'TTLDTT'],
      ['CA', 'LDTT'],
      ['T1', 'TDPVH'],
    ])
    expect(b.decisions).toEqual([expect.objectContaining({ id: decision.id, number: '12/QĐ-UBND', lines: 3 })])

    const file = await leader.request('GET', `${api}/commendation-decisions/${decision.id}/quyet-dinh.docx`)
    expect(file.statusCode, file.body).toBe(200)
    const doc = await readDocx(file.rawPayload)
    expectNd30(doc, /^Số: 12\/QĐ-UBND$/)
    expect(doc.text).toContain('QUYẾT ĐỊNH')
    expect(doc.text).toContain('xa-thu, ngày 15 tháng 01 năm 2025')
    expect(doc.text).toContain('(Kèm theo Quyết định số 12/QĐ-UBND ngày 15/01/2025 của Chủ tịch Ủy ban nhân dân xã xa-thu)')
    expect(doc.text.some((t) => /^Điều 1\. Công nhận danh hiệu thi đua, khen thưởng 2 tập thể và 1 cá nhân/.test(t))).toBe(true)
    // The lists are the decision's lines: the collectives, then the individuals, with their form of award.
    expect(doc.lists.map((l) => l.header)).toEqual([
      ['STT', 'Tên tập thể', 'Hình thức khen thưởng'],
      ['STT', 'Họ và tên', 'Chức vụ, đơn vị', 'Hình thức khen thưởng'],
    ])
    expect(doc.lists[0]!.rows).toEqual(awarded.filter((l) => l.person === null).map((l, i) => [String(i + 1), l.unitName, l.awardText]))
    expect(doc.lists[1]!.rows).toEqual([['1', 'Phạm Văn Dũng', 'Trưởng công an, Công an xã', 'Danh hiệu “Lao động tiên tiến”']])
    expect(doc.text.join('\n')).not.toMatch(/Nguyễn Văn An|Lê Văn Bình/)
    expect(doc.text).toContain('Nguyễn Văn Chủ')
    expectRefusal(await officer.request('GET', `${api}/commendation-decisions/999999/quyet-dinh.docx`), 404, 'not_found')
  })

  it('keeps each unit’s and person’s record across the years, with the decision’s number and date', async () => {
    const unit = await leader.request('GET', `${api}/achievements/units/T1`)
    expect(unit.statusCode, unit.body).toBe(200)
    const record = unit.json<UnitAchievements>()
    expect(record.unit).toEqual({ code: 'T1', name: 'Thôn 1', kind: 'thon' })
    expect(record.entries).toEqual([
      expect.objectContaining({ year: YEAR, title: 'TDPVH', titleName: 'Thôn, tổ dân phố văn hóa', kind: 'awarded', decision: expect.objectContaining({ number: '12/QĐ-UBND', signedOn: '2025-01-15' }) }),
    ])
    expect(record.people).toEqual([expect.objectContaining({ person: 'Nguyễn Văn An', position: 'Trưởng thôn', kind: 'proposed_upward', decision: null, awardText: 'Bằng khen của Chủ tịch UBND tỉnh' })])

    const search = await officer.request('GET', `${api}/achievements/people?name=${encodeURIComponent('dung')}`)
    expect(search.statusCode, search.body).toBe(200)
    expect(search.json<PeopleAchievements>().people).toEqual([
      { name: 'Phạm Văn Dũng', entries: [expect.objectContaining({ unit: 'CA', title: 'LDTT', position: 'Trưởng công an', kind: 'awarded', decision: expect.objectContaining({ number: '12/QĐ-UBND' }) })] },
    ])
    expect((await officer.request('GET', `${api}/achievements/people?name=xyz`)).json<PeopleAchievements>().people).toEqual([])
    expectRefusal(await officer.request('GET', `${api}/achievements/people?name=a`), 400, 'invalid')
    expectRefusal(await officer.request('GET', `${api}/achievements/units/KHONG`), 404, 'not_found')
    expectRefusal(await t1.request('GET', `${api}/achievements/units/T1`), 403, 'forbidden')

    // The registration reopened and the person taken off it: the proposal goes, the award stays.
    const reopened = await officer.request('POST', `${api}/registrations/${YEAR}/T1/decision`, { action: 'reopen', reason: 'Bỏ một người' })
    expect(reopened.statusCode, reopened.body).toBe(200)
    const edited = await officer.request('PUT', `${api}/registrations/${YEAR}/T1`, { action: 'save', content: { collective: ['TDPVH'], people: [], pledges: '' } })
    expect(edited.statusCode, edited.body).toBe(200)
    const after = (await officer.request('GET', `${api}/achievements/units/T1`)).json<UnitAchievements>()
    expect(after.entries.map((e) => e.title)).toEqual(['TDPVH'])
    expect(after.people).toEqual([])
    expect((await officer.request('GET', `${api}/achievements/people?name=${encodeURIComponent('nguyen van an')}`)).json<PeopleAchievements>().people).toEqual([])
  })

  it('lets the officer change a title’s criteria, audited, and reset them', async () => {
    const put = (criteria: unknown) => officer.request('PUT', `${api}/commendation-criteria/TDPVH`, { criteria })
    const own = { onTime: false, minAchievedShare: 0, minScore: null, maxRank: null, council: null }
    const res = await put(own)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ code: 'TDPVH', criteria: own, custom: true })
    const b = await board()
    expect(lineOf(b, 'T2', 'TDPVH').qualification.checks.map((c) => [c.key, c.state])).toEqual([['targets', 'met']])
    expectRefusal(await put({ ...own, minAchievedShare: 2 }), 400, 'invalid')
    expectRefusal(await officer.request('PUT', `${api}/commendation-criteria/KHONG`, { criteria: own }), 404, 'not_found')
    expect((await put(null)).json()).toMatchObject({ custom: false, criteria: { onTime: true, minAchievedShare: 1 } })
  })
})
