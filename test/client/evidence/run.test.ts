import 'fake-indexeddb/auto'
// When the phone uploads: an attempt made offline ends at once and does not stay "under way", so
// the next attempt (the browser back online) runs; two attempts at once share one run.
import { afterEach, describe, expect, it } from 'vitest'
import { onEvidenceProgress } from '../../../src/client/evidence/progress'
import { uploadEvidence } from '../../../src/client/evidence/run'

const setOnline = (on: boolean): void => {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => on })
}
afterEach(() => setOnline(true))

describe('uploadEvidence', () => {
  it('runs again after an attempt made offline', async () => {
    let runs = 0
    const stop = onEvidenceProgress(() => runs++)
    runs = 0
    setOnline(false)
    await uploadEvidence('xa-thu')
    await uploadEvidence('xa-thu')
    expect(runs).toBe(0)
    setOnline(true)
    const a = uploadEvidence('xa-thu')
    const b = uploadEvidence('xa-thu')
    expect(b).toBe(a)
    await a
    // Nothing waits: the run read the queue and said so, once.
    expect(runs).toBe(1)
    await uploadEvidence('xa-thu')
    expect(runs).toBe(2)
    stop()
  })
})
