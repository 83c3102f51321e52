// The sync engine: pushes the outbox and pulls the commune's changes (docs/sync.md), keeping
// IndexedDB (`outbox`, `cells`, `reports`, `plans`, `units`, `periods`, `syncState`) consistent at
// every commit. No globals: the database, transport, commune and clock come in as arguments.
import { inEditTransaction, isQuotaError, type EditDeps } from '../local/edits'
import { communeRange, currentUser, emptyReport, emptySyncState, type CellRow, type OutboxEntry, type ReportRow, type SyncErrorInfo, type SyncStateRow, type ThiDuaDb } from '../local/db'
import { PeriodWrites } from '../local/periodWrites'
import type { Transaction } from 'dexie'
import {
  entriesFor,
  putSendingSeqs,
  queueReport,
  queueValue,
  reportKey,
  sendingSeqs,
  settleCell,
  settleReport,
  settleTarget,
  type CellTarget,
  type Queued,
} from '../local/outbox'
import { emptyRegistration, queueRegistration, settleRegistration } from '../registration/outbox'
import type { MutationOutcome, PullResponse, PushResponse, ServerCell } from '../../shared/protocol'
import { MAX_PUSH_BATCH, PULL_SKIP_LIMIT } from '../../shared/limits'
import type { Plan, ValueData } from '../../shared/model'
import { REPORT_MOVES } from '../../shared/reportLifecycle'
import { SyncTransportError, syncProblem, type SyncTransport } from './api'
import { SettledCells, ownVersionOf, cellFromApplied, cellFromConflict, cellFromPull, registrationFromPull, registrationMoved, reportFromPull, reportMoved, targetKey } from './merge'

/** The server's batch limit; from limits.ts, which carries no schema library into the bundle. */
export const PUSH_BATCH = MAX_PUSH_BATCH

/**
 * A push answered with a 5xx this many times in a row is bisected (docs/sync.md, "Quarantine"):
 * a mutation the server fails on must not hold back every change behind it. Small, because each
 * failure already waits for the scheduler's backoff.
 */
export const BISECT_AFTER_FAILURES = 3

export interface SyncDeps {
  db: ThiDuaDb
  transport: SyncTransport
  commune: string
  clock?: () => Date
  /** Mutations per push, at most PUSH_BATCH. */
  batchSize?: number
  /** Rows per pull page (the server's default when absent). */
  pullLimit?: number
}

export interface SyncResult {
  /** Push and pull both went through (conflicts and rejections are outcomes, not failures). */
  ok: boolean
  /** Mutations put in pushes (a resend counts again). */
  sent: number
  applied: number
  conflicts: number
  rejected: number
  /** Entries quarantined in this run: the server failed on each alone. */
  quarantined: number
  pulledPages: number
  error: SyncErrorInfo | null
}

/** The server answered without progress (no outcome for anything sent, or a pull cursor that did not move). */
class SyncStallError extends Error {}

/**
 * One full sync: push every pending entry, then pull until caught up. Never throws: a failure is
 * recorded in `syncState.lastError` and returned; the outbox keeps every entry not acknowledged.
 * Run it under the sync lock (scheduler.ts `withSyncRunLock`): one runner at a time per browser.
 */
export async function syncOnce(deps: SyncDeps): Promise<SyncResult> {
  const clock = deps.clock ?? (() => new Date())
  const result: SyncResult = { ok: false, sent: 0, applied: 0, conflicts: 0, rejected: 0, quarantined: 0, pulledPages: 0, error: null }
  const probe: Probe = { lone: null }
  const early: EarlyPull = { first: null }
  const settledCells = new SettledCells()
  let failure: unknown
  try {
    await pushAll(deps, clock, result, probe, early, settledCells)
  } catch (err) {
    failure = err
  }
  // A refused or failed push must not keep the officer's decisions (returns, locks) from the phone.
  // An app too old for the server (426) stops here: the server serves neither push nor pull.
  const unreachable = failure instanceof SyncTransportError && (failure.kind === 'network' || failure.kind === 'unauthorized' || failure.kind === 'upgrade_required')
  let pulled = false
  if (!unreachable) {
    try {
      await pullAll(deps, result, early, settledCells)
      pulled = true
    } catch (err) {
      failure ??= err
    }
  }
  try {
    // The server failed on one mutation alone and answered the pull: it works, but not with that
    // mutation. With the pull failing too, the server is down, not poisoned: probe again later.
    if (probe.lone !== null && pulled && (await quarantine(deps.db, deps.commune, probe.lone, clock()))) result.quarantined++
  } catch (err) {
    failure ??= err
  }
  try {
    if (failure === undefined) {
      await updateSyncState(deps.db, deps.commune, { lastSuccessAt: clock().toISOString(), lastError: null })
      result.ok = true
    } else {
      result.error = errorInfo(failure, clock())
      await updateSyncState(deps.db, deps.commune, { lastError: result.error })
    }
  } catch (err) {
    result.ok = false
    result.error ??= errorInfo(err, clock())
  }
  return result
}

// ---------------------------------------------------------------------------
// Push

/**
 * A run starts with nothing in flight (one runner per browser): entries a run that died (tab
 * closed mid-push) left in the `sending` list are released like a batch without an answer, and
 * entries an earlier version left in the state `sending` go back to `pending`. Inside a rw
 * transaction over outbox and meta (the run's first, see `startPush`).
 */
async function recoverSending(db: ThiDuaDb, commune: string): Promise<void> {
  await db.outbox.where('[commune+state]').equals([commune, 'sending']).modify({ state: 'pending' })
  const sending = await sendingSeqs(db)
  if (sending.size > 0) await releaseSeqs(db, [...sending])
}

/**
 * What a push round starts from, read in the transaction that takes its batch. Only a run writes
 * `serverFailures` and `suspects`, one run at a time, so the run keeps what it read (and what it
 * wrote since) instead of reading them again after each answer; the cursor moves only in the pull.
 */
interface PushStart {
  /** The bisection group this round pushes, if any. */
  group: number[] | undefined
  /** The stored count of 5xx answers in a row is not 0: the next good answer resets it. */
  failures: boolean
  /** Where the pull stands, for the first page asked for early. */
  cursor: number
}

