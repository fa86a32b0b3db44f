export * from './build-api-gateway-v1-event';
export * from './build-api-gateway-v2-event';
export * from './build-lambda-context';
export * from './build-sqs-event';
export * from './http-event-input';
