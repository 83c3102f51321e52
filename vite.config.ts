import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'

// The PWA is built from src/client; index.html at the top level is its entry.
// The service worker is our own src/client/sw.ts (injectManifest): the plugin builds it and
// writes the precache list of the app shell into it. The page registers it itself
// (src/client/modules/pwa.ts, through workbox-window), so the plugin injects no script.
const ENTRY_CLIENT = /src[\\/]client[\\/](local|pages[\\/]EntryPage|components[\\/](entry|backup|common)|format)/
// The shared code the entry screen runs (number parsing, targets, roll-ups, checks), named one by
// one. A module matched here is pinned into the entry chunk whoever imports it, so any other shared
// module stays out of the first load: the officer's results and summaries, the plan files and the
// drafter, the splitting of targets, and the modules that carry valibot schemas (model, protocol,
// responses, text: the phone loads them only lazily, with the sync engine's answer checks).
const ENTRY_SHARED = /src[\\/]shared[\\/](numbers|numberMessages|targetMessages|messages|validation|targets|formula|aggregation|describe|backup|storable|limits|sameIndicator|splittable)\.(?!en\.)/
// Loaded lazily right after the first screen: the notice about persistent storage (App.vue) and the
// entry screen's sticky bar (EntryPage.vue); the entry screen works (figures typed, saved) without them.
// Loaded when first shown: the backup button (the disk is full), and what it asks of the browser's
// storage (local/storage.ts). Dexie, the module that makes the database with it (local/open.ts) and
// the code that writes (edits, outbox, bareSave, the sync's periodWrites) load after the first
// screen, which reads without them, or with the first save. A module of local/ that imports Dexie
// must be named here, or it pins Dexie into the first load (test/client/pwa/manifest.test.ts).
const LAZY_PHONE = /src[\\/]client[\\/](components[\\/](backup[\\/](StorageWarning|messages|BackupButton)|entry[\\/]EntryBar)|local[\\/](open|edits|outbox|bareSave|periodWrites|storage))\./
const isEntryModule = (id: string): boolean => (ENTRY_SHARED.test(id) || ENTRY_CLIENT.test(id)) && !LAZY_PHONE.test(id)
// The chunks index.html loads itself (its modulepreload links): a lazy chunk's list of JS files to
// preload leaves them out, as they are always there before it runs, and the lists ride in the first
// load's JavaScript. (Vite keeps a lazy chunk's CSS in the list whatever this says.)
const FIRST_LOAD_FILE = /^assets\/(index|vendor|entry|early|rolldown-runtime)-[\w-]+\.js$/
// The route tables (officer/routes.ts, province/routes.ts) are not: they ride in the late routes'
// chunk (src/client/lateRoutes.ts), precached, so a deep link to the workspace resolves offline.
const OFFICER_MODULES = /src[\\/]client[\\/](officer|province)[\\/](?!routes\.)|src[\\/]shared[\\/]((results|summary|province|split|codes|devices|planImport|targetText)\.|planDraft[\\/])|node_modules[\\/](chart\.js|@kurkle|qrcode|dijkstrajs)[\\/]/

/**
 * src/client/early.ts, a chunk of its own (the `early` group below), loaded by index.html with
 * `async` ahead of the app: it imports nothing, so it runs as soon as it arrives and starts opening
 * IndexedDB while the rest of the first load is still on the way. The app imports the same file
 * (local/rawReader.ts), so the browser runs it once and the app takes over its connection.
 */
function earlyScript(): Plugin {
  return {
    name: 'thidua-early-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === 'early' && c.imports.length === 0)
        if (!chunk) throw new Error('src/client/early.ts was not built as a chunk of its own, without imports')
        return [{ tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src: `/${chunk.fileName}` }, injectTo: 'head-prepend' }]
      },
    },
  }
}

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the build, the service
 * worker included, at the highest compression: the server sends them to browsers that accept
 * them (src/server/app.ts, `preCompressed`). Runs last, once every other plugin has written.
 */
function precompress(): Plugin {
  let outDir = 'dist'
  return {
    name: 'thidua-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir)
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const files = (await readdir(outDir, { recursive: true })).filter((f) => /\.(js|css|html|svg|webmanifest|json)$/.test(f) && !f.startsWith('.vite'))
        for (const file of files) {
          const path = join(outDir, file)
          const body = await readFile(path)
          if (body.length < 1024) continue
          await writeFile(`${path}.br`, brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }))
          await writeFile(`${path}.gz`, gzipSync(body, { level: 9 }))
        }
      },
    },
  }
}

