// Runs in the worker thread kept by ./draftInWorker.ts: the drafter (shared/planDraft/extract.ts),
// a pure function of the text, away from the server's event loop and under a heap cap and a time
// limit set by the parent, which ends the worker when either is passed. Plain JavaScript that
// loads the TypeScript drafter through tsx's API, so that it runs as it is under tsx, Vitest and
// Node alike.
//
// In:  messages { id, text, year }, one at a time.
// Out: one message per request, { id, ok: true, draft } or { id, ok: false, error } when the
//      drafter threw (a fault of the drafter, reported by the parent as a refusal of the text).
import { parentPort } from 'node:worker_threads'
import { tsImport } from 'tsx/esm/api'

const { draftPlan } = await tsImport('../../shared/planDraft/extract.ts', import.meta.url)

parentPort.on('message', ({ id, text, year }) => {
  let answer
  try {
    answer = { id, ok: true, draft: draftPlan(text, { year }) }
  } catch (err) {
    answer = { id, ok: false, error: String((err && err.stack) || err) }
  }
  parentPort.postMessage(answer)
})
parentPort.postMessage({ ready: true })
