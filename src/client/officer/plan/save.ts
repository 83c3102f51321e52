// What a failed save says: the server's own Vietnamese reason (ApiRequestError), a refusal made
// here before sending (PlanRefusal), or the network message.
import { ApiRequestError, errorMessage } from '../../api'

/** A change refused on this side (a field that still has indicators), with the reason to show. */
export class PlanRefusal extends Error {
  override name = 'PlanRefusal'
}

export function messageOf(err: unknown): string {
  if (err instanceof PlanRefusal) return err.message
  if (err instanceof ApiRequestError) return err.message
  return errorMessage(err)
}