/**
 * What a push run knows between its rounds: the failures and the pull's cursor as the round's
 * start read them (a failure counted since sets `failures`), and how many pending entries the last
 * take left out (none: no answer needs another take).
 */
interface RoundKnows extends Omit<PushStart, 'group'> {
  left: number
}

/**
 * A round of pushAll with nothing in flight: one transaction reads the sync state, takes the
 * batch and, at the run's start, recovers what a dead run left and reads the device id.
 */
async function startPush(db: ThiDuaDb, commune: string, size: number, first: boolean): Promise<PushStart & { batch: OutboxEntry[]; left: number; deviceId: unknown }> {
  return db.transaction('rw', [db.outbox, db.meta, db.syncState], async () => {
    if (first) await recoverSending(db, commune)
    const [state, deviceId] = await Promise.all([db.syncState.get(commune), first ? db.meta.get('deviceId').then((row) => row?.value) : undefined])
    const group = state?.suspects?.[0]
    const { batch, left } = await takeBatch(db, commune, size, group && new Set(group))
    return { group, failures: (state?.serverFailures ?? 0) > 0, cursor: state?.cursor ?? 0, batch, left, deviceId }
  })
}

/** What a run learnt about a poison mutation: the seq of an entry the server failed on alone. */
interface Probe {
  lone: { seq: number; status: number } | null
}

/**
 * The server failed on the request itself (HTTP 5xx), the failure a mutation it cannot take
 * causes. A network error (nothing reached the server, or no answer) and an answer of the wrong
 * shape are not: they never count towards bisection or quarantine.
 */
function isServerFailure(err: unknown): err is SyncTransportError {
  return err instanceof SyncTransportError && err.kind === 'server' && err.status !== undefined && err.status >= 500
}

/**
 * Pushes the outbox, batch after batch. While a bisection is in progress (`syncState.suspects`)
 * its groups go first, each on its own; otherwise the oldest pending entries. Every 5xx ends the
 * run (the scheduler's backoff applies to each), after recording in Dexie what it means for the
 * bisection, so a reload continues where it was.
 *
 * Outside a bisection the pushes overlap the phone's own work and each other: once a batch is
 * sent, the next is taken and sent while the first travels (two in flight at most), and each
 * answer is settled in IndexedDB while the next batch travels. The next batch leaves out every
 * entry that depends on the batch before it (the same cell, which a rebase may change; a report of
 * a unit and period whose values that batch sends; anything of a unit and period whose report
 * that batch submits or recalls, so the server still meets them in the order they were made);
 * those go in a later batch, rebased as before. A batch in flight when the run stops is settled
 * if its answer comes, and otherwise released like any batch without an answer: resent later,
 * answered `duplicate` if the server took it.
 */
async function pushAll(deps: SyncDeps, clock: () => Date, result: SyncResult, probe: Probe, early: EarlyPull, settledCells: SettledCells): Promise<void> {
  const { db, commune, transport } = deps
  let size = Math.max(1, Math.min(PUSH_BATCH, deps.batchSize ?? PUSH_BATCH))
  let stored: unknown
  let first = true
  const known: RoundKnows = { failures: false, cursor: 0, left: 0 }
  const send = (batch: OutboxEntry[]): InFlight => {
    result.sent += batch.length
    // A page asked for before this push may hold older states of its cells: not used (pullAll asks again).
    early.first = null
    const answer = transport.push(commune, { deviceId: typeof stored === 'string' ? stored : batch[0]!.mutation.deviceId, mutations: batch.map((e) => e.mutation) })
    const flight: InFlight = { batch, answer, answered: false }
    // Awaited later; a failure meanwhile is not an unhandled rejection.
    answer.then(
      (response) => {
        flight.answered = true
        flight.own = ownVersionOf(response)
      },
      () => undefined,
    )
    return flight
  }
  // A batch sent beside one that failed may have gone through: its answer is settled all the same.
  const finishBeside = (flight: InFlight): Promise<void> => finishInFlight(db, flight, (answer) => applyOutcomes(db, flight.batch, answer, clock(), result, settledCells))
  // The last batches of the round (one, or two in flight): the pull's first page is asked for the
  // moment all their answers are in, before they are settled (askFirstPage).
  let last: InFlight[] = []
  const askIfAnswered = (cursor: number): void => {
    if (last.length === 0 || !last.every((f) => f.answered)) return
    // Their own versions are left out of the page: pullAll uses it only if their settles stored them.
    // (A batch settled before the one beside it was answered is among the settled already.)
    const skip = new Set([...settledCells.ownAbove(cursor), ...last.flatMap((f) => (f.own !== undefined ? [f.own] : []))])
    last = []
    askFirstPage(deps, early, cursor, [...skip].slice(-PULL_SKIP_LIMIT))
  }
  let next: InFlight | null = null
  for (;;) {
    let group: number[] | undefined
    let current: InFlight
    // Sent while the batch before it travelled (and that batch's round asked for the pull if it was the last).
    let followed = false
    if (next) {
      current = next
      next = null
      followed = true
    } else {
      const start = await startPush(db, commune, size, first)
      if (first) stored = start.deviceId
      first = false
      ;({ group } = start)
      known.failures = start.failures
      known.cursor = start.cursor
      known.left = start.left
      const { batch } = start
      if (batch.length === 0) {
        if (!group) return
        // Nothing of the group is pending any more (sent since, discarded, in conflict): done with it.
        await replaceGroup(db, commune, group, [])
        continue
      }
      current = send(batch)
    }
    const { batch } = current
    try {
      // While this batch travels, the next one is taken and sent: the server takes it as soon as it
      // is done with this one. Entries that depend on this batch wait for a later one (dependentsOf).
      const { cursor } = known
      if (!group && !followed && known.left === 0) last = [current]
      else if (!group && known.left > 0) {
        const { batch: following, left } = await takeBatch(db, commune, size, undefined, dependentsOf(batch))
        known.left = left
        if (following.length > 0) next = send(following)
        if (left === 0) {
          last = next ? [current, next] : [current]
          next?.answer.then(
            () => askIfAnswered(cursor),
            () => undefined,
          )
        }
      }
      let response: PushResponse
      try {
        response = await current.answer
        askIfAnswered(cursor)
      } catch (err) {
        // Not delivered, or delivered and the answer lost: resending is safe (the server answers `duplicate`).
        if (isServerFailure(err)) {
          await onServerFailure(db, commune, batch, group, err.status!, probe)
          known.failures = true
        } else await releaseBatch(db, batch)
        // Over the 2 MB body limit (500 long Vietnamese notes can be): halve the batch and go on.
        if (err instanceof SyncTransportError && err.status === 413 && batch.length > 1) {
          if (next) await finishBeside(next)
          next = null
          size = Math.ceil(batch.length / 2)
          continue
        }
        throw err
      }
      const settled = await applyOutcomes(db, batch, response, clock(), result, settledCells, next?.batch)
      await onAnswered(db, commune, batch, group, known)
      if (settled === 0) throw new SyncStallError(syncProblem('stalledPush'))
    } catch (err) {
      if (next) await finishBeside(next)
      throw err
    }
  }
}

