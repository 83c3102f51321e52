// Once per `npm test`: a folder in which the first test that needs the production build of the
// PWA builds it, and every other test file reuses it (test/client/pwa/build.ts). Removed at the end.
// And one real server, on a loopback port, that the screen tests' phones sync with
// (test/support/liveServer.ts; it starts on the first request).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { startLiveServer, type LiveServerAccess } from './support/liveServer'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where this run's one production build goes. */
    buildRoot: string
    /** The run's one real server (test/support/liveServer.ts; test/client/app/liveCommune.ts declares it too, for the client project). */
    liveServer: LiveServerAccess
  }
}

/**
 * Said at the start and at the end of a run without TEST_DATABASE_URL: the server suites then run
 * on embedded PGlite only, and a run that looks green has not tested PostgreSQL (.ci/run sets it).
 */
const POSTGRES_SKIPPED =
  'PostgreSQL half NOT run: TEST_DATABASE_URL is not set, so the server suites ran on embedded PGlite only. ' +
  'Set it (e.g. postgres://thidua:thidua@localhost:5432/thidua_test) or run .ci/run to test both databases.'

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = mkdtempSync(join(tmpdir(), 'thidua-run-build-'))
  project.provide('buildRoot', root)
  const live = await startLiveServer()
  project.provide('liveServer', live.access)
  const postgres = Boolean(process.env.TEST_DATABASE_URL)
  if (!postgres) process.stderr.write(`\n${POSTGRES_SKIPPED}\n\n`)
  return async () => {
    await live.close()
    rmSync(root, { recursive: true, force: true })
    if (!postgres) process.stderr.write(`\n${POSTGRES_SKIPPED}\n\n`)
  }
}
