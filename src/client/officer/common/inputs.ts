// Helpers of the workspace's form inputs (SelectInput, CheckboxInput). They bind through props and
// events, never through Vue's vModelSelect / vModelCheckbox / vModelRadio directives: those would
// be pulled into the shared vendor chunk the village head's entry screen loads (docs/BENCHMARKS.md).

/** Vue's looseEqual for what a form binds: the same value, or primitives that print the same (2 and '2'). */
export function looseEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a === 'object' || typeof b === 'object' || typeof a === 'function' || typeof b === 'function') return false
  return String(a) === String(b)
}

/** The value an `<option>` or `<input>` was given: Vue keeps a bound `:value` (a number, null) as `_value`. */
export function boundValue(el: HTMLOptionElement | HTMLInputElement): unknown {
  return '_value' in el ? (el as { _value?: unknown })._value : el.value
}
