import { describe, expect, it } from '@jest/globals';
import { configureTestShop } from './configure-test-shop';
import { useContractFixture } from './use-contract-fixture';
import type { AppUninstalledStorePort } from '../merchants/handle-app-uninstalled';
import type { MerchantStorePort } from '../merchants/merchant-store-port';
import type { RecordStorePort } from '../ports/record-store-port';
import type { NewPaymentRecord, SessionStorePort } from '../ports/session-store-port';

/** The adapters one contract run needs, over one database. */
export interface RecordStoreContractFixture {
  records: RecordStorePort;
  sessions: SessionStorePort;
  merchants: MerchantStorePort;
  uninstalls: AppUninstalledStorePort;
  /** Releases the database. */
  close?: () => Promise<void>;
}

const PAYOUT = 'MerchantPayout11111111111111111111111111111';
const REASON = { code: 'PROCESSING_ERROR', merchantMessage: 'Rejected in the contract' } as const;
const T0 = new Date('2026-12-02T10:00:00.000Z');

function newPayment(shopifyId: string, expiresAt = new Date(T0.getTime() + 30 * 60_000)) {
  return {
    shopifyId,
    gid: `gid://shopify/PaymentSession/${shopifyId}`,
    group: 'g',
    sessionId: null,
    kind: 'SALE',
    amount: '25.00',
    currency: 'USD',
    tokenAmount: 25_000_000n,
    tokenMint: 'UsdcMint111111111111111111111111111111111111',
    tokenDecimals: 6,
    tokenSymbol: 'USDC',
    tokenProgram: 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA',
    quote: null,
    referenceKey: `ref-${shopifyId}`,
    test: true,
    cancelUrl: 'https://shop.test/cancel',
    merchantLocale: null,
    proposedAt: null,
    apiVersion: '2026-10',
    customerEmail: null,
    customerPhone: null,
    customerData: null,
    expiresAt,
  } satisfies NewPaymentRecord;
}

/**
 * The behaviour the use cases rely on from a {@link RecordStorePort} (with the session, merchant
 * and uninstall stores that create and close its records), written once and run against every
 * implementation: the Prisma adapter in an integration test, the in-memory one in a unit test —
 * so the fast unit tests of the money rules stand on a double that is proven faithful.
 */
