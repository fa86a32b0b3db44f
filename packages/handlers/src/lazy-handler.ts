/**
 * Defers building a handler (and so reading its configuration and composing its dependencies)
 * to the first invocation, so that importing a handler module never needs the environment; the
 * built handler is kept for the life of the instance. Every handler factory returns one.
 */
export function lazyHandler<TEvent, TContext, TResult>(
  build: () => (event: TEvent, context: TContext) => Promise<TResult>,
): (event: TEvent, context: TContext) => Promise<TResult> {
  let built: ((event: TEvent, context: TContext) => Promise<TResult>) | undefined;
  return (event, context) => {
    built ??= build();
    return built(event, context);
  };
}
