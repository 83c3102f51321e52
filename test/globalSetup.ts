// Once per `npm test`: a folder in which the first test that needs the production build of the
// PWA builds it, and every other test file reuses it (test/client/pwa/build.ts). Removed at the end.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where this run's one production build goes. */
    buildRoot: string
  }
}

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'thidua-run-build-'))
  project.provide('buildRoot', root)
  return () => rmSync(root, { recursive: true, force: true })
}
