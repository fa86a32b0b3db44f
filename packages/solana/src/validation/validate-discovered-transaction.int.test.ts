import {
  createAssociatedTokenAccountIdempotentInstruction,
  createInitializeMint2Instruction,
  createMintToInstruction,
  createTransferCheckedInstruction,
  createTransferInstruction,
  getAssociatedTokenAddressSync,
  MINT_SIZE,
  TOKEN_PROGRAM_ID,
} from '@solana/spl-token';
import {
  Connection,
  Keypair,
  type PublicKey,
  SystemProgram,
  Transaction,
  TransactionInstruction,
} from '@solana/web3.js';
import { type LocalChain, startLocalChain } from '@solpay/testkit';
import { encodeBase58 } from '@solpay/domain';
import { createGuardInstruction } from '../guard/create-guard-instruction';
import { deriveGuardKeypair } from '../guard/derive-guard-keypair';
import { toTokenUnits } from '@solpay/domain';
import { signSendConfirm } from '../test-support/sign-send-confirm';
import {
  buildTransferTransaction,
  type BuildTransferTransactionInput,
} from '../transfer/build-transfer-transaction';
import { memoProgramId } from '../transfer/memo-program-id';
import {
  type TransferExpectation,
  validateDiscoveredTransaction,
} from './validate-discovered-transaction';

const SECRET = 'validation-test-secret-0123456789abcdefgh';
const AMOUNT = toTokenUnits('49.90', '1', 6, 'up');

let chain: LocalChain;
let connection: Connection;
let counter = 0;

interface Record {
  guard: Keypair;
  reference: PublicKey;
  expectation: TransferExpectation;
}

function newRecord(): Record {
  counter += 1;
  const guard = deriveGuardKeypair({
    secret: SECRET,
    shop: 'acme.myshopify.com',
    kind: 'payment',
    shopifyId: `v-${counter}`,
    generation: 0,
  });
  const reference = Keypair.generate().publicKey;
  return {
    guard,
    reference,
    expectation: {
      gasPubkeys: [Keypair.generate().publicKey, chain.gas.publicKey],
      guard: guard.publicKey,
      mint: chain.mint,
      decimals: 6,
      amount: AMOUNT,
      recipientOwner: chain.merchant.publicKey,
      reference,
    },
  };
}

/** Serves a transaction for `record` (with overrides), lets `payer` sign and send it. */
async function payWith(
  record: Record,
  overrides: Partial<BuildTransferTransactionInput> = {},
  payer: Keypair = chain.buyer,
): Promise<{ signature: string; err: unknown }> {
  const built = await buildTransferTransaction({
    connection,
    gas: chain.gas,
    guard: record.guard,
    payer: payer.publicKey,
    recipientOwner: chain.merchant.publicKey,
    mint: chain.mint,
    decimals: 6,
    amount: AMOUNT,
    reference: record.reference,
    createRecipientAta: true,
    ...overrides,
  });
  return signSendConfirm(connection, built.transaction, [payer], { skipPreflight: true });
}

async function sendInstructions(
  feePayer: Keypair,
  instructions: TransactionInstruction[],
  signers: Keypair[],
) {
  const transaction = new Transaction({
    feePayer: feePayer.publicKey,
    ...(await connection.getLatestBlockhash()),
  }).add(...instructions);
  return signSendConfirm(connection, transaction, [feePayer, ...signers], { skipPreflight: true });
}

const validate = (
  signature: string,
  expectation: TransferExpectation,
  commitment: 'confirmed' | 'finalized' = 'confirmed',
) => validateDiscoveredTransaction(connection, signature, expectation, { commitment });

beforeAll(async () => {
  chain = await startLocalChain({ slotMs: 40, finalizeAfterSlots: 64 });
  connection = new Connection(chain.rpcUrl, 'confirmed');
});

afterAll(async () => {
  await chain?.close();
});

