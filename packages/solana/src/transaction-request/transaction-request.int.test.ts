import { fetchTransaction } from '@solana/pay';
import { TOKEN_PROGRAM_ID } from '@solana/spl-token';
import { Connection, Keypair, SystemProgram } from '@solana/web3.js';
import { type LocalChain, startLocalChain } from '@solpay/testkit';
import { encodeBase58 } from '@solpay/domain';
import { deriveGuardKeypair } from '../guard/derive-guard-keypair';
import { inspectGuard } from '../guard/inspect-guard';
import { toTokenUnits } from '@solpay/domain';
import { signSendConfirm } from '../test-support/sign-send-confirm';
import { tokenBalance } from '../test-support/token-balance';
import {
  startTransactionRequestServer,
  type TestRecord,
  type TransactionRequestServer,
} from '../test-support/transaction-request-server';
import { MEMO_PROGRAM_ADDRESS } from '../transfer/memo-program-id';
import { validateDiscoveredTransaction } from '../validation/validate-discovered-transaction';

const SECRET = 'transaction-request-test-secret-0123456789';
const SHOP = 'acme.myshopify.com';

let chain: LocalChain;
let connection: Connection;
let server: TransactionRequestServer;
const records = new Map<string, TestRecord>();

function addRecord(id: string, amount = '49.90'): TestRecord {
  const record: TestRecord = {
    guard: deriveGuardKeypair({
      secret: SECRET,
      shop: SHOP,
      kind: 'payment',
      shopifyId: id,
      generation: 0,
    }),
    reference: Keypair.generate().publicKey,
    amount: toTokenUnits(amount, '1', 6, 'up'),
    recipientOwner: chain.merchant.publicKey,
    memo: `Acme Store order ${id}`,
    served: [],
  };
  records.set(id, record);
  return record;
}

