// Chromium's CPU profiler for the browser benches (BENCH_SYNC_PROFILE, BENCH_SAVE_PROFILE): start
// it on a page, stop it and keep the .cpuprofile in a folder. Each bench reads the profile its own way.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CDPSession, Page } from 'playwright-core'
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js'

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

/**
 * Starts the page's CPU profiler, sampling every `intervalUs` microseconds, on a session of its own
 * or on `session` (kept open by the caller: detaching a DevTools session ends the page's emulated
 * offline state, see browserSync.ts).
 */
export async function startCpuProfile(page: Page, intervalUs: number, session?: CDPSession): Promise<CDPSession> {
  const cdp = session ?? (await page.context().newCDPSession(page))
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs })
  await cdp.send('Profiler.start')
  return cdp
}

/** Stops it and writes `dir/name.cpuprofile` (Chrome DevTools opens it); the session is detached unless `keep`. */
export async function stopCpuProfile(cdp: CDPSession, dir: string, name: string, keep = false): Promise<CpuProfile> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
  if (!keep) await cdp.detach().catch(() => undefined)
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, `${name}.cpuprofile`), JSON.stringify(profile))
  return profile
}

/** A CPU profile with each node's function and source file (mapped). */
export interface Attributed {
  profile: CpuProfile
  where: Map<number, { fn: string; file: string }>
}

/**
 * Names each node of `profile` by its source (the build's source maps in `distDir` name the file,
 * line and function a minified frame is from), and sums the self time (µs) by function and by file.
 */
export async function attribute(profile: CpuProfile, distDir: string): Promise<Attributed & { byFn: Map<string, number>; byFile: Map<string, number> }> {
  const maps = new Map<string, SourceMapConsumer | null>()
  const mapOf = async (url: string): Promise<SourceMapConsumer | null> => {
    const path = url ? new URL(url).pathname : ''
    if (!path.endsWith('.js')) return null
    if (!maps.has(path)) {
      const raw = await readFile(join(distDir, `${path}.map`), 'utf8').catch(() => null)
      maps.set(path, raw ? new SourceMapConsumer(JSON.parse(raw) as RawSourceMap) : null)
    }
    return maps.get(path) ?? null
  }
  const where = new Map<number, { fn: string; file: string }>()
  for (const n of profile.nodes) {
    const f = n.callFrame
    const map = await mapOf(f.url)
    const o = map?.originalPositionFor({ line: f.lineNumber + 1, column: f.columnNumber })
    const file = o?.source ? o.source.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '') : f.url ? (f.url.split('/').pop() ?? '') : ''
    const fn = `${o?.name ?? f.functionName ?? ''}` || f.functionName || '(anonymous)'
    where.set(n.id, { fn: o?.source ? `${fn} ${file}:${o.line ?? 0}` : `${f.functionName || '(anonymous)'} ${file}`, file: file || f.functionName })
  }
  const byFn = new Map<string, number>()
  const byFile = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const w = where.get(id)
    if (!w) return
    const us = profile.timeDeltas[i] ?? 0
    byFn.set(w.fn, (byFn.get(w.fn) ?? 0) + us)
    byFile.set(w.file, (byFile.get(w.file) ?? 0) + us)
  })
  return { profile, where, byFn, byFile }
}
