import { describeChainPortContract } from './chain-port-contract';
import { InMemoryChain } from './in-memory-chain';

const MINT = 'UsdcMint111111111111111111111111111111111111';

// The same contract the web3.js chain passes on the local LiteSVM chain
// (packages/services/src/chain/web3-chain-contract.int.test.ts).
describeChainPortContract('in-memory', async () => {
  const chain = new InMemoryChain();
  const payer = 'Payer111111111111111111111111111111111111111';
  const otherPayer = 'Payer222222222222222222222222222222222222222';
  chain.fund(payer, MINT, 100_000_000n);
  chain.fund(otherPayer, MINT, 100_000_000n);
  let references = 0;
  return {
    chain,
    payer,
    otherPayer,
    recipient: 'Recipient1111111111111111111111111111111111',
    mint: MINT,
    tokenProgram: 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA',
    decimals: 6,
    newReference: () => {
      references += 1;
      return `Reference${references}`;
    },
    walletSends: async (base64) => chain.send(base64),
    produceBlock: async () => chain.produceBlock(),
    finalize: async () => chain.finalize(),
    prefund: async (address) => {
      chain.prefundGuard(address, 890_880n);
    },
    expireBlockhashes: async () => chain.advanceBlocks(200),
    balance: async (wallet) => chain.balance(wallet, MINT) ?? 0n,
  };
});
