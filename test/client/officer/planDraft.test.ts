import 'fake-indexeddb/auto'
// Drafting a plan from its document (/quan-ly/:commune/ke-hoach/soan-tu-van-ban?nam=2024): the
// pasted text or the chosen file goes to the server, the draft comes back beside the document;
// clicking an item marks its sentence; an ambiguous item cannot be accepted before a reading is
// chosen; items are accepted, edited or dropped; the plan is built from the accepted ones and goes
// through the plan file import (preview, then write), then the plan screen of the year. Mounted in
// the whole app against a stand-in server (test/client/fakeServer.ts).
import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CommunePlan } from '../../../src/client/api'
import { saveSession } from '../../../src/client/local/db'
import type { Field, Indicator, Plan } from '../../../src/shared/model'
import type { PlanFile } from '../../../src/shared/planFile'
import { PLAN_DOCUMENT_MAX_BYTES, PLAN_DRAFT_FORMAT, type Drafted, type PlanDraft, type PlanDraftResponse } from '../../../src/shared/planDraft/types'
import type { PlanImportPreview, PlanImportResult } from '../../../src/shared/planImport'
import { mountApp, settle, until } from '../app/harness'
import { fakeServer, json, officer, summary } from '../fakeServer'
import { freshDb } from '../local/testDb'

const BASE = '/api/communes/pho-thuan'
const DRAFT = `POST ${BASE}/plans/2024/draft`
const PREVIEW = `POST ${BASE}/plans/2024/import?mode=preview`
const WRITE = `POST ${BASE}/plans/2024/import?mode=write`
const REPLACE = `POST ${BASE}/plans/2024/import?mode=write&replace=1`
const commune = { code: 'pho-thuan', name: 'Phổ Thuận', kind: 'xa' as const, district: 'Thị xã Đức Phổ', province: 'Quảng Ngãi' }

const TEXT = [
  'ỦY BAN NHÂN DÂN XÃ PHỔ THUẬN',
  'Số: 12/KH-UBND',
  'KẾ HOẠCH Phát động phong trào thi đua năm 2024',
  'I. KINH TẾ',
  '1. Sản lượng lúa đạt 1.448,5 tấn.',
  '2. Giải quyết việc làm mới cho 13.345 người.',
  'II. VĂN HÓA – XÃ HỘI',
  '3. Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%.',
].join('\n')

/** The span of `phrase` in the text. */
function span(phrase: string) {
  const start = TEXT.indexOf(phrase)
  if (start < 0) throw new Error(`not in the text: ${phrase}`)
  return { start, end: start + phrase.length }
}

function item<T>(id: string, value: T, phrase: string, over: Partial<Drafted<T>> = {}): Drafted<T> {
  return { id, value, source: span(phrase), confidence: 'high', reasons: [], ambiguous: false, ...over }
}

const reporters = { kinds: ['thon' as const], units: [] }
const LUA: Indicator = { code: 'LUA_SL', name: 'Sản lượng lúa', field: 'KT', unitOfMeasure: 'tấn', aggregation: 'flow', proportion: true, target: { kind: 'at_least', value: 1448.5 }, reporters }
const VL: Indicator = { code: 'VL_MOI', name: 'Giải quyết việc làm mới', field: 'KT', unitOfMeasure: 'người', aggregation: 'flow', proportion: true, target: { kind: 'at_least', value: 13345 }, reporters }
const BHYT: Indicator = { code: 'BHYT_TL', name: 'Tỷ lệ dân số tham gia bảo hiểm y tế', field: 'VH', unitOfMeasure: '%', aggregation: 'rate', scale: 100, proportion: true, target: { kind: 'rate_at_least', value: 95 }, reporters }
const KT: Field = { code: 'KT', name: 'Kinh tế' }
const VH: Field = { code: 'VH', name: 'Văn hóa – xã hội' }
const RICE_ISSUE = 'Sản lượng lúa: diện tích × năng suất ra 1.488,5 tấn, kế hoạch ghi 1.448,5 tấn'

