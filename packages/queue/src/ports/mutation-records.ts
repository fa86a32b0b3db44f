/**
 * The payment and refund records outbox mutations are about, as the dispatcher changes them once
 * Shopify answered. Owned by the queue, implemented by the record store (the domain's
 * `RecordStorePort`), which owns those rows.
 */
export interface MutationRecords {
  /** Stores Shopify's `nextAction` redirect URL on a payment: where its buyer goes next. */
  saveRedirectUrl(paymentId: string, redirectUrl: string): Promise<void>;
  /**
   * Flags a PAID record whose resolve will never reach Shopify (its shop left) for the
   * operator's list (`orphanedAt = at`); a record that is not PAID, or already flagged, stays
   * as it is.
   */
  flagOrphaned(kind: 'payment' | 'refund', recordId: string, at: Date): Promise<void>;
}
