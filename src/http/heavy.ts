/** Heavy (CPU-bound) routes hold a slot of the context's gate while they run; a full line answers 503. */
import type { RequestHandler } from 'express';
import type { AppContext } from './context.js';
import { HttpProblem } from './problem.js';

export function heavy(ctx: AppContext): RequestHandler {
  return (req, res, next) => {
    if (ctx.shuttingDown()) return next(new HttpProblem(503, 'shutting-down', 'Máy chủ đang dừng, không nhận việc mới; thử lại sau ít phút.', {}, { 'Retry-After': '30' }));
    ctx.heavy.acquire().then(
      (release) => {
        if (!release) return next(new HttpProblem(503, 'busy', 'Máy chủ đang bận xử lý nhiều yêu cầu; thử lại sau ít giây.', {}, { 'Retry-After': '5' }));
        // the client left while waiting in line: its 'close' has been emitted already, so give the slot back now
        if (res.closed || res.destroyed) return release();
        res.once('close', release);
        // let other requests in between: the work itself is synchronous CPU time
        setImmediate(next);
      },
      (err: unknown) => next(err),
    );
  };
}
