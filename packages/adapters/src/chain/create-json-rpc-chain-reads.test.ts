import { describe, expect, it } from '@jest/globals';
import type { HttpFetch, HttpFetchResponse } from '../http/create-node-http-fetch';
import { createJsonRpcChainReads, SolanaRpcError } from './create-json-rpc-chain-reads';

const RPC_URL = 'https://rpc.example/';

/** An RPC that answers each request with `answer(method, params)` and records what it got. */
function fakeRpc(answer: (method: string, params: unknown[]) => unknown, status = 200) {
  const requests: Array<{ method: string; params: unknown[] }> = [];
  const fetch: HttpFetch = async (url, init) => {
    expect(url).toBe(RPC_URL);
    const body = JSON.parse(String(init?.body)) as {
      id: number;
      method: string;
      params: unknown[];
    };
    requests.push({ method: body.method, params: body.params });
    const json =
      status === 200
        ? { jsonrpc: '2.0', id: body.id, ...(answer(body.method, body.params) as object) }
        : {};
    const response: HttpFetchResponse = {
      status,
      statusText: status === 200 ? 'OK' : 'Service Unavailable',
      ok: status === 200,
      headers: { get: () => null },
      text: async () => JSON.stringify(json),
      json: async () => json,
    };
    return response;
  };
  return { fetch, requests };
}

describe('createJsonRpcChainReads', () => {
  it('reads the block height at confirmed', async () => {
    const rpc = fakeRpc(() => ({ result: 4_321 }));
    const reads = createJsonRpcChainReads({
      rpcUrl: RPC_URL,
      fetch: rpc.fetch,
      commitment: 'finalized',
    });

    await expect(reads.getBlockHeight()).resolves.toBe(4_321n);
    expect(rpc.requests).toEqual([
      { method: 'getBlockHeight', params: [{ commitment: 'confirmed' }] },
    ]);
  });

  it('tells committed, failed, not yet final and unknown signatures apart, 256 per call', async () => {
    const statusOf = (signature: string) =>
      signature === 'final'
        ? { slot: 9, confirmations: null, err: null, confirmationStatus: 'finalized' }
        : signature === 'rooted'
          ? { slot: 9, confirmations: null, err: null }
          : signature === 'confirmed'
            ? { slot: 9, confirmations: 3, err: null, confirmationStatus: 'confirmed' }
            : signature === 'failed'
              ? {
                  slot: 9,
                  confirmations: null,
                  err: { InstructionError: [2, 'Custom'] },
                  confirmationStatus: 'finalized',
                }
              : null;
    const rpc = fakeRpc((_, params) => ({
      result: { context: { slot: 10 }, value: (params[0] as string[]).map(statusOf) },
    }));
    const reads = createJsonRpcChainReads({
      rpcUrl: RPC_URL,
      fetch: rpc.fetch,
      commitment: 'finalized',
    });
    const filler = Array.from({ length: 300 }, (_, i) => `unknown-${i}`);

    const states = await reads.signatureStates([
      'final',
      'rooted',
      'confirmed',
      'failed',
      ...filler,
    ]);

    expect(states.get('final')).toEqual({ committed: true, failed: false });
    expect(states.get('rooted')).toEqual({ committed: true, failed: false });
    expect(states.get('confirmed')).toEqual({ committed: false, failed: false });
    expect(states.get('failed')).toEqual({ committed: false, failed: true });
    expect(states.get('unknown-299')).toBeNull();
    expect(rpc.requests.map((r) => (r.params[0] as string[]).length)).toEqual([256, 48]);
    expect(rpc.requests[0]?.params[1]).toEqual({ searchTransactionHistory: true });
  });

  it('fails with the RPC error on a JSON-RPC error, an HTTP error or an answer of another shape', async () => {
    const options = { rpcUrl: RPC_URL, commitment: 'confirmed' as const };
    const rpcError = fakeRpc(() => ({ error: { code: -32005, message: 'Node is behind' } }));
    await expect(
      createJsonRpcChainReads({ ...options, fetch: rpcError.fetch }).getBlockHeight(),
    ).rejects.toThrow(new SolanaRpcError('getBlockHeight: -32005 Node is behind'));
    const httpError = fakeRpc(() => ({}), 503);
    await expect(
      createJsonRpcChainReads({ ...options, fetch: httpError.fetch }).getBlockHeight(),
    ).rejects.toThrow(SolanaRpcError);
    const odd = fakeRpc(() => ({ result: 'soon' }));
    await expect(
      createJsonRpcChainReads({ ...options, fetch: odd.fetch }).getBlockHeight(),
    ).rejects.toThrow('getBlockHeight: unexpected answer');
  });
});
