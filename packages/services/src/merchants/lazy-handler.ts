import type { HttpLambdaHandler } from '@solpay/lambda';

/**
 * Defers building a handler (and reading its configuration) to the first invocation, so that
 * importing a handler module never needs the environment; the built handler is kept for the
 * life of the instance.
 */
export function lazyHandler(build: () => HttpLambdaHandler): HttpLambdaHandler {
  let built: HttpLambdaHandler | undefined;
  return (event, context) => {
    built ??= build();
    return built(event, context);
  };
}
