/** GET /api/kinds */
import { Router } from 'express';
import { listKinds } from '../../index.js';
import type { AppContext } from '../context.js';

export function kindsRouter(_ctx: AppContext): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.json(listKinds().map((k) => ({ id: k.id, title: k.title, abbreviation: k.abbreviation, schema: `/api/schemas/${k.id}` })));
  });
  return router;
}
