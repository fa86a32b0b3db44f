import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as z from 'zod';
import type { ChainCore } from './chain-core';
import { decodeTransaction } from './decoded-transaction';
import type { LandedTransaction } from './ledger';

/** Bumped when the file layout changes; an older file is not restored (the caller starts fresh). */
const SNAPSHOT_VERSION = 1;

/** Owner of sysvar accounts: the runtime rebuilds them, they are never restored. */
const SYSVAR_OWNER = 'Sysvar1111111111111111111111111111111111111';
const NATIVE_LOADER = 'NativeLoader1111111111111111111111111111111';

/** A settlement token of the chain: its mint and the authority that mints test funds. */
export interface SnapshotMint {
  mint: string;
  /** 64 secret-key bytes of the mint authority (a local test key). */
  authority: number[];
  decimals: number;
}

const snapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  /** Ties the chain to the database and the simulator that were written with it. */
  stateId: z.string(),
  savedAt: z.string(),
  genesisSeed: z.string(),
  tip: z.object({ slot: z.number().int(), blockHeight: z.number().int() }),
  /** Symbol → mint, for every settlement token the chain was started with. */
  mints: z.record(
    z.string(),
    z.object({ mint: z.string(), authority: z.array(z.number()), decimals: z.number().int() }),
  ),
  accounts: z.array(
    z.object({
      address: z.string(),
      lamports: z.string(),
      data: z.string(),
      owner: z.string(),
      executable: z.boolean(),
    }),
  ),
  ledger: z.array(z.record(z.string(), z.unknown())),
});

/** What a snapshot file holds. */
export type ChainSnapshot = z.infer<typeof snapshotSchema>;

/**
 * JSON with bigints as `{"$big": "…"}` and byte arrays as `{"$bytes": "<base64>"}`, so a
 * landed transaction's meta round-trips exactly.
 */
function encodeValue(value: unknown): unknown {
  if (typeof value === 'bigint') return { $big: value.toString() };
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeValue(v)]));
  }
  return value;
}

function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.$big === 'string') return BigInt(record.$big);
    if (typeof record.$bytes === 'string') {
      return new Uint8Array(Buffer.from(record.$bytes, 'base64'));
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decodeValue(v)]));
  }
  return value;
}

/**
 * Captures everything a restarted chain needs to be the same chain: the genesis seed and tip,
 * every account any landed transaction touched (all of them, whatever program owns them), the
 * ledger (so `getTransaction` and `getSignaturesForAddress` still answer for old payments) and
 * the mints with their authorities.
 *
 * The returned function is called once per write and keeps what earlier calls encoded: a landed
 * transaction never changes, and an account is read again only when a transaction landed since
 * referenced it or it was overwritten directly (`SvmRuntime.takeDirectWrites`) — re-reading and
 * re-encoding the whole chain every time grew with the ledger and was a visible share of the
 * stack's CPU under load (docs/performance.md).
 */
export function createChainSnapshotter(
  core: ChainCore,
): (input: { stateId: string; mints: Record<string, SnapshotMint> }) => ChainSnapshot {
  type AccountEntry = ChainSnapshot['accounts'][number];
  const ledgerEntries = new Map<string, Record<string, unknown>>();
  const accountEntries = new Map<string, AccountEntry | null>();
  const accountEntry = (address: string): AccountEntry | null => {
    const account = core.svm.getAccount(address);
    if (!account || account.executable) return null;
    if (account.owner === SYSVAR_OWNER || account.owner === NATIVE_LOADER) return null;
    return {
      address,
      lamports: account.lamports.toString(),
      data: Buffer.from(account.data).toString('base64'),
      owner: account.owner,
      executable: false,
    };
  };
  return (input) => {
    const changed = new Set(core.svm.takeDirectWrites());
    const ledger = core.ledger.all().map((landed) => {
      let entry = ledgerEntries.get(landed.signature);
      if (!entry) {
        const { tx, ...rest } = landed;
        entry = encodeValue({ ...rest, bytes: tx.bytes }) as Record<string, unknown>;
        ledgerEntries.set(landed.signature, entry);
        for (const key of landed.accountKeys) changed.add(key);
      }
      return entry;
    });
    const accounts: AccountEntry[] = [];
    for (const address of core.ledger.addresses()) {
      let entry = accountEntries.get(address);
      if (entry === undefined || changed.has(address)) {
        entry = accountEntry(address);
        accountEntries.set(address, entry);
      }
      if (entry) accounts.push(entry);
    }
    const tip = core.clock.tip;
    return {
      version: SNAPSHOT_VERSION,
      stateId: input.stateId,
      savedAt: new Date().toISOString(),
      genesisSeed: core.genesisSeed,
      tip: { slot: tip.slot, blockHeight: tip.blockHeight },
      mints: input.mints,
      accounts,
      ledger,
    };
  };
}

/** Writes the snapshot atomically (temp file + rename), so a kill mid-write leaves the old one. */
export function writeChainSnapshot(path: string, snapshot: ChainSnapshot): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.tmp`;
  writeFileSync(temp, JSON.stringify(snapshot), { mode: 0o600 });
  renameSync(temp, path);
}

/** The snapshot at `path`; undefined when there is none or it cannot be used (old layout, torn). */
export function readChainSnapshot(path: string): ChainSnapshot | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const parsed = snapshotSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Puts the snapshot's accounts and ledger into a core created with `resume` from it. */
export function restoreChain(core: ChainCore, snapshot: ChainSnapshot): void {
  for (const account of snapshot.accounts) {
    core.svm.setAccount({
      address: account.address,
      lamports: BigInt(account.lamports),
      data: new Uint8Array(Buffer.from(account.data, 'base64')),
      owner: account.owner,
      executable: account.executable,
    });
  }
  for (const entry of snapshot.ledger) {
    const { bytes, ...rest } = decodeValue(entry) as Omit<LandedTransaction, 'tx'> & {
      bytes: Uint8Array;
    };
    const decoded = decodeTransaction(bytes);
    if (!decoded.ok)
      throw new Error(`chain snapshot holds an undecodable transaction: ${decoded.reason}`);
    core.ledger.add({ ...rest, tx: decoded.tx });
  }
}
