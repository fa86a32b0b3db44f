/**
 * Guard generations that can no longer pay (issue 11, defects 1, 5 and 6), on the local stack
 * (real database, local chain, Shopify simulator), with `@solana/pay`'s `fetchTransaction` as the
 * wallet. No background worker runs: each test calls the discovery poll itself, so the order of
 * events is the test's.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { fetchTransaction } from '@solana/pay';
import { PublicKey, Transaction } from '@solana/web3.js';
import {
  runDiscoveryPoll,
  serveTransaction,
  type ChainPort,
  type EngineDeps,
} from '@solpay/domain';
import { transactionEngine } from '@solpay/composition';
import { httpErrorRuleOf } from '@solpay/lambda';
import { startPaymentHarness, until, type PaymentHarness } from '../test-support/payment-harness';
import { portal, signIn, type PortalLogin } from '../test-support/merchant-harness';

jest.setTimeout(60_000);

let h: PaymentHarness;
let engine: EngineDeps;

const chain = () => h.stack.chain!;
const sim = () => h.stack.simulator!;
const link = (paymentId: string) => `${h.stack.urls.purple}/tx/payment/${paymentId}`;
const postAccount = (paymentId: string, account: string) =>
  h.request(link(paymentId), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account }),
  });
const payment = (id: string) => h.stack.prisma.paymentRecord.findUniqueOrThrow({ where: { id } });
const rejectsFor = (gid: string) =>
  sim()
    .mutations()
    .filter((m) => m.mutation === 'paymentSessionReject' && m.variables.id === gid);
const resolvesFor = (gid: string) =>
  sim()
    .mutations()
    .filter((m) => m.mutation === 'paymentSessionResolve' && m.variables.id === gid);
const expire = (paymentId: string) =>
  h.stack.prisma.paymentRecord.update({
    where: { id: paymentId },
    data: { expiresAt: new Date(Date.now() - 1000) },
  });

/**
 * Lands a transaction we served for `paymentId` that pays from the payout wallet to itself: what
 * a self-pay produced before serving refused it. Built and recorded through the engine's own
 * chain adapter and store (bypassing only the serve-time check), signed by the merchant.
 */
async function landSelfTransfer(paymentId: string): Promise<string> {
  const record = (await engine.records.findRecord('payment', paymentId))!;
  const generation = await engine.records.currentGuardGeneration('payment', paymentId);
  const guard = { shop: record.shop, kind: 'payment' as const, shopifyId: record.shopifyId };
  const built = await engine.chain.buildTransfer({
    guard: { ...guard, generation },
    payer: record.recipientWallet!,
    recipientWallet: record.recipientWallet!,
    mint: record.mint,
    tokenProgram: record.tokenProgram,
    tokenSymbol: record.tokenSymbol,
    decimals: record.decimals,
    amount: record.tokenAmount,
    reference: record.referenceKey,
  });
  if (!built.ok) throw new Error(built.message);
  const recorded = await engine.records.recordServedTransaction({
    kind: 'payment',
    recordId: paymentId,
    generation,
    guardAddress: built.guardAddress,
    signature: built.signature,
    account: record.recipientWallet!,
    lastValidBlockHeight: built.lastValidBlockHeight,
  });
  expect(recorded).toBe('recorded');
  const transaction = Transaction.from(Buffer.from(built.base64, 'base64'));
  const signature = await h.sendAndFinalize(transaction, [chain().merchant]);
  const { value } = await h.connection.getSignatureStatuses([signature], {
    searchTransactionHistory: true,
  });
  // It lands successfully and consumes the guard, yet pays nobody.
  expect(value[0]?.err).toBeNull();
  return signature;
}

