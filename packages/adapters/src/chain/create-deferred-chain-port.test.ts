import { describe, expect, it } from '@jest/globals';
import { DependencyUnavailableError, type ChainPort } from '@solpay/domain';
import { createDeferredChainPort } from './create-deferred-chain-port';
import { SolanaRpcError } from './create-json-rpc-chain-reads';

describe('createDeferredChainPort', () => {
  it('answers reads without loading the transaction chain, loads it once at the first other call, and names RPC failures as an unavailable dependency', async () => {
    let loads = 0;
    const full = {
      guardAddress: () => 'Guard1111111111111111111111111111111111111',
    } as unknown as ChainPort;
    const port = createDeferredChainPort(
      {
        getBlockHeight: async () => 7n,
        signatureStates: () => Promise.reject(new SolanaRpcError('getSignatureStatuses: -32603')),
      },
      () => {
        loads += 1;
        return full;
      },
    );

    await expect(port.getBlockHeight()).resolves.toBe(7n);
    await expect(port.signatureStates(['sig'])).rejects.toBeInstanceOf(DependencyUnavailableError);
    expect(loads).toBe(0);
    const guard = {
      shop: 's.myshopify.com',
      kind: 'payment' as const,
      shopifyId: 'p',
      generation: 0,
    };
    port.guardAddress(guard);
    port.guardAddress(guard);
    expect(loads).toBe(1);
  });
});
