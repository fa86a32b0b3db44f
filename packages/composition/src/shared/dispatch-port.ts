import { type MutationDispatchPort } from '@solpay/domain';
import { createDispatchPort } from '@solpay/adapters';
import { processSingleton } from './process-singleton';
import { mutationDispatcher } from './mutation-dispatcher';

/** The domain's dispatch port over {@link mutationDispatcher}: first attempts right after commit. */
export const dispatchPort = /* @__PURE__ */ processSingleton((): MutationDispatchPort =>
  createDispatchPort(mutationDispatcher().dispatcher),
);