async function post(
  id: string,
  body: string,
): Promise<{ status: number; json: { message?: string } }> {
  const response = await fetch(`${server.origin}/tx/${id}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
  });
  return { status: response.status, json: (await response.json()) as { message?: string } };
}

beforeAll(async () => {
  chain = await startLocalChain({ slotMs: 40 });
  connection = new Connection(chain.rpcUrl, 'confirmed');
  server = await startTransactionRequestServer({
    connection,
    gas: chain.gas,
    mint: chain.mint,
    decimals: 6,
    records,
  });
});

afterAll(async () => {
  await server?.close();
  await chain?.close();
});

describe('transaction request served by our builder', () => {
  it('answers GET with label and icon, and OPTIONS with CORS headers', async () => {
    addRecord('meta');
    const response = await fetch(`${server.origin}/tx/meta`);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toEqual({
      label: 'Acme Store',
      icon: 'https://acme.example/icon.svg',
    });
    const options = await fetch(`${server.origin}/tx/meta`, { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
  });

  it('a wallet fetches, signs and sends it; the merchant receives exactly the amount', async () => {
    const record = addRecord('pay-1');
    const merchantBefore = await tokenBalance(connection, chain.merchant.publicKey, chain.mint);
    const buyerBefore = await tokenBalance(connection, chain.buyer.publicKey, chain.mint);

    const transaction = await fetchTransaction(
      connection,
      chain.buyer.publicKey,
      `${server.origin}/tx/pay-1?session=x`,
    );

    expect(transaction.feePayer?.equals(chain.gas.publicKey)).toBe(true);
    expect(transaction.signatures[0]?.publicKey.equals(chain.gas.publicKey)).toBe(true);
    const programs = transaction.instructions.map((ix) => ix.programId.toBase58());
    expect(programs[0]).toBe(SystemProgram.programId.toBase58());
    expect(programs.at(-2)).toBe(MEMO_PROGRAM_ADDRESS);
    expect(programs.at(-1)).toBe(TOKEN_PROGRAM_ID.toBase58());
    const referenceKey = transaction.instructions.at(-1)?.keys.at(-1);
    expect(referenceKey?.pubkey.equals(record.reference)).toBe(true);
    expect(referenceKey?.isSigner).toBe(false);
    expect(referenceKey?.isWritable).toBe(false);
    expect(transaction.serialize({ requireAllSignatures: false }).length).toBeLessThanOrEqual(1232);

    const { signature, err } = await signSendConfirm(connection, transaction, [chain.buyer]);
    expect(err).toBeNull();
    expect(signature).toBe(record.served[0]?.signature);
    expect(await tokenBalance(connection, chain.merchant.publicKey, chain.mint)).toBe(
      merchantBefore + record.amount,
    );
    expect(await tokenBalance(connection, chain.buyer.publicKey, chain.mint)).toBe(
      buyerBefore - record.amount,
    );

    const validation = await validateDiscoveredTransaction(
      connection,
      signature,
      {
        gasPubkeys: [chain.gas.publicKey],
        guard: record.guard.publicKey,
        mint: chain.mint,
        decimals: 6,
        amount: record.amount,
        recipientOwner: chain.merchant.publicKey,
        reference: record.reference,
      },
      { commitment: 'confirmed' },
    );
    expect(validation).toMatchObject({ ok: true, payer: chain.buyer.publicKey.toBase58() });
    expect(
      await inspectGuard(connection, {
        guard: record.guard.publicKey,
        servedSignatures: [signature],
      }),
    ).toEqual({
      state: 'consumed-by-us',
      signature,
    });
  });

  it('of several transactions served for one record exactly one lands; the others fail with Custom(0)', async () => {
    const record = addRecord('pay-twice');
    const second = await chain.createFundedWallet({ usdc: 100_000_000n });
    const merchantBefore = await tokenBalance(connection, chain.merchant.publicKey, chain.mint);
    const buyerBefore = await tokenBalance(connection, chain.buyer.publicKey, chain.mint);
    const secondBefore = await tokenBalance(connection, second.publicKey, chain.mint);

    const link = `${server.origin}/tx/pay-twice`;
    const first = await fetchTransaction(connection, chain.buyer.publicKey, link);
    await chain.advanceSlots(1);
    const again = await fetchTransaction(connection, chain.buyer.publicKey, link);
    const other = await fetchTransaction(connection, second.publicKey, link);
    expect(new Set(record.served.map((built) => built.signature)).size).toBe(3);

    const landed = await signSendConfirm(connection, other, [second]);
    expect(landed.err).toBeNull();
    for (const transaction of [first, again]) {
      const failed = await signSendConfirm(connection, transaction, [chain.buyer], {
        skipPreflight: true,
      });
      expect(failed.err).toEqual({ InstructionError: [0, { Custom: 0 }] });
    }

    expect(await tokenBalance(connection, chain.merchant.publicKey, chain.mint)).toBe(
      merchantBefore + record.amount,
    );
    expect(await tokenBalance(connection, second.publicKey, chain.mint)).toBe(
      secondBefore - record.amount,
    );
    expect(await tokenBalance(connection, chain.buyer.publicKey, chain.mint)).toBe(buyerBefore);
    expect(
      await inspectGuard(connection, {
        guard: record.guard.publicKey,
        servedSignatures: record.served.map((built) => built.signature),
      }),
    ).toEqual({ state: 'consumed-by-us', signature: landed.signature });
  });

  it('answers 400 with a message for a bad account', async () => {
    addRecord('bad-account');
    const short = Keypair.generate().publicKey.toBytes().slice(0, 31);
    const shortBase58 = encodeBase58(short);
    const cases: Array<[string, string]> = [
      [JSON.stringify({ account: 'not-base58-0OIl' }), 'Invalid account: not base58'],
      [JSON.stringify({ account: shortBase58 }), 'Invalid account: wrong length'],
      [JSON.stringify({}), 'Missing account'],
      [JSON.stringify({ wallet: chain.buyer.publicKey.toBase58() }), 'Missing account'],
    ];
    for (const [body, message] of cases) {
      const response = await post('bad-account', body);
      expect(response.status).toBe(400);
      expect(response.json.message).toBe(message);
    }
    expect(records.get('bad-account')?.served).toHaveLength(0);
  });

  it('refuses to serve a wallet that lacks the funds, with a readable message', async () => {
    addRecord('poor');
    const poor = await chain.createFundedWallet({ usdc: 1n });
    const response = await post('poor', JSON.stringify({ account: poor.publicKey.toBase58() }));
    expect(response.status).toBe(422);
    expect(response.json.message).toBe('The wallet holds 0.000001 USDC; 49.90 USDC is needed');
    expect(records.get('poor')?.served).toHaveLength(0);
  });

  it('answers 404 for an unknown record', async () => {
    const response = await post(
      'nope',
      JSON.stringify({ account: chain.buyer.publicKey.toBase58() }),
    );
    expect(response.status).toBe(404);
    expect(response.json.message).toBe('Unknown payment');
  });
});