/**
 * The pull's first page, asked for as soon as the last push is answered (the server holds
 * everything this run sent), so that it travels while the phone settles that answer. It is saved
 * only after, by pullAll, exactly as a page asked for then.
 */
interface EarlyPull {
  first: { cursor: number; skip: readonly number[]; page: Promise<PullResponse> } | null
}

function askFirstPage(deps: SyncDeps, early: EarlyPull, cursor: number, skip: readonly number[]): void {
  if (early.first) return
  const page = deps.transport.pull(deps.commune, cursor, deps.pullLimit, skip)
  page.catch(() => undefined)
  early.first = { cursor, skip, page }
}

/** A batch sent, its answer awaited. */
interface InFlight {
  batch: OutboxEntry[]
  answer: Promise<PushResponse>
  /** Its answer arrived (set before anything that awaits it resumes). */
  answered: boolean
  /** The answer's own version (ownVersionOf), once it arrived. */
  own?: number
}

/**
 * The run stops with a batch in flight: an answer that arrives is settled (`settle`, one
 * transaction); without one, or if it cannot be settled, the entries go back to `pending`.
 */
async function finishInFlight(db: ThiDuaDb, inFlight: InFlight, settle: (answer: PushResponse) => Promise<unknown>): Promise<void> {
  let answer: PushResponse
  try {
    answer = await inFlight.answer
  } catch {
    await releaseBatch(db, inFlight.batch)
    return
  }
  try {
    await settle(answer)
  } catch {
    await releaseBatch(db, inFlight.batch)
  }
}

/**
 * What an entry sent with `batch` may not travel beside: the batch's cells and reports, the reports
 * of its (unit, period)s, and every entry of a (unit, period) whose report it submits or recalls.
 */
interface Dependents {
  targets: ReadonlySet<string>
  pairs: ReadonlySet<string>
  reportPairs: ReadonlySet<string>
}

const pairOf = (e: OutboxEntry): string => `${e.unit}\u0000${e.period}`

function dependentsOf(batch: readonly OutboxEntry[]): Dependents {
  return { targets: new Set(batch.map(targetKey)), pairs: new Set(batch.map(pairOf)), reportPairs: new Set(batch.filter((e) => e.mutation.kind === 'report').map(pairOf)) }
}

const sameGroup = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((seq, i) => seq === b[i])

/** Replaces the bisection group `group` (when still there) by `by`, empty groups left out. */
async function replaceGroup(db: ThiDuaDb, commune: string, group: readonly number[], by: number[][]): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const state = (await db.syncState.get(commune)) ?? emptySyncState(commune)
    const suspects = state.suspects ?? []
    const i = suspects.findIndex((g) => sameGroup(g, group))
    if (i < 0) return
    const next = [...suspects.slice(0, i), ...by.filter((g) => g.length > 0), ...suspects.slice(i + 1)]
    await db.syncState.put({ ...state, suspects: next })
  })
}

/**
 * The server answered a push: the batch leaves its bisection group, or the run of failures ends
 * (written only when the run knows of failures: it read them, or counted one, see PushStart).
 */
async function onAnswered(db: ThiDuaDb, commune: string, batch: readonly OutboxEntry[], group: number[] | undefined, known: { failures: boolean }): Promise<void> {
  if (group) {
    const sent = new Set(batch.map((e) => e.seq))
    await replaceGroup(db, commune, group, [group.filter((seq) => !sent.has(seq))])
  } else if (known.failures) {
    await updateSyncState(db, commune, { serverFailures: 0 })
    known.failures = false
  }
}

/**
 * A push failed with a 5xx, in one transaction with the batch's release:
 * - a bisection group of several entries is split in halves, pushed one after the other later;
 * - one entry failing on its own is the suspect of this run (`probe.lone`): syncOnce quarantines
 *   it once the pull shows the server otherwise works;
 * - an ordinary batch counts one more failure; at BISECT_AFTER_FAILURES in a row it becomes the
 *   bisection's first two groups.
 */
async function onServerFailure(db: ThiDuaDb, commune: string, batch: readonly OutboxEntry[], group: number[] | undefined, status: number, probe: Probe): Promise<void> {
  const seqs = batch.map((e) => e.seq)
  const half = Math.ceil(seqs.length / 2)
  // One entry stays a group of its own, at the head: pushed alone again if not quarantined now.
  const halves = seqs.length === 1 ? [seqs] : [seqs.slice(0, half), seqs.slice(half)]
  const suspectAlone = () => {
    if (seqs.length === 1) probe.lone = { seq: seqs[0]!, status }
  }
  await db.transaction('rw', [db.outbox, db.syncState, db.meta], async () => {
    await releaseBatch(db, batch)
    if (group) {
      suspectAlone()
      const sent = new Set(seqs)
      await replaceGroup(db, commune, group, [...halves, group.filter((seq) => !sent.has(seq))])
      return
    }
    const state = (await db.syncState.get(commune)) ?? emptySyncState(commune)
    const failures = (state.serverFailures ?? 0) + 1
    if (failures < BISECT_AFTER_FAILURES) {
      await db.syncState.put({ ...state, serverFailures: failures })
      return
    }
    suspectAlone()
    await db.syncState.put({ ...state, serverFailures: 0, suspects: [...halves, ...(state.suspects ?? [])] })
  })
}

