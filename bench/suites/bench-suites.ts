import type { BenchSuite } from './bench-suite';
import { runCheckoutE2eSuite } from './checkout-e2e-suite';
import { runColdStartSuite } from './cold-start-suite';
import { runPaymentSessionSuite } from './payment-session-suite';
import { runTransactionRequestSuite } from './transaction-request-suite';

/**
 * The suites of `npm run bench`, in the order they run. Cold start runs first, on the stack as
 * `npm start` seeds it: after the load suites the database holds thousands of served, unpaid
 * payments, and the discovery poll's first invocation would time a full poll over them (12–19 s,
 * bounded by its budget) instead of a fresh function's start.
 */
export const BENCH_SUITES: BenchSuite[] = [
  {
    name: 'cold',
    title: 'cold start per Lambda bundle vs bare Node start',
    run: runColdStartSuite,
  },
  {
    name: 'payment',
    title: 'payment session (green, mTLS) vs INSERT … ON CONFLICT',
    run: runPaymentSessionSuite,
  },
  {
    name: 'tx',
    title: 'transaction request POST (purple) vs in-process build + sign',
    run: runTransactionRequestSuite,
  },
  {
    name: 'e2e',
    title: 'end-to-end checkouts through the local chain, commitment → resolve latency',
    run: runCheckoutE2eSuite,
  },
];
