// The shape of the app's messages, one mechanism for client and server: nested names down to
// texts with `{name}` placeholders, the Vietnamese tree the source of the keys and every other
// language typed to it. Pure TypeScript (the client's modules/i18n.ts and shared/errors.ts use it).

/** Nested names down to messages with `{name}` placeholders. */
export type MessageTree = { readonly [name: string]: string | MessageTree }
/** A tree in another language: the same names, every one of them, and no other. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> }
/** The dotted keys of a tree's messages: `entry.saved`. */
export type KeysOf<T, P extends string = ''> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : KeysOf<T[K], `${P}${K}.`> }[keyof T & string]
/** The values a message's placeholders are filled with. */
export type Params = Readonly<Record<string, unknown>>

/** A catalogue of refusals in one language (shared/errors.ts, errors.en.ts). */
export interface RefusalWords {
  api: Readonly<Record<string, string>>
  rejection: Readonly<Record<string, string>>
  words: Readonly<Record<string, Readonly<Record<string, string>>>>
}

/**
 * A refusal in the language of `tree`: a parameter named in `words` is an enum value, shown as its
 * word. Undefined for a key the tree does not have (a newer server's).
 */
export function refusalText(tree: RefusalWords, key: string, params: Params = {}): string | undefined {
  const template = tree.api[key]
  if (template === undefined) return undefined
  return fill(template, Object.fromEntries(Object.entries(params).map(([name, value]) => [name, tree.words[name]?.[String(value)] ?? value])))
}

/** Fills `{name}` placeholders; one with no parameter stays as written. */
export function fill(message: string, params: Params | undefined): string {
  return params ? message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : message
}