/**
 * Takes the entry the server failed on alone out of the pushable set, kept in the outbox for the
 * user (in one transaction with the end of its bisection group). False when the entry is no
 * longer pending (the user acted meanwhile).
 */
async function quarantine(db: ThiDuaDb, commune: string, lone: { seq: number; status: number }, now: Date): Promise<boolean> {
  return db.transaction('rw', [db.outbox, db.syncState], async () => {
    await replaceGroup(db, commune, [lone.seq], [])
    const entry = await db.outbox.get(lone.seq)
    if (entry?.state !== 'pending') return false
    await db.outbox.update(lone.seq, { state: 'quarantined', quarantine: { at: now.toISOString(), status: lone.status } })
    return true
  })
}

/**
 * Takes up to `size` pending entries in seq order, not already in a push, and adds them to the
 * `sending` list, in one transaction: one small row written, the entries themselves untouched
 * (they stay `pending`; the list is what keeps an edit from changing them in place, outbox.ts
 * `coalescible`). The batch's copies carry +1 attempt, written to the entries only when they stay
 * in the outbox after the push (releaseSeqs, applyOutcomes). At most one entry per cell (or
 * report) a batch: the server checks a later entry of the same cell against a version this batch
 * creates, which the phone cannot know yet; the later one goes in the next batch, rebased, and
 * what the user did after it in the same unit and period's report waits with it (see below).
 * `blocked`: the batch before it, in flight or being settled, whose dependents wait (see pushAll).
 * `left`: pending entries neither in a push nor taken now.
 */
async function takeBatch(db: ThiDuaDb, commune: string, size: number, only?: ReadonlySet<number>, blocked?: Dependents): Promise<{ batch: OutboxEntry[]; left: number }> {
  return db.transaction('rw', [db.outbox, db.meta], async () => {
    // The pending entries' keys (in seq order), then only as many entries as a batch can take:
    // the entries of the batch in flight are pending too and are not read again.
    const [keys, sending] = await Promise.all([db.outbox.where('[commune+state]').equals([commune, 'pending']).primaryKeys(), sendingSeqs(db)])
    const candidates = keys.filter((seq) => !sending.has(seq) && (!only || only.has(seq)))
    const taken = new Set<string>(blocked?.targets)
    // Unit and period pairs whose entries left for later hold back what the user did after them:
    // a report's submit waits for a value left out before it, and everything waits for a report
    // action left out before it (a value typed after a recall, the recall after a submit).
    const reportsHeld = new Set<string>(blocked?.pairs)
    const allHeld = new Set<string>(blocked?.reportPairs)
    const batch: OutboxEntry[] = []
    for (let from = 0; from < candidates.length && batch.length < size; ) {
      const chunk = candidates.slice(from, from + size - batch.length)
      from += chunk.length
      for (const e of await entriesIn(db, chunk)) {
        if (!e) continue
        const key = targetKey(e)
        const pair = pairOf(e)
        const report = e.mutation.kind === 'report'
        if (taken.has(key) || allHeld.has(pair) || (report && reportsHeld.has(pair))) {
          if (report) allHeld.add(pair)
          else reportsHeld.add(pair)
          continue
        }
        taken.add(key)
        batch.push({ ...e, attempts: e.attempts + 1 })
      }
    }
    if (batch.length > 0) await putSendingSeqs(db, [...sending, ...batch.map((e) => e.seq)])
    // Every pending entry not in a push is still waiting, outside `only` too (a bisection's other groups).
    const left = keys.filter((seq) => !sending.has(seq)).length - batch.length
    return { batch, left }
  })
}

/**
 * The outbox entries of these seqs, in their order (undefined for one gone). A batch's seqs usually
 * lie close together, taken in seq order: they are read with one range read from the first to the
 * last, of at most twice as many rows as asked, instead of one request per entry (500 of them cost
 * the main thread more than the rest of taking a batch); the seqs past what it reached are read one
 * by one.
 */
async function entriesIn(db: ThiDuaDb, seqs: readonly number[]): Promise<(OutboxEntry | undefined)[]> {
  if (seqs.length === 0) return []
  const lo = Math.min(...seqs)
  const hi = Math.max(...seqs)
  const most = 2 * seqs.length
  const rows = await db.outbox.where(':id').between(lo, hi, true, true).limit(most).toArray()
  const bySeq = new Map(rows.map((e) => [e.seq, e]))
  // Cut short by the limit: what lies past the last row read is not known to be gone.
  const reached = rows.length === most ? (rows.at(-1)?.seq ?? hi) : hi
  const rest = seqs.filter((seq) => seq > reached)
  if (rest.length > 0) for (const e of await db.outbox.bulkGet(rest)) if (e) bySeq.set(e.seq, e)
  return seqs.map((seq) => bySeq.get(seq))
}

/** The batch left without an answer: its entries leave the `sending` list, marked as sent once more. */
async function releaseBatch(db: ThiDuaDb, batch: readonly OutboxEntry[]): Promise<void> {
  await db.transaction('rw', [db.outbox, db.meta], () => releaseSeqs(db, batch.map((e) => e.seq)))
}

/**
 * Entries in a push whose answer will not be settled: each still `pending` and still listed gets
 * +1 attempt (the server may have taken it: an edit must not change it in place, and a resend is
 * answered `duplicate`), and they leave the `sending` list. Inside a rw transaction over outbox and meta.
 */
async function releaseSeqs(db: ThiDuaDb, seqs: readonly number[]): Promise<void> {
  const [entries, sending] = await Promise.all([db.outbox.bulkGet([...seqs]), sendingSeqs(db)])
  const sent = entries.filter((e): e is OutboxEntry => e !== undefined && e.state === 'pending' && sending.has(e.seq)).map((e) => ({ ...e, attempts: e.attempts + 1 }))
  if (sent.length > 0) await db.outbox.bulkPut(sent)
  const released = new Set(seqs)
  await putSendingSeqs(db, [...sending].filter((seq) => !released.has(seq)))
}

