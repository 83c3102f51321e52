// Text PostgreSQL can store, as a plain check without valibot: the phone's entry screen runs it on
// every note, and its first load must not carry a schema library. `text.ts` builds the schemas on it.
// `text` and `jsonb` refuse the NUL character (U+0000) and a lone UTF-16 surrogate (half of a
// pair, which has no UTF-8 form).

export const UNSTORABLE_TEXT_MESSAGE = 'có ký tự không hợp lệ (ký tự NUL hoặc ký tự Unicode lỗi)'

// Without the `u` flag a regex sees UTF-16 code units: NUL, a high surrogate not followed by a
// low one, or a low surrogate not preceded by a high one.
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
export const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** Why PostgreSQL cannot store `s` (a Vietnamese reason), or undefined when it can. */
export function unstorableReason(s: string): string | undefined {
  return UNSTORABLE.test(s) ? UNSTORABLE_TEXT_MESSAGE : undefined
}
