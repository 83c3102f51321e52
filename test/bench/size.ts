// `npm run size`: the JavaScript and CSS a village head downloads before the entry screen works
// (docs/BENCHMARKS.md: at most 100 KB of JS, gzip). Reads Vite's build manifest (dist/.vite/manifest.json)
// and follows the entry's static imports only: lazy chunks (officer screens, charts, the service
// worker's helpers) load later and are left out. Exits 1 above the budget.
//
// The bench harness calls measureEntrySize() / sizeMeasurement; run directly, this prints the table.
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Measurement, Table } from './report'

export const REPO_DIST = fileURLToPath(new URL('../../dist/', import.meta.url))
/** docs/BENCHMARKS.md: JavaScript before the entry screen works, gzip. */
export const JS_GZIP_BUDGET = 100 * 1024

/** One entry of Vite's build manifest (the fields used here). */
interface ManifestChunk {
  file: string
  isEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
  css?: string[]
}
type ViteManifest = Record<string, ManifestChunk>

export interface FileSize {
  /** Path inside the build folder, e.g. `assets/index-BZejbjip.js`. */
  file: string
  kind: 'js' | 'css'
  raw: number
  gzip: number
  brotli: number
}

export interface Sizes {
  raw: number
  gzip: number
  brotli: number
}

export interface EntrySize {
  /** The manifest key of the entry: `index.html`. */
  entry: string
  /** Lazy chunks counted as part of the first load anyway (manifest keys), e.g. a lazy entry-screen route. */
  with: string[]
  files: FileSize[]
  js: Sizes
  css: Sizes
  budget: { jsGzip: number; within: boolean }
}

/**
 * Measures what `entry` loads before it runs: its chunk and CSS, and those of its static imports,
 * recursively. Sizes are of the files as served: raw, gzip (level 9) and brotli (quality 11).
 * `withChunks` (manifest keys such as `src/client/pages/EntryPage.vue`) adds lazy chunks the
 * entry screen cannot work without, should its route ever be loaded lazily.
 */
export async function measureEntrySize(distDir: string = REPO_DIST, entry = 'index.html', withChunks: readonly string[] = []): Promise<EntrySize> {
  const manifestPath = join(distDir, '.vite', 'manifest.json')
  let manifest: ViteManifest
  try {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as ViteManifest
  } catch (e) {
    throw new Error(`cannot read ${manifestPath} (build first: \`vite build\` with build.manifest on): ${e instanceof Error ? e.message : String(e)}`)
  }
  const names = [...new Set([entry, ...withChunks].flatMap((key) => staticFiles(manifest, key)))]
  const files = await Promise.all(names.map((f) => measureFile(distDir, f)))
  const js = total(files.filter((f) => f.kind === 'js'))
  const css = total(files.filter((f) => f.kind === 'css'))
  return { entry, with: [...withChunks], files, js, css, budget: { jsGzip: JS_GZIP_BUDGET, within: js.gzip <= JS_GZIP_BUDGET } }
}

