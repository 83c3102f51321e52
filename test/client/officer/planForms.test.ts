// The plan set-up forms' logic: a target typed in vi-VN numbers and back, an indicator's draft and
// the Indicator it saves as (every indicator of the three seed plans survives the round trip), and
// the header and field changes applied to the plan as the server has it.
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import phoThuan from '../../../src/server/demo/plans/pho-thuan-2023.json'
import traPhong from '../../../src/server/demo/plans/tra-phong-2022.json'
import tqt from '../../../src/server/demo/plans/truong-quang-trong-2022.json'
import { draftToIndicator, emptyIndicatorDraft, indicatorToDraft } from '../../../src/client/officer/plan/indicatorForm'
import { addField, removeField, updateField, withHeader } from '../../../src/client/officer/plan/planEdits'
import { PlanRefusal } from '../../../src/client/officer/plan/save'
import { draftToTarget, emptyTargetDraft, splitRange, targetToDraft } from '../../../src/client/officer/plan/targetForm'
import { PlanSchema, type Plan } from '../../../src/shared/model'
import { fill } from '../../../src/shared/messages'
import numbersEn from '../../../src/shared/numberMessages.en'
import { parseViNumber } from '../../../src/shared/numbers'

const seeds: Plan[] = [phoThuan, traPhong, tqt].map((f) => v.parse(PlanSchema, f.plan))
const say = (key: string, params?: Record<string, unknown>) => `${key} ${JSON.stringify(params ?? {})}`

describe('targets typed in vi-VN numbers', () => {
  it('reads a range typed whole ("90 - 95", "90 – 95%") or in its two boxes ("1.448,5" … "2.000")', () => {
    expect(splitRange('90 - 95')).toEqual(['90', '95'])
    expect(splitRange('0,2 – 0,5%')).toEqual(['0,2', '0,5%'])
    expect(splitRange('-5 - 5')).toEqual(['-5', '5'])
    expect(splitRange('1.448,5')).toBeUndefined()
    expect(splitRange('-3')).toBeUndefined()
    const whole = { ...emptyTargetDraft(), kind: 'range' as const, min: '90 – 95%' }
    expect(draftToTarget(whole, '%')).toEqual({ ok: true, value: { kind: 'range', min: 90, max: 95 } })
    const boxes = { ...emptyTargetDraft(), kind: 'range' as const, min: '1.448,5', max: '2.000' }
    expect(draftToTarget(boxes, 'tấn')).toEqual({ ok: true, value: { kind: 'range', min: 1448.5, max: 2000 } })
  })

  it('refuses an English-style or ambiguous number with parseViNumber’s Vietnamese message, and a range upside down', () => {
    const english = draftToTarget({ ...emptyTargetDraft(), kind: 'at_least', value: '1,448.5' }, 'tấn')
    expect(english).toEqual({ ok: false, errors: { value: (parseViNumber('1,448.5') as { message: string }).message } })
    const en = draftToTarget({ ...emptyTargetDraft(), kind: 'at_least', value: '13,345' }, 'tấn', 'en')
    expect(en.ok || en.errors.value).toBe(fill(numbersEn.ambiguous, (parseViNumber('13,345') as { params: Record<string, string> }).params))
    const upside = draftToTarget({ ...emptyTargetDraft(), kind: 'range', min: '95', max: '90' }, '%')
    expect(upside).toEqual({ ok: false, errors: { max: 'Giá trị đầu phải nhỏ hơn hoặc bằng giá trị cuối.' } })
    // A % sign is welcome on a rate in %, not on tonnes.
    expect(draftToTarget({ ...emptyTargetDraft(), kind: 'rate_at_least', value: '95%' }, '%')).toEqual({ ok: true, value: { kind: 'rate_at_least', value: 95 } })
    expect(draftToTarget({ ...emptyTargetDraft(), kind: 'at_least', value: '95%' }, 'tấn').ok).toBe(false)
  })

  it('writes every kind with its optional parts only when typed', () => {
    const d = emptyTargetDraft(2022)
    expect(draftToTarget({ ...d, kind: 'growth', percent: '5 - 7' }, 'triệu đồng')).toEqual({ ok: true, value: { kind: 'growth', percent: 5, maxPercent: 7, baseYear: 2022 } })
    expect(draftToTarget({ ...d, kind: 'growth', percent: '10', baseValue: '11.327,5' }, 'triệu đồng')).toEqual({ ok: true, value: { kind: 'growth', percent: 10, baseYear: 2022, baseValue: 11327.5 } })
    expect(draftToTarget({ ...d, kind: 'reduce_by', amount: '0,2', reduceMax: '0,5' }, '%')).toEqual({ ok: true, value: { kind: 'reduce_by', amount: 0.2, max: 0.5 } })
    expect(draftToTarget({ ...d, kind: 'at_most', value: '5,6', strict: true }, '%')).toEqual({ ok: true, value: { kind: 'at_most', value: 5.6, strict: true } })
    expect(draftToTarget({ ...d, kind: 'derived' }, 'tấn')).toEqual({ ok: true, value: { kind: 'derived' } })
    expect(draftToTarget({ ...d, kind: '' }, 'tấn')).toEqual({ ok: true, value: undefined })
    const shares = draftToTarget({ ...d, kind: 'shares', parts: [{ indicator: 'A', percent: '38,5' }, { indicator: '', percent: '61,5' }] }, 'triệu đồng')
    expect(shares).toEqual({ ok: false, errors: { 'parts.1.indicator': 'Chọn chỉ tiêu của phần này.' } })
    expect(draftToTarget({ ...d, kind: 'growth', percent: '10', baseYear: '22' }, 'tấn')).toEqual({ ok: false, errors: { baseYear: 'Năm gốc phải là năm có 4 chữ số, từ 1990 đến 2100.' } })
  })

  it('writes "trên 70%" as a strict rate, "giảm 15% so với đầu năm" as a relative reduction, and gives both back', () => {
    const d = emptyTargetDraft(2022)
    const above = draftToTarget({ ...d, kind: 'rate_at_least', value: '70%', strict: true }, '%')
    expect(above).toEqual({ ok: true, value: { kind: 'rate_at_least', value: 70, strict: true } })
    const down = draftToTarget({ ...d, kind: 'reduce_by', amount: '15%', relative: true, baseline: '40' }, 'vụ')
    expect(down).toEqual({ ok: true, value: { kind: 'reduce_by', amount: 15, relative: true, baseline: 40 } })
    for (const r of [above, down]) if (r.ok && r.value) expect(draftToTarget(targetToDraft(r.value), r.value.kind === 'reduce_by' ? 'vụ' : '%')).toEqual(r)
    expect(draftToTarget({ ...d, kind: 'reduce_by', amount: '120', relative: true }, 'vụ')).toEqual({ ok: false, errors: { amount: 'Mức giảm theo phần trăm không quá 100%.' } })
    expect(draftToTarget({ ...d, kind: 'reduce_by', amount: '10', relative: true, baseline: '0' }, 'vụ')).toEqual({ ok: false, errors: { baseline: 'Số đầu năm của mức giảm theo phần trăm phải lớn hơn 0.' } })
  })

  it('gives every seed target back unchanged after showing it in the boxes', () => {
    for (const plan of seeds) {
      for (const i of plan.indicators) {
        const back = draftToTarget(targetToDraft(i.target, plan.year - 1), i.unitOfMeasure)
        expect(back, `${plan.year} ${i.code}`).toEqual({ ok: true, value: i.target })
      }
    }
  })
})

