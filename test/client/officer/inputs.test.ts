// The workspace's own form inputs (src/client/officer/common): a <select> and a checkbox bound with
// `v-model` on the component, through props and events rather than Vue's vModel directives (which
// would ride in the entry screen's vendor chunk). Mounted in a parent that binds them as v-model on a
// component compiles (the pages' own v-model use is covered by the people and plan set-up tests).
import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, reactive } from 'vue'
import CheckboxInput from '../../../src/client/officer/common/CheckboxInput.vue'
import { boundValue, looseEqual } from '../../../src/client/officer/common/inputs'
import SelectInput from '../../../src/client/officer/common/SelectInput.vue'

type State = {
  unit: string
  units: { code: string; name: string }[]
  n: number
  parent: string | null
  strict: boolean
  kinds: string[]
  /** A value the parent keeps: it does not listen to the input's updates. */
  fixed: string
}

/** The parent: what `v-model="state.key"` on a component compiles to, the model prop and its update event. */
function harness(state: State) {
  const model = <K extends keyof State>(key: K) => ({ modelValue: state[key], 'onUpdate:modelValue': (v: unknown) => void (state[key] = v as State[K]) })
  const option = (value: unknown, text: string) => h('option', { value }, text)
  return defineComponent(() => () =>
    h('form', [
      h('label', { for: 'unit' }, 'Đơn vị'),
      h(SelectInput, { id: 'unit', name: 'unit', class: 'wide', 'aria-invalid': 'true', required: true, ...model('unit') }, () => [
        option('', 'Chọn'),
        ...state.units.map((u) => option(u.code, u.name)),
      ]),
      h('label', { for: 'n' }, 'Quý'),
      h(SelectInput, { id: 'n', name: 'n', disabled: true, ...model('n') }, () => [1, 2, 3, 4].map((q) => option(q, `Quý ${q}`))),
      h('label', { for: 'parent' }, 'Thuộc'),
      h(SelectInput, { id: 'parent', name: 'parent', ...model('parent') }, () => [option(null, '(cấp cao nhất)'), option('x', 'Xóm X'), option('y', 'Xóm Y')]),
      h('label', { for: 'fixed' }, 'Cố định'),
      h(SelectInput, { id: 'fixed', name: 'fixed', modelValue: state.fixed }, () => [option('x', 'X'), option('y', 'Y')]),
      h(CheckboxInput, { id: 'strict', name: 'strict', 'aria-describedby': 'strict-hint', ...model('strict') }),
      h('label', { for: 'strict' }, 'Nhỏ hơn hẳn'),
      h('fieldset', [
        h('legend', 'Loại đơn vị'),
        ...['thon', 'to_dan_pho', 'khu_pho'].map((k) => h('label', [h(CheckboxInput, { name: 'kinds', value: k, disabled: k === 'khu_pho', ...model('kinds') }), k])),
      ]),
    ]),
  )
}

let wrapper: VueWrapper | undefined
afterEach(() => wrapper?.unmount())

function setup() {
  const state = reactive<State>({ unit: 'b', units: [], n: 2, parent: null, strict: false, kinds: ['thon', 'khu_pho'], fixed: 'x' })
  wrapper = mount(harness(state), { attachTo: document.body })
  const select = (id: string) => wrapper!.get(`#${id}`).element as HTMLSelectElement
  const labels = (el: HTMLSelectElement) => Array.from(el.options).map((o) => o.text)
  /** What a person does: pick an option, the browser fires change. */
  const pick = async (el: HTMLSelectElement, index: number) => {
    el.selectedIndex = index
    el.dispatchEvent(new Event('change'))
    await nextTick()
    await nextTick()
  }
  const box = (selector: string) => wrapper!.get(selector).element as HTMLInputElement
  const click = async (el: HTMLInputElement) => {
    el.checked = !el.checked
    el.dispatchEvent(new Event('change'))
    await nextTick()
    await nextTick()
  }
  return { state, select, labels, pick, box, click }
}

