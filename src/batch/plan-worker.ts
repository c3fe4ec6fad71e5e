/**
 * Planning in a thread of its own (dist/batch/plan-worker.js), ended once the plan is sent: reading a
 * 10,000-row workbook and checking it leaves ~100 MB of garbage, and V8 keeps such memory resident; here
 * it goes away with the thread, and the main thread's event loop (HTTP) stays free meanwhile.
 *
 * With a `planPort` (a MessageChannel end whose other end goes to the coordinator thread), the plan goes
 * there and the starting thread gets only the findings and the plan's size: the plan never sits in it.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { planBatch, type PlanInput } from './plan.js';
import { largestDecision, planSize } from './plan-facts.js';

const input = workerData as PlanInput & { list: Uint8Array; headerBytes?: Uint8Array; planPort?: MessagePort };
const asBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
const { planPort, ...planInput } = input;
const result = await planBatch({ ...planInput, list: asBuffer(input.list), ...(input.headerBytes ? { headerBytes: asBuffer(input.headerBytes) } : {}) });
if (planPort && result.ok) {
  const p = result.plan;
  planPort.postMessage({ plan: p });
  planPort.close();
  parentPort!.postMessage({
    ok: true,
    findings: result.findings,
    planned: planSize(p),
    largest: largestDecision(p),
  });
} else {
  planPort?.close();
  parentPort!.postMessage(result);
}
