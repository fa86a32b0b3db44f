/** What the stack process tells the bench over IPC once it is up (or failed to start). */
export type BenchStackMessage =
  | {
      type: 'ready';
      /** Path of the `stack.json` it wrote. */
      stackFile: string;
      /** The application environment the stack set (for cold-start runs of the bundles). */
      appEnv: Record<string, string>;
    }
  | { type: 'failed'; error: string };
