export { startLocalChain } from './start-local-chain';
export type {
  LocalChain,
  LocalChainOptions,
  LocalPrices,
  LocalToken,
  RpcFault,
} from './local-chain';
export {
  startLocalChainInWorker,
  type LocalChainInWorkerOptions,
} from './thread/start-local-chain-in-worker';
export { DEFAULT_LOCAL_USD_RATES, LocalPriceFeeds, type LocalFeedState } from './chain/price-feeds';
export { readChainSnapshot } from './chain/chain-snapshot';
