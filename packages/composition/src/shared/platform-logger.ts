import { createLogger, readConfig } from '@solpay/lambda';
import { processSingleton } from './process-singleton';

/** The process's structured logger (not bound to a request). */
export const platformLogger = /* @__PURE__ */ processSingleton(() => {
  const { runtime } = readConfig(['runtime']);
  return createLogger({
    service: runtime.serviceName,
    level: runtime.logLevel,
    fields: { component: 'services' },
  });
});
