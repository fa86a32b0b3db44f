/** Context handed to background workers when the local stack starts them. */
export interface BackgroundWorkerContext {
  /** Log sink of the stack. */
  log: (line: string) => void;
  /** Absolute path of the repository root (for serverless.yml, handlers, ...). */
  rootDir: string;
  /** Folder of the stack's state (`.local` by default). */
  dataDir: string;
}

/**
 * A long-running local task started after the gateways are up and the app environment is set
 * (e.g. the discovery poll timer standing in for the `rate(1 minute)` schedule, the retry-queue
 * runner standing in for SQS + Step Functions). `start` resolves to a function that stops it.
 */
export interface BackgroundWorker {
  /** Name shown in logs. */
  name: string;
  start(context: BackgroundWorkerContext): Promise<() => Promise<void>>;
}
