// Builds the PWA as `vite build` does (the project's vite.config.ts, production mode) into a
// folder of the test's choosing, from inside Vitest.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

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
