import 'fake-indexeddb/auto'
// The officer's plan set-up screen (/quan-ly/:commune/ke-hoach), mounted in the whole app against
// a stand-in server that keeps the plans, checks bodies with the shared schema and answers the
// plan's own check (validatePlan), as the real routes do.
import type { VueWrapper } from '@vue/test-utils'
import * as v from 'valibot'
import { afterEach, describe, expect, it, vi } from 'vitest'
import tqt from '../../../src/server/demo/plans/truong-quang-trong-2022.json'
import type { CommunePlan } from '../../../src/client/api'
import { saveSession } from '../../../src/client/local/db'
import { IndicatorSchema, PlanSchema, type Plan, type Unit } from '../../../src/shared/model'
import { parseViNumber } from '../../../src/shared/numbers'
import { validatePlan } from '../../../src/shared/validation'
import { mountApp, settle, until } from '../app/harness'
import { fakeServer, json, officer } from '../fakeServer'
import { freshDb } from '../local/testDb'

const BASE = '/api/communes/pho-thuan'
const commune = { code: 'pho-thuan', name: 'Phổ Thuận', kind: 'xa' as const, district: 'Thị xã Đức Phổ', province: 'Quảng Ngãi' }
const UNITS: Unit[] = [
  { code: 'T1', name: 'Thôn Hải Tân', kind: 'thon' },
  { code: 'T2', name: 'Thôn Vĩnh Xuyên', kind: 'thon' },
  { code: 'CA', name: 'Công an xã', kind: 'cong_an' },
]
const YEARS = [2022, 2023, 2024, 2025]

/** A server holding the commune's plans, answering the plan set-up's calls. */
function planServer(initial: Plan[], units: Unit[] = UNITS) {
  const plans = new Map(initial.map((p) => [p.year, p]))
  let version = 1
  const server = fakeServer({ 'GET /api/auth/me': json(200, officer) })
  const years = () => [...plans.keys()].sort((a, b) => b - a)
  const view = (p: Plan): CommunePlan => ({ commune, units: units.map((u) => ({ ...u, active: true })), plan: p, version, years: years(), issues: validatePlan(p, units) })
  const invalid = (what: string, issues: v.BaseIssue<unknown>[]) => json(400, { code: 'invalid', message: `${what} không hợp lệ: ${issues[0]!.message}` })
  server.answer(`GET ${BASE}/units`, () => json(200, units.map((u) => ({ ...u, active: true, version: 1 }))))
  server.answer(`GET ${BASE}/plan`, () => (plans.size > 0 ? json(200, view(plans.get(years()[0]!)!)) : json(404, { code: 'not_found', message: 'Xã/phường chưa có kế hoạch' })))
  server.answer(`POST ${BASE}/plans`, (body) => {
    const r = v.safeParse(PlanSchema, body)
    if (!r.success) return invalid('Kế hoạch', r.issues)
    plans.set(r.output.year, r.output)
    return json(201, { year: r.output.year, version: ++version, issues: validatePlan(r.output, units) })
  })
  for (const y of YEARS) {
    server.answer(`GET ${BASE}/plan?year=${y}`, () => (plans.has(y) ? json(200, view(plans.get(y)!)) : json(404, { code: 'not_found', message: `Chưa có kế hoạch năm ${y}` })))
    server.answer(`PUT ${BASE}/plans/${y}`, (body) => {
      const r = v.safeParse(PlanSchema, body)
      if (!r.success) return invalid('Kế hoạch', r.issues)
      plans.set(y, r.output)
      return json(200, { year: y, version: ++version, issues: validatePlan(r.output, units) })
    })
  }
  return {
    ...server,
    plans,
    /** PUT and DELETE of one indicator `code` of `year`'s plan. */
    indicator(year: number, code: string) {
      server.answer(`PUT ${BASE}/plans/${year}/indicators/${code}`, (body) => {
        const r = v.safeParse(IndicatorSchema, body)
        if (!r.success) return invalid('Chỉ tiêu', r.issues)
        const plan = plans.get(year)!
        const at = plan.indicators.findIndex((i) => i.code === code)
        const indicators = at < 0 ? [...plan.indicators, r.output] : plan.indicators.map((i, n) => (n === at ? r.output : i))
        plans.set(year, { ...plan, indicators })
        return json(at < 0 ? 201 : 200, { year, version: ++version, issues: [], created: at < 0 })
      })
    },
  }
}

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

