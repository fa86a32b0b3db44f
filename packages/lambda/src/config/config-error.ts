/** One problem found while reading configuration: which key, and what is wrong with it. */
export interface ConfigIssue {
  /** The environment variable at fault. */
  key: string;
  /** What is wrong; never contains the value (it may be a secret). */
  message: string;
}

/**
 * Thrown when the environment does not hold a valid configuration. The message lists every
 * missing or invalid key at once, so one deploy fixes them all.
 */
export class ConfigError extends Error {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(
      `Invalid configuration (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((issue) => `  - ${issue.key}: ${issue.message}`).join('\n'),
    );
    this.name = 'ConfigError';
    this.issues = issues;
  }
}
