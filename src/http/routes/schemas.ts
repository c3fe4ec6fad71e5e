/** GET /api/schemas/{name}: the JSON Schema as stored (a kind, or common, hoso, campaign…). */
import { Router } from 'express';
import { isKindId, kindSchema, loadSchemas } from '../../index.js';
import type { AppContext } from '../context.js';
import { componentName } from '../openapi.js';
import { HttpProblem } from '../problem.js';

export function schemasRouter(_ctx: AppContext): Router {
  const router = Router();
  router.get('/:name', (req, res, next) => {
    const name = req.params.name;
    const { documents } = loadSchemas();
    const schema = isKindId(name) ? kindSchema(name) : documents.get(`${name}.schema.json`);
    if (!schema) {
      const names = [...documents.keys()].map(componentName);
      return next(new HttpProblem(404, 'unknown-schema', `Không có lược đồ "${name.slice(0, 100)}". Các lược đồ hiện có: ${names.join(', ')}.`, { schemas: names }));
    }
    res.type('application/schema+json; charset=utf-8').send(JSON.stringify(schema));
  });
  return router;
}
