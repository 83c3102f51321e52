// The commune's unit tree in the `units` table: villages, residential groups and agencies that
// report. A unit is deactivated, never deleted, so that its values stay.
import type { Unit } from '../../shared/model'
import { freeUnitCode, type BulkUnits } from '../../shared/province'
import type { Actor } from '../auth/actor'
import { conflict, HttpError, notFound, say } from '../errors'
import { writeAudit } from './audit'
import type { Db, Queryable } from './types'
import { bumpVersion } from './versions'

export interface UnitView extends Unit {
  active: boolean
  version: number
}

export interface UnitChange {
  name?: string
  kind?: Unit['kind']
  /** null moves the unit directly under the commune. */
  parent?: string | null
  active?: boolean
}

interface UnitRow {
  id: number
  code: string
  name: string
  kind: Unit['kind']
  parent_code: string | null
  active: boolean
  version: number
}

const viewOf = (u: UnitRow): UnitView => ({ code: u.code, name: u.name, kind: u.kind, ...(u.parent_code ? { parent: u.parent_code } : {}), active: u.active, version: Number(u.version) })

async function unitRows(q: Queryable, communeId: number): Promise<UnitRow[]> {
  return (await q.query<UnitRow>('SELECT id, code, name, kind, parent_code, active, version FROM units WHERE commune_id = $1 ORDER BY id', [communeId])).rows
}

/** Every unit, active or not, in the order they were created; a reporter sees only their own. */
export async function listUnits(q: Queryable, actor: Actor, communeId: number): Promise<UnitView[]> {
  const rows = await unitRows(q, communeId)
  return rows.filter((u) => actor.role !== 'reporter' || actor.unitIds.has(Number(u.id))).map(viewOf)
}

/** The id of a unit of the commune; not found otherwise. */
export async function unitIdOf(q: Queryable, communeId: number, code: string): Promise<number> {
  const r = await q.query<{ id: number }>('SELECT id FROM units WHERE commune_id = $1 AND code = $2', [communeId, code])
  if (!r.rows[0]) throw notFound(say('unit_not_found', { code }))
  return Number(r.rows[0].id)
}

const unknownParent = (code: string): HttpError => new HttpError(422, 'unknown_parent', say('unknown_parent', { code }))

/** Every unit of the commune, active or not, in the order they were created. */
export async function communeUnits(q: Queryable, communeId: number): Promise<(Unit & { active: boolean })[]> {
  const r = await q.query<{ code: string; name: string; kind: Unit['kind']; parent_code: string | null; active: boolean }>(
    'SELECT code, name, kind, parent_code, active FROM units WHERE commune_id = $1 ORDER BY id',
    [communeId],
  )
  return r.rows.map((u) => ({ code: u.code, name: u.name, kind: u.kind, ...(u.parent_code ? { parent: u.parent_code } : {}), active: u.active }))
}

/** Adds a unit within a transaction, audited; the caller checked its code and parent. */
export async function insertUnit(tx: Queryable, actor: Actor, communeId: number, unit: Unit, version: number, now: Date): Promise<UnitView> {
  const r = await tx.query<UnitRow>(
    'INSERT INTO units (commune_id, code, name, kind, parent_code, active, version) VALUES ($1, $2, $3, $4, $5, true, $6) RETURNING id, code, name, kind, parent_code, active, version',
    [communeId, unit.code, unit.name, unit.kind, unit.parent ?? null, version],
  )
  const created = viewOf(r.rows[0]!)
  await writeAudit(tx, communeId, actor, { entity: 'unit', unitId: Number(r.rows[0]!.id), old: null, new: created }, now)
  return created
}

export async function createUnit(db: Db, actor: Actor, communeId: number, unit: Unit, now: Date): Promise<{ unit: UnitView; version: number }> {
  return db.transaction(async (tx) => {
    const version = await bumpVersion(tx, communeId)
    const units = await unitRows(tx, communeId)
    if (units.some((u) => u.code === unit.code)) throw conflict('unit_exists', { code: unit.code })
    if (unit.parent !== undefined && !units.some((u) => u.code === unit.parent)) throw unknownParent(unit.parent)
    return { unit: await insertUnit(tx, actor, communeId, unit, version, now), version }
  })
}

/**
 * Units from a pasted list of names, all of one kind, in one transaction: codes are made from the
 * names ("Thôn An Thạch" → an-thach), numbered on when taken; a name already in the commune's
 * tree (same kind) refuses the list, naming the line.
 */
export async function createUnits(db: Db, actor: Actor, communeId: number, input: BulkUnits, now: Date): Promise<{ units: UnitView[]; version: number }> {
  return db.transaction(async (tx) => {
    const version = await bumpVersion(tx, communeId)
    const existing = await unitRows(tx, communeId)
    if (input.parent !== undefined && !existing.some((u) => u.code === input.parent)) throw unknownParent(input.parent)
    const codes = new Set(existing.map((u) => u.code.toLowerCase()))
    const names = new Set(existing.filter((u) => u.kind === input.kind).map((u) => u.name.toLocaleLowerCase('vi')))
    const created: UnitView[] = []
    for (const [i, name] of input.names.entries()) {
      const key = name.toLocaleLowerCase('vi')
      if (names.has(key)) throw conflict('unit_exists', say('unit_exists_in_list', { line: i + 1, name }))
      names.add(key)
      const code = freeUnitCode(name, codes)
      created.push(await insertUnit(tx, actor, communeId, { code, name, kind: input.kind, ...(input.parent !== undefined ? { parent: input.parent } : {}) }, version, now))
    }
    return { units: created, version }
  })
}

/** Renames, re-kinds, moves, deactivates or reactivates a unit. Deactivating keeps its values. */
export async function updateUnit(db: Db, actor: Actor, communeId: number, code: string, change: UnitChange, now: Date): Promise<{ unit: UnitView; version: number }> {
  return db.transaction(async (tx) => {
    const version = await bumpVersion(tx, communeId)
    const units = await unitRows(tx, communeId)
    const row = units.find((u) => u.code === code)
    if (!row) throw notFound(say('unit_not_found', { code }))
    const parent = change.parent === undefined ? row.parent_code : change.parent
    if (parent !== null && parent !== row.parent_code) checkParent(units, code, parent)
    const r = await tx.query<UnitRow>(
      `UPDATE units SET name = $2, kind = $3, parent_code = $4, active = $5, version = $6 WHERE id = $1
       RETURNING id, code, name, kind, parent_code, active, version`,
      [row.id, change.name ?? row.name, change.kind ?? row.kind, parent, change.active ?? row.active, version],
    )
    const updated = viewOf(r.rows[0]!)
    await writeAudit(tx, communeId, actor, { entity: 'unit', unitId: Number(row.id), old: viewOf(row), new: updated }, now)
    return { unit: updated, version }
  })
}

/** The new parent exists and is not the unit itself nor one of its descendants. */
function checkParent(units: readonly UnitRow[], code: string, parent: string): void {
  const parentOf = new Map(units.map((u) => [u.code, u.parent_code]))
  if (!parentOf.has(parent)) throw unknownParent(parent)
  const seen = new Set<string>()
  for (let p: string | null | undefined = parent; p != null && !seen.has(p); p = parentOf.get(p)) {
    if (p === code) throw new HttpError(422, 'unit_cycle', say('unit_cycle', { code }))
    seen.add(p)
  }
}
