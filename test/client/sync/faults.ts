// The wire between the phone and the real server, with the faults the server cannot produce itself,
// queued one per request: the connection cut before the request ('network'), the answer lost after
// the server committed ('lost'), a proxy's 5xx in front of a server that never saw the request
// ('server'). Everything else the real server decides. Records what each push carried and the
// cursor of each pull.
import { NetworkError, ServerError, type SyncTransport } from '../../../src/client/sync/api'
import type { PushRequest } from '../../../src/shared/protocol'

export type Fault = 'network' | 'lost' | 'server'

export class FaultyWire implements SyncTransport {
  /** What each push carried (those that faulted too). */
  readonly pushes: PushRequest[] = []
  /** The cursor of each pull. */
  readonly pulls: number[] = []
  /** One per request, in order: a fault, or null for a request that goes through. */
  pushFaults: (Fault | null)[] = []
  pullFaults: (Fault | null)[] = []

  constructor(private readonly inner: SyncTransport) {}

  readonly push: SyncTransport['push'] = async (commune, body) => {
    this.pushes.push(structuredClone(body))
    const fault = this.pushFaults.shift() ?? null
    if (fault === 'network') throw new NetworkError()
    if (fault === 'server') throw new ServerError(502)
    const answer = await this.inner.push(commune, body)
    if (fault === 'lost') throw new NetworkError()
    return answer
  }

  readonly pull: SyncTransport['pull'] = async (commune, cursor, limit) => {
    this.pulls.push(cursor)
    const fault = this.pullFaults.shift() ?? null
    if (fault === 'network') throw new NetworkError()
    if (fault === 'server') throw new ServerError(502)
    const page = await this.inner.pull(commune, cursor, limit)
    if (fault === 'lost') throw new NetworkError()
    return page
  }
}