/**
 * Acts on one push response in one transaction: an entry leaves the outbox only on `applied`
 * (directly or as a duplicate's original); conflicts and rejections stay for the user; the batch
 * leaves the `sending` list. Returns how many entries of the batch were settled. `inFlight`: the
 * next batch, sent meanwhile (its entries' targets are known without reading them).
 */
async function applyOutcomes(
  db: ThiDuaDb,
  batch: readonly OutboxEntry[],
  response: PushResponse,
  now: Date,
  result: SyncResult,
  settledCells?: SettledCells,
  inFlight: readonly OutboxEntry[] = [],
): Promise<number> {
  const byId = new Map<string, MutationOutcome>(response.outcomes.map((o) => [o.mutationId, o]))
  // The server's time and name when it sends them: an applied value's cell then is what the
  // pull brings, and the pull does not write it again.
  const at = response.at !== undefined ? new Date(response.at) : now
  let written: CellRow[] = []
  // The values this push wrote at its own version (ownVersionOf), and how many of them are stored now.
  const own = ownVersionOf(response)
  const ownValues = new Set(batch.filter((e) => e.mutation.kind === 'value' && isOwnWrite(byId.get(e.mutationId), own)).map((e) => e.seq))
  let ownStored = 0
  const writes = new PeriodWrites(db.name)
  const settled = await db.transaction('rw', [db.outbox, db.cells, db.reports, db.registrations, db.meta], async (tx) => {
    ownStored = 0
    const [by, sending] = await Promise.all([response.by ?? currentUser(db).then((u) => u?.displayName ?? null), sendingSeqs(db)])
    const sent = new Set(batch.map((e) => e.seq))
    const bulk = await settleAppliedValues(db, { tx, writes }, batch, byId, response.version, { by, now: at }, sending, inFlight)
    let settled = 0
    if (bulk !== undefined) {
      written = bulk
      ownStored = ownValues.size
      result.applied += bulk.length
      settled = bulk.length
    } else {
      for (const seq of sent) {
        const entry = await db.outbox.get(seq)
        // Still as this batch sent it: pending and in the `sending` list.
        if (!entry || entry.state !== 'pending' || !sending.has(seq)) continue
        const o = appliedOutcome(byId.get(entry.mutationId))
        if (o?.status === 'applied') {
          await onApplied(db, entry, o.version, response.version, { by, now: at })
          if (ownValues.has(seq)) ownStored++
          result.applied++
        } else if (o?.status === 'conflict') {
          await onConflict(db, entry, o.server)
          result.conflicts++
        } else if (o?.status === 'rejected') {
          await db.outbox.update(seq, { state: 'rejected', rejection: { code: o.code, message: o.message }, attempts: entry.attempts + 1 })
          result.rejected++
        } else {
          // No outcome: it stays pending, sent once more (the server may hold it).
          await db.outbox.update(seq, { attempts: entry.attempts + 1 })
          continue
        }
        settled++
      }
    }
    await putSendingSeqs(db, [...sending].filter((seq) => !sent.has(seq)))
    return settled
  })
  writes.tell()
  // Committed: the pull need not read these cells back (SettledCells), nor be sent this push's own version's values.
  settledCells?.remember(written)
  if (own !== undefined && ownStored === ownValues.size) settledCells?.ownVersion(own)
  return settled
}

const appliedOutcome = (o: MutationOutcome | undefined) => (o?.status === 'duplicate' ? o.original : o)

/** An outcome of a value this push wrote at its own version `own` (not a duplicate's, nor one that converged at an older version). */
function isOwnWrite(o: MutationOutcome | undefined, own: number | undefined): boolean {
  return own !== undefined && o?.status === 'applied' && o.version === own
}

/**
 * The common case of a push, in a few bulk reads and writes instead of several requests per
 * entry: every entry a value, every outcome `applied`, and no other entry waiting for the same
 * cell or for the report of its (unit, period). The result is what `onApplied` entry by entry
 * gives (the entry leaves the outbox; the cell takes the server's new state and, with nothing
 * left waiting, drops its local edit; the draft report the push created is learnt). Returns the
 * cells written, or undefined when the batch is not that case: the caller then goes entry by entry.
 */
async function settleAppliedValues(
  db: ThiDuaDb,
  into: { tx: Transaction; writes: PeriodWrites },
  batch: readonly OutboxEntry[],
  byId: ReadonlyMap<string, MutationOutcome>,
  pushVersion: number,
  stamp: { by: string | null; now: Date },
  sending: ReadonlySet<number>,
  inFlight: readonly OutboxEntry[],
): Promise<CellRow[] | undefined> {
  const commune = batch[0]?.commune
  if (commune === undefined || batch.some((e) => e.commune !== commune || e.mutation.kind !== 'value')) return undefined
  const versions: number[] = []
  for (const e of batch) {
    const o = appliedOutcome(byId.get(e.mutationId))
    if (o?.status !== 'applied') return undefined
    versions.push(o.version)
  }
  // Every entry still there and in the `sending` list, and what else waits in the commune: one
  // read of the index's primary keys; only entries neither in this batch nor in the next one
  // (whose targets are known) are read whole, usually none.
  const present = await db.outbox.where('[commune+unit+period+indicator]').between(...communeRange(commune), true, true).primaryKeys()
  const here = new Set(present)
  if (batch.some((e) => !here.has(e.seq) || !sending.has(e.seq))) return undefined
  const sent = new Set(batch.map((e) => e.seq))
  const known = new Set(inFlight.map((e) => e.seq))
  const unknown = present.filter((seq) => !sent.has(seq) && !known.has(seq))
  const others = [...inFlight.filter((e) => here.has(e.seq)), ...(await db.outbox.bulkGet(unknown)).filter((e): e is OutboxEntry => e !== undefined)]
  const waiting = new Set(others.map(targetKey))
  if (batch.some((e) => waiting.has(targetKey(e)) || waiting.has(targetKey(reportKey(e))))) return undefined

  const cells = await storedCells(db, commune, batch)
  // Nothing else waits for these cells: their local edit was the one sent.
  const rows: CellRow[] = batch.map((entry, i) => {
    const m = entry.mutation as Extract<OutboxEntry['mutation'], { kind: 'value' }>
    return cellFromApplied(cells[i], { commune, unit: entry.unit, period: entry.period, indicator: entry.indicator }, m, versions[i]!, stamp, false)
  })
  // The server creates a unit's draft report with the first value of a period (see inferDraftReport).
  const drafts = new Map<string, [string, string, string]>()
  batch.forEach((e, i) => {
    if (versions[i] === pushVersion) drafts.set(`${e.unit}\u0000${e.period}`, [commune, e.unit, e.period])
  })
  const draftKeys = [...drafts.values()]
  const reports = await db.reports.bulkGet(draftKeys)
  const learnt = draftKeys.flatMap((key, i) => {
    const report = reports[i]
    if (report && (report.status !== 'none' || report.version !== 0)) return []
    return [{ ...(report ?? emptyReport(...key)), status: 'draft' as const, version: pushVersion }]
  })
  await deleteEntries(db, [...sent])
  into.writes.put(into.tx, 'cells', rows)
  into.writes.put(into.tx, 'reports', learnt)
  return rows
}

