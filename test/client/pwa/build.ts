// Builds the PWA as `vite build` does (the project's vite.config.ts, production mode) into a
// folder of the test's choosing, from inside Vitest.
import { cp, mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { inject } from 'vitest'

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

export async function buildPwa(outDir: string): Promise<void> {
  // Vitest sets NODE_ENV=test, under which Vite would build a development bundle (Vue's dev
  // build, import.meta.env.PROD false: no service worker). The phone gets the production build.
  const previous = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    })
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = previous
  }
}

/** How long a test file waits for another one's build of the same run. */
const BUILD_WAIT_MS = 15 * 60_000

/**
 * This run's production build (one per `npm test`, test/globalSetup.ts): the first test file to
 * ask builds it while holding a lock folder; the others wait for its "done" mark, or its error.
 * Read it, never change it: a test that changes files copies it first (`copyOfBuild`).
 */
export async function sharedBuild(): Promise<string> {
  const root = inject('buildRoot')
  const dist = join(root, 'dist')
  const done = join(root, 'done')
  try {
    await mkdir(join(root, 'lock'))
  } catch {
    return waitForBuild(root, dist, done)
  }
  try {
    await buildPwa(dist)
    await writeFile(done, 'ok')
  } catch (err) {
    await writeFile(join(root, 'failed'), String((err as Error).stack ?? err))
    throw err
  }
  return dist
}

async function waitForBuild(root: string, dist: string, done: string): Promise<string> {
  const until = Date.now() + BUILD_WAIT_MS
  while (Date.now() < until) {
    if (await exists(done)) return dist
    if (await exists(join(root, 'failed'))) throw new Error(`the shared build failed:\n${await readFile(join(root, 'failed'), 'utf8')}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`no shared build after ${BUILD_WAIT_MS / 60_000} minutes`)
}

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false)

/** A private copy of this run's build, for a test that changes what is served. */
export async function copyOfBuild(outDir: string): Promise<void> {
  // Outside Vitest (`npm run bench`) there is no run to share with: build here.
  if (!process.env.VITEST) return buildPwa(outDir)
  await cp(await sharedBuild(), outDir, { recursive: true })
}
