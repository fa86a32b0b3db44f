export * from './init-sentry';
export * from './report-error';
export * from './sentry-module';
export * from './with-sentry';