/**
 * Deletes these outbox entries: with one range delete when they are every entry between the
 * first and the last (a batch taken in seq order usually is), else one by one.
 */
async function deleteEntries(db: ThiDuaDb, seqs: readonly number[]): Promise<void> {
  const sorted = [...seqs].sort((a, b) => a - b)
  const lo = sorted[0]
  const hi = sorted.at(-1)
  if (lo === undefined || hi === undefined) return
  const range = () => db.outbox.where(':id').between(lo, hi, true, true)
  if ((await range().count()) === sorted.length) await range().delete()
  else await db.outbox.bulkDelete(sorted)
}

/**
 * The stored cells of these targets, in their order: one range read per (unit, period) rather
 * than one request per cell (a push's or a pulled page's hundreds of cells are a few periods').
 */
async function storedCells(db: ThiDuaDb, commune: string, targets: readonly { unit: string; period: string; indicator: string }[]): Promise<(CellRow | undefined)[]> {
  const pairs = new Map<string, [string, string, string]>()
  for (const t of targets) pairs.set(`${t.unit}\u0000${t.period}`, [commune, t.unit, t.period])
  const rows = await Promise.all([...pairs.values()].map((pair) => db.cells.where('[commune+unit+period]').equals(pair).toArray()))
  const byTarget = new Map(rows.flat().map((c) => [targetKey(c), c]))
  return targets.map((t) => byTarget.get(targetKey(t)))
}

async function onApplied(db: ThiDuaDb, entry: OutboxEntry, version: number, pushVersion: number, stamp: { by: string | null; now: Date }): Promise<void> {
  await db.outbox.delete(entry.seq)
  const m = entry.mutation
  if (m.kind === 'registration') {
    const t = { commune: entry.commune, unit: entry.unit, year: m.year }
    const row = (await db.registrations.get([t.commune, t.unit, t.year])) ?? emptyRegistration(t.commune, t.unit, t.year)
    const next = registrationMoved(row, { status: m.action === 'submit' ? 'submitted' : 'draft', content: m.content ?? row.content }, version)
    if (next !== row) await db.registrations.put(next)
    await rebase(db, entry, version)
    await settleRegistration(db, t)
    return
  }
  if (m.kind === 'report') {
    const report = (await db.reports.get([entry.commune, entry.unit, entry.period])) ?? emptyReport(entry.commune, entry.unit, entry.period)
    const next = reportMoved(report, REPORT_MOVES[m.action].to, version, m.action === 'submit' ? { returnReason: null } : {})
    if (next !== report) await db.reports.put(next)
    await rebase(db, entry, version)
    await settleReport(db, entry)
    return
  }
  const cell = await db.cells.get([entry.commune, entry.unit, entry.period, entry.indicator])
  const row = cellFromApplied(cell, { commune: entry.commune, unit: entry.unit, period: entry.period, indicator: entry.indicator }, m, version, stamp, true)
  if (row.server !== cell?.server) await db.cells.put(row)
  await rebase(db, entry, version)
  await settleCell(db, entry)
  if (version === pushVersion) await inferDraftReport(db, entry, version)
}

/**
 * Later entries of the same cell (or report), never sent or sent without answer, were based on
 * what this entry wrote: their base becomes its version. Entries in conflict or rejected are
 * never changed.
 */
async function rebase(db: ThiDuaDb, entry: CellTarget & { seq: number }, version: number): Promise<void> {
  for (const later of await entriesFor(db, entry)) {
    if (later.seq > entry.seq && later.state === 'pending' && later.mutation.baseVersion < version) {
      await db.outbox.update(later.seq, { mutation: { ...later.mutation, baseVersion: version } })
    }
  }
}

/**
 * The server creates a unit's draft report, at the version of the push, when the first value of
 * the period is written (ingest.ts). A phone that knew no report for (unit, period) learns its
 * version here, so a submit waiting in a later batch is not a conflict with its own values. A
 * wrong guess (the report existed) costs nothing: the submit was stale at base 0 anyway, and the
 * next pull brings the report.
 */
async function inferDraftReport(db: ThiDuaDb, entry: OutboxEntry, version: number): Promise<void> {
  const report = await db.reports.get([entry.commune, entry.unit, entry.period])
  if (report && (report.status !== 'none' || report.version !== 0)) return
  await db.reports.put({ ...(report ?? emptyReport(entry.commune, entry.unit, entry.period)), status: 'draft', version })
  await rebase(db, { ...reportKey(entry), seq: 0 }, version)
}

function isServerCell(s: ServerCell | { status: string; version: number }): s is ServerCell {
  return 'value' in s
}