const DRAFTED: PlanDraft = {
  format: PLAN_DRAFT_FORMAT,
  text: TEXT,
  header: {
    title: item('header.title', 'Kế hoạch phát động phong trào thi đua năm 2024', 'KẾ HOẠCH Phát động phong trào thi đua năm 2024'),
    number: item('header.number', '12/KH-UBND', '12/KH-UBND'),
    year: item('header.year', 2024, 'năm 2024'),
  },
  movements: [],
  phases: [],
  fields: [item('field.0', KT, 'I. KINH TẾ'), item('field.1', VH, 'II. VĂN HÓA – XÃ HỘI')],
  indicators: [
    item('indicator.0', LUA, 'Sản lượng lúa đạt 1.448,5 tấn'),
    item('indicator.1', VL, 'Giải quyết việc làm mới cho 13.345 người', {
      confidence: 'low',
      ambiguous: true,
      reasons: ['“13.345” có thể là 13345 hoặc 13,345'],
      alternatives: [{ ...VL, target: { kind: 'at_least', value: 13.345 } }],
    }),
    item('indicator.2', BHYT, 'Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%', { confidence: 'medium', reasons: ['Đơn vị báo cáo chưa rõ: tạm để các thôn'] }),
  ],
  issues: [{ code: 'derived_mismatch', severity: 'warning', refs: ['LUA_SL'], message: RICE_ISSUE }],
  noTargets: false,
}
const RESPONSE: PlanDraftResponse = { source: 'text', draft: DRAFTED, notes: [] }

function cleanPreview(plan: Plan, over: Partial<PlanImportPreview> = {}): PlanImportPreview {
  return { format: 'json', year: 2024, plan, newUnits: [], newPeriods: [], problems: [], warnings: [], existing: null, notes: [], ...over }
}

const viewOf = (plan: Plan): CommunePlan => ({ commune, units: [{ code: 'T1', name: 'Thôn Hải Tân', kind: 'thon', active: true }], plan, version: 2, years: [plan.year], issues: [] })

