// The UI's language: Vietnamese by default, English on request. One mechanism for every word the
// app shows: messages are typed TypeScript trees, `t(key, params)` looks a dotted key up and fills
// `{name}` placeholders. The choice is kept in localStorage (`thidua.locale`), a UI preference,
// never in IndexedDB.
//
// Where messages live:
// - locales/vi.ts: the entry screen's messages, the source of their keys; locales/en.ts is typed
//   to the same shape (`Translation`) and loads only when English is chosen.
// - messages.ts beside each lazily loaded screen (`defineMessages({ vi, en })`, the English typed
//   to the Vietnamese): registered when its chunk loads (`registerMessages`).
// - Keys are typed: `MessageKey` is the union of the dotted paths of all those trees, built from
//   type-only imports below, so no lazily loaded message is pulled into the entry chunk. A new
//   bundle is added to `Bundles`; test/client/i18n.test.ts finds every bundle by file name and
//   fails on a key missing in either language or on differing placeholders.
// - Shared code (src/shared) speaks no language of its own where the client shows its words: it
//   returns a code and parameters (a number that does not parse: `NumberParseError`; a refusal of
//   the server: `code` + `params`, catalogued in shared/errors.ts) and the client renders them
//   here. That keeps both languages of those words out of the entry chunk, whose English loads
//   with locales/en.ts. The server answers refusals in Vietnamese (`message`, filled from the same
//   catalogue) for clients that do not know a code.
//
// Why not vue-i18n: the phone's entry screen must load within its budget of JavaScript
// (docs/BENCHMARKS.md). vue-i18n's runtime with precompiled messages cost ~13 KB gzip of that; the UI needs only
// lookups with named placeholders (no plurals, no linked messages; numbers go through
// src/shared/numbers.ts), which this module does in well under 1 KB.
//
// The lookup itself is modules/words.ts, without Vue, for code that also runs in the service worker
// (api.ts, the sync transport); this module adds the entry screen's messages and the language to it.
import { inject, shallowRef, type App, type InjectionKey, type Ref } from 'vue'
import vi from '../locales/vi'
import { fill, type KeysOf, type MessageTree, type Params, type Translation } from '../../shared/messages'
import { catalogs, follow, refusals, translate as anyKey, wordsIn, type Locale, type MessageBundle } from './words'
import type { attentionMessages } from '../components/attention/messages'
import type { loginMessages } from '../components/auth/messages'
import type { accountMenuMessages } from '../components/auth/menuMessages'
import type { backupMessages, keepDataMessages } from '../components/backup/messages'
import type { planViewMessages } from '../components/plan/messages'
import type { quarantineMessages } from '../components/sync/quarantineMessages'
import type { syncBadgeMessages } from '../components/sync/badgeMessages'
import type { updateMessages } from '../components/pwa/messages'
import type { labelMessages } from '../labelMessages'
import type { enrolMessages } from '../enrol/messages'
import type { officerMessages } from '../officer/messages'
import type { dashboardMessages } from '../officer/dashboard/messages'
import type { onboardMessages, peopleMessages } from '../officer/people/messages'
import type { baselineMessages } from '../officer/plan/baselines/messages'
import type { planDraftMessages } from '../officer/plan/draft/messages'
import type { planSetupMessages } from '../officer/plan/messages'
import type { targetSplitMessages } from '../officer/plan/splitMessages'
import type { reviewMessages } from '../officer/review/messages'
import type { scoringMessages } from '../officer/scoring/messages'
import type { provinceMessages } from '../province/messages'
import type { registrationMessages } from '../registration/messages'
import type { registrationOfficeMessages } from '../officer/registration/messages'
import type { commendationMessages } from '../officer/commendation/messages'
import type { evidenceMessages } from '../evidence/messages'
import type { syncFailureMessages } from '../sync/messages'

export type { Locale, MessageBundle }
export { defineMessages, findMessage, refusalMessage, registerMessages, rejectionMessage } from './words'
export const LOCALES: readonly Locale[] = ['vi', 'en']
export const LOCALE_KEY = 'thidua.locale'

