// The app's fetch transport for the client's server tests (*.server.test.ts): its fetch answered
// by the real server in-process (`app.inject`) with a signed-in agent's session cookie.
import { createFetchTransport, type SyncTransport } from '../../../src/client/sync/api'
import type { Agent } from '../../server/harness'
import { sentPayload } from '../requestBody'

export function injectTransport(agent: Agent, options: { protocolVersion?: number } = {}): SyncTransport {
  return createFetchTransport({
    ...options,
    fetch: async (input, init) => {
      const res = await agent.app.inject({
        method: (init?.method ?? 'GET') as 'GET' | 'POST',
        url: String(input),
        headers: { ...(init?.headers as Record<string, string>), cookie: agent.cookie },
        ...(init?.body === undefined ? {} : { payload: sentPayload(init) }),
      })
      return new Response(res.body, { status: res.statusCode, headers: { 'content-type': String(res.headers['content-type'] ?? '') } })
    },
  })
}
