import { getAssociatedTokenAddressSync } from '@solana/spl-token';
import { Connection, Keypair, PublicKey, SystemProgram, Transaction } from '@solana/web3.js';
import { describeChainPortContract } from '@solpay/domain/src/testing/chain-port-contract';
import { startLocalChain } from '@solpay/testkit';
import { createNodeHttpFetch } from '../http/create-node-http-fetch';
import { createDeferredChainPort } from './create-deferred-chain-port';
import { createJsonRpcChainReads } from './create-json-rpc-chain-reads';
import { createWeb3Chain } from './create-web3-chain';

const BLOCKHASH_LIFETIME = 40;
const FINALIZE_AFTER_SLOTS = 3;

// The same contract the domain's in-memory chain passes in its unit test
// (packages/domain/src/testing/in-memory-chain.test.ts): the double the money-rule unit tests
// stand on behaves as the real runtime does. The port is composed as the app composes it: block
// height and signature statuses over plain JSON-RPC, the rest from web3.js, loaded at first use.
describeChainPortContract(
  'JSON-RPC reads and web3.js on the local LiteSVM chain',
  async () => {
    // Blocks only when the test produces them: landing and finality happen at known points.
    const local = await startLocalChain({
      slotMs: 3_600_000,
      finalizeAfterSlots: FINALIZE_AFTER_SLOTS,
      blockhashLifetimeBlocks: BLOCKHASH_LIFETIME,
    });
    const connection = new Connection(local.rpcUrl, 'confirmed');
    const reads = createJsonRpcChainReads({
      rpcUrl: local.rpcUrl,
      fetch: createNodeHttpFetch({ timeoutMs: 10_000 }),
      commitment: 'finalized',
    });
    const chain = createDeferredChainPort(reads, () =>
      createWeb3Chain({
        connection,
        gas: local.gas,
        previousGasPubkeys: [],
        singleUseSecret: 'chain-port-contract-secret-0123456789abcdef',
        commitment: 'finalized',
        blockhashCacheMs: 0,
      }),
    );
    const other = await local.createFundedWallet({ usdc: 100_000_000n });
    const griefer = await local.createFundedWallet();
    const signers = new Map([
      [local.buyer.publicKey.toBase58(), local.buyer],
      [other.publicKey.toBase58(), other],
    ]);
    const rent = await connection.getMinimumBalanceForRentExemption(0);
    return {
      chain,
      payer: local.buyer.publicKey.toBase58(),
      otherPayer: other.publicKey.toBase58(),
      recipient: local.merchant.publicKey.toBase58(),
      mint: local.mint.toBase58(),
      tokenProgram: 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA',
      decimals: 6,
      newReference: () => Keypair.generate().publicKey.toBase58(),
      async walletSends(base64, payer) {
        const transaction = Transaction.from(Buffer.from(base64, 'base64'));
        const signer = signers.get(payer);
        if (!signer) throw new Error(`cannot sign for ${payer}`);
        transaction.partialSign(signer);
        try {
          return await connection.sendRawTransaction(transaction.serialize(), {
            skipPreflight: true,
          });
        } catch {
          return null;
        }
      },
      produceBlock: () => local.advanceSlots(1),
      finalize: () => local.advanceSlots(FINALIZE_AFTER_SLOTS + 1),
      async prefund(address) {
        const grief = new Transaction({
          feePayer: griefer.publicKey,
          ...(await connection.getLatestBlockhash()),
        }).add(
          SystemProgram.transfer({
            fromPubkey: griefer.publicKey,
            toPubkey: new PublicKey(address),
            lamports: rent,
          }),
        );
        grief.sign(griefer);
        await connection.sendRawTransaction(grief.serialize());
      },
      expireBlockhashes: () => local.advanceSlots(BLOCKHASH_LIFETIME + 2),
      async balance(wallet) {
        const ata = getAssociatedTokenAddressSync(local.mint, new PublicKey(wallet), true);
        const info = await connection.getAccountInfo(ata, 'confirmed');
        if (!info) return 0n;
        return BigInt((await connection.getTokenAccountBalance(ata, 'confirmed')).value.amount);
      },
      close: () => local.close(),
    };
  },
  { timeoutMs: 60_000 },
);
