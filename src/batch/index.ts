/**
 * Batch production of award decision drafts (issue 5): a list (XLSX/CSV) and a header JSON become
 * one ZIP of DOCX and PDF decisions, a merged PDF, a summary workbook and a manifest. Every face
 * (CLI `vanban batch decisions`, HTTP /api/batches) calls these.
 */
export { readList, LIST_LIMITS, type BatchFinding, type ListLimits, type ListRow, type ParsedList } from './list.js';
export { planBatch, validateHeader, BATCH_MODES, DEFAULT_TRICH_YEU, type BatchHeader, type BatchMode, type BatchPlan, type PlanInput, type PlanResult, type PlannedDecision, type PlannedAwardee } from './plan.js';
export {
  runBatch,
  createRenderPool,
  workerHeapMb,
  workerFile,
  BatchAbortedError,
  BatchRenderError,
  MERGED_PDF,
  SUMMARY_XLSX,
  MANIFEST,
  type BatchResult,
  type Manifest,
  type Progress,
  type RenderPool,
  type PoolOptions,
  type RunOptions,
} from './run.js';
export { JobStore, isJobId, type JobRecord, type JobState } from './store.js';
export {
  JobManager,
  QueueFullError,
  ShuttingDownError,
  RESTART_REASON,
  SHUTDOWN_REASON,
  JOB_DEFAULTS,
  jobOptionsFromEnv,
  parseHeader,
  type JobEvent,
  type JobManagerOptions,
  type SubmitInput,
  type SubmitResult,
} from './jobs.js';
export { planBatchIsolated, runBatchIsolated, planAndRunIsolated, type IsolatedRunOptions, type Planned, type PlanAndRunResult } from './isolated.js';
