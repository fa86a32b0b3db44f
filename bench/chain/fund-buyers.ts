import {
  createAssociatedTokenAccountIdempotentInstruction,
  createTransferCheckedInstruction,
  getAssociatedTokenAddressSync,
} from '@solana/spl-token';
import {
  Connection,
  Keypair,
  PublicKey,
  Transaction,
  sendAndConfirmTransaction,
} from '@solana/web3.js';

/** Wallets created per funding transaction (two instructions each; stays under 1232 bytes). */
const PER_TRANSACTION = 6;

/**
 * Creates `count` new buyer wallets and gives each `usdcEach` base units of the mint from
 * `funder` (who also pays their ATAs and the fees). Buyers need no SOL: our gas key pays the fees
 * of the transactions they sign.
 */
export async function fundBuyers(
  rpcUrl: string,
  funder: Keypair,
  mintAddress: string,
  count: number,
  usdcEach: bigint,
): Promise<Keypair[]> {
  const connection = new Connection(rpcUrl, 'confirmed');
  const mint = new PublicKey(mintAddress);
  const source = getAssociatedTokenAddressSync(mint, funder.publicKey);
  const buyers = Array.from({ length: count }, () => Keypair.generate());
  for (let i = 0; i < buyers.length; i += PER_TRANSACTION) {
    const tx = new Transaction();
    for (const buyer of buyers.slice(i, i + PER_TRANSACTION)) {
      const ata = getAssociatedTokenAddressSync(mint, buyer.publicKey);
      tx.add(
        createAssociatedTokenAccountIdempotentInstruction(
          funder.publicKey,
          ata,
          buyer.publicKey,
          mint,
        ),
        createTransferCheckedInstruction(source, mint, ata, funder.publicKey, usdcEach, 6),
      );
    }
    await sendAndConfirmTransaction(connection, tx, [funder], { commitment: 'confirmed' });
  }
  return buyers;
}
