import { ASSOCIATED_TOKEN_PROGRAM_ID, TOKEN_PROGRAM_ID } from '@solana/spl-token';
import { Connection, Keypair, SystemProgram, Transaction } from '@solana/web3.js';
import { encodeBase58 } from '@solpay/domain';
import { MEMO_PROGRAM_ADDRESS } from './memo-program-id';
import {
  buildTransferTransaction,
  type BuildTransferTransactionInput,
} from './build-transfer-transaction';

// Every input the builder would read from the RPC is given, so no request is made.
const offline = new Connection('http://127.0.0.1:9');
const gas = Keypair.generate();
const guard = Keypair.generate();
const payer = Keypair.generate().publicKey;
const input: BuildTransferTransactionInput = {
  connection: offline,
  gas,
  guard,
  payer,
  recipientOwner: Keypair.generate().publicKey,
  mint: Keypair.generate().publicKey,
  decimals: 6,
  amount: 49_900_000n,
  reference: Keypair.generate().publicKey,
  memo: 'Acme Store order #1042',
  blockhash: { blockhash: Keypair.generate().publicKey.toBase58(), lastValidBlockHeight: 1234 },
  rentLamports: 890_880,
  createRecipientAta: true,
};

describe('buildTransferTransaction', () => {
  it('builds guard, ATA, memo, TransferChecked+reference with gas as first signer', async () => {
    const built = await buildTransferTransaction(input);
    const decoded = Transaction.from(Buffer.from(built.base64, 'base64'));

    expect(decoded.feePayer?.equals(gas.publicKey)).toBe(true);
    expect(decoded.signatures.map((s) => s.publicKey.toBase58())).toEqual([
      gas.publicKey.toBase58(),
      guard.publicKey.toBase58(),
      payer.toBase58(),
    ]);
    expect(decoded.instructions.map((ix) => ix.programId.toBase58())).toEqual([
      SystemProgram.programId.toBase58(),
      ASSOCIATED_TOKEN_PROGRAM_ID.toBase58(),
      MEMO_PROGRAM_ADDRESS,
      TOKEN_PROGRAM_ID.toBase58(),
    ]);
    const transfer = decoded.instructions.at(-1);
    expect(transfer?.data[0]).toBe(12);
    expect(transfer?.data.readBigUInt64LE(1)).toBe(49_900_000n);
    expect(transfer?.keys.at(-1)).toEqual({
      pubkey: input.reference,
      isSigner: false,
      isWritable: false,
    });
    expect(decoded.instructions[2]?.data.toString('utf8')).toBe('Acme Store order #1042');

    // What a wallet checks (@solana/pay fetchTransaction): present signatures verify, only the payer's is missing.
    expect(decoded.signatures.find((s) => s.publicKey.equals(payer))?.signature).toBeNull();
    expect(decoded.signatures.filter((s) => s.signature === null)).toHaveLength(1);
    expect(decoded.verifySignatures(false)).toBe(true);
    const tampered = Transaction.from(Buffer.from(built.base64, 'base64'));
    tampered.signatures[1]!.signature![0]! ^= 1;
    expect(tampered.verifySignatures(false)).toBe(false);
    expect(built.lastValidBlockHeight).toBe(1234);
    expect(built.signature).toBe(encodeBase58(decoded.signatures[0]!.signature!));
    expect(Buffer.from(built.base64, 'base64').length).toBeLessThanOrEqual(1232);
  });

  it('leaves out the ATA and memo instructions when not asked', async () => {
    const { memo: _memo, ...rest } = input;
    const built = await buildTransferTransaction({ ...rest, createRecipientAta: false });
    expect(built.transaction.instructions.map((ix) => ix.programId.toBase58())).toEqual([
      SystemProgram.programId.toBase58(),
      TOKEN_PROGRAM_ID.toBase58(),
    ]);
  });

  it('refuses a non-positive amount and a transaction over 1232 bytes', async () => {
    await expect(buildTransferTransaction({ ...input, amount: 0n })).rejects.toThrow(RangeError);
    await expect(buildTransferTransaction({ ...input, memo: 'x'.repeat(1000) })).rejects.toThrow(
      /1232/,
    );
  });
});
