import type { EngineDeps } from '../use-cases/engine-deps';
import { rejectRecord } from '../use-cases/reject-record';
import type { PortalRecordsPort } from './portal-records-port';
import { InvalidInputError, UnknownRecordError } from '../errors';

/** What happened to a refund the merchant rejected. */
export type MerchantRefundRejection =
  | { outcome: 'rejected' }
  | { outcome: 'rejecting' }
  | { outcome: 'paid-instead'; signature: string | null };

/** Longest reason Shopify gets as `merchantMessage`. */
export const MAX_REJECT_REASON_LENGTH = 500;

/**
 * The merchant rejects one of THEIR refunds (another merchant's id → 404) with a reason (1–500
 * characters), answering at once without waiting for finality (DESIGN §3.2): the refund turns
 * `REJECTING` and `rejectRecord` sends the burn of its guard, so a refund transaction that is
 * still valid can never land afterwards; once the burn is final the discovery poll queues
 * `refundSessionReject(PROCESSING_ERROR, reason)` (`rejecting` until then). If the merchant's
 * payment landed first the refund is resolved instead (`paid-instead`) and Shopify is never
 * told reject. Rejecting again answers the current outcome.
 */
export async function rejectMerchantRefund(
  deps: { engine: EngineDeps; portalRecords: PortalRecordsPort },
  input: { merchantId: string; refundId: string; reason: string },
): Promise<MerchantRefundRejection> {
  const reason = input.reason.trim();
  if (reason.length < 1 || reason.length > MAX_REJECT_REASON_LENGTH) {
    throw new InvalidInputError(`reason must be 1 to ${MAX_REJECT_REASON_LENGTH} characters`, {
      details: { path: 'reason' },
    });
  }
  const refund = await deps.portalRecords.findRefund(input.merchantId, input.refundId);
  if (!refund) throw new UnknownRecordError('Unknown refund');
  const result = await rejectRecord(deps.engine, 'refund', refund.id, {
    code: 'PROCESSING_ERROR',
    merchantMessage: reason,
  });
  switch (result.outcome) {
    case 'rejected':
      return { outcome: 'rejected' };
    case 'rejecting':
      return { outcome: 'rejecting' };
    case 'paid-instead':
      return { outcome: 'paid-instead', signature: result.signature };
    case 'already-closed': {
      if (result.status === 'REJECTED') return { outcome: 'rejected' };
      const current = await deps.portalRecords.findRefund(input.merchantId, refund.id);
      return { outcome: 'paid-instead', signature: current?.signature ?? null };
    }
  }
}
