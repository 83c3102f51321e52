import { describe, expect, it } from 'vitest'
import { bumpVersion } from '../../src/server/db/versions'
import { DATABASES, startServer } from './harness'

const C = 'xa-thu'

describe.each(DATABASES)('graceful shutdown on $name', (factory) => {
  it('finishes a push batch in flight before closing, and takes no new request', async () => {
    const s = await startServer(factory)
    try {
      const agent = await s.login(`${C}.t1`)
      const address = await s.app.listen({ port: 0, host: '127.0.0.1' })
      const communeId = Number((await s.db.query<{ id: number }>('SELECT id FROM communes WHERE code = $1', [C])).rows[0]!.id)
      // Hold the commune's writer lock so the push below is still in flight when shutdown starts.
      let release!: () => void
      const held = new Promise<void>((r) => (release = r))
      let locked!: () => void
      const lockTaken = new Promise<void>((r) => (locked = r))
      const blocker = s.db.transaction(async (tx) => {
        await bumpVersion(tx, communeId)
        locked()
        await held
      })
      await lockTaken
      // The push has reached the server once it asks the database anything (its session, then its
      // transaction; both wait behind the lock held above): known without a wall-clock wait.
      let arrived!: () => void
      const pushArrived = new Promise<void>((r) => (arrived = r))
      const { query, transaction } = { query: s.db.query.bind(s.db), transaction: s.db.transaction.bind(s.db) }
      s.db.query = ((...args: Parameters<typeof query>) => {
        arrived()
        return query(...args)
      }) as typeof s.db.query
      s.db.transaction = ((fn, options) => {
        arrived()
        return transaction(fn, options)
      }) as typeof s.db.transaction
      const push = fetch(`${address}/api/communes/${C}/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: agent.cookie },
        body: JSON.stringify({ deviceId: agent.deviceId, mutations: [agent.value({ unit: 'T1', indicator: 'LUA_DT', value: { kind: 'number', value: 42 } })] }),
      })
      await pushArrived
      let closed = false
      const closing = s.app.close().then(() => (closed = true))
      // Closing stops listening at once; wait for that by turns of the event loop, not by the clock.
      for (let turns = 0; s.app.server.listening && turns < 10_000; turns++) await new Promise((r) => setImmediate(r))
      // Closing: no new connection is taken, but the push in flight is waited for.
      expect(closed).toBe(false)
      expect(s.app.server.listening).toBe(false)
      release()
      await blocker
      const res = await push
      expect(res.status).toBe(200)
      expect(((await res.json()) as { outcomes: { status: string }[] }).outcomes[0]!.status).toBe('applied')
      await closing
      expect(closed).toBe(true)
    } finally {
      await s.close().catch(() => undefined)
    }
  }, 60_000)
})
