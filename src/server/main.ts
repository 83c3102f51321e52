// Starts the server: reads the settings, loads the demo communes, listens, and stops cleanly on SIGINT/SIGTERM.
import { mkdir } from 'node:fs/promises'
import { buildApp } from './app'
import { readConfig } from './config'
import { loadDemo } from './demo/loadDemo'
import { formatDemoLogins } from './demo/logins'

async function main(): Promise<void> {
  const config = readConfig(process.env)
  await mkdir(config.dataDir, { recursive: true })
  const demo = await loadDemo()
  const app = buildApp({ config, demo })

  for (const { fileName, file, issues } of demo) {
    for (const issue of issues) {
      app.log.warn({ file: fileName, commune: file.commune.code, issue: issue.code, refs: issue.refs }, `${file.commune.name}: ${issue.message}`)
    }
  }

  let closing = false
  const stop = (signal: NodeJS.Signals): void => {
    if (closing) process.exit(1) // a second Ctrl+C does not wait for open connections
    closing = true
    app.log.info({ signal }, 'shutting down')
    // Once the server is closed nothing holds the event loop and the process ends by itself.
    app.close().catch((err: unknown) => {
      app.log.error({ err }, 'shutdown failed')
      process.exit(1)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)

  await app.listen({ port: config.port, host: config.host })
  process.stdout.write(banner(config.port, demo))
}

function banner(port: number, demo: Parameters<typeof formatDemoLogins>[0]): string {
  return [
    '',
    `Thi đua is running: http://localhost:${port}`,
    `Demo communes: ${demo.length === 0 ? 'none (src/server/demo/plans/ is empty)' : demo.map((d) => d.file.commune.name).join(', ')}`,
    '',
    'Demo logins (logging in arrives with the server issue; the app is read-only for now):',
    formatDemoLogins(demo),
    '',
    '',
  ].join('\n')
}

main().catch((err: unknown) => {
  process.stderr.write(`Cannot start the server: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
