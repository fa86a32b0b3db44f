/**
 * `lastError` of an outbox row that is never sent because its shop uninstalled the app: Shopify
 * cancels the payment and refund sessions of an uninstalled app, and our token is gone.
 */
export const SHOP_UNINSTALLED_ERROR =
  'Not sent: the shop uninstalled the app (Shopify cancels its sessions)';