async function onConflict(db: ThiDuaDb, entry: OutboxEntry, server: ServerCell | { status: string; version: number }): Promise<void> {
  await db.outbox.update(entry.seq, { state: 'conflict', conflict: server, attempts: entry.attempts + 1 })
  if (entry.mutation.kind === 'value' && isServerCell(server)) {
    const cell = await db.cells.get([entry.commune, entry.unit, entry.period, entry.indicator])
    const row = cellFromConflict(cell, { commune: entry.commune, unit: entry.unit, period: entry.period, indicator: entry.indicator }, server)
    if (row.server !== cell?.server) await db.cells.put(row)
  } else if (entry.mutation.kind === 'registration' && !isServerCell(server)) {
    const m = entry.mutation
    const row = (await db.registrations.get([entry.commune, entry.unit, m.year])) ?? emptyRegistration(entry.commune, entry.unit, m.year)
    const next = registrationMoved(row, { status: server.status as typeof row.status }, server.version)
    if (next !== row) await db.registrations.put(next)
  } else if (!isServerCell(server)) {
    const report = (await db.reports.get([entry.commune, entry.unit, entry.period])) ?? emptyReport(entry.commune, entry.unit, entry.period)
    const next = reportMoved(report, server.status as ReportRow['status'], server.version)
    if (next !== report) await db.reports.put(next)
  }
}

// ---------------------------------------------------------------------------
// Pull

async function pullAll(deps: SyncDeps, result: SyncResult, early?: EarlyPull, settledCells?: SettledCells): Promise<void> {
  const { db, commune, transport } = deps
  let cursor = (await db.syncState.get(commune))?.cursor ?? 0
  let restarted = false
  // The page asked for early, when it was asked from where the pull stands and without the values
  // of no version but those the run's settled answers stored (an answer that failed to settle: asked again).
  let first = early?.first?.cursor === cursor && early.first.skip.every((v) => settledCells?.isOwn(v)) ? early.first.page : null
  for (;;) {
    let page: PullResponse
    try {
      const asked = first ?? transport.pull(commune, cursor, deps.pullLimit, settledCells?.ownAbove(cursor))
      first = null
      page = await asked
    } catch (err) {
      // The server was restored from a backup: start over from 0; the outbox stays as it is.
      if (err instanceof SyncTransportError && err.kind === 'cursor_ahead' && !restarted && cursor > 0) {
        restarted = true
        cursor = 0
        await updateSyncState(db, commune, { cursor: 0 })
        continue
      }
      throw err
    }
    if (page.more && page.cursor <= cursor) throw new SyncStallError(syncProblem('stalledPull'))
    // Evidence rows go to the evidence database (its own, loaded with them) before the cursor moves past them.
    if (page.evidence?.length) await (await import('../evidence/pulled')).keepPulledEvidence(commune, page.evidence)
    await savePage(db, commune, page, settledCells)
    result.pulledPages++
    cursor = page.cursor
    if (!page.more) return
  }
}

/**
 * Saves a page and its cursor in one transaction. A pulled value writes the cell's `server`
 * state only; `local` (an edit still waiting) and the report's pending action are kept.
 */
async function savePage(db: ThiDuaDb, commune: string, page: PullResponse, settledCells?: SettledCells): Promise<void> {
  // The phone's own values as this run's push answers settled them are already stored: not read again.
  const values = settledCells ? page.values.filter((v) => !settledCells.holds(v)) : page.values
  const writes = new PeriodWrites(db.name)
  await db.transaction('rw', [db.cells, db.reports, db.periods, db.units, db.plans, db.registrations, db.registrationTitles, db.registrationSettings, db.syncState], async (tx) => {
    if (values.length > 0) {
      // A cell the phone already holds as pulled (its own value, settled from the push's answer
      // with the server's time by an earlier run) is not written again.
      const existing = await storedCells(db, commune, values)
      const changed = values.map((v, i) => cellFromPull(existing[i], commune, v)).filter((row, i) => row !== existing[i])
      writes.put(tx, 'cells', changed)
    }
    if (page.reports.length > 0) {
      const existing = await db.reports.bulkGet(page.reports.map((r) => [commune, r.unit, r.period] as [string, string, string]))
      const changed = page.reports.map((r, i) => reportFromPull(existing[i], commune, r)).filter((row, i) => row !== existing[i])
      writes.put(tx, 'reports', changed)
    }
    if (page.periods.length > 0) await db.periods.bulkPut(page.periods.map((p) => ({ ...p, commune })))
    if (page.units.length > 0) await db.units.bulkPut(page.units.map((u) => ({ ...u, commune })))
    if (page.plans.length > 0) await db.plans.bulkPut(page.plans.map((p) => ({ commune, year: p.year, version: p.version, plan: p.plan as Plan })))
    await saveRegistrations(db, commune, page)
    const state = (await db.syncState.get(commune)) ?? emptySyncState(commune)
    await db.syncState.put({ ...state, cursor: page.cursor })
  })
  writes.tell()
}

/** A page's registrations (the user's submit or recall waiting and their draft kept), titles and deadlines. */
async function saveRegistrations(db: ThiDuaDb, commune: string, page: PullResponse): Promise<void> {
  const registrations = page.registrations ?? []
  if (registrations.length > 0) {
    const existing = await db.registrations.bulkGet(registrations.map((r) => [commune, r.unit, r.year] as [string, string, number]))
    await db.registrations.bulkPut(registrations.map((r, i) => registrationFromPull(existing[i], commune, r)))
  }
  if (page.registrationTitles?.length) await db.registrationTitles.bulkPut(page.registrationTitles.map((t) => ({ ...t, commune })))
  if (page.registrationSettings?.length) await db.registrationSettings.bulkPut(page.registrationSettings.map((s) => ({ ...s, commune })))
}

// ---------------------------------------------------------------------------
// Sync state

/** Changes some fields of the commune's sync state, keeping the others (the cursor above all). */
export async function updateSyncState(db: ThiDuaDb, commune: string, patch: Partial<Omit<SyncStateRow, 'commune'>>): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const state = (await db.syncState.get(commune)) ?? emptySyncState(commune)
    await db.syncState.put({ ...state, ...patch })
  })
}

/**
 * Pulls everything again from cursor 0 at the next sync, keeping what is stored and the outbox
 * (a village head newly assigned a unit needs its history: docs/sync.md).
 */
export function requestFullPull(db: ThiDuaDb, commune: string): Promise<void> {
  return updateSyncState(db, commune, { cursor: 0 })
}

