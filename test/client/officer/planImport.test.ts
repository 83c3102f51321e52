import 'fake-indexeddb/auto'
// The plan screen's files (/quan-ly/:commune/ke-hoach): downloads of the plan and the blank
// template, and the import of a plan file: size check before sending, the server's preview with
// every problem by sheet / row / column, writing only a clean file, and the explicit confirmation
// before a plan that has reported figures is replaced. Mounted in the whole app against a
// stand-in server (test/client/fakeServer.ts).
import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CommunePlan } from '../../../src/client/api'
import { saveSession } from '../../../src/client/local/db'
import type { Plan, Unit } from '../../../src/shared/model'
import { PLAN_FILE_MAX_BYTES, type PlanImportPreview, type PlanImportResult } from '../../../src/shared/planImport'
import { mountApp, settle, until } from '../app/harness'
import { fakeServer, json, officer } from '../fakeServer'
import { freshDb } from '../local/testDb'

const BASE = '/api/communes/pho-thuan'
const PREVIEW = `POST ${BASE}/plans/2024/import?mode=preview`
const WRITE = `POST ${BASE}/plans/2024/import?mode=write`
const REPLACE = `POST ${BASE}/plans/2024/import?mode=write&replace=1`
const commune = { code: 'pho-thuan', name: 'Phổ Thuận', kind: 'xa' as const, district: 'Thị xã Đức Phổ', province: 'Quảng Ngãi' }
const UNITS: Unit[] = [{ code: 'T1', name: 'Thôn Hải Tân', kind: 'thon' }]

const FILE_PLAN: Plan = {
  year: 2024,
  number: '12/KH-UBND',
  title: 'Kế hoạch phát động phong trào thi đua năm 2024',
  movements: [],
  phases: [{ code: 'DOT1', name: 'Đợt 1', from: '2024-01-01', to: '2024-06-30' }],
  fields: [
    { code: 'KT', name: 'Kinh tế' },
    { code: 'VH', name: 'Văn hóa – xã hội' },
  ],
  indicators: [
    { code: 'LUA_SL', name: 'Sản lượng lúa', field: 'KT', unitOfMeasure: 'tấn', aggregation: 'flow', proportion: true, target: { kind: 'at_least', value: 1448.5 }, reporters: { kinds: ['thon'], units: [] } },
    { code: 'BHYT_TL', name: 'Tỷ lệ dân số tham gia BHYT', field: 'VH', unitOfMeasure: '%', aggregation: 'rate', scale: 100, proportion: true, target: { kind: 'rate_at_least', value: 95 }, reporters: { kinds: ['thon'], units: [] } },
  ],
  rules: [],
}

function cleanPreview(over: Partial<PlanImportPreview> = {}): PlanImportPreview {
  return {
    format: 'xlsx',
    year: 2024,
    plan: FILE_PLAN,
    newUnits: [{ code: 'T2', name: 'Thôn Vĩnh Xuyên', kind: 'thon' }],
    newPeriods: [],
    problems: [],
    warnings: [],
    existing: null,
    notes: ['Tệp là kế hoạch năm 2023; đã chuyển sang năm 2024.'],
    ...over,
  }
}

const PROBLEMS: PlanImportPreview['problems'] = [
  { sheet: 'Chỉ tiêu', row: 7, column: 'F', message: '“13,345” không rõ là 13,345 hay 13.345: ghi 13,345 (mười ba phẩy ba bốn lăm) hoặc 13345' },
  { sheet: 'Chỉ tiêu', row: 9, column: 'C', message: 'Chỉ tiêu thuộc lĩnh vực “XX” không có trong trang Lĩnh vực' },
]

const viewOf = (plan: Plan): CommunePlan => ({ commune, units: UNITS.map((u) => ({ ...u, active: true })), plan, version: 2, years: [plan.year], issues: [] })

