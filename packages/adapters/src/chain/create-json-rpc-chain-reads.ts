import type { Finality, TransactionError } from '@solana/web3.js';
import type { ChainPort, SignatureState } from '@solpay/domain';
import { reachedCommitment } from '@solpay/solana';
import * as z from 'zod';
import type { HttpFetch } from '../http/create-node-http-fetch';

/** The chain reads that need no transaction code: what the discovery poll asks on most runs. */
export type ChainReads = Pick<ChainPort, 'getBlockHeight' | 'signatureStates'>;

/** Options of {@link createJsonRpcChainReads}. */
export interface JsonRpcChainReadsOptions {
  /** `SOLANA_RPC_URL`. */
  rpcUrl: string;
  /** The process's RPC fetch (timeouts, keep-alive), shared with web3.js's `Connection`. */
  fetch: HttpFetch;
  /** Commitment a payment must reach before Shopify is told. */
  commitment: Finality;
}

/** Signatures per `getSignatureStatuses` call: the most the RPC API accepts. */
const STATUS_BATCH = 256;

const rpcAnswer = <T extends z.ZodType>(result: T) =>
  z.union([
    z.object({ result }),
    z.object({ error: z.object({ code: z.number(), message: z.string() }) }),
  ]);

const blockHeightAnswer = rpcAnswer(z.number().int().nonnegative());

const signatureStatusesAnswer = rpcAnswer(
  z.object({
    value: z.array(
      z
        .object({
          slot: z.number(),
          confirmations: z.number().nullable(),
          err: z.unknown(),
          confirmationStatus: z.enum(['processed', 'confirmed', 'finalized']).nullish(),
        })
        .nullable(),
    ),
  }),
);

/** The RPC answered with a JSON-RPC error object or with something that is not an answer. */
export class SolanaRpcError extends Error {
  override readonly name = 'SolanaRpcError';
}

/**
 * {@link ChainReads} over plain JSON-RPC: the same HTTP requests web3.js's `Connection` sends
 * for them, without web3.js. A process that only reads (the discovery poll with nothing to
 * settle, burn or sweep) then never evaluates web3.js and its curve and codec libraries
 * (docs/adr/0021).
 */
export function createJsonRpcChainReads(options: JsonRpcChainReadsOptions): ChainReads {
  const { rpcUrl, fetch, commitment } = options;
  let nextId = 0;
  const call = async <T>(
    method: string,
    params: unknown[],
    answer: z.ZodType<{ result: T } | { error: { code: number; message: string } }>,
  ): Promise<T> => {
    nextId += 1;
    const response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: nextId, method, params }),
    });
    if (!response.ok) {
      throw new SolanaRpcError(`${method}: HTTP ${response.status} ${response.statusText}`);
    }
    const parsed = answer.safeParse(await response.json());
    if (!parsed.success) throw new SolanaRpcError(`${method}: unexpected answer`);
    if ('error' in parsed.data) {
      throw new SolanaRpcError(`${method}: ${parsed.data.error.code} ${parsed.data.error.message}`);
    }
    return parsed.data.result;
  };

  return {
    async getBlockHeight() {
      return BigInt(await call('getBlockHeight', [{ commitment: 'confirmed' }], blockHeightAnswer));
    },

    async signatureStates(signatures) {
      const states = new Map<string, SignatureState | null>();
      for (let start = 0; start < signatures.length; start += STATUS_BATCH) {
        const batch = signatures.slice(start, start + STATUS_BATCH);
        const { value } = await call(
          'getSignatureStatuses',
          [batch, { searchTransactionHistory: true }],
          signatureStatusesAnswer,
        );
        batch.forEach((signature, index) => {
          const status = value[index];
          if (!status) {
            states.set(signature, null);
            return;
          }
          const failed = status.err !== null && status.err !== undefined;
          const landed = {
            slot: status.slot,
            confirmations: status.confirmations,
            err: failed ? (status.err as TransactionError) : null,
            ...(status.confirmationStatus ? { confirmationStatus: status.confirmationStatus } : {}),
          };
          states.set(signature, {
            failed,
            committed: !failed && reachedCommitment(landed, commitment),
          });
        });
      }
      return states;
    },
  };
}
