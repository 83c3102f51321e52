// Registration for emulation titles (đăng ký thi đua, issue 15 item 1; Law 06/2022/QH15, decree
// 98/2023/NĐ-CP): the commune's list of titles (data the officer edits), a unit's registration of
// a year, the year's deadline, and the pure rules every writer applies alike (the REST routes, the
// sync ingest, the phone before it queues): who may register what, the deadline, duplicates.
import * as v from 'valibot'
import { CodeSchema, IsoDateSchema, RESIDENTIAL_UNIT_KINDS, UnitKindSchema, type UnitKind } from './model'
import { vietnamDate } from './periods'
import { TextSchema } from './text'

// ---------------------------------------------------------------------------
// Titles

/**
 * Who a title is for: a person (Lao động tiên tiến), a household (Gia đình văn hóa), both listed
 * by name among a unit's people; or the unit itself (Tập thể lao động tiên tiến).
 */
export const TitleScopeSchema = v.picklist(['individual', 'household', 'collective'])
export type TitleScope = v.InferOutput<typeof TitleScopeSchema>

export const RegistrationTitleSchema = v.object({
  code: CodeSchema,
  name: v.pipe(TextSchema, v.trim(), v.minLength(1, 'tên danh hiệu không được để trống'), v.maxLength(200, 'tên danh hiệu tối đa 200 ký tự')),
  scope: TitleScopeSchema,
  /** The unit kinds the title is offered to; empty: every kind. */
  unitKinds: v.pipe(v.array(UnitKindSchema), v.maxLength(UnitKindSchema.options.length)),
  active: v.boolean(),
})
export type RegistrationTitle = v.InferOutput<typeof RegistrationTitleSchema>

const AGENCY_KINDS: UnitKind[] = UnitKindSchema.options.filter((k) => !RESIDENTIAL_UNIT_KINDS.includes(k))

/**
 * The commune-level titles of decree 98/2023/NĐ-CP, the list a commune starts with: a commune
 * that never edited its list uses these (nothing is written until the officer changes one).
 */
export const DEFAULT_TITLES: readonly RegistrationTitle[] = [
  { code: 'LDTT', name: 'Lao động tiên tiến', scope: 'individual', unitKinds: [], active: true },
  { code: 'CSTDCS', name: 'Chiến sĩ thi đua cơ sở', scope: 'individual', unitKinds: [], active: true },
  { code: 'TTLDTT', name: 'Tập thể lao động tiên tiến', scope: 'collective', unitKinds: AGENCY_KINDS, active: true },
  { code: 'TDPVH', name: 'Thôn, tổ dân phố văn hóa', scope: 'collective', unitKinds: [...RESIDENTIAL_UNIT_KINDS], active: true },
  { code: 'GDVH', name: 'Gia đình văn hóa', scope: 'household', unitKinds: [...RESIDENTIAL_UNIT_KINDS], active: true },
]

/** The commune's titles: its own list once the officer edited it, else the defaults. */
export function effectiveTitles(stored: readonly RegistrationTitle[]): readonly RegistrationTitle[] {
  return stored.length > 0 ? stored : DEFAULT_TITLES
}

/** Whether a unit of that kind may register the title. */
export function isOffered(title: RegistrationTitle, kind: string): boolean {
  return title.active && (title.unitKinds.length === 0 || (title.unitKinds as string[]).includes(kind))
}

/** The titles a unit of that kind may register, for the unit itself or for its people. */
export function titlesFor(titles: readonly RegistrationTitle[], kind: string): { collective: RegistrationTitle[]; people: RegistrationTitle[] } {
  const offered = titles.filter((t) => isOffered(t, kind))
  return { collective: offered.filter((t) => t.scope === 'collective'), people: offered.filter((t) => t.scope !== 'collective') }
}

// ---------------------------------------------------------------------------
// A unit's registration of a year

const PersonText = (what: string, max: number) => v.pipe(TextSchema, v.trim(), v.maxLength(max, `${what} tối đa ${max} ký tự`))

/** A person (or a household, by the name of its head) registering a title. */
export const RegisteredPersonSchema = v.object({
  name: v.pipe(PersonText('họ tên', 120), v.minLength(1, 'cần ghi họ tên')),
  position: PersonText('chức vụ', 120),
  title: CodeSchema,
})
export type RegisteredPerson = v.InferOutput<typeof RegisteredPersonSchema>

