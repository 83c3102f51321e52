// Protocol limits, in a module of their own so that the phone can import them without the
// schemas (and valibot) that protocol.ts carries.

/** At most this many mutations in one push; a client with more sends several batches. */
export const MAX_PUSH_BATCH = 500

/** At most this many rows in one pull page (whole versions, so a page may run a little over). */
export const PULL_PAGE_LIMIT = 2000

/** At most this many versions in a pull's `skip` (the phone's own pushes of one run whose values it holds as the server wrote them). */
export const PULL_SKIP_LIMIT = 32

/**
 * The sync protocol this code speaks (push and pull, docs/sync.md "Protocol version"). A request
 * without a version is version 1: the phones released before versions were sent.
 */
export const PROTOCOL_VERSION = 1

/**
 * The oldest protocol the server still serves; an older phone gets 426 `upgrade_required`.
 * Raise it only in a release that ships 180 days after the phones that speak the newer one
 * (a phone stays signed in offline that long, with its outbox).
 */
export const MIN_PROTOCOL_VERSION = 1
