import { describe, expect, it } from '@jest/globals';
import { configureTestShop } from './configure-test-shop';
import { useContractFixture } from './use-contract-fixture';
import type { MerchantStorePort } from '../merchants/merchant-store-port';
import type { RecordStorePort } from '../ports/record-store-port';
import type { SessionStorePort } from '../ports/session-store-port';
import type { RefundablePayment, RefundDecision } from '../refunds/refund-decision';
import type { NewRefundRecord, RefundSessionStorePort } from '../refunds/refund-session-store-port';

/** The adapters one contract run needs, over one database. */
export interface RefundSessionStoreContractFixture {
  refunds: RefundSessionStorePort;
  records: RecordStorePort;
  sessions: SessionStorePort;
  merchants: MerchantStorePort;
  close?: () => Promise<void>;
}

const T0 = new Date('2026-12-02T10:00:00.000Z');
const MINT = 'UsdcMint111111111111111111111111111111111111';

/**
 * What {@link RefundSessionStorePort} promises the refund use case, run against every
 * implementation: duplicates answer from the stored row without deciding again; the decision
 * sees the payment and the fiat sum of its OPEN, REJECTING and PAID refunds; an accepted refund
 * is stored OPEN in the payment's token, a refused one REJECTED with one reject queued.
 */
export function describeRefundSessionStoreContract(
  name: string,
  makeFixture: () => Promise<RefundSessionStoreContractFixture>,
  { timeoutMs = 5_000 }: { timeoutMs?: number } = {},
): void {
  describe(`RefundSessionStorePort contract: ${name}`, () => {
    let fixture: RefundSessionStoreContractFixture;
    let shops = 0;
    useContractFixture(makeFixture, timeoutMs, (made) => {
      fixture = made;
    });

    /** A shop with a PAID 25.00 USD payment `pay-1` by `Buyer`. */
    const paidPayment = async () => {
      shops += 1;
      const shop = `refund-contract-${shops}.myshopify.com`;
      const { merchantId } = await configureTestShop(fixture.merchants, {
        shopDomain: shop,
        payoutWallet: 'Payout',
        settlementMint: MINT,
        at: T0,
      });
      const created = await fixture.sessions.createPaymentForShop(shop, {
        shopifyId: 'pay-1',
        gid: 'gid://shopify/PaymentSession/pay-1',
        group: 'g',
        sessionId: null,
        kind: 'SALE',
        amount: '25.00',
        currency: 'USD',
        tokenAmount: 25_000_000n,
        tokenMint: MINT,
        tokenDecimals: 6,
        tokenSymbol: 'USDC',
        tokenProgram: 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA',
        quote: null,
        referenceKey: `ref-${shop}`,
        test: true,
        cancelUrl: 'https://shop.test/cancel',
        merchantLocale: null,
        proposedAt: null,
        apiVersion: '2026-10',
        customerEmail: null,
        customerPhone: null,
        customerData: null,
        expiresAt: new Date(T0.getTime() + 30 * 60_000),
      });
      if (!created) throw new Error('payment not created');
      const signature = `paid-${shop}`;
      await fixture.records.recordServedTransaction({
        kind: 'payment',
        recordId: created.id,
        generation: 0,
        guardAddress: `guard-${shop}`,
        signature,
        account: 'Buyer',
        lastValidBlockHeight: 1150n,
      });
      await fixture.records.markPaid({
        kind: 'payment',
        recordId: created.id,
        signature,
        payer: 'Buyer',
        slot: 1n,
        blockTime: null,
        generation: 0,
      });
      const seen: Array<{ payment: RefundablePayment | null; committed: string }> = [];
      const refund = (
        shopifyId: string,
        amount: string,
        decision: (payment: RefundablePayment | null) => RefundDecision,
        paymentShopifyId = 'pay-1',
      ) => {
        const record: NewRefundRecord = {
          merchantId,
          shopifyId,
          gid: `gid://shopify/RefundSession/${shopifyId}`,
          shopifyPaymentId: paymentShopifyId,
          amount,
          currency: 'USD',
          referenceKey: `ref-${shop}-${shopifyId}`,
          test: true,
          merchantLocale: null,
          proposedAt: null,
          apiVersion: '2026-10',
        };
        return fixture.refunds.createRefundIfAbsent(record, (payment, committed) => {
          seen.push({ payment, committed });
          return decision(payment);
        });
      };
      return { paymentId: created.id, refund, seen };
    };
    const accept = (tokenAmount: bigint) => (): RefundDecision => ({
      accept: true,
      recipientWallet: 'Buyer',
      tokenAmount,
    });
    const refuse = (): RefundDecision => ({
      accept: false,
      tokenAmount: 0n,
      merchantMessage: 'Refused in the contract',
    });

    it(
      'decides against the payment and the fiat sum of its OPEN, REJECTING and PAID refunds',
      async () => {
        const { paymentId, refund, seen } = await paidPayment();
        await refund('r1', '10.50', accept(10_500_000n));
        await refund('r2', '1.00', refuse);
        await refund('r3', '4.25', accept(4_250_000n));
        await refund('r4', '1.00', accept(1_000_000n));
        expect(seen.map((entry) => entry.committed)).toEqual(['0', '10.5', '10.5', '14.75']);
        expect(seen[0]?.payment).toEqual({
          id: paymentId,
          status: 'PAID',
          amount: '25',
          currency: 'USD',
          tokenAmount: 25_000_000n,
          tokenMint: MINT,
          tokenDecimals: 6,
          tokenSymbol: 'USDC',
          tokenProgram: 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA',
          quoteRate: null,
          buyerWallet: 'Buyer',
          test: true,
        });
      },
      timeoutMs,
    );

    it(
      'stores an accepted refund OPEN in the payment token, to the decided wallet, queuing nothing',
      async () => {
        const { refund } = await paidPayment();
        const stored = await refund('r1', '10.00', accept(10_000_000n));
        expect(stored).toEqual({
          id: expect.any(String),
          created: true,
          status: 'OPEN',
          mutationIds: [],
        });
        expect(await fixture.records.findRecord('refund', stored.id)).toMatchObject({
          status: 'OPEN',
          amount: '10',
          tokenAmount: 10_000_000n,
          mint: MINT,
          decimals: 6,
          recipientWallet: 'Buyer',
        });
      },
      timeoutMs,
    );

    it(
      'stores a refused refund REJECTED with one reject queued, and a duplicate changes nothing',
      async () => {
        const { refund, seen } = await paidPayment();
        const first = await refund('r1', '1.00', refuse);
        expect(first).toEqual({
          id: expect.any(String),
          created: true,
          status: 'REJECTED',
          mutationIds: [expect.any(String)],
        });
        const again = await refund('r1', '1.00', accept(1n));
        expect(again).toEqual({
          id: first.id,
          created: false,
          status: 'REJECTED',
          mutationIds: [],
        });
        expect(seen).toHaveLength(1);
      },
      timeoutMs,
    );

    it(
      'decides on an unknown payment with no payment and nothing committed',
      async () => {
        const { refund, seen } = await paidPayment();
        const stored = await refund('r1', '1.00', refuse, 'no-such-payment');
        expect(stored.status).toBe('REJECTED');
        expect(seen).toEqual([{ payment: null, committed: '0' }]);
      },
      timeoutMs,
    );
  });
}
