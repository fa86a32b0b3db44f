import type { ChainPort } from '../ports/chain-port';
import type { Clock } from '../ports/clock';
import type { DomainLogger } from '../ports/domain-logger';
import type { MutationDispatchPort } from '../ports/mutation-dispatch-port';
import type { RecordStorePort } from '../ports/record-store-port';
import type { WalletScreeningPort } from '../ports/wallet-screening-port';

/** Everything the transaction engine's use cases depend on, passed in. */
export interface EngineDeps {
  records: RecordStorePort;
  chain: ChainPort;
  screening: WalletScreeningPort;
  dispatch: MutationDispatchPort;
  clock: Clock;
  logger: DomainLogger;
}
