// The three demo communes (src/server/demo/plans/*.json) encode the real plans in shared/seeds:
// they load, their only arithmetic slip is the one in the Trương Quang Trọng rice line, and the
// counts below were read off the seeds.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { RESIDENTIAL_UNIT_KINDS, TARGET_KINDS, type Indicator, type Target, type TargetKind } from '../../src/shared/model'
import { loadPlanFile, reportingUnits, type PlanFile } from '../../src/shared/planFile'
import type { ValidationIssue } from '../../src/shared/validation'

const FILES = ['truong-quang-trong-2022', 'pho-thuan-2023', 'tra-phong-2022'] as const
type FileName = (typeof FILES)[number]

interface Loaded {
  file: PlanFile
  issues: ValidationIssue[]
}

function load(name: FileName): Loaded {
  const text = readFileSync(new URL(`../../src/server/demo/plans/${name}.json`, import.meta.url), 'utf8')
  const result = loadPlanFile(JSON.parse(text))
  if (!result.ok) throw new Error(`${name}: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`)
  return { file: result.file, issues: result.issues }
}

const plans = Object.fromEntries(FILES.map((name) => [name, load(name)])) as Record<FileName, Loaded>
const tqt = plans['truong-quang-trong-2022']
const phoThuan = plans['pho-thuan-2023']
const traPhong = plans['tra-phong-2022']

function ind(loaded: Loaded, code: string): Indicator {
  const found = loaded.file.plan.indicators.find((i) => i.code === code)
  if (!found) throw new Error(`no indicator ${code}`)
  return found
}

function targetOf<K extends TargetKind>(loaded: Loaded, code: string, kind: K): Extract<Target, { kind: K }> {
  const t = ind(loaded, code).target
  expect(t?.kind, code).toBe(kind)
  return t as Extract<Target, { kind: K }>
}

function countByKind(loaded: Loaded): Record<string, number> {
  const out: Record<string, number> = {}
  for (const i of loaded.file.plan.indicators) {
    const k = i.target?.kind ?? 'none'
    out[k] = (out[k] ?? 0) + 1
  }
  return out
}

const unitsOfKind = (loaded: Loaded, kind: string) => loaded.file.units.filter((u) => u.kind === kind)

