import type { StackFile } from '../../apps/local/src/index';
import { httpsJson, type TlsIdentity } from './https-json';
import { paymentSessionBody, shopifySessionHeaders } from './payment-session-body';

/** Sends one payment session to green as Shopify would and returns the new payment's id. */
export async function createPayment(
  stack: StackFile,
  tls: Required<TlsIdentity>,
  amount = '19.99',
): Promise<{ paymentId: string; redirectUrl: string; shopifyId: string }> {
  const body = paymentSessionBody(amount);
  const answer = await httpsJson(`${stack.urls.green}/payment`, {
    method: 'POST',
    headers: shopifySessionHeaders(stack.demoShop, stack.shopify.apiVersion),
    body,
    tls,
  });
  const redirectUrl = (answer.body as { redirect_url?: unknown } | null)?.redirect_url;
  if (answer.status !== 201 || typeof redirectUrl !== 'string') {
    throw new Error(`POST /payment answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  const paymentId = new URL(redirectUrl).pathname.split('/').pop() ?? '';
  return { paymentId, redirectUrl, shopifyId: String(body.id) };
}
