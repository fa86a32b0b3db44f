import * as z from 'zod';
import { decodeBase58 } from '../../chain/base58';
import type { Commitment } from '../../chain/block-clock';
import type { LandedTransaction } from '../../chain/ledger';
import type { AccountState, ExecutionReport } from '../../chain/svm-runtime';
import type { SendFailure } from '../../chain/transaction-processor';
import { describeTransactionError } from '../../chain/transaction-error';
import { encodeAccount } from '../encode-account';
import { renderTransaction } from '../render-transaction';
import { RPC_ERROR, RpcError } from '../rpc-error';
import type { RpcMethodDeps, RpcMethods } from '../rpc-method';
import { commitmentSchema, contextFor, parseParams, pubkeySchema } from '../rpc-params';

/** Largest wire transaction a cluster accepts (bytes). */
export const MAX_TRANSACTION_SIZE = 1232;
/** Slots for which statuses are found without `searchTransactionHistory` (status cache). */
const STATUS_CACHE_SLOTS = 300;
const MEMO_PROGRAMS = new Set([
  'MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr',
  'Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo',
]);
const RANK: Record<Commitment, number> = { processed: 0, confirmed: 1, finalized: 2 };

const binaryEncoding = z.enum(['base58', 'base64']);

const sendConfig = z.object({
  encoding: binaryEncoding.optional(),
  skipPreflight: z.boolean().optional(),
  preflightCommitment: commitmentSchema.optional(),
  maxRetries: z.number().int().nonnegative().optional(),
  minContextSlot: z.number().int().nonnegative().optional(),
});

const simulateConfig = z.object({
  sigVerify: z.boolean().optional(),
  replaceRecentBlockhash: z.boolean().optional(),
  commitment: commitmentSchema.optional(),
  encoding: binaryEncoding.optional(),
  minContextSlot: z.number().int().nonnegative().optional(),
  innerInstructions: z.boolean().optional(),
  accounts: z
    .object({
      addresses: z.array(pubkeySchema),
      encoding: z.enum(['base64', 'base64+zstd', 'jsonParsed']).optional(),
    })
    .optional(),
});

const transactionEncoding = z.enum(['json', 'jsonParsed', 'base64', 'base58']);
const getTransactionConfig = z.object({
  commitment: commitmentSchema.optional(),
  encoding: transactionEncoding.optional(),
  maxSupportedTransactionVersion: z.number().int().nonnegative().optional(),
});

const signaturesForAddressConfig = z.object({
  limit: z.number().int().positive().optional(),
  before: z.string().optional(),
  until: z.string().optional(),
  commitment: commitmentSchema.optional(),
  minContextSlot: z.number().int().nonnegative().optional(),
});

function decodeWire(encoded: string, encoding: 'base58' | 'base64'): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = encoding === 'base64' ? Buffer.from(encoded, 'base64') : decodeBase58(encoded);
  } catch {
    throw new RpcError(RPC_ERROR.invalidParams, `invalid ${encoding} encoding`);
  }
  if (bytes.length > MAX_TRANSACTION_SIZE) {
    throw new RpcError(
      RPC_ERROR.invalidParams,
      `${encoding} encoded solana_transaction::versioned::VersionedTransaction too large: ${bytes.length} bytes (max: ${MAX_TRANSACTION_SIZE} bytes)`,
    );
  }
  return bytes;
}

function simulationData(
  report: ExecutionReport,
  accounts: unknown,
  extra: Record<string, unknown> = {},
) {
  return {
    err: report.err,
    logs: report.logs,
    accounts,
    unitsConsumed: report.unitsConsumed,
    returnData: report.returnData
      ? {
          programId: report.returnData.programId,
          data: [Buffer.from(report.returnData.data).toString('base64'), 'base64'],
        }
      : null,
    innerInstructions: null,
    replacementBlockhash: null,
    loadedAccountsDataSize: 0,
    ...extra,
  };
}

function failureToError(failure: SendFailure): RpcError {
  switch (failure.reason) {
    case 'malformed':
      return new RpcError(
        RPC_ERROR.invalidParams,
        `failed to deserialize transaction: ${failure.message}`,
      );
    case 'signature':
      return new RpcError(
        RPC_ERROR.signatureVerificationFailure,
        'Transaction signature verification failure',
      );
    case 'rejected':
      return new RpcError(
        RPC_ERROR.sendTransactionPreflightFailure,
        `Transaction simulation failed: ${describeTransactionError(failure.report.err ?? 'unknown')}`,
        simulationData(failure.report, null),
      );
  }
}

function memoOf(landed: LandedTransaction): string | null {
  const memos = landed.tx.message.compiledInstructions
    .filter((ix) => MEMO_PROGRAMS.has(landed.accountKeys[ix.programIdIndex] ?? ''))
    .map((ix) => {
      const text = Buffer.from(ix.data).toString('utf8');
      return `[${ix.data.length}] ${text}`;
    });
  return memos.length > 0 ? memos.join('; ') : null;
}

