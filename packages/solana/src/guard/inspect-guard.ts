import type { AccountInfo, Commitment, Connection, PublicKey } from '@solana/web3.js';

/** Inputs of {@link inspectGuard}. */
export interface InspectGuardInput {
  /** The guard address of the record's current generation. */
  guard: PublicKey;
  /** Signatures of every transfer transaction served with this guard (not a burn or sweep). */
  servedSignatures: readonly string[];
  /** Commitment for the account read; default `confirmed`. */
  commitment?: Commitment;
  /** More accounts to read in the same `getMultipleAccounts` (e.g. the payer's token account). */
  alsoRead?: readonly PublicKey[];
}

/**
 * State of a guard before serving:
 * - `fresh`: the address is empty; transactions built with it can land.
 * - `consumed-by-us`: one of our served transactions landed successfully (`signature`): the
 *   record is paid — validate that transaction instead of serving.
 * - `blocked`: the address holds lamports but none of our served transactions landed, so a
 *   third party pre-funded it; move to `generation + 1`. That is safe: only we can sign for the
 *   guard and `createAccount` fails on it, so nothing built with the old guard can ever land.
 *   A record whose guard was *burned* (rejected) must never be served again; the caller keeps
 *   that rule, since a burned guard also reads as `blocked`.
 */
export type GuardState =
  { state: 'fresh' } | { state: 'consumed-by-us'; signature: string } | { state: 'blocked' };

const STATUS_BATCH = 256;

/**
 * Reads the guard account (with `alsoRead`, in one `getMultipleAccounts`) and the served
 * signatures' statuses concurrently — one round trip for up to 256 served signatures; see
 * {@link GuardState}. `accounts` (only when `alsoRead` is given) are those accounts, `null`
 * where absent.
 */
export async function inspectGuard(
  connection: Connection,
  { guard, servedSignatures, commitment = 'confirmed', alsoRead = [] }: InspectGuardInput,
): Promise<GuardState & { accounts?: Array<AccountInfo<Buffer> | null> }> {
  const statuses = async (): Promise<string | undefined> => {
    for (let start = 0; start < servedSignatures.length; start += STATUS_BATCH) {
      const batch = servedSignatures.slice(start, start + STATUS_BATCH);
      const { value } = await connection.getSignatureStatuses([...batch], {
        searchTransactionHistory: true,
      });
      const index = value.findIndex((status) => status !== null && status.err === null);
      const landed = index >= 0 ? batch[index] : undefined;
      if (landed !== undefined) return landed;
    }
    return undefined;
  };
  const [landed, [guardAccount, ...accounts]] = await Promise.all([
    statuses(),
    connection.getMultipleAccountsInfo([guard, ...alsoRead], commitment),
  ]);
  const extra = alsoRead.length > 0 ? { accounts } : {};
  if (landed !== undefined) return { state: 'consumed-by-us', signature: landed, ...extra };
  const lamports = guardAccount?.lamports ?? 0;
  return { ...(lamports > 0 ? { state: 'blocked' } : { state: 'fresh' }), ...extra };
}