type Bundles =
  | typeof attentionMessages
  | typeof loginMessages
  | typeof accountMenuMessages
  | typeof keepDataMessages
  | typeof backupMessages
  | typeof planViewMessages
  | typeof quarantineMessages
  | typeof syncBadgeMessages
  | typeof updateMessages
  | typeof labelMessages
  | typeof enrolMessages
  | typeof officerMessages
  | typeof dashboardMessages
  | typeof peopleMessages
  | typeof onboardMessages
  | typeof baselineMessages
  | typeof planDraftMessages
  | typeof planSetupMessages
  | typeof targetSplitMessages
  | typeof reviewMessages
  | typeof scoringMessages
  | typeof provinceMessages
  | typeof registrationMessages
  | typeof registrationOfficeMessages
  | typeof commendationMessages
  | typeof evidenceMessages
  | typeof syncFailureMessages
type BundleKeys<B> = B extends MessageBundle<infer T> ? KeysOf<T> : never

/** Every message's key, the entry screen's and the lazily loaded screens'. */
export type MessageKey = KeysOf<typeof vi> | BundleKeys<Bundles>
export { fill, type KeysOf, type MessageTree, type Params, type Translation }
/** The translator: the message at a key in the current language, placeholders filled. */
export type Translate = (key: MessageKey, params?: Params) => string

export interface AppI18n {
  locale: Ref<Locale>
  /** The message at a dotted key (`entry.saved`); a key with no message is shown as itself. */
  t: Translate
  install(app: App): void
}

/** The app's i18n instance, for components and the language switch. */
export const I18N_KEY: InjectionKey<AppI18n> = Symbol('thidua-i18n')

/** The language chosen on this device, Vietnamese when none was (or storage is blocked). */
export function storedLocale(): Locale {
  try {
    return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'vi'
  } catch {
    return 'vi'
  }
}

catalogs.set('vi', vi)
/**
 * Counts the bundles registered, read by `t`: words asked for before their screen's bundle came
 * (a route's title, set as the navigation ends) are asked again when it comes.
 */
const registered = shallowRef(0)

export function createAppI18n(initial: Locale = storedLocale()): AppI18n {
  // A ref read inside t(): a template that translates re-renders when the language changes.
  const locale = shallowRef<Locale>('vi')
  // Words made outside components (api.ts, the sync transport) follow this instance's language.
  follow(
    () => locale.value,
    () => registered.value++,
  )
  const i18n: AppI18n = {
    locale,
    t: (key, params) => {
      void registered.value
      return wordsIn(locale.value, key, params)
    },
    install(app) {
      app.provide(I18N_KEY, i18n)
    },
  }
  if (initial !== 'vi') void setLocale(i18n, initial, false)
  return i18n
}

/** A message in the app's current language, for code outside components (labels, api.ts). */
export const translate: Translate = anyKey

/** The component's translator and the current language. */
export function useI18n(): Pick<AppI18n, 't' | 'locale'> {
  const i18n = inject(I18N_KEY, null)
  if (!i18n) throw new Error('useI18n: the i18n module is not installed (setup.ts installs it)')
  return { t: i18n.t, locale: i18n.locale }
}

/** Switches the language (loading its messages first) and remembers the choice unless told not to. */
export async function setLocale(i18n: AppI18n, locale: Locale, remember = true): Promise<void> {
  if (!catalogs.has(locale)) {
    const [messages, words] = await Promise.all([import('../locales/en'), import('../../shared/errors.en')])
    catalogs.set(locale, messages.default)
    refusals.set(locale, words.default)
  }
  i18n.locale.value = locale
  if (typeof document !== 'undefined') document.documentElement.lang = locale
  if (!remember) return
  try {
    localStorage.setItem(LOCALE_KEY, locale)
  } catch {
    // blocked storage: the choice lasts as long as the page
  }
}