export const REGISTRATION_LIMITS = { collective: 20, people: 500, pledges: 5000 } as const

/** What a unit registers: its collective titles, its people's titles, its pledges (giao ước thi đua). */
export const RegistrationContentSchema = v.object({
  collective: v.pipe(v.array(CodeSchema), v.maxLength(REGISTRATION_LIMITS.collective, `tối đa ${REGISTRATION_LIMITS.collective} danh hiệu tập thể`)),
  people: v.pipe(v.array(RegisteredPersonSchema), v.maxLength(REGISTRATION_LIMITS.people, `tối đa ${REGISTRATION_LIMITS.people} người đăng ký`)),
  pledges: PersonText('giao ước thi đua', REGISTRATION_LIMITS.pledges),
})
export type RegistrationContent = v.InferOutput<typeof RegistrationContentSchema>

export const EMPTY_REGISTRATION: RegistrationContent = { collective: [], people: [], pledges: '' }

export const RegistrationStatusSchema = v.picklist(['draft', 'submitted', 'approved', 'returned'])
export type RegistrationStatus = v.InferOutput<typeof RegistrationStatusSchema>

export const RegistrationYearSchema = v.pipe(v.number(), v.integer(), v.minValue(2000, 'năm không hợp lệ'), v.maxValue(2100, 'năm không hợp lệ'))

/** A year's registration window: the deadline (none: open), and who may still register after it. */
export const RegistrationSettingsSchema = v.object({
  deadline: v.nullable(IsoDateSchema),
  /** Everyone may register after the deadline. */
  allowLate: v.boolean(),
  /** These units may register after the deadline. */
  allowLateUnits: v.pipe(v.array(CodeSchema), v.maxLength(2000)),
})
export type RegistrationSettings = v.InferOutput<typeof RegistrationSettingsSchema>

export const OPEN_SETTINGS: RegistrationSettings = { deadline: null, allowLate: false, allowLateUnits: [] }

// ---------------------------------------------------------------------------
// Rules

/** Why a registration is refused, as the API and the sync outcome name it. */
export type RegistrationRefusal = 'registration_closed' | 'title_not_offered' | 'duplicate_registration' | 'not_found' | 'registration_approved' | 'invalid_transition'

export interface RegistrationProblem {
  code: RegistrationRefusal
  /** Vietnamese, for the user (the server's answer). */
  message: string
  /** What the message names, for a client that words it in its user's language. */
  params: { title?: string; name?: string; unit?: string; deadline?: string }
}


/** Whether the unit may still register at `now`: no deadline, the deadline's day not over, or allowed late. */
export function registrationOpen(settings: RegistrationSettings, unitCode: string, now: Date): boolean {
  if (settings.deadline === null || settings.allowLate || settings.allowLateUnits.includes(unitCode)) return true
  return vietnamDate(now) <= settings.deadline
}

/** A person's name as compared for duplicates: spacing, case and Unicode composition aside. */
export function personKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi')
}

const viDate = (iso: string): string => iso.split('-').reverse().join('/')

/**
 * The first thing wrong with what a unit registers, or null: a title unknown to the commune
 * (`not_found`), one not offered to the unit's kind or registered in the wrong list
 * (`title_not_offered`), a collective title twice or a person twice for one title
 * (`duplicate_registration`).
 */
export function contentProblem(content: RegistrationContent, unit: { code: string; kind: string }, titles: readonly RegistrationTitle[]): RegistrationProblem | null {
  const byCode = new Map(titles.map((t) => [t.code, t]))
  const check = (code: string, collective: boolean): RegistrationProblem | null => {
    const title = byCode.get(code)
    if (!title) return { code: 'not_found', message: `Không có danh hiệu “${code}” trong danh sách của xã`, params: { title: code } }
    if (!isOffered(title, unit.kind)) return { code: 'title_not_offered', message: `Danh hiệu “${title.name}” không dành cho đơn vị “${unit.code}”`, params: { title: title.name, unit: unit.code } }
    if (collective !== (title.scope === 'collective')) {
      return {
        code: 'title_not_offered',
        message: collective ? `“${title.name}” là danh hiệu cá nhân, không đăng ký cho tập thể` : `“${title.name}” là danh hiệu tập thể, không đăng ký cho cá nhân`,
        params: { title: title.name, unit: unit.code },
      }
    }
    return null
  }
  const seen = new Set<string>()
  for (const code of content.collective) {
    const p = check(code, true)
    if (p) return p
    if (seen.has(code)) return { code: 'duplicate_registration', message: `Đơn vị “${unit.code}” đã đăng ký danh hiệu “${byCode.get(code)!.name}”`, params: { title: byCode.get(code)!.name, name: unit.code } }
    seen.add(code)
  }
  const people = new Set<string>()
  for (const person of content.people) {
    const p = check(person.title, false)
    if (p) return p
    const key = `${personKey(person.name)}\u0000${person.title}`
    if (people.has(key)) return { code: 'duplicate_registration', message: `${person.name} đã đăng ký danh hiệu “${byCode.get(person.title)!.name}”`, params: { title: byCode.get(person.title)!.name, name: person.name } }
    people.add(key)
  }
  return null
}

