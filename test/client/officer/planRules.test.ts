// A plan's equality rules: the form's check (the shared formula parser, the plan's indicator codes,
// a unique code, a message), in the screen's own Vietnamese, and the pure changes to the plan as the
// server has it (add, change, delete), refused with the reason.
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import phoThuan from '../../../src/server/demo/plans/pho-thuan-2023.json'
import { createAppI18n, registerMessages } from '../../../src/client/modules/i18n'
import { planSetupMessages } from '../../../src/client/officer/plan/messages'
import { addRule, removeRule, updateRule } from '../../../src/client/officer/plan/planEdits'
import { draftToRule, emptyRuleDraft, nextRuleCode, readableSide, ruleToDraft, sideProblem, unknownCodes } from '../../../src/client/officer/plan/ruleForm'
import { PlanRefusal } from '../../../src/client/officer/plan/save'
import { PlanSchema, type EqualityRule, type Plan } from '../../../src/shared/model'
import { validatePlan } from '../../../src/shared/validation'

registerMessages(planSetupMessages)
const { t } = createAppI18n('vi')
const plan: Plan = v.parse(PlanSchema, phoThuan.plan)
const NS_RULE = plan.rules[0]!
const GTSX: EqualityRule = { code: 'QT1', left: 'GTSX', right: 'GTSX_NN + GTSX_CNXD + GTSX_TMDV', message: 'Giá trị sản xuất phải bằng tổng ba khu vực' }

describe('an equality rule’s form', () => {
  it('proposes QT1, QT2… one past the highest QTn, whatever other codes the plan uses', () => {
    expect(nextRuleCode([])).toBe('QT1')
    expect(nextRuleCode(plan.rules)).toBe('QT1')
    expect(nextRuleCode([{ code: 'QT1' }, { code: 'QT3' }, { code: 'QTX' }])).toBe('QT4')
  })

  it('makes a rule of a good draft, with the proposed code when none is typed and the text trimmed', () => {
    const r = draftToRule({ code: '', left: ' GTSX ', right: 'GTSX_NN + GTSX_CNXD + GTSX_TMDV', message: ' Giá trị sản xuất phải bằng tổng ba khu vực ' }, plan, undefined, t)
    expect(r).toEqual({ ok: true, value: GTSX })
    expect(v.safeParse(PlanSchema, { ...plan, rules: [...plan.rules, GTSX] }).success).toBe(true)
  })

  it('says in Vietnamese, by box, what is wrong: syntax with its position, unknown codes, a taken code, no message', () => {
    const r = draftToRule({ code: 'NS_CAN_DOI', left: 'NS_THU = NS_CHI', right: 'NS_CHI + NS_KHAC', message: '  ' }, plan, undefined, t)
    expect(r).toEqual({
      ok: false,
      errors: {
        code: 'Đã có quy tắc mã “NS_CAN_DOI”.',
        left: 'Biểu thức sai ở vị trí 8: ký tự không hợp lệ “=”',
        right: 'Kế hoạch không có chỉ tiêu mã: NS_KHAC',
        message: 'Chưa nhập thông báo khi hai vế không bằng nhau.',
      },
    })
    const empty = draftToRule({ ...emptyRuleDraft(), code: 'mã có dấu' }, plan, undefined, t)
    expect(empty.ok ? {} : empty.errors).toEqual({
      code: 'Mã quy tắc chỉ gồm chữ không dấu, số, ., _ hoặc -, tối đa 40 ký tự.',
      left: 'Chưa nhập biểu thức.',
      right: 'Chưa nhập biểu thức.',
      message: 'Chưa nhập thông báo khi hai vế không bằng nhau.',
    })
    expect(sideProblem('(GTSX + 1', new Set(['GTSX']), t)).toBe('Biểu thức sai ở vị trí 10: thiếu dấu “)”')
    expect(sideProblem('A'.repeat(201), new Set(), t)).toBe('Tối đa 200 ký tự.')
  })

  it('keeps a changed rule’s own code, and shows a side with the indicators’ names', () => {
    expect(draftToRule(ruleToDraft(NS_RULE), plan, 'NS_CAN_DOI', t)).toEqual({ ok: true, value: NS_RULE })
    expect(readableSide('NS_THU - 2 * NS_CHI', plan)).toBe('Thu ngân sách xã (NS_THU) − 2 × Chi ngân sách xã (NS_CHI)')
    expect(readableSide('NS_THU +', plan)).toBeUndefined()
  })
})

describe('rule changes to the plan as the server has it', () => {
  it('adds a rule, keeping the rest of the plan; the plan’s own check has nothing to say about it', () => {
    const next = addRule(plan, GTSX, t)
    expect(next.rules).toEqual([NS_RULE, GTSX])
    expect(next.indicators).toBe(plan.indicators)
    expect(next.fields).toBe(plan.fields)
    expect(validatePlan(next).filter((i) => i.refs.includes('QT1'))).toEqual([])
  })

  it('refuses a taken code, or a rule reading an indicator the server’s plan no longer has', () => {
    expect(() => addRule(plan, { ...GTSX, code: 'NS_CAN_DOI' }, t)).toThrow(new PlanRefusal('Đã có quy tắc mã “NS_CAN_DOI”.'))
    const without = { ...plan, indicators: plan.indicators.filter((i) => i.code !== 'GTSX_TMDV') }
    expect(unknownCodes(GTSX, without)).toEqual(['GTSX_TMDV'])
    expect(() => addRule(without, GTSX, t)).toThrow(new PlanRefusal('Quy tắc “QT1” dùng chỉ tiêu không có trong kế hoạch: GTSX_TMDV'))
  })

  it('changes a rule in place, also under a new code, and refuses a rule gone or a code taken', () => {
    const two = addRule(plan, GTSX, t)
    const changed = updateRule(two, 'NS_CAN_DOI', { ...NS_RULE, code: 'QT2', message: 'Thu phải bằng chi' }, t)
    expect(changed.rules).toEqual([{ ...NS_RULE, code: 'QT2', message: 'Thu phải bằng chi' }, GTSX])
    expect(() => updateRule(two, 'NS_CAN_DOI', { ...NS_RULE, code: 'QT1' }, t)).toThrow('Đã có quy tắc mã “QT1”.')
    expect(() => updateRule(plan, 'QT9', GTSX, t)).toThrow(PlanRefusal)
    expect(() => updateRule(plan, 'NS_CAN_DOI', { ...NS_RULE, right: 'NS_CHI_KHAC' }, t)).toThrow(/NS_CHI_KHAC/)
  })

  it('deletes a rule, and refuses one gone already', () => {
    const removed = removeRule(plan, 'NS_CAN_DOI', t)
    expect(removed.rules).toEqual([])
    expect(removed.indicators).toBe(plan.indicators)
    expect(() => removeRule(removed, 'NS_CAN_DOI', t)).toThrow(new PlanRefusal('Quy tắc “NS_CAN_DOI” không còn trong kế hoạch (có thể vừa bị người khác xóa).'))
  })
})
