import { describe, expect, it } from 'vitest'
import { createAppI18n, registerMessages, setLocale, type MessageBundle } from '../../src/client/modules/i18n'
import vi from '../../src/client/locales/vi.json'
import en from '../../src/client/locales/en.json'

type Tree = { [k: string]: string | Tree }
const leaves = (t: Tree, p = ''): string[] => Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${p}${k}`] : leaves(v, `${p}${k}.`)))
const at = (tree: Tree, key: string) => key.split('.').reduce<unknown>((n, p) => (n as Tree | undefined)?.[p], tree) as string | undefined

describe('i18n', () => {
  it('looks keys up, fills named placeholders and switches language', async () => {
    const i18n = createAppI18n('vi')
    const key = leaves(vi as Tree).find((k) => at(vi as Tree, k)!.includes('{n}'))!
    const text = i18n.t(key, { n: 7 })
    expect(text).toContain('7')
    expect(text).not.toContain('{n}')
    await setLocale(i18n, 'en', false)
    expect(i18n.locale.value).toBe('en')
    expect(i18n.t(key, { n: 7 })).not.toBe(text)
    expect(i18n.t('khong.co.khoa')).toBe('khong.co.khoa')
  })

  it('has every Vietnamese message in English too, with the same placeholders', () => {
    for (const key of leaves(vi as Tree)) {
      const english = at(en as Tree, key)
      expect(english, key).toBeTypeOf('string')
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
      expect(names(english!), key).toEqual(names(at(vi as Tree, key)!))
    }
  })
})

// The officer's workspace keeps its messages in bundles next to its pages, loaded with them.
const bundles = import.meta.glob<Record<string, MessageBundle>>('../../src/client/officer/**/messages.ts', { eager: true })

describe('the workspace message bundles', () => {
  const all = Object.entries(bundles).flatMap(([file, mod]) => Object.values(mod).map((bundle) => [file, bundle] as const))

  it('exist, and registered ones are found in both languages', async () => {
    expect(all.length).toBeGreaterThan(0)
    const i18n = createAppI18n('vi')
    const [, bundle] = all[0]!
    registerMessages(bundle)
    const key = leaves(bundle.vi as Tree)[0]!
    expect(i18n.t(key)).toBe(at(bundle.vi as Tree, key))
    await setLocale(i18n, 'en', false)
    expect(i18n.t(key)).toBe(at(bundle.en as Tree, key))
  })

  it('have every Vietnamese message in English, with the same placeholders, under their own names', () => {
    const base = new Set(Object.keys(vi))
    for (const [file, bundle] of all) {
      for (const top of Object.keys(bundle.vi)) expect(base.has(top), `${file}: ${top} shadows the entry screen's messages`).toBe(false)
      for (const key of leaves(bundle.vi as Tree)) {
        const english = at(bundle.en as Tree, key)
        expect(english, `${file}: ${key}`).toBeTypeOf('string')
        const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
        expect(names(english!), `${file}: ${key}`).toEqual(names(at(bundle.vi as Tree, key)!))
      }
    }
  })
})
