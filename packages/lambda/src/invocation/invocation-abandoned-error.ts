/**
 * Thrown when code of an invocation that has passed its deadline tries to reach the outside
 * (database, RPC, Shopify): Lambda would have frozen it, so the work must not happen.
 */
export class InvocationAbandonedError extends Error {
  constructor(functionName: string) {
    super(`${functionName} passed its timeout; its remaining work is abandoned`);
    this.name = 'InvocationAbandonedError';
  }
}
