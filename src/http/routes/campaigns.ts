/** GET /api/campaigns, GET /api/campaigns/{id} */
import { Router } from 'express';
import { getCampaign, listCampaigns } from '../../index.js';
import type { AppContext } from '../context.js';
import { HttpProblem } from '../problem.js';

export function campaignsRouter(_ctx: AppContext): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.json(listCampaigns().map((c) => ({ ma: c.ma, phienBan: c.phienBan, ten: c.ten, vanBanNguon: c.vanBanNguon.so, hinhThuc: c.hinhThuc.map((h) => h.ma), soQuyTac: c.quyTac.length })));
  });
  router.get('/:id', (req, res, next) => {
    const c = getCampaign(req.params.id);
    if (!c) {
      const ids = listCampaigns().map((x) => x.ma);
      return next(new HttpProblem(404, 'unknown-campaign', `Không có phong trào thi đua "${req.params.id.slice(0, 100)}". Các phong trào hiện có: ${ids.join(', ')}.`, { campaigns: ids }));
    }
    res.json(c);
  });
  return router;
}
