import type {
  MerchantForSessions,
  NewPaymentRecord,
  PaymentDraft,
  SessionStorePort,
  UnquotedSettlement,
} from '../ports/session-store-port';
import type { InMemoryDatabase, MerchantRow, PaymentRow } from './in-memory-database';

function toMerchant(row: MerchantRow): MerchantForSessions {
  return {
    id: row.id,
    shopDomain: row.shopDomain,
    installed: row.installState === 'INSTALLED',
    configured: row.configured,
    payoutWallet: row.payoutWallet,
    displayName: row.displayName,
    settlementToken: row.settlementToken,
  };
}

/**
 * {@link SessionStorePort} over an {@link InMemoryDatabase}, with the contract of the Prisma
 * adapter's one-statement insert: the payment is created only for an installed, configured shop
 * with a payout wallet (captured into the record), one row per (merchant, Shopify id) however
 * many duplicates arrive, and an existing row is never changed.
 */
export class InMemorySessionStore implements SessionStorePort {
  constructor(private readonly db: InMemoryDatabase) {}

  async findMerchantByShop(shopDomain: string): Promise<MerchantForSessions | null> {
    const row = this.db.merchantByShop(shopDomain);
    return row ? toMerchant(row) : null;
  }

  async createUnquotedPayment(
    shopDomain: string,
    draft: PaymentDraft,
    settlements: readonly UnquotedSettlement[],
  ): Promise<{
    merchant: MerchantForSessions;
    payment: { id: string; created: boolean } | null;
  } | null> {
    const row = this.db.merchantByShop(shopDomain);
    if (!row) return null;
    const settled = settlements.find((option) => option.tokenSymbol === row.settlementToken);
    const payment = settled
      ? await this.createPaymentForShop(shopDomain, { ...draft, ...settled, quote: null })
      : null;
    const existing = payment ? undefined : this.paymentOf(row.id, draft.shopifyId);
    return {
      merchant: toMerchant(row),
      payment: payment ?? (existing ? { id: existing.id, created: false } : null),
    };
  }

  async createPaymentForShop(
    shopDomain: string,
    record: NewPaymentRecord,
  ): Promise<{ id: string; created: boolean } | null> {
    const merchant = this.db.merchantByShop(shopDomain);
    if (
      !merchant ||
      merchant.installState !== 'INSTALLED' ||
      !merchant.configured ||
      merchant.payoutWallet === null
    ) {
      return null;
    }
    const existing = this.paymentOf(merchant.id, record.shopifyId);
    if (existing) return { id: existing.id, created: false };
    const { quote, ...fields } = record;
    const now = this.db.clock.now();
    const row: PaymentRow = {
      ...fields,
      id: this.db.newId(),
      merchantId: merchant.id,
      quoteRate: quote?.rate ?? null,
      quoteFeeds: quote?.feeds ?? null,
      quotePublishedAt: quote?.publishedAt ?? null,
      quoteExpiresAt: quote?.expiresAt ?? null,
      status: 'OPEN',
      recipientWallet: merchant.payoutWallet,
      signature: null,
      slot: null,
      blockTime: null,
      paidAt: null,
      buyerWallet: null,
      rejectCode: null,
      rejectReason: null,
      screeningHits: 0,
      lastScreeningHitAt: null,
      redirectUrl: null,
      orphanedAt: null,
      createdAt: now,
      updatedSeq: this.db.tick(),
    };
    this.db.payments.set(row.id, row);
    return { id: row.id, created: true };
  }

  private paymentOf(merchantId: string, shopifyId: string): PaymentRow | undefined {
    return [...this.db.payments.values()].find(
      (row) => row.merchantId === merchantId && row.shopifyId === shopifyId,
    );
  }
}
