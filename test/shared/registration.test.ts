import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import {
  DEFAULT_TITLES,
  OPEN_SETTINGS,
  RegistrationContentSchema,
  contentProblem,
  countByTitle,
  effectiveTitles,
  nextStatus,
  registrationOpen,
  registrationProblem,
  sameContent,
  titlesFor,
  type RegistrationContent,
} from '../../src/shared/registration'

const village = { code: 'T1', kind: 'thon' }
const school = { code: 'THCS', kind: 'truong_hoc' }
const content = (over: Partial<RegistrationContent> = {}): RegistrationContent => ({ collective: [], people: [], pledges: '', ...over })

describe('the titles a unit may register', () => {
  it('offers a village its collective title and households; an agency the collective labour title', () => {
    expect(titlesFor(DEFAULT_TITLES, 'thon').collective.map((t) => t.code)).toEqual(['TDPVH'])
    expect(titlesFor(DEFAULT_TITLES, 'thon').people.map((t) => t.code)).toEqual(['LDTT', 'CSTDCS', 'GDVH'])
    expect(titlesFor(DEFAULT_TITLES, 'truong_hoc').collective.map((t) => t.code)).toEqual(['TTLDTT'])
    expect(titlesFor(DEFAULT_TITLES, 'truong_hoc').people.map((t) => t.code)).toEqual(['LDTT', 'CSTDCS'])
  })

  it('uses the commune’s own list once it has one, and never offers an inactive title', () => {
    const own = [{ code: 'X', name: 'Danh hiệu X', scope: 'collective' as const, unitKinds: [], active: false }]
    expect(effectiveTitles([])).toBe(DEFAULT_TITLES)
    expect(effectiveTitles(own)).toBe(own)
    expect(titlesFor(own, 'thon').collective).toEqual([])
  })
})

describe('contentProblem', () => {
  it('takes a registration that fits the unit', () => {
    const ok = content({ collective: ['TDPVH'], people: [{ name: 'Nguyễn Văn An', position: 'Trưởng thôn', title: 'LDTT' }, { name: 'Hộ ông Lê Văn Bình', position: '', title: 'GDVH' }] })
    expect(contentProblem(ok, village, DEFAULT_TITLES)).toBeNull()
  })

  it.each([
    ['a title not offered to the kind', content({ collective: ['TTLDTT'] }), village, 'title_not_offered'],
    ['a household title at a school', content({ people: [{ name: 'A', position: '', title: 'GDVH' }] }), school, 'title_not_offered'],
    ['an individual title as collective', content({ collective: ['LDTT'] }), village, 'title_not_offered'],
    ['a collective title for a person', content({ people: [{ name: 'A', position: '', title: 'TDPVH' }] }), village, 'title_not_offered'],
    ['an unknown title', content({ collective: ['KHONG_CO'] }), village, 'not_found'],
    ['a collective title twice', content({ collective: ['TDPVH', 'TDPVH'] }), village, 'duplicate_registration'],
  ] as const)('refuses %s', (_what, c, unit, code) => {
    expect(contentProblem(c, unit, DEFAULT_TITLES)?.code).toBe(code)
  })

  it('finds the same person twice for one title whatever the spacing, case or composition', () => {
    const twice = content({
      people: [
        { name: 'Nguyễn Văn An', position: 'Trưởng thôn', title: 'LDTT' },
        { name: '  nguyễn   văn AN ', position: '', title: 'LDTT' },
      ],
    })
    expect(contentProblem(twice, village, DEFAULT_TITLES)).toMatchObject({ code: 'duplicate_registration', message: expect.stringContaining('Lao động tiên tiến') })
    // Decomposed "ễ" (e + circumflex + tilde) is the same name.
    const decomposed = content({ people: [{ name: 'Nguyễn An', position: '', title: 'LDTT' }, { name: 'Nguyễn An'.normalize('NFD'), position: '', title: 'LDTT' }] })
    expect(contentProblem(decomposed, village, DEFAULT_TITLES)?.code).toBe('duplicate_registration')
    // The same person for two titles is fine.
    const two = content({ people: [{ name: 'Nguyễn Văn An', position: '', title: 'LDTT' }, { name: 'Nguyễn Văn An', position: '', title: 'CSTDCS' }] })
    expect(contentProblem(two, village, DEFAULT_TITLES)).toBeNull()
  })
})

