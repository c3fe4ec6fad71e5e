/**
 * A batch's coordinator in a thread of its own (dist/batch/run-worker.js): it gets the plan from the
 * starting thread or straight from the planning thread (planAndRunIsolated: the plan never sits in the
 * starting thread), makes
 * the render pool (rendering in this thread too, as one lane), the ZIP, the merged PDF and the summary,
 * and posts the plan's findings, progress and the result to the thread that started it, which (CLI, HTTP
 * server) stays light and responsive.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { BatchPlan } from './plan.js';
import { BatchAbortedError, BatchRenderError, runBatch } from './run.js';

// Small Buffers come from shared 8 KB slabs, and one long-lived slice (a ZIP entry's name, kept for the
// central directory) keeps its whole slab alive: over 10,000 decisions that retained ~15 MB of slabs
// of short-lived headers. This thread allocates its small Buffers one by one instead.
Buffer.poolSize = 0;

const input = workerData as { plan?: BatchPlan; planPort?: MessagePort; output: string; threads?: number; tmpDir?: string };
const abort = new AbortController();
let lastPost = -Infinity;
parentPort!.on('message', (m: { type: string }) => {
  if (m.type === 'abort') abort.abort();
});

/** The plan: given, or sent by the planning thread on `planPort` (planAndRunIsolated). */
async function thePlan(): Promise<BatchPlan> {
  if (input.plan) return input.plan;
  const port = input.planPort!;
  const m = await new Promise<{ plan: BatchPlan }>((resolve) => port.once('message', resolve));
  port.close();
  return m.plan;
}

try {
  const plan = await thePlan();
  {
    const result = await runBatch(plan, {
      output: input.output,
      // this thread renders too (one lane of the pool): it has little else to do, and a render thread fewer is ~80 MB less
      poolOptions: { inline: true, ...(input.threads === undefined ? {} : { threads: input.threads }) },
      signal: abort.signal,
      // the plan is this thread's own
      consumePlan: true,
      ...(input.tmpDir ? { tmpDir: input.tmpDir } : {}),
      // at most ten messages a second (and the last one): a message per decision cost the coordinator more than its ZIP work
      onProgress: (p) => {
        const now = performance.now();
        if (p.done < p.total && now - lastPost < 100) return;
        lastPost = now;
        parentPort!.postMessage({ type: 'progress', progress: p });
      },
    });
    parentPort!.postMessage({ type: 'done', result });
  }
} catch (err) {
  const e = err as Error;
  parentPort!.postMessage({
    type: 'error',
    kind: err instanceof BatchRenderError ? 'render' : err instanceof BatchAbortedError ? 'aborted' : 'other',
    message: e.message,
    findings: err instanceof BatchRenderError ? err.findings : undefined,
  });
} finally {
  parentPort!.close();
}
