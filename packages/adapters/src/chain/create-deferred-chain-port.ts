import type { ChainPort } from '@solpay/domain';
import type { ChainReads } from './create-json-rpc-chain-reads';
import { withUpstreamErrors } from './with-upstream-errors';

/** The chain's other methods: building, signing and validating transactions (web3.js). */
export type ChainTransactions = Omit<ChainPort, keyof ChainReads>;

/**
 * A {@link ChainPort} whose reads ({@link ChainReads}) are answered at once and whose other
 * methods (building, signing, validating transactions) come from `load`, called at the first
 * of them and kept. With `load` requiring the web3.js chain on demand, a process pays for
 * loading web3.js only when it builds or inspects a transaction (docs/adr/0021).
 */
export function createDeferredChainPort(
  reads: ChainReads,
  load: () => ChainTransactions,
): ChainPort {
  let loaded: ChainTransactions | undefined;
  const chain = () => (loaded ??= load());
  const upstream = withUpstreamErrors(reads);
  return {
    getBlockHeight: () => upstream.getBlockHeight(),
    signatureStates: (signatures) => upstream.signatureStates(signatures),
    guardAddress: (guard) => chain().guardAddress(guard),
    inspectGuard: (guard, served, payer) => chain().inspectGuard(guard, served, payer),
    buildTransfer: (input) => chain().buildTransfer(input),
    validateTransfer: (signature, expectation) => chain().validateTransfer(signature, expectation),
    submitBurn: (guard) => chain().submitBurn(guard),
    guardConsumed: (guard) => chain().guardConsumed(guard),
    sweepGuard: (guard) => chain().sweepGuard(guard),
  };
}