describe('validateDiscoveredTransaction', () => {
  it('accepts our served, landed transaction and names the paying wallet', async () => {
    const record = newRecord();
    const { signature, err } = await payWith(record, { memo: 'order 1' });
    expect(err).toBeNull();
    const result = await validate(signature, record.expectation);
    expect(result).toMatchObject({ ok: true, payer: chain.buyer.publicKey.toBase58() });
    if (!result.ok) throw new Error('unreachable');
    expect(result.slot).toBeGreaterThan(0);

    // The same landed transaction checked against the wrong expectations.
    expect(await validate(signature, { ...record.expectation, decimals: 9 })).toMatchObject({
      ok: false,
      reason: 'wrong-decimals',
    });
    expect(
      await validate(signature, { ...record.expectation, reference: Keypair.generate().publicKey }),
    ).toMatchObject({
      ok: false,
      reason: 'missing-reference',
    });
    expect(
      await validate(signature, { ...record.expectation, guard: newRecord().guard.publicKey }),
    ).toMatchObject({
      ok: false,
      reason: 'missing-guard',
    });
    expect(
      await validate(signature, {
        ...record.expectation,
        gasPubkeys: [Keypair.generate().publicKey],
      }),
    ).toMatchObject({
      ok: false,
      reason: 'foreign-fee-payer',
    });
  });

  it('is not-yet-committed at finalized right after confirmation, and not-found for an unknown signature', async () => {
    const record = newRecord();
    const { signature } = await payWith(record);
    expect(await validate(signature, record.expectation, 'finalized')).toMatchObject({
      ok: false,
      reason: 'not-yet-committed',
    });
    const unknown = encodeBase58(Keypair.generate().secretKey);
    expect(await validate(unknown, record.expectation)).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
  });

  it('rejects a transaction that failed on chain (buyer lacking funds, sent without preflight)', async () => {
    const record = newRecord();
    const poor = await chain.createFundedWallet({ usdc: 1n });
    const { signature, err } = await payWith(record, {}, poor);
    expect(err).not.toBeNull();
    expect(await validate(signature, record.expectation)).toMatchObject({
      ok: false,
      reason: 'failed-on-chain',
    });
  });

  it.each([1n, -1n])('rejects an amount off by %s base unit', async (delta) => {
    const record = newRecord();
    const { signature, err } = await payWith(record, { amount: AMOUNT + delta });
    expect(err).toBeNull();
    expect(await validate(signature, record.expectation)).toMatchObject({
      ok: false,
      reason: 'wrong-amount',
    });
  });

  it('rejects a transfer of another mint', async () => {
    const mint = Keypair.generate();
    const authority = Keypair.generate();
    const rent = await connection.getMinimumBalanceForRentExemption(MINT_SIZE);
    const funder = await chain.createFundedWallet({ lamports: 1_000_000_000n });
    const created = await sendInstructions(
      funder,
      [
        SystemProgram.createAccount({
          fromPubkey: funder.publicKey,
          newAccountPubkey: mint.publicKey,
          lamports: rent,
          space: MINT_SIZE,
          programId: TOKEN_PROGRAM_ID,
        }),
        createInitializeMint2Instruction(mint.publicKey, 6, authority.publicKey, null),
        createAssociatedTokenAccountIdempotentInstruction(
          funder.publicKey,
          getAssociatedTokenAddressSync(mint.publicKey, chain.buyer.publicKey),
          chain.buyer.publicKey,
          mint.publicKey,
        ),
        createMintToInstruction(
          mint.publicKey,
          getAssociatedTokenAddressSync(mint.publicKey, chain.buyer.publicKey),
          authority.publicKey,
          AMOUNT,
        ),
      ],
      [mint, authority],
    );
    expect(created.err).toBeNull();

    const record = newRecord();
    const { signature, err } = await payWith(record, { mint: mint.publicKey });
    expect(err).toBeNull();
    expect(await validate(signature, record.expectation)).toMatchObject({
      ok: false,
      reason: 'wrong-mint',
    });
  });

  it('rejects a transfer to another destination', async () => {
    const record = newRecord();
    const { signature, err } = await payWith(record, {
      recipientOwner: Keypair.generate().publicKey,
    });
    expect(err).toBeNull();
    expect(await validate(signature, record.expectation)).toMatchObject({
      ok: false,
      reason: 'wrong-destination',
    });
  });

  it('rejects a buyer-built plain transfer carrying the reference (no guard)', async () => {
    const record = newRecord();
    const transfer = createTransferCheckedInstruction(
      getAssociatedTokenAddressSync(chain.mint, chain.buyer.publicKey),
      chain.mint,
      getAssociatedTokenAddressSync(chain.mint, chain.merchant.publicKey),
      chain.buyer.publicKey,
      AMOUNT,
      6,
    );
    transfer.keys.push({ pubkey: record.reference, isSigner: false, isWritable: false });
    const { signature, err } = await sendInstructions(chain.buyer, [transfer], []);
    expect(err).toBeNull();
    expect(await validate(signature, record.expectation)).toMatchObject({
      ok: false,
      reason: 'missing-guard',
    });
  });

  it('rejects a transaction whose fee payer is not one of our gas keys, even with the guard', async () => {
    const record = newRecord();
    const stranger = await chain.createFundedWallet({ lamports: 1_000_000_000n });
    const { signature, err } = await payWith(record, { gas: stranger });
    expect(err).toBeNull();
    expect(await validate(signature, record.expectation)).toMatchObject({
      ok: false,
      reason: 'foreign-fee-payer',
    });
  });

  it('rejects a last instruction that is not an SPL Token TransferChecked', async () => {
    const rent = await connection.getMinimumBalanceForRentExemption(0);
    const memoLast = newRecord();
    const memo = await sendInstructions(
      chain.gas,
      [
        createGuardInstruction({
          gas: chain.gas.publicKey,
          guard: memoLast.guard.publicKey,
          rentLamports: rent,
        }),
        new TransactionInstruction({
          programId: memoProgramId(),
          keys: [],
          data: Buffer.from('hi'),
        }),
      ],
      [memoLast.guard],
    );
    expect(memo.err).toBeNull();
    expect(await validate(memo.signature, memoLast.expectation)).toMatchObject({
      ok: false,
      reason: 'wrong-program',
    });

    const plain = newRecord();
    const transfer = createTransferInstruction(
      getAssociatedTokenAddressSync(chain.mint, chain.buyer.publicKey),
      getAssociatedTokenAddressSync(chain.mint, chain.merchant.publicKey),
      chain.buyer.publicKey,
      AMOUNT,
    );
    transfer.keys.push({ pubkey: plain.reference, isSigner: false, isWritable: false });
    const sent = await sendInstructions(
      chain.gas,
      [
        createGuardInstruction({
          gas: chain.gas.publicKey,
          guard: plain.guard.publicKey,
          rentLamports: rent,
        }),
        transfer,
      ],
      [plain.guard, chain.buyer],
    );
    expect(sent.err).toBeNull();
    expect(await validate(sent.signature, plain.expectation)).toMatchObject({
      ok: false,
      reason: 'not-transfer-checked',
    });
  });

  it('rejects a transfer whose destination balance did not move by the amount (self-transfer)', async () => {
    const record = newRecord();
    const { signature, err } = await payWith(record, { recipientOwner: chain.buyer.publicKey });
    expect(err).toBeNull();
    expect(
      await validate(signature, { ...record.expectation, recipientOwner: chain.buyer.publicKey }),
    ).toMatchObject({ ok: false, reason: 'balance-mismatch' });
  });
});