/** Transaction submission, simulation and history methods. */
export function createTransactionMethods({ core }: RpcMethodDeps): RpcMethods {
  const { clock, ledger, processor } = core;
  const read = (key: string): AccountState | null => core.svm.getAccount(key);
  const reached = (landed: LandedTransaction, commitment: Commitment): boolean =>
    RANK[clock.commitmentOf(landed.slot)] >= RANK[commitment];
  const atLeastConfirmed = (commitment: Commitment | undefined): Commitment => {
    if (commitment === 'processed') {
      throw new RpcError(
        RPC_ERROR.invalidParams,
        'Method does not support commitment below `confirmed`',
      );
    }
    return commitment ?? 'finalized';
  };

  return {
    sendTransaction: (params) => {
      const [encoded, config] = parseParams(z.tuple([z.string(), sendConfig.nullish()]), params);
      contextFor(core, { commitment: 'processed', minContextSlot: config?.minContextSlot });
      const bytes = decodeWire(encoded, config?.encoding ?? 'base58');
      const result = processor.send(bytes, { skipPreflight: config?.skipPreflight ?? false });
      if (!result.ok) throw failureToError(result);
      return result.signature;
    },
    simulateTransaction: (params) => {
      const [encoded, config] = parseParams(
        z.tuple([z.string(), simulateConfig.nullish()]),
        params,
      );
      if (config?.sigVerify && config.replaceRecentBlockhash) {
        throw new RpcError(
          RPC_ERROR.invalidParams,
          'sigVerify may not be used with replaceRecentBlockhash',
        );
      }
      const context = contextFor(core, {
        commitment: config?.commitment,
        minContextSlot: config?.minContextSlot,
      });
      const bytes = decodeWire(encoded, config?.encoding ?? 'base58');
      const result = processor.simulate(bytes, {
        sigVerify: config?.sigVerify ?? false,
        replaceRecentBlockhash: config?.replaceRecentBlockhash ?? false,
        accountAddresses: config?.accounts?.addresses ?? null,
      });
      if (!result.ok) throw failureToError(result);
      const { value } = result;
      const accountEncoding = config?.accounts?.encoding === 'jsonParsed' ? 'jsonParsed' : 'base64';
      const accounts =
        value.accounts?.map((a) => (a ? encodeAccount(a, accountEncoding, read) : null)) ?? null;
      return {
        context,
        value: simulationData(value, accounts, {
          replacementBlockhash: value.replacementBlockhash,
          innerInstructions: config?.innerInstructions ? value.innerInstructions : null,
        }),
      };
    },
    getSignatureStatuses: (params) => {
      const [signatures, config] = parseParams(
        z.tuple([
          z.array(z.string()).max(256),
          z.object({ searchTransactionHistory: z.boolean().optional() }).nullish(),
        ]),
        params,
      );
      const tip = clock.tip;
      return {
        context: contextFor(core, { commitment: 'processed' }),
        value: signatures.map((signature) => {
          const landed = ledger.get(signature);
          if (!landed) return null;
          if (!config?.searchTransactionHistory && tip.slot - landed.slot > STATUS_CACHE_SLOTS)
            return null;
          const confirmationStatus = clock.commitmentOf(landed.slot);
          return {
            slot: landed.slot,
            confirmations: confirmationStatus === 'finalized' ? null : tip.slot - landed.slot,
            err: landed.meta.err,
            status: landed.meta.err === null ? { Ok: null } : { Err: landed.meta.err },
            confirmationStatus,
          };
        }),
      };
    },
    getTransaction: (params) => {
      const [signature, rawConfig] = parseParams(
        z.tuple([z.string(), z.union([getTransactionConfig, transactionEncoding]).nullish()]),
        params,
      );
      const config = typeof rawConfig === 'string' ? { encoding: rawConfig } : (rawConfig ?? {});
      const commitment = atLeastConfirmed(config.commitment);
      const landed = ledger.get(signature);
      if (!landed || !reached(landed, commitment)) return null;
      const maxVersion = config.maxSupportedTransactionVersion;
      if (landed.tx.version === 0 && maxVersion === undefined) {
        throw new RpcError(
          RPC_ERROR.transactionVersionNotSupported,
          'Transaction version (0) is not supported by the requesting client. Please try the request again with the following configuration parameter: "maxSupportedTransactionVersion": 0',
        );
      }
      return renderTransaction(landed, config.encoding ?? 'json', maxVersion !== undefined);
    },
    getSignaturesForAddress: (params) => {
      const [address, config] = parseParams(
        z.tuple([pubkeySchema, signaturesForAddressConfig.nullish()]),
        params,
      );
      const commitment = atLeastConfirmed(config?.commitment);
      contextFor(core, { commitment, minContextSlot: config?.minContextSlot });
      const limit = config?.limit ?? 1000;
      if (limit > 1000) throw new RpcError(RPC_ERROR.invalidParams, 'Invalid limit; max 1000');
      let newestFirst = [...ledger.forAddress(address)]
        .reverse()
        .filter((t) => reached(t, commitment));
      if (config?.before) {
        const index = newestFirst.findIndex((t) => t.signature === config.before);
        newestFirst = index >= 0 ? newestFirst.slice(index + 1) : newestFirst;
      }
      if (config?.until) {
        const index = newestFirst.findIndex((t) => t.signature === config.until);
        if (index >= 0) newestFirst = newestFirst.slice(0, index);
      }
      return newestFirst.slice(0, limit).map((t) => ({
        signature: t.signature,
        slot: t.slot,
        err: t.meta.err,
        memo: memoOf(t),
        blockTime: t.blockTime,
        confirmationStatus: clock.commitmentOf(t.slot),
      }));
    },
  };
}