export default defineConfig({
  plugins: [
    // Every component uses <script setup>: Vue's Options API support is dead weight on the phone.
    vue({ features: { optionsAPI: false } }),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/client',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      manifest: {
        name: 'Thi đua – Báo cáo chỉ tiêu',
        short_name: 'Thi đua',
        description: 'Nhập và theo dõi kết quả thực hiện chỉ tiêu phong trào thi đua của thôn, tổ dân phố, xã, phường — cả khi không có mạng.',
        lang: 'vi',
        dir: 'ltr',
        id: '/',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        // The app bar and the page background (src/client/styles.css, App.vue).
        theme_color: '#b3261e',
        background_color: '#f7f5f2',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        // A classic (IIFE) worker: module service workers are missing from older phones' browsers.
        rollupFormat: 'iife',
        // The app shell: everything the entry and the lazy screens load, and the icons (the plugin
        // adds manifest.webmanifest itself). Source maps and Vite's build manifest (.vite/) stay out.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        globIgnores: ['**/node_modules/**', '.vite/**', '**/*.map', 'assets/officer/**'],
      },
      // The icons are in the glob above already; listing them twice only clutters the precache list.
      includeManifestIcons: false,
      devOptions: { enabled: false },
    }),
    earlyScript(),
    precompress(),
  ],
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
    // dist/.vite/manifest.json: which files the entry loads, read by `npm run size` (test/bench/size.ts).
    manifest: true,
    // index.html preloads its static imports (the runtime, vendor and entry chunks) and nothing
    // else: the service worker, the sync engine, the account menu load after the first screen
    // (src/client/composables/firstScreen.ts). A lazy chunk preloads its own files only.
    modulePreload: {
      // No polyfill (0.3 KB gzip in the first load): browsers without modulepreload (Safari before
      // 17) fetch the same files as the imports ask for them, a little later; phones on Chrome have it.
      polyfill: false,
      // The early chunk has its own script tag (earlyScript above).
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps.filter((d) => !/^assets\/early-/.test(d)) : deps.filter((d) => !FIRST_LOAD_FILE.test(d))),
    },
    rollupOptions: {
      output: {
        // What the village head's entry screen needs travels in few files: every extra chunk costs
        // a request on 2G and compresses worse than one file. Officer screens stay their own chunks.
        codeSplitting: {
          groups: [
            // early.ts alone (the earlyScript plugin above): the app's chunks import it, it imports nothing.
            { name: 'early', test: /src[\\/]client[\\/]early\.ts$/, priority: 10 },
            // English, loaded only when chosen (modules/i18n.ts), with the English of the server's
            // refusals and of number checks (shared/*.en.ts): not part of the first load.
            { name: 'en', test: /src[\\/](client[\\/]locales[\\/]en|shared[\\/](errors|numberMessages|targetMessages)\.en)\.ts/ },
            { name: 'vendor', test: /node_modules[\\/](@vue|vue|vue-router|pinia)[\\/]/ },
            // Dexie loads after the first screen (local/open.ts), with the code that writes and syncs.
            { name: 'dexie', test: /node_modules[\\/]dexie[\\/]/ },
            // The entry screen and the shared code it runs (number parsing, targets, roll-ups), but
            // not the shared code only the officer's workspace uses.
            { name: 'entry', test: isEntryModule },
          ],
        },
        // The officer's workspace (and the chart library it loads) in a folder of its own, kept out
        // of the service worker's precache: a village head's phone never downloads it.
        // A style sheet shared by several workspace screens has no single source file: its name
        // says where it belongs (src/client/officer/**/officer-*.css).
        assetFileNames: (asset) =>
          asset.originalFileNames.some((f) => OFFICER_MODULES.test(f)) || asset.names.some((n) => n.startsWith('officer-')) ? 'assets/officer/[name]-[hash][extname]' : 'assets/[name]-[hash][extname]',
        chunkFileNames: (chunk) => (chunk.moduleIds.some((id) => OFFICER_MODULES.test(id)) && !chunk.moduleIds.some(isEntryModule) ? 'assets/officer/[name]-[hash].js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
})