export function describeRecordStoreContract(
  name: string,
  makeFixture: () => Promise<RecordStoreContractFixture>,
  /** Per test and hook (a database adapter needs more than jest's 5 s on a busy machine). */
  { timeoutMs = 5_000 }: { timeoutMs?: number } = {},
): void {
  describe(`RecordStorePort contract: ${name}`, () => {
    let fixture: RecordStoreContractFixture;
    let shopCount = 0;
    useContractFixture(makeFixture, timeoutMs, (made) => {
      fixture = made;
    });

    /** A fresh installed, configured shop with one OPEN payment. */
    const openPayment = async (expiresAt?: Date) => {
      shopCount += 1;
      const shop = `contract-${shopCount}.myshopify.com`;
      const { merchantId } = await configureTestShop(fixture.merchants, {
        shopDomain: shop,
        payoutWallet: PAYOUT,
        settlementMint: newPayment('x').tokenMint,
        at: T0,
      });
      const created = await fixture.sessions.createPaymentForShop(
        shop,
        newPayment(`p-${shopCount}`, expiresAt),
      );
      if (!created) throw new Error('payment not created');
      return { shop, merchantId, id: created.id };
    };
    const serve = (id: string, signature: string, generation = 0, lastValidBlockHeight = 1150n) =>
      fixture.records.recordServedTransaction({
        kind: 'payment',
        recordId: id,
        generation,
        guardAddress: `guard-${id}-${generation}`,
        signature,
        account: 'Buyer',
        lastValidBlockHeight,
      });
    const paid = (id: string, signature: string, generation = 0) =>
      fixture.records.markPaid({
        kind: 'payment',
        recordId: id,
        signature,
        payer: 'Buyer',
        slot: 7n,
        blockTime: null,
        generation,
      });
    const sig = (() => {
      let n = 0;
      return (label: string) => {
        n += 1;
        return `${label}-${n}-${name.replace(/\W/g, '')}`;
      };
    })();

    it(
      'creates one payment per Shopify id, capturing the payout wallet, and reads it back OPEN',
      async () => {
        const { shop, id, merchantId } = await openPayment();
        const again = await fixture.sessions.createPaymentForShop(
          shop,
          newPayment(`p-${shopCount}`),
        );
        expect(again).toEqual({ id, created: false });
        expect(await fixture.records.findRecord('payment', id)).toMatchObject({
          kind: 'payment',
          id,
          merchantId,
          shop,
          status: 'OPEN',
          amount: '25',
          tokenAmount: 25_000_000n,
          recipientWallet: PAYOUT,
          signature: null,
          screeningHits: 0,
          shopInstalled: true,
        });
        expect(await fixture.records.findRecord('payment', 'not-a-uuid')).toBeNull();
        expect(
          await fixture.records.findRecord('payment', '00000000-0000-4000-8000-ffffffffffff'),
        ).toBeNull();
      },
      timeoutMs,
    );

    it(
      'creates an unquoted payment with the merchant read: one row per Shopify id, any concurrency',
      async () => {
        const { shop, id, merchantId } = await openPayment();
        const {
          tokenAmount,
          tokenMint,
          tokenDecimals,
          tokenSymbol,
          tokenProgram,
          quote,
          ...draft
        } = newPayment(`u-${shopCount}`);
        expect(quote).toBeNull();
        const usdc = { tokenAmount, tokenMint, tokenDecimals, tokenSymbol, tokenProgram };
        const eurc = {
          ...usdc,
          tokenSymbol: 'EURC',
          tokenMint: 'EurcMint1111111111111111111111111111111111',
        };

        // Concurrent duplicates: one row, every answer names it, exactly one created it.
        const answers = await Promise.all(
          Array.from({ length: 5 }, () =>
            fixture.sessions.createUnquotedPayment(shop, draft, [eurc, usdc]),
          ),
        );
        const ids = new Set(answers.map((answer) => answer?.payment?.id));
        expect(ids.size).toBe(1);
        expect(answers.filter((answer) => answer?.payment?.created)).toHaveLength(1);
        expect(answers[0]?.merchant).toMatchObject({
          id: merchantId,
          shopDomain: shop,
          installed: true,
          configured: true,
          payoutWallet: PAYOUT,
          settlementToken: 'USDC',
        });
        const [created] = ids;
        expect(await fixture.records.findRecord('payment', created ?? '')).toMatchObject({
          merchantId,
          status: 'OPEN',
          tokenAmount: 25_000_000n,
          recipientWallet: PAYOUT,
        });

        // The merchant's token not among the settlements: nothing inserted, an existing payment
        // still found (the payment openPayment created under its own Shopify id).
        const existing = await fixture.sessions.createUnquotedPayment(
          shop,
          { ...draft, shopifyId: `p-${shopCount}` },
          [eurc],
        );
        expect(existing?.payment).toEqual({ id, created: false });
        const none = await fixture.sessions.createUnquotedPayment(
          shop,
          { ...draft, shopifyId: `n-${shopCount}` },
          [eurc],
        );
        expect(none?.payment).toBeNull();
        expect(none?.merchant.id).toBe(merchantId);
        expect(
          await fixture.sessions.createPaymentForShop(shop, newPayment(`n-${shopCount}`)),
        ).toMatchObject({ created: true });

        expect(
          await fixture.sessions.createUnquotedPayment('unknown.myshopify.com', draft, [usdc]),
        ).toBeNull();
      },
      timeoutMs,
    );

    it(
      'records a served transaction once, only on the current generation of an OPEN record',
      async () => {
        const { id } = await openPayment();
        const first = sig('tx');
        expect(await fixture.records.currentGuardGeneration('payment', id)).toBe(0);
        expect(await serve(id, first)).toBe('recorded');
        expect(await serve(id, first)).toBe('recorded');
        expect(await fixture.records.servedSignatures('payment', id, 0)).toEqual([first]);
        expect(await fixture.records.currentServedSignatures('payment', id)).toEqual({
          generation: 0,
          signatures: [first],
        });
        expect(await serve(id, sig('tx'), 1)).toBe('stale-generation');
        expect(await fixture.records.countServedTransactions('payment', id)).toBe(1);
        expect(await fixture.records.findServedTransaction(first)).toMatchObject({
          signature: first,
          kind: 'payment',
          recordId: id,
          guardGeneration: 0,
          lastValidBlockHeight: 1150n,
        });

        expect(await fixture.records.beginReject('payment', id, REASON)).toBe('started');
        expect(await serve(id, sig('tx'))).toBe('closed');
      },
      timeoutMs,
    );

    it(
      'abandons a guard only while the record is OPEN and only its current generation',
      async () => {
        const { id } = await openPayment();
        expect(await fixture.records.abandonGuard('payment', id, 0, `guard-${id}-0`)).toBe(1);
        expect(await fixture.records.currentGuardGeneration('payment', id)).toBe(1);
        expect(await fixture.records.currentServedSignatures('payment', id)).toEqual({
          generation: 1,
          signatures: [],
        });
        expect(await fixture.records.abandonGuard('payment', id, 0, `guard-${id}-0`)).toBe(1);
        expect(await serve(id, sig('tx'), 0)).toBe('stale-generation');
        const second = sig('tx');
        expect(await serve(id, second, 1)).toBe('recorded');
        expect(await fixture.records.currentServedSignatures('payment', id)).toEqual({
          generation: 1,
          signatures: [second],
        });
        await fixture.records.beginReject('payment', id, REASON);
        expect(await fixture.records.abandonGuard('payment', id, 1, `guard-${id}-1`)).toBeNull();
      },
      timeoutMs,
    );

    it(
      'marks a generation dead: the next serve moves on, and its transaction is no longer pending',
      async () => {
        const { id } = await openPayment();
        const refused = sig('tx');
        await serve(id, refused);
        await fixture.records.markGenerationDead({
          kind: 'payment',
          recordId: id,
          generation: 0,
          guardAddress: `guard-${id}-0`,
          signature: refused,
        });
        expect(await fixture.records.currentGuardGeneration('payment', id)).toBe(1);
        const pending = await fixture.records.pendingServedTransactions(1_000);
        expect(pending.map((row) => row.signature)).not.toContain(refused);
      },
      timeoutMs,
    );

    it(
      'pays once: one resolve queued; the same signature again is already-paid, another is not-payable',
      async () => {
        const { id } = await openPayment();
        const payment = sig('tx');
        await serve(id, payment);
        const first = await paid(id, payment);
        expect(first).toEqual({ result: 'paid', mutationIds: [expect.any(String)] });
        expect(await paid(id, payment)).toEqual({ result: 'already-paid' });
        expect(await paid(id, sig('tx'))).toEqual({ result: 'not-payable' });
        expect(await fixture.records.findRecord('payment', id)).toMatchObject({
          status: 'PAID',
          signature: payment,
        });
        expect(await fixture.records.beginReject('payment', id, REASON)).toBe('closed');
        expect(await fixture.records.pendingServedTransactions(1_000)).not.toContainEqual(
          expect.objectContaining({ signature: payment }),
        );
      },
      timeoutMs,
    );

    it(
      'rejects in two steps: REJECTING stops serving, completing queues one reject (the same row on a repeat); a rejected record cannot be paid',
      async () => {
        const { id } = await openPayment();
        const served = sig('tx');
        await serve(id, served);
        expect(await fixture.records.beginReject('payment', id, REASON)).toBe('started');
        expect(
          await fixture.records.beginReject('payment', id, { ...REASON, merchantMessage: 'x' }),
        ).toBe('continue');
        expect(await fixture.records.rejectingRecords(1_000)).toContainEqual({
          kind: 'payment',
          id,
        });
        const complete = () =>
          fixture.records.completeReject({
            kind: 'payment',
            recordId: id,
            generation: 0,
            guardAddress: `guard-${id}-0`,
            burnSignature: sig('burn'),
          });
        const first = await complete();
        expect(first.mutationIds).toHaveLength(1);
        expect(await complete()).toEqual(first);
        expect(await fixture.records.findRecord('payment', id)).toMatchObject({
          status: 'REJECTED',
        });
        expect(await paid(id, served)).toEqual({ result: 'not-payable' });
        expect(await fixture.records.rejectingRecords(1_000)).not.toContainEqual({
          kind: 'payment',
          id,
        });
      },
      timeoutMs,
    );

    it(
      'pays a REJECTING record whose payment landed before the burn',
      async () => {
        const { id } = await openPayment();
        const payment = sig('tx');
        await serve(id, payment);
        await fixture.records.beginReject('payment', id, REASON);
        expect(await paid(id, payment)).toMatchObject({ result: 'paid' });
        expect(
          await fixture.records.completeReject({
            kind: 'payment',
            recordId: id,
            generation: 0,
            guardAddress: `guard-${id}-0`,
            burnSignature: null,
          }),
        ).toEqual({ mutationIds: [] });
      },
      timeoutMs,
    );

    it(
      'lists expired OPEN payments only once no served transaction can still land',
      async () => {
        const { id } = await openPayment(new Date(T0.getTime() - 1));
        await serve(id, sig('tx'), 0, 1150n);
        const expired = async (height: bigint) =>
          (await fixture.records.expiredOpenRecords(T0, height, 1_000)).map((row) => row.id);
        expect(await expired(1150n)).not.toContain(id);
        expect(await expired(1151n)).toContain(id);
      },
      timeoutMs,
    );

    it(
      'offers the guard of a closed record for sweeping once its transactions expired, until swept',
      async () => {
        const { id } = await openPayment();
        await serve(id, sig('tx'), 0, 1150n);
        await fixture.records.beginReject('payment', id, REASON);
        await fixture.records.completeReject({
          kind: 'payment',
          recordId: id,
          generation: 0,
          guardAddress: `guard-${id}-0`,
          burnSignature: sig('burn'),
        });
        const sweepable = async (height: bigint) =>
          (await fixture.records.sweepableGuards(height, 1_000)).filter(
            (row) => row.recordId === id,
          );
        expect(await sweepable(1150n)).toEqual([]);
        const [guard] = await sweepable(1151n);
        expect(guard).toMatchObject({ kind: 'payment', recordId: id, generation: 0 });
        await fixture.records.markGuardSwept(guard!.guardId, null);
        expect(await sweepable(1151n)).toEqual([]);
      },
      timeoutMs,
    );

    it(
      'counts screening hits on a payment',
      async () => {
        const { id } = await openPayment();
        await fixture.records.recordScreeningHit('payment', id, T0);
        await fixture.records.recordScreeningHit('payment', id, T0);
        expect((await fixture.records.findRecord('payment', id))?.screeningHits).toBe(2);
      },
      timeoutMs,
    );

    it(
      'tells Shopify nothing about a record whose shop left, and flags a late payment',
      async () => {
        const { shop, id } = await openPayment();
        const other = await openPayment();
        const payment = sig('tx');
        await serve(id, payment);
        await serve(other.id, sig('tx'));
        expect(
          await fixture.uninstalls.recordUninstall({
            webhookId: `w-${shop}`,
            shopDomain: shop,
            at: T0,
          }),
        ).toBe('uninstalled');
        expect(
          await fixture.uninstalls.recordUninstall({
            webhookId: `w-${shop}`,
            shopDomain: shop,
            at: T0,
          }),
        ).toBe('duplicate');
        expect(await fixture.records.findRecord('payment', id)).toMatchObject({
          status: 'REJECTING',
          shopInstalled: false,
        });
        expect(await paid(id, payment)).toEqual({
          result: 'paid',
          mutationIds: [],
          shopLeft: true,
        });

        await fixture.uninstalls.recordUninstall({
          webhookId: `w-${other.shop}`,
          shopDomain: other.shop,
          at: T0,
        });
        expect(
          await fixture.records.completeReject({
            kind: 'payment',
            recordId: other.id,
            generation: 0,
            guardAddress: `guard-${other.id}-0`,
            burnSignature: sig('burn'),
          }),
        ).toEqual({ mutationIds: [] });
        expect((await fixture.records.findRecord('payment', other.id))?.status).toBe('REJECTED');
      },
      timeoutMs,
    );
  });
}
