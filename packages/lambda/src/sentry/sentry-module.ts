import type * as SentryModule from './sentry-sdk';

let loaded: typeof SentryModule | undefined;

/** The Sentry SDK once {@link loadSentry} has run, else `undefined` (Sentry off). */
export function sentryModule(): typeof SentryModule | undefined {
  return loaded;
}

/**
 * Loads `@sentry/aws-serverless` on demand. It takes seconds to load (it pulls in
 * OpenTelemetry), so processes without a DSN (tests, the local stack, packages importing only
 * the error classes) never load it.
 */
export async function loadSentry(): Promise<typeof SentryModule> {
  loaded ??= await import('./sentry-sdk');
  return loaded;
}