/** A commune with no plan for 2024, answering the plan screen's reads and the draft. */
function server() {
  let plan: Plan | null = null
  const s = fakeServer({ 'GET /api/auth/me': json(200, officer), 'GET /api/communes': json(200, [summary]) })
  s.answer(`GET ${BASE}/units`, () => json(200, [{ code: 'T1', name: 'Thôn Hải Tân', kind: 'thon', active: true, version: 1 }]))
  s.answer(`GET ${BASE}/plan`, () => (plan ? json(200, viewOf(plan)) : json(404, { code: 'not_found', message: 'Xã/phường chưa có kế hoạch' })))
  s.answer(`GET ${BASE}/plan?year=2024`, () => (plan ? json(200, viewOf(plan)) : json(404, { code: 'not_found', message: 'Chưa có kế hoạch năm 2024' })))
  s.answer(DRAFT, json(200, RESPONSE))
  return {
    ...s,
    setPlan(p: Plan) {
      plan = p
    },
    requests(key: string) {
      return s.fetch.mock.calls.filter(([url, init]) => `${init?.method ?? 'GET'} ${url}` === key).map(([, init]) => init!)
    },
  }
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

async function open(path = '/quan-ly/pho-thuan/ke-hoach/soan-tu-van-ban?nam=2024') {
  const db = freshDb('plan-draft')
  await saveSession(db, officer)
  const m = await mountApp({ db, path })
  await settle()
  return m
}

const button = (w: VueWrapper, text: string) => {
  const b = w.findAll('button').find((x) => x.text() === text)
  expect(b, text).toBeDefined()
  return b!
}
const itemOf = (w: VueWrapper, id: string) => w.find(`[data-item="${id}"]`)

/** Pastes the plan's text and asks for the draft; waits for the review. */
async function paste(w: VueWrapper): Promise<void> {
  await w.find('textarea[name="planText"]').setValue(TEXT)
  await button(w, 'Soạn từ nội dung đã dán').trigger('click')
  await until(() => expect(w.find('[data-test="draft-review"]').exists()).toBe(true))
  await settle()
}

describe('drafting a plan from its document', () => {
  it('is reached from the plan screen of a year without a plan', async () => {
    server()
    const { w, router } = await open('/quan-ly/pho-thuan/ke-hoach?nam=2024')
    await until(() => expect(w.find('#plan-setup-empty').exists()).toBe(true))
    const links = w.findAll('a').filter((a) => a.text() === 'Soạn kế hoạch từ văn bản…')
    // In the empty state and next to the import.
    expect(links).toHaveLength(2)
    await links[0]!.trigger('click')
    await until(() => expect(router.currentRoute.value.name).toBe('plan-draft'))
    expect(router.currentRoute.value.query.nam).toBe('2024')
    await until(() => expect(w.find('h1').text()).toBe('Soạn kế hoạch năm 2024 từ văn bản'))
    expect(w.find('textarea[name="planText"]').exists()).toBe(true)
  })

  it('sends the pasted text, shows the draft beside the document and marks the sentence of the item clicked', async () => {
    const s = server()
    const { w } = await open()
    await paste(w)
    const [sent] = s.requests(DRAFT)
    expect((sent!.headers as Record<string, string>)['content-type']).toBe('text/plain; charset=utf-8')
    expect(sent!.body).toBe(TEXT)

    // The document whole, nothing marked yet.
    expect(w.find('[data-test="draft-document"]').text()).toContain('3. Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%.')
    expect(w.find('[data-test="draft-mark"]').exists()).toBe(false)
    // Each indicator with its unit, aggregation, target in words and confidence.
    const lua = itemOf(w, 'indicator.0')
    expect(lua.find('[data-test="target"]').text()).toBe('đạt 1.448,5 tấn trở lên')
    expect(lua.find('[data-test="unit"]').text()).toBe('tấn')
    expect(lua.find('[data-test="confidence"]').text()).toBe('chắc chắn')
    expect(itemOf(w, 'indicator.2').find('[data-test="confidence"]').text()).toBe('khá chắc')
    expect(itemOf(w, 'indicator.2').text()).toContain('Đơn vị báo cáo chưa rõ: tạm để các thôn')
    // Indicators under their field.
    expect(w.find('[data-group="KT"]').findAll('[data-item^="indicator."]').map((x) => x.attributes('data-item'))).toEqual(['indicator.0', 'indicator.1'])
    expect(w.find('[data-group="VH"]').findAll('[data-item^="indicator."]').map((x) => x.attributes('data-item'))).toEqual(['indicator.2'])
    // The plan's own arithmetic.
    expect(w.find('[data-test="draft-issues"]').text()).toContain(RICE_ISSUE)
    expect(w.find('[data-test="draft-no-targets"]').exists()).toBe(false)

    await itemOf(w, 'indicator.1').find('.item__title').trigger('click')
    expect(w.find('[data-test="draft-mark"]').text()).toBe('Giải quyết việc làm mới cho 13.345 người')
    expect(itemOf(w, 'indicator.1').classes()).toContain('item--selected')
    await itemOf(w, 'field.1').trigger('click')
    expect(w.find('[data-test="draft-mark"]').text()).toBe('II. VĂN HÓA – XÃ HỘI')
    expect(itemOf(w, 'indicator.1').classes()).not.toContain('item--selected')
  })

  it('takes an ambiguous item only once a reading is chosen; accepts, drops and takes the certain items at once', async () => {
    server()
    const { w } = await open()
    await paste(w)
    const vl = () => itemOf(w, 'indicator.1')
    expect(vl().find('[data-test="ambiguous"]').text()).toContain('“13.345” có thể là 13345 hoặc 13,345')
    expect(vl().find('[data-test="accept"]').attributes('disabled')).toBeDefined()
    expect(w.find('[data-test="draft-counts"]').text()).toBe('Đã nhận 0 / 7 mục · bỏ 0 · chưa xem 7')
    expect(w.text()).toContain('Còn 1 mục không rõ cần anh/chị quyết định.')

    // "Every certain item": the high-confidence ones, not the ambiguous one nor the fairly sure one.
    await button(w, 'Nhận tất cả mục chắc chắn').trigger('click')
    expect(w.findAll('[data-decision="accepted"]').map((x) => x.attributes('data-item'))).toEqual(['header.title', 'header.number', 'field.0', 'indicator.0', 'field.1'])
    expect(vl().attributes('data-decision')).toBe('pending')
    expect(itemOf(w, 'indicator.2').attributes('data-decision')).toBe('pending')
    await vl().find('[data-test="accept"]').trigger('click')
    expect(vl().attributes('data-decision')).toBe('pending')

    // The readings: as drafted (13.345 = thirteen thousand…) and the other (thirteen point…).
    const readings = vl().findAll('label.item__reading').map((l) => l.text())
    expect(readings).toEqual(['Giải quyết việc làm mới (người): đạt 13.345 người trở lên', 'Giải quyết việc làm mới (người): đạt 13,345 người trở lên'])
    await vl().findAll('input[data-test="reading"]')[0]!.setValue(true)
    expect(vl().find('[data-test="accept"]').attributes('disabled')).toBeUndefined()
    await vl().find('[data-test="accept"]').trigger('click')
    expect(vl().attributes('data-decision')).toBe('accepted')
    expect(w.text()).not.toContain('mục không rõ cần anh/chị quyết định')

    // Drop, and reconsider.
    const bhyt = () => itemOf(w, 'indicator.2')
    await bhyt().find('[data-test="drop"]').trigger('click')
    expect(bhyt().attributes('data-decision')).toBe('dropped')
    expect(w.find('[data-test="draft-counts"]').text()).toBe('Đã nhận 6 / 7 mục · bỏ 1 · chưa xem 0')
    await bhyt().find('[data-test="undo"]').trigger('click')
    expect(bhyt().attributes('data-decision')).toBe('pending')
    await bhyt().find('[data-test="accept"]').trigger('click')
    expect(bhyt().attributes('data-decision')).toBe('accepted')
  })

  it('edits an ambiguous target in vi-VN numbers, which resolves and accepts it', async () => {
    server()
    const { w } = await open()
    await paste(w)
    const vl = () => itemOf(w, 'indicator.1')
    await vl().find('[data-test="edit"]').trigger('click')
    const box = vl().find<HTMLInputElement>('input[name="target.value"]')
    expect(box.element.value).toBe('13.345')
    await box.setValue('13,345')
    await vl().find('[data-test="draft-editor-save"]').trigger('click')
    await settle()
    // "13,345" is itself ambiguous in vi-VN: refused with its reason, nothing accepted.
    expect(vl().attributes('data-decision')).toBe('pending')
    expect(vl().find('[data-test="draft-editor"]').text()).toContain('13,345')
    await vl().find('input[name="target.value"]').setValue('13.345')
    await vl().find('input[name="unitOfMeasure"]').setValue('lao động')
    await vl().find('[data-test="draft-editor-save"]').trigger('click')
    await settle()
    expect(vl().attributes('data-decision')).toBe('accepted')
    expect(vl().find('[data-test="target"]').text()).toBe('đạt 13.345 lao động trở lên')
    expect(vl().text()).toContain('đã sửa')
  })

  it('creates the plan from the accepted items through the plan file preview, then writes it and opens the plan screen', async () => {
    const s = server()
    let previewed: PlanFile | undefined
    s.answer(PREVIEW, async () => {
      const body = s.requests(PREVIEW).at(-1)!.body as Blob
      previewed = JSON.parse(await body.text()) as PlanFile
      return json(200, cleanPreview(previewed.plan, { warnings: [{ message: RICE_ISSUE }] }))
    })
    const result: PlanImportResult = { year: 2024, version: 1, created: true, unitsCreated: [], periodsCreated: [], issues: [] }
    s.answer(WRITE, () => {
      s.setPlan(previewed!.plan)
      return json(201, result)
    })
    const { w, router } = await open()
    await paste(w)
    await button(w, 'Nhận tất cả mục chắc chắn').trigger('click')
    await itemOf(w, 'indicator.1').findAll('input[data-test="reading"]')[0]!.setValue(true)
    await itemOf(w, 'indicator.1').find('[data-test="accept"]').trigger('click')
    await itemOf(w, 'indicator.2').find('[data-test="drop"]').trigger('click')
    await button(w, 'Tạo kế hoạch năm 2024 từ các mục đã nhận').trigger('click')
    await until(() => expect(w.find('[data-test="import-preview"]').exists()).toBe(true))

    // A plan file of the commune, the accepted items only, nothing written yet.
    expect(s.calls(PREVIEW)).toBe(1)
    expect(s.calls(WRITE)).toBe(0)
    const sent = s.requests(PREVIEW)[0]!
    expect((sent.headers as Record<string, string>)['content-type']).toBe('application/octet-stream')
    expect(previewed!.format).toBe('thi-dua.plan/1')
    expect(previewed!.commune).toEqual(commune)
    expect(previewed!.units).toEqual([])
    expect(previewed!.periods).toEqual([])
    expect(previewed!.plan.year).toBe(2024)
    expect(previewed!.plan.title).toBe('Kế hoạch phát động phong trào thi đua năm 2024')
    expect(previewed!.plan.number).toBe('12/KH-UBND')
    // A field whose every indicator was dropped is left out.
    expect(previewed!.plan.fields.map((f) => f.code)).toEqual(['KT'])
    expect(Object.fromEntries(previewed!.plan.indicators.map((i) => [i.code, i.target]))).toEqual({
      LUA_SL: { kind: 'at_least', value: 1448.5 },
      VL_MOI: { kind: 'at_least', value: 13345 },
    })
    const preview = w.find('[data-test="import-preview"]')
    expect(preview.find('[data-indicator="VL_MOI"]').text()).toContain('đạt 13.345 người trở lên')
    expect(preview.text()).toContain(RICE_ISSUE)
    // Back to the draft and forth: the preview is asked again.
    expect(button(w, 'Quay lại bản soạn').exists()).toBe(true)

    await w.find('[data-test="import-write"]').trigger('click')
    await until(() => expect(router.currentRoute.value.name).toBe('plan-setup'))
    expect(s.calls(WRITE)).toBe(1)
    expect(s.calls(REPLACE)).toBe(0)
    expect(await (s.requests(WRITE)[0]!.body as Blob).text()).toBe(await (sent.body as Blob).text())
    expect(router.currentRoute.value.query.nam).toBe('2024')
    await until(() => expect(w.find('#plan-setup-indicators').exists()).toBe(true))
    expect(w.text()).toContain('Giải quyết việc làm mới')
  })

  it('asks before replacing a plan with reported figures, as the import does', async () => {
    const s = server()
    s.answer(PREVIEW, async () => {
      const file = JSON.parse(await (s.requests(PREVIEW).at(-1)!.body as Blob).text()) as PlanFile
      return json(200, cleanPreview(file.plan, { existing: { indicators: 40, values: 120 } }))
    })
    s.answer(REPLACE, json(200, { year: 2024, version: 3, created: false, unitsCreated: [], periodsCreated: [], issues: [] } satisfies PlanImportResult))
    const { w, router } = await open()
    await paste(w)
    await button(w, 'Nhận tất cả mục chắc chắn').trigger('click')
    await button(w, 'Tạo kế hoạch năm 2024 từ các mục đã nhận').trigger('click')
    await until(() => expect(w.find('[data-test="import-confirm"]').exists()).toBe(true))
    expect(w.find('[data-test="import-write"]').attributes('disabled')).toBeDefined()
    await w.find('[data-test="import-confirm"] input[type="checkbox"]').setValue(true)
    await w.find('[data-test="import-write"]').trigger('click')
    await until(() => expect(router.currentRoute.value.name).toBe('plan-setup'))
    expect(s.calls(REPLACE)).toBe(1)
    expect(s.calls(WRITE)).toBe(0)
  })

  it('refuses a file over the limit at once, and says what the server could not read', async () => {
    const s = server()
    const { w } = await open()
    const input = w.find('input[type="file"][name="planDocument"]')
    expect(input.attributes('accept')).toContain('.docx')
    expect(input.attributes('accept')).toContain('.pdf')
    expect(input.attributes('accept')).toContain('.txt')
    const big = new File(['x'], 'ke-hoach.pdf', { type: 'application/pdf' })
    Object.defineProperty(big, 'size', { value: PLAN_DOCUMENT_MAX_BYTES + 1 })
    Object.defineProperty(input.element, 'files', { value: [big], configurable: true })
    await input.trigger('change')
    await settle()
    expect(w.find('[data-test="draft-input-error"]').text()).toContain('Tệp “ke-hoach.pdf” nặng')
    expect(w.find('[data-test="draft-input-error"]').text()).toContain('nên chưa gửi lên máy chủ')
    expect(s.calls(DRAFT)).toBe(0)

    s.answer(DRAFT, json(422, { code: 'unreadable_document', message: 'Không đọc được văn bản', details: [{ message: 'Tệp PDF không có lớp chữ (bản quét)' }] }))
    const scan = new File(['%PDF-1.7 scanned'], 'ban-quet.pdf', { type: 'application/pdf' })
    Object.defineProperty(input.element, 'files', { value: [scan], configurable: true })
    await input.trigger('change')
    await until(() => expect(w.find('[data-test="draft-input-error"]').text()).toContain('Tệp PDF không có lớp chữ (bản quét)'))
    expect(w.find('[data-test="draft-input-error"]').text()).toContain('dán vào ô “Dán nội dung kế hoạch”')
    const [sent] = s.requests(DRAFT)
    expect((sent!.headers as Record<string, string>)['content-type']).toBe('application/octet-stream')
    expect(await (sent!.body as Blob).text()).toBe('%PDF-1.7 scanned')
  })

  it('shows the server’s notes, and says when the document holds no target', async () => {
    const s = server()
    s.answer(DRAFT, json(200, { source: 'pdf', notes: ['Đã bỏ số trang'], draft: { ...DRAFTED, indicators: [], fields: [], issues: [], noTargets: true } } satisfies PlanDraftResponse))
    const { w } = await open()
    await paste(w)
    expect(w.find('[data-test="draft-notes"]').text()).toContain('Đã bỏ số trang')
    expect(w.find('[data-test="draft-no-targets"]').text()).toBe('Văn bản không giống kế hoạch: không tìm thấy chỉ tiêu nào.')
    expect(w.find('[data-test="draft-create"]').attributes('disabled')).toBeDefined()
  })
})
