import { describe, expect, it } from 'vitest'
import { buildFieldTree } from '../../src/client/components/plan/fieldTree'
import { communeTitle, describeReporters, formatIsoDate, roleLabel } from '../../src/client/labels'
import { communeHref, viewerRoute } from '../../src/client/route'
import * as v from 'valibot'
import { IndicatorSchema, type Indicator, type Unit } from '../../src/shared/model'

const units: Unit[] = [
  { code: 'T1', name: 'Thôn 1', kind: 'thon' },
  { code: 'T2', name: 'Thôn 2', kind: 'thon' },
  { code: 'T3', name: 'Thôn 3', kind: 'thon' },
  { code: 'CA', name: 'Công an phường', kind: 'cong_an' },
]

describe('labels', () => {
  it('formats ISO dates as dd/mm/yyyy', () => {
    expect(formatIsoDate('2022-12-22')).toBe('22/12/2022')
    expect(formatIsoDate('2024-01-05')).toBe('05/01/2024')
  })

  it('names a commune with its kind once', () => {
    expect(communeTitle({ name: 'Phổ Thuận', kind: 'xa' })).toBe('Xã Phổ Thuận')
    expect(communeTitle({ name: 'Phường Trương Quang Trọng', kind: 'phuong' })).toBe('Phường Trương Quang Trọng')
    expect(communeTitle({ name: 'Tân Hòa', kind: 'thi_tran' })).toBe('Thị trấn Tân Hòa')
  })

  it('says who reports: a count per kind, a lone unit by name, named units by name', () => {
    expect(describeReporters({ kinds: ['thon', 'cong_an'], units: [] }, units)).toBe('3 thôn, Công an phường')
    expect(describeReporters({ kinds: ['tram_y_te'], units: ['T1'] }, units)).toBe('trạm y tế, Thôn 1')
    expect(describeReporters({ kinds: ['thon'], units: ['T1', 'X9'] }, units)).toBe('3 thôn, X9')
  })

  it('counts only the units still active, but still names an inactive one the plan names', () => {
    const withMerged = units.map((u) => ({ ...u, active: u.code !== 'T3' }))
    expect(describeReporters({ kinds: ['thon'], units: [] }, withMerged)).toBe('2 thôn')
    expect(describeReporters({ kinds: ['cong_an'], units: ['T3'] }, withMerged)).toBe('Công an phường, Thôn 3')
  })

  it('names roles in Vietnamese, a village reporter as the village head', () => {
    expect(roleLabel('officer', [])).toBe('Cán bộ xã')
    expect(roleLabel('leader', [])).toBe('Lãnh đạo')
    expect(roleLabel('admin', [])).toBe('Quản trị hệ thống')
    expect(roleLabel('reporter', [{ kind: 'thon' }])).toBe('Trưởng thôn')
    expect(roleLabel('reporter', [{ kind: 'to_dan_pho' }, { kind: 'to_dan_pho' }])).toBe('Tổ trưởng tổ dân phố')
    expect(roleLabel('reporter', [{ kind: 'tram_y_te' }])).toBe('Báo cáo viên')
    expect(roleLabel('reporter', [{ kind: 'thon' }, { kind: 'cong_an' }])).toBe('Báo cáo viên')
    expect(roleLabel('reporter', [])).toBe('Báo cáo viên')
  })
})

describe('route', () => {
  it('reads the selected commune and year from the route params and writes them back', () => {
    expect(viewerRoute({})).toEqual({ screen: 'home' })
    expect(viewerRoute({ commune: '' })).toEqual({ screen: 'home' })
    expect(viewerRoute({ commune: 'pho-thuan' })).toEqual({ screen: 'commune', code: 'pho-thuan' })
    expect(viewerRoute({ commune: 'pho-thuan', year: '2023' })).toEqual({ screen: 'commune', code: 'pho-thuan', year: 2023 })
    expect(viewerRoute({ commune: 'pho-thuan', year: '23' })).toEqual({ screen: 'commune', code: 'pho-thuan' })
    expect(communeHref('pho-thuan', 2024)).toBe('/ke-hoach/pho-thuan/2024')
    expect(communeHref('a b')).toBe('/ke-hoach/a%20b')
  })
})

describe('buildFieldTree', () => {
  const ind = (code: string, field: string): Indicator =>
    v.parse(IndicatorSchema, { code, name: code, field, unitOfMeasure: 'ha', aggregation: 'flow', reporters: { kinds: ['thon'] } })

  it('nests fields under their parents and keeps indicators with an unknown field', () => {
    const tree = buildFieldTree({
      fields: [
        { code: 'A', name: 'A' },
        { code: 'A1', name: 'A1', parent: 'A' },
      ],
      indicators: [ind('x', 'A1'), ind('y', 'ZZ')],
    })
    expect(tree.map((n) => n.field.name)).toEqual(['A', 'Chỉ tiêu khác'])
    expect(tree[0]?.children[0]?.indicators.map((r) => r.indicator.code)).toEqual(['x'])
    expect(tree[1]?.indicators.map((r) => r.indicator.code)).toEqual(['y'])
  })

  it('indents a part only where it follows its whole', () => {
    const whole = (code: string, children: string[]): Indicator => ({ ...ind(code, 'A'), children })
    const tree = buildFieldTree({
      fields: [{ code: 'A', name: 'A' }],
      indicators: [whole('LT', ['LUA', 'NGO']), ind('LUA', 'A'), ind('NGO', 'A'), ind('RAU', 'A'), whole('T2', ['P']), ind('X', 'A'), ind('P', 'A')],
    })
    expect(tree[0]?.indicators.map((r) => `${r.indicator.code}:${r.sub}`)).toEqual(['LT:false', 'LUA:true', 'NGO:true', 'RAU:false', 'T2:false', 'X:false', 'P:false'])
  })

  it('shows fields whose parents loop at the top instead of losing them', () => {
    const tree = buildFieldTree({
      fields: [
        { code: 'A', name: 'A', parent: 'B' },
        { code: 'B', name: 'B', parent: 'A' },
        { code: 'C', name: 'C', parent: 'A' },
      ],
      indicators: [],
    })
    expect(tree.map((n) => n.field.code)).toEqual(['A', 'B'])
    expect(tree[0]?.children.map((n) => n.field.code)).toEqual(['C'])
  })
})
