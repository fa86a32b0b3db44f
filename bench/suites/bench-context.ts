import type { StackFile } from '../../apps/local/src/index';

/** What every suite gets. */
export interface BenchContext {
  rootDir: string;
  stack: StackFile;
  /** The latency profile the stack runs (`LOCAL_PROFILE`). */
  profile: 'local' | 'production';
  /** Process id of the stack (for its CPU time, see `processCpuMs`). */
  stackPid: number;
  /** The stack's application environment (secrets, URLs) for in-process baselines and cold starts. */
  appEnv: Record<string, string>;
  /** PEM contents: the server CA, and Shopify's client certificate and key for green. */
  tls: { ca: string; cert: string; key: string };
  /** Runs per figure (the median is reported). */
  runs: number;
  /**
   * Concurrent buyers of the e2e suite (`--buyers`, default 50, issue 13's figure); fewer keep
   * a loaded machine from timing requests out when comparing CPU per checkout.
   */
  buyers: number;
  /** Length of one load run. */
  durationSeconds: number;
  log: (line: string) => void;
}
