import { AddressLookupTableAccount, AddressLookupTableProgram } from '@solana/web3.js';
import type { DecodedTransaction } from './decoded-transaction';
import type { SvmRuntime } from './svm-runtime';
import type { RpcTransactionError } from './transaction-error';

/** All account keys of a transaction, with addresses loaded from lookup tables. */
export interface ResolvedAccountKeys {
  /** Static keys, then loaded writable keys, then loaded read-only keys. */
  all: string[];
  loaded: { writable: string[]; readonly: string[] };
}

/** Result of {@link resolveAccountKeys}. */
export type ResolveResult =
  { ok: true; keys: ResolvedAccountKeys } | { ok: false; err: RpcTransactionError };

/** Resolves a transaction's account keys, reading v0 address lookup tables from the SVM. */
export function resolveAccountKeys(tx: DecodedTransaction, svm: SvmRuntime): ResolveResult {
  const writable: string[] = [];
  const readonly: string[] = [];
  const lookups = tx.message.version === 0 ? tx.message.addressTableLookups : [];
  for (const lookup of lookups) {
    const table = svm.getAccount(lookup.accountKey.toBase58());
    if (!table) return { ok: false, err: 'AddressLookupTableNotFound' };
    if (table.owner !== AddressLookupTableProgram.programId.toBase58()) {
      return { ok: false, err: 'InvalidAddressLookupTableOwner' };
    }
    let addresses: string[];
    try {
      addresses = AddressLookupTableAccount.deserialize(table.data).addresses.map((a) =>
        a.toBase58(),
      );
    } catch {
      return { ok: false, err: 'InvalidAddressLookupTableData' };
    }
    for (const [indexes, target] of [
      [lookup.writableIndexes, writable],
      [lookup.readonlyIndexes, readonly],
    ] as const) {
      for (const index of indexes) {
        const key = addresses[index];
        if (key === undefined) return { ok: false, err: 'InvalidAddressLookupTableIndex' };
        target.push(key);
      }
    }
  }
  return {
    ok: true,
    keys: {
      all: [...tx.staticAccountKeys, ...writable, ...readonly],
      loaded: { writable, readonly },
    },
  };
}