describe('every demo plan', () => {
  it.each(FILES)('%s parses against the plan-file schema', (name) => {
    const result = loadPlanFile(JSON.parse(readFileSync(new URL(`../../src/server/demo/plans/${name}.json`, import.meta.url), 'utf8')))
    expect(result.ok ? [] : result.errors).toEqual([])
    expect(result.ok).toBe(true)
  })

  it('has no issue except the Trương Quang Trọng rice yield', () => {
    expect(phoThuan.issues).toEqual([])
    expect(traPhong.issues).toEqual([])
    expect(tqt.issues).toHaveLength(1)
    const [rice] = tqt.issues
    expect(rice?.code).toBe('derived_mismatch')
    expect(rice?.refs).toContain('LUA_NS')
    expect(rice?.refs[0]).toBe('LUA_NS')
    // 1.448,5 t × 10 ÷ 229 ha = 63,25 tạ/ha, not the 65 the plan states.
    expect(rice?.expected).toBeCloseTo(63.25, 2)
    expect(rice?.actual).toBe(65)
  })

  it.each(FILES)('%s: every field, parent and reporter unit exists', (name) => {
    const { issues } = plans[name]
    expect(issues.filter((i) => i.code.startsWith('unknown_'))).toEqual([])
  })

  it.each(FILES)('%s: every indicator reaches at least one real unit and quotes the plan', (name) => {
    const { file } = plans[name]
    for (const i of file.plan.indicators) {
      expect(reportingUnits(i.reporters, file.units).length, i.code).toBeGreaterThan(0)
      for (const kind of i.reporters.kinds) expect(unitsOfKind(plans[name], kind).length, `${i.code}: ${kind}`).toBeGreaterThan(0)
      expect(i.source?.trim().length ?? 0, i.code).toBeGreaterThan(0)
      expect(i.code, 'indicator codes are UPPER_SNAKE').toMatch(/^[A-Z][A-Z0-9_]*$/)
    }
  })

  it.each(FILES)('%s: every rate has a scale, and a % rate is in %', (name) => {
    for (const i of plans[name].file.plan.indicators.filter((x) => x.aggregation === 'rate')) {
      expect(i.scale, i.code).toBeDefined()
      if (i.scale === 100) expect(i.unitOfMeasure, i.code).toBe('%')
      if (i.scale === 1000) expect(i.unitOfMeasure, i.code).toBe('‰')
    }
  })

  it.each(FILES)('%s: two đợt thi đua, sơ kết at mid-year and tổng kết at year end', (name) => {
    const { plan } = plans[name].file
    expect(plan.phases.map((p) => [p.from, p.to])).toEqual([
      [`${plan.year}-01-01`, `${plan.year}-06-30`],
      [`${plan.year}-07-01`, `${plan.year}-12-31`],
    ])
  })

  it('uses all nine target kinds between them', () => {
    const used = new Set(FILES.flatMap((name) => plans[name].file.plan.indicators.map((i) => i.target?.kind)))
    for (const kind of TARGET_KINDS) expect(used, kind).toContain(kind)
  })

  it('ships demo accounts: one officer and one leader per commune, reporters bound to one unit, admin once', () => {
    const all = FILES.flatMap((name) => plans[name].file.accounts.map((a) => ({ ...a, name })))
    expect(new Set(all.map((a) => a.username)).size).toBe(all.length)
    expect(all.every((a) => a.password === 'thidua2024')).toBe(true)
    expect(all.filter((a) => a.role === 'admin').map((a) => [a.username, a.name])).toEqual([['admin', 'truong-quang-trong-2022']])
    const prefix: Record<FileName, string> = { 'truong-quang-trong-2022': 'tqt', 'pho-thuan-2023': 'phothuan', 'tra-phong-2022': 'traphong' }
    for (const name of FILES) {
      const { file } = plans[name]
      const p = prefix[name]
      expect(file.accounts.filter((a) => a.role === 'officer').map((a) => a.username)).toEqual([`${p}.canbo`])
      expect(file.accounts.filter((a) => a.role === 'leader').map((a) => a.username)).toEqual([`${p}.lanhdao`])
      const reporters = file.accounts.filter((a) => a.role === 'reporter')
      expect(reporters.length).toBeGreaterThanOrEqual(3)
      for (const r of reporters) {
        expect(r.username.startsWith(`${p}.`), r.username).toBe(true)
        expect(r.units, r.username).toHaveLength(1)
      }
      const unitKind = new Map(file.units.map((u) => [u.code, u.kind]))
      const villageHeads = reporters.filter((r) => RESIDENTIAL_UNIT_KINDS.includes(unitKind.get(r.units[0] ?? '') ?? 'htx'))
      expect(villageHeads.length).toBeGreaterThanOrEqual(2)
      const police = reporters.find((r) => r.username === `${p}.congan`)
      expect(unitKind.get(police?.units[0] ?? '')).toBe('cong_an')
      for (const a of file.accounts.filter((x) => x.role !== 'reporter')) expect(a.units, a.username).toEqual([])
    }
  })
})

