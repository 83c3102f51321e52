import { mount } from '@vue/test-utils'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import PlanView from '../../src/client/components/plan/PlanView.vue'
import { createAppI18n, setLocale } from '../../src/client/modules/i18n'
import { PlanSchema, type Commune, type Plan, type Unit } from '../../src/shared/model'
import type { ValidationIssue } from '../../src/shared/validation'

const commune: Commune = { code: 'pho-thuan', name: 'Phổ Thuận', kind: 'xa', district: 'Thị xã Đức Phổ', province: 'Quảng Ngãi' }

const units: Unit[] = [
  { code: 'T1', name: 'Thôn Hải Tân', kind: 'thon' },
  { code: 'T2', name: 'Thôn Vĩnh Xuyên', kind: 'thon' },
  { code: 'YT', name: 'Trạm y tế xã', kind: 'tram_y_te' },
  { code: 'CA', name: 'Công an xã', kind: 'cong_an' },
]

type IndicatorInput = v.InferInput<typeof PlanSchema>['indicators'][number]

const indicator = (i: Partial<IndicatorInput> & Pick<IndicatorInput, 'code' | 'name' | 'field'>): IndicatorInput => ({
  unitOfMeasure: '%',
  aggregation: 'rate',
  scale: 100,
  reporters: { kinds: ['thon'], units: [] },
  ...i,
})

// Written as a plan file would state it; the schema fills in the defaults, as the server does.
const plan: Plan = v.parse(PlanSchema, {
  year: 2023,
  number: '71/KH-UBND',
  issuedOn: '2022-12-22',
  title: 'Kế hoạch phát động phong trào thi đua năm 2023',
  theme: 'Đoàn kết, sáng tạo, thi đua hoàn thành thắng lợi nhiệm vụ năm 2023',
  movements: [],
  phases: [
    { code: 'D1', name: 'Đợt 1', from: '2023-01-01', to: '2023-06-30' },
    { code: 'D2', name: 'Đợt 2', from: '2023-07-01', to: '2023-12-31' },
  ],
  fields: [
    { code: 'KT', name: 'Kinh tế' },
    { code: 'VHXH', name: 'Văn hóa – xã hội' },
    { code: 'YT', name: 'Y tế', parent: 'VHXH' },
    { code: 'ANQP', name: 'Quốc phòng – an ninh' },
  ],
  indicators: [
    indicator({ code: 'LT', name: 'Tổng sản lượng lương thực', field: 'KT', unitOfMeasure: 'tấn', aggregation: 'flow', scale: undefined, children: ['LUA'], target: { kind: 'at_least', value: 1500 } }),
    indicator({ code: 'LUA', name: 'Sản lượng lúa', field: 'KT', unitOfMeasure: 'tấn', aggregation: 'flow', scale: undefined, target: { kind: 'derived', value: 1448.5 } }),
    indicator({
      code: 'SDD',
      name: 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng',
      field: 'YT',
      target: { kind: 'at_most', value: 5.6, strict: true },
      reporters: { kinds: ['tram_y_te'], units: [] },
    }),
    indicator({ code: 'BHYT', name: 'Tỷ lệ dân số tham gia BHYT', field: 'YT', target: { kind: 'rate_at_least', value: 95 } }),
    indicator({
      code: 'ANTT',
      name: 'Giữ vững xã đạt tiêu chuẩn “An toàn về an ninh trật tự”',
      field: 'ANQP',
      unitOfMeasure: 'đạt/không',
      aggregation: 'yes_no',
      scale: undefined,
      target: { kind: 'yes_no' },
      reporters: { kinds: [], units: ['CA'] },
    }),
  ],
  rules: [],
} satisfies v.InferInput<typeof PlanSchema>)

const issues: ValidationIssue[] = [
  {
    code: 'derived_mismatch',
    severity: 'error',
    refs: ['LUA'],
    message: 'Chỉ tiêu “Sản lượng lúa” ghi 1.448,5 nhưng theo công thức LUA_DT * LUA_NS / 10 là 1.488,5',
  },
]

