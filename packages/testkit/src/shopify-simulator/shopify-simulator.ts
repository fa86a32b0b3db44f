import type { Fault } from './fault';
import type { IssueRefundInput, IssueRefundResult } from './issue-refund';
import type { PlaceOrderInput, PlaceOrderResult } from './place-order';
import type { RecordedMutation } from './recorded-mutation';
import type { SendWebhookInput, SendWebhookResult } from './send-gdpr-webhook';
import type { SimOrder } from './sim-order';
import type { PaymentsAppConfiguration } from './simulator-state';

/** A running Shopify simulator (see `startShopifySimulator`). */
export interface ShopifySimulator {
  /** Its origin, e.g. `http://127.0.0.1:4321`; the app uses it as `SHOPIFY_ADMIN_ORIGIN`. */
  url: string;
  /** True when the state came from the `statePath` snapshot. */
  restored: boolean;
  /** The id in the snapshot (ties it to the chain and database written with it). */
  stateId: string;
  /** Every Payments Apps GraphQL mutation received, in order (copies). */
  mutations(): RecordedMutation[];
  /** Recorded mutations answered with success, optionally only those named `name`. */
  successfulMutations(name?: string): RecordedMutation[];
  /** Queues faults; each of the next GraphQL calls consumes one, in order. */
  injectFaults(faults: Fault[]): void;
  /** Permanent outage: while on, every GraphQL call gets 503 (queued faults wait). */
  setOutage(on: boolean): void;
  /** Issues an expiring offline token + refresh token for a shop, without the OAuth dance. */
  issueAccessToken(shop: string): { accessToken: string; refreshToken: string; expiresIn: number };
  /** Issues a legacy non-expiring offline token for a shop. */
  issueAccessToken(shop: string, options: { expiring: false }): { accessToken: string };
  /** Orders with their payment and refund state as Shopify sees it (copies). */
  orders(): SimOrder[];
  /** Creates an order and sends its payment session to green `/payment` over mTLS. */
  placeOrder(input: PlaceOrderInput): Promise<PlaceOrderResult>;
  /** Sends the order's current payment session again, byte for byte (Shopify's retry). */
  resendPaymentSession(orderId: string): Promise<PlaceOrderResult>;
  /** A buyer retry after cancel: new payment session id, same group. */
  retryCheckout(orderId: string): Promise<PlaceOrderResult>;
  /** Creates a refund and sends the refund session to green `/refund` over mTLS. */
  issueRefund(input: IssueRefundInput): Promise<IssueRefundResult>;
  /** Sends a refund session again, byte for byte. */
  resendRefundSession(refundId: string): Promise<IssueRefundResult>;
  /** Sends a GDPR webhook to green `/gdpr/<topic>` with an HMAC over the raw body. */
  sendWebhook(input: SendWebhookInput): Promise<SendWebhookResult>;
  /** What `paymentsAppConfigure` last set for a shop. */
  configuration(shop: string): PaymentsAppConfiguration | undefined;
  /** Stops the server, dropping open connections and pending timeouts. */
  close(): Promise<void>;
}