describe('the deadline', () => {
  const settings = { deadline: '2024-03-31', allowLate: false, allowLateUnits: [] }

  it('is open through the deadline’s whole day in Vietnam, closed after', () => {
    expect(registrationOpen(settings, 'T1', new Date('2024-03-31T16:59:59Z'))).toBe(true)
    expect(registrationOpen(settings, 'T1', new Date('2024-03-31T17:00:00Z'))).toBe(false)
    expect(registrationOpen(OPEN_SETTINGS, 'T1', new Date('2030-01-01T00:00:00Z'))).toBe(true)
  })

  it('lets late registrations in when the officer allows them, for everyone or for one unit', () => {
    const late = new Date('2024-04-02T00:00:00Z')
    expect(registrationOpen({ ...settings, allowLate: true }, 'T1', late)).toBe(true)
    expect(registrationOpen({ ...settings, allowLateUnits: ['T1'] }, 'T1', late)).toBe(true)
    expect(registrationOpen({ ...settings, allowLateUnits: ['T1'] }, 'T2', late)).toBe(false)
  })
})

describe('registrationProblem: the lifecycle', () => {
  const base = { unit: village, titles: DEFAULT_TITLES, settings: { deadline: '2024-03-31', allowLate: false, allowLateUnits: [] }, now: new Date('2024-02-01T00:00:00Z') }
  const ok = content({ collective: ['TDPVH'] })

  it('follows draft → submitted → approved / returned, a recall only of a submitted one', () => {
    expect(nextStatus('none', 'submit')).toBe('submitted')
    expect(nextStatus('returned', 'submit')).toBe('submitted')
    expect(nextStatus('submitted', 'recall')).toBe('draft')
    expect(nextStatus('draft', 'recall')).toBeNull()
    expect(nextStatus('submitted', 'save')).toBeNull()
  })

  it('refuses a change of an approved registration, and a late one unless exempt', () => {
    expect(registrationProblem({ ...base, action: 'submit', content: ok, current: { status: 'approved', content: ok } })?.code).toBe('registration_approved')
    expect(registrationProblem({ ...base, action: 'submit', content: ok, current: { status: 'submitted', content: ok } })?.code).toBe('invalid_transition')
    const late = { ...base, now: new Date('2024-04-05T00:00:00Z'), action: 'submit' as const, content: ok, current: { status: 'none' as const, content: content() } }
    expect(registrationProblem(late)?.code).toBe('registration_closed')
    expect(registrationProblem({ ...late, exempt: true })).toBeNull()
    // A recall after the deadline is always possible: it registers nothing.
    expect(registrationProblem({ ...late, action: 'recall', current: { status: 'submitted', content: ok } })).toBeNull()
  })
})

describe('helpers', () => {
  it('compares contents regardless of order and counts registrations by title', () => {
    const a = content({ collective: ['A', 'B'], people: [{ name: 'X', position: '', title: 'LDTT' }, { name: 'Y', position: '', title: 'LDTT' }] })
    const b = content({ collective: ['B', 'A'], people: [{ name: 'Y', position: '', title: 'LDTT' }, { name: 'X', position: '', title: 'LDTT' }] })
    expect(sameContent(a, b)).toBe(true)
    expect(sameContent(a, { ...b, pledges: 'khác' })).toBe(false)
    expect(Object.fromEntries(countByTitle([{ content: a }, { content: b }]))).toEqual({ A: 2, B: 2, LDTT: 4 })
  })

  it('parses content with the shared schema: names trimmed, no empty name, bounded', () => {
    expect(v.parse(RegistrationContentSchema, { collective: [], people: [{ name: '  An ', position: ' ', title: 'LDTT' }], pledges: ' x ' })).toEqual({
      collective: [],
      people: [{ name: 'An', position: '', title: 'LDTT' }],
      pledges: 'x',
    })
    expect(v.safeParse(RegistrationContentSchema, { collective: [], people: [{ name: ' ', position: '', title: 'LDTT' }], pledges: '' }).success).toBe(false)
    expect(v.safeParse(RegistrationContentSchema, { collective: [], people: [], pledges: 'a\u0000' }).success).toBe(false)
  })
})
