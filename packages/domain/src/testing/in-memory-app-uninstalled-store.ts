import type { AppUninstalledStorePort } from '../merchants/handle-app-uninstalled';
import type { InMemoryDatabase, PaymentRow, RefundRow } from './in-memory-database';

/** Why the records were closed, as the merchant would read it. */
const DEPARTED_SHOP_REASON = 'The shop uninstalled the app before this was paid';

/**
 * {@link AppUninstalledStorePort} over an {@link InMemoryDatabase}, with the Prisma adapter's
 * contract (`closeDepartedShopRecords`): de-duplicated by webhook id; the merchant is
 * UNINSTALLED, un-configured, its tokens forgotten and portal sessions revoked; its open records
 * with a served transaction that may still land go to REJECTING (the poll burns them), the other
 * open ones to REJECTED, all flagged `orphanedAt` so Shopify is never told; unsent outbox rows
 * are cancelled and PAID records whose resolve was among them are flagged.
 */
export class InMemoryAppUninstalledStore implements AppUninstalledStorePort {
  constructor(private readonly db: InMemoryDatabase) {}

  async recordUninstall(input: {
    webhookId: string;
    shopDomain: string;
    at: Date;
  }): Promise<'uninstalled' | 'duplicate' | 'unknown-shop'> {
    const key = `app/uninstalled:${input.webhookId}`;
    if (this.db.inboundEvents.has(key)) return 'duplicate';
    this.db.inboundEvents.add(key);
    const merchant = this.db.merchantByShop(input.shopDomain);
    if (!merchant) return 'unknown-shop';
    const { at } = input;
    Object.assign(merchant, {
      installState: 'UNINSTALLED',
      uninstalledAt: at,
      configured: false,
      accessTokenEnc: null,
      accessTokenExpiresAt: null,
      refreshTokenEnc: null,
      refreshTokenExpiresAt: null,
    });
    for (const session of this.db.portalSessions.values()) {
      if (session.merchantId === merchant.id && session.revokedAt === null) session.revokedAt = at;
    }
    const records: ReadonlyArray<readonly ['payment' | 'refund', PaymentRow | RefundRow]> = [
      ...[...this.db.payments.values()].map((row) => ['payment' as const, row] as const),
      ...[...this.db.refunds.values()].map((row) => ['refund' as const, row] as const),
    ];
    for (const [kind, row] of records) {
      if (row.merchantId !== merchant.id) continue;
      if (row.status === 'OPEN') {
        const mayLand = [...this.db.served.values()].some(
          (served) =>
            served.kind === kind && served.recordId === row.id && served.status === 'SERVED',
        );
        row.status = mayLand ? 'REJECTING' : 'REJECTED';
        row.orphanedAt = at;
        row.rejectCode = 'PROCESSING_ERROR';
        row.rejectReason = DEPARTED_SHOP_REASON;
        row.updatedSeq = this.db.tick();
      } else if (row.status === 'REJECTING' && row.orphanedAt === null) {
        row.orphanedAt = at;
      }
    }
    for (const mutation of this.db.mutations.values()) {
      if (mutation.merchantId !== merchant.id) continue;
      if (mutation.status !== 'PENDING' && mutation.status !== 'EXHAUSTED') continue;
      const resolved =
        mutation.kind === 'PAYMENT_SESSION_RESOLVE'
          ? this.db.payments.get(mutation.paymentId ?? '')
          : mutation.kind === 'REFUND_SESSION_RESOLVE'
            ? this.db.refunds.get(mutation.refundId ?? '')
            : undefined;
      if (resolved?.status === 'PAID' && resolved.orphanedAt === null) resolved.orphanedAt = at;
      mutation.status = 'FAILED';
      mutation.lastError = 'The shop uninstalled the app';
    }
    return 'uninstalled';
  }
}