describe('SelectInput', () => {
  it('shows the model’s string value, sends the one picked back, and follows the model when the parent changes it', async () => {
    const { state, select, labels, pick } = setup()
    const unit = select('unit')
    // 'b' is not an option yet (the list loads later): nothing shown selected, as Vue's v-model does.
    expect(labels(unit)).toEqual(['Chọn'])
    expect(unit.selectedIndex).toBe(-1)
    state.units = [
      { code: 'a', name: 'Thôn A' },
      { code: 'b', name: 'Thôn B' },
      { code: 'c', name: 'Thôn C' },
    ]
    await nextTick()
    expect(labels(unit)).toEqual(['Chọn', 'Thôn A', 'Thôn B', 'Thôn C'])
    expect(unit.value).toBe('b')

    await pick(unit, 3)
    expect(state.unit).toBe('c')
    expect(unit.value).toBe('c')

    state.unit = ''
    await nextTick()
    expect(unit.selectedIndex).toBe(0)
    state.unit = 'a'
    await nextTick()
    expect(unit.value).toBe('a')
  })

  it('keeps numbers numbers (v-model.number’s use in the periods page) and null null', async () => {
    const { state, select, pick } = setup()
    const n = select('n')
    expect(n.selectedIndex).toBe(1)
    await pick(n, 3)
    expect(state.n).toBe(4)
    state.n = 1
    await nextTick()
    expect(n.selectedIndex).toBe(0)

    const parent = select('parent')
    expect(parent.selectedIndex).toBe(0)
    await pick(parent, 2)
    expect(state.parent).toBe('y')
    // The option bound to null gives null back, not its text nor ''.
    await pick(parent, 0)
    expect(state.parent).toBeNull()
    state.parent = 'x'
    await nextTick()
    expect(parent.selectedIndex).toBe(1)
  })

  it('shows the parent’s value again when the parent keeps it', async () => {
    const { state, select, pick } = setup()
    const fixed = select('fixed')
    expect(fixed.value).toBe('x')
    await pick(fixed, 1)
    expect(state.fixed).toBe('x')
    expect(fixed.value).toBe('x')
  })

  it('is the <select> itself: id, name, class, aria-*, required and disabled land on it, and its label names it', () => {
    setup()
    const root = wrapper!.get('#unit')
    expect(root.element.tagName).toBe('SELECT')
    expect(root.attributes()).toMatchObject({ name: 'unit', class: 'wide', 'aria-invalid': 'true' })
    expect((root.element as HTMLSelectElement).required).toBe(true)
    expect((wrapper!.get('#n').element as HTMLSelectElement).disabled).toBe(true)
    expect(wrapper!.find('label[for="unit"]').exists()).toBe(true)
    // No wrapper element: the select's parent is the form.
    expect(root.element.parentElement?.tagName).toBe('FORM')
  })
})

describe('CheckboxInput', () => {
  it('binds a yes/no both ways', async () => {
    const { state, box, click } = setup()
    const strict = box('#strict')
    expect(strict.type).toBe('checkbox')
    expect(strict.checked).toBe(false)
    await click(strict)
    expect(state.strict).toBe(true)
    expect(strict.checked).toBe(true)
    state.strict = false
    await nextTick()
    expect(strict.checked).toBe(false)
  })

  it('adds its value to a list and removes it, emitting a new list in a stable order', async () => {
    const { state, box, click } = setup()
    const thon = box('input[value="thon"]')
    const tdp = box('input[value="to_dan_pho"]')
    const kp = box('input[value="khu_pho"]')
    expect([thon.checked, tdp.checked, kp.checked]).toEqual([true, false, true])

    const before = state.kinds
    await click(tdp)
    expect(state.kinds).toEqual(['thon', 'khu_pho', 'to_dan_pho'])
    // The parent's list was replaced, never changed in place.
    expect(state.kinds).not.toBe(before)
    expect(before).toEqual(['thon', 'khu_pho'])

    await click(thon)
    expect(state.kinds).toEqual(['khu_pho', 'to_dan_pho'])
    expect(thon.checked).toBe(false)

    state.kinds = ['thon']
    await nextTick()
    expect([thon.checked, tdp.checked, kp.checked]).toEqual([true, false, false])
  })

  it('is the <input> itself: id, name, value, aria-* and disabled land on it', () => {
    setup()
    const strict = wrapper!.get('#strict')
    expect(strict.element.tagName).toBe('INPUT')
    expect(strict.attributes()).toMatchObject({ name: 'strict', 'aria-describedby': 'strict-hint' })
    const kp = wrapper!.get('input[value="khu_pho"]')
    expect(kp.attributes('name')).toBe('kinds')
    expect((kp.element as HTMLInputElement).disabled).toBe(true)
    expect((wrapper!.get('input[value="thon"]').element as HTMLInputElement).disabled).toBe(false)
  })
})

describe('the helpers', () => {
  it('compare as Vue’s looseEqual does for primitives', () => {
    expect(looseEqual(2, '2')).toBe(true)
    expect(looseEqual('a', 'a')).toBe(true)
    expect(looseEqual(null, null)).toBe(true)
    expect(looseEqual(null, undefined)).toBe(false)
    expect(looseEqual(null, '')).toBe(false)
    expect(looseEqual(1, 2)).toBe(false)
    expect(looseEqual({}, {})).toBe(false)
  })

  it('read a bound value where Vue keeps it, else the element’s value', () => {
    const plain = document.createElement('option')
    plain.value = 'x'
    expect(boundValue(plain)).toBe('x')
    const bound = Object.assign(document.createElement('option'), { _value: 3 })
    expect(boundValue(bound)).toBe(3)
  })
})
