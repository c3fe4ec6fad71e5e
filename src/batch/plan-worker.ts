/**
 * Planning in a thread of its own (dist/batch/plan-worker.js), ended once the plan is sent back: reading
 * a 10,000-row workbook and checking it leaves tens of MB of garbage and V8 keeps that memory resident;
 * here it goes away with the thread, and the main thread's event loop (HTTP) stays free meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { planBatch, type PlanInput } from './plan.js';

const input = workerData as PlanInput & { list: Uint8Array; headerBytes?: Uint8Array };
const asBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
const result = await planBatch({ ...input, list: asBuffer(input.list), ...(input.headerBytes ? { headerBytes: asBuffer(input.headerBytes) } : {}) });
parentPort!.postMessage(result);