async function open(path: string) {
  const db = freshDb('plan-setup')
  await saveSession(db, officer)
  const m = await mountApp({ db, path })
  await until(() => expect(m.w.find('.setup').exists()).toBe(true))
  await settle()
  return m
}

const input = (w: VueWrapper, name: string) => w.find(`[name="${name}"]`)
async function type(w: VueWrapper, name: string, value: string): Promise<void> {
  const el = input(w, name)
  expect(el.exists(), name).toBe(true)
  await el.setValue(value)
  await el.trigger('change')
}
async function submit(w: VueWrapper, selector: string): Promise<void> {
  await w.find(selector).trigger('submit')
  await settle()
}
const button = (w: VueWrapper, text: string) => {
  const b = w.findAll('button').find((x) => x.text().includes(text))
  expect(b, text).toBeDefined()
  return b!
}

const TQT: Plan = v.parse(PlanSchema, tqt.plan)
const TQT_UNITS = tqt.units as Unit[]

describe('plan set-up', () => {
  it('creates a year’s plan from empty, then adds a field and an indicator with a range typed as "90 - 95"', async () => {
    const server = planServer([])
    const { w, router } = await open('/quan-ly/pho-thuan/ke-hoach?nam=2024')
    expect(w.find('#plan-setup-empty').text()).toBe('Chưa có kế hoạch năm 2024')
    expect(w.find('.copy-plan').exists()).toBe(false) // no earlier year to copy
    expect(w.find('.create-blank').text()).toBe('Tạo kế hoạch năm 2024')

    await w.find('.create-blank').trigger('click')
    await type(w, 'title', 'Kế hoạch phát động phong trào thi đua năm 2024')
    await type(w, 'number', '15/KH-UBND')
    await type(w, 'issuedOn', '2024-01-05')
    await type(w, 'movements', 'Thi đua quyết thắng\n\n  Vì an ninh Tổ quốc ')
    await button(w, 'Thêm đợt thi đua').trigger('click')
    await type(w, 'phases.0.from', '2024-01-01')
    await type(w, 'phases.0.to', '2024-06-30')
    await submit(w, '.header-form')
    const created = {
      year: 2024,
      number: '15/KH-UBND',
      issuedOn: '2024-01-05',
      title: 'Kế hoạch phát động phong trào thi đua năm 2024',
      movements: ['Thi đua quyết thắng', 'Vì an ninh Tổ quốc'],
      phases: [{ code: 'DOT1', name: 'Đợt 1', from: '2024-01-01', to: '2024-06-30' }],
      fields: [],
      indicators: [],
      rules: [],
    }
    expect(server.sent(`POST ${BASE}/plans`)).toEqual([created])
    await until(() => expect(w.find('.issues__none').exists()).toBe(true))
    expect(router.currentRoute.value.query.nam).toBe('2024')

    // A field: the plan as the server has it, with the field added.
    await type(w, 'newField.code', 'KT')
    await type(w, 'newField.name', 'Kinh tế')
    await submit(w, '.fields__add')
    expect(server.sent(`PUT ${BASE}/plans/2024`)).toEqual([{ ...created, fields: [{ code: 'KT', name: 'Kinh tế' }] }])
    await until(() => expect(w.find('[data-add-to="KT"]').exists()).toBe(true))

    // An indicator: a rate in %, its range typed whole in the first box.
    server.indicator(2024, 'GDVH_TL')
    await w.find('[data-add-to="KT"]').trigger('click')
    await type(w, 'code', 'GDVH_TL')
    await type(w, 'name', 'Tỷ lệ gia đình văn hóa')
    await type(w, 'unitOfMeasure', '%')
    await input(w, 'aggregation').setValue('rate')
    await input(w, 'target.kind').setValue('range')
    await type(w, 'target.min', '90 - 95')
    // Leaving the box spreads the range over its two boxes.
    expect((input(w, 'target.min').element as HTMLInputElement).value).toBe('90')
    expect((input(w, 'target.max').element as HTMLInputElement).value).toBe('95')
    await w.find('[name="reporters.kinds"][value="thon"]').setValue(true)
    await submit(w, '.editor form')
    expect(server.sent(`PUT ${BASE}/plans/2024/indicators/GDVH_TL`)).toEqual([
      {
        code: 'GDVH_TL',
        name: 'Tỷ lệ gia đình văn hóa',
        field: 'KT',
        unitOfMeasure: '%',
        aggregation: 'rate',
        scale: 100,
        proportion: true,
        target: { kind: 'range', min: 90, max: 95 },
        reporters: { kinds: ['thon'], units: [] },
      },
    ])
    await until(() => expect(w.find('[data-indicator="GDVH_TL"]').exists()).toBe(true))
    expect(w.find('.editor').exists()).toBe(false)
    expect(w.find('[data-indicator="GDVH_TL"]').text()).toContain('đạt 90 – 95%')
  })

  it('takes vi-VN numbers in the min and max boxes and per-unit targets, with children, formula and source', async () => {
    const server = planServer([{ ...TQT, year: 2024 }], TQT_UNITS)
    server.indicator(2024, 'KHOAI_SL')
    const { w } = await open('/quan-ly/pho-thuan/ke-hoach?nam=2024')
    await w.find('[data-add-to="II.1"]').trigger('click')
    await type(w, 'code', 'KHOAI_SL')
    await type(w, 'name', 'Sản lượng khoai')
    await type(w, 'unitOfMeasure', 'tấn')
    await input(w, 'target.kind').setValue('range')
    await type(w, 'target.min', '1.448,5')
    await type(w, 'target.max', '2.000')
    await input(w, 'childChoice').setValue('LUA_SL')
    await button(w, 'Thêm thành phần').trigger('click')
    await type(w, 'formula', 'LUA_SL + NGO_SL')
    expect(w.find('.editor__ok').text()).toContain('Công thức hợp lệ.')
    await input(w, 'partOf').setValue('LT_SL')
    await w.find('[name="reporters.units"][value="TDP01"]').setValue(true)
    await button(w, 'Thêm chỉ tiêu riêng').trigger('click')
    await input(w, 'unitTargets.0.unit').setValue('TDP01')
    await input(w, 'unitTargets.0.target.kind').setValue('at_least')
    await type(w, 'unitTargets.0.target.value', '700,25')
    await type(w, 'source', 'Khoai: sản lượng 1.448,5 – 2.000 tấn')
    await submit(w, '.editor form')
    expect(server.sent(`PUT ${BASE}/plans/2024/indicators/KHOAI_SL`)).toEqual([
      {
        code: 'KHOAI_SL',
        name: 'Sản lượng khoai',
        field: 'II.1',
        unitOfMeasure: 'tấn',
        aggregation: 'flow',
        proportion: true,
        target: { kind: 'range', min: 1448.5, max: 2000 },
        children: ['LUA_SL'],
        formula: 'LUA_SL + NGO_SL',
        partOf: 'LT_SL',
        reporters: { kinds: [], units: ['TDP01'] },
        unitTargets: { TDP01: { kind: 'at_least', value: 700.25 } },
        source: 'Khoai: sản lượng 1.448,5 – 2.000 tấn',
      },
    ])
  })

  it('shows a wrong number’s Vietnamese message and a formula’s error position, and sends nothing', async () => {
    const server = planServer([{ ...TQT, year: 2024 }], TQT_UNITS)
    server.indicator(2024, 'KHOAI_SL')
    const { w } = await open('/quan-ly/pho-thuan/ke-hoach?nam=2024')
    await w.find('[data-add-to="II.1"]').trigger('click')
    await type(w, 'code', 'LUA_SL') // taken
    await type(w, 'name', 'Sản lượng khoai')
    await type(w, 'unitOfMeasure', 'tấn')
    await w.find('[name="reporters.kinds"][value="to_dan_pho"]').setValue(true)
    await input(w, 'target.kind').setValue('at_least')
    await type(w, 'target.value', '1,448.5')
    await type(w, 'formula', 'LUA_SL * / 2')
    // The formula is checked as it is typed, before any save.
    expect(w.find('.editor__formula-check').text()).toContain('Công thức sai ở vị trí 10: không mong đợi “/”')
    await submit(w, '.editor form')
    expect(server.calls(`PUT ${BASE}/plans/2024/indicators/KHOAI_SL`)).toBe(0)
    const englishStyle = parseViNumber('1,448.5')
    expect(englishStyle.ok).toBe(false)
    expect(w.find('.editor').text()).toContain(!englishStyle.ok ? englishStyle.message : '')
    expect(w.find('.editor').text()).toContain('viết 1.448,5')
    expect(input(w, 'target.value').attributes('aria-invalid')).toBe('true')
    expect(w.find('.editor [role="alert"]').text()).toBe('Còn ô nhập chưa đúng, xem các dòng báo đỏ.')
    expect(w.find('.editor').text()).toContain('Đã có chỉ tiêu mã này.')
    expect(server.calls(`PUT ${BASE}/plans/2024/indicators/LUA_SL`)).toBe(0)

    // Corrected, it goes.
    await type(w, 'code', 'KHOAI_SL')
    await type(w, 'target.value', '1.448,5')
    await type(w, 'formula', '')
    await submit(w, '.editor form')
    expect(server.sent(`PUT ${BASE}/plans/2024/indicators/KHOAI_SL`)).toEqual([
      expect.objectContaining({ code: 'KHOAI_SL', target: { kind: 'at_least', value: 1448.5 }, reporters: { kinds: ['to_dan_pho'], units: [] } }),
    ])
  })

  it('gives a yes/no indicator its one kind of target, reported by named units', async () => {
    const server = planServer([{ ...TQT, year: 2024 }], TQT_UNITS)
    server.indicator(2024, 'ANTT')
    const { w } = await open('/quan-ly/pho-thuan/ke-hoach?nam=2024')
    await w.find('[data-add-to="II.3"]').trigger('click')
    await type(w, 'code', 'ANTT')
    await type(w, 'name', 'Giữ vững phường đạt chuẩn an toàn về an ninh trật tự')
    await type(w, 'unitOfMeasure', 'đạt/không đạt')
    await input(w, 'aggregation').setValue('yes_no')
    expect((input(w, 'target.kind').element as HTMLSelectElement).value).toBe('yes_no')
    expect(w.findAll('[name="target.kind"] option').map((o) => o.attributes('value'))).toEqual(['', 'yes_no'])
    await w.find('[name="reporters.units"][value="CA"]').setValue(true)
    await submit(w, '.editor form')
    expect(server.sent(`PUT ${BASE}/plans/2024/indicators/ANTT`)).toEqual([
      {
        code: 'ANTT',
        name: 'Giữ vững phường đạt chuẩn an toàn về an ninh trật tự',
        field: 'II.3',
        unitOfMeasure: 'đạt/không đạt',
        aggregation: 'yes_no',
        proportion: true,
        target: { kind: 'yes_no' },
        reporters: { kinds: [], units: ['CA'] },
      },
    ])
  })

  it('shows the server’s refusal next to the form and keeps everything typed for another try', async () => {
    const server = planServer([{ ...TQT, year: 2024 }], TQT_UNITS)
    const refusal = { code: 'invalid_plan', message: 'Kế hoạch chưa hợp lệ: Chỉ tiêu “Sản lượng khoai”: công thức dùng “LUA_SL” ...' }
    server.answer(`PUT ${BASE}/plans/2024/indicators/KHOAI_SL`, json(422, refusal))
    const { w } = await open('/quan-ly/pho-thuan/ke-hoach?nam=2024')
    await w.find('[data-add-to="II.1"]').trigger('click')
    await type(w, 'code', 'KHOAI_SL')
    await type(w, 'name', 'Sản lượng khoai')
    await type(w, 'unitOfMeasure', 'tấn')
    await input(w, 'target.kind').setValue('at_least')
    await type(w, 'target.value', '300')
    await w.find('[name="reporters.kinds"][value="to_dan_pho"]').setValue(true)
    await submit(w, '.editor form')
    await until(() => expect(w.find('.editor .server-error').exists()).toBe(true))
    expect(w.find('.editor .server-error').text()).toBe(`Chưa lưu được: ${refusal.message}`)
    expect((input(w, 'name').element as HTMLInputElement).value).toBe('Sản lượng khoai')
    expect((input(w, 'target.value').element as HTMLInputElement).value).toBe('300')

    server.indicator(2024, 'KHOAI_SL')
    await submit(w, '.editor form')
    await until(() => expect(w.find('[data-indicator="KHOAI_SL"]').exists()).toBe(true))
    expect(server.calls(`PUT ${BASE}/plans/2024/indicators/KHOAI_SL`)).toBe(2)
    expect(server.plans.get(2024)!.indicators.at(-1)).toMatchObject({ code: 'KHOAI_SL', target: { kind: 'at_least', value: 300 } })
  })

  it('copies last year’s plan and shows what must be entered again', async () => {
    const server = planServer([TQT], TQT_UNITS)
    const notes = ['Chỉ tiêu “Giá trị sản xuất”: nhập lại giá trị năm gốc 2022', 'Chỉ tiêu “Số hộ nghèo”: nhập lại số đầu năm']
    server.answer(`POST ${BASE}/plans/2023/copy`, () => {
      server.plans.set(2023, { ...TQT, year: 2023 })
      return json(201, { year: 2023, version: 9, issues: [], notes })
    })
    const { w, router } = await open('/quan-ly/pho-thuan/ke-hoach?nam=2023')
    expect(w.find('#plan-setup-empty').text()).toBe('Chưa có kế hoạch năm 2023')
    expect(w.find('.copy-plan').text()).toBe('Sao chép kế hoạch năm trước (2022)')
    await w.find('.copy-plan').trigger('click')
    await settle()
    expect(server.sent(`POST ${BASE}/plans/2023/copy`)).toEqual([{ from: 2022 }])
    await until(() => expect(w.find('.copy-notes').exists()).toBe(true))
    expect(w.find('.copy-notes').text()).toContain('Đã sao chép kế hoạch năm 2022 sang năm 2023. Cần nhập lại:')
    expect(w.findAll('.copy-notes li').map((li) => li.text())).toEqual(notes)
    expect(w.find('[data-indicator="LUA_NS"]').exists()).toBe(true)
    expect(router.currentRoute.value.query.nam).toBe('2023')
  })

  it('lists the plan’s check, opens the indicator an issue is about, and saves the header without dropping indicators', async () => {
    const server = planServer([TQT], TQT_UNITS)
    const { w } = await open('/quan-ly/pho-thuan/ke-hoach')
    const items = w.findAll('.issues__item')
    expect(items).toHaveLength(1)
    expect(items[0]!.text()).toContain('Lỗi')
    expect(items[0]!.text()).toContain('Chỉ tiêu “Năng suất lúa” ghi 65 nhưng Sản lượng lúa (1.448,5) × 10 ÷ Diện tích lúa (229) = 63,2533')
    await items[0]!.find('button').trigger('click')
    await settle()
    const editor = w.find('[data-indicator="LUA_NS"] .editor')
    expect(editor.exists()).toBe(true)
    expect((editor.find('[name="code"]').element as HTMLInputElement).value).toBe('LUA_NS')
    expect(editor.find('[name="code"]').attributes('readonly')).toBeDefined()
    expect((editor.find('[name="formula"]').element as HTMLInputElement).value).toBe('LUA_SL * 10 / LUA_DT')
    expect((editor.find('[name="target.kind"]').element as HTMLSelectElement).value).toBe('derived')
    expect((editor.find('[name="target.derivedValue"]').element as HTMLInputElement).value).toBe('65')

    // The header, saved onto the plan as the server has it: every indicator stays.
    await type(w, 'signedBy', 'Nguyễn Văn Bình')
    await submit(w, '.header-form')
    expect(server.sent(`PUT ${BASE}/plans/2022`)).toEqual([{ ...TQT, signedBy: 'Nguyễn Văn Bình' }])
    await until(() => expect(w.find('.header-form .notice--ok').exists()).toBe(true))
  })

  it('refuses to delete a field that still holds indicators, saying why; deletes an empty one after confirming', async () => {
    const server = planServer([{ ...TQT, fields: [...TQT.fields, { code: 'II.5', name: 'Lĩnh vực trống' }] }], TQT_UNITS)
    const { w } = await open('/quan-ly/pho-thuan/ke-hoach?nam=2022')
    const row = (code: string) => w.find(`[data-field="${code}"]`)
    await row('II.1').findAll('button').find((b) => b.text().startsWith('Xóa'))!.trigger('click')
    const used = TQT.indicators.filter((i) => i.field === 'II.1').length
    expect(row('II.1').find('[role="alert"]').text()).toBe(
      `Không xóa được lĩnh vực “Thi đua phát triển kinh tế; xây dựng kết cấu hạ tầng đô thị, tài nguyên, môi trường”: còn ${used} chỉ tiêu thuộc lĩnh vực này. Chuyển hoặc xóa các chỉ tiêu đó trước.`,
    )
    expect(server.calls(`PUT ${BASE}/plans/2022`)).toBe(0)

    const remove = () => row('II.5').findAll('button').find((b) => b.text().startsWith('Xóa'))!
    await remove().trigger('click')
    expect(remove().text()).toContain('Xóa thật?')
    await remove().trigger('click')
    await settle()
    expect(server.sent(`PUT ${BASE}/plans/2022`)).toEqual([TQT])
    await until(() => expect(row('II.5').exists()).toBe(false))
  })
})