export type RegistrationAction = 'save' | 'submit' | 'recall'

/** The status an action leads to from `from` (`none`: no registration yet), or null when it may not. */
export function nextStatus(from: RegistrationStatus | 'none', action: RegistrationAction): RegistrationStatus | null {
  if (action === 'recall') return from === 'submitted' ? 'draft' : null
  if (from === 'approved' || from === 'submitted') return null
  return action === 'submit' ? 'submitted' : 'draft'
}

export interface RegistrationState {
  status: RegistrationStatus | 'none'
  content: RegistrationContent
}

/**
 * Decides one write of a unit's registration: the problem that refuses it, or null. `late`
 * exempts the writer from the deadline (the officer, registering on a unit's behalf).
 */
export function registrationProblem(
  input: {
    action: RegistrationAction
    content: RegistrationContent | undefined
    unit: { code: string; kind: string }
    titles: readonly RegistrationTitle[]
    settings: RegistrationSettings
    current: RegistrationState
    now: Date
    exempt?: boolean
  },
): RegistrationProblem | null {
  const { action, current } = input
  if (current.status === 'approved') return { code: 'registration_approved', message: 'Đăng ký thi đua đã được duyệt, không sửa được', params: {} }
  if (nextStatus(current.status, action) === null) {
    return {
      code: 'invalid_transition',
      message: action === 'recall' ? 'Chỉ rút lại được đăng ký đã gửi, chưa duyệt' : 'Đăng ký đã gửi, đang chờ duyệt. Rút lại để sửa.',
      params: {},
    }
  }
  if (action === 'recall') return null
  if (!input.exempt && !registrationOpen(input.settings, input.unit.code, input.now)) {
    const deadline = viDate(input.settings.deadline!)
    return { code: 'registration_closed', message: `Đã hết hạn đăng ký thi đua (hạn ${deadline}). Liên hệ cán bộ xã nếu cần đăng ký muộn.`, params: { deadline } }
  }
  return contentProblem(input.content ?? current.content, input.unit, input.titles)
}

/** Whether two contents are the same registration (the order of titles and people aside). */
export function sameContent(a: RegistrationContent, b: RegistrationContent): boolean {
  const people = (c: RegistrationContent) => c.people.map((p) => `${personKey(p.name)}\u0000${p.position.trim()}\u0000${p.title}`).sort()
  return JSON.stringify([[...a.collective].sort(), people(a), a.pledges.trim()]) === JSON.stringify([[...b.collective].sort(), people(b), b.pledges.trim()])
}

/** Counts for the registration board: by title, units (collective) or people registered. */
export function countByTitle(registrations: readonly { content: RegistrationContent }[]): Map<string, number> {
  const counts = new Map<string, number>()
  const add = (code: string) => counts.set(code, (counts.get(code) ?? 0) + 1)
  for (const r of registrations) {
    for (const code of r.content.collective) add(code)
    for (const p of r.content.people) add(p.title)
  }
  return counts
}

// ---------------------------------------------------------------------------
// What the registration routes answer (server/routes/registrations.ts; the officer's screens read them)

/** A unit's registration of a year as the server holds it, with who and when. */
export interface Registration {
  unit: string
  year: number
  status: RegistrationStatus | 'none'
  content: RegistrationContent
  returnReason: string | null
  submittedAt: string | null
  decidedAt: string | null
  decidedBy: string | null
  updatedBy: string | null
  updatedAt: string | null
  version: number
}

export interface BoardUnit {
  code: string
  name: string
  kind: string
  registration: Registration
}

export interface RegistrationBoard {
  year: number
  settings: RegistrationSettings
  titles: RegistrationTitle[]
  units: BoardUnit[]
}
