// Splitting the commune's target across units on the plan screen (TargetSplit.vue): offered only
// for an amount of a flow or a stock, equal, in proportion to households typed per unit, or typed
// per unit with the running balance; written into the draft's unit targets in vi-VN numbers, the
// shares summing to the commune's target; and what the indicator form then saves.
import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, reactive } from 'vue'
import { createAppI18n } from '../../../src/client/modules/i18n'
import type { SetupUnit } from '../../../src/client/officer/plan/api'
import { draftToIndicator, emptyIndicatorDraft, type IndicatorDraft } from '../../../src/client/officer/plan/indicatorForm'
import TargetSplit from '../../../src/client/officer/plan/TargetSplit.vue'

const UNITS: SetupUnit[] = [
  { code: 'T1', name: 'Thôn Hải Tân', kind: 'thon', active: true },
  { code: 'T2', name: 'Thôn Vĩnh Xuyên', kind: 'thon', active: true },
  { code: 'T3', name: 'Thôn An Thạch', kind: 'thon', active: true },
  { code: 'T9', name: 'Thôn cũ', kind: 'thon', active: false },
  { code: 'CA', name: 'Công an xã', kind: 'cong_an', active: true },
]

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

function rice(): IndicatorDraft {
  const d = emptyIndicatorDraft('KT', 2024)
  Object.assign(d, { code: 'LUA_DT', name: 'Diện tích lúa', unitOfMeasure: 'ha', aggregation: 'flow', reporterKinds: ['thon'] })
  d.target.kind = 'at_least'
  d.target.value = '229'
  return d
}

function setup(d: IndicatorDraft) {
  const draft = reactive(d)
  const Parent = defineComponent(() => () => h(TargetSplit, { draft, units: UNITS, planYear: 2024 }))
  wrapper = mount(Parent, { global: { plugins: [createAppI18n('vi')] }, attachTo: document.body })
  return { w: wrapper, draft }
}
const button = (w: VueWrapper, text: string) => w.findAll('button').find((b) => b.text().includes(text))
const shares = (w: VueWrapper) => w.findAll('.split__share').map((c) => c.text())

