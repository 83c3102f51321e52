// Protocol limits, in a module of their own so that the phone can import them without the
// schemas (and valibot) that protocol.ts carries.

/** At most this many mutations in one push; a client with more sends several batches. */
export const MAX_PUSH_BATCH = 500

/** At most this many rows in one pull page (whole versions, so a page may run a little over). */
export const PULL_PAGE_LIMIT = 2000