const mountPlan = (props: Partial<{ issues: ValidationIssue[]; plan: Plan }> = {}) =>
  mount(PlanView, { props: { commune, units, plan, issues, ...props }, global: { plugins: [createAppI18n('vi')] } })

describe('PlanView', () => {
  it('shows the header: commune, number, date as dd/mm/yyyy, title and theme', () => {
    const text = mountPlan().find('header').text()
    expect(text).toContain('Xã Phổ Thuận')
    expect(text).toContain('Số 71/KH-UBND')
    expect(text).toContain('22/12/2022')
    expect(text).toContain('Đoàn kết, sáng tạo')
    expect(mountPlan().find('h1').text()).toBe(plan.title)
  })

  it('lists the phases with their dates', () => {
    const phases = mountPlan().findAll('.plan__phases li').map((li) => li.text())
    expect(phases).toEqual(['Đợt 1: 01/01/2023 – 30/06/2023', 'Đợt 2: 01/07/2023 – 31/12/2023'])
  })

  it('renders fields as headings, nested fields one level down', () => {
    const w = mountPlan()
    expect(w.findAll('h2.field__title').map((h) => h.text())).toEqual(['Kinh tế', 'Văn hóa – xã hội', 'Quốc phòng – an ninh'])
    expect(w.findAll('h3.field__title').map((h) => h.text())).toEqual(['Y tế'])
  })

  it('shows each indicator with its described target, unit of measure and reporters', () => {
    const rows = mountPlan().findAll('li.indicator')
    expect(rows.map((r) => r.find('.indicator__name').text())).toEqual(plan.indicators.map((i) => i.name))
    const row = (code: string) => rows[plan.indicators.findIndex((i) => i.code === code)]!.text()
    expect(row('SDD')).toContain('dưới 5,6%')
    expect(row('SDD')).toContain('Trạm y tế xã')
    expect(row('BHYT')).toContain('đạt 95% trở lên')
    expect(row('BHYT')).toContain('2 thôn')
    expect(row('LT')).toContain('đạt 1.500 tấn trở lên')
    expect(row('LUA')).toContain('1.448,5 tấn')
    expect(row('ANTT')).toContain('Công an xã')
  })

  it('indents an indicator that is part of another in the same field', () => {
    const rows = mountPlan().findAll('li.indicator')
    expect(rows[0]!.classes()).not.toContain('indicator--sub')
    expect(rows[1]!.classes()).toContain('indicator--sub')
  })

  it('shows the plan issues in a warning box above the fields', () => {
    const w = mountPlan()
    const box = w.find('.plan-issues')
    expect(box.exists()).toBe(true)
    expect(box.find('h2').text()).toContain('Kế hoạch có 1 điểm cần xem lại')
    expect(box.text()).toContain('1.488,5')
    expect(w.html().indexOf('plan-issues')).toBeLessThan(w.html().indexOf('field__title'))
  })

  it('shows no warning box for a plan without issues', () => {
    expect(mountPlan({ issues: [] }).find('.plan-issues').exists()).toBe(false)
  })

  it('says so when the plan has no indicators yet', () => {
    const w = mountPlan({ plan: { ...plan, indicators: [] } })
    expect(w.text()).toContain('Kế hoạch chưa có chỉ tiêu nào.')
  })
})

describe('PlanView in English', () => {
  it('words its headings and facts in the chosen language', async () => {
    const i18n = createAppI18n('vi')
    await setLocale(i18n, 'en', false)
    const text = mount(PlanView, { props: { commune, units, plan, issues: [] }, global: { plugins: [i18n] } }).text()
    expect(text).toContain('No. 71/KH-UBND')
    expect(text).toContain('Reported by')
    expect(text).not.toContain('Đơn vị tính')
  })
})
