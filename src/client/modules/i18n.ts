// The UI's language: Vietnamese by default, English on request. Messages are plain JSON in
// locales/*.json (English loads only when chosen); `t(key, params)` looks a key up and fills
// `{name}` placeholders. The choice is kept in localStorage (`thidua.locale`), a UI preference,
// never in IndexedDB.
//
// Why not vue-i18n: the phone's entry screen must load within 100 KB of JavaScript (DESIGN.md
// §6). vue-i18n's runtime with precompiled messages cost ~13 KB gzip of that; the UI needs only
// lookups with named placeholders (no plurals, no linked messages, no number or date formats:
// numbers go through src/shared/numbers.ts), which this module does in well under 1 KB.
import { inject, shallowRef, type App, type InjectionKey, type Ref } from 'vue'
import vi from '../locales/vi.json'

export type Locale = 'vi' | 'en'
export const LOCALES: readonly Locale[] = ['vi', 'en']
export const LOCALE_KEY = 'thidua.locale'

type Params = Record<string, unknown>

export interface AppI18n {
  locale: Ref<Locale>
  /** The message at a dotted key (`entry.saved`); a key with no message is shown as itself. */
  t(key: string, params?: Params): string
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

function lookup(catalog: unknown, key: string): string | undefined {
  let node = catalog
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string' ? node : undefined
}

function fill(message: string, params: Params | undefined): string {
  return params ? message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : message
}

const catalogs = new Map<Locale, unknown>([['vi', vi]])

/** Messages of lazily loaded screens (the officer's workspace), both languages, added when their chunk loads. */
export type MessageBundle = Record<Locale, Record<string, unknown>>
const bundles: MessageBundle[] = []

/**
 * Adds the messages of a lazily loaded part of the app. Its keys live under their own top-level
 * name (`officer`, `review`…), so a bundle never shadows the entry screen's messages.
 */
export function registerMessages(bundle: MessageBundle): void {
  if (!bundles.includes(bundle)) bundles.push(bundle)
}

function find(locale: Locale, key: string): string | undefined {
  const hit = lookup(catalogs.get(locale), key)
  if (hit !== undefined) return hit
  for (const b of bundles) {
    const m = lookup(b[locale], key)
    if (m !== undefined) return m
  }
  return undefined
}

export function createAppI18n(initial: Locale = storedLocale()): AppI18n {
  // A ref read inside t(): a template that translates re-renders when the language changes.
  const locale = shallowRef<Locale>('vi')
  const i18n: AppI18n = {
    locale,
    t: (key, params) => fill(find(locale.value, key) ?? find('vi', key) ?? key, params),
    install(app) {
      app.provide(I18N_KEY, i18n)
    },
  }
  if (initial !== 'vi') void setLocale(i18n, initial, false)
  return i18n
}

/** The component's translator and the current language. */
export function useI18n(): Pick<AppI18n, 't' | 'locale'> {
  const i18n = inject(I18N_KEY, null)
  if (!i18n) throw new Error('useI18n: the i18n module is not installed (setup.ts installs it)')
  return { t: i18n.t, locale: i18n.locale }
}

/** Switches the language (loading its messages first) and remembers the choice unless told not to. */
export async function setLocale(i18n: AppI18n, locale: Locale, remember = true): Promise<void> {
  if (!catalogs.has(locale)) catalogs.set(locale, (await import('../locales/en.json')).default)
  i18n.locale.value = locale
  if (typeof document !== 'undefined') document.documentElement.lang = locale
  if (!remember) return
  try {
    localStorage.setItem(LOCALE_KEY, locale)
  } catch {
    // blocked storage: the choice lasts as long as the page
  }
}
