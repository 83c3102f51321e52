// `npm run bench`: runs every measurement in turn, stops whatever they started, writes
// docs/BENCHMARKS.md and prints the tables. Timings never fail it; it exits non-zero only when
// something broke (a server did not start, a push errored).
//
// A measurement is a module exporting a `Measurement` (report.ts): the browser ones (browser*.ts,
// issue 6 items 1–5 and the page half of 7; they share one build, server and Chromium, see
// browser.ts) and server ingest. `npm run bench -- ingest` or BENCH_ONLY=browser (or a list of
// ids) runs a subset, reported in a temporary file unless BENCH_OUTPUT says; knobs for
// a quick look: BENCH_BROWSER_RUNS (5), BENCH_SAVES (50), BENCH_SYNC_RUNS, BENCH_SYNC_VALUES (1000).
import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { availableParallelism, cpus, release, tmpdir, totalmem, type } from 'node:os'
import { join } from 'node:path'
import { browserLoadMeasurement } from './browserLoad'
import { browserOpenMeasurement } from './browserOpen'
import { browserSaveMeasurement } from './browserSave'
import { browserSizeMeasurement } from './browserSize'
import { browserHeapMeasurement, browserSyncMeasurement } from './browserSync'
import { evidenceMeasurement } from './evidence'
import { ingestMeasurement } from './ingest'
import { planDraftMeasurement } from './planDraft'
import { renderReport, renderSummary, type MachineInfo, type Measurement, type MeasurementResult } from './report'
import { Cleanup, killChildrenNow, message, REPO_ROOT } from './server'

const ALL: Measurement[] = [browserSizeMeasurement, browserLoadMeasurement, browserSaveMeasurement, browserOpenMeasurement, browserSyncMeasurement, browserHeapMeasurement, ingestMeasurement, evidenceMeasurement, planDraftMeasurement]

/**
 * A subset: `npm run bench -- ingest` (arguments) or BENCH_ONLY=browser-size,browser-save… (ids);
 * a word matches an id whole or any dash-separated part of it (`browser`: every browser one,
 * `ingest`: server-ingest).
 */
const ONLY = [...(process.env.BENCH_ONLY ?? '').split(','), ...process.argv.slice(2).flatMap((a) => a.split(','))].map((s) => s.trim()).filter(Boolean)
const MEASUREMENTS: Measurement[] = ONLY.length === 0 ? ALL : ALL.filter((m) => ONLY.some((o) => m.id === o || m.id.split('-').includes(o) || m.id.startsWith(`${o}-`)))
if (ONLY.length > 0 && MEASUREMENTS.length === 0) {
  process.stderr.write(`bench: nothing matches ${ONLY.join(', ')}; the measurements are ${ALL.map((m) => m.id).join(', ')}\n`)
  process.exit(2)
}

/**
 * Where the report goes; BENCH_OUTPUT overrides it. A subset never overwrites docs/BENCHMARKS.md,
 * which is the report of a full run: it goes to a file in the temporary folder unless BENCH_OUTPUT says.
 */
const OUTPUT =
  process.env.BENCH_OUTPUT?.trim() || (ONLY.length > 0 ? join(tmpdir(), `thidua-bench-${MEASUREMENTS.map((m) => m.id).join('+')}.md`) : join(REPO_ROOT, 'docs', 'BENCHMARKS.md'))

const ANALYSIS = join(REPO_ROOT, 'docs', 'benchmarks-analysis.md')

const started = Date.now()
const log = (line: string): void => {
  const s = Math.round((Date.now() - started) / 1000)
  process.stdout.write(`[bench ${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}] ${line}\n`)
}

async function main(): Promise<number> {
  const cleanup = new Cleanup()
  const abort = new AbortController()
  const interrupt = (signal: NodeJS.Signals): void => {
    if (abort.signal.aborted) process.exit(130) // a second Ctrl+C does not wait
    abort.abort()
    log(`${signal}: stopping what the bench started; no report`)
    cleanup
      .runAll(log)
      .catch(() => undefined)
      .finally(() => process.exit(130))
  }
  process.on('SIGINT', interrupt)
  process.on('SIGTERM', interrupt)
  // Last resort: no server outlives the bench, whatever way it ends.
  process.on('exit', killChildrenNow)

  const date = new Date()
  const results: MeasurementResult[] = []
  try {
    for (const m of MEASUREMENTS) {
      log(`${m.title}: start`)
      try {
        if (abort.signal.aborted) break
        results.push(await m.run({ cleanup, log, signal: abort.signal }))
      } catch (e) {
        log(`${m.title}: ${message(e)}`)
        results.push({ id: m.id, title: m.title, description: [], environment: [], sections: [], errors: [message(e)] })
      }
    }
  } finally {
    await cleanup.runAll(log)
  }
  if (abort.signal.aborted) return 130

  const report = renderReport({ date, machine: machineInfo(), results, seconds: (Date.now() - started) / 1000 })
  // The analysis of where a goal is missed (profiles, timelines) is written by hand and kept with
  // the tables of every run: docs/benchmarks-analysis.md, appended as it is.
  await writeFile(OUTPUT, `${report.trimEnd()}\n\n${readFileSync(ANALYSIS, 'utf8').trim()}\n`)
  process.stdout.write(`\n${renderSummary(results)}\n`)
  log(`report written to ${OUTPUT}`)
  const errors = results.flatMap((r) => r.errors)
  if (errors.length > 0) log(`${errors.length} error(s): exit 1`)
  return errors.length > 0 ? 1 : 0
}

function machineInfo(): MachineInfo {
  const cpu = cpus()[0]
  return {
    cpu: cpu ? `${cpu.model.trim()}${cpu.speed > 0 ? ` (${cpu.speed} MHz)` : ''}` : 'unknown',
    cores: availableParallelism(),
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${osName()} (${type()} ${release()})`,
    node: process.version,
  }
}

function osName(): string {
  try {
    return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? type()
  } catch {
    return type()
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    killChildrenNow()
    process.exit(1)
  },
)
