// Issue 6 item 1: the JS and CSS the entry screen loads first, gzip and brotli, measured on the
// fresh build the browser measurements share (size.ts's measureEntrySize on that folder).
import { browserEnv, failed } from './browser'
import { ratio, stackSize } from './peers'
import type { Measurement } from './report'
import { budgetLine, kb, measureEntrySize, sizeTable } from './size'

const ID = 'browser-size'
const TITLE = 'First-load JS and CSS of the entry screen'
const DESCRIPTION = [
  'The JavaScript and CSS `index.html` loads before the entry screen works: its chunk, its CSS and their static imports, recursively (lazy chunks left out), read from the build manifest of a fresh `vite build`; gzip at level 9, brotli at quality 11. Sizes of one build are deterministic, so this is measured once. Budget: ≤ 100 KB of JS, gzip.',
  'Beside it, the **named stack alone** (test/bench/peer/stack: Vue, Vue Router, Pinia, Dexie and workbox-window, each used as little as an entry screen uses it), built by Vite the same way and measured the same way. Goal (issue 18): the entry screen ≤ 85 KB of JS, gzip.',
]

export const browserSizeMeasurement: Measurement = {
  id: ID,
  title: TITLE,
  async run(ctx) {
    try {
      const env = await browserEnv(ctx)
      const size = await measureEntrySize(env.distDir)
      const stack = await stackSize(ctx)
      const goal = 85 * 1024
      const gzipOf = (match: (file: string) => boolean): number => size.files.filter((f) => f.kind === 'js' && match(f.file)).reduce((n, f) => n + f.gzip, 0)
      const vendor = gzipOf((f) => /\/vendor-/.test(f))
      const notes = [
        budgetLine(size),
        `Product ÷ the named stack alone, JS gzip: ${ratio(size.js.gzip, stack.js.gzip)} (${kb(size.js.gzip)} against ${kb(stack.js.gzip)}). Goal (issue 18): ≤ ${kb(goal)} (${size.js.gzip <= goal ? 'met' : 'missed'}).`,
        `Where the bytes are: the vendor chunk (Vue, Vue Router, Pinia, as much of each as the app uses; Dexie loads after the first screen, which reads the bare IndexedDB) ${kb(vendor)}, the app's own code (the entry and index chunks, the bundler's runtime) ${kb(size.js.gzip - vendor)}; the goal leaves the app ${kb(Math.max(0, goal - vendor))} beside this vendor chunk.`,
      ]
      return {
        id: ID,
        title: TITLE,
        description: DESCRIPTION,
        environment: [],
        sections: [
          { title: 'Entry screen', table: sizeTable(size), notes },
          { title: 'The named stack alone', table: sizeTable(stack) },
        ],
        errors: [],
      }
    } catch (e) {
      return failed(ID, TITLE, DESCRIPTION, e)
    }
  },
}
