export { startLocalChain } from './start-local-chain';
export type { LocalChain, LocalChainOptions, LocalToken, RpcFault } from './local-chain';
export { DEFAULT_LOCAL_USD_RATES, LocalPriceFeeds, type LocalFeedState } from './chain/price-feeds';
export { readChainSnapshot } from './chain/chain-snapshot';
