import type { ChainCore } from '../chain/chain-core';
import type { Faucet } from '../chain/faucet';

/** A JSON-RPC method: takes raw `params`, returns the `result` or throws an `RpcError`. */
export type RpcMethod = (params: unknown) => unknown;

/** Method table by name. */
export type RpcMethods = Record<string, RpcMethod>;

/** What method handlers need. */
export interface RpcMethodDeps {
  core: ChainCore;
  faucet: Faucet;
}
