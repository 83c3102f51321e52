// Issue 6 item 1: the JS and CSS the entry screen loads first, gzip and brotli, measured on the
// fresh build the browser measurements share (size.ts's measureEntrySize on that folder).
import { browserEnv, failed } from './browser'
import type { Measurement } from './report'
import { budgetLine, measureEntrySize, sizeTable } from './size'

const ID = 'browser-size'
const TITLE = 'First-load JS and CSS of the entry screen'
const DESCRIPTION = [
  'The JavaScript and CSS `index.html` loads before the entry screen works: its chunk, its CSS and their static imports, recursively (lazy chunks left out), read from the build manifest of a fresh `vite build`; gzip at level 9, brotli at quality 11. Sizes of one build are deterministic, so this is measured once. Budget: ≤ 100 KB of JS, gzip.',
]

export const browserSizeMeasurement: Measurement = {
  id: ID,
  title: TITLE,
  async run(ctx) {
    try {
      const env = await browserEnv(ctx)
      const size = await measureEntrySize(env.distDir)
      return { id: ID, title: TITLE, description: DESCRIPTION, environment: [], sections: [{ title: 'Entry screen', table: sizeTable(size), notes: [budgetLine(size)] }], errors: [] }
    } catch (e) {
      return failed(ID, TITLE, DESCRIPTION, e)
    }
  },
}
