import type { MerchantDeps } from './merchant-deps';
import { InvalidInputError, StateConflictError } from '../errors';

/** The external handle Shopify shows for the merchant's account with us: the shop's name. */
export function externalHandleOf(shopDomain: string): string {
  return shopDomain.replace(/\.myshopify\.com$/i, '');
}

/**
 * Finishes onboarding: with the terms accepted and a payout wallet set, marks the merchant
 * configured and queues `paymentsAppConfigure(externalHandle, ready: true)` in the same database
 * transaction, then dispatches it. Calling it again does not queue a second configure unless the
 * previous one failed definitively or ran out of retries.
 */
export async function configurePaymentsApp(
  deps: Pick<MerchantDeps, 'merchants' | 'dispatch' | 'clock' | 'logger'>,
  merchantId: string,
  input: { acceptTerms: boolean },
): Promise<{ configured: true }> {
  if (input.acceptTerms !== true) {
    throw new InvalidInputError('acceptTerms must be true to activate Solana Pay', {
      details: { path: 'acceptTerms' },
    });
  }
  const merchant = await deps.merchants.findMerchant(merchantId);
  if (!merchant) throw new StateConflictError('Unknown merchant');
  if (!merchant.payoutWallet) {
    throw new StateConflictError('Set a payout wallet before activating Solana Pay');
  }
  const { mutationIds } = await deps.merchants.configure({
    merchantId,
    externalHandle: externalHandleOf(merchant.shopDomain),
    now: deps.clock.now(),
  });
  if (mutationIds.length > 0) {
    deps.logger.info('payments app configure queued', { merchantId });
    await deps.dispatch.dispatchSoon(mutationIds);
  }
  return { configured: true };
}
