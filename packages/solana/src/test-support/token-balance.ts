import { getAssociatedTokenAddressSync } from '@solana/spl-token';
import type { Connection, PublicKey } from '@solana/web3.js';

/** Token balance of `owner`'s ATA for `mint` in base units (0 when the ATA is missing). Test support. */
export async function tokenBalance(
  connection: Connection,
  owner: PublicKey,
  mint: PublicKey,
): Promise<bigint> {
  const ata = getAssociatedTokenAddressSync(mint, owner, true);
  const info = await connection.getAccountInfo(ata, 'confirmed');
  if (!info) return 0n;
  return BigInt((await connection.getTokenAccountBalance(ata, 'confirmed')).value.amount);
}
