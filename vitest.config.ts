import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

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
          include: ['test/shared/**/*.test.ts', 'test/server/**/*.test.ts'],
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['test/client/**/*.test.ts'],
        },
      },
    ],
  },
})
