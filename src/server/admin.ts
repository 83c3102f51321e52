// The administrator's command line, run on the server machine with the server's settings:
//   npm run admin -- create-admin --username NAME [--name "Full name"]
//     creates the first (or another) system administrator, or gives an existing one a new link,
//     and prints a one-time link that sets the password; it expires after 24 hours.
//   npm run admin -- close-demo-accounts
//     deactivates every demo account (their password is published) so a production start may go on.
import { parseArgs } from 'node:util'
import { closeDemoAccounts, createAdmin, UsageError } from './adminTasks'
import { readConfig } from './config'
import { openDb } from './db'

const USAGE = `Usage:
  npm run admin -- create-admin --username NAME [--name "Full name"]
  npm run admin -- close-demo-accounts`

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { username: { type: 'string' }, name: { type: 'string' } } })
  const command = positionals[0]
  const config = readConfig(process.env)
  if (command === 'create-admin') {
    if (!values.username) throw new UsageError('create-admin needs --username NAME')
    const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 })
    try {
      const r = await createAdmin(db, config, values.username, values.name ?? 'Quản trị hệ thống', new Date())
      process.stdout.write(
        `${r.created ? 'Administrator created' : 'Administrator exists: a new link replaces any earlier one'}: ${values.username.trim().toLowerCase()}\n` +
          `Open this link once to set the password (valid until ${r.expiresAt}):\n\n  ${r.link}\n\n`,
      )
    } finally {
      await db.close()
    }
    return
  }
  if (command === 'close-demo-accounts') {
    const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 })
    try {
      const names = await closeDemoAccounts(db, new Date())
      process.stdout.write(names.length === 0 ? 'No active demo account.\n' : `Closed ${names.length} demo account(s): ${names.join(', ')}\n`)
    } finally {
      await db.close()
    }
    return
  }
  throw new UsageError(command ? `unknown command "${command}"` : 'no command')
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(err instanceof UsageError ? `${err.message}\n${USAGE}\n` : `admin: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(err instanceof UsageError ? 2 : 1)
})
