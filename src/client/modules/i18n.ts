// The UI's language: Vietnamese by default, English on request. Messages live in
// locales/*.json and are compiled at build time (vite.config.ts); English loads only when chosen.
// The choice is kept in localStorage (`thidua.locale`), a UI preference, never in IndexedDB.
import type { InjectionKey } from 'vue'
import { createI18n, type I18n } from 'vue-i18n'
import vi from '../locales/vi.json'

export type Locale = 'vi' | 'en'
export const LOCALES: readonly Locale[] = ['vi', 'en']
export const LOCALE_KEY = 'thidua.locale'

export type AppI18n = I18n<{ vi: typeof vi }, Record<string, never>, Record<string, never>, Locale, false>

/** The app's i18n instance, for the language switch. */
export const I18N_KEY: InjectionKey<AppI18n> = Symbol('thidua-i18n')

/** The language chosen on this device, Vietnamese when none was (or storage is blocked). */
export function storedLocale(): Locale {
  try {
    return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'vi'
  } catch {
    return 'vi'
  }
}

export function createAppI18n(initial: Locale = storedLocale()): AppI18n {
  const i18n = createI18n({
    legacy: false,
    locale: 'vi',
    fallbackLocale: 'vi',
    messages: { vi },
    missingWarn: false,
    fallbackWarn: false,
  }) as unknown as AppI18n
  if (initial !== 'vi') void setLocale(i18n, initial, false)
  return i18n
}

/** Switches the language (loading its messages first) and remembers the choice unless told not to. */
export async function setLocale(i18n: AppI18n, locale: Locale, remember = true): Promise<void> {
  const global = i18n.global
  if (!global.availableLocales.includes(locale)) {
    const messages = (await import('../locales/en.json')).default
    global.setLocaleMessage(locale, messages as never)
  }
  global.locale.value = locale
  if (typeof document !== 'undefined') document.documentElement.lang = locale
  if (!remember) return
  try {
    localStorage.setItem(LOCALE_KEY, locale)
  } catch {
    // blocked storage: the choice lasts as long as the page
  }
}
