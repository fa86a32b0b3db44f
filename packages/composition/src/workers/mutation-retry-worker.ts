import { mutationDispatcher } from '../shared/mutation-dispatcher';
import { processSingleton } from '../shared/process-singleton';

/** The retry state machine's task: the dispatcher. */
export const mutationRetryWorker = /* @__PURE__ */ processSingleton(() => ({
  dispatcher: mutationDispatcher().dispatcher,
}));