beforeAll(async () => {
  h = await startPaymentHarness({ env: process.env, workers: [] });
  engine = transactionEngine();
  // The payout wallet holds USDC, so a self-pay would pass the balance check and simulation.
  await chain().mintTo(chain().merchant.publicKey, 1_000_000_000n);
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('defect 1: self-pay', () => {
  it('answers 422 to the payout wallet paying itself, serves nothing, and another wallet can still pay', async () => {
    const { paymentId, gid } = await h.placeOrder('4.00');

    const refused = await postAccount(paymentId, chain().merchant.publicKey.toBase58());
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({ code: expect.any(String) });
    expect(String(refused.json?.message)).toMatch(/payout wallet|same account|itself/i);
    expect(await h.stack.prisma.servedTransaction.count({ where: { paymentId } })).toBe(0);
    expect((await payment(paymentId)).status).toBe('OPEN');

    const transaction = await fetchTransaction(
      h.connection,
      chain().buyer.publicKey,
      link(paymentId),
    );
    const signature = await h.sendAndFinalize(transaction, [chain().buyer]);
    await runDiscoveryPoll(engine);
    expect(await payment(paymentId)).toMatchObject({ status: 'PAID', signature });
    await until(async () => (resolvesFor(gid).length > 0 ? true : undefined), 'the resolve');
  });

  it('treats a guard consumed by a transaction that does not pay as a dead generation: the next serve rotates and pays', async () => {
    const { paymentId, gid } = await h.placeOrder('5.00');
    const refusedSignature = await landSelfTransfer(paymentId);

    // The poll sees the landed transaction, validation refuses it: the record stays payable.
    await runDiscoveryPoll(engine);
    expect((await payment(paymentId)).status).toBe('OPEN');
    const refused = await h.stack.prisma.servedTransaction.findUniqueOrThrow({
      where: { signature: refusedSignature },
    });
    expect(refused.status).toBe('REFUSED');
    const dead = await h.stack.prisma.singleUseGuard.findFirstOrThrow({
      where: { paymentId, generation: 0 },
    });
    expect(dead).toMatchObject({ status: 'ABANDONED', consumedSignature: refusedSignature });

    const transaction = await fetchTransaction(
      h.connection,
      chain().buyer.publicKey,
      link(paymentId),
    );
    const served = await h.stack.prisma.servedTransaction.findMany({
      where: { paymentId, account: chain().buyer.publicKey.toBase58() },
    });
    expect(served.map((row) => row.guardGeneration)).toEqual([1]);
    const signature = await h.sendAndFinalize(transaction, [chain().buyer]);
    await runDiscoveryPoll(engine);
    expect(await payment(paymentId)).toMatchObject({ status: 'PAID', signature });
    await until(async () => (resolvesFor(gid).length > 0 ? true : undefined), 'the resolve');
    expect(rejectsFor(gid)).toHaveLength(0);
  });

  it('rejects at expiry a record whose only landed transaction does not pay (never "landing" forever)', async () => {
    const { paymentId, gid } = await h.placeOrder('6.00');
    await landSelfTransfer(paymentId);
    await expire(paymentId);

    const report = await runDiscoveryPoll(engine);
    expect(report.errors).toBe(0);
    expect((await payment(paymentId)).status).toBe('REJECTED');
    await until(async () => (rejectsFor(gid).length > 0 ? true : undefined), 'the reject');
    expect(resolvesFor(gid)).toHaveLength(0);
  });
});

describe('defect 5: a sweep never reopens a guard a serve is still using', () => {
  it('refuses to record a transaction built on a generation that was abandoned and swept meanwhile', async () => {
    const { paymentId } = await h.placeOrder('7.00');
    const record = (await engine.records.findRecord('payment', paymentId))!;
    const guard0 = engine.chain.guardAddress({
      shop: record.shop,
      kind: 'payment',
      shopifyId: record.shopifyId,
      generation: 0,
    });

    // Serve A stops right after building its transaction on generation 0, before recording it.
    let built!: () => void;
    const builtSignal = new Promise<void>((resolve) => (built = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const gatedChain: ChainPort = {
      ...engine.chain,
      async buildTransfer(input) {
        const result = await engine.chain.buildTransfer(input);
        built();
        await gate;
        return result;
      },
    };
    const serveA = serveTransaction(
      { ...engine, chain: gatedChain },
      { kind: 'payment', recordId: paymentId, account: chain().buyer.publicKey.toBase58() },
    ).then(
      (answer) => ({ ok: true as const, answer }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    await builtSignal;

    // A third party pre-funds generation 0; serve B abandons it and serves generation 1.
    await chain().airdrop(new PublicKey(guard0), 1_000_000n);
    const fromB = await fetchTransaction(h.connection, chain().buyer.publicKey, link(paymentId));
    expect(fromB).toBeDefined();
    // The poll sweeps generation 0 (nothing recorded on it, so nothing seems able to land).
    await runDiscoveryPoll(engine);
    const g0 = await h.stack.prisma.singleUseGuard.findFirstOrThrow({
      where: { paymentId, generation: 0 },
    });
    expect(['ABANDONED', 'SWEPT']).toContain(g0.status);

    // A resumes: its generation is no longer current, so it must not be recorded or served.
    release();
    const outcome = await serveA;
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(httpErrorRuleOf(outcome.error).status).toBe(409);
    const onG0 = await h.stack.prisma.servedTransaction.count({
      where: { paymentId, guardGeneration: 0 },
    });
    expect(onG0).toBe(0);
  });
});

describe('defect 6: expiry', () => {
  let login: PortalLogin;
  beforeAll(async () => {
    login = await signIn(h);
  }, 60_000);

  it('tells Shopify the session expired unpaid, and shows "expired" in the portal and to the buyer', async () => {
    const { paymentId, gid } = await h.placeOrder('8.00');
    await expire(paymentId);
    await runDiscoveryPoll(engine);
    expect((await payment(paymentId)).status).toBe('REJECTED');

    await until(async () => (rejectsFor(gid).length > 0 ? true : undefined), 'the reject');
    const reason = rejectsFor(gid)[0]?.variables.reason as {
      code: string;
      merchantMessage: string;
    };
    expect(reason.code).toBe('CANCELLED_PAYMENT');
    expect(reason.merchantMessage).toMatch(/expired/i);
    expect(reason.merchantMessage).toMatch(/unpaid|not paid|no payment/i);

    const expired = await portal(h, login, '/portal/payments?status=EXPIRED');
    expect(expired.status).toBe(200);
    const expiredIds = (expired.json?.items as Array<{ id: string; status: string }>).map(
      (item) => [item.id, item.status],
    );
    expect(expiredIds).toContainEqual([paymentId, 'EXPIRED']);
    const rejected = await portal(h, login, '/portal/payments?status=REJECTED');
    const rejectedIds = (rejected.json?.items as Array<{ id: string }>).map((item) => item.id);
    expect(rejectedIds).not.toContain(paymentId);

    const status = await h.request(`${h.stack.urls.purple}/checkout/payments/${paymentId}`);
    expect(status.json).toMatchObject({ status: 'REJECTED', closedReason: 'expired' });

    const back = await until(async () => {
      const row = await payment(paymentId);
      return row.redirectUrl ?? undefined;
    }, 'the redirect URL');
    const page = await fetch(back);
    const text = await page.text();
    expect(text).not.toMatch(/declined/i);
    expect(text).toMatch(/expired|not completed/i);
  });
});

describe('issue 13, item 3: no burn for a guard nothing was served with', () => {
  it('rejects an expired session that was never served without a burn, once', async () => {
    const { paymentId, gid } = await h.placeOrder('9.00');
    await expire(paymentId);
    const report = await runDiscoveryPoll(engine);
    expect(report.errors).toBe(0);
    expect((await payment(paymentId)).status).toBe('REJECTED');
    // Nothing signed by its guard ever left us, so nothing was burned: no guard at all.
    expect(await h.stack.prisma.singleUseGuard.count({ where: { paymentId } })).toBe(0);
    await until(async () => (rejectsFor(gid).length > 0 ? true : undefined), 'the reject');
    await runDiscoveryPoll(engine);
    expect(rejectsFor(gid)).toHaveLength(1);
  });
});
