import type { BenchSuite } from './bench-suite';
import { runCheckoutE2eSuite } from './checkout-e2e-suite';
import { runColdStartSuite } from './cold-start-suite';
import { runPaymentSessionSuite } from './payment-session-suite';
import { runTransactionRequestSuite } from './transaction-request-suite';

/** The suites of `npm run bench`, in the order they run. */
export const BENCH_SUITES: BenchSuite[] = [
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
  {
    name: 'cold',
    title: 'cold start per Lambda bundle vs bare Node start',
    run: runColdStartSuite,
  },
];