/** A commune with no plan for 2024 (or `initial`), answering the plan screen's reads. */
function server(initial: Plan | null = null) {
  let plan = initial
  const s = fakeServer({ 'GET /api/auth/me': json(200, officer) })
  s.answer(`GET ${BASE}/units`, () => json(200, UNITS.map((u) => ({ ...u, active: true, version: 1 }))))
  s.answer(`GET ${BASE}/plan`, () => (plan ? json(200, viewOf(plan)) : json(404, { code: 'not_found', message: 'Xã/phường chưa có kế hoạch' })))
  s.answer(`GET ${BASE}/plan?year=2024`, () => (plan ? json(200, viewOf(plan)) : json(404, { code: 'not_found', message: 'Chưa có kế hoạch năm 2024' })))
  return {
    ...s,
    setPlan(p: Plan) {
      plan = p
    },
    /** The requests made to `key`: their headers and bodies (the file's bytes). */
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

async function open() {
  const db = freshDb('plan-import')
  await saveSession(db, officer)
  const m = await mountApp({ db, path: '/quan-ly/pho-thuan/ke-hoach?nam=2024' })
  await until(() => expect(m.w.find('[data-test="plan-files"]').exists()).toBe(true))
  await settle()
  return m
}

/** Chooses `file` in the file input, as the officer does in the browser's dialog. */
async function choose(w: VueWrapper, file: File): Promise<void> {
  const input = w.find('input[type="file"]')
  expect(input.attributes('accept')).toContain('.xlsx')
  expect(input.attributes('accept')).toContain('.json')
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
  await settle()
}

const xlsx = (name = 'ke-hoach-2024.xlsx', content = 'PK\u0003\u0004 workbook bytes') => new File([content], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
const button = (w: VueWrapper, text: string) => {
  const b = w.findAll('button').find((x) => x.text() === text)
  expect(b, text).toBeDefined()
  return b!
}
const writeButton = (w: VueWrapper) => w.find('[data-test="import-write"]')

describe('the plan screen’s files', () => {
  it('lists every problem of a file by sheet, row and column, and writes nothing until a clean file is chosen', async () => {
    const s = server()
    s.answer(PREVIEW, json(200, cleanPreview({ problems: PROBLEMS, warnings: [{ sheet: 'Chỉ tiêu', row: 4, column: 'E', message: 'Đơn vị tính “Tấn” được hiểu là “tấn”' }] })))
    const { w } = await open()
    expect(w.find('#plan-setup-empty').text()).toBe('Chưa có kế hoạch năm 2024')
    // No plan yet: the template and the import, not the plan's own downloads.
    expect(w.find('[data-download="template"]').text()).toBe('Tải mẫu Excel trống')
    expect(w.find('[data-download="xlsx"]').exists()).toBe(false)
    expect(w.find('[data-download="json"]').exists()).toBe(false)
    expect(button(w, 'Nhập từ tệp…').exists()).toBe(true)

    const file = xlsx()
    await choose(w, file)
    await until(() => expect(w.find('[data-test="import-preview"]').exists()).toBe(true))
    // The file's bytes went as they are.
    const [sent] = s.requests(PREVIEW)
    expect((sent!.headers as Record<string, string>)['content-type']).toBe('application/octet-stream')
    expect(await (sent!.body as Blob).text()).toBe(await file.text())

    const rows = w.findAll('[data-test="import-problem"]').map((r) => r.findAll('td').map((td) => td.text()))
    expect(rows).toEqual([
      ['Chỉ tiêu', '7', 'F', PROBLEMS[0]!.message],
      ['Chỉ tiêu', '9', 'C', PROBLEMS[1]!.message],
    ])
    expect(w.find('[data-test="import-problems"] thead').text()).toMatch(/Trang tính.*Dòng.*Cột.*Lý do/s)
    expect(w.find('[data-test="import-problems"]').text()).toContain('Tệp có 2 lỗi nên sẽ không ghi gì')
    expect(w.find('[data-test="import-warnings"]').text()).toContain('Đơn vị tính “Tấn” được hiểu là “tấn”')
    expect(writeButton(w).attributes('disabled')).toBeDefined()
    await writeButton(w).trigger('click')
    await settle()
    expect(s.calls(WRITE)).toBe(0)

    // The officer fixes the file and chooses it again (the same name): a clean preview.
    s.answer(PREVIEW, json(200, cleanPreview()))
    await button(w, 'Chọn tệp khác').trigger('click')
    await choose(w, xlsx('ke-hoach-2024.xlsx', 'PK fixed'))
    await until(() => expect(w.find('[data-test="import-problems"]').exists()).toBe(false))
    expect(s.calls(PREVIEW)).toBe(2)
    expect(writeButton(w).attributes('disabled')).toBeUndefined()
  })

  it('writes a clean file, says what it created and shows the plan read again', async () => {
    const s = server()
    s.answer(PREVIEW, json(200, cleanPreview({ newPeriods: [{ code: '2024-DOT1', kind: 'phase', year: 2024, from: '2024-01-01', to: '2024-06-30', deadline: '2024-07-05', locked: false }] })))
    const result: PlanImportResult = { year: 2024, version: 2, created: true, unitsCreated: ['T2'], periodsCreated: ['2024-DOT1'], issues: [] }
    s.answer(WRITE, () => {
      s.setPlan(FILE_PLAN)
      return json(201, result)
    })
    const { w, router } = await open()
    const file = xlsx()
    await choose(w, file)
    await until(() => expect(w.find('[data-test="import-preview"]').exists()).toBe(true))

    const preview = w.find('[data-test="import-preview"]')
    expect(preview.text()).toContain('Xem trước: kế hoạch trong tệp “ke-hoach-2024.xlsx”')
    expect(preview.text()).toContain('chưa ghi gì')
    expect(w.find('[data-test="import-summary"]').text()).toContain('Kế hoạch phát động phong trào thi đua năm 2024')
    expect(w.find('[data-test="import-summary"]').text()).toContain('12/KH-UBND')
    expect(w.find('[data-test="import-counts"]').text()).toBe('2 lĩnh vực, 2 chỉ tiêu, 1 đợt thi đua')
    expect(preview.text()).toContain('01/01/2024 – 30/06/2024')
    expect(preview.findAll('.import-preview__field').map((f) => f.text())).toEqual(['KT Kinh tế', 'VH Văn hóa – xã hội'])
    expect(preview.find('[data-indicator="LUA_SL"]').text()).toBe('LUA_SL Sản lượng lúa (tấn): đạt 1.448,5 tấn trở lên')
    expect(preview.find('[data-indicator="BHYT_TL"]').text()).toBe('BHYT_TL Tỷ lệ dân số tham gia BHYT (%): đạt 95% trở lên')
    expect(w.find('[data-test="import-new-units"]').text()).toContain('Thôn Vĩnh Xuyên (thôn, T2)')
    expect(w.find('[data-test="import-new-periods"]').text()).toContain('2024-DOT1')
    expect(preview.text()).toContain('Tệp là kế hoạch năm 2023; đã chuyển sang năm 2024.')
    expect(w.find('[data-test="import-confirm"]').exists()).toBe(false)

    const reads = s.calls(`GET ${BASE}/plan?year=2024`)
    await writeButton(w).trigger('click')
    await until(() => expect(w.find('[data-test="import-done"]').exists()).toBe(true))
    expect(s.calls(WRITE)).toBe(1)
    expect(s.calls(REPLACE)).toBe(0)
    expect(await (s.requests(WRITE)[0]!.body as Blob).text()).toBe(await file.text())
    expect(w.find('[data-test="import-done"]').text()).toContain('Đã tạo kế hoạch năm 2024 từ tệp.')
    expect(w.find('[data-test="import-done"]').text()).toContain('Đã tạo 1 đơn vị mới: T2.')
    expect(w.find('[data-test="import-done"]').text()).toContain('Đã tạo 1 kỳ báo cáo mới: 2024-DOT1.')
    expect(w.find('[data-test="import-preview"]').exists()).toBe(false)
    // The screen read the plan again: the indicators are there, the plan's downloads too.
    expect(s.calls(`GET ${BASE}/plan?year=2024`)).toBeGreaterThan(reads)
    await until(() => expect(w.find('#plan-setup-empty').exists()).toBe(false))
    expect(w.text()).toContain('Sản lượng lúa')
    expect(w.find('[data-download="xlsx"]').text()).toBe('Tải kế hoạch (Excel)')
    expect(w.find('[data-download="json"]').text()).toBe('Tải kế hoạch (JSON)')
    expect(router.currentRoute.value.query.nam).toBe('2024')
  })

  it('asks before replacing a plan that has reported figures, then sends replace=1', async () => {
    const s = server(FILE_PLAN)
    s.answer(PREVIEW, json(200, cleanPreview({ format: 'json', existing: { indicators: 2, values: 17 } })))
    s.answer(REPLACE, json(200, { year: 2024, version: 3, created: false, unitsCreated: [], periodsCreated: [], issues: [] } satisfies PlanImportResult))
    const { w } = await open()
    await choose(w, new File(['{"format":"thi-dua.plan/1"}'], 'ke-hoach.json', { type: 'application/json' }))
    await until(() => expect(w.find('[data-test="import-confirm"]').exists()).toBe(true))
    expect(w.find('[data-test="import-confirm"]').text()).toContain('Kế hoạch năm 2024 đã có 17 số liệu báo cáo. Thay bằng kế hoạch trong tệp?')
    expect(writeButton(w).attributes('disabled')).toBeDefined()

    await w.find('[data-test="import-confirm"] input[type="checkbox"]').setValue(true)
    expect(writeButton(w).attributes('disabled')).toBeUndefined()
    await writeButton(w).trigger('click')
    await until(() => expect(w.find('[data-test="import-done"]').exists()).toBe(true))
    expect(s.calls(REPLACE)).toBe(1)
    expect(s.calls(WRITE)).toBe(0)
    expect(w.find('[data-test="import-done"]').text()).toContain('Đã thay kế hoạch năm 2024 bằng kế hoạch trong tệp.')
    expect(w.find('[data-test="import-done"]').text()).toContain('Không cần tạo thêm đơn vị hay kỳ báo cáo nào.')
  })

  it('asks for the confirmation when figures were reported between the preview and the write (409)', async () => {
    const s = server(FILE_PLAN)
    s.answer(PREVIEW, json(200, cleanPreview({ existing: { indicators: 2, values: 0 } })))
    s.answer(WRITE, json(409, { code: 'plan_has_reports', message: 'Kế hoạch năm 2024 đã có 3 số liệu báo cáo' }))
    s.answer(REPLACE, json(200, { year: 2024, version: 3, created: false, unitsCreated: [], periodsCreated: [], issues: [] } satisfies PlanImportResult))
    const { w } = await open()
    await choose(w, xlsx())
    await until(() => expect(w.find('[data-test="import-preview"]').exists()).toBe(true))
    expect(w.find('[data-test="import-preview"]').text()).toContain('Năm 2024 đã có kế hoạch (2 chỉ tiêu). Ghi sẽ thay kế hoạch đó')
    await writeButton(w).trigger('click')
    await until(() => expect(w.find('[data-test="import-confirm"]').exists()).toBe(true))
    expect(w.find('[data-test="import-error"]').text()).toContain('Kế hoạch năm 2024 đã có số liệu báo cáo')
    expect(writeButton(w).attributes('disabled')).toBeDefined()
    await w.find('[data-test="import-confirm"] input[type="checkbox"]').setValue(true)
    await writeButton(w).trigger('click')
    await until(() => expect(w.find('[data-test="import-done"]').exists()).toBe(true))
    expect([s.calls(WRITE), s.calls(REPLACE)]).toEqual([1, 1])
  })

  it('refuses a file over the limit at once, in Vietnamese, without sending anything', async () => {
    const s = server()
    const { w } = await open()
    const before = s.fetch.mock.calls.length
    await choose(w, new File([new Uint8Array(PLAN_FILE_MAX_BYTES + PLAN_FILE_MAX_BYTES * 0.3)], 'qua-lon.xlsx'))
    expect(w.find('[data-test="import-error"]').text()).toBe(
      'Tệp “qua-lon.xlsx” nặng 6,5 MB, quá giới hạn 5 MB nên chưa gửi lên máy chủ. Kế hoạch thường chỉ vài trăm KB: kiểm tra lại xem có chọn đúng tệp không.',
    )
    expect(s.fetch.mock.calls.length).toBe(before)
    expect(s.calls(PREVIEW)).toBe(0)
    expect(w.find('[data-test="import-preview"]').exists()).toBe(false)
  })

  it('words every failure in Vietnamese: the network, 413, 5xx, and 422 with the problems found at writing', async () => {
    const s = server()
    const { w } = await open()

    s.answer(PREVIEW, () => Promise.reject(new TypeError('Failed to fetch')))
    await choose(w, xlsx())
    expect(w.find('[data-test="import-error"]').text()).toBe('Chưa xem trước được tệp: Mất kết nối mạng. Kiểm tra kết nối rồi thử lại.')

    s.answer(PREVIEW, json(413, { code: 'payload_too_large', message: 'Request body is too large' }))
    await choose(w, xlsx())
    expect(w.find('[data-test="import-error"]').text()).toBe('Chưa xem trước được tệp: Máy chủ không nhận tệp lớn hơn 5 MB.')

    s.answer(PREVIEW, new Response('<html>Bad gateway</html>', { status: 502 }))
    await choose(w, xlsx())
    expect(w.find('[data-test="import-error"]').text()).toBe('Chưa xem trước được tệp: Máy chủ đang gặp sự cố. Vui lòng thử lại sau.')
    expect(w.find('[data-test="import-preview"]').exists()).toBe(false)

    // A clean preview, but the server finds problems when writing: they replace the list, nothing is written.
    s.answer(PREVIEW, json(200, cleanPreview()))
    s.answer(WRITE, json(422, { code: 'invalid_plan_file', message: 'Tệp kế hoạch có 1 lỗi', details: [PROBLEMS[0]] }))
    await choose(w, xlsx())
    await until(() => expect(w.find('[data-test="import-preview"]').exists()).toBe(true))
    expect(w.find('[data-test="import-error"]').exists()).toBe(false)
    await writeButton(w).trigger('click')
    await until(() => expect(w.find('[data-test="import-problem"]').exists()).toBe(true))
    expect(w.find('[data-test="import-error"]').text()).toBe('Máy chủ thấy tệp có lỗi nên chưa ghi gì; xem bảng lỗi bên dưới.')
    expect(w.findAll('[data-test="import-problem"]').map((r) => r.find('[data-col="column"]').text())).toEqual(['F'])
    expect(writeButton(w).attributes('disabled')).toBeDefined()

    // A 5xx at writing keeps the preview, to try again.
    s.answer(PREVIEW, json(200, cleanPreview()))
    s.answer(WRITE, json(500, { code: 'internal', message: 'boom' }))
    await choose(w, xlsx())
    await until(() => expect(writeButton(w).attributes('disabled')).toBeUndefined())
    await writeButton(w).trigger('click')
    await until(() => expect(w.find('[data-test="import-error"]').exists()).toBe(true))
    expect(w.find('[data-test="import-error"]').text()).toBe('Chưa ghi được kế hoạch: Máy chủ đang gặp sự cố. Vui lòng thử lại sau.')
    expect(w.find('[data-test="import-preview"]').exists()).toBe(true)
  })

  it('a JSON file’s problems name their path', async () => {
    const s = server()
    s.answer(PREVIEW, json(200, cleanPreview({ format: 'json', plan: null, problems: [{ path: 'plan.indicators.3.target.value', message: 'Phải là một số' }] })))
    const { w } = await open()
    await choose(w, new File(['{}'], 'ke-hoach.json', { type: 'application/json' }))
    await until(() => expect(w.find('[data-test="import-problem"]').exists()).toBe(true))
    expect(w.find('[data-test="import-problem"]').findAll('td').map((td) => td.text())).toEqual(['—', '—', 'plan.indicators.3.target.value', 'Phải là một số'])
    // The table says why there is no plan to show.
    expect(w.find('[data-test="import-preview"]').text()).not.toContain('Không đọc được kế hoạch trong tệp.')
    expect(w.find('[data-test="import-summary"]').exists()).toBe(false)
    expect(writeButton(w).attributes('disabled')).toBeDefined()
  })

  it('downloads the blank template and the plan through the dashboard’s download, and words a refusal', async () => {
    const s = server(FILE_PLAN)
    const saved: string[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:thidua/1')
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download)
    })
    const xlsxType = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }
    s.answer(`GET ${BASE}/plans/template.xlsx?year=2024`, new Response('PK', { status: 200, headers: { ...xlsxType, 'content-disposition': `attachment; filename="mau.xlsx"; filename*=UTF-8''M%E1%BA%ABu%20k%E1%BA%BF%20ho%E1%BA%A1ch%202024.xlsx` } }))
    s.answer(`GET ${BASE}/plans/2024/export.xlsx`, new Response('PK', { status: 200, headers: xlsxType }))
    s.answer(`GET ${BASE}/plans/2024/export.json`, json(403, { code: 'forbidden', message: 'Không có quyền tải kế hoạch của xã này' }))
    const { w } = await open()

    await w.find('[data-download="template"]').trigger('click')
    await until(() => expect(saved).toEqual(['Mẫu kế hoạch 2024.xlsx']))
    await until(() => expect(w.find('[data-test="plan-files"]').text()).toContain('Đã tải về tệp Mẫu kế hoạch 2024.xlsx.'))
    await w.find('[data-download="xlsx"]').trigger('click')
    await until(() => expect(saved).toEqual(['Mẫu kế hoạch 2024.xlsx', 'ke-hoach-pho-thuan-2024.xlsx']))
    await w.find('[data-download="json"]').trigger('click')
    await until(() => expect(w.find('[data-test="download-error"]').exists()).toBe(true))
    expect(w.find('[data-test="download-error"]').text()).toBe('Chưa tải được tệp: Không có quyền tải kế hoạch của xã này')
    expect(saved).toHaveLength(2)
  })
})
