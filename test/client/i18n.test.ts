import { describe, expect, it } from 'vitest'
import { createAppI18n, setLocale } from '../../src/client/modules/i18n'
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
