// The demo's sample reports (src/server/demo/sampleReports.ts): a year of figures written
// through the real ingest and decisions, the same at every start; the units a demo account
// reports for have every past quarter approved, so their head's inbox starts clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoIfEmpty } from '../../src/server/db/seed'
import type { Db } from '../../src/server/db/types'
import { loadDemo, type DemoPlan } from '../../src/server/demo/loadDemo'
import { DATABASES } from './harness'

describe.each(DATABASES)('demo sample reports on $name', (factory) => {
  let db: Db
  let drop: () => Promise<void>
  let demo: DemoPlan[]

  beforeAll(async () => {
    ;({ db, drop } = await factory.open())
    demo = await loadDemo()
    await seedDemoIfEmpty(
      db,
      demo.map((d) => d.file),
      { sampleReports: true },
    )
  }, 120_000)
  afterAll(async () => drop())

  it('fills every quarter: Q1–Q3 approved, Q4 a mix of approved, waiting, returned and unsent', async () => {
    const r = await db.query<{ commune: string; period: string; status: string; n: number }>(
      `SELECT c.code AS commune, p.code AS period, r.status, count(*)::int AS n
         FROM reports r JOIN communes c ON c.id = r.commune_id JOIN periods p ON p.id = r.period_id
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    )
    for (const { file } of demo) {
      const rows = r.rows.filter((x) => x.commune === file.commune.code)
      const year = file.plan.year
      for (const q of [1, 2, 3]) {
        const quarter = rows.filter((x) => x.period === `${year}-Q${q}`)
        expect(quarter.map((x) => x.status), `${file.commune.code} Q${q}`).toEqual(['approved'])
      }
      const q4 = new Set(rows.filter((x) => x.period === `${year}-Q4`).map((x) => x.status))
      expect([...q4].sort(), file.commune.code).toEqual(['approved', 'draft', 'returned', 'submitted'])
    }
    const returned = await db.query<{ return_reason: string | null }>(`SELECT return_reason FROM reports WHERE status = 'returned'`)
    expect(returned.rows.every((x) => (x.return_reason ?? '').length > 0)).toBe(true)
  })

  it('approves every past quarter of the demo accounts’ units, and never types a computed indicator', async () => {
    for (const { file } of demo) {
      const own = file.accounts.flatMap((a) => a.units)
      const r = await db.query<{ status: string; n: number }>(
        `SELECT r.status, count(*)::int AS n FROM reports r JOIN units u ON u.id = r.unit_id JOIN communes c ON c.id = r.commune_id
          WHERE c.code = $1 AND u.code = ANY($2::text[]) GROUP BY 1`,
        [file.commune.code, own],
      )
      expect(r.rows.map((x) => [x.status, Number(x.n)]), file.commune.code).toEqual([['approved', own.length * 4]])
      const computed = file.plan.indicators.filter((i) => i.formula !== undefined || (i.children ?? []).length > 0).map((i) => i.code)
      const typed = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM cell_values v JOIN indicators i ON i.id = v.indicator_id JOIN communes c ON c.id = v.commune_id
          WHERE c.code = $1 AND i.code = ANY($2::text[])`,
        [file.commune.code, computed],
      )
      expect(Number(typed.rows[0]!.n), file.commune.code).toBe(0)
    }
  })

  it('writes figures a village head could have typed: counts within their totals, every change audited', async () => {
    const ratios = await db.query<{ num: number; den: number; proportion: boolean }>(
      `SELECT (v.data->>'numerator')::float8 AS num, (v.data->>'denominator')::float8 AS den, coalesce((i.def->>'proportion')::boolean, true) AS proportion
         FROM cell_values v JOIN indicators i ON i.id = v.indicator_id WHERE v.data->>'kind' = 'ratio'`,
    )
    expect(ratios.rows.length).toBeGreaterThan(50)
    for (const x of ratios.rows) {
      expect(x.den).toBeGreaterThan(0)
      if (x.proportion) expect(x.num).toBeLessThanOrEqual(x.den)
    }
    const values = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cell_values')
    const audited = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit WHERE entity = 'value'`)
    expect(Number(audited.rows[0]!.n)).toBe(Number(values.rows[0]!.n))
  })

  it('is the same at every start', async () => {
    const again = await factory.open()
    try {
      await seedDemoIfEmpty(
        again.db,
        demo.map((d) => d.file),
        { sampleReports: true },
      )
      const digest = (q: Db) =>
        q.query<{ d: string }>(
          `SELECT md5(string_agg(u.code || p.code || i.code || coalesce(v.data::text, ''), ',' ORDER BY u.code, p.code, i.code)) AS d
             FROM cell_values v JOIN units u ON u.id = v.unit_id JOIN periods p ON p.id = v.period_id JOIN indicators i ON i.id = v.indicator_id`,
        )
      expect((await digest(again.db)).rows[0]!.d).toBe((await digest(db)).rows[0]!.d)
    } finally {
      await again.drop()
    }
  }, 120_000)
})