describe('Trương Quang Trọng 2022', () => {
  const { file } = tqt

  it('is a phường of Thành phố Quảng Ngãi, with no number or date, and its chủ đề as theme', () => {
    expect(file.commune).toMatchObject({ code: 'tqt', kind: 'phuong', district: 'Thành phố Quảng Ngãi', province: 'Tỉnh Quảng Ngãi' })
    expect(file.plan.year).toBe(2022)
    expect(file.plan.number).toBeUndefined()
    expect(file.plan.issuedOn).toBeUndefined()
    expect(file.plan.theme).toMatch(/^Tiếp tục nâng cao năng lực lãnh đạo.*phục hồi và phát triển kinh tế phường$/)
    expect(file.plan.signedBy).toBe('Trương Thanh Thảo')
  })

  it('has the 12 tổ dân phố and its schools', () => {
    const tdp = unitsOfKind(tqt, 'to_dan_pho')
    expect(tdp.map((u) => u.code)).toEqual(Array.from({ length: 12 }, (_, i) => `TDP${String(i + 1).padStart(2, '0')}`))
    expect(tdp.map((u) => u.name)).toEqual(Array.from({ length: 12 }, (_, i) => `Tổ dân phố ${i + 1}`))
    expect(unitsOfKind(tqt, 'truong_hoc').map((u) => u.code)).toEqual(['MN', 'TH', 'THCS'])
    for (const kind of ['cong_an', 'quan_su', 'tram_y_te', 'doan_the']) expect(unitsOfKind(tqt, kind), kind).toHaveLength(1)
  })

  it('follows the plan’s four sections as fields', () => {
    expect(file.plan.fields.map((f) => f.code)).toEqual(['II.1', 'II.2', 'II.3', 'II.4'])
    expect(file.plan.fields.every((f) => f.parent === undefined)).toBe(true)
  })

  it('has 49 indicators, by target kind as read from the seed', () => {
    expect(file.plan.indicators).toHaveLength(49)
    expect(countByKind(tqt)).toEqual({ derived: 8, at_least: 21, at_most: 5, rate_at_least: 10, reduce_by: 1, yes_no: 4 })
  })

  it('derives every yield from summed output and area, as the plan states them', () => {
    const crops: [string, number, number, number][] = [
      ['LUA', 229, 65, 1448.5],
      ['NGO', 40, 57, 228],
      ['RAU', 40, 180, 720],
      ['MI', 18, 250, 450],
      ['LAC', 10, 22.1, 22.1],
      ['DAU', 1, 21, 2.1],
    ]
    for (const [p, area, yieldTarget, output] of crops) {
      expect(targetOf(tqt, `${p}_DT`, 'at_least').value).toBe(area)
      expect(targetOf(tqt, `${p}_SL`, 'at_least').value).toBe(output)
      expect(targetOf(tqt, `${p}_NS`, 'derived').value).toBe(yieldTarget)
      const ns = ind(tqt, `${p}_NS`)
      expect(ns.aggregation, 'a yield is never summed').toBe('stock')
      expect(ns.formula).toBe(`${p}_SL * 10 / ${p}_DT`)
      expect(ns.unitOfMeasure).toBe('tạ/ha')
      expect(ind(tqt, `${p}_DT`).aggregation).toBe('flow')
      expect(ind(tqt, `${p}_DT`).reporters.kinds).toEqual(['to_dan_pho'])
    }
  })

  it('makes lương thực 1.676,5 t the sum of rice and maize, without a children_sum issue', () => {
    const lt = ind(tqt, 'LT_SL')
    expect(lt.children).toEqual(['LUA_SL', 'NGO_SL'])
    expect(targetOf(tqt, 'LT_SL', 'derived').value).toBe(1676.5)
    expect(tqt.issues.filter((i) => i.code === 'children_sum')).toEqual([])
    expect(tqt.issues.filter((i) => i.refs.includes('LT_SL'))).toEqual([])
  })

  it('balances the budget: the ward’s share is part of the total revenue and equals spending', () => {
    expect(targetOf(tqt, 'NS_THU_DB', 'at_least').value).toBe(11_327_811_000)
    expect(targetOf(tqt, 'NS_THU_PH', 'at_least').value).toBe(7_925_641_000)
    expect(ind(tqt, 'NS_THU_PH').partOf).toBe('NS_THU_DB')
    expect(targetOf(tqt, 'NS_CHI', 'at_most')).toEqual({ kind: 'at_most', value: 7_925_641_000, strict: false })
    expect(file.plan.rules).toEqual([expect.objectContaining({ code: 'NS_CAN_DOI', left: 'NS_THU_PH', right: 'NS_CHI' })])
    for (const code of ['NS_THU_DB', 'NS_THU_PH', 'NS_CHI']) expect(ind(tqt, code).reporters.units).toEqual(['TCKT'])
  })

  it('splits the 1,5 ha of land certificates into đất ở 1,0 and đất nông nghiệp 0,5', () => {
    expect(ind(tqt, 'GCN_DT').children).toEqual(['GCN_DT_O', 'GCN_DT_NN'])
    expect(targetOf(tqt, 'GCN_DT', 'derived').value).toBe(1.5)
    expect(targetOf(tqt, 'GCN_DT_O', 'at_least').value).toBe(1)
    expect(targetOf(tqt, 'GCN_DT_NN', 'at_least').value).toBe(0.5)
  })

  it('reads natural population growth “dưới 7,9 %” as ‰, and “dưới” as strict', () => {
    const ds = ind(tqt, 'DS_TANG_TN')
    expect(ds).toMatchObject({ aggregation: 'rate', scale: 1000, unitOfMeasure: '‰', source: 'Tỷ lệ tăng dân số tự nhiên dưới 7,9 %' })
    expect(ds.target).toEqual({ kind: 'at_most', value: 7.9, strict: true })
    expect(targetOf(tqt, 'SDD_TL', 'at_most')).toMatchObject({ value: 5.6, strict: true })
    expect(targetOf(tqt, 'HN_TL', 'at_most')).toMatchObject({ value: 0.34, strict: false })
    expect(targetOf(tqt, 'HCN_TL', 'at_most')).toMatchObject({ value: 2.6, strict: true })
  })

  it('counts poor households down by one, from a baseline the officer sets', () => {
    expect(ind(tqt, 'HN_SO').aggregation).toBe('stock')
    expect(ind(tqt, 'HN_SO').target).toEqual({ kind: 'reduce_by', amount: 1 })
  })

  it('keeps pupils per school, jobs with export labour as a part, and agencies with the cultured TDPs', () => {
    expect(targetOf(tqt, 'HS_MN', 'at_least').value).toBe(435)
    expect(targetOf(tqt, 'HS_TH', 'at_least').value).toBe(1687)
    expect(targetOf(tqt, 'HS_THCS', 'at_least').value).toBe(1164)
    expect(ind(tqt, 'XKLD').partOf).toBe('VL_MOI')
    expect(targetOf(tqt, 'VL_MOI', 'at_least').value).toBe(270)
    expect(targetOf(tqt, 'XKLD', 'at_least').value).toBe(4)
    expect(ind(tqt, 'CQ_TDP_VH').reporters.kinds).toContain('to_dan_pho')
    expect(ind(tqt, 'ANTT_AN_TOAN').reporters.units).toEqual(['CA'])
    expect(ind(tqt, 'QP_VUNG_MANH').reporters.units).toEqual(['QS'])
    expect(ind(tqt, 'SDD_TL').reporters.units).toEqual(['TYT'])
  })
})

