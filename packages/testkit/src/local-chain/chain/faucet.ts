import {
  ComputeBudgetProgram,
  Keypair,
  PublicKey,
  SystemProgram,
  Transaction,
  type TransactionInstruction,
} from '@solana/web3.js';
import {
  MINT_SIZE,
  TOKEN_PROGRAM_ID,
  createAssociatedTokenAccountIdempotentInstruction,
  createInitializeMint2Instruction,
  createMintToInstruction,
  getAssociatedTokenAddressSync,
} from '@solana/spl-token';
import { encodeBase58 } from './base58';
import type { ChainCore } from './chain-core';
import { describeTransactionError } from './transaction-error';

const FAUCET_LAMPORTS = 1_000_000_000_000_000_000n;

/**
 * Funds accounts through real, recorded transactions signed by a faucet key, so airdrops and
 * mints show up in the ledger (`getSignaturesForAddress`, `getTransaction`) like on a cluster.
 */
export class Faucet {
  /** The faucet key (fee payer of every funding transaction). */
  readonly keypair = Keypair.generate();

  constructor(private readonly core: ChainCore) {
    core.svm.setAccount({
      address: this.keypair.publicKey.toBase58(),
      lamports: FAUCET_LAMPORTS,
      data: new Uint8Array(0),
      owner: SystemProgram.programId.toBase58(),
      executable: false,
    });
  }

  /** Transfers `lamports` from the faucet to `to`; returns the signature. */
  airdrop(to: PublicKey, lamports: bigint): string {
    return this.run(
      [SystemProgram.transfer({ fromPubkey: this.keypair.publicKey, toPubkey: to, lamports })],
      [],
    );
  }

  /** Creates and initializes a mint at `mint` owned by `programId` (SPL Token or Token-2022). */
  createMint(
    mint: Keypair,
    authority: PublicKey,
    decimals: number,
    programId: PublicKey = TOKEN_PROGRAM_ID,
  ): string {
    const rent = this.core.svm.minimumBalance(BigInt(MINT_SIZE));
    return this.run(
      [
        SystemProgram.createAccount({
          fromPubkey: this.keypair.publicKey,
          newAccountPubkey: mint.publicKey,
          lamports: Number(rent),
          space: MINT_SIZE,
          programId,
        }),
        createInitializeMint2Instruction(mint.publicKey, decimals, authority, null, programId),
      ],
      [mint],
    );
  }

  /** Creates `owner`'s ATA for `mint` if missing and mints `amount` base units into it. */
  mintTo(
    mint: PublicKey,
    authority: Keypair,
    owner: PublicKey,
    amount: bigint,
    programId: PublicKey = TOKEN_PROGRAM_ID,
  ): string {
    const ata = getAssociatedTokenAddressSync(mint, owner, true, programId);
    const instructions: TransactionInstruction[] = [
      createAssociatedTokenAccountIdempotentInstruction(
        this.keypair.publicKey,
        ata,
        owner,
        mint,
        programId,
      ),
    ];
    if (amount > 0n)
      instructions.push(
        createMintToInstruction(mint, ata, authority.publicKey, amount, [], programId),
      );
    return this.run(instructions, amount > 0n ? [authority] : []);
  }

  private run(instructions: TransactionInstruction[], signers: Keypair[]): string {
    let tx = this.build(instructions, signers, 0);
    // The same funding in the same block would repeat a signature; vary the message instead.
    for (let attempt = 1; this.core.ledger.get(this.signatureOf(tx)); attempt += 1) {
      tx = this.build(instructions, signers, attempt);
    }
    const result = this.core.processor.send(tx.serialize(), { skipPreflight: false });
    if (result.ok) return result.signature;
    const reason =
      result.reason === 'rejected'
        ? `${describeTransactionError(result.report.err ?? 'unknown')}\n${result.report.logs.join('\n')}`
        : result.reason;
    throw new Error(`local chain funding transaction failed: ${reason}`);
  }

  private build(instructions: TransactionInstruction[], signers: Keypair[], variant: number) {
    const tx = new Transaction({
      feePayer: this.keypair.publicKey,
      blockhash: this.core.clock.tip.blockhash,
      lastValidBlockHeight: this.core.clock.tip.blockHeight + this.core.clock.lifetime,
    });
    if (variant > 0) tx.add(ComputeBudgetProgram.setComputeUnitLimit({ units: 200_000 + variant }));
    tx.add(...instructions);
    tx.sign(this.keypair, ...signers);
    return tx;
  }

  private signatureOf(tx: Transaction): string {
    return tx.signature ? encodeBase58(tx.signature) : '';
  }
}
