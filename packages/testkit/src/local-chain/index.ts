export { startLocalChain, LOCAL_USDC_DECIMALS } from './start-local-chain';
export type { LocalChain, LocalChainOptions, RpcFault } from './local-chain';
export { readChainSnapshot } from './chain/chain-snapshot';
