// The plan's equality rules editor (RulesEditor.vue), mounted alone in a parent that holds the plan
// and applies each change to it as PlanSetupPage does with the server's copy: add a rule (a click on
// an indicator puts its code in the side being typed), a Vietnamese error for an unknown code with
// nothing saved, change a rule, delete one after confirming, and a refused save shown by its form.
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import * as v from 'valibot'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, shallowRef } from 'vue'
import phoThuan from '../../../src/server/demo/plans/pho-thuan-2023.json'
import { createAppI18n, registerMessages } from '../../../src/client/modules/i18n'
import { planSetupMessages } from '../../../src/client/officer/plan/messages'
import RulesEditor from '../../../src/client/officer/plan/RulesEditor.vue'
import { PlanRefusal } from '../../../src/client/officer/plan/save'
import { PlanSchema, type Plan } from '../../../src/shared/model'

registerMessages(planSetupMessages)
const PLAN: Plan = v.parse(PlanSchema, phoThuan.plan)

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

/** Mounts the editor on `plan`; `refuse` makes the next save fail with that reason. */
function setup(plan: Plan = PLAN) {
  const current = shallowRef(plan)
  const saved: Plan[] = []
  let refuse: string | undefined
  const change = async (edit: (p: Plan) => Plan): Promise<void> => {
    await Promise.resolve()
    if (refuse !== undefined) {
      const reason = refuse
      refuse = undefined
      throw new PlanRefusal(reason)
    }
    current.value = edit(current.value)
    saved.push(current.value)
  }
  const Parent = defineComponent(() => () => h(RulesEditor, { plan: current.value, change }))
  wrapper = mount(Parent, { global: { plugins: [createAppI18n('vi')] }, attachTo: document.body })
  const w = wrapper
  return {
    w,
    current,
    saved,
    refuseNext: (reason: string) => void (refuse = reason),
    async type(name: string, value: string) {
      const el = w.find(`[name="${name}"]`)
      expect(el.exists(), name).toBe(true)
      await el.setValue(value)
    },
    async submit(selector: string) {
      await w.find(selector).trigger('submit')
      await flushPromises()
    },
    button(text: string, within = w.element as Element) {
      const b = w.findAll('button').find((x) => within.contains(x.element) && x.text().includes(text))
      expect(b, text).toBeDefined()
      return b!
    },
  }
}

