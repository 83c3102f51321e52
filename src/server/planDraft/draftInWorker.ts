// The drafter (shared/planDraft/extract.ts) run for the server in a worker thread of its own
// (./draftWorker.mjs). Drafting is pure and linear in the text (a 2 MB plan in about a second),
// but it is hundreds of regular expressions over text that anyone with an officer's account
// sends: on the server's own thread the next slow pattern found in the drafter would stall every
// commune's sync while it runs. In the worker it costs a refusal of that text instead.
//
// One worker is kept warm (starting one, loading the drafter and warming its expressions takes
// about half a second) and drafts one text at a time; the others wait their turn. A draft past the
// time limit, or a worker past its heap cap, ends the worker; the next draft starts a new one.
import { Worker } from 'node:worker_threads'
import type { PlanDraft } from '../../shared/planDraft/types'

export const DRAFT_LIMITS = {
  /** One draft, the worker's start included. A 2 MB plan drafts in about 1 s on a quiet core. */
  ms: 30_000,
  heapMb: 512,
} as const

export type DraftOutcome = { ok: true; draft: PlanDraft } | { ok: false; reason: 'timeout' | 'memory' | 'broken'; error?: string }

type Answer = { id: number; ok: true; draft: PlanDraft } | { id: number; ok: false; error: string }

const WORKER_URL = new URL('./draftWorker.mjs', import.meta.url)

let worker: Worker | null = null
let nextId = 1
/** The drafts wait for one another: the worker drafts one text at a time. */
let turn: Promise<unknown> = Promise.resolve()

/** Drafts the text in the worker (never throws): the draft, or why there is none. */
export function draftInWorker(text: string, year: number | undefined, limits: { ms: number } = DRAFT_LIMITS): Promise<DraftOutcome> {
  const mine = turn.then(() => draftOnce(text, year, limits.ms))
  turn = mine
  return mine
}

const SHORTER = 'hãy dán riêng phần mục tiêu, chỉ tiêu của kế hoạch'

/** Why there is no draft, in the officer's words. */
export function draftRefusal(reason: Exclude<DraftOutcome, { ok: true }>['reason']): string {
  if (reason === 'timeout') return `Văn bản quá dài hoặc quá phức tạp để soạn bản nháp (quá ${DRAFT_LIMITS.ms / 1000} giây): ${SHORTER}`
  if (reason === 'memory') return `Văn bản quá lớn để soạn bản nháp: ${SHORTER}`
  return `Không soạn được bản nháp từ văn bản này: ${SHORTER}`
}

function started(): Worker {
  if (worker) return worker
  const w = new Worker(WORKER_URL, {
    resourceLimits: { maxOldGenerationSizeMb: DRAFT_LIMITS.heapMb, maxYoungGenerationSizeMb: 32 },
  })
  // An idle worker does not keep the process alive.
  w.unref()
  w.once('exit', () => {
    if (worker === w) worker = null
  })
  worker = w
  return w
}

function draftOnce(text: string, year: number | undefined, ms: number): Promise<DraftOutcome> {
  let w: Worker
  try {
    w = started()
  } catch (err) {
    return Promise.resolve({ ok: false, reason: 'broken', error: String(err) })
  }
  const id = nextId++
  return new Promise<DraftOutcome>((resolve) => {
    let settled = false
    const settle = (outcome: DraftOutcome, end: boolean): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      w.off('message', onMessage)
      w.off('error', onError)
      w.off('exit', onExit)
      if (end) {
        if (worker === w) worker = null
        void w.terminate()
      }
      resolve(outcome)
    }
    const onMessage = (answer: Answer | { ready: true }): void => {
      if (!('id' in answer) || answer.id !== id) return
      settle(answer.ok ? { ok: true, draft: answer.draft } : { ok: false, reason: 'broken', error: answer.error }, false)
    }
    const onError = (err: Error & { code?: string }): void =>
      settle({ ok: false, reason: err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'broken', error: String(err.stack ?? err) }, true)
    const onExit = (): void => settle({ ok: false, reason: 'broken', error: 'the drafting worker exited' }, true)
    const timer = setTimeout(() => settle({ ok: false, reason: 'timeout' }, true), ms)
    w.on('message', onMessage)
    w.once('error', onError)
    w.once('exit', onExit)
    w.postMessage({ id, text, year })
  })
}
