export * from './customer-match';
export * from './build-customer-export';
export * from './prisma-gdpr-store';
