export * from './gdpr-topic';
export * from './gdpr-webhook-payload';
export * from './gdpr-store-port';
export * from './scrub-gdpr-payload';
export * from './handle-gdpr-webhook';
export * from './receive-gdpr-webhook';