function errorInfo(err: unknown, now: Date): SyncErrorInfo {
  const at = now.toISOString()
  if (err instanceof SyncTransportError) return { kind: err.kind, code: err.code ?? null, message: err.message, at }
  if (err instanceof SyncStallError) return { kind: 'server', code: null, message: err.message, at }
  if (isQuotaError(err)) return { kind: 'storage', code: 'quota', message: syncProblem('storageFull'), at }
  const detail = err instanceof Error ? err.message : String(err)
  return { kind: 'internal', code: null, message: syncProblem('internal', { detail }), at }
}

// ---------------------------------------------------------------------------
// The user's choices: the only way besides `applied` for an entry to leave the outbox

/** Settles whichever local state the entry stood for: a cell's, a report's or a registration's. */
function settleEntry(db: ThiDuaDb, e: OutboxEntry): Promise<void> {
  const m = e.mutation
  return m.kind === 'registration' ? settleRegistration(db, { commune: e.commune, unit: e.unit, year: m.year }) : settleTarget(db, e)
}

export class OutboxStateError extends Error {
  override name = 'OutboxStateError'
}

/** For the developer: the screen that asked reloads its list (the user sees no message). */
const HANDLED: Readonly<Record<'conflict' | 'rejected' | 'quarantined', string>> = {
  conflict: 'this conflict was already resolved',
  rejected: 'this rejected change was already handled',
  quarantined: 'this quarantined change was already handled',
}

async function entryIn(db: ThiDuaDb, seq: number, state: 'conflict' | 'rejected' | 'quarantined'): Promise<OutboxEntry> {
  const entry = await db.outbox.get(seq)
  if (!entry || entry.state !== state) throw new OutboxStateError(HANDLED[state])
  return entry
}

/**
 * The user chose between their value and the server's, in one transaction:
 * - `mine`: the phone's current value for the cell (its local state: the user's latest edit) is
 *   queued again, based on the server's version the conflict showed; an unsent later edit of the
 *   cell is rebased instead of adding another entry. For a report, the same action again.
 * - `theirs`: the entry is dropped; the cell shows the server's value unless a later edit waits.
 */
export function resolveConflict(deps: EditDeps, seq: number, choice: 'mine' | 'theirs'): Promise<Queued | null> {
  return inEditTransaction(deps, async (ctx) => {
    const entry = await entryIn(ctx.db, seq, 'conflict')
    await ctx.db.outbox.delete(seq)
    if (choice === 'theirs') {
      await settleEntry(ctx.db, entry)
      return null
    }
    const base = entry.conflict?.version ?? 0
    const m = entry.mutation
    if (m.kind === 'registration') {
      const remaining = await entriesFor(ctx.db, entry)
      // A later submit or recall is the user's latest intent: rebase it rather than repeat this one.
      const last = remaining.at(-1)?.mutation
      const latest = last?.kind === 'registration' ? last : m
      return queueRegistration(ctx, { commune: entry.commune, unit: entry.unit, year: m.year }, latest.action, latest.content, base)
    }
    if (m.kind === 'report') {
      const remaining = await entriesFor(ctx.db, reportKey(entry))
      // A later submit or recall is the user's latest intent: rebase it rather than repeat this one.
      const last = remaining.at(-1)?.mutation
      const action = last?.kind === 'report' ? last.action : m.action
      return queueReport(ctx, entry, action, base)
    }
    const cell = await ctx.db.cells.get([entry.commune, entry.unit, entry.period, entry.indicator])
    return queueValue(ctx, entry, cell?.local ?? { value: m.value, note: m.note }, base)
  })
}

/** The user acknowledged a rejection and gave up the change. */
export function discardRejected(deps: EditDeps, seq: number): Promise<void> {
  return inEditTransaction(deps, async (ctx) => {
    const entry = await entryIn(ctx.db, seq, 'rejected')
    await ctx.db.outbox.delete(seq)
    await settleEntry(ctx.db, entry)
  })
}

/**
 * Sends a rejected change again as a new entry: with `fixed` (the corrected value) or, without
 * it, the phone's current value for the cell (for a report: the same action).
 */
export function retryRejected(deps: EditDeps, seq: number, fixed?: { value: ValueData | null; note?: string | null }): Promise<Queued | null> {
  return inEditTransaction(deps, async (ctx) => {
    const entry = await entryIn(ctx.db, seq, 'rejected')
    await ctx.db.outbox.delete(seq)
    const m = entry.mutation
    if (m.kind === 'registration') return queueRegistration(ctx, { commune: entry.commune, unit: entry.unit, year: m.year }, m.action, m.content)
    if (m.kind === 'report') return queueReport(ctx, entry, m.action)
    const cell = await ctx.db.cells.get([entry.commune, entry.unit, entry.period, entry.indicator])
    return queueValue(ctx, entry, fixed ?? cell?.local ?? { value: m.value, note: m.note })
  })
}

/**
 * Sends a quarantined change again, as it is: back to `pending`, and first in line, alone (a
 * bisection group of its own), so that if the server still fails on it only this one waits, and it
 * is quarantined again at once.
 */
export function retryQuarantined(deps: Pick<EditDeps, 'db'>, seq: number): Promise<void> {
  const { db } = deps
  return db.transaction('rw', [db.outbox, db.syncState], async () => {
    const entry = await entryIn(db, seq, 'quarantined')
    await db.outbox.update(entry.seq, { state: 'pending', quarantine: null })
    const state = (await db.syncState.get(entry.commune)) ?? emptySyncState(entry.commune)
    await db.syncState.put({ ...state, suspects: [[entry.seq], ...(state.suspects ?? []).map((g) => g.filter((s) => s !== entry.seq)).filter((g) => g.length > 0)] })
  })
}

/** The user confirmed giving up a quarantined change: the entry leaves the outbox, its local state with it. */
export function discardQuarantined(deps: EditDeps, seq: number): Promise<void> {
  return inEditTransaction(deps, async (ctx) => {
    const entry = await entryIn(ctx.db, seq, 'quarantined')
    await ctx.db.outbox.delete(seq)
    await settleEntry(ctx.db, entry)
  })
}