describe('an indicator’s form', () => {
  it('saves every indicator of the three seed plans exactly as it was loaded', () => {
    for (const plan of seeds) {
      const codes = new Set(plan.indicators.map((i) => i.code))
      for (const i of plan.indicators) {
        const others = new Set([...codes].filter((c) => c !== i.code))
        const back = draftToIndicator(indicatorToDraft(i, plan.year), others, false)
        expect(back, `${plan.year} ${i.code}`).toEqual({ ok: true, value: v.parse(PlanSchema.entries.indicators.item, i) })
      }
    }
  })

  it('names what is missing or wrong, by box, and points at the formula’s mistake', () => {
    const d = emptyIndicatorDraft('KT', 2024)
    d.code = 'LUA SL'
    d.formula = 'LUA_DT * * 2'
    d.target.kind = 'at_least'
    d.target.value = '12,5,3'
    const r = draftToIndicator(d, new Set(['LUA_DT']), true)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(Object.keys(r.errors).sort()).toEqual(['code', 'formula', 'name', 'reporters', 'target.value', 'unitOfMeasure'])
    expect(r.errors.formula).toBe('Công thức sai ở vị trí 10: không mong đợi “*”')
    d.code = 'LUA_DT'
    d.formula = 'LUA_DT * KHONG_CO'
    const again = draftToIndicator(d, new Set(['LUA_DT']), true)
    expect(!again.ok && again.errors.code).toBe('Đã có chỉ tiêu mã này.')
    expect(!again.ok && again.errors.formula).toBe('Công thức dùng chỉ tiêu không có trong kế hoạch: KHONG_CO')
  })
})

describe('changes to the plan as the server has it', () => {
  const plan = seeds[2]!

  it('replaces the header and keeps fields, indicators and rules; an emptied optional part goes', () => {
    const next = withHeader(plan, { title: 'Kế hoạch mới', movements: ['Thi đua quyết thắng'], phases: [], number: '12/KH-UBND' })
    expect(next).toEqual({ year: 2022, title: 'Kế hoạch mới', movements: ['Thi đua quyết thắng'], phases: [], number: '12/KH-UBND', fields: plan.fields, indicators: plan.indicators, rules: plan.rules })
    expect('signedBy' in next).toBe(false)
  })

  it('adds, renames and moves fields; refuses to delete one that holds indicators or sub-fields, or to loop', () => {
    const added = addField(plan, { code: 'II.4.a', name: 'Xây dựng Đảng', parent: 'II.4' }, say)
    expect(added.fields.at(-1)).toEqual({ code: 'II.4.a', name: 'Xây dựng Đảng', parent: 'II.4' })
    expect(() => addField(plan, { code: 'II.1', name: 'x' }, say)).toThrow(PlanRefusal)
    expect(() => removeField(plan, 'II.1', say)).toThrow(/planSetup.fields.inUse .*"n":\d+/)
    expect(() => removeField(added, 'II.4', say)).toThrow(/inUse|hasChildren/)
    expect(() => updateField(added, { code: 'II.4', name: 'x', parent: 'II.4.a' }, say)).toThrow(/planSetup.fields.loop/)
    const moved = updateField(added, { code: 'II.4.a', name: 'Đảng', parent: 'II.3' }, say)
    expect(moved.fields.find((f) => f.code === 'II.4.a')).toEqual({ code: 'II.4.a', name: 'Đảng', parent: 'II.3' })
    const emptied = removeField(added, 'II.4.a', say)
    expect(emptied.fields.map((f) => f.code)).toEqual(plan.fields.map((f) => f.code))
    expect(emptied.indicators).toBe(plan.indicators)
  })
})
