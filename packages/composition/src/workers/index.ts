/*
 * The workers capability: schedules (discovery poll, gas balance, outbox sweep) and the retry
 * path of Shopify mutations (queue consumer → state machine → retry task). Step Functions is
 * only in the consumer's bundle; the gas check reads one balance and sends nothing.
 */

export * from './discovery-poll-worker';
export * from './gas-balance-check-worker';
export * from './outbox-sweep-worker';
export * from './mutation-retry-worker';
export * from './retry-consumer-worker';
