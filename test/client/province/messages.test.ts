// The message bundles of the province's screens and of the enrolment page live outside the
// workspace's folder (test/client/i18n.test.ts checks those): the same rules here. Every
// Vietnamese message has its English, with the same placeholders, under a name of its own.
import { describe, expect, it } from 'vitest'
import vi from '../../../src/client/locales/vi'
import type { MessageBundle } from '../../../src/client/modules/i18n'
import { enrolMessages } from '../../../src/client/enrol/messages'
import { provinceMessages } from '../../../src/client/province/messages'

type Tree = { [k: string]: string | Tree }
const leaves = (t: Tree, p = ''): string[] => Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${p}${k}`] : leaves(v, `${p}${k}.`)))
const at = (tree: Tree, key: string) => key.split('.').reduce<unknown>((n, p) => (n as Tree | undefined)?.[p], tree) as string | undefined
const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe.each([
  ['province', provinceMessages],
  ['enrol', enrolMessages],
] as [string, MessageBundle][])('the %s messages', (top, bundle) => {
  it('live under their own name, apart from the entry screen’s', () => {
    expect(Object.keys(bundle.vi)).toEqual([top])
    expect(Object.keys(bundle.en)).toEqual([top])
    expect(Object.keys(vi)).not.toContain(top)
  })

  it('have every Vietnamese message in English with the same placeholders, and nothing English-only', () => {
    const viKeys = leaves(bundle.vi as Tree)
    expect(leaves(bundle.en as Tree).sort()).toEqual([...viKeys].sort())
    for (const key of viKeys) expect(names(at(bundle.en as Tree, key)!), key).toEqual(names(at(bundle.vi as Tree, key)!))
  })
})
