export * from './create-discovery-poll-handler';
export * from './create-gas-balance-check-handler';
export * from './create-outbox-sweep-handler';
export * from './create-mutation-retry-handler';
export * from './create-retry-consumer-handler';
