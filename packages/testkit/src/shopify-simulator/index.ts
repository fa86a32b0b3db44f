export { startShopifySimulator } from './start-shopify-simulator';
export type { ShopifySimulator } from './shopify-simulator';
export type { ShopifySimulatorOptions } from './shopify-simulator-options';
export { faultSchema, type Fault } from './fault';
export type { MutationAnswer, RecordedMutation } from './recorded-mutation';
export type {
  GreenExchange,
  SimCustomer,
  SimOrder,
  SimPaymentSession,
  SimRefund,
  SimRefundState,
  SimSessionState,
} from './sim-order';
export type { PlaceOrderInput, PlaceOrderResult } from './place-order';
export type { IssueRefundInput, IssueRefundResult } from './issue-refund';
export { GDPR_TOPICS, type SendWebhookInput, type SendWebhookResult } from './send-gdpr-webhook';
export type { PaymentsAppConfiguration } from './simulator-state';
export { signShopifyQuery, signedQueryString } from './oauth-query-hmac';
export { SimulatorInputError } from './simulator-input-error';
export { readSimulatorSnapshot } from './simulator-snapshot';