/** The JS and CSS files `entry` needs before it runs, the entry's own chunk first. */
export function staticFiles(manifest: ViteManifest, entry: string): string[] {
  if (!manifest[entry]) throw new Error(`the build manifest has no entry "${entry}" (keys: ${Object.keys(manifest).join(', ')})`)
  const seen = new Set<string>()
  const files: string[] = []
  const visit = (key: string): void => {
    if (seen.has(key)) return
    seen.add(key)
    const chunk = manifest[key]
    if (!chunk) throw new Error(`the build manifest names "${key}" as an import but has no entry for it`)
    for (const f of [chunk.file, ...(chunk.css ?? [])]) if (!files.includes(f)) files.push(f)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  visit(entry)
  return files.filter((f) => f.endsWith('.js') || f.endsWith('.css'))
}

async function measureFile(distDir: string, file: string): Promise<FileSize> {
  const bytes = await readFile(join(distDir, file))
  return {
    file,
    kind: file.endsWith('.css') ? 'css' : 'js',
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
  }
}

function total(files: readonly FileSize[]): Sizes {
  return files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 })
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(2)} KB`
}

/** The files and totals as a table (the bench report's shape; renderText prints it for a terminal). */
export function sizeTable(size: EntrySize): Table {
  const row = (name: string, s: Sizes): string[] => [name, kb(s.raw), kb(s.gzip), kb(s.brotli)]
  return {
    columns: [{ title: 'file' }, { title: 'raw', align: 'right' }, { title: 'gzip', align: 'right' }, { title: 'brotli', align: 'right' }],
    rows: [
      ...size.files.map((f) => row(f.file, f)),
      row('total JS', size.js),
      row('total CSS', size.css),
    ],
  }
}

/** One line on the budget: `JS gzip 50.91 KB of 100.00 KB (50.9 %): within budget`. KB = 1,024 bytes. */
export function budgetLine(size: EntrySize): string {
  const share = ((size.js.gzip / size.budget.jsGzip) * 100).toFixed(1)
  const bytes = `${size.js.gzip} of ${size.budget.jsGzip} bytes`
  return `JS gzip ${kb(size.js.gzip)} of ${kb(size.budget.jsGzip)} (${share} %, ${bytes}): ${size.budget.within ? 'within budget' : 'OVER BUDGET'}`
}

export function renderText(table: Table): string {
  const all = [table.columns.map((c) => c.title), ...table.rows]
  const widths = table.columns.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (table.columns[i]?.align === 'right' ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return [line(all[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...table.rows.map(line)].join('\n')
}

/** For test/bench/run.ts: measures the build already in dist/ (the bench builds it, or `npm run build` did). */
export const sizeMeasurement: Measurement = {
  id: 'size',
  title: 'First-load size of the entry screen',
  async run() {
    const description = [
      'The JavaScript and CSS the entry (`index.html`) loads before the entry screen works: its chunk and its static imports, recursively; lazy chunks are left out. Read from `dist/.vite/manifest.json`; gzip at level 9, brotli at quality 11.',
    ]
    try {
      const size = await measureEntrySize()
      const notes = [budgetLine(size)]
      return { id: 'size', title: this.title, description, environment: [], sections: [{ title: 'Entry screen', table: sizeTable(size), notes }], errors: [] }
    } catch (e) {
      return { id: 'size', title: this.title, description, environment: [], sections: [], errors: [e instanceof Error ? e.message : String(e)] }
    }
  },
}

/** `tsx test/bench/size.ts [distDir] [--with <manifest key>]...` */
function parseArgs(args: readonly string[]): { distDir: string; withChunks: string[] } {
  let distDir = REPO_DIST
  const withChunks: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? ''
    if (arg === '--with') {
      const key = args[++i]
      if (!key) throw new Error('--with needs a build-manifest key, e.g. --with src/client/pages/EntryPage.vue')
      withChunks.push(key)
    } else {
      distDir = resolve(arg)
    }
  }
  return { distDir, withChunks }
}

async function main(): Promise<number> {
  const { distDir, withChunks } = parseArgs(process.argv.slice(2))
  const size = await measureEntrySize(distDir, 'index.html', withChunks)
  const what = [size.entry, ...size.with].join(' + ')
  process.stdout.write(`First load of the entry screen (${what}, static imports only; KB = 1,024 bytes), ${distDir}\n\n${renderText(sizeTable(size))}\n\n${budgetLine(size)}\n`)
  if (!size.budget.within) {
    process.stderr.write(
      `Over budget: the entry screen loads ${kb(size.js.gzip)} of JavaScript (gzip), more than ${kb(size.budget.jsGzip)} (${size.budget.jsGzip} bytes, docs/BENCHMARKS.md).\n` +
        'Move officer-only code, charts and rarely used screens behind a dynamic import().\n',
    )
    return 1
  }
  return 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`size: ${e instanceof Error ? e.message : String(e)}\n`)
      process.exit(1)
    },
  )
}
