// Starts the server: reads the settings, opens the database (PGlite in DATA_DIR, or PostgreSQL
// at DATABASE_URL), loads the demo communes into an empty database, listens, and on SIGINT or
// SIGTERM stops taking requests, lets the ones in flight (a push batch) finish, then closes.
import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildApp } from './app'
import { readConfig } from './config'
import { openDb } from './db'
import { loadDemo } from './demo/loadDemo'
import { formatDemoLogins } from './demo/logins'
import { prepareDatabase } from './start'

async function main(): Promise<void> {
  const config = readConfig(process.env)
  await mkdir(config.dataDir, { recursive: true })
  const files = config.demo ? await loadDemo() : []
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.poolSize })
  let prepared
  try {
    prepared = await prepareDatabase(db, config, files, new Date())
  } catch (err) {
    await db.close().catch(() => undefined)
    throw err
  }
  const { loaded, demo } = prepared
  const app = await buildApp({ config, db, ...(config.distDir ? { distDir: pathToFileURL(`${resolve(config.distDir)}/`) } : {}) })
  if (loaded.length > 0) app.log.info({ communes: loaded }, 'demo communes loaded into the empty database')
  for (const { fileName, file, issues } of demo) {
    for (const issue of issues) {
      app.log.warn({ file: fileName, commune: file.commune.code, issue: issue.code, refs: issue.refs }, `${file.commune.name}: ${issue.message}`)
    }
  }

  let closing = false
  const stop = (signal: NodeJS.Signals): void => {
    if (closing) process.exit(1) // a second Ctrl+C does not wait for open connections
    closing = true
    app.log.info({ signal }, 'shutting down: finishing requests in flight')
    app
      .close()
      .then(() => db.close())
      .catch((err: unknown) => {
        app.log.error({ err }, 'shutdown failed')
        process.exit(1)
      })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)

  await app.listen({ port: config.port, host: config.host })
  process.stdout.write(banner(config.port, db.kind, demo))
  if (!config.demo) {
    const admins = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active AND password_hash IS NOT NULL")
    if (Number(admins.rows[0]?.n) === 0) process.stdout.write('No administrator can sign in yet. Create the first one with:\n  npm run admin -- create-admin --username NAME\n\n')
  }
}

function banner(port: number, database: string, demo: Parameters<typeof formatDemoLogins>[0]): string {
  if (demo.length === 0) return `\nThi đua is running: http://localhost:${port}  (database: ${database === 'pglite' ? 'embedded PGlite' : 'PostgreSQL'})\n\n`
  return [
    '',
    `Thi đua is running: http://localhost:${port}  (database: ${database === 'pglite' ? 'embedded PGlite' : 'PostgreSQL'})`,
    `Demo communes: ${demo.length === 0 ? 'none' : demo.map((d) => d.file.commune.name).join(', ')}`,
    '',
    'Demo logins:',
    formatDemoLogins(demo),
    '',
    '',
  ].join('\n')
}

main().catch((err: unknown) => {
  process.stderr.write(`Cannot start the server: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
