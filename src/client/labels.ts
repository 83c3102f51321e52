// Labels and formats for what the viewer shows: commune kinds, roles, phases, who reports, in the
// app's language (modules/i18n.ts `translate`, read when a screen renders, so it follows a switch).
import type { Commune, Reporters, Role, Unit, UnitKind } from '../shared/model'
import { UNIT_KIND_LABELS } from '../shared/unitKinds'
import { formatIsoDate, phaseDates } from './format'
import { labelMessages } from './labelMessages'
import { registerMessages, translate as t } from './modules/i18n'

registerMessages(labelMessages)

export { UNIT_KIND_LABELS, formatIsoDate }

/** The name of the app, as the browser tab shows it. */
export const appTitle = (): string => t('app.title')

const HEADS = ['thon', 'to_dan_pho', 'khom', 'ap', 'ban'] as const
const isHeadKind = (kind: string): kind is (typeof HEADS)[number] => (HEADS as readonly string[]).includes(kind)

/** A user's role as people say it: a reporter for one kind of residential unit is that unit's head. */
export function roleLabel(role: Role, units: readonly { kind: string }[]): string {
  const kinds = new Set(units.map((u) => u.kind))
  const [kind] = kinds
  return role === 'reporter' && kinds.size === 1 && kind !== undefined && isHeadKind(kind) ? t(`labels.heads.${kind}`) : t(`labels.roles.${role}`)
}

/** "Xã Phổ Thuận"; a name that already carries its kind (in Vietnamese, as names are written) is kept as it is. */
export function communeTitle(c: Pick<Commune, 'name' | 'kind'>): string {
  const vi = labelMessages.vi.labels.communeKinds[c.kind]
  return c.name.toLocaleLowerCase('vi').startsWith(vi.toLocaleLowerCase('vi')) ? c.name : t('labels.communeTitle', { kind: t(`labels.communeKinds.${c.kind}`), name: c.name })
}

/** Where a commune is: "Thị xã Đức Phổ, Tỉnh Quảng Ngãi" for an old plan, the province alone since districts went. */
export function communePlace(c: { district?: string | null | undefined; province: string }): string {
  return c.district ? `${c.district}, ${c.province}` : c.province
}

/** A phase's dates as the plan view shows them; a special phase may be not opened or under way. */
export function phaseSpan(phase: { from?: string; to?: string }): string {
  return phase.from === undefined ? t('labels.specialNotOpened') : phaseDates(t, phase)
}

/** A unit kind's name, lower case ("thôn"). */
export const unitKindLabel = (kind: UnitKind): string => t(`labels.unitKinds.${kind}`)

/**
 * Who reports an indicator: "6 thôn, Công an xã". A kind with one unit is named by that unit,
 * a kind with none by its label; named units are listed by name. Inactive units no longer
 * report, so they are not counted, but a unit the plan names is still named.
 */
export function describeReporters(reporters: Reporters, units: readonly (Unit & { active?: boolean })[]): string {
  const parts = reporters.kinds.map((kind) => {
    const ofKind = units.filter((u) => u.kind === kind && u.active !== false)
    if (ofKind.length === 1) return ofKind[0]?.name ?? unitKindLabel(kind)
    return ofKind.length > 1 ? `${ofKind.length} ${unitKindLabel(kind)}` : unitKindLabel(kind)
  })
  for (const code of reporters.units) {
    const unit = units.find((u) => u.code === code)
    if (unit === undefined || !reporters.kinds.includes(unit.kind)) parts.push(unit?.name ?? code)
  }
  return parts.join(', ')
}