describe('the plan’s equality rules editor', () => {
  it('lists the rules with the indicators’ names, and adds one with the proposed code, clicking codes in', async () => {
    const s = setup()
    const row = s.w.find('[data-rule="NS_CAN_DOI"]')
    expect(row.text()).toContain('NS_THU = NS_CHI')
    expect(row.text()).toContain('Thu ngân sách xã (NS_THU) = Chi ngân sách xã (NS_CHI)')
    expect(row.text()).toContain('“Phần thu ngân sách xã phải bằng tổng chi ngân sách xã”')
    const add = s.w.find('.rules__add')
    expect(add.text()).toContain('Để trống thì dùng mã QT1.')

    // The left side from the list of the plan's indicators, the right typed.
    await add.find('[name="newRule.left"]').trigger('focusin')
    await add.find('[data-code="GTSX"]').trigger('click')
    expect((add.find('[name="newRule.left"]').element as HTMLInputElement).value).toBe('GTSX')
    await s.type('newRule.right', 'GTSX_NN + GTSX_CNXD + ')
    await add.find('[name="newRule.right"]').trigger('focusin')
    await add.find('[data-code="GTSX_TMDV"]').trigger('click')
    expect((add.find('[name="newRule.right"]').element as HTMLInputElement).value).toBe('GTSX_NN + GTSX_CNXD + GTSX_TMDV')
    expect(add.text()).toContain('Đọc là: Giá trị sản xuất nông nghiệp (GTSX_NN) + Giá trị sản xuất tiểu thủ công nghiệp – xây dựng (GTSX_CNXD) + Giá trị sản xuất thương mại, dịch vụ (GTSX_TMDV)')
    await s.type('newRule.message', 'Giá trị sản xuất phải bằng tổng ba khu vực')
    await s.submit('.rules__add form')

    expect(s.saved).toHaveLength(1)
    expect(s.current.value.rules.at(-1)).toEqual({ code: 'QT1', left: 'GTSX', right: 'GTSX_NN + GTSX_CNXD + GTSX_TMDV', message: 'Giá trị sản xuất phải bằng tổng ba khu vực' })
    expect(s.w.find('[data-rule="QT1"]').exists()).toBe(true)
    // The form is empty again, proposing the next code.
    expect((s.w.find('[name="newRule.left"]').element as HTMLInputElement).value).toBe('')
    expect(s.w.find('.rules__add').text()).toContain('Để trống thì dùng mã QT2.')
  })

  it('says in Vietnamese which code the plan lacks, and what else is missing, and saves nothing', async () => {
    const s = setup()
    await s.type('newRule.code', 'NS_CAN_DOI')
    await s.type('newRule.left', 'NS_THU')
    await s.type('newRule.right', 'NS_CHI + NS_KHAC')
    await s.submit('.rules__add form')
    const add = s.w.find('.rules__add')
    expect(add.text()).toContain('Kế hoạch không có chỉ tiêu mã: NS_KHAC')
    expect(add.text()).toContain('Đã có quy tắc mã “NS_CAN_DOI”.')
    expect(add.text()).toContain('Chưa nhập thông báo khi hai vế không bằng nhau.')
    expect(add.find('[role="alert"]').text()).toBe('Còn ô nhập chưa đúng, xem các dòng báo đỏ.')
    expect(add.find('[name="newRule.right"]').attributes('aria-invalid')).toBe('true')
    expect(s.saved).toEqual([])

    // Corrected, the errors go as it is typed, and it saves.
    await s.type('newRule.code', '')
    await s.type('newRule.right', 'NS_CHI')
    await s.type('newRule.message', 'Thu bằng chi')
    expect(add.find('.field-error').exists()).toBe(false)
    await s.submit('.rules__add form')
    expect(s.current.value.rules.map((r) => r.code)).toEqual(['NS_CAN_DOI', 'QT1'])
  })

  it('changes a rule in place, showing a refused save by its form and keeping what was typed', async () => {
    const s = setup()
    const row = () => s.w.find('[data-rule="NS_CAN_DOI"]')
    await s.button('Sửa', row().element).trigger('click')
    expect(row().text()).toContain('Sửa quy tắc NS_CAN_DOI')
    expect((row().find('[name="rules.NS_CAN_DOI.left"]').element as HTMLInputElement).value).toBe('NS_THU')
    await s.type('rules.NS_CAN_DOI.message', 'Thu ngân sách phải bằng chi ngân sách')
    s.refuseNext('Kế hoạch không hợp lệ: thử lại sau')
    await s.submit('[data-rule="NS_CAN_DOI"] form')
    expect(row().find('.server-error').text()).toBe('Kế hoạch không hợp lệ: thử lại sau')
    expect((row().find('[name="rules.NS_CAN_DOI.message"]').element as HTMLInputElement).value).toBe('Thu ngân sách phải bằng chi ngân sách')

    await s.submit('[data-rule="NS_CAN_DOI"] form')
    expect(s.current.value.rules).toEqual([{ code: 'NS_CAN_DOI', left: 'NS_THU', right: 'NS_CHI', message: 'Thu ngân sách phải bằng chi ngân sách' }])
    expect(row().find('form').exists()).toBe(false)
    expect(row().text()).toContain('“Thu ngân sách phải bằng chi ngân sách”')
  })

  it('deletes a rule after confirming, and marks one reading an indicator the plan no longer has', async () => {
    const s = setup({ ...PLAN, rules: [...PLAN.rules, { code: 'QT1', left: 'NS_THU', right: 'NS_CU', message: 'Cũ' }] })
    expect(s.w.find('[data-rule="QT1"] .field-error').text()).toBe('Quy tắc “QT1” dùng chỉ tiêu không có trong kế hoạch: NS_CU')
    const row = s.w.find('[data-rule="NS_CAN_DOI"]')
    await s.button('Xóa', row.element).trigger('click')
    expect(s.saved).toEqual([])
    await s.button('Xóa thật?', row.element).trigger('click')
    await flushPromises()
    expect(s.current.value.rules.map((r) => r.code)).toEqual(['QT1'])
    expect(s.w.find('[data-rule="NS_CAN_DOI"]').exists()).toBe(false)

    await s.button('Xóa', s.w.find('[data-rule="QT1"]').element).trigger('click')
    await s.button('Xóa thật?', s.w.find('[data-rule="QT1"]').element).trigger('click')
    await flushPromises()
    expect(s.w.find('.rules__muted').text()).toBe('Kế hoạch chưa có quy tắc kiểm tra nào.')
  })
})