describe('Phổ Thuận 2023', () => {
  const { file } = phoThuan

  it('is plan 71/KH-UBND of 22/12/2022 for 2023, of a xã in Thị xã Đức Phổ', () => {
    expect(file.commune).toMatchObject({ code: 'pho-thuan', kind: 'xa', district: 'Thị xã Đức Phổ', province: 'Tỉnh Quảng Ngãi' })
    expect(file.plan).toMatchObject({
      year: 2023,
      number: '71/KH-UBND',
      issuedOn: '2022-12-22',
      title: 'Phát động phong trào thi đua năm 2023',
      signedBy: 'Nguyễn Quang Thống',
    })
  })

  it('has 7 thôn, 3 schools, the HTX and the agencies', () => {
    expect(unitsOfKind(phoThuan, 'thon')).toHaveLength(7)
    expect(unitsOfKind(phoThuan, 'truong_hoc')).toHaveLength(3)
    expect(unitsOfKind(phoThuan, 'htx')).toHaveLength(1)
    for (const kind of ['cong_an', 'quan_su', 'tram_y_te', 'doan_the']) expect(unitsOfKind(phoThuan, kind), kind).toHaveLength(1)
    expect(file.units.map((u) => u.code)).toContain('THON-AN-THACH')
  })

  it('nests a), b), c) under section II.1', () => {
    const parent = new Map(file.plan.fields.map((f) => [f.code, f.parent]))
    expect(parent.get('II.1.a')).toBe('II.1')
    expect(parent.get('II.1.b')).toBe('II.1')
    expect(parent.get('II.1.c')).toBe('II.1')
    expect(file.plan.fields.find((f) => f.code === 'II.1.a')?.name).toBe('Chỉ tiêu về kinh tế')
    const perField = (code: string) => file.plan.indicators.filter((i) => i.field === code).length
    expect([perField('II.1.a'), perField('II.1.b'), perField('II.1.c')]).toEqual([12, 10, 12])
  })

  it('has 34 indicators, by target kind as read from the seed', () => {
    expect(file.plan.indicators).toHaveLength(34)
    expect(countByKind(phoThuan)).toEqual({
      growth: 4,
      shares: 1,
      rate_at_least: 13,
      at_least: 2,
      at_most: 3,
      yes_no: 5,
      range: 2,
      reduce_by: 1,
      none: 3,
    })
  })

  it('grows production value 10% over 2022, each sector within its range, in shares 38,5 / 29,4 / 32,1', () => {
    const sectors = ['GTSX_NN', 'GTSX_CNXD', 'GTSX_TMDV']
    expect(ind(phoThuan, 'GTSX').children).toEqual(sectors)
    expect(ind(phoThuan, 'GTSX').target).toEqual({ kind: 'growth', percent: 10, baseYear: 2022 })
    expect(targetOf(phoThuan, 'GTSX_NN', 'growth')).toMatchObject({ percent: 5, maxPercent: 7, baseYear: 2022 })
    expect(targetOf(phoThuan, 'GTSX_CNXD', 'growth')).toMatchObject({ percent: 15, maxPercent: 20 })
    expect(targetOf(phoThuan, 'GTSX_TMDV', 'growth')).toMatchObject({ percent: 15, maxPercent: 20 })
    for (const s of sectors) expect(targetOf(phoThuan, s, 'growth').baseValue, s).toBeUndefined()
    expect(ind(phoThuan, 'CCKT').children).toEqual(sectors)
    expect(targetOf(phoThuan, 'CCKT', 'shares').parts).toEqual([
      { indicator: 'GTSX_NN', percent: 38.5 },
      { indicator: 'GTSX_CNXD', percent: 29.4 },
      { indicator: 'GTSX_TMDV', percent: 32.1 },
    ])
  })

  it('keeps income per person a plain quotient and the budget balanced', () => {
    expect(ind(phoThuan, 'TN_BQ')).toMatchObject({ aggregation: 'rate', scale: 1, unitOfMeasure: 'triệu đồng/người/năm' })
    expect(targetOf(phoThuan, 'TN_BQ', 'rate_at_least').value).toBe(56)
    expect(targetOf(phoThuan, 'LT_SL', 'at_least').value).toBe(7119)
    expect(targetOf(phoThuan, 'NS_THU', 'at_least').value).toBe(6_830_000_000)
    expect(targetOf(phoThuan, 'NS_CHI', 'at_most')).toEqual({ kind: 'at_most', value: 6_830_000_000, strict: false })
    expect(file.plan.rules).toEqual([expect.objectContaining({ code: 'NS_CAN_DOI', left: 'NS_THU', right: 'NS_CHI' })])
  })

  it('reads ranges, reductions and yes/no targets as the plan words them', () => {
    expect(ind(phoThuan, 'GDVH_TL').target).toEqual({ kind: 'range', min: 90, max: 95 })
    expect(ind(phoThuan, 'KSK_NVQS_TL').target).toEqual({ kind: 'range', min: 85, max: 95 })
    expect(ind(phoThuan, 'HN_TL').target).toEqual({ kind: 'reduce_by', amount: 0.2, max: 0.5 })
    expect(ind(phoThuan, 'DS_TANG_TL').target).toEqual({ kind: 'at_most', value: 1, strict: true })
    expect(ind(phoThuan, 'SDD_TL').target).toEqual({ kind: 'at_most', value: 6, strict: false })
    expect(ind(phoThuan, 'THON_VH')).toMatchObject({ aggregation: 'yes_no', reporters: { kinds: ['thon'] } })
    expect(ind(phoThuan, 'NTM_NC').aggregation).toBe('yes_no')
  })

  it('records traffic accidents as counts without a target, beside the yes/no commitment', () => {
    expect(ind(phoThuan, 'TNGT_KIEM_CHE').target).toEqual({ kind: 'yes_no' })
    for (const code of ['TNGT_VU', 'TNGT_CHET', 'TNGT_BI_THUONG']) {
      expect(ind(phoThuan, code), code).toMatchObject({ aggregation: 'flow', reporters: { units: ['CA'] } })
      expect(ind(phoThuan, code).target, code).toBeUndefined()
    }
  })
})

