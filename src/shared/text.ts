// Text PostgreSQL can store. `text` and `jsonb` refuse the NUL character (U+0000) and a lone
// UTF-16 surrogate (half of a pair, which has no UTF-8 form): a single such string in a batch
// would fail the whole transaction with a server error. Every string the API accepts goes
// through this one check, so such input is refused where it is parsed, with a reason.
import * as v from 'valibot'
import { UNSTORABLE, UNSTORABLE_TEXT_MESSAGE } from './storable'

// The plain check lives in storable.ts (no valibot), so the phone's first load can run it.
export { UNSTORABLE_TEXT_MESSAGE, unstorableReason } from './storable'

/** The valibot action of that check: put it first in the pipe of every string schema. */
export function storableText<T extends string>(message: string = UNSTORABLE_TEXT_MESSAGE): v.CheckAction<T, string> {
  return v.check<T, string>((s) => !UNSTORABLE.test(s), message)
}

/** A string PostgreSQL can store: the base of every string schema the API parses. */
export const TextSchema = v.pipe(v.string(), storableText())

/** How deeply a JSON value nests (a scalar is 0), counted without recursion; stops past `limit`. */
export function nestingDepth(value: unknown, limit = Infinity): number {
  let max = 0
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!
    if (item === null || typeof item !== 'object') continue
    const inner = depth + 1
    if (inner > max) max = inner
    if (max > limit) return max
    for (const x of Array.isArray(item) ? item : Object.values(item)) stack.push([x, inner])
  }
  return max
}
