// Read-only commune routes: the list of communes and one commune's plan, delegated to the catalog.
import type { FastifyInstance } from 'fastify'
import type { Catalog } from '../catalog'
import { apiError } from '../errors'

export function communeRoutes(app: FastifyInstance, catalog: Catalog): void {
  app.get('/communes', async () => catalog.list())

  app.get<{ Params: { code: string } }>('/communes/:code/plan', async (req, reply) => {
    const plan = catalog.plan(req.params.code)
    if (plan === undefined) return reply.code(404).send(apiError('not_found', 'Không tìm thấy xã/phường'))
    return plan
  })
}
