import type { Fault } from './fault';
import type { RecordedMutation } from './recorded-mutation';
import type { SimOrder, SimPaymentSession, SimRefund } from './sim-order';
import type { TokenRegistry } from './token-registry';

/** What `paymentsAppConfigure` last set for a shop. */
export interface PaymentsAppConfiguration {
  externalHandle: string | null;
  ready: boolean;
  at: string;
}

/** The app's green gateway and the client identity the simulator presents to it. */
export interface GreenTarget {
  url: string;
  ca: string | Buffer;
  clientCert: string | Buffer;
  clientKey: string | Buffer;
}

/** Everything the simulator remembers; one instance per running simulator. */
export interface SimulatorState {
  apiKey: string;
  apiSecret: string;
  apiVersion: string;
  green: GreenTarget;
  appUrl: string | null;
  shops: string[];
  /** The simulator's own origin (set once the server listens). */
  url: string;
  now: () => number;
  tokens: TokenRegistry;
  orders: SimOrder[];
  paymentSessions: Map<string, { order: SimOrder; session: SimPaymentSession }>;
  refundSessions: Map<string, { order: SimOrder; refund: SimRefund }>;
  mutations: RecordedMutation[];
  faults: Fault[];
  outage: boolean;
  configurations: Map<string, PaymentsAppConfiguration>;
  nextOrderNumber: Map<string, number>;
  /** Per-shop GraphQL cost bucket (leaky bucket, reported in `extensions.cost`). */
  costBuckets: Map<string, { available: number; at: number }>;
  /** Added before each GraphQL answer (see `graphqlDelayMs`). */
  graphqlDelayMs: number;
  /** Waits `ms` unless the simulator closes first (used by `timeout` faults). */
  hold: (ms: number) => Promise<void>;
}
