/** JSON-RPC error codes used by Solana RPC nodes. */
export const RPC_ERROR = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internal: -32603,
  sendTransactionPreflightFailure: -32002,
  signatureVerificationFailure: -32003,
  nodeUnhealthy: -32005,
  transactionVersionNotSupported: -32015,
  minContextSlotNotReached: -32016,
} as const;

/** A JSON-RPC error a method handler throws; the server turns it into the `error` member. */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}
