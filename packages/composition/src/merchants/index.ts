/*
 * The merchants capability: install (OAuth), the portal API and the app/uninstalled webhook.
 * Only the portal reads the chain (payout wallet checks, refund rejects), so only its bundle
 * carries web3.js; the install routes need the token cipher and the outbox, not the chain.
 */

export * from './merchant-policy';
export * from './shopify-oauth';
export * from './oauth-install-route';
export * from './merchant-onboarding';
export * from './oauth-callback-route';
export * from './portal-api-route';
export * from './app-uninstalled-route';
