import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// Timeouts that fit a busy 2-core machine (CI runs the whole suite on one): a component test that
// takes 0,2 s alone can take seconds while the browser and server suites run beside it. Tests
// assert no timing; these only bound a test that hangs. Each project states them (an inline
// project does not inherit the root's test options).
const TIMEOUTS = { testTimeout: 30_000, hookTimeout: 60_000 }

// One Vitest config, one project per environment. Browser tests that drive real
// Chromium join as their own project when the PWA lands.
export default defineConfig({
  test: {
    // One production build of the PWA per run, shared by the tests that serve or read it.
    globalSetup: ['test/globalSetup.ts'],
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          ...TIMEOUTS,
          include: ['test/shared/**/*.test.ts', 'test/server/**/*.test.ts'],
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'dom',
          environment: 'happy-dom',
          ...TIMEOUTS,
          include: ['test/client/**/*.test.ts'],
        },
      },
    ],
  },
})
