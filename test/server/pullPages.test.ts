// A village head's pull follows their own rows, not the commune's (issue 18, item 5): the page
// end is found among the rows the head may see. Rows are seeded straight in SQL for speed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASES, fixtureFile, startServer, type Agent, type TestServer } from './harness'

const C = 'xa-lon'
const UNITS = 100
const PERIODS = 50
const INDICATORS = 10
const CELLS = UNITS * PERIODS * INDICATORS // 50,000

describe.each(DATABASES)('pull pages on $name', (factory) => {
  let s: TestServer
  let head: Agent
  let officer: Agent
  let top: number

  beforeAll(async () => {
    s = await startServer(factory, [fixtureFile(C)])
    const db = s.db
    const communeId = Number((await db.query<{ id: number }>('SELECT id FROM communes WHERE code = $1', [C])).rows[0]!.id)
    await db.transaction(async (tx) => {
      // 100 units, 50 periods and 10 indicators in all, beside the fixture's.
      const count = async (sql: string): Promise<number> => Number((await tx.query<{ n: number }>(sql, [communeId])).rows[0]!.n)
      const units = await count('SELECT count(*)::int AS n FROM units WHERE commune_id = $1')
      await tx.query(`INSERT INTO units (commune_id, code, name, kind, version) SELECT $1, 'U' || g, 'Thôn ' || g, 'thon', 1 FROM generate_series(1, $2::int) g`, [communeId, UNITS - units])
      const periods = await count('SELECT count(*)::int AS n FROM periods WHERE commune_id = $1')
      await tx.query(
        `INSERT INTO periods (commune_id, code, kind, year, starts_on, ends_on, deadline, version)
         SELECT $1, '2024-X' || g, 'month', 2024, '2024-01-01', '2024-01-31', '2024-02-10', 1 FROM generate_series(1, $2::int) g`,
        [communeId, PERIODS - periods],
      )
      const indicators = await count('SELECT count(*)::int AS n FROM indicators i JOIN plans p ON p.id = i.plan_id WHERE p.commune_id = $1')
      await tx.query(
        `INSERT INTO indicators (plan_id, code, position, def, version)
         SELECT i.plan_id, 'X' || g, 100 + g, i.def || jsonb_build_object('code', 'X' || g, 'name', 'Chỉ tiêu ' || g), 1
           FROM (SELECT i.plan_id, i.def FROM indicators i JOIN plans p ON p.id = i.plan_id WHERE p.commune_id = $1 AND i.code = 'LUA_DT') i,
                generate_series(1, $2::int) g`,
        [communeId, INDICATORS - indicators],
      )
      // Every cell of the commune, one version each, the units interleaved: a head's rows are
      // spread over the whole range, one in every hundred.
      const base = Number((await tx.query<{ version: number }>('SELECT version FROM communes WHERE id = $1', [communeId])).rows[0]!.version)
      await tx.query(
        `INSERT INTO cell_values (commune_id, unit_id, period_id, indicator_id, data, version, updated_at)
         SELECT $1, u.id, p.id, i.id, jsonb_build_object('kind', 'number', 'value', row_number() OVER w), $2::bigint + row_number() OVER w, now()
           FROM units u, periods p, indicators i JOIN plans pl ON pl.id = i.plan_id
          WHERE u.commune_id = $1 AND p.commune_id = $1 AND pl.commune_id = $1
         WINDOW w AS (ORDER BY p.id, i.id, u.id)`,
        [communeId, base],
      )
      top = base + CELLS
      await tx.query('UPDATE communes SET version = $2 WHERE id = $1', [communeId, top])
    })
    ;[head, officer] = await Promise.all([s.login(`${C}.t1`), s.login(`${C}.canbo`)])
  }, 120_000)
  afterAll(() => s?.close())

  it('seeded 50,000 cells, 500 of them the head’s unit', async () => {
    const r = await s.db.query<{ all: number; own: number }>(
      `SELECT count(*)::int AS all, count(*) FILTER (WHERE u.code = 'T1')::int AS own
         FROM cell_values c JOIN units u ON u.id = c.unit_id WHERE u.commune_id = (SELECT id FROM communes WHERE code = $1)`,
      [C],
    )
    expect(r.rows[0]).toEqual({ all: CELLS, own: CELLS / UNITS })
  })

  it('gives a village head pages in proportion to their own rows, not the commune’s', async () => {
    // Default page size (2,000 rows): the head's 500 rows come in one page.
    const whole = await head.pullAll(C, 0)
    expect(whole.pages).toHaveLength(1)
    expect(whole.cursor).toBe(top)
    expect(whole.pages[0]!.values).toHaveLength(CELLS / UNITS)
    expect(whole.pages[0]!.values.every((v) => v.unit === 'T1')).toBe(true)

    // 100 rows a page: 5 full pages, then one empty page that carries the cursor to the head
    // (the head's last row is below the commune's last version). By the commune's rows it
    // would be 500 pages.
    const paged = await head.pullAll(C, 0, 100)
    expect(paged.pages.map((p) => p.values.length)).toEqual([100, 100, 100, 100, 100, 0])
    expect(paged.cursor).toBe(top)
    const keys = paged.pages.flatMap((p) => p.values.map((v) => `${v.period}:${v.indicator}`))
    expect(new Set(keys).size).toBe(CELLS / UNITS)
  })

  it('still pages an officer by the whole commune’s rows', async () => {
    const all = await officer.pullAll(C, 0)
    expect(all.pages).toHaveLength(CELLS / 2000)
    expect(all.pages.every((p) => p.values.length === 2000)).toBe(true)
    expect(all.cursor).toBe(top)
  })
})
