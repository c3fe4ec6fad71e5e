/** GET /healthz, GET /openapi.json. */
import { Router } from 'express';
import type { AppContext } from '../context.js';
import { buildOpenApi } from '../openapi.js';
import { HttpProblem } from '../problem.js';

export function systemRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/healthz', (_req, res, next) => {
    if (ctx.shuttingDown()) return next(new HttpProblem(503, 'shutting-down', 'Máy chủ đang dừng.'));
    res.json({ status: 'ok' });
  });
  router.get('/openapi.json', (_req, res) => {
    res.json(buildOpenApi());
  });
  return router;
}
