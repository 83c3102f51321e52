// Chromium's CPU profiler for the browser benches (BENCH_SYNC_PROFILE, BENCH_SAVE_PROFILE): start
// it on a page, stop it and keep the .cpuprofile in a folder. Each bench reads the profile its own way.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CDPSession, Page } from 'playwright-core'

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

/** Starts the page's CPU profiler, sampling every `intervalUs` microseconds. */
export async function startCpuProfile(page: Page, intervalUs: number): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs })
  await cdp.send('Profiler.start')
  return cdp
}

/** Stops it and writes `dir/name.cpuprofile` (Chrome DevTools opens it). */
export async function stopCpuProfile(cdp: CDPSession, dir: string, name: string): Promise<CpuProfile> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
  await cdp.detach().catch(() => undefined)
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, `${name}.cpuprofile`), JSON.stringify(profile))
  return profile
}
