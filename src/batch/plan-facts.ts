/**
 * Facts of a plan told across threads: its size (what the caller is told once planning is done) and the
 * heap sizes of the batch's threads, from its largest decision (a grouped decision with thousands
 * of names needs much more than one for a single awardee: 10,000 names ~450 MB of PDF layout). Types only
 * from plan.ts, so that the lean entry (isolated.ts) and the planning thread can use it.
 */
import type { BatchMode, BatchPlan } from './plan.js';

/** What a caller is told of a plan: how it cuts the list and how much it holds. */
export interface PlanSize {
  mode: BatchMode;
  decisions: number;
  awardees: number;
}

export const planSize = (p: BatchPlan): PlanSize => ({ mode: p.mode, decisions: p.decisions.length, awardees: p.awardees.length });

/** Collectives and persons of the plan's largest decision. */
export function largestDecision(plan: Pick<BatchPlan, 'decisions'>): number {
  return plan.decisions.reduce((m, d) => Math.max(m, d.collectives + d.persons), 1);
}

/** Old-generation heap, MB, for a thread needing `base` MB plus what a decision of `names` takes. */
export function heapForDecision(base: number, names: number): number {
  return Math.min(4096, base + Math.ceil(names * 0.05));
}

/** The coordinator's base: a render lane's heap (128 MB) plus room for the batch's bookkeeping. */
export const COORDINATOR_BASE_MB = 192;
