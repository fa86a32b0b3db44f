import type { Context } from 'aws-lambda';
import type { RuntimeConfig } from '../config/sections/runtime-section';
import { initSentry } from './init-sentry';
import { sentryModule } from './sentry-module';

/**
 * Wraps a Lambda handler with Sentry's `wrapHandler` (error capture, flush before the
 * invocation ends) when `runtime.sentryDsn` is set; returns the handler unchanged otherwise.
 * Sentry starts loading at once (cold start) and the first invocation waits for it.
 */
export function withSentry<TEvent, TResult>(
  handler: (event: TEvent, context: Context) => Promise<TResult>,
  runtime: RuntimeConfig,
): (event: TEvent, context: Context) => Promise<TResult> {
  if (!runtime.sentryDsn) return handler;
  const ready = initSentry(runtime).then((on) => {
    const Sentry = sentryModule();
    if (!on || !Sentry) return handler;
    const wrapped = Sentry.wrapHandler<TEvent, TResult>(handler);
    return (event: TEvent, context: Context) =>
      wrapped(event, context, () => undefined) as Promise<TResult>;
  });
  // If Sentry fails to load, serve without it rather than failing every request.
  const safe = ready.catch(() => handler);
  return async (event, context) => (await safe)(event, context);
}