describe('Trà Phong 2022', () => {
  const { file } = traPhong

  it('is a xã of Huyện Trà Bồng, dated 25/01/2022, without a number', () => {
    expect(file.commune).toMatchObject({ code: 'tra-phong', kind: 'xa', district: 'Huyện Trà Bồng', province: 'Tỉnh Quảng Ngãi' })
    expect(file.plan).toMatchObject({ year: 2022, issuedOn: '2022-01-25', signedBy: 'Trương Ngọc Thanh' })
    expect(file.plan.number).toBeUndefined()
  })

  it('has 6 thôn', () => {
    expect(unitsOfKind(traPhong, 'thon')).toHaveLength(6)
  })

  it('groups its contents under the five standard fields', () => {
    const top = file.plan.fields.filter((f) => f.parent === undefined).map((f) => f.name)
    expect(top).toEqual(['Kinh tế', 'Văn hóa – xã hội', 'Tài nguyên – môi trường', 'Quốc phòng – an ninh', 'Xây dựng Đảng, chính quyền, Mặt trận, đoàn thể'])
    const codes = new Set(file.plan.fields.map((f) => f.code))
    for (let n = 1; n <= 9; n++) expect(codes, `II.${n}`).toContain(`II.${n}`)
  })

  it('is qualitative: at least 12 yes/no commitments and no numeric target', () => {
    const yesNo = file.plan.indicators.filter((i) => i.aggregation === 'yes_no' && i.target?.kind === 'yes_no')
    expect(yesNo.length).toBeGreaterThanOrEqual(12)
    expect(file.plan.indicators).toHaveLength(18)
    expect(file.plan.indicators.filter((i) => i.aggregation !== 'yes_no' || i.target?.kind !== 'yes_no')).toEqual([])
    for (const code of ['ON_DINH_CAY_TRONG', 'BV_RUNG', 'COVID', 'ANCT_TTATXH', 'KNTC', 'GIAO_UOC']) expect(ind(traPhong, code).source, code).toBeTruthy()
  })
})
