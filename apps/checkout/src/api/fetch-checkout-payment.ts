import { checkoutPaymentSchema, type CheckoutPayment } from './checkout-payment';

/** Result of {@link fetchCheckoutPayment}: callers must handle "unknown" and "failed" apart. */
export type FetchCheckoutPaymentResult =
  | { ok: true; payment: CheckoutPayment }
  | { ok: false; reason: 'not-found' }
  /** 410: closed for good (the shop stopped using the app); `message` is the server's. */
  | { ok: false; reason: 'gone'; message: string }
  | { ok: false; reason: 'failed'; message: string };

/** Loads the payment's public state from purple `GET /checkout/payments/<id>`. */
export async function fetchCheckoutPayment(
  purpleOrigin: string,
  paymentId: string,
  fetchFn: typeof fetch = fetch,
): Promise<FetchCheckoutPaymentResult> {
  const url = new URL(`/checkout/payments/${encodeURIComponent(paymentId)}`, purpleOrigin);
  let response: Response;
  try {
    response = await fetchFn(url, { cache: 'no-store', headers: { Accept: 'application/json' } });
  } catch {
    return { ok: false, reason: 'failed', message: 'The payment service cannot be reached.' };
  }
  if (response.status === 404) return { ok: false, reason: 'not-found' };
  if (response.status === 410) {
    const body = (await response.json().catch(() => undefined)) as
      { message?: unknown } | undefined;
    return {
      ok: false,
      reason: 'gone',
      message:
        typeof body?.message === 'string' ? body.message : 'This payment can no longer be made.',
    };
  }
  if (!response.ok) {
    return {
      ok: false,
      reason: 'failed',
      message: `The payment service is temporarily unavailable (error ${response.status}).`,
    };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return {
      ok: false,
      reason: 'failed',
      message: 'The payment service sent an unreadable answer.',
    };
  }
  const parsed = checkoutPaymentSchema.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      reason: 'failed',
      message: 'The payment service sent an unexpected answer.',
    };
  }
  return { ok: true, payment: parsed.data };
}
