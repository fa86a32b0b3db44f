/** One load run's figures, however it was produced (autocannon or an in-process runner). */
export interface LoadSample {
  /** Completed operations per second. */
  rps: number;
  /** Median latency, milliseconds. */
  p50: number;
  /** 99th percentile latency, milliseconds. */
  p99: number;
  /** Operations that completed as expected. */
  ok: number;
  /** Operations that failed (non-2xx, errors, timeouts). */
  failed: number;
  /**
   * The invocations' own duration (the gateway's `x-local-duration-ms`): what the handler took,
   * without the TLS handshake and HTTP work API Gateway does in AWS. Absent for baselines.
   */
  handler?: { p50: number; p99: number };
}
