import type { Finding } from '../findings.js';

/** A decision could not be produced (unexpected after planning); nothing is kept. */
export class BatchRenderError extends Error {
  constructor(
    message: string,
    readonly findings: Finding[],
  ) {
    super(message);
    this.name = 'BatchRenderError';
  }
}

/** The batch was stopped (signal, shutdown); its partial files are removed. */
export class BatchAbortedError extends Error {
  constructor(message = 'Lô bị dừng giữa chừng.') {
    super(message);
    this.name = 'BatchAbortedError';
  }
}
