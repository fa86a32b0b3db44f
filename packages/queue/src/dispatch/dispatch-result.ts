/** What one {@link MutationDispatcher.dispatch} call did. */
export type DispatchResult =
  | {
      outcome: 'skipped';
      reason: 'not-found' | 'completed' | 'not-due' | 'in-flight' | 'stale-attempt' | 'exhausted';
    }
  | { outcome: 'succeeded'; attempt: number; redirectUrl?: string }
  | { outcome: 'failed'; attempt: number; conflict: boolean }
  | { outcome: 'retry-scheduled'; attempt: number; delaySeconds: number; reason: string }
  | { outcome: 'exhausted'; attempt: number; reason: string };