describe('splitting the commune target across units', () => {
  it('splits 229 ha equally among the three active villages, in whole hectares summing to 229', async () => {
    const { w, draft } = setup(rice())
    await button(w, 'Chia chỉ tiêu xã cho các đơn vị')!.trigger('click')
    expect(w.find('.split__title').text()).toBe('Chia chỉ tiêu đạt 229 ha trở lên cho 3 đơn vị báo cáo')
    // The inactive village and the police (another kind) are not given a share.
    expect(w.findAll('.split__table tbody th').map((c) => c.text())).toEqual(['Thôn Hải Tân', 'Thôn Vĩnh Xuyên', 'Thôn An Thạch'])
    expect(shares(w)).toEqual(['đạt 77 ha trở lên', 'đạt 76 ha trở lên', 'đạt 76 ha trở lên'])
    await button(w, 'Ghi thành chỉ tiêu riêng')!.trigger('click')
    expect(draft.unitTargets.map((u) => [u.unit, u.target.kind, u.target.value])).toEqual([
      ['T1', 'at_least', '77'],
      ['T2', 'at_least', '76'],
      ['T3', 'at_least', '76'],
    ])
    expect(w.find('.split__status').text()).toContain('Đã ghi chỉ tiêu riêng cho 3 đơn vị')
    // What the form saves: each unit's own target.
    const saved = draftToIndicator(draft, new Set(), true)
    expect(saved.ok && saved.value.unitTargets).toEqual({ T1: { kind: 'at_least', value: 77 }, T2: { kind: 'at_least', value: 76 }, T3: { kind: 'at_least', value: 76 } })
  })

  it('splits in proportion to the households typed for each unit, to the tenth when asked, in vi-VN numbers', async () => {
    const d = rice()
    d.target.value = '1.448,5'
    d.unitTargets.push({ unit: 'T2', target: { ...d.target, value: '5' } })
    const { w, draft } = setup(d)
    await button(w, 'Chia chỉ tiêu xã')!.trigger('click')
    await w.findAll('input[type="radio"]')[1]!.setValue(true)
    expect(w.find('.split__status').text()).toContain('Nhập số liệu của từng đơn vị')
    expect(button(w, 'Ghi thành')!.attributes('disabled')).toBeDefined()
    const boxes = w.findAll('.split__input')
    expect(boxes.map((b) => b.attributes('aria-label'))).toEqual(['Số hộ của Thôn Hải Tân', 'Số hộ của Thôn Vĩnh Xuyên', 'Số hộ của Thôn An Thạch'])
    await boxes[0]!.setValue('1.200')
    await boxes[1]!.setValue('600')
    await boxes[2]!.setValue('200')
    // 1.448,5 × 1.200 / 2.000 = 869,1; × 600 = 434,55; × 200 = 144,85: to the tenth, the sum kept.
    expect(shares(w)).toEqual(['đạt 869,1 ha trở lên', 'đạt 434,6 ha trở lên', 'đạt 144,8 ha trở lên'])
    expect(w.text()).toContain('Chỉ tiêu riêng đã có của 1 đơn vị sẽ được thay.')
    await button(w, 'Ghi thành')!.trigger('click')
    expect(draft.unitTargets.map((u) => [u.unit, u.target.value])).toEqual([
      ['T2', '434,6'],
      ['T1', '869,1'],
      ['T3', '144,8'],
    ])
  })

  it('takes each unit’s share as typed and says how far the sum is from the commune’s target', async () => {
    const { w, draft } = setup(rice())
    await button(w, 'Chia chỉ tiêu xã')!.trigger('click')
    await w.findAll('input[type="radio"]')[2]!.setValue(true)
    const boxes = w.findAll('.split__input')
    expect(boxes.map((b) => b.attributes('aria-label'))).toEqual(['Phần của Thôn Hải Tân', 'Phần của Thôn Vĩnh Xuyên', 'Phần của Thôn An Thạch'])
    await boxes[0]!.setValue('100')
    await boxes[1]!.setValue('100')
    expect(w.find('.split__status').text()).toContain('Còn 1 đơn vị chưa có số.')
    await boxes[2]!.setValue('20')
    expect(w.find('.split__status').text()).toContain('Cộng: 220 ha (chỉ tiêu xã 229 ha)')
    expect(w.find('.split__status').text()).toContain('Còn thiếu 9 ha so với chỉ tiêu xã.')
    await boxes[2]!.setValue('29')
    expect(w.find('.split__status').text()).toContain('Tổng các phần bằng chỉ tiêu của xã.')
    await button(w, 'Ghi thành')!.trigger('click')
    expect(draft.unitTargets.map((u) => u.target.value)).toEqual(['100', '100', '29'])
  })

  it('is not offered for a level each unit reaches: a rate, a cap, a yield', () => {
    const rate = rice()
    Object.assign(rate, { aggregation: 'rate', unitOfMeasure: '%' })
    rate.target.kind = 'rate_at_least'
    rate.target.value = '95'
    expect(button(setup(rate).w, 'Chia chỉ tiêu xã')).toBeUndefined()
    wrapper!.unmount()
    const cap = rice()
    cap.target.kind = 'at_most'
    expect(button(setup(cap).w, 'Chia chỉ tiêu xã')).toBeUndefined()
    wrapper!.unmount()
    const yieldDraft = rice()
    Object.assign(yieldDraft, { aggregation: 'stock', unitOfMeasure: 'tạ/ha', formula: 'LUA_SL * 10 / LUA_DT' })
    yieldDraft.target.kind = 'derived'
    yieldDraft.target.derivedValue = '65'
    expect(button(setup(yieldDraft).w, 'Chia chỉ tiêu xã')).toBeUndefined()
  })
})
