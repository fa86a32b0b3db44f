import { DependencyUnavailableError, DomainError } from '@solpay/domain';

/**
 * Marks every failure of the RPC as what it is — a dependency being unavailable (503, retried
 * by callers and webhooks) — rather than a bug (500). Errors of our own hierarchy pass through.
 * Wraps every method but the synchronous `guardAddress`, which makes no call.
 */
export function withUpstreamErrors<P extends object>(port: P): P {
  const wrapped = { ...port };
  for (const name of Object.keys(port) as Array<keyof P & string>) {
    const method = port[name] as (...args: unknown[]) => unknown;
    if (name === 'guardAddress' || typeof method !== 'function') continue;
    (wrapped as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      try {
        return await method(...args);
      } catch (error) {
        if (error instanceof DomainError) throw error;
        throw new DependencyUnavailableError(`Solana RPC call failed (${name})`, { cause: error });
      }
    };
  }
  return wrapped;
}
