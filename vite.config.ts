import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The PWA is built from src/client; index.html at the top level is its entry.
export default defineConfig({
  plugins: [vue()],
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
})
