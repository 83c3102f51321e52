// What a measurement hands back, and how the runner writes it: docs/BENCHMARKS.md and the same
// tables on stdout. A measurement (ingest.ts today, the browser ones later) produces sections
// of tables and notes; it knows nothing about files.
import type { Cleanup, Log } from './server'

export interface MeasurementContext {
  cleanup: Cleanup
  log: Log
  /** Aborted on Ctrl+C: start nothing new, the runner is stopping everything. */
  signal: AbortSignal
}

/** One benchmark module: runs by itself, starts and stops what it needs, never throws for a slow figure. */
export interface Measurement {
  id: string
  title: string
  run(ctx: MeasurementContext): Promise<MeasurementResult>
}

export interface Table {
  columns: { title: string; align?: 'left' | 'right' }[]
  rows: string[][]
}

export interface Section {
  title: string
  paragraphs?: string[]
  table?: Table
  notes?: string[]
}

export interface MeasurementResult {
  id: string
  title: string
  /** What the measurement does, in a sentence or two. */
  description: string[]
  /** Facts about the machine this measurement depends on (database versions…), for the machine table. */
  environment: [label: string, value: string][]
  sections: Section[]
  /** Something broke (a push errored, a server did not start): the runner exits non-zero. */
  errors: string[]
}

export interface MachineInfo {
  cpu: string
  cores: number
  memory: string
  os: string
  node: string
}

export function renderReport(input: { date: Date; machine: MachineInfo; results: readonly MeasurementResult[]; seconds: number }): string {
  const { date, machine, results } = input
  const out: string[] = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (test/bench/run.ts); do not edit by hand. Timings are measured, never',
    'asserted: a figure past its budget is reported here, it does not fail the script.',
    '',
    `Run on ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${Math.round(input.seconds)} s in all.`,
    '',
    '## Machine',
    '',
    table({
      columns: [{ title: 'what' }, { title: 'value' }],
      rows: [
        ['CPU', machine.cpu],
        ['cores', String(machine.cores)],
        ['memory', machine.memory],
        ['OS', machine.os],
        ['Node.js', machine.node],
        ...results.flatMap((r) => r.environment),
      ],
    }),
    '',
  ]
  for (const r of results) {
    out.push(`## ${r.title}`, '')
    for (const p of r.description) out.push(p, '')
    if (r.errors.length > 0) {
      out.push('**Errors** (the script exits non-zero):', '')
      for (const e of r.errors) out.push(`- ${oneLine(e)}`)
      out.push('')
    }
    for (const s of r.sections) out.push(...renderSection(s))
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n'
}

function renderSection(s: Section): string[] {
  const out = [`### ${s.title}`, '']
  for (const p of s.paragraphs ?? []) out.push(p, '')
  if (s.table) out.push(table(s.table), '')
  for (const n of s.notes ?? []) out.push(`- ${n}`)
  out.push('')
  return out
}

/** The tables and errors alone, for the terminal. */
export function renderSummary(results: readonly MeasurementResult[]): string {
  const out: string[] = []
  for (const r of results) {
    for (const s of r.sections) {
      out.push(`${r.title}: ${s.title}`)
      if (s.table) out.push(table(s.table))
      for (const n of s.notes ?? []) out.push(`  - ${n}`)
      out.push('')
    }
    for (const e of r.errors) out.push(`ERROR (${r.title}): ${oneLine(e)}`)
  }
  return out.join('\n')
}

/** A GitHub-flavoured Markdown table, its columns padded so that it also reads as plain text. */
export function table(t: Table): string {
  const cells = [t.columns.map((c) => c.title), ...t.rows].map((row) => row.map((c) => c.replaceAll('|', '\\|')))
  const widths = t.columns.map((_, i) => Math.max(3, ...cells.map((row) => [...(row[i] ?? '')].length)))
  const pad = (text: string, i: number): string => {
    const gap = ' '.repeat(widths[i]! - [...text].length)
    return t.columns[i]?.align === 'right' ? gap + text : text + gap
  }
  const line = (row: string[]): string => `| ${t.columns.map((_, i) => pad(row[i] ?? '', i)).join(' | ')} |`
  const rule = `|${t.columns.map((c, i) => (c.align === 'right' ? `${'-'.repeat(widths[i]! + 1)}:` : '-'.repeat(widths[i]! + 2))).join('|')}|`
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)].join('\n')
}

function oneLine(text: string): string {
  const first = text.split('\n').filter((l) => l.trim() !== '')
  return first.length <= 1 ? (first[0] ?? '') : `${first[0]} (…${first.length - 1} more lines)`
}

// Figures as they are printed: grouped thousands, a fixed number of decimals.

export function fmtInt(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–'
}

export function fmtMs(n: number): string {
  if (!Number.isFinite(n)) return '–'
  return n >= 100 ? fmtInt(n) : n.toFixed(1)
}

export function fmtMiB(kb: number): string {
  return Number.isFinite(kb) ? `${Math.round(kb / 1024)} MiB` : '–'
}
