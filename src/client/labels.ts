// Vietnamese labels and formats for what the viewer shows: unit kinds, commune kinds, dates, who reports.
import type { Commune, Reporters, Unit, UnitKind } from '../shared/model'

export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, string>> = {
  thon: 'thôn',
  to_dan_pho: 'tổ dân phố',
  khom: 'khóm',
  ap: 'ấp',
  ban: 'bản',
  tram_y_te: 'trạm y tế',
  truong_hoc: 'trường học',
  cong_an: 'công an',
  quan_su: 'ban chỉ huy quân sự',
  bo_phan: 'bộ phận chuyên môn',
  doan_the: 'đoàn thể',
  htx: 'hợp tác xã',
}

const COMMUNE_KIND_LABELS: Readonly<Record<Commune['kind'], string>> = {
  xa: 'Xã',
  phuong: 'Phường',
  thi_tran: 'Thị trấn',
}

/** "Xã Phổ Thuận"; a name that already carries its kind is kept as it is. */
export function communeTitle(c: Pick<Commune, 'name' | 'kind'>): string {
  const label = COMMUNE_KIND_LABELS[c.kind]
  return c.name.toLocaleLowerCase('vi').startsWith(label.toLocaleLowerCase('vi')) ? c.name : `${label} ${c.name}`
}

/** `2022-12-22` → `22/12/2022`, read as written: no time zone can move the day. */
export function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.split('-')
  return y && m && d ? `${d}/${m}/${y}` : iso
}

/**
 * Who reports an indicator: "6 thôn, Công an xã". A kind with one unit is named by that unit,
 * a kind with none by its label; named units are listed by name.
 */
export function describeReporters(reporters: Reporters, units: readonly Unit[]): string {
  const parts = reporters.kinds.map((kind) => {
    const ofKind = units.filter((u) => u.kind === kind)
    if (ofKind.length === 1) return ofKind[0]?.name ?? UNIT_KIND_LABELS[kind]
    return ofKind.length > 1 ? `${ofKind.length} ${UNIT_KIND_LABELS[kind]}` : UNIT_KIND_LABELS[kind]
  })
  for (const code of reporters.units) {
    const unit = units.find((u) => u.code === code)
    if (unit === undefined || !reporters.kinds.includes(unit.kind)) parts.push(unit?.name ?? code)
  }
  return parts.join(', ')
}
