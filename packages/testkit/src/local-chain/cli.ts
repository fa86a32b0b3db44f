/**
 * Starts the local Solana chain and keeps it running until Ctrl-C.
 *
 *   npx tsx packages/testkit/src/local-chain/cli.ts --port 8899 [--host 127.0.0.1]
 *     [--slot-ms 400] [--keypair-dir .local/local-chain] [--json]
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { USDC_TOKEN } from '@solpay/domain';
import { startLocalChain } from './start-local-chain';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8899' },
      host: { type: 'string', default: '127.0.0.1' },
      'slot-ms': { type: 'string', default: '400' },
      'finalize-after-slots': { type: 'string', default: '2' },
      'blockhash-lifetime': { type: 'string', default: '150' },
      'keypair-dir': { type: 'string', default: '.local/local-chain' },
      json: { type: 'boolean', default: false },
    },
  });
  const chain = await startLocalChain({
    port: Number(values.port),
    host: values.host,
    slotMs: Number(values['slot-ms']),
    finalizeAfterSlots: Number(values['finalize-after-slots']),
    blockhashLifetimeBlocks: Number(values['blockhash-lifetime']),
    keypairDir: resolve(values['keypair-dir']),
  });
  const info = {
    rpcUrl: chain.rpcUrl,
    wsUrl: chain.wsUrl,
    mint: chain.mint.toBase58(),
    mintAuthority: chain.mintAuthority.publicKey.toBase58(),
    gas: { pubkey: chain.gas.publicKey.toBase58(), keypair: chain.keypairPaths?.gas },
    buyer: { pubkey: chain.buyer.publicKey.toBase58(), keypair: chain.keypairPaths?.buyer },
    merchant: {
      pubkey: chain.merchant.publicKey.toBase58(),
      keypair: chain.keypairPaths?.merchant,
    },
  };
  if (values.json) {
    console.log(JSON.stringify(info));
  } else {
    console.log(`Local Solana chain (LiteSVM) is running
  RPC URL     ${info.rpcUrl}
  WebSocket   ${info.wsUrl}
  USDC mint   ${info.mint} (${USDC_TOKEN.decimals} decimals)
  gas         ${info.gas.pubkey}  ${info.gas.keypair}
  buyer       ${info.buyer.pubkey}  ${info.buyer.keypair}
  merchant    ${info.merchant.pubkey}  ${info.merchant.keypair}
Press Ctrl-C to stop.`);
  }
  const stop = () => {
    void chain.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // The slot timer is unref'd; this keeps the process alive until a signal arrives.
  setInterval(() => undefined, 1 << 30);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
