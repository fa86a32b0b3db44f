import { AsyncLocalStorage } from 'node:async_hooks';
import { InvocationAbandonedError } from './invocation-abandoned-error';

/**
 * What the runtime knows about the invocation whose code is running: its deadline signal and
 * the I/O it did. Set by whoever runs handlers several to a process (the local gateway and
 * workers); in AWS each invocation has its process to itself and no scope is set.
 */
export interface InvocationScope {
  /** The function's name (for messages). */
  readonly functionName: string;
  /** Aborted when the invocation passes its timeout (Lambda would freeze it then). */
  readonly signal: AbortSignal;
  /** I/O counters of this invocation. */
  readonly io: InvocationIo;
}

/** Round trips an invocation made, counted where the calls leave the process. */
export interface InvocationIo {
  /** Solana RPC calls made. */
  rpcCalls: number;
  /** Sequential RPC round trips: calls started while none was in flight. */
  rpcRoundTrips: number;
  /** RPC calls in flight now. */
  rpcInFlight: number;
}

const storage = new AsyncLocalStorage<InvocationScope>();

/** A fresh scope with zeroed counters. */
export function createInvocationScope(functionName: string, signal: AbortSignal): InvocationScope {
  return { functionName, signal, io: { rpcCalls: 0, rpcRoundTrips: 0, rpcInFlight: 0 } };
}

/** Runs `work` inside `scope`: everything it starts, directly or not, sees that scope. */
export function runInInvocationScope<T>(
  scope: InvocationScope,
  work: () => Promise<T>,
): Promise<T> {
  return storage.run(scope, work);
}

/**
 * Runs `work` outside any invocation scope: for work an invocation starts on behalf of later
 * ones (refreshing a cache), which is neither counted as its round trip nor cut at its deadline.
 */
export function outsideInvocationScope<T>(work: () => T): T {
  return storage.exit(work);
}

/** The scope of the invocation whose code is running, if a runtime set one. */
export function currentInvocationScope(): InvocationScope | undefined {
  return storage.getStore();
}

/**
 * Throws {@link InvocationAbandonedError} when the running invocation has passed its
 * deadline. Adapters call it before every statement, request or commit, so that nothing an
 * abandoned invocation still attempts reaches the database, the chain or Shopify.
 */
export function assertInvocationLive(): void {
  const scope = storage.getStore();
  if (scope?.signal.aborted) throw new InvocationAbandonedError(scope.functionName);
}

/**
 * Wraps a `fetch` (the global one or any with its shape) so that each call is refused once the invocation is abandoned, is cut when
 * the deadline passes while it waits, and (for `kind: 'rpc'`) is counted in the scope's
 * round trips.
 */
export function guardFetch<Init extends { signal?: AbortSignal | null | undefined }, Answer>(
  inner: (url: string, init?: Init) => Promise<Answer>,
  kind: 'rpc' | 'other' = 'other',
): (url: string, init?: Init) => Promise<Answer> {
  return async (input, init) => {
    const scope = storage.getStore();
    if (!scope) return inner(input, init);
    if (scope.signal.aborted) throw new InvocationAbandonedError(scope.functionName);
    const signal = init?.signal ? AbortSignal.any([init.signal, scope.signal]) : scope.signal;
    // A fetch's init is all optional members (RequestInit, HttpFetchInit): with only the signal
    // added it is still one.
    const guarded = { ...init, signal } as Init;
    if (kind !== 'rpc') return inner(input, guarded);
    const io = scope.io;
    io.rpcCalls += 1;
    if (io.rpcInFlight === 0) io.rpcRoundTrips += 1;
    io.rpcInFlight += 1;
    try {
      return await inner(input, guarded);
    } finally {
      io.rpcInFlight -= 1;
    }
  };
}
