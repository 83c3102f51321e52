import { describe, expect, it } from 'vitest'
import { createAppI18n, fill, refusalMessage, registerMessages, rejectionMessage, setLocale, translate, type MessageBundle, type MessageKey } from '../../src/client/modules/i18n'
import { REFUSALS } from '../../src/shared/errors'
import { communeTitle, phaseSpan, roleLabel } from '../../src/client/labels'
import { describeTarget } from '../../src/shared/describe'
import targetsVi from '../../src/shared/targetMessages'
import targetsEn from '../../src/shared/targetMessages.en'
import refusalsEn from '../../src/shared/errors.en'
import vi from '../../src/client/locales/vi'
import en from '../../src/client/locales/en'

type Tree = { [k: string]: string | Tree }
const leaves = (t: Tree, p = ''): string[] => Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${p}${k}`] : leaves(v, `${p}${k}.`)))
const at = (tree: Tree, key: string) => key.split('.').reduce<unknown>((n, p) => (n as Tree | undefined)?.[p], tree) as string | undefined
const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

/** Every key of one language is in the other, with the same placeholders; nothing is in one only. */
function expectSameShape(label: string, viTree: Tree, enTree: Tree): void {
  const viKeys = leaves(viTree)
  const enKeys = new Set(leaves(enTree))
  for (const key of viKeys) {
    expect(enKeys.has(key), `${label}: ${key} has no English`).toBe(true)
    expect(names(at(enTree, key)!), `${label}: ${key}`).toEqual(names(at(viTree, key)!))
    enKeys.delete(key)
  }
  expect([...enKeys], `${label}: English only`).toEqual([])
}

describe('i18n', () => {
  it('looks keys up, fills named placeholders and switches language', async () => {
    const i18n = createAppI18n('vi')
    const key = leaves(vi as Tree).find((k) => at(vi as Tree, k)!.includes('{n}')) as MessageKey
    const text = i18n.t(key, { n: 7 })
    expect(text).toContain('7')
    expect(text).not.toContain('{n}')
    await setLocale(i18n, 'en', false)
    expect(i18n.locale.value).toBe('en')
    expect(i18n.t(key, { n: 7 })).not.toBe(text)
    expect(i18n.t('khong.co.khoa' as MessageKey)).toBe('khong.co.khoa')
    expect(fill('{a} và {b}', { a: 1 })).toBe('1 và {b}')
  })

  it('has every entry message in both languages, with the same placeholders', () => {
    expectSameShape('locales', vi as Tree, en as Tree)
  })
})

describe('the server’s refusals', () => {
  it('have every wording in both languages, with the same placeholders', () => {
    expectSameShape('shared/errors', REFUSALS as unknown as Tree, refusalsEn as unknown as Tree)
  })

  it('are shown in the user’s language by key and parameters, enum values as words, else as the server said', async () => {
    const body = { code: 'conflict', key: 'invalid_transition', params: { status: 'approved', action: 'reopen' }, message: 'Báo cáo đang ở trạng thái “đã duyệt”, không thể mở lại' }
    const i18n = createAppI18n('vi')
    expect(refusalMessage(body)).toBe(body.message)
    expect(translate('common.network')).toContain('Không tải được')
    await setLocale(i18n, 'en', false)
    expect(refusalMessage(body)).toBe('The report is “approved”; it cannot be reopened')
    expect(refusalMessage({ code: 'x', key: 'from_a_newer_server', message: 'Lời của máy chủ' })).toBe('Lời của máy chủ')
    expect(refusalMessage({ code: 'not_found', message: 'Không có gì' })).toBe('Không có gì')
    expect(rejectionMessage({ code: 'period_locked', message: 'Kỳ báo cáo đã khóa' })).toBe('The reporting period is locked')
    expect(rejectionMessage({ code: 'later', message: 'Lý do' })).toBe('Lý do')
    expect(translate('common.network')).toContain('could not be loaded')
  })
})

// Every lazily loaded screen keeps its messages in a bundle next to its pages, loaded with them:
// found here by file name, whoever adds one.
const modules = import.meta.glob<Record<string, unknown>>(['../../src/client/**/messages.ts', '../../src/client/**/*Messages.ts'], { eager: true })
const isBundle = (x: unknown): x is MessageBundle => typeof x === 'object' && x !== null && 'vi' in x && 'en' in x
const all = Object.entries(modules).flatMap(([file, mod]) => Object.entries(mod).filter(([, b]) => isBundle(b)).map(([name, b]) => [`${file} ${name}`, b as MessageBundle] as const))

describe('the message bundles of lazily loaded screens', () => {
  it('are found, and registered ones are looked up in both languages', async () => {
    expect(all.length).toBeGreaterThan(10)
    const i18n = createAppI18n('vi')
    const [, bundle] = all[0]!
    registerMessages(bundle)
    const key = leaves(bundle.vi as Tree)[0]! as MessageKey
    expect(i18n.t(key)).toBe(at(bundle.vi as Tree, key))
    await setLocale(i18n, 'en', false)
    expect(i18n.t(key)).toBe(at(bundle.en as Tree, key))
  })

  it.each(all)('%s: every message in both languages, with the same placeholders', (label, bundle) => {
    expectSameShape(label, bundle.vi as Tree, bundle.en as Tree)
  })

  it.each(all)('%s: under names of its own, apart from the entry screen’s', (label, bundle) => {
    const base = new Set(Object.keys(vi))
    for (const top of Object.keys(bundle.vi)) expect(base.has(top), `${label}: ${top} shadows the entry screen's messages`).toBe(false)
  })
})

describe('labels', () => {
  it('follow the app’s language: roles, heads, commune kinds, phases', async () => {
    const i18n = createAppI18n('vi')
    expect(roleLabel('reporter', [{ kind: 'thon' }])).toBe('Trưởng thôn')
    expect(communeTitle({ name: 'Phổ Thuận', kind: 'xa' })).toBe('Xã Phổ Thuận')
    expect(phaseSpan({})).toBe('đợt đặc biệt, chưa mở')
    await setLocale(i18n, 'en', false)
    expect(roleLabel('reporter', [{ kind: 'thon' }])).toBe('Village head')
    expect(roleLabel('officer', [])).toBe('Commune officer')
    expect(communeTitle({ name: 'Phổ Thuận', kind: 'phuong' })).toBe('Ward Phổ Thuận')
    expect(communeTitle({ name: 'Xã Phổ Thuận', kind: 'xa' })).toBe('Xã Phổ Thuận')
    expect(phaseSpan({ from: '2024-03-01' })).toBe('since 01/03/2024, under way')
  })
})

describe('target phrases', () => {
  it('are worded in the language the caller passes, Vietnamese by default', () => {
    expectSameShape('shared/targetMessages', targetsVi as Tree, targetsEn as Tree)
    const target = { kind: 'reduce_by' as const, amount: 0.5, baseline: 3.2 }
    const ind = { unitOfMeasure: '%' }
    expect(describeTarget(target, ind)).toBe('giảm 0,5 điểm phần trăm so với đầu năm (3,2%)')
    expect(describeTarget(target, ind, (phrase, params) => fill(targetsEn[phrase], params))).toBe('down 0,5 percentage points from the start of the year (3,2%)')
  })
})
