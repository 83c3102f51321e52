// Vietnamese labels and formats for what the viewer shows: unit kinds, commune kinds, roles, dates, who reports.
import type { Commune, Reporters, Role, Unit } from '../shared/model'
import { UNIT_KIND_LABELS } from '../shared/unitKinds'

/** The name of the app, as the browser tab shows it. */
export const APP_TITLE = 'Thi đua – Báo cáo chỉ tiêu'

export { UNIT_KIND_LABELS }

const COMMUNE_KIND_LABELS: Readonly<Record<Commune['kind'], string>> = {
  xa: 'Xã',
  phuong: 'Phường',
  dac_khu: 'Đặc khu',
  thi_tran: 'Thị trấn',
}

const ROLE_LABELS: Readonly<Record<Role, string>> = {
  reporter: 'Báo cáo viên',
  officer: 'Cán bộ xã',
  leader: 'Lãnh đạo',
  admin: 'Quản trị hệ thống',
  province_admin: 'Quản trị tỉnh',
  province_viewer: 'Lãnh đạo, chuyên viên tỉnh',
}

/** The head of a residential unit, by the unit's kind. */
const HEAD_LABELS: Readonly<Partial<Record<string, string>>> = {
  thon: 'Trưởng thôn',
  to_dan_pho: 'Tổ trưởng tổ dân phố',
  khom: 'Trưởng khóm',
  ap: 'Trưởng ấp',
  ban: 'Trưởng bản',
}

/** A user's role as people say it: a reporter for one kind of residential unit is that unit's head. */
export function roleLabel(role: Role, units: readonly { kind: string }[]): string {
  const kinds = new Set(units.map((u) => u.kind))
  const [kind] = kinds
  const head = role === 'reporter' && kinds.size === 1 && kind !== undefined ? HEAD_LABELS[kind] : undefined
  return head ?? ROLE_LABELS[role]
}

/** "Xã Phổ Thuận"; a name that already carries its kind is kept as it is. */
export function communeTitle(c: Pick<Commune, 'name' | 'kind'>): string {
  const label = COMMUNE_KIND_LABELS[c.kind]
  return c.name.toLocaleLowerCase('vi').startsWith(label.toLocaleLowerCase('vi')) ? c.name : `${label} ${c.name}`
}

/** Where a commune is: "Thị xã Đức Phổ, Tỉnh Quảng Ngãi" for an old plan, the province alone since districts went. */
export function communePlace(c: { district?: string | null | undefined; province: string }): string {
  return c.district ? `${c.district}, ${c.province}` : c.province
}

/** `2022-12-22` → `22/12/2022`, read as written: no time zone can move the day. */
export function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.split('-')
  return y && m && d ? `${d}/${m}/${y}` : iso
}

/** A phase's dates as the plan view shows them; a special phase may be not opened or under way. */
export function phaseSpan(phase: { from?: string; to?: string }): string {
  if (phase.from === undefined) return 'đợt đặc biệt, chưa mở'
  if (phase.to === undefined) return `từ ${formatIsoDate(phase.from)}, đang diễn ra`
  return `${formatIsoDate(phase.from)} – ${formatIsoDate(phase.to)}`
}

/**
 * Who reports an indicator: "6 thôn, Công an xã". A kind with one unit is named by that unit,
 * a kind with none by its label; named units are listed by name. Inactive units no longer
 * report, so they are not counted, but a unit the plan names is still named.
 */
export function describeReporters(reporters: Reporters, units: readonly (Unit & { active?: boolean })[]): string {
  const parts = reporters.kinds.map((kind) => {
    const ofKind = units.filter((u) => u.kind === kind && u.active !== false)
    if (ofKind.length === 1) return ofKind[0]?.name ?? UNIT_KIND_LABELS[kind]
    return ofKind.length > 1 ? `${ofKind.length} ${UNIT_KIND_LABELS[kind]}` : UNIT_KIND_LABELS[kind]
  })
  for (const code of reporters.units) {
    const unit = units.find((u) => u.code === code)
    if (unit === undefined || !reporters.kinds.includes(unit.kind)) parts.push(unit?.name ?? code)
  }
  return parts.join(', ')
}
