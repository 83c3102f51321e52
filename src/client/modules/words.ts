// The app's words without Vue: the registered message trees and the lookup over them (`translate`,
// `findMessage`), the server's refusals in the user's language, and `defineMessages`. Code that also
// runs in the service worker (the HTTP client api.ts, the sync transport sync/api.ts and its
// messages) imports this module, never modules/i18n.ts, so that the worker's bundle holds neither
// Vue nor the entry screen's messages.
//
// modules/i18n.ts is the app's side: it adds the entry screen's messages (locales/vi.ts), loads
// another language's, tells this module which language is chosen, and gives components a reactive
// `t` over the same lookup. In the service worker none of that runs: the language is Vietnamese and
// only the bundles registered there are known (sync/api.ts registers its own, and words every failure
// the worker records with them; a key with no message is shown as itself).
//
// Keys stay typed without this module knowing every bundle (modules/i18n.ts does, and brings Vue):
// `translate` is given its keys' type by whoever uses it, and `registerMessages` returns it typed to
// its bundle's.
import { fill, refusalText, type KeysOf, type MessageTree, type Params, type RefusalWords, type Translation } from '../../shared/messages'

export type Locale = 'vi' | 'en'

/** Messages of a lazily loaded part of the app, both languages. */
export interface MessageBundle<T extends MessageTree = MessageTree> {
  vi: T
  en: Translation<T>
}

/** Declares a bundle: the Vietnamese is the source of its keys, the English must match it. */
export function defineMessages<T extends MessageTree>(bundle: { vi: T; en: NoInfer<Translation<T>> }): MessageBundle<T> {
  return bundle
}

/** The entry screen's messages by language (modules/i18n.ts adds them). */
export const catalogs = new Map<Locale, unknown>()
/** The server's refusals in the languages loaded other than Vietnamese (the server words those itself; modules/i18n.ts adds them). */
export const refusals = new Map<Locale, RefusalWords>()
const bundles: MessageBundle[] = []
/** The language words are made in: the app's choice once modules/i18n.ts says it, Vietnamese until then. */
let current: () => Locale = () => 'vi'
/** Told of each bundle registered (modules/i18n.ts: words asked for before it came are asked again). */
let registered: () => void = () => {}

/** For modules/i18n.ts: where the chosen language is read, and who hears of a bundle registered. */
export function follow(locale: () => Locale, onRegistered: () => void): void {
  current = locale
  registered = onRegistered
}

/**
 * Adds the messages of a lazily loaded part of the app. Its keys live under their own top-level
 * name (`officer`, `review`…), so a bundle never shadows the entry screen's messages.
 */
export function registerMessages<T extends MessageTree>(bundle: MessageBundle<T>): Words<KeysOf<T>> {
  if (!bundles.includes(bundle)) {
    bundles.push(bundle)
    registered()
  }
  return translate
}

function lookup(catalog: unknown, key: string): string | undefined {
  let node = catalog
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string' ? node : undefined
}

/**
 * The message at a key in a language, if any: for keys made at run time (a code from the server,
 * `errors.<code>`), which `t` cannot type.
 */
export function findMessage(locale: Locale, key: string): string | undefined {
  const hit = lookup(catalogs.get(locale), key)
  if (hit !== undefined) return hit
  for (const b of bundles) {
    const m = lookup(b[locale], key)
    if (m !== undefined) return m
  }
  return undefined
}

/** The message at a key in `locale`, else in Vietnamese, else the key itself; placeholders filled. */
export const wordsIn = (locale: Locale, key: string, params?: Params): string => fill(findMessage(locale, key) ?? findMessage('vi', key) ?? key, params)

/** Words at keys of type `K` in the app's current language. */
export type Words<K extends string> = (key: K, params?: Params) => string
/**
 * The current language's lookup, any key: its users give it their keys' type (modules/i18n.ts every
 * key, `translate: Translate`; api.ts the entry screen's).
 */
export const translate: Words<string> = (key, params) => wordsIn(current(), key, params)

/**
 * A refusal of the server in the app's language: its wording (`key`, `params`, shared/errors.ts)
 * when the language has it, else the server's own message (Vietnamese).
 */
export function refusalMessage(body: { code?: string; message: string; key?: string | undefined; params?: Params | undefined }): string {
  const words = refusals.get(current())
  const params = typeof body.params === 'object' && body.params !== null ? body.params : undefined
  return (words && typeof body.key === 'string' && refusalText(words, body.key, params)) || body.message
}

/** A push rejection in the app's language, by its code; the server's Vietnamese message otherwise. */
export function rejectionMessage(rejection: { code: string; message: string }): string {
  return refusals.get(current())?.rejection[rejection.code] ?? rejection.message
}
