import type { LandedTransaction } from '../chain/ledger';
import { decodeBase58, encodeBase58 } from '../chain/base58';
import { parseInstruction } from './parse-instruction';

/** Transaction encodings accepted by `getTransaction`. */
export type TransactionEncoding = 'json' | 'jsonParsed' | 'base64' | 'base58';

function renderMessageJson(landed: LandedTransaction): Record<string, unknown> {
  const { message } = landed.tx;
  const rendered: Record<string, unknown> = {
    accountKeys: landed.tx.staticAccountKeys,
    header: message.header,
    instructions: message.compiledInstructions.map((ix) => ({
      programIdIndex: ix.programIdIndex,
      accounts: Array.from(ix.accountKeyIndexes),
      data: encodeBase58(ix.data),
      stackHeight: null,
    })),
    recentBlockhash: message.recentBlockhash,
  };
  if (message.version === 0) {
    rendered.addressTableLookups = message.addressTableLookups.map((l) => ({
      accountKey: l.accountKey.toBase58(),
      writableIndexes: l.writableIndexes,
      readonlyIndexes: l.readonlyIndexes,
    }));
  }
  return rendered;
}

function renderMessageParsed(landed: LandedTransaction): Record<string, unknown> {
  const { message } = landed.tx;
  const staticCount = landed.tx.staticAccountKeys.length;
  const rendered: Record<string, unknown> = {
    accountKeys: landed.accountKeys.map((pubkey, i) => ({
      pubkey,
      signer: message.isAccountSigner(i),
      writable: message.isAccountWritable(i),
      source: i < staticCount ? 'transaction' : 'lookupTable',
    })),
    instructions: message.compiledInstructions.map((ix) =>
      parseInstruction(
        landed.accountKeys[ix.programIdIndex] ?? '',
        Array.from(ix.accountKeyIndexes, (i) => landed.accountKeys[i] ?? ''),
        ix.data,
        null,
      ),
    ),
    recentBlockhash: message.recentBlockhash,
  };
  if (message.version === 0)
    rendered.addressTableLookups = renderMessageJson(landed).addressTableLookups;
  return rendered;
}

function renderMeta(landed: LandedTransaction, parsed: boolean): Record<string, unknown> {
  const { meta } = landed;
  const innerInstructions = parsed
    ? meta.innerInstructions.map((group) => ({
        index: group.index,
        instructions: group.instructions.map((ix) =>
          parseInstruction(
            landed.accountKeys[ix.programIdIndex] ?? '',
            ix.accounts.map((i) => landed.accountKeys[i] ?? ''),
            decodeBase58(ix.data),
            ix.stackHeight,
          ),
        ),
      }))
    : meta.innerInstructions;
  return {
    err: meta.err,
    status: meta.err === null ? { Ok: null } : { Err: meta.err },
    fee: meta.fee,
    preBalances: meta.preBalances,
    postBalances: meta.postBalances,
    innerInstructions,
    logMessages: meta.logMessages,
    preTokenBalances: meta.preTokenBalances,
    postTokenBalances: meta.postTokenBalances,
    rewards: [],
    loadedAddresses: meta.loadedAddresses,
    computeUnitsConsumed: meta.computeUnitsConsumed,
    ...(meta.returnData
      ? {
          returnData: {
            programId: meta.returnData.programId,
            data: [Buffer.from(meta.returnData.data).toString('base64'), 'base64'],
          },
        }
      : {}),
  };
}

/** Renders a landed transaction as `getTransaction` returns it for `encoding`. */
export function renderTransaction(
  landed: LandedTransaction,
  encoding: TransactionEncoding,
  includeVersion: boolean,
): Record<string, unknown> {
  let transaction: unknown;
  if (encoding === 'base64')
    transaction = [Buffer.from(landed.tx.bytes).toString('base64'), 'base64'];
  else if (encoding === 'base58') transaction = [encodeBase58(landed.tx.bytes), 'base58'];
  else {
    transaction = {
      signatures: landed.tx.signatures,
      message: encoding === 'jsonParsed' ? renderMessageParsed(landed) : renderMessageJson(landed),
    };
  }
  return {
    slot: landed.slot,
    blockTime: landed.blockTime,
    transaction,
    meta: renderMeta(landed, encoding === 'jsonParsed'),
    ...(includeVersion ? { version: landed.tx.version } : {}),
  };
}
