// A year's plan drafted from the plan's own document (issue 13): the officer sends the commune's
// plan document (.docx, PDF with text, or plain text pasted or as a .txt), the server reads it into
// text (planDraft/readDocument.ts) and drafts the plan from the text (shared/planDraft/extract.ts,
// in a worker: planDraft/draftInWorker.ts).
// Nothing is written: the officer reviews the draft and imports the plan it accepted as a plan file.
import type { FastifyInstance } from 'fastify'
import * as v from 'valibot'
import { PLAN_DOCUMENT_MAX_BYTES, type PlanDraftResponse } from '../../shared/planDraft/types'
import { communeOf, requireManager } from '../auth/plugin'
import { enforce, type RateLimit } from '../db/rateLimits'
import type { Db } from '../db/types'
import { HttpError, parseWith, say } from '../errors'
import { draftInWorker, draftRefusal } from '../planDraft/draftInWorker'
import { readPlanDocument } from '../planDraft/readDocument'
import { YearSchema } from './results'

const YearParamSchema = v.object({ year: YearSchema })

/** Reading a document costs a worker and seconds of CPU: an officer drafts a few times, not hundreds. */
export const DRAFT_LIMIT: RateLimit = { bucket: 'plan-draft', max: 20, windowMs: 60_000 }

/** What the document is, is read from its bytes: the type sent only lets the bytes through. */
const DOCUMENT_TYPES = ['application/octet-stream', 'text/plain', 'application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']

export function planDraftRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: () => Date }): void {
  app.register(async (docs) => {
    docs.removeContentTypeParser(['text/plain'])
    docs.addContentTypeParser(DOCUMENT_TYPES, { parseAs: 'buffer', bodyLimit: PLAN_DOCUMENT_MAX_BYTES }, (_req, body, done) => done(null, body))

    docs.post<{ Params: { commune: string; year: string } }>('/communes/:commune/plans/:year/draft', async (req): Promise<PlanDraftResponse> => {
      const actor = requireManager(req)
      await communeOf(db, actor, req.params.commune)
      const { year } = parseWith(YearParamSchema, req.params, 'Địa chỉ')
      await enforce(db, DRAFT_LIMIT, String(actor.userId), clock(), say('too_many_drafts'))
      if (!Buffer.isBuffer(req.body)) {
        throw new HttpError(400, 'no_file', say('no_document'))
      }
      const read = await readPlanDocument(req.body)
      if (!read.ok) throw new HttpError(422, 'unreadable_document', say('unreadable_document', undefined, read.problems[0]?.message), read.problems)
      // The drafter runs in a worker of its own, under a time limit and a heap cap.
      const drafted = await draftInWorker(read.text, year)
      if (!drafted.ok) {
        if (drafted.error) req.log.error({ error: drafted.error }, 'the plan drafter failed')
        const message = draftRefusal(drafted.reason)
        throw new HttpError(422, 'unreadable_document', say('unreadable_document', undefined, message), [{ message }])
      }
      return { source: read.source, draft: drafted.draft, notes: read.notes }
    })
  })
}
